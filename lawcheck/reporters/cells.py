"""Text in terminal columns: a Chinese character takes two, a Latin letter one.

For the plain-text outputs that do not draw with rich (help, ``eval``), so
they line up in a terminal without importing it.
"""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``columns`` (on the left when ``right``)."""
    fill = " " * max(0, columns - width(text))
    return fill + text if right else text + fill


_NO_LINE_START = "）)》」』】〕，。、；：！？”’.,;:!?"  # punctuation a line must not begin with


def wrap(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns``: Latin words kept whole, Chinese broken anywhere."""
    lines: list[str] = []
    line = ""
    for word in _words(text):
        if line and width(line + word) > columns and word[0] not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line += word
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _words(text: str) -> list[str]:
    """Pieces a line may break between: a Latin word with its following space, or one wide character."""
    pieces: list[str] = []
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in "WF"
        if pieces and not wide and ch != " " and not pieces[-1].endswith(" ") and not _wide(pieces[-1]):
            pieces[-1] += ch
        elif pieces and ch == " ":
            pieces[-1] += ch
        else:
            pieces.append(ch)
    return pieces


def _wide(piece: str) -> bool:
    return unicodedata.east_asian_width(piece[-1]) in "WF"
