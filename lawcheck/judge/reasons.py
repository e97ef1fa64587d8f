"""Why a hit does not count: every reason decided in one place.

A hit of an item's clause is plain evidence unless something speaks against it:

- of its sentence, the same for every item (:class:`SentenceFacts`, :func:`of_sentence`):
  ``title`` (inside a 《》 title: it names a document, not a deed), ``placeholder``
  (inside template guidance such as 【请填写：…】), ``negated`` (a negation cue in its clause,
  a denied concession 虽…但…未能, or a turn 但… after which the sentence denies it:
  :func:`conceded`), ``future`` (intent outside a plans part), ``normative`` (a rule for others);
- of where it stands (:func:`of_place`): a section the item excludes, or ``heading`` (a
  heading names a topic, not a deed);
- of the item: a trap's reason (:func:`of_traps`).

The words come from the cue lists of ``cues.yaml`` (:class:`Cues`), which a checklist may
replace or add to. :func:`told` picks the one reason said when there are several.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from lawcheck.document.model import Block, Sentence
from lawcheck.document.text import CLAUSE_SEP
from lawcheck.judge.sections import PLACEHOLDER, ROLES, TITLE_QUOTES
from lawcheck.pattern import Pattern

NO_REASONS: frozenset[str] = frozenset()
NEGATED = frozenset(["negated"])
# A heading names a part of the report; what the part says is the evidence.
HEADING = frozenset(["heading"])
# The reason told for a near miss with several: the most telling first (the parts
# playing a role come after "negated", in the order of ROLES).
FIRST_REASONS = ("negated",)
LAST_REASONS = ("future", "normative", "title", "heading")
INLINE_TITLE_MAX = 16  # "（一）合法性审查。": a topic in a few words, before what was done


@dataclass(frozen=True)
class Cues:
    """The wording that makes a hit not count: negation before or after it, intent, concession."""

    negation_before: Pattern
    negation_after: Pattern
    future: Pattern
    future_lead: Pattern
    concessive: Pattern | None = None
    normative: Pattern | None = None  # telling others what to do: 要, 应当, 必须
    turn: Pattern | None = None  # a turn (但, 然而): what a sentence denies after it, it does not grant before
    # Who acts (the ``deed`` kind): each class of doer other than the ones a clause names, with
    # the reason its acts carry; and the words after which a doer is what is acted on.
    doers: tuple[tuple[str, Pattern], ...] = ()
    governing: Pattern | None = None
    pivots: Pattern | None = None


class SentenceFacts:
    """A sentence's 《》 titles, placeholders, clauses, intent and concession: the same for every item."""

    __slots__ = ("reasons", "text", "title_ranges", "placeholder_ranges", "separators", "in_plans",
                 "future_sentence", "concession_end", "may_deny", "may_intend", "_normative_at")  # one per sentence

    def __init__(self, text: str, in_plans: bool, cues: Cues) -> None:
        # The reasons of each hit judged, by where it is and what the item asks to check.
        self.reasons: dict[tuple[int, int, bool, bool, bool, bool], frozenset[str]] = {}
        self.text = text
        self.title_ranges = [(m.start(), m.end()) for m in TITLE_QUOTES.finditer(text)] if "《" in text else []
        self.placeholder_ranges = ([(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
                                   if "【" in text else [])
        self.separators = [m.start() for m in CLAUSE_SEP.finditer(text)]  # where its clauses end
        self.in_plans = in_plans
        # Whether a cue can be found in any part of the sentence at all: most sentences hold
        # none of the words a negation or intent cue needs, and then no hit's part is searched.
        self.may_deny = (cues.negation_before.might_match(text), cues.negation_after.might_match(text))
        self.may_intend = not in_plans and cues.future.might_match(text)
        self.future_sentence = not in_plans and bool(cues.future_lead.search(text[:self.clause_bounds(0)[1] + 1]))
        self.concession_end = self._concession_end(cues)
        self._normative_at: int | None = None  # see normative_at

    def clause_bounds(self, pos: int, last: int | None = None) -> tuple[int, int]:
        """The clause ``pos`` is in; with ``last``, to the end of the clause ``last`` is in (a
        hit's clause, from where it starts to where it ends)."""
        seps = self.separators
        i = bisect_left(seps, pos)
        j = i if last is None else bisect_left(seps, last, i)
        return (seps[i - 1] + 1 if i else 0), (seps[j] if j < len(seps) else len(self.text))

    def normative_at(self, cues: Cues) -> int:
        """Where the sentence starts telling others what to do (要, 应当…): what follows is a
        rule. Found when first asked (only an item that checks for rules asks)."""
        found = self._normative_at
        if found is None:
            normative, text = cues.normative, self.text
            m = normative.search(text) if normative is not None and normative.might_match(text) else None
            found = self._normative_at = m.start() if m is not None else len(text)
        return found

    def _concession_end(self, cues: Cues) -> int:
        """Where a negated concession (虽…但…未能…) ends: hits before it are negated."""
        if cues.concessive is None:
            return -1
        m = cues.concessive.search(self.text)
        if m is None or not cues.negation_before.search(self.text, m.end()):
            return -1
        return m.end()


def of_sentence(facts: SentenceFacts, cues: Cues, start: int, end: int, *, titles: bool, negation: bool,
                future: bool, normative: bool) -> frozenset[str]:
    """Why a hit at ``start:end`` of the sentence may not count, traps aside (the same for
    every item asking the same checks): worked out once per hit and checks."""
    key = (start, end, titles, negation, future, normative)
    found = facts.reasons.get(key)
    if found is None:
        found = facts.reasons[key] = frozenset(_of_sentence(facts, cues, start, end, titles, negation, future,
                                                            normative))
    return found


def _of_sentence(facts: SentenceFacts, cues: Cues, start: int, end: int, titles: bool, negation: bool,
                 future: bool, normative: bool) -> Iterable[str]:
    if titles and facts.title_ranges and any(s <= start and end <= e for s, e in facts.title_ranges):
        yield "title"
    if facts.placeholder_ranges and any(s <= start and end <= e for s, e in facts.placeholder_ranges):
        yield "placeholder"
    text = facts.text
    if negation:
        # The clause around the hit, to the end of the clause its last character is in.
        c_start, c_end = facts.clause_bounds(start, max(end - 1, start))
        before, after = facts.may_deny
        if ((before and cues.negation_before.search(text[c_start:start]))
                or (after and cues.negation_after.search(text[end:c_end])) or start < facts.concession_end):
            yield "negated"
    # Intent carries through the rest of its sentence: "将推行公示制度，在平台开设专栏".
    if future and (facts.future_sentence or (facts.may_intend and cues.future.search(text[:start]))):
        yield "future"
    # A rule for others (各部门要…) covers the rest of its sentence, as intent does.
    if normative and start > facts.normative_at(cues):
        yield "normative"


def of_traps(own: frozenset[str], traps: tuple[tuple[int, int, str], ...], start: int, end: int) -> frozenset[str]:
    """``own`` with the reason of every trap whose span overlaps the hit's."""
    trapped = {reason for t_start, t_end, reason in traps if t_start < end and start < t_end}
    return own | trapped if trapped else own


def conceded(hits: list[Any], text: str, cues: Cues) -> list[Any]:
    """"执法记录仪已配备，但未能做到执法全过程记录": when the item is denied after a
    turn (但…), what the sentence granted it before the turn does not count either."""
    if len(hits) < 2 or cues.turn is None:
        return hits
    turn = cues.turn.search(text)
    if turn is None or not any("negated" in h.reasons and h.start >= turn.end() for h in hits):
        return hits
    return [h._replace(reasons=h.reasons | NEGATED) if h.end <= turn.start() else h for h in hits]


def of_place(sections: frozenset[str], excluded: Collection[str], headings_count: bool, block: Block,
             sentence: Sentence) -> frozenset[str]:
    """Why where a sentence stands keeps its hits from counting: the parts of ``sections``
    the item excludes; else, unless the item counts headings, ``heading`` for a title."""
    found = sections.intersection(excluded) if excluded else NO_REASONS
    # A heading names a topic; it is evidence of a deed only in a part that lists
    # tasks or problems (where the part's own reason already applies).
    if not headings_count and not found and is_title(block, sentence):
        return HEADING
    return found


def is_title(block: Block, sentence: Sentence) -> bool:
    """A heading, or the short title sentence a paragraph opens with ("（一）合法性审查。…")."""
    if block.kind == "heading":
        return True
    return (block.heading is not None and sentence.start == 0 and len(sentence.norm) <= INLINE_TITLE_MAX
            and not any(c.isdigit() for c in sentence.norm) and sentence.end < len(block.norm))


def order(section_roles: Mapping[str, str | None]) -> tuple[str, ...]:
    """The reasons in the order they are told: negation, the role-playing parts, then the rest."""
    parts = tuple(name for role in ROLES for name in sorted(section_roles) if section_roles[name] == role)
    return FIRST_REASONS + parts + LAST_REASONS


def told(reasons: frozenset[str], in_order: Iterable[str], tolerated: frozenset[str]) -> str:
    """The reason told for a near miss: one that keeps it from counting even in part
    (not in ``tolerated``) first, then in the order given."""
    if len(reasons) == 1:
        return next(iter(reasons))
    decisive = reasons - tolerated or reasons
    for r in in_order:
        if r in decisive:
            return r
    return sorted(decisive)[0] if decisive else ""
