"""Files that cannot be read: each gives its own key and a message naming the file."""

from __future__ import annotations

import io
import os
import random
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from lawcheck.errors import ReadError
from lawcheck.readers import read
from lawcheck.readers.sniff import OLE2_MAGIC

MakeDocx = Callable[..., Path]


def refused(path: Path, **kwargs: int) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read(path, **kwargs)
    error = caught.value
    assert str(path) in error.render("zh")
    assert str(path) in error.render("en")
    return error


def ole2_file(path: Path, stream: str) -> Path:
    """A file with the OLE2 header and a directory entry naming ``stream``."""
    entry = stream.encode("utf-16-le").ljust(64, b"\0")
    path.write_bytes(OLE2_MAGIC + b"\0" * 504 + entry + os.urandom(1000))
    return path


def zip_file(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "无此文件.docx"
    error = refused(path)
    assert error.key == "not_found"
    assert error.render() == f"找不到文件 {path}。"
    assert error.render("en") == f"File {path} does not exist."


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "reports.txt"
    folder.mkdir()
    assert refused(folder).key == "is_directory"


def test_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop.txt")
    assert refused(loop).key == "symlink_loop"


def test_dangling_symlink_is_missing(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert refused(link).key == "not_found"


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="root can read any file; Windows has no mode that forbids reading")
def test_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("报告", encoding="utf-8")
    path.chmod(0)
    assert refused(path).key == "unreadable"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="Windows has no named pipes in the file system")
def test_fifo_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert refused(fifo).key == "not_a_file"


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n"], ids=["zero-bytes", "whitespace"])
@pytest.mark.parametrize("name", ["a.txt", "a.docx"])
def test_empty(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    error = refused(path)
    assert error.key == "empty"
    assert error.render() == f"文件 {path} 是空的，没有任何文字。"


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes("报告".encode("utf-8") * 400_000)
    error = refused(path, max_size=1024 * 1024)
    assert error.key == "too_large"
    assert error.render() == f"文件 {path} 大小为 2.3 MB，超过了 1 MB 的上限。"


def test_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.xyz"
    path.write_text("报告", encoding="utf-8")
    error = refused(path)
    assert error.key == "unknown_format"
    assert error.params["suffix"] == ".xyz"


def test_missing_file_with_unknown_extension_is_missing(tmp_path: Path) -> None:
    assert refused(tmp_path / "report.xyz").key == "not_found"


def test_no_extension(tmp_path: Path) -> None:
    path = tmp_path / "report"
    path.write_text("报告", encoding="utf-8")
    error = refused(path)
    assert error.key == "unknown_format"
    assert error.render("en") == (
        f'{path} has the unsupported format "-"; supported formats are: '
        ".txt .md .markdown .docx .pdf .html .htm .odt .rtf.")  # not .doc/.wps, which are refused


def test_truncated_docx_is_corrupt(tmp_path: Path, make_docx: MakeDocx) -> None:
    good = make_docx(lambda d: d.add_paragraph("正文" * 500))
    path = tmp_path / "truncated.docx"
    path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    error = refused(path)
    assert error.key == "corrupt"
    assert error.render() == f"{path} 已损坏，或不是有效的 DOCX 文件。"


@pytest.mark.parametrize("name", ["noise.docx", "noise.txt"])
def test_random_bytes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(random.Random(7).randbytes(5000))
    assert refused(path).key == ("corrupt" if name.endswith(".docx") else "binary")


def test_xlsx_renamed_docx(tmp_path: Path) -> None:
    path = zip_file(tmp_path / "table.docx", {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook/>',
    })
    error = refused(path)
    assert error.key == "content_is_spreadsheet"
    assert error.render() == (f"{path} 的扩展名是 .docx，但内容其实是电子表格（Excel 等），"
                              "不是报告文档。")


def test_plain_zip_named_docx(tmp_path: Path) -> None:
    path = zip_file(tmp_path / "bundle.docx", {"a.txt": b"hello"})
    assert refused(path).key == "content_is_archive"


def test_encrypted_docx(tmp_path: Path) -> None:
    path = ole2_file(tmp_path / "locked.docx", "EncryptedPackage")
    error = refused(path)
    assert error.key == "encrypted"
    assert error.render() == f"{path} 设有打开密码（已加密），请去掉密码后另存一份再检查。"


def test_legacy_word_file_named_docx(tmp_path: Path) -> None:
    path = ole2_file(tmp_path / "old.docx", "WordDocument")
    error = refused(path)
    assert error.key == "legacy_doc"
    assert f'libreoffice --headless --convert-to docx "{path}"' in error.render()
    # a Word user is told to save as .docx first; the command comes second
    assert error.render().index("另存为") < error.render().index("libreoffice")
    assert error.render("en").index("save it as .docx") < error.render("en").index("libreoffice")


def test_docx_without_body(tmp_path: Path, make_docx: MakeDocx) -> None:
    path = make_docx(lambda d: None)
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    members["word/document.xml"] = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"/>')
    zip_file(path, members)
    assert refused(path).key == "no_body"


def test_docx_with_only_empty_paragraphs_has_no_text(make_docx: MakeDocx) -> None:
    path = make_docx(lambda d: d.add_paragraph("   "))
    error = refused(path)
    assert error.key == "no_text"


def test_every_key_has_both_languages_and_names_the_file() -> None:
    from lawcheck.messages.read import READ_MESSAGES

    for key, entry in READ_MESSAGES.items():
        assert set(entry) == {"zh", "en"}, key
        assert "{path}" in entry["zh"] and "{path}" in entry["en"], key


def test_docx_zip_read_from_memory_only(tmp_path: Path) -> None:
    # A zip whose directory says word/ but whose member is damaged.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document" * 100)
    data = bytearray(buffer.getvalue())
    data[40:60] = b"\xff" * 20  # inside the deflated stream
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    assert refused(path).key == "corrupt"


def test_a_small_size_limit_is_said_in_kilobytes(tmp_path):
    from lawcheck.errors import ReadError
    from lawcheck.readers import read

    path = tmp_path / "r.txt"
    path.write_text("法治政府建设。" * 600, encoding="utf-8")
    try:
        read(path, max_size=4096)
    except ReadError as error:
        assert error.render() == f"文件 {path} 大小为 12.3 KB，超过了 4 KB 的上限。"
    else:
        raise AssertionError("no error")
