"""A commented copy of a .docx report: the gaps shown where the drafter writes.

For each partial item, a Word comment on the sentence that counted only in part
says what is weak and what to add; for each near miss of an item not met, a
comment on that sentence says why it did not count; one comment on the title
gives the score and lists the missing items with the advice for each.

Comments are anchored by mapping the checked Document's blocks back to the
.docx: the reader yields the body's paragraphs and table cells in order, so the
two sequences are aligned by their text (a block may carry a numbering label
that Word renders and the paragraph text lacks). Inside a paragraph, the runs
are split so that the comment covers just the sentence when the runs allow it.

The original is only read. The copy is deterministic: comments carry no date
and the zip entries fixed timestamps.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from lawcheck.judge.checklist import Checklist
from lawcheck.workflows.docxfile import INITIALS, comment, open_for_comments, save_commented
from lawcheck.errors import LawcheckError
from lawcheck.messages import LANGS, message
from lawcheck.document.model import Block, Document, ItemResult, ReportResult
from lawcheck.reporters.verdict import because
from lawcheck.judge.sections import signature_lines
from lawcheck.document.text import CN_NUMERALS

LOOKAHEAD = 60  # docx units searched ahead for the next block (text boxes, notes, skipped parts)
LABEL_MAX = 8  # longest numbering label a block may carry before the paragraph text


@dataclass(frozen=True)
class Note:
    """A comment to place: on the sentence ``text`` of block ``block``."""

    block: int
    text: str
    comment: str


# --- what to say ----------------------------------------------------------------
def notes_for(result: ReportResult, checklist: Checklist, lang: str = "zh") -> list[Note]:
    """Comments on partial evidence and on near misses of the items (and parts) not met.

    The advice is given once per item, on its first comment in reading order;
    later ones point back to it.
    """
    notes: list[Note] = []
    for item in result.items:
        for part in (item, *item.parts):
            if part.status in ("met", "waived"):
                continue
            notes += _item_notes(part, checklist, lang)
    return notes


def _item_notes(item: ItemResult, checklist: Checklist, lang: str) -> list[Note]:
    title = checklist.item_title(item, lang)
    found: dict[tuple[int, str], str] = {}
    if item.status == "partial":
        missing = "、".join(checklist.item_title(p, lang) for p in item.parts if p.status == "missing")
        for ev in item.evidence:
            words = "、".join(dict.fromkeys(ev.text[a:b] for a, b in ev.spans if a < b)) or title
            text = (message("annotate-partial-why", lang, title=title, reason=checklist.reason_label(ev.reason, lang))
                    if ev.reason else message("annotate-partial", lang, title=title, words=words))
            if missing:
                text += message("annotate-partial-parts", lang, parts=missing)
            found.setdefault((ev.block, ev.text), text)
    for nm in item.near_misses:
        found.setdefault((nm.block, nm.text),
                         message("annotate-near", lang, title=title, reason=checklist.reason_label(nm.reason, lang)))
    advice = message("annotate-add", lang, hint=checklist.item_hint(item, lang))
    later = message("annotate-see-first", lang, title=title)
    return [Note(block, text, f"{comment}\n{advice if n == 0 else later}")
            for n, ((block, text), comment) in enumerate(sorted(found.items(), key=lambda kv: kv[0][0]))]


# --- where a missing part goes ---------------------------------------------------
NUMERALS = CN_NUMERALS


def part_notes(doc: Document, result: ReportResult, checklist: Checklist, lang: str = "zh") -> list[Note]:
    """A comment where each missing part of the report should be written (the checklist's
    ``parts``, in the official order): at the end of the part before it that the report has, else
    before the first later one it has, else at the end; and for each missing item a part holds, at
    the end of that part. An item with near misses has its comments on them already."""
    results = {r.id: r for item in result.items for r in (item, *item.parts)}
    top = min((b.level for b in doc.blocks if b.kind == "heading" and b.level is not None), default=None)
    placed = _part_headings(doc, [(p.item, results.get(p.item)) for p in checklist.parts], top)
    notes: list[Note] = []
    for n, part in enumerate(checklist.parts, 1):
        number = NUMERALS[n - 1] if lang == "zh" and n <= len(NUMERALS) else str(n)
        item = results.get(part.item)
        if item is not None and item.status == "missing" and not item.near_misses:
            earlier = [placed[p.item] for p in checklist.parts[:n - 1] if p.item in placed]
            later = [placed[p.item] for p in checklist.parts[n:] if p.item in placed]
            if earlier:
                block = _end_of_part(doc, earlier[-1], top)
            elif later and later[0] > 0:
                block = _last_content(doc, later[0])
            else:
                block = _last_content(doc, len(doc.blocks))
            definition = checklist.item(item.id)
            basis = ("；" if lang == "zh" else "; ").join(definition.basis if definition is not None else ())
            text = message("annotate-part-here", lang, n=number, title=checklist.item_title(item, lang),
                           basis=message("annotate-basis", lang, basis=basis) if basis else "")
            notes.append(_placed_note(doc, block, text, checklist.item_hint(item, lang), lang))
        if part.item not in placed:
            continue
        for held in part.holds:
            inner = results.get(held)
            if inner is None or inner.status != "missing" or inner.near_misses:
                continue
            text = message("annotate-held-here", lang, n=number, title=checklist.item_title(inner, lang),
                           part=checklist.item_title(results[part.item], lang))
            notes.append(_placed_note(doc, _end_of_part(doc, placed[part.item], top), text,
                                      checklist.item_hint(inner, lang), lang))
    return notes


def _placed_note(doc: Document, block: int, text: str, hint: str, lang: str) -> Note:
    return Note(block, doc.blocks[block].text, f"{text}\n{message('annotate-add', lang, hint=hint)}")


def _part_headings(doc: Document, parts: list[tuple[str, ItemResult | None]], top: int | None) -> dict[str, int]:
    """Each found part's top-level heading: the one most of its evidence sits under (the first of
    equals). A heading goes to one part: a part found by its heading chooses first, then those
    with the fewest headings to choose from, so that the figures of the year's results, found
    under every part, do not take the heading of the part on the leaders' duty."""
    under: dict[str, dict[int, int]] = {}
    by_heading: set[str] = set()
    for name, item in parts:
        if item is None or item.status not in ("met", "partial") or top is None:
            continue
        counts = under.setdefault(name, {})
        for ev in item.evidence:
            block = doc.blocks[ev.block]
            heads = ([block.index] if block.level == top and block.kind == "heading" else []) + \
                [h for h in block.section if doc.blocks[h].level == top]
            if heads:
                counts[heads[0]] = counts.get(heads[0], 0) + 1
            if heads[:1] == [block.index]:
                by_heading.add(name)
    order = [name for name, _ in parts]
    placed: dict[str, int] = {}
    for name in sorted(under, key=lambda n: (n not in by_heading, len(under[n]), order.index(n))):
        free = [h for h in under[name] if h not in placed.values()]
        if free:
            placed[name] = min(free, key=lambda h: (-under[name][h], h))
    return placed


def _end_of_part(doc: Document, heading: int, top: int | None) -> int:
    """The last block of the top-level part that ``heading`` opens."""
    end = next((b.index for b in doc.blocks[heading + 1:] if b.kind == "heading" and b.level == top),
               len(doc.blocks))
    return _last_content(doc, end) if end > heading + 1 else heading


def _last_content(doc: Document, before: int) -> int:
    """The last block before ``before`` that is the report's text, not its closing lines (the
    body's name, the date) or page furniture."""
    closing = signature_lines(doc)
    for block in reversed(doc.blocks[:before]):
        if block.kind != "furniture" and block.index not in closing:
            return block.index
    return max(0, before - 1)


def summary_for(result: ReportResult, checklist: Checklist, lang: str = "zh",
                unplaced: Sequence[Note] = ()) -> str:
    """The comment on the title: score, verdict, the missing items with advice."""
    verdict = message("verdict-pass" if result.passed else "verdict-fail", lang)
    lines = [message("annotate-summary", lang, score=f"{result.score:.1f}", threshold=f"{result.threshold:g}",
                     verdict=verdict)]
    if not result.passed:
        lines.append(because(result, checklist, lang))
    missing = [i for i in result.items if i.status == "missing"]
    partial = [i for i in result.items if i.status == "partial"]
    if missing:
        lines.append(message("annotate-missing-head", lang, count=len(missing)))
        lines += [message("annotate-list-line", lang, n=n, title=checklist.item_title(i, lang),
                          hint=checklist.item_hint(i, lang)) for n, i in enumerate(missing, 1)]
    if partial:
        sep = "、" if lang == "zh" else ", "
        lines.append(message("annotate-partial-head", lang, count=len(partial))
                     + sep.join(checklist.item_title(i, lang) for i in partial))
    if not missing and not partial:
        lines.append(message("annotate-complete", lang))
    if unplaced:
        lines.append(message("annotate-unplaced", lang))
        lines += [message("annotate-unplaced-line", lang, text=n.text, comment=n.comment) for n in unplaced]
    return "\n".join(lines)


# --- where to say it ------------------------------------------------------------
@dataclass
class _Unit:
    """A body paragraph or a table cell, as the .docx reader yields blocks."""

    text: str  # compact: without whitespace
    paragraphs: list[Paragraph]


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def units(document: DocxDocument) -> list[_Unit]:
    """Paragraphs and table cells with text, in the order the .docx reader reads them."""
    out: list[_Unit] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            _unit(out, [block])
        else:
            _cells(block, out, set())
    return out


def _cells(table: Table, out: list[_Unit], seen: set[int]) -> None:
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats in python-docx's view
                continue
            seen.add(id(cell._tc))
            _unit(out, list(cell.paragraphs))
            for nested in cell.tables:
                _cells(nested, out, seen)


def _unit(out: list[_Unit], paragraphs: list[Paragraph]) -> None:
    text = compact("".join(p.text for p in paragraphs))
    if text:
        out.append(_Unit(text, paragraphs))


def align(doc: Document, found: list[_Unit]) -> dict[int, _Unit]:
    """Block index → the docx unit it was read from, matching text in order."""
    mapping: dict[int, _Unit] = {}
    j = 0
    for block in doc.blocks:
        text = compact(block.text)
        for k in range(j, min(j + LOOKAHEAD, len(found))):
            unit = found[k].text
            if text == unit or (text.endswith(unit) and len(text) - len(unit) <= LABEL_MAX):
                mapping[block.index] = found[k]
                j = k + 1
                break
    return mapping


def locate(note_text: str, unit: _Unit | None, found: list[_Unit]) -> Paragraph | None:
    """The paragraph holding ``note_text``: in its block's unit, else anywhere in the body."""
    target = compact(note_text)
    candidates = unit.paragraphs if unit else []
    for paragraph in candidates:
        if _find(compact(paragraph.text), target) is not None:
            return paragraph
    for other in found:
        for paragraph in other.paragraphs:
            if _find(compact(paragraph.text), target) is not None:
                return paragraph
    return next((p for p in candidates if p.text.strip()), None)


def _find(haystack: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` is in ``haystack``, allowing a numbering label the paragraph lacks."""
    for skip in range(min(LABEL_MAX, len(needle) - 1) + 1):
        at = haystack.find(needle[skip:])
        if needle[skip:] and at >= 0:
            return at, at + len(needle) - skip
    return None


def anchor_runs(paragraph: Paragraph, note_text: str) -> list[Run]:
    """The runs covering ``note_text`` in ``paragraph``, split at its ends where possible."""
    runs = _all_runs(paragraph)
    if not runs:
        return [paragraph.add_run("")]
    text = "".join(r.text for r in runs)
    keep = [i for i, c in enumerate(text) if not c.isspace()]
    where = _find("".join(text[i] for i in keep), compact(note_text))
    if where is None:
        return runs
    start, end = keep[where[0]], keep[where[1] - 1] + 1
    runs = _split_at(runs, end)
    runs = _split_at(runs, start)
    out, pos = [], 0
    for run in runs:
        length = len(run.text)
        if pos < end and pos + length > start:
            out.append(run)
        pos += length
    return out or runs


def _all_runs(paragraph: Paragraph) -> list[Run]:
    runs: list[Run] = []
    for content in paragraph.iter_inner_content():
        runs.extend([content] if isinstance(content, Run) else content.runs)
    return [r for r in runs if r.text] or runs


def _split_at(runs: list[Run], offset: int) -> list[Run]:
    """Split the run that ``offset`` falls inside, if it is plain text (rPr + one w:t)."""
    pos = 0
    for i, run in enumerate(runs):
        length = len(run.text)
        if pos < offset < pos + length:
            right = _split(run, offset - pos)
            return runs if right is None else [*runs[:i + 1], right, *runs[i + 1:]]
        pos += length
    return runs


def _split(run: Run, at: int) -> Run | None:
    r = run._r
    if any(child.tag not in (qn("w:rPr"), qn("w:t")) for child in r) or len(r.findall(qn("w:t"))) != 1:
        return None
    text = run.text
    twin = copy.deepcopy(r)
    r.addnext(twin)
    for element, part in ((r, text[:at]), (twin, text[at:])):
        for t in element.iterchildren(qn("w:t")):
            t.text = part
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return Run(twin, run._parent)


# --- writing ---------------------------------------------------------------
def annotate(data: bytes, doc: Document, result: ReportResult, checklist: Checklist,
             lang: str = "zh") -> tuple[bytes, int]:
    """The commented copy of the .docx ``data`` and the number of comments in it."""
    try:
        opened = open_for_comments(data)  # the parts commenting touches, no other
    except Exception as e:  # python-docx refuses some packages the reader copes with (e.g. Strict OOXML)
        raise LawcheckError("annotate-unsupported", path=doc.path, error=f"{type(e).__name__}: {e}") from None
    document = opened.document
    remove_own_comments(document)
    found = units(document)
    mapping = align(doc, found)
    author = message("annotate-author", lang)
    unplaced: list[Note] = []
    count = 0
    for note in [*notes_for(result, checklist, lang), *part_notes(doc, result, checklist, lang)]:
        paragraph = locate(note.text, mapping.get(note.block), found)
        if paragraph is None:
            unplaced.append(note)
            continue
        comment(document, anchor_runs(paragraph, note.text), note.comment, author)
        count += 1
    title = _title_paragraph(doc, result, mapping, found)
    if title is not None:
        comment(document, anchor_runs(title, title.text), summary_for(result, checklist, lang, unplaced), author)
        count += 1
    return save_commented(opened), count


OWN_AUTHORS = frozenset(message("annotate-author", lang) for lang in LANGS)


def remove_own_comments(document: DocxDocument) -> int:
    """Take out the comments an earlier run of lawcheck added (its author and initials), with
    their marks in the text, so annotating a commented copy replaces them; people's stay."""
    own = {str(c.comment_id) for c in document.comments if c.author in OWN_AUTHORS and c.initials == INITIALS}
    if not own:
        return 0
    for comment in document.comments:
        if str(comment.comment_id) in own:
            element = comment._comment_elm
            holder = element.getparent()
            if holder is not None:
                holder.remove(element)
    marks = (qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:commentReference"))
    for mark in list(document.element.body.iter(*marks)):
        if mark.get(qn("w:id")) in own:
            parent = mark.getparent()
            if parent is None:
                continue
            grand = parent.getparent()
            if mark.tag == qn("w:commentReference") and parent.tag == qn("w:r") and len(parent) <= 2 and grand is not None:
                grand.remove(parent)  # the run that only carried the reference
            else:
                parent.remove(mark)
    return len(own)


def _title_paragraph(doc: Document, result: ReportResult, mapping: dict[int, _Unit],
                     found: list[_Unit]) -> Paragraph | None:
    title = compact(result.meta.title or "")
    for block in _title_candidates(doc, title):
        paragraph = locate(block.text, mapping.get(block.index), found)
        if paragraph is not None:
            return paragraph
    return next((p for u in found for p in u.paragraphs if p.text.strip()), None)


def _title_candidates(doc: Document, title: str) -> Iterator[Block]:
    if title:
        yield from (b for b in doc.blocks if title in compact(b.text))
    yield from doc.blocks[:1]


def default_output(path: Path) -> Path:
    return path.with_name(path.stem + ".checked.docx")
