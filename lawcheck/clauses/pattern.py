"""``regex``: a regular expression matches (on normalised text), with a time limit.

    match: {regex: "亲自(部署|过问|协调|督办)"}

Patterns run with the ``regex`` module's timeout, so a catastrophic pattern in
a user's checklist is reported, not hung on. ``{year}``/``{next_year}`` are
replaced before compiling. Never wrap Chinese in ``\\b``.
"""

from __future__ import annotations

from typing import Any

import regex

from lawcheck.clauses.base import MAX_HITS, Hit
from lawcheck.clauses.terms import fill
from lawcheck.context import SentenceView
from lawcheck.errors import ChecklistError

TIMEOUT_SECONDS = 1.0


class Pattern:
    def __init__(self, spec: Any) -> None:
        self.sources = (spec,) if isinstance(spec, str) else tuple(spec)
        self._compiled: dict[int | None, list[regex.Pattern[str]]] = {}
        self.templated = any("{year}" in p or "{next_year}" in p for p in self.sources)

    def patterns(self, year: int | None) -> list[regex.Pattern[str]]:
        key = year if self.templated else None
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = [compile_pattern(fill(p, year)) for p in self.sources]
            self._compiled[key] = compiled
        return compiled

    def literals(self) -> frozenset[str] | None:
        return None

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        found: list[Hit] = []
        for p in self.patterns(s.year):
            for m in finditer(p, s.text):
                found.append(Hit(((m.start(), m.end()),), s.reasons(m.start(), m.end())))
                if len(found) >= MAX_HITS:
                    return found
        return found


def compile_pattern(source: str) -> "regex.Pattern[str]":
    try:
        return regex.compile(source, regex.V0)
    except regex.error as e:
        raise ChecklistError("regex-invalid", pattern=source, error=str(e)) from None


def finditer(p: "regex.Pattern[str]", text: str) -> list["regex.Match[str]"]:
    """All matches of ``p`` in ``text``, within the time limit."""
    try:
        return list(p.finditer(text, timeout=TIMEOUT_SECONDS))
    except TimeoutError:
        raise ChecklistError("regex-timeout", pattern=p.pattern, seconds=TIMEOUT_SECONDS) from None


def search(p: "regex.Pattern[str]", text: str) -> "regex.Match[str] | None":
    try:
        return p.search(text, timeout=TIMEOUT_SECONDS)
    except TimeoutError:
        raise ChecklistError("regex-timeout", pattern=p.pattern, seconds=TIMEOUT_SECONDS) from None
