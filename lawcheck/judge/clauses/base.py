"""What every match kind shares: hits, the clause protocol, and a kind's record.

A clause looks at one sentence and returns its *hits*. A hit is the spans of
the normalised sentence that made it hold, and the *reasons* why it may not
count as performance (``negated``, ``title``, ``future``, a trap's reason...).
Whether a hit counts is decided by the caller, which knows which reasons the
item tolerates; clauses only find and label.

A match kind is one class (see :class:`Kind`): its YAML key, the JSON-schema
fragment of its value, where it may stand, the words that describe it, and
``hits``. The registry in ``clauses/__init__.py`` lists the classes once; the
checklist schema and ``lawcheck explain`` are built from them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, Protocol

from lawcheck.messages import in_lang

if TYPE_CHECKING:
    from lawcheck.judge.context import SentenceIndex, SentenceView

Span = tuple[int, int]

# Hits kept per clause and sentence; a sentence rarely has more than a few.
MAX_HITS = 32


class Hit(NamedTuple):  # a hundred per report: a tuple is made at half a frozen dataclass's cost
    spans: tuple[Span, ...]
    reasons: frozenset[str]
    # Where the spans begin and end (-1 for none): kept, not worked out from the spans at
    # each look (joining and measuring distances asks for them a few hundred times a report).
    start: int
    end: int

    def join(self, other: "Hit") -> "Hit":
        reasons = self.reasons | other.reasons
        if not other.spans:
            return Hit(self.spans, reasons, self.start, self.end)
        if not self.spans:
            return Hit(other.spans, reasons, other.start, other.end)
        return Hit(self.spans + other.spans, reasons, min(self.start, other.start), max(self.end, other.end))


def span_hit(start: int, end: int, reasons: frozenset[str] = frozenset()) -> Hit:
    """A hit of one span."""
    return Hit(((start, end),), reasons, start, end)


EMPTY = Hit((), frozenset(), -1, -1)


class Clause(Protocol):
    def hits(self, s: "SentenceView", anchors: list[Hit] | None = None) -> list[Hit]:
        """Hits of this clause in sentence ``s`` (``anchors``: hits of the clause before, for ``near``)."""
        ...

    def candidates(self, index: "SentenceIndex") -> set[int] | None:
        """The sentences (numbers in reading order) where the clause may hold; None: any of them.

        The matcher looks only at those, found by one scan of the document (literals a
        clause requires) or by where a clause may hold (a part's heading, the closing).
        The set may be the index's own: a caller makes a new one rather than change it.
        """
        ...

    def lookups(self) -> frozenset[str]:
        """The literals :meth:`candidates` looks sentences up by: a checklist scans every
        sentence for all its clauses' at once (others are looked for where asked)."""
        ...

    def narrow(self, index: "SentenceIndex", found: set[int]) -> set[int]:
        """The sentences of ``found`` where the clause may hold (a new set).

        What ``all`` asks of its clauses after the first: they only narrow the first one's
        sentences, so the literals they require need not be scanned for in every sentence.
        """
        ...


Compile = Callable[[Any], Clause]  # turns a clause's YAML into a Clause (the registry's compile_clause)
class Say(Protocol):
    """Describes a clause's YAML in plain words, in a language; knows what the sections are called."""

    def __call__(self, spec: Any, lang: str) -> str: ...

    def section(self, name: str, lang: str) -> str: ...


class Kind:
    """A match kind's record; subclasses set the class attributes and ``hits``."""

    KEY: ClassVar[str]  # the YAML key
    SCHEMA: ClassVar[dict[str, Any]]  # the JSON Schema of its value
    PLACES: ClassVar[tuple[str, ...]] = ("clause",)  # also "near" and "trap" where it may stand there
    WORDS: ClassVar[dict[str, str]] = {}  # its description, {zh, en}, formatted by ``describe``

    @classmethod
    def describe(cls, value: Any, lang: str, say: Say) -> str:
        """The clause in plain words (``say`` describes nested clauses)."""
        return in_lang(cls.WORDS, lang).format(value=value)

    @classmethod
    def sections_named(cls, value: Any) -> list[Any]:
        """The section names its value refers to (checked against those the checklist declares)."""
        return []

    @classmethod
    def patterns_in(cls, value: Any) -> list[Any]:
        """The regular expressions its value holds (checked when a checklist is validated)."""
        return []

    def candidates(self, index: "SentenceIndex") -> set[int] | None:
        return None

    def lookups(self) -> frozenset[str]:
        return frozenset()

    def narrow(self, index: "SentenceIndex", found: set[int]) -> set[int]:
        got = self.candidates(index)
        return set(found) if got is None else found & got


def distinct(hits: list[Hit]) -> list[Hit]:
    """Hits with distinct reason sets, fewest reasons first, at most MAX_HITS."""
    if len(hits) < 2:
        return list(hits)
    seen: dict[frozenset[str], Hit] = {}
    for h in sorted(hits, key=lambda h: (len(h.reasons), h.start)):
        seen.setdefault(h.reasons, h)
    return list(seen.values())[:MAX_HITS]
