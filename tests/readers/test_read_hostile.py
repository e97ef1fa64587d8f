"""Hostile input: each refused with ReadError, quickly and without inflating it."""

from __future__ import annotations

import struct
import time
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docxmaker import add_numbering, numbered

from lawcheck.errors import ReadError
from lawcheck.readers import read

FIXTURES = Path(__file__).parent.parent / "fixtures"
MakeDocx = Callable[..., Path]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.fixture
def budget() -> Iterator[None]:
    """The refusal must take under 5 seconds and 64 MB of Python memory."""
    tracemalloc.start()
    started = time.monotonic()
    yield
    elapsed = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 5, f"took {elapsed:.1f}s"
    assert peak < 64 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"


def refused(path: Path) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read(path)
    assert str(path) in caught.value.render()
    return caught.value


def replace_member(docx_path: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(docx_path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members[name] = data
    with zipfile.ZipFile(docx_path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, content in members.items():
            zf.writestr(member, content)


def bomb_docx(path: Path, size: int) -> Path:
    """A docx whose document.xml inflates to ``size`` bytes of spaces."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b" " * size)
    return path


def test_zip_bomb_refused_from_declared_sizes(tmp_path: Path, budget: None) -> None:
    path = bomb_docx(tmp_path / "bomb.docx", 40 * 1024 * 1024)
    error = refused(path)
    assert error.key == "zip_bomb"
    assert error.render() == f"{path} 解压后体积异常巨大（疑似压缩炸弹），已拒绝读取。"


def test_zip_bomb_lying_about_its_size_is_capped(tmp_path: Path, budget: None) -> None:
    path = bomb_docx(tmp_path / "liar.docx", 40 * 1024 * 1024)
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    # Declare 1000 bytes in the local header and in the central directory.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                data[start + offset:start + offset + 4] = struct.pack("<I", 1000)
            start += 4
    path.write_bytes(bytes(data))
    assert refused(path).key in ("zip_bomb", "corrupt")


def test_billion_laughs_refused(make_docx: MakeDocx, budget: None) -> None:
    path = make_docx(lambda d: d.add_paragraph("正文"))
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    replace_member(path, "word/document.xml", (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "哈">{entities}]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body>"
        "</w:document>").encode())
    error = refused(path)
    assert error.key == "xml_entities"
    assert error.render() == f"{path} 内含 DOCTYPE/ENTITY 声明，出于安全原因已拒绝读取。"


def test_external_entity_refused_in_any_part(make_docx: MakeDocx, budget: None) -> None:
    path = make_docx(lambda d: d.add_paragraph("正文"))
    replace_member(path, "word/styles.xml", (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f"<w:styles {W}><w:style><w:name w:val=\"&xxe;\"/></w:style></w:styles>").encode())
    assert refused(path).key == "xml_entities"


def test_doctype_after_long_padding_is_still_refused(make_docx: MakeDocx) -> None:
    path = make_docx(lambda d: d.add_paragraph("正文"))
    replace_member(path, "word/document.xml", (
        '<?xml version="1.0"?>' + " " * 10_000 + "<!DOCTYPE w:document []>"
        f"<w:document {W}><w:body/></w:document>").encode())
    assert refused(path).key == "xml_entities"


def test_password_protected_docx(budget: None) -> None:
    assert refused(FIXTURES / "encrypted-password-1234.docx").key == "encrypted"


def test_over_max_size_is_not_read(tmp_path: Path, budget: None) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB declared, nothing stored
    assert refused(path).key == "too_large"


def test_deeply_nested_xml_is_refused(make_docx: MakeDocx, budget: None) -> None:
    path = make_docx(lambda d: d.add_paragraph("正文"))
    depth = 5_000  # libxml2 stops at 256 levels unless huge_tree is on
    replace_member(path, "word/document.xml", (
        f"<w:document {W}><w:body><w:p>" + "<w:r>" * depth + "</w:r>" * depth
        + "</w:p></w:body></w:document>").encode())
    assert refused(path).key == "corrupt"


def test_huge_repeat_counts_do_not_fill_memory(tmp_path: Path, make_docx: MakeDocx,
                                               budget: None) -> None:
    from test_read_markup import ODT_CONTENT, write_odt

    odt = write_odt(tmp_path / "spaces.odt",
                    ODT_CONTENT.replace('text:c="2"', 'text:c="999999999"'))
    assert len(read(odt).blocks[1].text) < 200

    def build(d: docx.document.Document) -> None:
        add_numbering(d, 2, [("upperLetter", "%1.", 999_999_999)])
        numbered(d, "第一项", 2)
        d.add_paragraph("正文").add_run().element.append(parse_xml(
            f'<w:sym {nsdecls("w")} w:char="FFFFFFFF"/>'))

    assert [b.text for b in read(make_docx(build)).blocks] == ["999999999.第一项", "正文"]
