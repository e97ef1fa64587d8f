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
(alone, it holds wherever its clause does); with ``after: true``, only after it
(法律顾问审核合同, not 列席…聘请法律顾问).
"""

from __future__ import annotations

from typing import Any

from lawcheck.judge.clauses.base import EMPTY, MAX_HITS, Clause, Compile, Hit, Kind, Say, distinct
from lawcheck.judge.clauses.terms import terms_or_clauses
from lawcheck.judge.context import SentenceIndex, SentenceView
from lawcheck.messages import in_lang, message


class AllOf(Kind):
    KEY = "all"
    SCHEMA = {"$ref": "#/$defs/terms"}
    PLACES = ("clause", "near")
    WORDS = {"zh": "同一句中依次满足：{parts}", "en": "in the same sentence, in order: {parts}"}

    def __init__(self, spec: list[Any] | list[Clause], compile: Compile) -> None:
        self.clauses = [c if hasattr(c, "hits") else compile(c) for c in spec]

    def candidates(self, index: SentenceIndex) -> set[int] | None:
        # Every clause must hold: where all of them may. The first clause that names its
        # sentences names them; the others only narrow those down.
        found: set[int] | None = None
        for clause in self.clauses:
            found = clause.candidates(index) if found is None else clause.narrow(index, found)
        return found

    def lookups(self) -> frozenset[str]:
        # the first clause that looks its sentences up names them; the others only narrow
        found: frozenset[str] = frozenset()
        for clause in self.clauses:
            found |= clause.lookups()
            if found:
                break
        return found

    def narrow(self, index: SentenceIndex, found: set[int]) -> set[int]:
        for clause in self.clauses:
            found = clause.narrow(index, found)
        return set(found)

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

    @classmethod
    def describe(cls, value: Any, lang: str, say: Say) -> str:
        parts = message("explain-all-sep", lang).join(say(v, lang) for v in value)
        return in_lang(cls.WORDS, lang).format(parts=parts)


class NoneOf(Kind):
    KEY = "none"
    SCHEMA = {"$ref": "#/$defs/terms"}
    WORDS = {"zh": "句中没有{terms}", "en": "none of {terms} occurs in the sentence"}

    def __init__(self, spec: list[Any], compile: Compile) -> None:
        self.clause = compile({"any": spec})

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        return [] if self.clause.hits(s, None) else [EMPTY]

    @classmethod
    def describe(cls, value: Any, lang: str, say: Say) -> str:
        return terms_or_clauses(cls.WORDS, value, lang, say)


class Near(Kind):
    KEY = "near"
    SCHEMA = {"$ref": "#/$defs/near"}
    WORDS = {"zh": "在前一处匹配的 {within} 字以内，{clause}",
             "en": "within {within} characters of the previous match, {clause}"}
    WORDS_AFTER = {"zh": "在前一处匹配之后 {within} 字以内，{clause}",
                   "en": "within {within} characters after the previous match, {clause}"}
    OWN = ("within", "after")  # its own keys; the rest is the clause

    def __init__(self, spec: dict[str, Any], compile: Compile) -> None:
        self.within = int(spec["within"])
        self.after = bool(spec.get("after", False))
        self.clause = compile({k: v for k, v in spec.items() if k not in self.OWN})

    def candidates(self, index: SentenceIndex) -> set[int] | None:
        return self.clause.candidates(index)

    def lookups(self) -> frozenset[str]:
        return self.clause.lookups()

    def narrow(self, index: SentenceIndex, found: set[int]) -> set[int]:
        return self.clause.narrow(index, found)

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        found = self.clause.hits(s, None)
        if anchors is None:
            return found
        joined = []
        for a in anchors:
            for h in found:
                if self.after and h.start < a.end:
                    continue
                gap = max(h.start - a.end, a.start - h.end, 0)
                if gap <= self.within:
                    joined.append(a.join(h))
        return joined[:MAX_HITS]

    @classmethod
    def describe(cls, value: Any, lang: str, say: Say) -> str:
        rest = {k: v for k, v in value.items() if k not in cls.OWN}
        words = cls.WORDS_AFTER if value.get("after") else cls.WORDS
        return in_lang(words, lang).format(within=value["within"], clause=say(rest, lang))
