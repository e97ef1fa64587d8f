"""Markdown (.md): plain text whose ``#`` headings declare their level.

One block per paragraph (lines up to a blank line, kept with their line
breaks), ``line`` its first line. Heading marks, emphasis, inline code, links
and images (their text kept), bullets and quote marks are stripped; numbered
list markers are kept, being the report's own numbering. Each list item is
a block of its own. Table rows become
one ``cell`` block per cell. Encoding as for plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lawcheck.document.model import RawBlock, Source
from lawcheck.readers import txt

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_THEMATIC = re.compile(r"^ {0,3}([-*_])( *\1){2,} *$")
_LIST_ITEM = re.compile(r"^\s*(?:>\s?)*(?:[-*+]|\d+[.)])[ \t]+")
_BULLET = re.compile(r"^(\s*)(?:>\s?)*(?:[-*+][ \t]+)?")
# Each pattern's repeated part cannot run past the next opening mark, so no input makes
# these quadratic (400 KB of "[[[…" or "*a *a…" is read in milliseconds).
_INLINE = (
    (re.compile(r"!\[([^\[\]]*)\]\([^()]*\)"), r"\1"),  # images: alt text
    (re.compile(r"\[([^\[\]]+)\]\([^()]*\)"), r"\1"),  # links: their text
    (re.compile(r"\*\*([^*\n]+?)\*\*|__([^_\n]+?)__"), r"\1\2"),
    (re.compile(r"(?<![*\w])\*(?![\s*])([^*\n]*?[^\s*])\*(?!\*)|(?<![*\w])\*(?![\s*])([^*\s])\*(?!\*)"), r"\1\2"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"<[^<>]+>"), ""),  # inline HTML tags
)


def read(path: Path, data: bytes) -> Source:
    """Read a Markdown file as headings, paragraphs and table cells."""
    text, encoding, replaced = txt.decode(data, path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Source(path=str(path), format="md", blocks=tuple(_blocks(lines)), encoding=encoding, replaced=replaced)


def _blocks(lines: list[str]) -> Iterator[RawBlock]:
    paragraph: list[str] = []
    start = 0
    fenced = False
    for number, line in enumerate(lines, start=1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            if line.strip():
                yield RawBlock(text=line, line=number)
            continue
        setext = _SETEXT.match(line)
        if setext and paragraph:
            level = 1 if setext.group(1).startswith("=") else 2
            yield RawBlock(text=_inline(" ".join(paragraph)), style_level=level, line=start)
            paragraph = []
            continue
        if (not line.strip() or _THEMATIC.match(line) or _ATX.match(line) or "|" in line
                or _LIST_ITEM.match(line)):
            yield from _paragraph(paragraph, start)
            paragraph = []
        if not line.strip() or _THEMATIC.match(line):
            continue
        heading = _ATX.match(line)
        if heading:
            yield RawBlock(text=_inline(heading.group(2)), style_level=len(heading.group(1)),
                           line=number)
        elif "|" in line:
            yield from _row(line, number)
        else:
            start = start if paragraph else number
            paragraph.append(_BULLET.sub(r"\1", line, count=1).strip())
    yield from _paragraph(paragraph, start)


def _paragraph(lines: list[str], start: int) -> Iterator[RawBlock]:
    text = _inline("\n".join(lines))
    if text.strip():
        yield RawBlock(text=text, line=start)


def _row(line: str, number: int) -> Iterator[RawBlock]:
    if _TABLE_RULE.match(line):
        return
    for cell in line.strip().strip("|").split("|"):
        text = _inline(cell.strip())
        if text:
            yield RawBlock(text=text, kind="cell", line=number)


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text
