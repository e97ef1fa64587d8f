"""Named parts of a report (plans, shortcomings…), recognised by their headings or inline wording.

A checklist declares its sections; each may play a *role* the engine knows:

- ``plans``: the coming year's tasks. Intent wording (将, 拟…) is expected
  there and not flagged; years named there are not the year reported on; the
  ``plan-year`` finding reads the year in its heading;
- ``shortcomings``: problems admitted. Figures there are not results.

A section without ``role`` plays the role its name names, if it is one
(``plans``, ``shortcomings``), so the simplest checklist needs no roles at all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from lawcheck.document import words
from lawcheck.document.model import Block, Document
from lawcheck.pattern import Pattern, fill
from lawcheck.document.text import arabic, joined

SHORTCOMINGS, PLANS = "shortcomings", "plans"
ROLES = (SHORTCOMINGS, PLANS)  # in the order their reasons are told (see matching)

TITLE_QUOTES = re.compile(r"《[^《》]*》")
# Guidance left in a template: 【请填写：…】, 【××情况】. Nothing said there is content.
# A placeholder holds no other 【: a run of 【 without a 】 is then read once, not again
# from each 【 in it.
PLACEHOLDER = re.compile(words.pattern("placeholder"))
# What a part's length does not count: guidance, and the scaffolding of a list left
# unfilled ("一是……；二是……。").
SCAFFOLDING = re.compile(PLACEHOLDER.pattern + "|" + words.pattern("list_scaffolding"))


@dataclass(frozen=True)
class SectionDef:
    """A named part of a report, recognised by its heading (or inline wording)."""

    name: str
    headings: tuple[tuple[str, int | None], ...]  # (pattern, max_level)
    inline: tuple[str, ...] = ()
    role: str | None = None
    label: dict[str, str] = field(default_factory=dict)  # why a hit in it does not count, {zh, en}
    title: dict[str, str] = field(default_factory=dict)  # what people call it, {zh, en} (explain)
    _cache: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def _compiled(self, year: int | None) -> tuple[list[tuple[Pattern, int | None]], list[Pattern]]:
        """The heading patterns (with their levels) and the inline ones for ``year``."""
        got = self._cache.get(year)
        if got is None:
            got = ([(Pattern.of(fill(p, year)), lvl) for p, lvl in self.headings],
                   [Pattern.of(fill(p, year)) for p in self.inline])
            self._cache[year] = got
        return got

    def heading_matches(self, title: str, level: int | None, year: int | None) -> bool:
        # Reports share their headings ("二、存在的不足和原因"): each is judged once per
        # section, level and year (a bounded memo of a pure function).
        known = self._cache.setdefault("headings", {})
        key = (title, level, year)
        got = known.get(key)
        if got is None:
            if len(known) >= HEADINGS_KEPT:
                known.clear()
            got = known[key] = self._heading_matches(title, level, year)
        return got

    def _heading_matches(self, title: str, level: int | None, year: int | None) -> bool:
        title = arabic(title)  # "四、二〇二五年工作安排" names 2025 as "2025年…" does
        for pattern, max_level in self._compiled(year)[0]:
            if max_level is not None and (level is None or level > max_level):
                continue
            if pattern.might_match(title) and pattern.search(title):
                return True
        return False

    def inline_blocks(self, body: "Body", year: int | None) -> set[int] | None:
        """The blocks where inline wording for this section may start (None: any block)."""
        found: set[int] = set()
        for pattern in self._compiled(year)[1]:
            literals = pattern.rarest
            if literals is None:
                return None
            found |= body.blocks_with(literals)
        return found

    def inline_match(self, text: str, year: int | None) -> int | None:
        """Where inline wording for this section starts in ``text``, if it does."""
        for pattern in self._compiled(year)[1]:
            # "(不足|问题)(表现|体现)在" is not looked for in a text without 表现 or 体现
            m = pattern.search(text) if pattern.might_match(text) else None
            if m:
                return m.start()
        return None


HEADINGS_KEPT = 20_000  # headings judged, per section, before the memo starts again


def role_of(name: str, declared: str | None) -> str | None:
    """The role a section plays: the declared one, else its name when that is a role."""
    if declared is not None:
        return declared
    return name if name in ROLES else None


@dataclass
class SectionInstance:
    name: str
    head: tuple[int, int]  # (block, sentence start) of the heading sentence
    blocks: set[int]
    chars: int
    role: str | None = None


def heading_text(block: Block) -> str | None:
    """A heading's normalised text with 《》 titles removed (they name documents)."""
    if block.heading is None:
        return None
    return TITLE_QUOTES.sub("", block.heading)


SIGNATURE_MAX = 30  # a signature or date line: short, and no sentence ends in it
TERMINAL = re.compile(r"[。!?;]")


def is_short_line(block: Block) -> bool:
    """A line no sentence ends in and too short for a paragraph: a signature, a date, a label."""
    return len(block.norm) <= SIGNATURE_MAX and not TERMINAL.search(block.norm)


def signature_lines(doc: Document) -> set[int]:
    """The short lines that close a report after its last sentence: the body's name, the date."""
    found: set[int] = set()
    for b in reversed(doc.blocks):
        if b.kind == "furniture":
            continue
        if b.kind == "heading" or not is_short_line(b):
            break
        found.add(b.index)
    return found


def content_chars(text: str) -> int:
    """What a part's text counts for its length: not guidance, ellipses or spaces."""
    return len(SCAFFOLDING.sub("", text).replace(" ", ""))


def find_sections(doc: Document, section: SectionDef, year: int | None, body: "Body") -> list[SectionInstance]:
    """Every part of ``doc`` that ``section`` recognises, by heading or inline.

    ``body``, the report's text (:class:`Body`), says which paragraphs hold the
    literals inline wording requires: only those are looked at for it.
    """
    found: list[SectionInstance] = []
    blocks = doc.blocks
    closing = body.closing
    inline = section.inline_blocks(body, year) if section.inline else set()
    # A part starts at a heading or where inline wording may start: only those blocks are looked at.
    looked = body.kept if inline is None else sorted(inline.union(body.headed)) if inline else body.headed
    for index in looked:
        b = blocks[index]
        title = body.titles[index]
        if title is not None and section.heading_matches(title, b.level, year):
            members = {b.index, *doc.under(b.index)}
            chars = sum(content_chars(blocks[i].norm) for i in members if i not in closing) - content_chars(
                b.heading or "")
            found.append(SectionInstance(section.name, (b.index, 0), members, chars, section.role))
            continue
        m = section.inline_match(b.norm, year) if inline is None or b.index in inline else None
        if m is not None:
            i = doc.sentence_at(b.index, m)  # the sentence where the wording starts
            start = doc.sentences[i].start if i is not None else 0
            found.append(SectionInstance(section.name, (b.index, start), {b.index}, len(b.norm) - m, section.role))
    return found


class Body:
    """A report's normalised text, page furniture aside, a line a block; and its headings' titles.

    Built once per document: where a literal occurs is found in the whole text at
    once, not paragraph by paragraph.
    """

    def __init__(self, doc: Document) -> None:
        kept = [b for b in doc.blocks if b.kind != "furniture"]
        self.text, self._starts = joined([b.norm for b in kept])  # and where each block starts in it
        self.titles = [heading_text(b) for b in doc.blocks]  # by block index
        self.closing = signature_lines(doc)
        self.kept = [b.index for b in kept]  # the blocks not furniture, in order
        self.headed = [b.index for b in kept if b.heading is not None]  # those with a heading's title

    def blocks_with(self, literals: frozenset[str]) -> set[int]:
        """The blocks whose text contains one of ``literals``."""
        found: set[int] = set()
        text, starts, index = self.text, self._starts, self.kept
        for t in literals:
            at = text.find(t)
            while at >= 0:
                k = bisect_right(starts, at) - 1
                block_end = starts[k + 1] - 1 if k + 1 < len(starts) else len(text)
                if at + len(t) <= block_end:  # not across a line break between blocks
                    found.add(index[k])
                at = text.find(t, at + 1)
        return found
