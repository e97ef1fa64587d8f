"""Text that cannot hurt the person who reads it: no terminal control codes, no bidi overrides,
no spreadsheet formulas.

A report, or a file's name, may carry ESC sequences (clear the screen, rewrite the
title bar), C1 controls, or U+202E (which shows the rest of a line reversed).
Readers strip them from the text (:func:`strip_controls`); every name and value
printed is passed through :func:`printable`, which shows them as escapes.
A spreadsheet evaluates a cell that starts with = + - @ (OWASP's CSV injection):
:func:`inert_cell` makes such a cell text.
"""

from __future__ import annotations

import re

# C0 controls but tab and line breaks, DEL, C1 controls, and the bidi embedding,
# override and isolate controls.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def strip_controls(text: str) -> str:
    """``text`` without control and bidi characters (tab and line breaks kept)."""
    return CONTROLS.sub("", text) if CONTROLS.search(text) else text


def printable(text: str) -> str:
    """``text`` with control and bidi characters shown as escapes (``\\x1b``, ``\\u202e``)."""
    if not CONTROLS.search(text):
        return text
    return CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)


def is_formula(value: str) -> bool:
    """Whether a spreadsheet would evaluate ``value`` typed into a cell (a plain number would not)."""
    return value.startswith(FORMULA_START) and not _NUMBER.match(value)


def inert_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as typed: a leading ' where it would start a formula."""
    return "'" + value if is_formula(value) else value
