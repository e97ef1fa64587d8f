"""``any``: one of the listed terms occurs (plain text, matched after normalisation).

    match: {any: [法律顾问, 公职律师]}

holds in "街道法律顾问全年审核合同328份。". Items of the list may also be
clauses, which are then alternatives: ``any: [述法, {regex: "亲自部署.{0,10}亲自督办"}]``.
Terms may contain ``{year}`` and ``{next_year}``.
"""

from __future__ import annotations

import re
from typing import Any

from lawcheck.judge.clauses.base import MAX_HITS, Clause, Compile, Hit, Kind, Say
from lawcheck.judge.context import SentenceIndex, SentenceView
from lawcheck.messages import in_lang, message, quoted
from lawcheck.pattern import fill
from lawcheck.document.text import norm


class Terms(Kind):
    KEY = "any"
    SCHEMA = {"$ref": "#/$defs/terms"}
    PLACES = ("clause", "near", "trap")
    WORDS = {"zh": "出现{terms}之一", "en": "one of {terms} occurs"}

    def __init__(self, spec: list[Any], compile: Compile) -> None:
        self.terms = tuple(norm(t) for t in spec if isinstance(t, str))
        self.literals = frozenset(self.terms)
        self.alternatives: tuple[Clause, ...] = tuple(compile(c) for c in spec if not isinstance(c, str))
        self._compiled: dict[int | None, re.Pattern[str]] = {}
        self.templated = any("{" in t for t in self.terms)
        self._fixed: re.Pattern[str] | None = None  # the pattern, once compiled, of terms without a year

    def pattern(self, year: int | None) -> re.Pattern[str]:
        key = year if self.templated else None
        pattern = self._compiled.get(key)
        if pattern is None:
            terms = sorted((fill(t, year) for t in self.terms), key=len, reverse=True)
            pattern = re.compile("|".join(re.escape(t) for t in terms)) if terms else re.compile(r"(?!)")
            self._compiled[key] = pattern
            if not self.templated:
                self._fixed = pattern
        return pattern

    def candidates(self, index: SentenceIndex) -> set[int] | None:
        if self.templated:
            return None
        if not self.alternatives:  # the index's own set: callers never change what they are given
            return index.with_any(self.literals) if self.terms else set()
        found = set(index.with_any(self.literals)) if self.terms else set()
        for alternative in self.alternatives:
            got = alternative.candidates(index)
            if got is None:
                return None
            found |= got
        return found

    def lookups(self) -> frozenset[str]:
        if self.templated:
            return frozenset()
        return frozenset(self.literals if self.terms else ()).union(*(a.lookups() for a in self.alternatives))

    def narrow(self, index: SentenceIndex, found: set[int]) -> set[int]:
        if self.templated:
            return set(found)
        got = index.having(found, self.literals) if self.terms else set()
        for alternative in self.alternatives:
            got |= alternative.narrow(index, found)
        return got

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        found: list[Hit] = []
        if self.terms:
            reasons = s.reasons
            for m in (self._fixed or self.pattern(s.year)).finditer(s.text):
                start, end = m.span()
                found.append(Hit(((start, end),), reasons(start, end), start, end))
                if len(found) >= MAX_HITS:
                    break
        for alternative in self.alternatives:
            if s.may_hold(alternative):  # elsewhere it has no hits
                found.extend(alternative.hits(s, anchors))
        return found

    @classmethod
    def describe(cls, value: Any, lang: str, say: Say) -> str:
        return terms_or_clauses(cls.WORDS, value, lang, say)


def terms_or_clauses(words: dict[str, str], value: list[Any], lang: str, say: Say) -> str:
    """A list of terms (and alternative clauses) in words: "one of “甲”、“乙” occurs, or …"."""
    terms = [v for v in value if isinstance(v, str)]
    phrases = [in_lang(words, lang).format(terms=quoted(terms, lang))] if terms else []
    phrases += [say(v, lang) for v in value if not isinstance(v, str)]
    return message("explain-or", lang).join(phrases)
