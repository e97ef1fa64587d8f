"""Patterns the checklist author writes: ``{year}`` templates, a time limit, required literals.

Every regular expression that comes from a checklist (a ``regex`` clause, a
section heading, a cue list) is compiled and run through here, so a
catastrophic pattern in a user's checklist is reported, not hung on. The
module sits on the ground floor: clauses, sections and checklists all use it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
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


class Pattern:
    """One regular expression from a checklist or its cues, compiled once with what it needs.

    It holds the compiled ``regex`` pattern, the literals one of which every match holds
    (``literals``, the best such set), the sets of literals of which every match holds one
    each (``needs``: those longer than a character), and its time limit. :meth:`might_match`
    says False when no part of a text can match, so callers skip the search; :meth:`search`
    and :meth:`finditer` run within the time limit. A cue (``cue=True``) is searched a few
    hundred times a report, in a sentence's clauses, where the time limit would cost four
    times the search: it runs untimed in a text up to ``UNTIMED_MAX`` characters.
    Made through :meth:`of`, so each source is parsed once per process; it is compiled when first
    searched with (a pattern asked only for its literals, as the page-furniture scan asks, is never
    compiled). A checklist's patterns are validated when it loads.
    """

    __slots__ = ("source", "_regex", "literals", "needs", "untimed_max", "_literal_search", "_others")

    def __init__(self, source: str, *, cue: bool = False) -> None:
        self.source = source
        self._regex: "regex.Pattern[str] | None" = None
        found = _requirements(source)
        self.literals: frozenset[str] | None = max(found, key=_shortest) if found else None
        # A single character ("公" of "(公示|公开)", the units 件, 次, 项 of a figure) tells little
        # and occurs everywhere: such a set is left out of ``needs``, and a pattern with nothing
        # else is looked for in every sentence (the matcher stops at enough evidence, which in the
        # sentences before the first few figures is cheaper than indexing every unit).
        telling = [needs for needs in dict.fromkeys(found) if _shortest(needs) > 1]
        self.needs: tuple[frozenset[str], ...] | None = tuple(telling) if telling else None
        self.untimed_max = UNTIMED_MAX if cue else -1
        self._literal_search = None if self.literals is None else re.compile(
            "|".join(re.escape(t) for t in sorted(self.literals, key=lambda t: (-len(t), t))))
        self._others = tuple(n for n in self.needs or () if n != self.literals)

    @staticmethod
    @functools.lru_cache(maxsize=4096)
    def of(source: str, *, cue: bool = False) -> "Pattern":
        """The pattern of ``source``, made once; a bad one is a :class:`ChecklistError`."""
        return Pattern(source, cue=cue)

    @staticmethod
    def any_of(sources: Sequence[str], *, cue: bool = False) -> "Pattern":
        """One pattern matching any of ``sources``."""
        return Pattern.of("|".join(f"(?:{p})" for p in sources), cue=cue)

    @property
    def rarest(self) -> frozenset[str] | None:
        """The set of literals to look texts up by: of ``needs``, the one likeliest to be rarest
        (longest shortest literal, then fewest); else ``literals``."""
        if self.needs is None:
            return self.literals
        return max(self.needs, key=lambda literals: (_shortest(literals), -len(literals)))

    def might_match(self, text: str) -> bool:
        """False when no part of ``text`` can match: a literal it requires is not there."""
        if self._literal_search is not None and self._literal_search.search(text) is None:
            return False
        return all(any(t in text for t in literals) for literals in self._others)

    def literal_at(self, text: str, pos: int = 0) -> "re.Match[str] | None":
        """The next of ``literals`` in ``text`` from ``pos`` (None when none, or none is known)."""
        return None if self._literal_search is None else self._literal_search.search(text, pos)

    @property
    def compiled(self) -> "regex.Pattern[str]":
        """The compiled pattern (compiled on first use; a bad one is a :class:`ChecklistError`)."""
        compiled = self._regex
        if compiled is None:
            try:
                compiled = self._regex = regex.compile(self.source, regex.V0)
            except regex.error as e:
                raise ChecklistError("regex-invalid", pattern=self.source, error=str(e)) from None
        return compiled

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> "regex.Match[str] | None":
        """The first match in ``text[pos:endpos]``, within the time limit."""
        return self._run(self.compiled.search, text, pos, endpos)  # type: ignore[no-any-return]

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list["regex.Match[str]"]:
        """All matches in ``text[pos:endpos]``, within the time limit."""
        return list(self._run(self.compiled.finditer, text, pos, endpos))

    def _run(self, method: Callable[..., Any], text: str, pos: int, endpos: int | None) -> Any:
        """``method`` over ``text[pos:endpos]``: untimed where short enough, else within the limit."""
        end = len(text) if endpos is None else endpos
        if end - pos <= self.untimed_max:
            return method(text, pos, end)
        try:
            # a finditer's matches are found as they are taken: taken here, within the limit
            found = method(text, pos, end, timeout=TIMEOUT_SECONDS)
            return found if not hasattr(found, "__next__") else list(found)
        except TimeoutError:
            raise ChecklistError("regex-timeout", pattern=self.source, seconds=TIMEOUT_SECONDS) from None

    def __repr__(self) -> str:
        return f"Pattern({self.source!r})"


# A cue runs untimed in a text up to this long (a report's sentence runs to a hundred
# characters), and timed in a longer one, where a slow cue (a hostile paragraph of 50 MB)
# would otherwise be hung on.
UNTIMED_MAX = 2_000


def _shortest(literals: frozenset[str]) -> int:
    return min(map(len, literals))


def _requirements(source: str) -> list[frozenset[str]]:
    """Sets of texts such that every match of ``source`` holds one text of each: for
    "执法(主体|信息)[^。]{0,10}(公示|公开)", "执法", {"主体", "信息"}, "公". Empty when
    Python's parser cannot read the pattern (``regex``-only syntax) or it ignores case."""
    try:
        parsed = sre_parse.parse(source)
    except Exception:  # noqa: BLE001 - any syntax the stdlib parser does not know
        return []
    return [] if parsed.state.flags & re.IGNORECASE else _all_required(list(parsed))


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
    """The best requirement of a sequence of parsed items (the longest shortest literal, the first)."""
    found = _all_required(items)
    return max(found, key=_shortest) if found else None


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
