"""Patterns the checklist author writes: ``{year}`` templates, a time limit, required literals.

Every regular expression that comes from a checklist (a ``regex`` clause, a
section heading, a cue list) is compiled and run through here, so a
catastrophic pattern in a user's checklist is reported, not hung on. The
module sits on the ground floor: clauses, sections and checklists all use it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import regex

try:  # the stdlib's regex parser, used only to find literals a pattern requires
    import re._constants as sre_constants  # type: ignore[import-not-found]
    import re._parser as sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python < 3.11 names
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

from lawcheck.errors import ChecklistError

TIMEOUT_SECONDS = 1.0


def fill(template: str, year: int | None) -> str:
    """Replace ``{year}``/``{next_year}`` (an impossible year when the report's is unknown)."""
    if "{" not in template:
        return template
    y = year if year is not None else 0
    return template.replace("{next_year}", str(y + 1)).replace("{year}", str(y))


def templated(source: str) -> bool:
    """Whether ``source`` names the report's year (and so is compiled per year)."""
    return "{year}" in source or "{next_year}" in source


def compile_pattern(source: str) -> "regex.Pattern[str]":
    """Compile a checklist regex; a bad one is a :class:`ChecklistError`."""
    try:
        return regex.compile(source, regex.V0)
    except regex.error as e:
        raise ChecklistError("regex-invalid", pattern=source, error=str(e)) from None


def alternation(patterns: list[str] | tuple[str, ...]) -> "regex.Pattern[str]":
    """One pattern matching any of ``patterns``."""
    return compile_pattern("|".join(f"(?:{p})" for p in patterns))


def finditer(p: "regex.Pattern[str]", text: str) -> list["regex.Match[str]"]:
    """All matches of ``p`` in ``text``, within the time limit."""
    try:
        return list(p.finditer(text, timeout=TIMEOUT_SECONDS))
    except TimeoutError:
        raise ChecklistError("regex-timeout", pattern=p.pattern, seconds=TIMEOUT_SECONDS) from None


def search(p: "regex.Pattern[str]", text: str, pos: int = 0) -> "regex.Match[str] | None":
    """The first match of ``p`` in ``text`` from ``pos``, within the time limit."""
    try:
        return p.search(text, pos, timeout=TIMEOUT_SECONDS)
    except TimeoutError:
        raise ChecklistError("regex-timeout", pattern=p.pattern, seconds=TIMEOUT_SECONDS) from None


# Cue lists are searched for a few hundred times a report, in a sentence's clauses: the time
# limit would cost four times the search. They run untimed in a sentence up to this long (a
# report's run to a hundred characters), and timed in a longer one, where a slow cue
# (a hostile paragraph of 50 MB) would otherwise be hung on.
UNTIMED_MAX = 2_000
_UNTIMED = regex.Pattern.search


def search_in(text: str) -> Callable[..., "regex.Match[str] | None"]:
    """How to search ``text`` (and any part of it) for a cue: untimed if it is short, else :func:`search`."""
    return _UNTIMED if len(text) <= UNTIMED_MAX else search


@functools.lru_cache(maxsize=4096)
def required_literals(source: str) -> frozenset[str] | None:
    """Texts one of which every match of ``source`` contains (None when unsure).

    "亲自部署[^。]{0,12}亲自(过问|协调)" needs "亲自部署"; "(安全生产|意识形态).*第一责任人"
    needs one of {"安全生产", "意识形态"}. Patterns Python's parser cannot read
    (``regex``-only syntax) or that ignore case give None.
    """
    parsed = _parsed(source)
    return None if parsed is None else _required(parsed)


def _parsed(source: str) -> list[Any] | None:
    """``source`` parsed by the stdlib, None if it cannot read it or the pattern ignores case."""
    try:
        parsed = sre_parse.parse(source)
    except Exception:  # noqa: BLE001 - any syntax the stdlib parser does not know
        return None
    return None if parsed.state.flags & re.IGNORECASE else list(parsed)


@functools.lru_cache(maxsize=4096)
def required_sets(source: str) -> tuple[frozenset[str], ...] | None:
    """Sets of texts such that every match of ``source`` holds one text of each (None when unsure).

    More telling than :func:`required_literals`, which gives the best one of them:
    "执法(主体|信息)[^。]{0,10}(公示|公开)" needs "执法" and one of {"主体", "信息"} (and
    "公", which is left out). Patterns Python's parser cannot read, that ignore case or that
    require nothing longer than a character give None.
    """
    parsed = _parsed(source)
    if parsed is None:
        return None
    # A single character ("公" of "(公示|公开)", which the parser splits so; the units 件, 次, 项
    # of a figure) tells little and occurs everywhere: such a set is left out, and a pattern
    # with nothing else is looked for in every sentence (the matcher stops at enough evidence,
    # which in the sentences before the first few figures is cheaper than indexing every unit).
    found = [needs for needs in dict.fromkeys(_all_required(parsed)) if min(map(len, needs)) > 1]
    return tuple(found) if found else None


@functools.lru_cache(maxsize=256)
def literal_search(source: str) -> "re.Pattern[str] | None":
    """A search for the literals one of which every match of ``source`` holds (None when unsure)."""
    needs = required_literals(source)
    if not needs:
        return None
    return re.compile("|".join(re.escape(t) for t in sorted(needs, key=lambda t: (-len(t), t))))


def may_match(p: "regex.Pattern[str]", text: str) -> bool:
    """False when no part of ``text`` can match ``p``: it holds none of the literals one of which
    every match holds (nor, then, does any part of it). True when it does, or when unsure."""
    literals = literal_search(p.pattern)
    return literals is None or literals.search(text) is not None


def text_needs(source: str) -> tuple[frozenset[str], ...] | None:
    """What a text must hold for ``source`` to match in it: a literal of each of these sets
    (:func:`required_sets`, else the one :func:`required_literals` finds); None when unsure."""
    sets = required_sets(source)
    if sets is not None:
        return sets
    best = required_literals(source)
    return None if best is None else (best,)


def holds_each(needs: tuple[frozenset[str], ...], text: str) -> bool:
    """Whether ``text`` holds a literal of each set of ``needs``."""
    return all(any(t in text for t in literals) for literals in needs)


def rarest(needs: tuple[frozenset[str], ...]) -> frozenset[str]:
    """The set of ``needs`` likeliest to be rarest (longest shortest literal, then fewest): the
    one to look sentences up by, before narrowing them by the others."""
    return max(needs, key=lambda literals: (min(map(len, literals)), -len(literals)))


def _all_required(items: list[Any]) -> list[frozenset[str]]:
    """Every requirement of a sequence of parsed items: its literal runs, its mandatory parts'."""
    found: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is sre_constants.LITERAL:
            run += chr(av)
            continue
        if run:
            found.append(frozenset([run]))
            run = ""
        if op is sre_constants.SUBPATTERN:
            found.extend(_all_required(list(av[-1])))
        elif op is sre_constants.BRANCH:
            branches = [_required(list(b)) for b in av[1]]
            if all(b is not None for b in branches):
                found.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
            found.extend(_all_required(list(av[2])))
    if run:
        found.append(frozenset([run]))
    return [s for s in found if s and all(s)]


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


def shapes(source: str) -> list[str] | None:
    """A pattern as the wording it finds, for people: one shape per top-level alternative.

    ``(明年|下一步)[^。]{0,20}将`` → ``["[明年/下一步]……将"]``: ``[a/b]`` is one of
    them, ``……`` a few characters of any kind, ``(x)`` may be left out, ``×`` a
    digit; lookarounds and anchors are not said. None when the stdlib cannot
    parse the pattern (the ``regex`` module's own syntax), to show it as written.
    """
    try:
        parsed = sre_parse.parse(source)
    except (re.error, OverflowError, RecursionError):
        return None
    items = list(parsed)
    if len(items) == 1 and items[0][0] is sre_constants.BRANCH:
        found = [_shape(list(branch)) for branch in items[0][1][1]]
    else:
        found = [_shape(items)]
    return [s.removeprefix(_GAP).removesuffix(_GAP) or _GAP for s in found]


_GAP = "……"
_WIDE = {"(": "（", ")": "）", ",": "，", ";": "；", ":": "："}  # as reports write them (text is normalised)


def _shape(items: list[Any]) -> str:
    out: list[str] = []
    for op, arg in items:
        piece = _piece(op, arg)
        if piece == _GAP and out and out[-1] == _GAP:
            continue
        out.append(piece)
    return "".join(out)


def _piece(op: Any, arg: Any) -> str:
    c = sre_constants
    if op is c.LITERAL:
        return _WIDE.get(chr(arg), chr(arg))
    if op is c.SUBPATTERN:
        return _shape(list(arg[-1]))
    if op is c.BRANCH:
        return "[" + "/".join(_shape(list(b)) for b in arg[1]) + "]"
    if op is c.IN:
        letters = [chr(v) for kind, v in arg if kind is c.LITERAL]
        if len(letters) == len(arg):
            return letters[0] if len(letters) == 1 else "[" + "/".join(letters) + "]"
        if all(kind is c.CATEGORY and v is c.CATEGORY_DIGIT for kind, v in arg):
            return "×"
        return _GAP
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) or op is getattr(c, "POSSESSIVE_REPEAT", None):
        low, high, body = arg
        inner = _shape(list(body))
        if inner == _GAP or (len(body) == 1 and body[0][0] in (c.ANY, c.NOT_LITERAL)):
            return _GAP
        if low == 0 and high == 1:
            alternatives = len(body) == 1 and inner.startswith("[") and inner.endswith("]")
            return f"({inner[1:-1]})" if alternatives else f"({inner})"
        if low == high and low <= 4:
            return inner * low
        return inner
    if op in (c.ANY, c.NOT_LITERAL):
        return _GAP
    return ""  # lookarounds, anchors, back references: not wording
