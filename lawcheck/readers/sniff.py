"""Tell what a file really is from its first bytes, whatever its name says.

``sniff`` returns one of the content kinds below. ``read`` compares it with the
suffix: a report format we can read wins over a wrong suffix (a .doc that is
really HTML, as many government sites export, is read as HTML); anything that
is not a report (a workbook, an image, an archive) is refused by name.
"""

from __future__ import annotations

import io
import zipfile
from typing import Literal

ContentKind = Literal[
    "docx", "odt", "spreadsheet", "presentation", "archive",
    "encrypted", "legacy_doc", "ole_other",
    "pdf", "rtf", "html", "image", "text",
]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_IMAGE_MAGICS = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a",
                 b"II*\x00", b"MM\x00*", b"BM")
_ARCHIVE_MAGICS = (b"\x1f\x8b", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"BZh")
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ", b"<title")
_ODF_TEXT = b"application/vnd.oasis.opendocument.text"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def sniff(data: bytes) -> ContentKind:
    """Classify ``data`` (the whole file) by content."""
    if data.startswith(ZIP_MAGICS):
        return _sniff_zip(data)
    if data.startswith(OLE2_MAGIC):
        return _sniff_ole(data)
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(_IMAGE_MAGICS):
        return "image"
    if data.startswith(_ARCHIVE_MAGICS):
        return "archive"
    if _looks_html(data[:4096]):
        return "html"
    return "text"  # or binary: only decoding can tell (UTF-16 is full of zero bytes)


def _sniff_zip(data: bytes) -> ContentKind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                info = zf.getinfo("mimetype")
                mimetype = zf.read("mimetype")[:200] if info.file_size < 200 else b""
                if mimetype.startswith(_ODF_TEXT):
                    return "odt"
                if b"spreadsheet" in mimetype:
                    return "spreadsheet"
                if b"presentation" in mimetype:
                    return "presentation"
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
            RuntimeError):  # RuntimeError: a member encrypted with a zip password
        # A damaged zip that starts like one: let the docx reader name the damage.
        return "docx"
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if "content.xml" in names:
        return "odt"
    if any(n.startswith("xl/") for n in names):
        return "spreadsheet"
    if any(n.startswith("ppt/") for n in names):
        return "presentation"
    if "[Content_Types].xml" in names:
        return "docx"  # an Office package with its main part missing: the reader says so
    return "archive"


def _sniff_ole(data: bytes) -> ContentKind:
    # Directory entries hold stream names in UTF-16-LE; a full OLE parser is not
    # needed to tell an encrypted OOXML package from a Word or WPS binary file.
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        return "encrypted"
    if _utf16("WordDocument") in data:
        return "legacy_doc"
    return "ole_other"


def _looks_html(head: bytes) -> bool:
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return True
    if lowered.startswith(b"<") and sum(m in lowered for m in _HTML_MARKERS) >= 2:
        return True
    return False
