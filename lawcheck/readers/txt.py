"""Plain text (.txt): the encoding is detected from the bytes, never assumed.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8; GB18030 (a
superset of GBK and GB2312) when the result reads as simplified Chinese;
otherwise charset-normalizer decides (Big5, UTF-16 without a mark, ...).
One :class:`RawBlock` per non-empty line, ``line`` counted from 1 after
``\\r\\n`` and ``\\r`` are turned into ``\\n``.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from lawcheck.errors import ReadError
from lawcheck.model import RawBlock, Source

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose mark is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB_PLAUSIBLE = 0.9  # share of CJK characters that GB2312 holds in real GB text
_MAX_CONTROL = 0.05  # share of control characters tolerated in text
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_GB_SAMPLE = 20_000  # CJK characters looked at to judge a GB18030 decoding


def read(path: Path, data: bytes) -> Source:
    """Read a text file's lines as blocks."""
    text, encoding = decode(data, path)
    return Source(path=str(path), format="txt", blocks=line_blocks(text), encoding=encoding)


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode ``data`` and name the encoding used; binary data is refused."""
    text, encoding = _decode(data, path)
    if _is_binary(text):
        raise ReadError("binary", path=str(path))
    return text, encoding


def line_blocks(text: str) -> tuple[RawBlock, ...]:
    """One block per non-empty line, numbered from 1."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return tuple(RawBlock(text=line, line=number)
                 for number, line in enumerate(lines, start=1) if line.strip())


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    # Zero bytes: UTF-16 or UTF-32 without a mark, or binary; both decode as
    # UTF-8 or GB18030 into control characters, so leave them to detection.
    gb_text = None
    if b"\x00" not in data:
        utf8_text = _strict(data, "utf-8")
        if utf8_text is not None:
            return utf8_text, "utf-8"
        gb_text = _strict(data, "gb18030")
        if gb_text is not None and _reads_as_gb(gb_text):
            return gb_text, "gb18030"
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        encoding = codecs.lookup(best.encoding).name
        return str(best), _canonical(encoding)
    if gb_text is not None:
        return gb_text, "gb18030"
    raise ReadError("binary", path=str(path))


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _reads_as_gb(text: str) -> bool:
    """Whether CJK text decoded as GB18030 is mostly common GB2312 characters.

    Big5 bytes are nearly all valid GB18030 too, but decode to rare characters.
    """
    cjk = [c for c in text[: _GB_SAMPLE * 4] if ord(c) >= 0x2E80][:_GB_SAMPLE]
    if not cjk:
        return True
    common = sum(1 for c in cjk if _in_gb2312(c))
    return common >= _GB_PLAUSIBLE * len(cjk)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _canonical(encoding: str) -> str:
    names = {"utf_16": "utf-16", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be",
             "utf_8": "utf-8", "big5hkscs": "big5hkscs", "cp950": "big5"}
    return names.get(encoding, encoding.replace("_", "-"))


def _is_binary(text: str) -> bool:
    return len(_CONTROL.findall(text)) > _MAX_CONTROL * len(text)
