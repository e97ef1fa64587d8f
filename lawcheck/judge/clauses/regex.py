"""``regex``: a regular expression matches (on normalised text), with a time limit.

    match: {regex: "亲自(部署|过问|协调|督办)"}

Patterns run with the ``regex`` module's timeout (see :mod:`lawcheck.pattern`),
so a catastrophic pattern in a user's checklist is reported, not hung on.
``{year}``/``{next_year}`` are replaced before compiling. Never wrap Chinese in ``\\b``.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any


from lawcheck.judge.clauses.base import MAX_HITS, Compile, Hit, Kind, Say
from lawcheck.judge.context import SentenceIndex, SentenceView
from lawcheck.messages import in_lang, listed
from lawcheck.pattern import Pattern, fill, shapes, templated


class Regex(Kind):
    KEY = "regex"
    SCHEMA = {"$ref": "#/$defs/strings"}
    PLACES = ("clause", "near", "trap")
    WORDS = {"zh": "出现形如{patterns}的表述", "en": "wording shaped like {patterns} occurs"}

    def __init__(self, spec: Any, compile: Compile | None = None) -> None:
        self.sources = (spec,) if isinstance(spec, str) else tuple(spec)
        self._compiled: dict[int | None, list[Pattern]] = {}
        self.templated = any(templated(p) for p in self.sources)

    @classmethod
    def patterns_in(cls, value: Any) -> list[Any]:
        return [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []

    def patterns(self, year: int | None) -> list[Pattern]:
        key = year if self.templated else None
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = [Pattern.of(fill(p, year)) for p in self.sources]
            self._compiled[key] = compiled
        return compiled

    def candidates(self, index: SentenceIndex) -> set[int] | None:
        """The sentences holding a literal of each set some source requires (any sentence if one requires none)."""
        return self._holding(index, None)

    def lookups(self) -> frozenset[str]:
        return frozenset().union(*(driver for driver, _ in self._plans or ()))

    def narrow(self, index: SentenceIndex, found: set[int]) -> set[int]:
        got = self._holding(index, found)
        return set(found) if got is None else got

    def _holding(self, index: SentenceIndex, found: set[int] | None) -> set[int] | None:
        """The sentences (of ``found``, if given) holding a literal of each set some source
        requires; None if a source requires none. Without ``found``, the sentences holding the
        likeliest rarest set are looked up and narrowed by the others."""
        plans = self._plans
        if plans is None:
            return None
        held: set[int] = set()
        for driver, others in plans:
            got = index.with_any(driver) if found is None else index.having(found, driver)
            for literals in others:
                got = index.having(got, literals)
            held |= got
        return held

    @cached_property
    def _plans(self) -> list[tuple[frozenset[str], tuple[frozenset[str], ...]]] | None:
        """For each source, the set of literals to look sentences up by and the sets that narrow
        those down (None if some source may match anywhere): the same for every report."""
        if self.templated:
            return None
        plans = []
        for source in self.sources:
            needs = Pattern.of(source).needs
            if needs is None:
                return None
            driver = Pattern.of(source).rarest
            assert driver is not None
            plans.append((driver, tuple(n for n in needs if n is not driver)))
        return plans

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        found: list[Hit] = []
        for p in self.patterns(s.year):
            if not p.might_match(s.text):  # a sentence looked at for another clause, or for none
                continue
            for m in p.finditer(s.text):
                start, end = m.span()
                found.append(Hit(((start, end),), s.reasons(start, end), start, end))
                if len(found) >= MAX_HITS:
                    return found
        return found

    @classmethod
    def describe(cls, value: Any, lang: str, say: Say) -> str:
        return describe_patterns(cls.WORDS, value, lang)


def describe_patterns(words: dict[str, str], value: Any, lang: str) -> str:
    """Patterns as the wording they find (see ``patterns.shapes``), or as written when unparsable."""
    return in_lang(words, lang).format(patterns=listed(said_patterns(value, lang), lang))


def said_patterns(value: Any, lang: str) -> list[str]:
    said: list[str] = []
    for p in [value] if isinstance(value, str) else list(value):
        got = shapes(p)
        said.extend((f"“{s}”" if lang == "zh" else f'"{s}"') for s in got) if got else said.append(f"/{p}/")
    return list(dict.fromkeys(said))
