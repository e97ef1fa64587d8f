"""Report metadata: title, the year covered, the reporting body, the date of issue.

- title: the first title-like block near the top (a year, 法治…/依法行政, 报告/总结/情况);
- year: the year the body describes (the most frequent "YYYY年" outside titles,
  dates and the plans part), else the title's year;
- org: the signature above the closing date, else what precedes the year in the title;
- date: the closing date of issue, else a publication date from the page furniture.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lawcheck.model import Block, Document, Meta

TITLE_WORDS = re.compile(r"(法治政府|依法行政|法治建设|法治)[^。]*?(报告|总结|情况)")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")
YEAR_ANY = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
DATE_CN = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DATE_ISO = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")
DOC_NUMBER = re.compile(r"^[^\s]{0,12}〔\d{4}〕\s*\d+\s*号\s*")
TITLE_LEAD = re.compile(r"关于$")  # "…局关于2024年度…的报告": 关于 is not part of the name
ORG_TAIL = re.compile(r"(人民政府|办事处|街道|政府|局|委员会|委|办公室|司法所|管委会|厅|镇|乡)$")
TITLE_SCAN = 15
SIGNATURE_SCAN = 6


@dataclass(frozen=True)
class TitleInfo:
    block: Block | None
    year: int | None


def find_title(doc: Document) -> TitleInfo:
    body = [b for b in doc.blocks if b.kind != "furniture"][:TITLE_SCAN]
    for b in body:
        first = b.index == body[0].index
        if len(b.norm) <= 80 and TITLE_WORDS.search(b.norm) and (b.level is None or first):
            m = YEAR_ANY.search(b.norm)
            return TitleInfo(b, int(m.group(1)) if m else None)
    return TitleInfo(None, None)


def body_year(doc: Document, skip: set[int] = frozenset(),  # type: ignore[assignment]
              prefer: int | None = None) -> int | None:
    """The most frequent year in the body, outside dates, ``skip``ped blocks and 《》 titles.

    Of years mentioned equally often, ``prefer`` (the title's year) wins: "比2023年增加"
    beside "2024年" does not make a 2024 report one about 2023.
    """
    counts: Counter[int] = Counter()
    for b in doc.blocks:
        if b.kind == "furniture" or b.index in skip:
            continue
        text = re.sub(r"《[^》]*》", "", b.norm)
        counts.update(int(m.group(1)) for m in YEAR.finditer(text))
    if not counts:
        return None
    best = max(counts.values())
    tied = [y for y, c in counts.items() if c == best]
    return prefer if prefer in tied else min(tied)


def find_date(doc: Document) -> str | None:
    body = [b for b in doc.blocks if b.kind != "furniture"]
    for b in reversed(body[-SIGNATURE_SCAN:]):
        m = DATE_CN.search(b.norm)
        if m and len(b.norm) <= 30:
            return _iso(m)
    title = find_title(doc).block
    if title is not None:
        m = DATE_CN.search(title.norm)
        if m:
            return _iso(m)
    for text in doc.nav:
        m = DATE_ISO.search(text) or DATE_CN.search(text)
        if m:
            return _iso(m)
    return None


def _iso(m: re.Match[str]) -> str | None:
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def find_org(doc: Document, title: Block | None) -> str | None:
    body = [b for b in doc.blocks if b.kind != "furniture"]
    tail = body[-SIGNATURE_SCAN:]
    for i, b in enumerate(tail):
        if DATE_CN.fullmatch(b.norm.strip()) and i > 0:
            candidate = tail[i - 1].norm.strip()
            if len(candidate) <= 30 and ORG_TAIL.search(candidate) and "。" not in candidate:
                return candidate
    if title is not None:
        head = DOC_NUMBER.sub("", title.norm)
        m = YEAR_ANY.search(head)
        if m and m.start() > 0:
            org = TITLE_LEAD.sub("", head[:m.start()]).strip(" :,")
            if 1 < len(org) <= 30:
                return org
    return None


def read_meta(doc: Document, plans_blocks: set[int] | None = None) -> Meta:
    title = find_title(doc)
    skip = {title.block.index} if title.block else set()
    year = body_year(doc, skip | (plans_blocks or set()), prefer=title.year) or title.year
    return Meta(title=title.block.text.strip() if title.block else None, year=year,
                org=find_org(doc, title.block), date=find_date(doc), title_year=title.year,
                format=doc.format, encoding=doc.encoding,
                title_block=title.block.index if title.block else None)
