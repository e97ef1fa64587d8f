"""The match kinds of the checklist vocabulary: one class each, listed once here.

Each kind (see ``base.Kind``) carries its YAML key, the JSON schema of its
value, where it may stand, its plain-words description and ``hits``; this
registry is the only list of them. The checklist schema (``schema_defs``),
``lawcheck explain`` (``describe``) and compilation (``compile_clause``) are
derived from it. A new kind is one class in one module and one line below.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lawcheck.judge.clauses.base import Clause, Hit, Kind, span_hit
from lawcheck.judge.clauses.deed import Deed
from lawcheck.judge.clauses.logic import AllOf, Near, NoneOf
from lawcheck.judge.clauses.regex import Regex
from lawcheck.judge.clauses.scope import Closing, HeadingText, InSections, OutsideSections, SectionHead, Under
from lawcheck.judge.clauses.terms import Terms
from lawcheck.messages import in_lang, message

KINDS: dict[str, type[Kind]] = {kind.KEY: kind for kind in (
    Terms, AllOf, NoneOf, Regex, Near, InSections, OutsideSections, SectionHead, HeadingText, Under, Closing, Deed,
)}


def compile_clause(spec: Any) -> Clause:
    """Compile a clause mapping (validated already) into a Clause.

    Several keys in one mapping must all hold (``{any: [...], in: [plans]}``).
    """
    if isinstance(spec, str):
        return Terms([spec], compile_clause)
    parts: list[Clause] = [KINDS[key](value, compile_clause) for key, value in spec.items()]  # type: ignore[call-arg,misc]
    return parts[0] if len(parts) == 1 else AllOf(parts, compile_clause)


class Words:
    """Says clauses in plain words; sections by their titles (``{name: {zh, en}}``) where given."""

    def __init__(self, titles: Mapping[str, dict[str, str]] | None = None) -> None:
        self.titles = titles or {}

    def __call__(self, spec: Any, lang: str) -> str:
        if isinstance(spec, str):
            return Terms.describe([spec], lang, self)
        phrases = [KINDS[key].describe(value, lang, self) for key, value in spec.items() if key in KINDS]
        return message("explain-all-sep", lang).join(phrases)

    def section(self, name: str, lang: str) -> str:
        title = self.titles.get(name)
        return in_lang(title, lang) if title else name


def describe(spec: Any, lang: str, titles: Mapping[str, dict[str, str]] | None = None) -> str:
    """A clause of the match vocabulary as a phrase, in ``lang``."""
    return Words(titles)(spec, lang)


def schema_defs() -> dict[str, Any]:
    """The ``$defs`` of the checklist schema that the kinds decide: a clause, near, a trap."""
    def properties(place: str) -> dict[str, Any]:
        return {key: kind.SCHEMA for key, kind in KINDS.items() if place in kind.PLACES}

    return {
        "clause": {"type": "object", "additionalProperties": False, "minProperties": 1,
                   "properties": properties("clause")},
        "near": {"type": "object", "additionalProperties": False, "required": ["within"], "minProperties": 2,
                 "properties": {"within": {"type": "integer", "minimum": 1}, "after": {"type": "boolean"},
                                **properties("near")}},
    }


def trap_properties() -> dict[str, Any]:
    """The clause keys a trap may use."""
    return {key: kind.SCHEMA for key, kind in KINDS.items() if "trap" in kind.PLACES}


__all__ = ["KINDS", "Clause", "Hit", "Kind", "Words", "compile_clause", "describe", "schema_defs",
           "span_hit", "trap_properties"]
