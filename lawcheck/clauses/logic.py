"""``all``, ``none`` and ``near``: combining clauses.

``all``: every clause holds in the same sentence, in order; a ``near`` among
them is measured from the clause just before it::

    match:
      all:
        - any: [法律顾问, 公职律师]
        - near: {any: [审查, 审核, 出具, 列席], within: 40}

holds in "法律顾问列席常务会议12次" and not in "法律顾问制度已建立，全年召开会议12次，开展审查".

``none``: none of the clauses (or terms) occurs anywhere in the sentence, in
any context: ``{none: [一岗双责]}``.

``near``: the clause holds within ``within`` characters of the previous hit
(alone, it holds wherever its clause does).
"""

from __future__ import annotations

from typing import Any

from lawcheck.clauses.base import EMPTY, MAX_HITS, Clause, Hit, compile_clause, distinct
from lawcheck.context import SentenceView


def _compile_all(spec: list[Any]) -> list[Clause]:
    return [compile_clause(c) for c in spec]


class AllOf:
    def __init__(self, spec: list[Any] | list[Clause]) -> None:
        self.clauses = [c if hasattr(c, "hits") else compile_clause(c) for c in spec]

    def literals(self) -> frozenset[str] | None:
        # Every clause must hold: any one's literals will do; the fewest filter best.
        sets = [got for got in (c.literals() for c in self.clauses) if got is not None]
        return min(sets, key=len) if sets else None

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        current: list[Hit] | None = None
        for clause in self.clauses:
            if isinstance(clause, Near) and current is not None:
                current = clause.hits(s, current)
            else:
                found = clause.hits(s, None)
                if not found:
                    return []
                found = distinct(found)
                current = found if current is None else [a.join(b) for a in current for b in found][:MAX_HITS]
            if not current:
                return []
        return current or []


class NoneOf:
    def __init__(self, spec: list[Any]) -> None:
        self.clause = compile_clause({"any": spec})

    def literals(self) -> frozenset[str] | None:
        return None

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        return [] if self.clause.hits(s, None) else [EMPTY]


class Near:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.within = int(spec["within"])
        self.clause = compile_clause({k: v for k, v in spec.items() if k != "within"})

    def literals(self) -> frozenset[str] | None:
        return self.clause.literals()

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        found = self.clause.hits(s, None)
        if anchors is None:
            return found
        joined = []
        for a in anchors:
            for h in found:
                gap = max(h.start - a.end, a.start - h.end, 0)
                if gap <= self.within:
                    joined.append(a.join(h))
        return joined[:MAX_HITS]
