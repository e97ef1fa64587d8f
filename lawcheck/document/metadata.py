"""Report metadata: title, the year covered, the reporting body, the date of issue.

- title: the first title-like block near the top (a year, 法治…/依法行政, 报告/总结/情况),
  else the page's own title field (标题：…, 名称：…);
- year: the year the body describes (the most frequent "YYYY年" outside titles,
  dates, 《》 titles and the plans part), else the title's year. Years written
  in Chinese numerals (二〇二四年) count as their digits;
- org: the full name of the reporting body, from the title, the signature above
  the closing date, the page's 发布机构 field and the opening text, in that order of
  trust; a name that a less trusted source spells out in full (龙华街道 →
  龙华街道办事处) is taken in full; a bare 街道 or 我局 is not a name, and nothing
  inside a cited 《》 title is;
- date: the closing date of issue (二○二五年三月十日 included), else a
  publication date from the page furniture.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import regex

from lawcheck.document.model import Block, Document, Meta
from lawcheck.document import words
from lawcheck.document.text import DATE_CN, DATE_ISO, MAYBE_YEAR, YEAR, YEAR_ANY, YEAR_MARK, arabic, original_span

TITLE_WORDS = re.compile(words.pattern("title"))
DOC_NUMBER = re.compile(words.pattern("doc_number"))
ABOUT = words.pattern("title_about")
SELF = words.listed("self_reference")
QUOTED = re.compile(r"《[^《》]*》")
# A page's own fields (government sites' information tables): the title and the publishing body.
SITE_TITLE = re.compile(words.pattern("site_title"))
SITE_ORG = re.compile(words.pattern("site_org"))
PROPER_NAME = words.pattern("proper_name")  # 龙华 in 龙华街道
TITLE_AT_HEAD = re.compile(words.pattern("title_at_head"))  # a title heading a page pasted as one line
CJK_RUN = re.compile(r"[\u4e00-\u9fff、]+$")  # the Chinese words a text ends with
TITLE_SCAN = 15
SIGNATURE_SCAN = 6
OPENING_SCAN = 6


class Forms:
    """How a report names the body that reports and the year it covers, compiled from the cue
    lists ``org_kinds``, ``org_joint``, ``org_not_names``, ``org_subject_next`` and ``year_not``
    (``cues.yaml``, which a checklist may replace or add to)."""

    def __init__(self, lists: Mapping[str, Sequence[str]]) -> None:
        kinds = _alternation(lists.get("org_kinds") or words.listed("org_kinds_default"))
        joint = _alternation(lists.get("org_joint") or [])
        names = f"(?:{joint}|{kinds})" if lists.get("org_joint") else kinds
        # a name ends with a kind of body; a kind alone, a Party committee or 我局 is none
        self.tail = regex.compile(f"{names}$")
        self.generic = regex.compile(f"^(?:{_alternation(lists.get('org_not_names') or [])})$")
        # "…现将XX市2024年法治政府建设情况报告如下": the name before the year or the subject
        self.opening = regex.compile(words.pattern("opening_org"))
        # "2024年，青湖区坚持…", "…，青湖区对照纲要…": the body as the subject of the opening
        self.subject = regex.compile(rf"{words.pattern('subject_start')}(?P<org>[\u4e00-\u9fff、]{{2,16}}?{names})"
                                     rf"(?={_alternation(lists.get('org_subject_next') or words.listed('org_subject_next_default'))})")
        not_years = lists.get("year_not") or []
        self.not_years = regex.compile(_alternation(not_years)) if not_years else None

    def name(self, text: str | None) -> str | None:
        """``text`` as a body's name, or None when it is not one."""
        if not text:
            return None
        name = text.strip(" :：,，、")
        if not (2 <= len(name) <= 30) or not self.tail.search(name) or "。" in name or self.generic.search(name):
            return None
        return name


def _alternation(patterns: Sequence[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or "(?!)"

@dataclass(frozen=True)
class TitleInfo:
    block: Block | None
    year: int | None
    text: str | None = None  # the title as written (a site field's value when no block holds it)


# The title and the closing lines are read for the year, the date and the body: each text's
# numerals are converted once (a pure function of the text; a report's few dozen lines).
_numerals = functools.lru_cache(maxsize=64)(arabic)


def title_year(text: str) -> int | None:
    """The year a title names, never one of a document it cites (《…纲要（2021—2025年）》)."""
    m = YEAR_ANY.search(_numerals(QUOTED.sub("", text)))
    return int(m.group(1)) if m else None


def find_title(doc: Document) -> TitleInfo:
    body = [b for b in doc.blocks if b.kind != "furniture"][:TITLE_SCAN]
    for b in body:
        first = b.index == body[0].index
        if len(b.norm) <= 80 and TITLE_WORDS.search(b.norm) and (b.level is None or first):
            return TitleInfo(b, title_year(b.norm), b.text.strip())
    m = TITLE_AT_HEAD.search(body[0].norm) if body else None
    if m is not None:  # a page pasted as one line: the title heads its first paragraph
        start, end = original_span(body[0].offsets, *m.span("title"), len(body[0].text))
        return TitleInfo(body[0], title_year(m.group("title")), body[0].text[start:end].strip())
    for text in (*doc.nav, *doc.furniture):
        m = SITE_TITLE.match(text.strip())
        if m and TITLE_WORDS.search(m.group(1)):
            return TitleInfo(None, title_year(m.group(1)), m.group(1).strip())
    return TitleInfo(None, None)




def block_years(doc: Document, forms: Forms | None = None) -> list[tuple[int, list[int]]]:
    """The years each body block names (outside 《》 titles and the ``forms``' places a year is
    not the year of work): found once, counted with several skips."""
    found: list[tuple[int, list[int]]] = []
    not_years = forms.not_years if forms is not None else None
    for b in doc.blocks:
        if b.kind == "furniture":
            continue
        text = b.norm
        if YEAR_MARK not in text or ("《" not in text and not MAYBE_YEAR.search(text)):
            found.append((b.index, []))
            continue
        text = arabic(QUOTED.sub("", text))
        if not_years is not None:
            text = not_years.sub("", text)
        found.append((b.index, [int(m.group(1)) for m in YEAR.finditer(text)]))
    return found


def body_year(doc: Document, skip: set[int] = frozenset(),  # type: ignore[assignment]
              prefer: int | None = None, years: list[tuple[int, list[int]]] | None = None) -> int | None:
    """The most frequent year in the body, outside dates, ``skip``ped blocks and 《》 titles.

    Of years mentioned equally often, ``prefer`` (the title's year) wins: "比2023年增加"
    beside "2024年" does not make a 2024 report one about 2023.
    """
    counts: Counter[int] = Counter()
    for index, named in block_years(doc) if years is None else years:
        if named and index not in skip:
            for year in named:
                counts[year] += 1
    if not counts:
        return None
    best = max(counts.values())
    tied = [y for y, c in counts.items() if c == best]
    return prefer if prefer in tied else min(tied)


def _closing_date(text: str) -> re.Match[str] | None:
    """The date a signature block ends with (alone, or after the body's name)."""
    m = None
    for m in DATE_CN.finditer(text):
        pass
    if m is not None and m.end() >= len(text.rstrip("。. ")) and (len(text) <= 30 or m.start() > len(text) - 16):
        return m
    return None


def find_date(doc: Document, title: TitleInfo | None = None) -> str | None:
    """The report's date: its closing one, else its title's, else one run on after its title,
    else its site's (``title``: :func:`find_title`'s, if found already)."""
    body = [b for b in doc.blocks if b.kind != "furniture"]
    for b in reversed(body[-SIGNATURE_SCAN:]):
        m = _closing_date(_numerals(b.norm))
        if m:
            return _iso(m)
    block = (title or find_title(doc)).block
    if block is not None:
        m = DATE_CN.search(_numerals(block.norm))
        if m:
            return _iso(m)
    for b in body[:TITLE_SCAN]:  # a title with its date run on: "…工作总结2020年12月10日"
        m = _closing_date(_numerals(b.norm))
        if m and TITLE_WORDS.search(b.norm[:m.start()]):
            return _iso(m)
    for text in doc.nav:
        m = DATE_ISO.search(text) or DATE_CN.search(arabic(text))
        if m:
            return _iso(m)
    return None


def _iso(m: re.Match[str]) -> str | None:
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def org_from_title(title: str, forms: Forms) -> str | None:
    """The body a title names: "XX市人民政府关于…", "关于XX区2024年…", "XX镇2024年…",
    "2024年度XX街道法治政府建设…"."""
    head = _title_head(title)
    before = head.split(ABOUT, 1)[0] if ABOUT in head else None
    if before:
        run = CJK_RUN.search(before)  # past a banner or a number before it
        return forms.name(run.group()) if run else None
    rest = head.split(ABOUT, 1)[1] if ABOUT in head else head
    m = YEAR_ANY.search(rest)
    if m and m.start() > 0:
        return forms.name(rest[:m.start()])
    if m:  # the year first: the name after it, before what the report is on
        after = re.match(words.pattern("title_org_after_year"), rest[m.end():])
        return forms.name(after.group("org")) if after else None
    return None


def _title_head(title: str) -> str:
    """A title without its document number, its cited documents' titles, Chinese numerals;
    a title given whole in 《》 after its number (浙卫〔2024〕3号《…的报告》) is unwrapped."""
    text = DOC_NUMBER.sub("", _numerals(title)).strip()
    if text.startswith("《") and text.endswith("》") and text.count("《") == 1:
        text = text[1:-1]
    return QUOTED.sub("", text).strip()


def _generic_in_title(title: str | None, forms: Forms) -> str | None:
    """The kind of body a title names without its name ("街道2022年…" → 街道)."""
    if not title:
        return None
    head = _title_head(title).removeprefix(ABOUT)
    m = YEAR_ANY.search(head)
    word = head[:m.start()] if m else ""
    return word if word and forms.generic.search(word) and not word.startswith(SELF) else None


def _signature(body: list[Block], forms: Forms) -> str | None:
    tail = body[-SIGNATURE_SCAN:]
    for i, b in enumerate(tail):
        text = _numerals(b.norm.strip())
        m = _closing_date(text)
        if m is None:
            continue
        own = forms.name(text[:m.start()])
        if own:
            return own
        if i > 0 and "。" not in tail[i - 1].norm:
            found = forms.name(tail[i - 1].norm.strip())
            if found:
                return found
    return None


def _site_org(doc: Document, forms: Forms) -> str | None:
    for text in (*doc.nav, *doc.furniture):
        m = SITE_ORG.search(text)
        if m:
            found = forms.name(m.group(1))
            if found:
                return found
    return None


def _opening_org(body: list[Block], generic: str | None, forms: Forms) -> str | None:
    opening = [QUOTED.sub("", b.norm) for b in body[:OPENING_SCAN]]
    for pattern in (forms.opening, forms.subject):
        for text in opening:
            m = pattern.search(text)
            if m and forms.name(m.group("org")):
                return forms.name(m.group("org"))
    if generic:
        # The title says only "街道": the body names which one, usually more than once.
        proper = re.compile(PROPER_NAME + f"(?={re.escape(generic)})")
        counts = Counter(m.group(1) + generic for t in (QUOTED.sub("", b.norm) for b in body)
                         for m in proper.finditer(t))
        named = [(n, c) for n, c in counts.most_common() if forms.name(n)]
        if named:
            return named[0][0]
    return None


def find_org(doc: Document, title: TitleInfo, forms: Forms) -> str | None:
    """The reporting body's name as the report prints it, from the most trusted place that has it."""
    body = [b for b in doc.blocks if b.kind != "furniture"]
    title_text = title.text
    candidates = [org_from_title(title_text, forms) if title_text else None, _signature(body, forms),
                  _site_org(doc, forms), _opening_org(body, _generic_in_title(title_text, forms), forms)]
    found = [c for c in candidates if c]
    if not found:
        return None
    best = found[0]
    # A less trusted source may spell the same body out in full: the most trusted of those.
    fuller = [c for c in found[1:] if best in c and len(c) > len(best)]
    return _printed(body, fuller[0] if fuller else best)


def _printed(body: list[Block], name: str) -> str:
    """``name`` (found in normalised text) as the report prints it: 三張鎮, not 三张镇."""
    for b in (*body[:TITLE_SCAN], *body[-SIGNATURE_SCAN:]):
        at = b.norm.find(name)
        if at >= 0:
            start, end = original_span(b.offsets, at, at + len(name), len(b.text))
            return b.text[start:end].strip()
    return name


def read_meta(doc: Document, forms: Forms, plans_blocks: set[int] | None = None,
              years: list[tuple[int, list[int]]] | None = None) -> Meta:
    """The report's title, year, body and date (``years``: its ``block_years``, if already found)."""
    title = find_title(doc)
    meta = Meta(title=title.text, year=None, org=find_org(doc, title, forms), date=find_date(doc, title),
                title_year=title.year,
                format=doc.format, encoding=doc.encoding, replaced=doc.replaced,
                title_block=title.block.index if title.block else None)
    return replace(meta, year=report_year(doc, meta, plans_blocks or set(), years))


def report_year(doc: Document, meta: Meta, plans_blocks: set[int],
                years: list[tuple[int, list[int]]] | None = None) -> int | None:
    """The year reported on: the body's, outside the title and the plans part; else the title's."""
    skip = {meta.title_block} if meta.title_block is not None else set()
    return body_year(doc, skip | plans_blocks, prefer=meta.title_year, years=years) or meta.title_year
