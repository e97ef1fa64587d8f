"""``deed``: who did what. An act, its doer named before it, about what the item is about.

    match:
      deed:
        by: [主要负责人, 县长]          # the doers whose acts count
        acts: [主持, 听取, 批示, 述法]   # what they did
        about: [法治, 依法行政]          # near the act (within ``within`` characters)
        within: 40
        about_after: false              # true: what it is about is named after the act only
        others: [collective, leaders]   # other doers whose acts hold, with their class as the reason
        except: [决策部署, 牵头单位]      # wording in which an act's word names no act
        unnamed_in: [frp-part]          # where an act with no doer named counts as theirs

holds in "县长3次主持召开常务会议研究法治政府建设工作" and in "区长全年主持召开常务会议6次，
专题听取执法工作汇报": the nearest doer before the act is the one who did it, and
what it is about is named near the act (``within`` characters either side) or
between the doer and the act (``about_after``: after the act only). An act inside a 《》
title names a document, not a deed. The other doers a report names are the cue lists
``doers_*`` of ``cues.yaml`` (a leadership body, leaders in general, a leading
group's head, the body as a whole, leaders and bodies outside it): an act of
one of those ``others`` names holds too, with its class as the reason it counts
only in part (``collective``, ``leaders``, ``group-head``, ``body``, ``others``);
with ``unnamed`` among them, so does an act with no doer before it (reason
``unnamed``), which holds plainly in the sections ``unnamed_in`` names. The
acts of the doers not named hold nowhere. A name right before another one is the latter's
(区长办公会 is a meeting, 党委书记 a secretary), a name just after a
``governing`` cue (压实主要负责人职责, 为街道领导授课) is what is acted on, not who
acts, and one just after a ``pivots`` cue (组织常务会议学习, 抽选主要负责人述法) acts at
another's behest: a leader named so is another body's (``others``). The reasons of the doer's and the act's words (a trap, a
negation, intent, a rule for others) are the hit's.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, NamedTuple

import regex

from lawcheck.judge.clauses.base import MAX_HITS, Compile, Hit, Kind, Say, Span
from lawcheck.judge.context import SentenceIndex, SentenceView
from lawcheck.judge.reasons import Cues
from lawcheck.messages import in_lang, listed, quoted
from lawcheck.pattern import Pattern
from lawcheck.document.text import norm

TERMS = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1}
# A governing word this close before a doer (its clause and a few words of the name between):
# 压实各级党政主要负责人, 落实街道党政主要负责人.
GOVERNED_GAP = 8
UNNAMED = "unnamed"
UNNAMED_REASON = frozenset((UNNAMED,))
NO_REASONS: frozenset[str] = frozenset()
OTHERS = "others"  # a principal leader acting at another's behest is another body's
CLAUSE_ENDS = ",;:。!?\n"


class Doer(NamedTuple):
    start: int
    end: int
    reason: str | None  # None: one of the doers ``by`` names


class Deed(Kind):
    KEY = "deed"
    SCHEMA = {
        "type": "object", "additionalProperties": False, "required": ["by", "acts"],
        "properties": {"by": TERMS, "acts": TERMS, "about": TERMS,
                       "within": {"type": "integer", "minimum": 1}, "about_after": {"type": "boolean"},
                       "others": {"type": "array", "items": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"}},
                       "except": TERMS,
                       "unnamed_in": {"type": "array", "items": {"type": "string"}}},
    }
    WORDS = {"zh": "{by}本人做了{acts}之类的事", "en": "{by} did something like {acts}"}
    WORDS_ABOUT = {"zh": "{by}本人做了{acts}之类的事，且与{about}有关（{within} 字以内）",
                   "en": "{by} did something like {acts}, about {about} (within {within} characters)"}

    def __init__(self, spec: dict[str, Any], compile: Compile | None = None) -> None:
        self.by = tuple(norm(t) for t in spec["by"])
        self.acts = tuple(norm(t) for t in spec["acts"])
        self.about = tuple(norm(t) for t in spec.get("about") or ())
        self.within = int(spec.get("within", 40))
        self.about_after = bool(spec.get("about_after", False))
        self.others = frozenset(spec.get("others") or ())
        self.unnamed_in = tuple(spec.get("unnamed_in") or ())
        self._by = _terms(self.by)
        self._acts = _terms(self.acts)
        self._about = _terms(self.about) if self.about else None
        self._acts_set, self._about_set = frozenset(self.acts), frozenset(self.about)
        self.nouns = tuple(norm(t) for t in spec.get("except") or ())
        self._nouns = _terms(self.nouns) if self.nouns else None
        self._made: tuple[Cues, regex.Pattern[str], dict[str, str | None]] | None = None  # see _names

    @classmethod
    def sections_named(cls, value: Any) -> list[Any]:
        return list(value.get("unnamed_in") or []) if isinstance(value, dict) else []

    def candidates(self, index: SentenceIndex) -> set[int] | None:
        found = index.with_any(self._acts_set)
        return index.having(found, self._about_set) if self.about else found

    def lookups(self) -> frozenset[str]:
        return self._acts_set

    def narrow(self, index: SentenceIndex, found: set[int]) -> set[int]:
        got = index.having(found, self._acts_set)
        return index.having(got, self._about_set) if self.about else got

    def hits(self, s: SentenceView, anchors: list[Hit] | None = None) -> list[Hit]:
        text = s.text
        acts = list(self._acts.finditer(text))
        if acts and self._nouns is not None:
            nouns = [m.span() for m in self._nouns.finditer(text)]
            acts = [a for a in acts if not any(s <= a.start() and a.end() <= e for s, e in nouns)]
        if not acts:
            return []
        doers = self._doers(s, acts[-1].start())
        ends = [d.end for d in doers]
        unnamed_counts = any(s.in_section(name) for name in self.unnamed_in)
        found: list[Hit] = []
        for act in acts:
            a_start, a_end = act.span()
            i = bisect_left(ends, a_start + 1) - 1  # the last doer ending before the act starts
            doer = doers[i] if i >= 0 else None
            # whose act it is: the doers named, the others asked for (with their reason), or none
            own: frozenset[str] = NO_REASONS
            if doer is not None and doer.reason is not None:
                if doer.reason not in self.others:
                    continue
                own = frozenset((doer.reason,))
            elif doer is None and not unnamed_counts:
                if UNNAMED not in self.others:
                    continue
                own = UNNAMED_REASON
            named, about = self._about_near(text, a_start, a_end, doer)
            if not named:
                continue
            reasons = s.reasons(a_start, a_end)
            if "title" in reasons:  # an act inside a 《》 title names a document, not a deed
                continue
            spans = [(a_start, a_end)]
            if doer is not None:
                spans.insert(0, (doer.start, doer.end))
                reasons = reasons | s.reasons(doer.start, doer.end)
            if about is not None:
                spans.append(about)
            spans.sort()
            hit = Hit(tuple(spans), reasons | own, spans[0][0], max(e for _, e in spans))
            if not hit.reasons:
                return [hit]  # a plain deed: no other hit of the sentence can count for more
            found.append(hit)
            if len(found) >= MAX_HITS:
                break
        return found

    def _about_near(self, text: str, a_start: int, a_end: int, doer: Doer | None) -> tuple[bool, Span | None]:
        """Whether the act's subject matter is named near it (or none is asked), and where."""
        if self._about is None:
            return True, None
        if self.about_after:
            lo = a_start
        else:
            lo = doer.end if doer is not None else max(a_start - self.within, 0)
        m = self._about.search(text, lo, min(len(text), a_end + self.within))
        return (True, m.span()) if m is not None else (False, None)

    def _doers(self, s: SentenceView, last_act: int) -> list[Doer]:
        """Who may be acting in the sentence before ``last_act`` (where its last act starts), in
        order: names of one kind right before another, and names just after a governing word,
        left out; one after a pivot acts for another. (A name starting after the last act is no
        act's doer, and the one right before it then ends after that act starts: neither is.)"""
        text = s.text
        cues = s.ctx.cues
        pattern, reasons = self._names(cues)
        kept: list[Doer] = []
        for m in pattern.finditer(text):  # the longest name at each place, one after another
            if m.start() > last_act:
                break
            d = Doer(m.start(), m.end(), reasons[m.lastgroup or ""])
            if kept and kept[-1].end == d.start:  # 区长|办公会, 党委|书记: the latter names it
                kept.pop()
            kept.append(d)
        out: list[Doer] = []
        for d in kept:
            if cues.governing is not None and _governed(cues.governing, text, d.start):
                continue
            if cues.pivots is not None and _governed(cues.pivots, text, d.start):
                d = d._replace(reason=d.reason or OTHERS)
            out.append(d)
        return out

    def _names(self, cues: Cues) -> tuple["regex.Pattern[str]", dict[str, str | None]]:
        """One pattern finding every doer's name, the longest at each place (POSIX), each kind a
        group: made once for the cues of a checklist."""
        made = self._made
        if made is not None and made[0] is cues:
            return made[1], made[2]
        groups = {"by": None, **{f"d{i}": reason for i, (reason, _) in enumerate(cues.doers)}}
        sources = [self._by.source, *(p.source for _, p in cues.doers)]
        pattern = regex.compile("|".join(f"(?P<{g}>{src})" for g, src in zip(groups, sources)), regex.POSIX)
        self._made = (cues, pattern, groups)
        return pattern, groups

    WORDS_OTHERS = {"zh": "（{others}做的也算，附原因）", "en": " (or by {others}, with that as the reason)"}
    DOERS = {"collective": {"zh": "领导班子或会议", "en": "a leadership body"},
             "leaders": {"zh": "领导干部", "en": "leaders in general"},
             "group-head": {"zh": "领导小组", "en": "a leading group"},
             "body": {"zh": "单位整体", "en": "the body as a whole"},
             "unnamed": {"zh": "未写明的人", "en": "no one named"},
             "others": {"zh": "其他单位", "en": "another body"}}

    @classmethod
    def describe(cls, value: Any, lang: str, say: Say) -> str:
        words = cls.WORDS_ABOUT if value.get("about") else cls.WORDS
        said = in_lang(words, lang).format(by=listed(value["by"][:4], lang), acts=quoted(value["acts"][:6], lang),
                                           about=quoted(value.get("about", [])[:4], lang),
                                           within=value.get("within", 40))
        others = [in_lang(cls.DOERS[o], lang) if o in cls.DOERS else o for o in value.get("others") or []]
        return said + in_lang(cls.WORDS_OTHERS, lang).format(others=listed(others, lang)) if others else said


def _terms(terms: tuple[str, ...]) -> Pattern:
    return Pattern.any_of([regex.escape(t) for t in sorted(terms, key=len, reverse=True)], cue=True)


def _governed(governing: Pattern, text: str, start: int) -> bool:
    """Whether a governing word stands shortly before ``start`` in its clause."""
    lo = start
    while lo > 0 and start - lo < GOVERNED_GAP + 4 and text[lo - 1] not in CLAUSE_ENDS:
        lo -= 1
    return any(start - m.end() <= GOVERNED_GAP for m in governing.finditer(text, lo, start))
