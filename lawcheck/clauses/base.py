"""What every match kind shares: hits, the sentence view, and compilation.

A clause looks at one sentence and returns its *hits*. A hit is the spans of
the normalised sentence that made it hold, and the *reasons* why it may not
count as performance (``negated``, ``title``, ``future``, a trap's reason...).
Whether a hit counts is decided by the caller, which knows which reasons the
item tolerates; clauses only find and label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from lawcheck.context import SentenceView

Span = tuple[int, int]

# Hits kept per clause and sentence; a sentence rarely has more than a few.
MAX_HITS = 32


@dataclass(frozen=True)
class Hit:
    spans: tuple[Span, ...]
    reasons: frozenset[str] = frozenset()

    def join(self, other: "Hit") -> "Hit":
        return Hit(self.spans + other.spans, self.reasons | other.reasons)

    @property
    def end(self) -> int:
        return max((e for _, e in self.spans), default=-1)

    @property
    def start(self) -> int:
        return min((s for s, _ in self.spans), default=-1)


EMPTY = Hit(())


class Clause(Protocol):
    def hits(self, s: "SentenceView", anchors: list[Hit] | None = None) -> list[Hit]:
        """Hits of this clause in sentence ``s`` (``anchors``: hits of the clause before, for ``near``)."""
        ...

    def literals(self) -> frozenset[str] | None:
        """Texts one of which a sentence must contain for the clause to hold (None: no such set).

        The matcher uses them to skip, in one pass, the sentences that cannot hold.
        """
        ...


def any_literals(clauses: "list[Clause]") -> frozenset[str] | None:
    """Literals of "one of these clauses holds": the union, or None if one has none."""
    found: set[str] = set()
    for clause in clauses:
        got = clause.literals()
        if got is None:
            return None
        found |= got
    return frozenset(found)


def distinct(hits: list[Hit]) -> list[Hit]:
    """Hits with distinct reason sets, fewest reasons first, at most MAX_HITS."""
    seen: dict[frozenset[str], Hit] = {}
    for h in sorted(hits, key=lambda h: (len(h.reasons), h.start)):
        seen.setdefault(h.reasons, h)
    return list(seen.values())[:MAX_HITS]


def compile_clause(spec: Any) -> Clause:
    """Compile a clause mapping (validated already) into a Clause.

    Several keys in one mapping must all hold (``{any: [...], in: [plans]}``).
    """
    from lawcheck.clauses import KINDS
    from lawcheck.clauses.logic import AllOf

    if isinstance(spec, str):
        return KINDS["any"]([spec])
    parts = [KINDS[key](value) for key, value in spec.items()]
    return parts[0] if len(parts) == 1 else AllOf(parts)
