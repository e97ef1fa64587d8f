"""Consistency findings: what is not a checklist item but every reader wants to see.

Each kind is a function ``(FindingInput) -> list[Finding]`` registered once in
``KINDS``; a checklist names the kinds it runs (``findings:`` in its YAML),
so a checklist for another kind of report is not held to these. Messages come
from ``lawcheck.messages`` in the user's language.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Callable

from lawcheck.document import words
from lawcheck.judge.context import DocContext
from lawcheck.messages import message
from lawcheck.document.model import Block, Evidence, Finding, Meta
from lawcheck.judge.sections import PLANS, SHORTCOMINGS
from lawcheck.document.text import FIGURE, HEADING_YEAR, arabic, original_span, year_named

@functools.cache
def _placeholder() -> re.Pattern[str]:
    """The pattern of what a template leaves where a name or a figure goes (``fill_in`` of
    document/words.yaml), compiled when a report first holds a mark of one (its CJK ranges cost
    a start-up 2 ms)."""
    return re.compile(words.pattern("fill_in"))


# A web page's title as a site writes it, parts joined by underscores: 某某报告_街镇文件_某区政府门户网站.
_PAGE_TITLE = re.compile(r"^[^_]{4,}(?:_[^_]{4,}){2,}$")


_PLACEHOLDER_MARK = re.compile(r"[Xx×*〇○【_]")  # every placeholder holds one: a quick first look
STALE = re.compile(words.pattern("stale_plan"))
TITLE_BODY = re.compile(words.pattern("title_subject"))
TITLE_KIND = re.compile(words.pattern("title_kind"))
MIN_FIGURES = 3
MAX_EVIDENCE = 3


@dataclass(frozen=True)
class FindingInput:
    ctx: DocContext
    meta: Meta
    deadline: str  # MM-DD of the year after the one reported on
    lang: str


def _ev(ctx: DocContext, block: Block, start: int = 0, end: int | None = None) -> Evidence:
    end = len(block.norm) if end is None else end
    # widen to the sentence around the match, at most 80 characters
    a, b = original_span(block.offsets, start, end, len(block.text))
    lo, hi = max(0, a - 30), min(len(block.text), b + 30)
    window = block.text[lo:hi]
    lo += len(window) - len(window.lstrip())  # the text shown starts after leading spaces
    return Evidence(text=window.strip(), block=block.index,
                    section=ctx.heading_path(block), line=block.line, page=block.page,
                    spans=((a - lo, b - lo),), paragraph=block.text, at=lo)


def _finding(inp: FindingInput, fid: str, severity: str, evidence: list[Evidence], **params: object) -> Finding:
    return Finding(fid, severity, message(f"finding-{fid}", inp.lang, **params), tuple(evidence[:MAX_EVIDENCE]))


def _body_blocks(ctx: DocContext) -> list[Block]:
    return [b for b in ctx.doc.blocks if b.kind != "furniture"]


def _title_block(ctx: DocContext, meta: Meta) -> Block | None:
    return None if meta.title_block is None else ctx.doc.blocks[meta.title_block]


def year_mismatch(inp: FindingInput) -> list[Finding]:
    meta = inp.meta
    if meta.title_year is None or meta.year is None or meta.title_year == meta.year:
        return []
    evidence = []
    title = _title_block(inp.ctx, meta)
    if title is not None:
        evidence.append(_ev(inp.ctx, title))
    for b in _body_blocks(inp.ctx):
        m = year_named(meta.year).search(b.norm)
        if m and b is not title:
            evidence.append(_ev(inp.ctx, b, m.start(), m.end()))
            break
    return [_finding(inp, "year-mismatch", "warning", evidence, title_year=meta.title_year, year=meta.year)]


def plan_year(inp: FindingInput) -> list[Finding]:
    year = inp.meta.year
    if year is None:
        return []
    for inst in inp.ctx.role_instances(PLANS):
        head = inp.ctx.doc.blocks[inst.head[0]]
        m = HEADING_YEAR.search(arabic(head.heading or head.norm[:40]))
        if m and int(m.group(1)) != year + 1:
            return [_finding(inp, "plan-year", "warning", [_ev(inp.ctx, head, m.start(), m.end())],
                             plan_year=int(m.group(1)), expected=year + 1, year=year)]
    return []


def placeholders(inp: FindingInput) -> list[Finding]:
    if not _PLACEHOLDER_MARK.search(inp.ctx.body.text):
        return []
    evidence = []
    for b in _body_blocks(inp.ctx):
        if not _PLACEHOLDER_MARK.search(b.norm) or _PAGE_TITLE.match(b.norm):
            continue
        for m in _placeholder().finditer(b.norm):
            evidence.append(_ev(inp.ctx, b, m.start(), m.end()))
    if not evidence:
        return []
    return [_finding(inp, "placeholders", "warning", evidence, count=len(evidence))]


def title_form(inp: FindingInput) -> list[Finding]:
    meta = inp.meta
    if meta.title is None:
        return [_finding(inp, "title-form", "warning", [], problem=message("title-none", inp.lang))]
    missing = []
    if meta.title_year is None:
        missing.append(message("title-no-year", inp.lang))
    if not TITLE_BODY.search(meta.title):
        missing.append(message("title-no-subject", inp.lang))
    if not TITLE_KIND.search(meta.title):
        missing.append(message("title-no-kind", inp.lang))
    if not missing:
        return []
    title = _title_block(inp.ctx, meta)
    evidence = [_ev(inp.ctx, title)] if title is not None else []
    return [_finding(inp, "title-form", "warning", evidence, problem="; ".join(missing))]


def deadline(inp: FindingInput) -> list[Finding]:
    meta = inp.meta
    if meta.date is None or meta.year is None:
        return []
    month, day = (int(x) for x in inp.deadline.split("-"))
    try:
        due = date(meta.year + 1, month, day)
        issued = date.fromisoformat(meta.date)
    except ValueError:
        return []
    if issued < due:
        return []
    return [_finding(inp, "deadline", "warning", [], date=meta.date, due=due.isoformat())]


def stale_wording(inp: FindingInput) -> list[Finding]:
    if inp.meta.year is None or inp.meta.year < 2021:
        return []
    if not STALE.search(inp.ctx.body.text):  # any block's match is a match in the text
        return []
    evidence = []
    for b in _body_blocks(inp.ctx):
        for m in STALE.finditer(b.norm):
            evidence.append(_ev(inp.ctx, b, m.start(), m.end()))
    if not evidence:
        return []
    return [_finding(inp, "stale-wording", "warning", evidence, year=inp.meta.year)]


def thin_evidence(inp: FindingInput) -> list[Finding]:
    ctx = inp.ctx
    excluded = ctx.role_blocks(PLANS, SHORTCOMINGS)
    # Counted in the blocks joined by a character no figure holds: each block's figures, at once;
    # only up to the minimum, which is all the finding needs to know.
    text = "\0".join(b.norm for b in _body_blocks(ctx) if b.index not in excluded)
    figures = sum(1 for _ in islice(FIGURE.finditer(text), MIN_FIGURES))
    if figures >= MIN_FIGURES:
        return []
    return [_finding(inp, "thin-evidence", "info", [], count=figures, minimum=MIN_FIGURES)]


KINDS: dict[str, Callable[[FindingInput], list[Finding]]] = {
    "year-mismatch": year_mismatch,
    "plan-year": plan_year,
    "placeholders": placeholders,
    "title-form": title_form,
    "deadline": deadline,
    "stale-wording": stale_wording,
    "thin-evidence": thin_evidence,
}


def find_all(inp: FindingInput, kinds: tuple[str, ...]) -> tuple[Finding, ...]:
    """The findings of the ``kinds`` a checklist runs, in the registry's order."""
    return tuple(f for kind, check in KINDS.items() if kind in kinds for f in check(inp))
