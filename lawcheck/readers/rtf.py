"""Rich Text Format (.rtf), through striprtf.

striprtf is a small, pure-Python converter that handles RTF's destinations
(fonts, styles, pictures are skipped) and ``\\uN`` escapes. The ``\\'xx`` bytes
are decoded in the code page the file declares (``\\ansicpg936`` is GBK, the
usual one for Chinese), else GB18030. One block per non-empty line.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from striprtf.striprtf import rtf_to_text

from lawcheck.errors import ReadError
from lawcheck.document.model import Source
from lawcheck.readers import txt

_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")
_CODEPAGES = {"936": "gb18030", "950": "big5", "65001": "utf-8"}


def read(path: Path, data: bytes) -> Source:
    """Read an RTF file's text, one block per paragraph."""
    declared = _CODEPAGE.search(data[:4096])
    encoding = _CODEPAGES.get(declared.group(1).decode(), "cp" + declared.group(1).decode()) \
        if declared else "gb18030"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "gb18030"
    try:
        source = data.decode("latin-1")  # RTF itself is 7-bit; \'xx escapes carry the bytes
        text = rtf_to_text(source, encoding=encoding, errors="replace")
    except (ValueError, IndexError, KeyError) as exc:
        raise ReadError("corrupt", path=str(path), format="RTF", detail=str(exc)) from exc
    blocks = txt.line_blocks(text)
    if not blocks and _unbalanced(data):
        # The text sits inside a group that never closes: striprtf skips it as a destination.
        raise ReadError("corrupt", path=str(path), format="RTF", detail="unbalanced braces")
    return Source(path=str(path), format="rtf", blocks=blocks, encoding=encoding)


def _unbalanced(data: bytes) -> bool:
    """Whether the groups ({…}) do not close, escaped braces (\\{ \\}) aside."""
    plain = data.replace(b"\\\\", b"").replace(b"\\{", b"").replace(b"\\}", b"")
    return plain.count(b"{") != plain.count(b"}")
