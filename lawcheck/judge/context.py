"""What a clause may ask about a sentence: where it is, and why a hit may not count.

:class:`DocContext` is built once per document and checklist: the report's
year and the named sections (plans, shortcomings…) found by their headings.
:class:`SentenceIndex` names the sentences a clause may hold in, and
:class:`SentenceView` is one sentence as an item's clauses see it; the reasons a
hit does not count are decided in :mod:`lawcheck.judge.reasons`.

This module needs only what a checklist provides (its sections and cues), not
the checklist module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from lawcheck.document.model import Block, Document, Sentence
from lawcheck.judge.sections import (PLACEHOLDER, PLANS, Body, SectionDef, SectionInstance,
                               find_sections, heading_text, is_short_line)
from lawcheck.judge import reasons
from lawcheck.judge.reasons import Cues, SentenceFacts
from lawcheck.pattern import Pattern

__all__ = ["Cues", "DocContext", "SentenceIndex", "SentenceView", "PLACEHOLDER", "heading_text"]


class Sources(Protocol):
    """What a context is built from: a checklist's sections and cues."""

    @property
    def sections(self) -> Mapping[str, SectionDef]: ...

    @property
    def cues(self) -> Cues: ...


@dataclass(frozen=True)
class DocContext:
    """A document as one checklist's year and parts see it: made once per report, never changed.

    The memos at the end hold what pure functions of the rest found (a sentence's facts, a
    block's parts and path, the closing paragraphs), worked out once for every item."""

    doc: Document
    year: int | None
    cues: Cues
    body: Body  # the report's text, furniture aside, and its headings' titles
    members: Mapping[str, frozenset[int]]  # section name -> its blocks
    roles: Mapping[str, frozenset[int]]  # role -> blocks of the sections playing it
    section_roles: Mapping[str, str | None]  # section name -> its role
    heads: Mapping[str, Mapping[tuple[int, int], int]]  # section name -> (block, start) it is headed at -> its size
    instances: tuple[SectionInstance, ...]
    # Blocks that head a named part (plans, shortcomings…): they name the part, not a deed.
    part_heads: frozenset[int]
    facts: dict[tuple[int, int], SentenceFacts] = field(default_factory=dict, compare=False, repr=False)
    _closing: dict[int, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)
    _paths: dict[int, str] = field(default_factory=dict, compare=False, repr=False)
    _parts: dict[int, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, doc: Document, sources: Sources, year: int | None, body: Body | None = None,
              found: Mapping[str, list[SectionInstance]] | None = None) -> "DocContext":
        """The context of ``doc`` in ``year``; ``found``: the parts of some sections, found already
        (:func:`find_parts`) for this year."""
        body = body or Body(doc)
        members: dict[str, set[int]] = {}
        roles: dict[str, set[int]] = {}
        heads: dict[str, dict[tuple[int, int], int]] = {}
        instances: list[SectionInstance] = []
        part_heads: set[int] = set()
        for name, section in sources.sections.items():
            known = (found or {}).get(name)
            for inst in known if known is not None else find_sections(doc, section, year, body):
                instances.append(inst)
                members.setdefault(name, set()).update(inst.blocks)
                if section.role is not None:
                    roles.setdefault(section.role, set()).update(inst.blocks)
                heads.setdefault(name, {})[inst.head] = inst.chars
                if doc.blocks[inst.head[0]].kind == "heading":
                    part_heads.add(inst.head[0])
        return cls(doc, year, sources.cues, body, {n: frozenset(b) for n, b in members.items()},
                   {r: frozenset(b) for r, b in roles.items()}, {n: s.role for n, s in sources.sections.items()},
                   heads, tuple(instances), frozenset(part_heads))

    def in_section(self, block: int, name: str) -> bool:
        return block in self.members.get(name, ())

    def sections_of(self, block: int) -> frozenset[str]:
        """The names of the sections ``block`` is in (worked out once a block)."""
        found = self._parts.get(block)
        if found is None:
            found = self._parts[block] = frozenset(name for name, blocks in self.members.items() if block in blocks)
        return found

    def heading_path(self, block: Block) -> str:
        """``doc.heading_path(block)``, worked out once a block (items' evidence shares blocks)."""
        path = self._paths.get(block.index)
        if path is None:
            path = self._paths[block.index] = self.doc.heading_path(block)
        return path

    def closing_blocks(self, count: int) -> frozenset[int]:
        """The last ``count`` body paragraphs, past the signature and date (found once per count)."""
        found = self._closing.get(count)
        if found is None:
            last: list[int] = []
            for b in reversed(self.doc.blocks):
                if len(last) >= count:
                    break
                if b.kind in ("furniture", "heading") or is_short_line(b):
                    continue
                last.append(b.index)
            found = self._closing[count] = frozenset(last)
        return found

    def in_role(self, block: int, role: str) -> bool:
        return block in self.roles.get(role, ())

    def role_instances(self, role: str) -> list[SectionInstance]:
        """The parts found that play ``role``, in the order they were found."""
        return [inst for inst in self.instances if inst.role == role]

    def role_blocks(self, *roles: str) -> set[int]:
        """The blocks of the parts that play any of ``roles``."""
        return set().union(*(self.roles.get(r, set()) for r in roles))


def find_parts(doc: Document, sources: Sources, year: int | None, body: Body, role: str) -> dict[str, list[SectionInstance]]:
    """The parts of ``doc`` of the sections that play ``role``, by section name (to settle the
    report's year before the whole context is made)."""
    return {name: find_sections(doc, section, year, body) for name, section in sources.sections.items()
            if section.role == role}


class LiteralScan:
    """An Aho-Corasick automaton of every literal a checklist's clauses look sentences up by
    (:meth:`~lawcheck.judge.clauses.base.Clause.lookups`): built when the checklist compiles."""

    def __init__(self, literals: Iterable[str]) -> None:
        import ahocorasick  # type: ignore[import-not-found]  # no stubs

        self.literals = frozenset(literals)
        self.automaton = ahocorasick.Automaton()
        for literal in sorted(self.literals):
            self.automaton.add_word(literal, literal)
        if self.literals:
            self.automaton.make_automaton()

    def __reduce__(self) -> tuple[Any, ...]:  # sent to a spawned worker as its literals, built there again
        return LiteralScan, (sorted(self.literals),)


NO_SCAN = LiteralScan(())

CACHED_MAX = 4096  # the largest set of sentences an index keeps for the next clause that asks


class SentenceIndex:
    """Which sentences of a document could hold a clause: found once, asked by every item.

    One Aho-Corasick pass over the whole document finds every occurrence of
    every literal the checklist's clauses require (overlapping ones too); a
    clause then names its candidate sentences by those literals, or by where
    it may hold (a part's heading, the closing paragraphs, headings). Sentences
    are numbered in reading order (``doc.sentences``).
    """

    def __init__(self, ctx: DocContext, scan: LiteralScan = NO_SCAN) -> None:
        self.ctx = ctx
        self.year = ctx.year
        sentences = ctx.doc.sentences
        # literal -> the sentences holding it, in reading order (lists: a 20 MB report has a million)
        self.postings: dict[str, list[int]] = {}
        self.scanned = scanned = scan.literals  # the literals the automaton finds
        automaton = scan.automaton
        if scanned:
            postings = self.postings
            for i, s in enumerate(sentences):
                for _, literal in automaton.iter(s.norm):
                    found = postings.get(literal)
                    if found is None:
                        postings[literal] = [i]
                    elif found[-1] != i:
                        found.append(i)
        self._cache: dict[Any, set[int]] = {}
        self._of_clause: dict[Any, set[int] | None] = {}

    def may_hold(self, clause: Any, number: int) -> bool:
        """Whether ``clause`` may hold in the sentence ``number`` (its candidates, found once)."""
        if clause not in self._of_clause:
            self._of_clause[clause] = clause.candidates(self)
        found = self._of_clause[clause]
        return found is None or number in found

    def with_any(self, literals: frozenset[str]) -> set[int]:
        """Sentences containing one of ``literals``."""
        got = self._cache.get(literals)
        if got is None:
            if not literals <= self.scanned:
                for t in literals - self.scanned:  # not in the scan (a clause built after it): look
                    self.postings[t] = [i for i, s in enumerate(self.ctx.doc.sentences) if t in s.norm]
            postings = self.postings
            got = set().union(*map(postings.__getitem__, literals & postings.keys()))
            if len(got) <= CACHED_MAX:  # a 20 MB report's sets of a hundred thousand: made again if asked
                self._cache[literals] = got
        return got

    def having(self, found: set[int], literals: frozenset[str]) -> set[int]:
        """The sentences of ``found`` holding one of ``literals`` (a new set).

        By the scan's postings when it looked for them; otherwise each of those few
        sentences is looked in (what only narrows others' sentences is not scanned for).
        """
        if not found:
            return set()
        if literals <= self.scanned:
            return found & self.with_any(literals)
        sentences = self.ctx.doc.sentences
        held: set[int] = set()
        for i in found:
            norm = sentences[i].norm
            for t in literals:
                if t in norm:
                    held.add(i)
                    break
        return held

    def _number(self, block: int, start: int) -> int | None:
        """The number of the sentence of ``block`` starting at ``start``, if there is one."""
        doc = self.ctx.doc
        i = doc.sentence_at(block, start)
        return i if i is not None and doc.sentences[i].start == start else None

    def heads(self, name: str) -> set[int]:
        """The sentences that head a part called ``name``."""
        found = (self._number(block, start) for block, start in self.ctx.heads.get(name, {}))
        return {i for i in found if i is not None}

    def closing(self, count: int) -> set[int]:
        """The sentences of the last ``count`` body paragraphs."""
        doc = self.ctx.doc
        return {i for b in self.ctx.closing_blocks(count) for i in doc.sentences_in(b, b)}

    def titled_with(self, pattern: Pattern) -> set[int]:
        """The sentences opening a block whose heading title ``pattern`` might match."""
        titles = self.ctx.body.titles
        sentences = self.ctx.doc.sentences
        return {i for i in self.titled if pattern.might_match(titles[sentences[i].block] or "")}

    def under(self, terms: tuple[str, ...]) -> set[int]:
        """The sentences in a block under a heading whose title names one of ``terms``, or
        whose own heading does."""
        body = self.ctx.body
        titles = body.titles
        named = [i for i in body.headed if any(t in titles[i] for t in terms)]  # type: ignore[operator]
        if not named:
            return set()
        doc = self.ctx.doc
        found: set[int] = set()
        for head in named:  # the heading's block and the run of blocks of its part
            found.update(doc.sentences_in(head, max(doc.under(head), default=head)))
        return found

    @cached_property
    def titled(self) -> set[int]:
        """The sentences that open a block with a heading's title."""
        blocks = self.ctx.doc.blocks
        return {i for i, s in enumerate(self.ctx.doc.sentences) if s.start == 0 and blocks[s.block].heading is not None}


class Trapping(Protocol):
    """A trap of an item, as a view looks for it: a clause, and the reason it gives a hit."""

    @property
    def reason(self) -> str: ...

    @property
    def clause(self) -> Any: ...


class SentenceView:
    """One sentence as the clauses of one item see it."""

    __slots__ = ("ctx", "sentence", "text", "year", "check_negation", "check_future", "check_titles",
                 "check_normative", "index", "number", "_traps", "_trapping",
                 "_known")  # a few dozen per report, each asked a few times

    def __init__(self, ctx: DocContext, sentence: Sentence, *, negation: bool = True,
                 future: bool = True, titles: bool = True, normative: bool = False,
                 trapping: Sequence[Trapping] = (), index: SentenceIndex | None = None,
                 number: int = -1) -> None:
        self.ctx = ctx
        self.sentence = sentence
        # the document's index and the sentence's number in it: which clauses may hold here
        self.index = index
        self.number = number
        self.text = sentence.norm
        self.year = ctx.year
        self.check_negation = negation
        self.check_future = future
        self.check_normative = normative
        self.check_titles = titles
        # Where the traps of ``trapping`` (those that may hold here) hold: looked for when first
        # asked (by a hit's reasons, or for a near miss that is shown).
        self._traps: tuple[tuple[int, int, str], ...] | None = None if trapping else ()
        self._trapping = trapping
        self._known: SentenceFacts | None = None

    def plain(self) -> "SentenceView":
        """The same sentence with no context checks (for finding traps)."""
        return SentenceView(self.ctx, self.sentence, negation=False, future=False, titles=False,
                            index=self.index, number=self.number)

    @property
    def traps(self) -> tuple[tuple[int, int, str], ...]:
        """Where the item's traps hold in the sentence: (start, end, reason), in the traps' order."""
        spans = self._traps
        if spans is None:
            plain = self.plain()
            spans = self._traps = tuple((s, e, trap.reason) for trap in self._trapping
                                        for h in trap.clause.hits(plain) for s, e in h.spans)
        return spans

    def may_hold(self, clause: Any) -> bool:
        """Whether ``clause`` may hold in this sentence: not where the index says it has no
        hits (asked of the alternatives of ``any``); always without an index."""
        return self.index is None or self.index.may_hold(clause, self.number)

    @property
    def block(self) -> Block:
        return self.ctx.doc.blocks[self.sentence.block]

    def in_section(self, name: str) -> bool:
        return self.ctx.in_section(self.sentence.block, name)

    def in_plans(self) -> bool:
        return self.ctx.in_role(self.sentence.block, PLANS)

    def section_head(self, name: str) -> int | None:
        """Content length of the ``name`` section headed by this sentence, if it heads one."""
        return self.ctx.heads.get(name, {}).get((self.sentence.block, self.sentence.start))

    def headings_above(self) -> list[str]:
        """The titles of the parts this sentence is in, innermost last (its own block's, if it opens one)."""
        block = self.block
        titles = [heading_text(self.ctx.doc.blocks[i]) or "" for i in block.section]
        if block.heading is not None and (block.kind != "heading" or self.sentence.start > 0):
            titles.append(heading_text(block) or "")
        return titles

    def heading_title(self) -> str | None:
        if self.sentence.start != 0:
            return None
        return heading_text(self.block)

    # What a sentence is, whichever item looks at it: worked out once per document.
    @property
    def _facts(self) -> SentenceFacts:
        facts = self._known
        if facts is None:
            key = (self.sentence.block, self.sentence.start)
            facts = self.ctx.facts.get(key)
            if facts is None:
                facts = self.ctx.facts[key] = SentenceFacts(self.text, self.in_plans(), self.ctx.cues)
            self._known = facts
        return facts

    def reasons(self, start: int, end: int) -> frozenset[str]:
        """Why a hit at ``start:end`` may not count (see :mod:`lawcheck.judge.reasons`)."""
        own = reasons.of_sentence(self._facts, self.ctx.cues, start, end, titles=self.check_titles,
                                  negation=self.check_negation, future=self.check_future,
                                  normative=self.check_normative)
        traps = self.traps
        return reasons.of_traps(own, traps, start, end) if traps else own
