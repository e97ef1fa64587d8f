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
from typing import NamedTuple

from lawcheck.errors import ReadError
from lawcheck.document.model import RawBlock, Source

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


_STRAY_SHARE = 0.002  # undecodable bytes tolerated in UTF-8 text (a few stray bytes in a report)
_STRAY_MIN = 16


class Decoded(NamedTuple):
    text: str
    encoding: str
    replaced: int = 0  # undecodable bytes read as U+FFFD


def read(path: Path, data: bytes) -> Source:
    """Read a text file's lines as blocks."""
    text, encoding, replaced = decode(data, path)
    return Source(path=str(path), format="txt", blocks=line_blocks(text), encoding=encoding, replaced=replaced)


def decode(data: bytes, path: Path) -> Decoded:
    """Decode ``data`` and name the encoding used; binary data is refused."""
    decoded = _decode(data, path)
    if _is_binary(decoded.text, decoded.replaced):
        raise ReadError("binary", path=str(path))
    return decoded


def line_blocks(text: str) -> tuple[RawBlock, ...]:
    """One block per non-empty line, numbered from 1."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return tuple(RawBlock(line, "paragraph", None, number)  # a hundred a file
                 for number, line in enumerate(lines, start=1) if line.strip())


def _decode(data: bytes, path: Path) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8):]
        strict = _strict(body, "utf-8")
        if strict is not None:
            return Decoded(strict, "utf-8-sig")
        gb = _strict(body, "gb18030")  # a BOM put before GBK text by an editor
        if gb is not None and _reads_as_gb(gb):
            return Decoded(gb, "gb18030")
        return _replaced(body, "utf-8-sig")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"), encoding)
    # Zero bytes: UTF-16 or UTF-32 without a mark, or binary; both decode as
    # UTF-8 or GB18030 into control characters, so leave them to detection.
    gb_text = None
    if b"\x00" not in data:
        utf8_text = _strict(data, "utf-8")
        if utf8_text is not None:
            return Decoded(utf8_text, "utf-8")
        gb_text = _strict(data, "gb18030")
        if gb_text is not None and _reads_as_gb(gb_text):
            return Decoded(gb_text, "gb18030")
        # UTF-8 with a few stray bytes (a cut character, an encoded lone surrogate): read
        # it, the strays replaced, rather than guess another encoding for all of it.
        stray = _replaced(data, "utf-8")
        if stray.replaced <= max(_STRAY_MIN, _STRAY_SHARE * len(data)):
            return stray
    from charset_normalizer import from_bytes  # only for text that is not UTF-8 (or UTF-16)

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        encoding = codecs.lookup(best.encoding).name
        return Decoded(str(best), _canonical(encoding))
    if gb_text is not None:
        return Decoded(gb_text, "gb18030")
    raise ReadError("binary", path=str(path))


def _replaced(data: bytes, encoding: str) -> Decoded:
    """``data`` decoded with each undecodable byte sequence replaced by U+FFFD, and their number."""
    text = data.decode(encoding, errors="replace")
    return Decoded(text, encoding, text.count("\ufffd") - data.count("\ufffd".encode("utf-8")))


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


def _is_binary(text: str, replaced: int = 0) -> bool:
    """Mostly control characters (replacement characters we put there do not count)."""
    return len(_CONTROL.findall(text)) - replaced > _MAX_CONTROL * len(text)
