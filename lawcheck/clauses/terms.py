"""``any``: one of the listed terms occurs (plain text, matched after normalisation).

    match: {any: [法律顾问, 公职律师]}

holds in "街道法律顾问全年审核合同328份。". Items of the list may also be
clauses, which are then alternatives: ``any: [述法, {regex: "亲自部署.{0,10}亲自督办"}]``.
Terms may contain ``{year}`` and ``{next_year}``.
"""

from __future__ import annotations

import re
from typing import Any

from lawcheck.clauses.base import MAX_HITS, Clause, Hit, any_literals, compile_clause, distinct
from lawcheck.context import SentenceView
from lawcheck.text import norm


class Terms:
    def __init__(self, spec: list[Any]) -> None:
        self.terms = tuple(norm(t) for t in spec if isinstance(t, str))
        self.alternatives: tuple[Clause, ...] = tuple(compile_clause(c) for c in spec if not isinstance(c, str))
        self._compiled: dict[int | None, re.Pattern[str]] = {}
        self.templated = any("{" in t for t in self.terms)

    def pattern(self, year: int | None) -> re.Pattern[str]:
        key = year if self.templated else None
        pattern = self._compiled.get(key)
        if pattern is None:
            terms = sorted((fill(t, year) for t in self.terms), key=len, reverse=True)
            pattern = re.compile("|".join(re.escape(t) for t in terms)) if terms else re.compile(r"(?!)")
            self._compiled[key] = pattern
        return pattern

    def literals(self) -> frozenset[str] | None:
        if self.templated:
            return None
        alternatives = any_literals(list(self.alternatives))
        return None if alternatives is None else frozenset(self.terms) | alternatives

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        found: list[Hit] = []
        if self.terms:
            for m in self.pattern(s.year).finditer(s.text):
                found.append(Hit(((m.start(), m.end()),), s.reasons(m.start(), m.end())))
                if len(found) >= MAX_HITS:
                    break
        for alternative in self.alternatives:
            found.extend(alternative.hits(s, anchors))
        return found


def fill(template: str, year: int | None) -> str:
    """Replace ``{year}``/``{next_year}`` (an impossible year when the report's is unknown)."""
    if "{" not in template:
        return template
    y = year if year is not None else 0
    return template.replace("{next_year}", str(y + 1)).replace("{year}", str(y))


__all__ = ["Terms", "fill", "distinct"]
