"""``in``, ``exclude_in``, ``section`` and ``heading``: where in the report.

``in: [plans]`` holds in sentences inside a named section (sections are
declared at the top of the checklist by their headings); ``exclude_in`` holds
outside them. ``section: {name: plans, min_chars: 50}`` holds at the heading of
a section of that name with at least ``min_chars`` characters of content::

    match: {section: {name: plans, min_chars: 50}}

``heading: "其他.{0,4}(报告|说明)"`` holds at a heading whose text matches.
"""

from __future__ import annotations

from typing import Any

from lawcheck.clauses.base import EMPTY, Hit
from lawcheck.clauses.pattern import Pattern, search
from lawcheck.context import SentenceView


class InSections:
    def __init__(self, spec: list[str]) -> None:
        self.names = tuple(spec)

    def literals(self) -> frozenset[str] | None:
        return None

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        return [EMPTY] if any(s.in_section(n) for n in self.names) else []


class OutsideSections(InSections):
    def literals(self) -> frozenset[str] | None:
        return None

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        return [] if any(s.in_section(n) for n in self.names) else [EMPTY]


class SectionHead:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.name = spec["name"]
        self.min_chars = int(spec.get("min_chars", 0))

    def literals(self) -> frozenset[str] | None:
        return None

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        chars = s.section_head(self.name)
        if chars is None or chars < self.min_chars:
            return []
        return [Hit(((0, len(s.text)),))]


class Under:
    """``under``: the sentence sits under a heading that names one of the terms.

        match: {all: [{under: [规范性文件]}, {any: [清理, 备案]}]}

    holds in "共清理文件14件，均已报备。" under "（四）加强行政规范性文件管理".
    """

    def __init__(self, spec: list[str]) -> None:
        from lawcheck.text import norm

        self.terms = tuple(norm(t) for t in spec)

    def literals(self) -> frozenset[str] | None:
        return None

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        if any(t in title for title in s.headings_above() for t in self.terms):
            return [EMPTY]
        return []


class HeadingText:
    def __init__(self, spec: Any) -> None:
        self.pattern = Pattern(spec)  # {year}/{next_year} are filled per report

    def literals(self) -> frozenset[str] | None:
        return None

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        title = s.heading_title()
        if title is None or not any(search(p, title) for p in self.pattern.patterns(s.year)):
            return []
        return [Hit(((0, len(s.text)),))]
