"""Evaluate checklist items against a document.

For each item, every sentence is looked at through a :class:`SentenceView`;
a hit of the item's ``match`` counts as evidence when nothing speaks against
it (no negation, not in a title, not future, no trap, not in a section the
item excludes). Hits with such reasons become *near misses*, and they give
partial credit where the item's ``partial_in`` tolerates their reasons.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lawcheck.judge.checklist import Checklist, ItemDef, Trap
from lawcheck.judge.clauses import Hit, span_hit
from lawcheck.judge import reasons
from lawcheck.judge.context import DocContext, SentenceIndex, SentenceView
from lawcheck.document.model import Evidence, ItemResult, NearMiss, Sentence, Status
from lawcheck.pattern import fill
from lawcheck.document.text import original_span

MAX_EVIDENCE = 3
MAX_NEAR_MISSES = 3
KEEP = 64  # sentences of each kind kept per item: far more than shown, bounded in a huge report


@dataclass
class _Found:
    sentence: Sentence
    hit: Hit
    reasons: frozenset[str]


def match_all(checklist: Checklist, ctx: DocContext) -> tuple[ItemResult, ...]:
    """Every item of ``checklist`` judged on the document of ``ctx``."""
    index = SentenceIndex(ctx, checklist.scan)
    return tuple(evaluate_item(item, ctx, index) for item in checklist.items)


@dataclass
class _Where:
    """Where each clause of an item may hold in a report (None: in any sentence)."""

    match: set[int] | None
    partial: set[int] | None
    traps: list[tuple[Trap, set[int] | None]]

    def numbers(self, count: int) -> Iterable[int]:
        """The sentences where some clause may hold, in reading order (of ``count``)."""
        found: set[int] = set()
        for got in (self.match, self.partial, *(where for _, where in self.traps)):
            if got is None:
                return range(count)
            found |= got
        return sorted(found)


NOWHERE: set[int] = set()  # a clause the scan does not look at


def _where(item: ItemDef, index: SentenceIndex, clause_only: bool) -> _Where:
    match = NOWHERE if clause_only or item.match is None else item.match.candidates(index)
    partial = NOWHERE if item.partial is None else item.partial.candidates(index)
    return _Where(match, partial, [(trap, trap.clause.candidates(index)) for trap in item.traps])


def evaluate_item(item: ItemDef, ctx: DocContext, index: SentenceIndex | None = None) -> ItemResult:
    """``item`` judged on the document of ``ctx``; ``index``: which sentences each clause may
    hold in (made for this item alone when not given)."""
    index = index or SentenceIndex(ctx)
    if item.parts:
        return _evaluate_parent(item, ctx, index)
    clean, tolerated, near, partial_clean = _scan(item, ctx, index)
    if len(clean) >= item.min_count:
        status: Status = "met"
    elif clean or tolerated or partial_clean:
        status = "partial"
    else:
        status = "missing"
    if status == "met":
        return _result(item, ctx, status, clean, [])
    # What earned the part is the evidence, each with the reason it counts only in part (a
    # bare claim, a leadership body's act…); what did not count at all is a near miss. A
    # sentence is shown one way only.
    evidence = _unique(clean + tolerated + partial_clean) if status == "partial" else []
    shown = {(f.sentence.block, f.sentence.start) for f in evidence}
    return _result(item, ctx, status, evidence, near.first(MAX_NEAR_MISSES, shown))


def _unique(found: list[_Found]) -> list[_Found]:
    """One near miss per sentence, in reading order."""
    seen: dict[tuple[int, int], _Found] = {}
    for f in found:
        seen.setdefault((f.sentence.block, f.sentence.start), f)
    return sorted(seen.values(), key=lambda f: (f.sentence.block, f.sentence.start))


def _evaluate_parent(item: ItemDef, ctx: DocContext, index: SentenceIndex) -> ItemResult:
    parts = tuple(evaluate_item(p, ctx, index) for p in item.parts)
    met = sum(p.status == "met" for p in parts)
    own_partial: list[_Found] = []
    if item.partial is not None:
        own_partial = _scan(item, ctx, index, clause_only=True)[3]
    if met >= item.need:
        status: Status = "met"
    elif met or any(p.status == "partial" for p in parts) or own_partial:
        status = "partial"
    else:
        status = "missing"
    evidence = tuple(e for p in parts for e in p.evidence[:1])
    if not evidence and own_partial:
        evidence = tuple(_evidence(ctx, f, item) for f in own_partial[:MAX_EVIDENCE])
    return ItemResult(id=item.id, title=item.title, severity=item.severity, weight=item.weight,
                      status=status, credit=_credit(item, status), evidence=evidence,
                      near_misses=(), parts=parts, hint=fill(item.hint, ctx.year))


class _NearMisses:
    """An item's near misses in reading order: the first ``KEEP`` sentences where a hit did not
    count, or where a trap alone holds.

    A sentence where only a trap may hold waits: whether the trap holds there is looked for
    when the near misses are shown, and only until enough are (an item met shows none). At
    most ``KEEP`` wait at a time, so a huge report keeps few.
    """

    def __init__(self, item: ItemDef) -> None:
        self.item = item
        self.seen: list[_Found | SentenceView] = []
        self.known = 0  # the entries of ``seen`` known to be near misses; the others wait

    def add(self, found: _Found) -> None:
        if self.known < KEEP:
            self.seen.append(found)
            self.known += 1

    def wait(self, view: SentenceView) -> None:
        """A sentence where the item's traps may hold, and nothing else does."""
        if self.known < KEEP:
            self.seen.append(view)
            if len(self.seen) - self.known >= KEEP:
                self.seen = [f for f in map(self._trapped, self.seen) if f is not None]
                self.known = len(self.seen)

    def first(self, count: int, shown: set[tuple[int, int]]) -> list[_Found]:
        """The first ``count`` near misses (of the first ``KEEP``) in sentences not ``shown``."""
        out: list[_Found] = []
        kept = 0
        for entry in self.seen:
            if len(out) >= count:
                break
            found = self._trapped(entry)
            if found is None:
                continue
            kept += 1
            if kept > KEEP:
                break
            if (found.sentence.block, found.sentence.start) not in shown:
                out.append(found)
        return out

    def _trapped(self, entry: _Found | SentenceView) -> _Found | None:
        """A waiting sentence as its near miss: the trap that keeps it from counting even in
        part first (None: no trap holds there)."""
        if isinstance(entry, _Found):
            return entry
        if not entry.traps:
            return None
        t_start, t_end, reason = min(entry.traps, key=lambda t: t[2] in self.item.partial_in)
        return _Found(entry.sentence, span_hit(t_start, t_end), frozenset([reason]))


def _scan(item: ItemDef, ctx: DocContext, index: SentenceIndex, clause_only: bool = False
          ) -> tuple[list[_Found], list[_Found], _NearMisses, list[_Found]]:
    """Sentences where the item holds: clean, tolerated for partial, near misses, partial clause."""
    clean: list[_Found] = []
    tolerated: list[_Found] = []
    near = _NearMisses(item)
    partial_clean: list[_Found] = []
    plain = 0  # partial hits with no reason (evidence), as opposed to tolerated ones (near misses)
    where = _where(item, index, clause_only)
    sentences = ctx.doc.sentences
    # Met with all the evidence shown: the rest of a long report cannot change the result.
    enough = max(item.min_count, MAX_EVIDENCE)
    for number in where.numbers(len(sentences)):
        if len(clean) >= enough:
            break
        sentence = sentences[number]
        # A clause is asked only about the sentences it may hold in (elsewhere it has no hits).
        trapping = [trap for trap, cands in where.traps if cands is None or number in cands]
        view = SentenceView(ctx, sentence, negation=item.negation, future=item.future, titles=item.titles,
                            normative=item.normative, trapping=trapping, index=index, number=number)
        section_reasons = reasons.of_place(ctx.sections_of(sentence.block), item.exclude_in, item.headings,
                                           ctx.doc.blocks[sentence.block], sentence)
        if item.match is not None and not clause_only:
            may = where.match is None or number in where.match
            best = _best(reasons.conceded(item.match.hits(view), sentence.norm, ctx.cues), section_reasons) if may else None
            if best is not None:
                found = _Found(sentence, best, best.reasons | section_reasons)
                if not found.reasons:
                    clean.append(found)
                    continue
                if found.reasons <= item.partial_in and len(tolerated) < KEEP:
                    tolerated.append(found)
                near.add(found)
            elif trapping:
                near.wait(view)  # a trap alone, if one holds: the reason it does not count is told
        if item.partial is not None and (where.partial is None or number in where.partial):
            hit = _best(item.partial.hits(view), section_reasons)
            if hit is not None:
                why = hit.reasons | section_reasons
                if (not why and plain < KEEP) or (why and why <= item.partial_in and len(partial_clean) - plain < KEEP):
                    partial_clean.append(_Found(sentence, hit, why))
                    plain += not why
    return clean, tolerated, near, partial_clean


def _best(hits: list[Hit], extra: frozenset[str]) -> Hit | None:
    """The hit with the fewest reasons (a clean one if there is one)."""
    if not hits:
        return None
    if len(hits) == 1:
        return hits[0]
    return min(hits, key=lambda h: (len(h.reasons | extra), h.start))


def _credit(item: ItemDef, status: Status) -> float:
    return {"met": 1.0, "partial": item.partial_credit}.get(status, 0.0)


def _reason(found: frozenset[str], ctx: DocContext, item: ItemDef) -> str:
    """The reason told for a near miss: one that keeps it from counting even in part first,
    then in the order the engine and the item's traps give."""
    return reasons.told(found, (*reasons.order(ctx.section_roles), *(t.reason for t in item.traps)), item.partial_in)


def _evidence(ctx: DocContext, found: _Found, item: ItemDef) -> Evidence:
    s = found.sentence
    block = ctx.doc.blocks[s.block]
    offsets, paragraph = block.offsets, block.text
    o_start, o_end = original_span(offsets, s.start, s.end, len(paragraph))
    raw = paragraph[o_start:o_end]
    at = o_start + len(raw) - len(raw.lstrip())  # where the text shown starts in its paragraph
    spans = set()
    for a, b in found.hit.spans:
        if a < b:
            sa, sb = original_span(offsets, s.start + a, s.start + b, len(paragraph))
            spans.add((sa - at, sb - at))
    # text, block, section, line, page, spans, paragraph, at, reason (positional: twenty a report)
    return Evidence(raw.strip(), block.index, ctx.heading_path(block), block.line, block.page,
                    tuple(sorted(spans)), paragraph, at, _reason(found.reasons, ctx, item) if found.reasons else None)


def _result(item: ItemDef, ctx: DocContext, status: Status, evidence: list[_Found],
            near: list[_Found]) -> ItemResult:
    near_misses = []
    for f in near[:MAX_NEAR_MISSES]:
        ev = _evidence(ctx, f, item)
        near_misses.append(NearMiss(text=ev.text, reason=_reason(f.reasons, ctx, item), block=ev.block,
                                    section=ev.section, line=ev.line, spans=ev.spans))
    return ItemResult(id=item.id, title=item.title, severity=item.severity, weight=item.weight,
                      status=status, credit=_credit(item, status),
                      evidence=tuple(_evidence(ctx, f, item) for f in evidence[:MAX_EVIDENCE]),
                      near_misses=tuple(near_misses), hint=fill(item.hint, ctx.year))
