"""The match kinds of the checklist vocabulary: one class each, one registry line each.

See each module's docstring for what its kinds do, with examples.
"""

from __future__ import annotations

from typing import Any, Callable

from lawcheck.clauses.base import Clause, Hit, compile_clause
from lawcheck.clauses.logic import AllOf, Near, NoneOf
from lawcheck.clauses.pattern import Pattern
from lawcheck.clauses.scope import HeadingText, InSections, OutsideSections, SectionHead, Under
from lawcheck.clauses.terms import Terms

KINDS: dict[str, Callable[[Any], Clause]] = {
    "any": Terms,
    "all": AllOf,
    "none": NoneOf,
    "regex": Pattern,
    "near": Near,
    "in": InSections,
    "exclude_in": OutsideSections,
    "section": SectionHead,
    "heading": HeadingText,
    "under": Under,
}

__all__ = ["KINDS", "Clause", "Hit", "compile_clause"]
