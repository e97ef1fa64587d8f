"""Hostile input: each refused with ReadError, quickly and without inflating it."""

from __future__ import annotations

import json
import os
import resource
import struct
import subprocess
import sys
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


# Through the CLI, in a child process: exit 2, the one-sentence message, and a
# bound on the child's own time and peak memory (its rusage from wait4).
CHILD_SECONDS = 5
CHILD_RSS_MB = 300
CHILD_ADDRESS_SPACE = 2 * 1024 ** 3  # a runaway inflation fails in the child, not the machine


def _limit_child() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_ADDRESS_SPACE, CHILD_ADDRESS_SPACE))


def run_cli(tmp_path: Path, *args: str) -> tuple[int, str, str]:
    """``python -m lawcheck ARGS`` → (exit code, stdout, stderr), within the budget."""
    out, err = tmp_path / "cli.out", tmp_path / "cli.err"
    started = time.monotonic()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        child = subprocess.Popen([sys.executable, "-m", "lawcheck", *args], cwd=tmp_path,
                                 stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr,
                                 preexec_fn=_limit_child, env={**os.environ, "COLUMNS": "200"})
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.monotonic() - started
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    assert elapsed < CHILD_SECONDS, f"took {elapsed:.1f}s"
    assert peak_mb < CHILD_RSS_MB, f"peak RSS {peak_mb:.0f} MB"
    return child.returncode, out.read_text(encoding="utf-8"), err.read_text(encoding="utf-8")


def refused_by_cli(tmp_path: Path, path: Path, *options: str) -> str:
    code, stdout, stderr = run_cli(tmp_path, "check", path.name, *options)
    assert (code, stdout) == (2, ""), stderr
    return stderr.strip()


def test_cli_zip_bomb_inflating_to_gigabytes(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            block = b" " * (16 * 1024 * 1024)
            for _ in range(2 * 1024 // 16):  # 2 GB of spaces, about 2 MB compressed
                member.write(block)
    assert path.stat().st_size < 5 * 1024 * 1024
    assert refused_by_cli(tmp_path, path) == "bomb.docx 解压后体积异常巨大（疑似压缩炸弹），已拒绝读取。"


def test_cli_xml_with_entity_declarations(tmp_path: Path, make_docx: MakeDocx) -> None:
    path = make_docx(lambda d: d.add_paragraph("正文"), name="entities.docx")
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    replace_member(path, "word/document.xml", (
        f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "哈">{entities}]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body>"
        "</w:document>").encode())
    assert refused_by_cli(tmp_path, path) == (
        "entities.docx 内含 DOCTYPE/ENTITY 声明，出于安全原因已拒绝读取。")


def test_cli_password_protected_docx(tmp_path: Path) -> None:
    path = tmp_path / "secret.docx"
    path.write_bytes((FIXTURES / "encrypted-password-1234.docx").read_bytes())
    assert refused_by_cli(tmp_path, path) == (
        "secret.docx 设有打开密码（已加密），请去掉密码后另存一份再检查。")


def test_cli_workbook_renamed_to_docx(tmp_path: Path) -> None:
    path = tmp_path / "book.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    assert refused_by_cli(tmp_path, path) == (
        "book.docx 的扩展名是 .docx，但内容其实是电子表格（Excel 等），不是报告文档。")


def test_cli_docx_without_body(tmp_path: Path, make_docx: MakeDocx) -> None:
    path = make_docx(lambda d: d.add_paragraph("正文"), name="nobody.docx")
    replace_member(path, "word/document.xml",
                   f'<?xml version="1.0"?><w:document {W}></w:document>'.encode())
    assert refused_by_cli(tmp_path, path) == (
        "nobody.docx 是 Word 文件，但缺少正文部分（document.xml 中没有 w:body）。")


def test_cli_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: 200 MB declared, nothing stored
    assert refused_by_cli(tmp_path, path) == "文件 huge.txt 大小为 200 MB，超过了 50 MB 的上限。"


def test_cli_max_size_option(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(("一、主要举措和成效\n" + "依法行政。" * 100_000).encode("utf-8"))  # 1.5 MB
    assert refused_by_cli(tmp_path, path, "--max-size", str(1024 * 1024)) == (
        "文件 report.txt 大小为 1.4 MB，超过了 1 MB 的上限。")


def test_cli_batch_folder_with_symlink_loops(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_text("关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n依法行政。\n",
                                     encoding="utf-8")
    (folder / "self.txt").symlink_to("self.txt")
    (folder / "ping.txt").symlink_to("pong.txt")
    (folder / "pong.txt").symlink_to("ping.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to("..", target_is_directory=True)  # a folder loop
    code, stdout, stderr = run_cli(tmp_path, "batch", "reports", "--format", "json")
    assert code == 2
    errors = {row["path"]: row["error"] for row in json.loads(stdout)["reports"]}
    assert errors == {
        "reports/good.txt": None,
        "reports/ping.txt": "reports/ping.txt 是循环的符号链接，无法找到实际文件。",
        "reports/pong.txt": "reports/pong.txt 是循环的符号链接，无法找到实际文件。",
        "reports/self.txt": "reports/self.txt 是循环的符号链接，无法找到实际文件。",
    }
    assert stderr.strip() == "有 3 个文件无法读取，原因已列在汇总中。"
