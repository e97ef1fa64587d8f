"""From raw blocks to a structured document: headings, sections, sentences.

Heading recognition works on the normalised text. A block is a heading when it
starts with one of the numbering forms below (or the format marks it with a
heading style) and is short; a long numbered paragraph whose first sentence is
short (``（一）推行执法公示制度。严格按照……``) opens a section too, titled by
that sentence. Levels are not fixed per numbering form: the first form seen is
level 1, a new form nests under the current one, a form seen before closes the
deeper ones, as a reader understands an outline.

Site text from saved web pages (当前位置, 【打印本页】, ICP备…, 相关文章 and what
follows it) is set aside as ``furniture`` and kept in ``Document.nav``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from lawcheck.document import words
from lawcheck.document.model import Block, BlockKind, Document, RawBlock, Sentence, Source
from lawcheck.pattern import Pattern
from lawcheck.document.text import FIGURE, NUMBERING, NUMBERING_STARTS, joined, normalise_all, sentence_spans


# Words a report may use too (主办单位, 点击量, 下一篇…) count only as page labels.
NAV = re.compile(words.pattern("nav"))
# A row of links ("首页|机构|政务公开|…"): only where there is a bar, since the search
# tries every position of every line.
NAV_BAR = re.compile(r"([^|]{1,8}\|){3,}")


def is_nav(text: str) -> bool:
    """A site's navigation or page furniture, not the report's words."""
    return NAV.search(text) is not None or ("|" in text and NAV_BAR.search(text) is not None)


NAV_TAIL = re.compile(words.pattern("nav_tail"))
NAV_MAX_LEN = 80
HEADING_MAX_LEN = 50
INLINE_TITLE_MAX_LEN = 40
TERMINAL = "。!?;:"


@dataclass
class Draft:
    raw: RawBlock
    text: str
    norm: str
    offsets: Sequence[int]
    kind: BlockKind = "paragraph"
    form: str | None = None
    heading: str | None = None




def numbering_form(norm_text: str) -> tuple[str, int] | None:
    """The numbering form that starts ``norm_text`` and the prefix length, if any."""
    first = norm_text[:1]
    if first not in NUMBERING_STARTS and not first.isdecimal():  # \d: any script's digits
        return None
    for name, pattern in NUMBERING:
        m = pattern.match(norm_text)
        if m:
            return name, m.end()
    return None


def _join_wrapped(blocks: tuple[RawBlock, ...], norms: list[str]) -> list[RawBlock]:
    """Re-join paragraphs hard-wrapped at a fixed width (text copied out of a PDF).

    ``norms`` are the blocks' normalised texts.
    """
    # A line's width on the page: its characters and its indentation.
    widths = [len(n) + _indent(b.text) for b, n in zip(blocks, norms)]
    lengths = [w for w in widths if w >= 8]
    if len(lengths) < 5:
        return list(blocks)
    width, count = Counter(lengths).most_common(1)[0]
    near = sum(1 for n in lengths if abs(n - width) <= 1)
    longer = sum(1 for n in lengths if n > width + 1)
    # Wrapped text: many lines share the width and hardly any is longer.
    if width < 12 or count < 3 or near < 0.3 * len(lengths) or longer > 0.05 * len(lengths):
        return list(blocks)
    # Where paragraphs start indented (text copied from a PDF), a line at the margin
    # continues the one before and an indented line starts a paragraph.
    # (A centred title alone does not make the text indented.)
    margin = min(_indent(b.text) for b in blocks)
    indented = sum(1 for b in blocks if _indent(b.text) > margin)
    indents = indented >= max(3, len(blocks) // 10)
    joined: list[RawBlock] = []
    previous_end: str | None = None  # how a line that fills the width ends: text, stop, heading
    for block, n, line_width in zip(blocks, norms, widths):
        starts = numbering_form(n) is not None or is_nav(n) or _indent(block.text) > margin
        if previous_end == "heading" and not indents:
            # A heading longer than a line goes on with a short, unpunctuated tail; a line whose
            # first clause is a few characters ending a figure ("定910件，…") finishes a cut
            # sentence; any other line after a numbered line that fills the width starts a new block.
            first = re.split(r"[,。;:!?]", n, maxsplit=1)[0]
            continues = (len(n) < width - 2 and not any(c in n for c in _PUNCTUATION)) or (
                len(first) <= 8 and first != n and FIGURE.search(first) is not None)
        else:
            continues = previous_end is not None
        # A line that opens with a comma or a closing mark was cut from the one before.
        continues = continues or (previous_end is not None and n[:1] in _CONTINUATION)
        if joined and continues and not starts:
            last = joined[-1]
            joined[-1] = RawBlock(last.text + block.text.strip(), last.kind,
                                  last.style_level, last.line, last.page)
        else:
            joined.append(block)
        # A centred or right-aligned line (a title, a signature) never runs on.
        previous_end = _full_line_end(n, line_width, width) if _indent(block.text) <= 4 else None
    return joined


_PUNCTUATION = ",。;:!?"
_CONTINUATION = ",。;:!?、)》」』”’"


def _full_line_end(norm_text: str, line_width: int, width: int) -> str | None:
    """How a line that fills the wrap width ends (None when it is shorter).

    "stop" (a sentence ends at the line end: the paragraph may go on, unless the
    next line is indented), "heading" (a numbered line without punctuation is a
    heading that happens to fill the line), or "text" (cut mid-sentence).
    """
    if line_width < width - 2:
        return None
    if numbering_form(norm_text) is not None and not any(c in norm_text for c in _PUNCTUATION):
        return "heading"
    return "stop" if norm_text.endswith("。") else "text"


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


# Every page label holds one of NAV's literals: searching for them alone is a seventh of NAV's time.
NAV_NEEDS = Pattern.of(NAV.pattern, cue=True)


def _maybe_nav(drafts: list[Draft]) -> list[Draft]:
    """The drafts :func:`is_nav` may hold for: those with a row of links or a literal NAV requires.

    The literals are searched for in the drafts' texts joined a line each (none holds a
    line break); after a find the search goes on at the next draft. Each is then asked alone.
    """
    text, starts = joined([d.norm for d in drafts])
    found = {i for i, d in enumerate(drafts) if "|" in d.norm}  # NAV_BAR's rows of links
    pos = 0
    while (m := NAV_NEEDS.literal_at(text, pos)) is not None:
        k = bisect_right(starts, m.start()) - 1
        found.add(k)
        if k + 1 >= len(starts):
            break
        pos = starts[k + 1]
    return [drafts[i] for i in sorted(found)]


def mark_nav(drafts: list[Draft]) -> None:
    for d in _maybe_nav([d for d in drafts if len(d.norm) <= NAV_MAX_LEN]):
        if is_nav(d.norm):
            d.kind = "furniture"
    tail_from = int(len(drafts) * 0.5)
    for i in range(tail_from, len(drafts)):
        if NAV_TAIL.match(drafts[i].norm):
            for d in drafts[i:]:
                d.kind = "furniture"
            break


def _classify_heading(d: Draft) -> None:
    found = numbering_form(d.norm)
    if found is None:
        if d.raw.style_level is not None and len(d.norm) <= HEADING_MAX_LEN * 2:
            d.kind, d.form, d.heading = "heading", f"style{d.raw.style_level}", d.norm
        return
    form, _ = found
    body = d.norm.rstrip(TERMINAL)
    # A short numbered line that reports figures is a list item, not a title:
    # "①县政府法律顾问全年列席常务会议15次，审查合同44份。"
    reports = FIGURE.search(d.norm) is not None and d.raw.style_level is None
    if d.raw.style_level is not None or (len(d.norm) <= HEADING_MAX_LEN and not reports
                                         and not any(c in body for c in "。;")):
        d.kind, d.form, d.heading = "heading", form, d.norm
        return
    first = re.split(r"[。;!?]", d.norm, maxsplit=1)[0]
    if len(first) <= INLINE_TITLE_MAX_LEN:
        d.form, d.heading = form, first
        return
    clause = re.split(r"[,:]", d.norm, maxsplit=1)[0]
    if len(clause) <= INLINE_TITLE_MAX_LEN // 2:
        d.form, d.heading = form, clause


def _title_is_not_a_section(drafts: list[Draft]) -> None:
    """A page's lone ``<h1>``/``#`` title, before 一、 or 第一部分, does not contain them.

    Otherwise 一、 would sit at level 2 under it in HTML and Markdown, while the
    same report as .txt or .docx (title style) has it at level 1.
    """
    body = [d for d in drafts if d.kind != "furniture"]
    if not body or body[0].kind != "heading" or not (body[0].form or "").startswith("style"):
        return
    first = body[0]
    numbered = next((d.form for d in body[1:] if d.form and not d.form.startswith("style")), None)
    if numbered not in ("part", "cn") or any(d.form == first.form for d in body[1:]):
        return  # a section heading over 1. 2. items, or one of several <h1>
    first.kind, first.form, first.heading = "paragraph", None, None


def build(source: Source) -> Document:
    """Structure a :class:`Source` into a :class:`Document`."""
    raws = list(source.blocks)
    normed = normalise_all([raw.text for raw in raws])
    if source.format in ("txt", "md"):
        joined = _join_wrapped(source.blocks, [n for n, _ in normed])
        if len(joined) != len(raws):
            raws, normed = joined, normalise_all([raw.text for raw in joined])
    drafts = []
    for raw, (n, offs) in zip(raws, normed):
        if n:
            drafts.append(Draft(raw, raw.text, n, offs))
    mark_nav(drafts)
    for d in drafts:
        if d.kind != "furniture":
            _classify_heading(d)
    _title_is_not_a_section(drafts)

    blocks: list[Block] = []
    sentences: list[Sentence] = []
    stack: list[tuple[str, int]] = []  # (form, block index) of the open headings
    below: tuple[int, ...] = ()  # the open headings' blocks: the section of what follows
    for d in drafts:
        index = len(blocks)
        level = None
        section = below
        if d.form is not None:
            forms = [f for f, _ in stack]
            if d.form in forms:
                del stack[forms.index(d.form):]
            section = tuple(i for _, i in stack)
            stack.append((d.form, index))
            below = section + (index,)
            level = len(stack)
        blocks.append(Block(index, d.text, d.norm, d.offsets, d.kind, level, section, d.heading, d.raw.line,
                            d.raw.page))
    body = [b for b in blocks if b.kind != "furniture"]
    for i, start, end in sentence_spans([b.norm for b in body]):
        block = body[i]
        sentences.append(Sentence(block.index, start, end, block.norm[start:end]))
    nav = tuple(d.text for d in drafts if d.kind == "furniture")
    return Document(path=source.path, format=source.format, blocks=tuple(blocks),
                    sentences=tuple(sentences), encoding=source.encoding,
                    furniture=source.furniture, nav=nav, replaced=source.replaced)
