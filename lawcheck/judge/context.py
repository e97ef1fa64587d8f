"""What a clause may ask about a sentence: where it is, and why a hit may not count.

:class:`DocContext` is built once per document and checklist: the report's
year and the named sections (plans, shortcomings…) found by their headings.
:class:`SentenceView` labels each hit with the reasons it is not plain
performance:

- ``negated``: a negation cue (未能, 尚未, 不到位…) in the same clause;
- ``title``: inside a 《》 title, so it names a document, not a deed;
- ``future``: intent wording (将, 拟, 计划, 下一步…) outside a plans part;
- ``placeholder``: inside template guidance such as 【请填写：…】;
- a trap's reason (``other-duty``, ``village-adviser``…) where a trap of the
  item covers the hit.

The cue lists come from the checklist (:class:`Cues`); this module needs only
what a checklist provides (its sections and cues), not the checklist module.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol


from lawcheck.document.model import Block, Document, Sentence
from lawcheck.judge.sections import (PLACEHOLDER, PLANS, TITLE_QUOTES, Body, SectionDef, SectionInstance,
                               find_sections, heading_text, is_short_line)
from lawcheck.pattern import Pattern
from lawcheck.document.text import CLAUSE_SEP

__all__ = ["Cues", "DocContext", "SentenceIndex", "SentenceView", "PLACEHOLDER", "heading_text"]

@dataclass(frozen=True)
class Cues:
    """The wording that makes a hit not count: negation before or after it, intent, concession."""

    negation_before: Pattern
    negation_after: Pattern
    future: Pattern
    future_lead: Pattern
    concessive: Pattern | None = None
    normative: Pattern | None = None  # telling others what to do: 要, 应当, 必须
    # Who acts (the ``deed`` kind): each class of doer other than the ones a clause names, with
    # the reason its acts carry; and the words after which a doer is what is acted on.
    doers: tuple[tuple[str, Pattern], ...] = ()
    governing: Pattern | None = None
    pivots: Pattern | None = None


class Sources(Protocol):
    """What a context is built from: a checklist's sections and cues."""

    @property
    def sections(self) -> Mapping[str, SectionDef]: ...

    @property
    def cues(self) -> Cues: ...


@dataclass
class DocContext:
    doc: Document
    year: int | None
    cues: Cues
    members: dict[str, set[int]] = field(default_factory=dict)
    roles: dict[str, set[int]] = field(default_factory=dict)  # role -> blocks of the sections playing it
    section_roles: dict[str, str | None] = field(default_factory=dict)  # section name -> its role
    heads: dict[str, dict[tuple[int, int], int]] = field(default_factory=dict)
    instances: list[SectionInstance] = field(default_factory=list)
    # Blocks that head a named part (plans, shortcomings…): they name the part, not a deed.
    part_heads: set[int] = field(default_factory=set)
    index: "SentenceIndex | None" = None  # set by the matcher: which sentences each clause may hold in
    facts: dict[tuple[int, int], "_Facts"] = field(default_factory=dict)  # per sentence, for every item
    _closing: dict[int, frozenset[int]] = field(default_factory=dict)  # count -> the closing paragraphs
    _paths: dict[int, str] = field(default_factory=dict)  # block -> its section path (heading_path)
    _parts: dict[int, frozenset[str]] = field(default_factory=dict)  # block -> the sections it is in

    @classmethod
    def build(cls, doc: Document, sources: Sources, year: int | None) -> "DocContext":
        ctx = cls(doc, year, sources.cues, section_roles={n: s.role for n, s in sources.sections.items()})
        body = ctx.body
        for name, section in sources.sections.items():
            for inst in find_sections(doc, section, year, body):
                ctx.instances.append(inst)
                ctx.members.setdefault(name, set()).update(inst.blocks)
                if section.role is not None:
                    ctx.roles.setdefault(section.role, set()).update(inst.blocks)
                ctx.heads.setdefault(name, {})[inst.head] = inst.chars
                if doc.blocks[inst.head[0]].kind == "heading":
                    ctx.part_heads.add(inst.head[0])
        return ctx

    @cached_property
    def body(self) -> Body:
        """The report's text, furniture aside, and its headings' titles."""
        return Body(self.doc)

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


class _Facts:
    """A sentence's 《》 titles, placeholders, intent and concession: the same for every item."""

    __slots__ = ("reasons", "text", "title_ranges", "placeholder_ranges", "separators", "in_plans",
                 "future_sentence", "concession_end", "may_deny", "may_intend", "normative_at")  # one per sentence: no __dict__

    def __init__(self, view: "SentenceView") -> None:
        # No reference to the view kept: the context holds the facts, and the view the context.
        self.reasons: dict[tuple[int, int, bool, bool, bool, bool], frozenset[str]] = {}
        # Worked out when the first hit in the sentence is judged: nearly every one needs all.
        text = self.text = view.text
        self.title_ranges = [(m.start(), m.end()) for m in TITLE_QUOTES.finditer(text)] if "《" in text else []
        self.placeholder_ranges = ([(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
                                   if "【" in text else [])
        self.separators = [m.start() for m in CLAUSE_SEP.finditer(text)]  # where its clauses end
        self.in_plans = view.in_plans()
        cues = view.ctx.cues
        # Whether a cue can be found in any part of the sentence at all: most sentences hold
        # none of the words a negation or intent cue needs, and then no hit's part is searched.
        self.may_deny = (cues.negation_before.might_match(text), cues.negation_after.might_match(text))
        self.may_intend = not self.in_plans and cues.future.might_match(text)
        self.future_sentence = not self.in_plans and bool(
            cues.future_lead.search(text[:self.clause_bounds(0)[1] + 1]))
        self.concession_end = self._concession_end(cues)
        # Where the sentence starts telling others what to do (要, 应当…): what follows is a rule.
        normative = cues.normative
        found = normative.search(text) if normative is not None and normative.might_match(text) else None
        self.normative_at = found.start() if found is not None else len(text)

    def clause_bounds(self, pos: int, last: int | None = None) -> tuple[int, int]:
        """``clause_bounds(text, pos)``, from the separators found once; with ``last``, to the end
        of the clause ``last`` is in (a hit's clause, from where it starts to where it ends)."""
        seps = self.separators
        i = bisect_left(seps, pos)
        j = i if last is None else bisect_left(seps, last, i)
        return (seps[i - 1] + 1 if i else 0), (seps[j] if j < len(seps) else len(self.text))

    def _concession_end(self, cues: Cues) -> int:
        """Where a negated concession (虽…但…未能…) ends: hits before it are negated."""
        if cues.concessive is None:
            return -1
        m = cues.concessive.search(self.text)
        if m is None or not cues.negation_before.search(self.text, m.end()):
            return -1
        return m.end()


# The reasons a sentence itself gives a hit, as bits, and every set of them made once.
_TITLE, _PLACEHOLDER, _NEGATED, _FUTURE, _NORMATIVE = 1, 2, 4, 8, 16
OWN_REASONS = [frozenset(name for bit, name in ((_TITLE, "title"), (_PLACEHOLDER, "placeholder"),
                                                 (_NEGATED, "negated"), (_FUTURE, "future"),
                                                 (_NORMATIVE, "normative")) if mask & bit)
               for mask in range(32)]


CACHED_MAX = 4096  # the largest set of sentences an index keeps for the next clause that asks


class SentenceIndex:
    """Which sentences of a document could hold a clause: found once, asked by every item.

    One Aho-Corasick pass over the whole document finds every occurrence of
    every literal the checklist's clauses require (overlapping ones too); a
    clause then names its candidate sentences by those literals, or by where
    it may hold (a part's heading, the closing paragraphs, headings). Sentences
    are numbered in reading order (``doc.sentences``).
    """

    def __init__(self, ctx: DocContext, automaton: Any = None, scanned: frozenset[str] = frozenset()) -> None:
        self.ctx = ctx
        self.year = ctx.year
        sentences = ctx.doc.sentences
        # literal -> the sentences holding it, in reading order (lists: a 20 MB report has a million)
        self.postings: dict[str, list[int]] = {}
        self.scanned = scanned  # the literals the automaton finds
        if automaton is not None and scanned:
            postings = self.postings
            for i, s in enumerate(sentences):
                for _, literal in automaton.iter(s.norm):
                    found = postings.get(literal)
                    if found is None:
                        postings[literal] = [i]
                    elif found[-1] != i:
                        found.append(i)
        self._cache: dict[Any, set[int]] = {}

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


class SentenceView:
    """One sentence as the clauses of one item see it."""

    __slots__ = ("ctx", "sentence", "text", "year", "check_negation", "check_future", "check_titles",
                 "check_normative", "traps",
                 "_known")  # a few dozen per report, each asked a few times

    def __init__(self, ctx: DocContext, sentence: Sentence, *, negation: bool = True,
                 future: bool = True, titles: bool = True, normative: bool = False,
                 traps: tuple[tuple[int, int, str], ...] = ()) -> None:
        self.ctx = ctx
        self.sentence = sentence
        self.text = sentence.norm
        self.year = ctx.year
        self.check_negation = negation
        self.check_future = future
        self.check_normative = normative
        self.check_titles = titles
        self.traps = traps
        self._known: _Facts | None = None

    def plain(self) -> "SentenceView":
        """The same sentence with no context checks (for finding traps)."""
        return SentenceView(self.ctx, self.sentence, negation=False, future=False, titles=False)

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
    def _facts(self) -> "_Facts":
        facts = self._known
        if facts is None:
            key = (self.sentence.block, self.sentence.start)
            facts = self.ctx.facts.get(key)
            if facts is None:
                facts = self.ctx.facts[key] = _Facts(self)
            self._known = facts
        return facts

    def reasons(self, start: int, end: int) -> frozenset[str]:
        key = (start, end, self.check_titles, self.check_negation, self.check_future, self.check_normative)
        facts = self._facts
        own = facts.reasons.get(key)
        if own is None:
            own = facts.reasons[key] = self._own_reasons(facts, start, end)
        if not self.traps:
            return own
        trapped = {reason for t_start, t_end, reason in self.traps if t_start < end and start < t_end}
        return own | trapped if trapped else own

    def _own_reasons(self, facts: "_Facts", start: int, end: int) -> frozenset[str]:
        """Why a hit at ``start:end`` may not count, traps aside (the same for every item)."""
        found = 0  # a bit for each reason (OWN_REASONS): their sets are made once
        if self.check_titles and facts.title_ranges and any(s <= start and end <= e for s, e in facts.title_ranges):
            found |= _TITLE
        if facts.placeholder_ranges and any(s <= start and end <= e for s, e in facts.placeholder_ranges):
            found |= _PLACEHOLDER
        text = self.text
        cues = self.ctx.cues
        if self.check_negation:
            # The clause around the hit, to the end of the clause its last character is in.
            c_start, c_end = facts.clause_bounds(start, max(end - 1, start))
            before, after = facts.may_deny
            if ((before and cues.negation_before.search(text[c_start:start]))
                    or (after and cues.negation_after.search(text[end:c_end])) or start < facts.concession_end):
                found |= _NEGATED
        # Intent carries through the rest of its sentence: "将推行公示制度，在平台开设专栏".
        if self.check_future and (facts.future_sentence or (facts.may_intend and cues.future.search(text[:start]))):
            found |= _FUTURE
        # A rule for others (各部门要…) covers the rest of its sentence, as intent does.
        if self.check_normative and start > facts.normative_at:
            found |= _NORMATIVE
        return OWN_REASONS[found]
