"""``regex``: a regular expression matches (on normalised text), with a time limit.

    match: {regex: "亲自(部署|过问|协调|督办)"}

Patterns run with the ``regex`` module's timeout, so a catastrophic pattern in
a user's checklist is reported, not hung on. ``{year}``/``{next_year}`` are
replaced before compiling. Never wrap Chinese in ``\\b``.
"""

from __future__ import annotations

import re
from typing import Any

import regex

try:  # the stdlib's regex parser, used only to find literals a pattern requires
    import re._constants as sre_constants
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - Python < 3.11 names
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

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
        if self.templated:
            return None
        found: set[str] = set()
        for source in self.sources:
            got = required_literals(source)
            if got is None:
                return None
            found |= got
        return frozenset(found)

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        found: list[Hit] = []
        for p in self.patterns(s.year):
            for m in finditer(p, s.text):
                found.append(Hit(((m.start(), m.end()),), s.reasons(m.start(), m.end())))
                if len(found) >= MAX_HITS:
                    return found
        return found


def required_literals(source: str) -> frozenset[str] | None:
    """Texts one of which every match of ``source`` contains (None when unsure).

    "亲自部署[^。]{0,12}亲自(过问|协调)" needs "亲自部署"; "(安全生产|意识形态).*第一责任人"
    needs one of {"安全生产", "意识形态"}. Patterns Python's parser cannot read
    (``regex``-only syntax) or that ignore case give None.
    """
    try:
        parsed = sre_parse.parse(source)
    except Exception:  # noqa: BLE001 - any syntax the stdlib parser does not know
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _required(list(parsed))


def _required(items: list[Any]) -> frozenset[str] | None:
    """Required literals of a sequence of parsed items: the longest mandatory run found."""
    best: frozenset[str] | None = None

    def offer(candidate: frozenset[str] | None) -> None:
        nonlocal best
        if candidate and all(candidate) and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    run = ""
    for op, av in items:
        if op is sre_constants.LITERAL:
            run += chr(av)
            continue
        offer(frozenset([run]) if run else None)
        run = ""
        if op is sre_constants.SUBPATTERN:
            offer(_required(list(av[-1])))
        elif op is sre_constants.BRANCH:
            branches = [_required(list(b)) for b in av[1]]
            if all(b is not None for b in branches):
                offer(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
            offer(_required(list(av[2])))
    offer(frozenset([run]) if run else None)
    return best


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
