"""``in``, ``exclude_in``, ``section``, ``heading`` and ``under``: where in the report.

``in: [plans]`` holds in sentences inside a named section (sections are
declared at the top of the checklist by their headings); ``exclude_in`` holds
outside them. ``section: {name: plans, min_chars: 50}`` holds at the heading of
a section of that name with at least ``min_chars`` characters of content::

    match: {section: {name: plans, min_chars: 50}}

``heading: "其他.{0,4}(报告|说明)"`` holds at a heading whose text matches.
"""

from __future__ import annotations

from typing import Any

from lawcheck.judge.clauses.base import EMPTY, Compile, Hit, Kind, Say, span_hit
from lawcheck.judge.clauses.regex import Regex, describe_patterns
from lawcheck.judge.context import SentenceIndex, SentenceView
from lawcheck.messages import in_lang, listed, quoted
from lawcheck.document.text import norm

SECTION_NAMES = {"type": "array", "items": {"type": "string"}}


class InSections(Kind):
    KEY = "in"
    SCHEMA = {**SECTION_NAMES, "minItems": 1}
    WORDS = {"zh": "位于“{sections}”部分", "en": "inside the \"{sections}\" part"}

    def __init__(self, spec: list[str], compile: Compile | None = None) -> None:
        self.names = tuple(spec)

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        return [EMPTY] if any(s.in_section(n) for n in self.names) else []

    @classmethod
    def sections_named(cls, value: Any) -> list[Any]:
        return list(value) if isinstance(value, list) else []

    @classmethod
    def describe(cls, value: Any, lang: str, say: Say) -> str:
        return in_lang(cls.WORDS, lang).format(sections=listed((say.section(n, lang) for n in value), lang))


class OutsideSections(InSections):
    KEY = "exclude_in"
    SCHEMA = SECTION_NAMES
    WORDS = {"zh": "不在“{sections}”部分", "en": "outside the \"{sections}\" part"}

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        return [] if any(s.in_section(n) for n in self.names) else [EMPTY]


class SectionHead(Kind):
    KEY = "section"
    SCHEMA = {
        "type": "object", "additionalProperties": False, "required": ["name"],
        "properties": {"name": {"type": "string"}, "min_chars": {"type": "integer", "minimum": 0}},
    }
    WORDS = {"zh": "有标题开启“{name}”部分", "en": "a heading opens the \"{name}\" part"}
    WORDS_CHARS = {"zh": "有标题开启“{name}”部分，且正文至少 {chars} 字",
                   "en": "a heading opens the \"{name}\" part, with at least {chars} characters under it"}

    def __init__(self, spec: dict[str, Any], compile: Compile | None = None) -> None:
        self.name = spec["name"]
        self.min_chars = int(spec.get("min_chars", 0))

    @classmethod
    def sections_named(cls, value: Any) -> list[Any]:
        return [value["name"]] if isinstance(value, dict) and "name" in value else []

    def candidates(self, index: SentenceIndex) -> set[int] | None:
        return index.heads(self.name)

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        chars = s.section_head(self.name)
        if chars is None or chars < self.min_chars:
            return []
        return [span_hit(0, len(s.text))]

    @classmethod
    def describe(cls, value: Any, lang: str, say: Say) -> str:
        if value.get("min_chars"):
            return in_lang(cls.WORDS_CHARS, lang).format(name=say.section(value["name"], lang),
                                                         chars=value["min_chars"])
        return in_lang(cls.WORDS, lang).format(name=say.section(value["name"], lang))


class Under(Kind):
    """``under``: the sentence sits under a heading that names one of the terms.

        match: {all: [{under: [规范性文件]}, {any: [清理, 备案]}]}

    holds in "共清理文件14件，均已报备。" under "（四）加强行政规范性文件管理".
    """

    KEY = "under"
    SCHEMA = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
    WORDS = {"zh": "位于标题含{terms}的部分之下", "en": "under a heading naming {terms}"}

    def __init__(self, spec: list[str], compile: Compile | None = None) -> None:
        self.terms = tuple(norm(t) for t in spec)

    def candidates(self, index: SentenceIndex) -> set[int] | None:
        return index.under(self.terms)

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        if any(t in title for title in s.headings_above() for t in self.terms):
            return [EMPTY]
        return []

    @classmethod
    def describe(cls, value: Any, lang: str, say: Say) -> str:
        return in_lang(cls.WORDS, lang).format(terms=quoted(value, lang))


class Closing(Kind):
    """``closing``: the sentence is in one of the last N paragraphs (past the signature and date).

        partial: {all: [{closing: 2}, {regex: "(明年|下一步)[^。]{0,20}将"}]}

    holds in a report's closing paragraph "明年，我镇将继续……" and not in its opening.
    """

    KEY = "closing"
    SCHEMA = {"type": "integer", "minimum": 1}
    WORDS = {"zh": "位于结尾 {value} 段之内", "en": "within the last {value} paragraphs"}

    def __init__(self, spec: int, compile: Compile | None = None) -> None:
        self.count = int(spec)

    def candidates(self, index: SentenceIndex) -> set[int] | None:
        return index.closing(self.count)

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        return [EMPTY] if s.sentence.block in s.ctx.closing_blocks(self.count) else []


class HeadingText(Kind):
    KEY = "heading"
    SCHEMA = {"$ref": "#/$defs/strings"}
    WORDS = {"zh": "有标题形如{patterns}", "en": "a heading is shaped like {patterns}"}

    def __init__(self, spec: Any, compile: Compile | None = None) -> None:
        self.pattern = Regex(spec)  # {year}/{next_year} are filled per report

    @classmethod
    def patterns_in(cls, value: Any) -> list[Any]:
        return Regex.patterns_in(value)

    def candidates(self, index: SentenceIndex) -> set[int] | None:
        """The sentences opening a block whose heading title holds what some pattern requires."""
        found: set[int] = set()
        for p in self.pattern.patterns(index.year):
            if p.needs is None:
                return index.titled
            found |= index.titled_with(p)
        return found

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        title = s.heading_title()
        if title is None or not any(p.search(title) for p in self.pattern.patterns(s.year)):
            return []
        return [span_hit(0, len(s.text))]

    @classmethod
    def describe(cls, value: Any, lang: str, say: Say) -> str:
        return describe_patterns(cls.WORDS, value, lang)
