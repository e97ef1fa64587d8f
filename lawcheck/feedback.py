"""Feedback packs: one letter (反馈意见) per reporting body, and an index of them all.

``lawcheck batch DIR --feedback OUTDIR`` groups the reports by body (see
:mod:`lawcheck.bodies`; of a body's several reports, the latest year's, then
the last by path) and writes for each ``<body>-<year>-反馈意见.docx``:

- the body, the report's title and date, the checklist it was read against;
- the score and verdict, with the reason it failed;
- a table of the items missing or only partly there: what to add, and the
  closest text the report has (quoted, with the part it stands in);
- the other problems found (a year that does not match, placeholders, a late
  date…), and the date by which to correct (``--feedback-deadline``).

``index.xlsx`` lists every body: its year, score, verdict, the required items
it misses and its letter; a body listed in ``bodies.yaml`` that sent nothing
is a row of its own. The letters use the headings and fonts of ``lawcheck
template``; the bytes depend only on the reports, the checklist and the
options.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from lawcheck import bodies as bodies_mod
from lawcheck.checklist import Checklist
from lawcheck.messages import message
from lawcheck.messages.safe import printable
from lawcheck.model import ErrorResult, ItemResult, ReportResult, flat_items
from lawcheck.output import write_file

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class Letter:
    key: str
    body: str
    result: ReportResult
    file: str  # the letter's file name


def group(results: Sequence[ReportResult], known: bodies_mod.Bodies,
          taken: Callable[[str], bool] = lambda name: False) -> list[Letter]:
    """One letter per body: the report of its latest year (then the last by path).

    A letter is never named as a file ``taken`` says is not to be written over
    (a report being read, in the folder the letters go to): it gets a number.
    """
    chosen: dict[str, tuple[str, ReportResult]] = {}
    for result in sorted(results, key=lambda r: (r.meta.year or 0, r.path)):
        found = known.identify(result.meta.org)
        if found is None:  # a report that names no body: its file stands for it
            stem = PurePath(result.path).stem
            found = (f"file:{stem}", stem)
        chosen[found[0]] = (found[1], result)
    letters: list[Letter] = []
    used: set[str] = set()
    for key in sorted(chosen, key=lambda k: chosen[k][0]):
        body, result = chosen[key]
        name = _file_name(body, result.meta.year, lambda n: n.casefold() in used or taken(n))
        used.add(name.casefold())
        letters.append(Letter(key, body, result, name))
    return letters


def _file_name(body: str, year: int | None, taken: Callable[[str], bool]) -> str:
    # Control and bidi characters shown as escapes (a U+202E would show the name reversed),
    # then whatever a file name may not hold on Windows made "_".
    base = _UNSAFE.sub("_", printable(body)).strip(" .") or "report"
    stem = f"{base}-{year if year is not None else 'xxxx'}-反馈意见"
    name, n = f"{stem}.docx", 2
    while taken(name):
        name, n = f"{stem}-{n}.docx", n + 1
    return name


def write_pack(outdir: Path, results: Sequence[ReportResult], checklist: Checklist, known: bodies_mod.Bodies,
               lang: str, deadline: str | None, unreadable: Sequence[ErrorResult] = (),
               inputs: Collection[str | Path] = ()) -> list[Letter]:
    """Every letter and ``index.xlsx`` into ``outdir`` (made if need be); the letters, in order.

    A file that could not be read gets no letter; the index names it with the reason.
    A letter whose name is one of ``inputs`` (or a link to one) is numbered instead:
    no letter is written over a report.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    real = {os.path.realpath(p) for p in inputs}
    letters = group(results, known, lambda name: os.path.realpath(outdir / name) in real)
    for letter in letters:
        write_file(outdir / letter.file, letter_bytes(letter, checklist, lang, deadline))
    seen = {letter.key for letter in letters}
    write_file(outdir / "index.xlsx", index_bytes(letters, known.missing(seen), checklist, lang, unreadable))
    return letters


# ---------------------------------------------------------------- the letter

def letter_bytes(letter: Letter, checklist: Checklist, lang: str, deadline: str | None) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from lawcheck.docxfile import docx_bytes
    from lawcheck.reporters.verdict import because
    from lawcheck.template import fix_properties, official_document

    result, body = letter.result, letter.body
    meta = result.meta
    document = official_document()

    def para(text: str, indent: bool = True) -> None:
        p = document.add_paragraph(text)
        if indent:
            p.paragraph_format.first_line_indent = Pt(32)

    year = meta.year if meta.year is not None else "××"
    title = document.add_paragraph(message("feedback-title", lang, body=body, year=year), style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(message("feedback-to", lang, body=body), indent=False)
    para(message("feedback-received", lang, title=meta.title or PurePath(result.path).name,
                 date=meta.date or message("feedback-no-date", lang), checklist=checklist.title_in(lang)))

    document.add_paragraph(message("feedback-h-verdict", lang), style="Heading 1")
    verdict = message("feedback-passed" if result.passed else "feedback-failed", lang,
                      score=f"{result.score:.1f}", threshold=f"{result.threshold:g}")
    reason = because(result, checklist, lang)  # "未通过原因：…。"
    para(verdict + (" " + reason if lang == "en" and reason else reason))

    document.add_paragraph(message("feedback-h-gaps", lang), style="Heading 1")
    gaps = [i for i in flat_items(result.items) if i.status in ("missing", "partial")]
    if gaps:
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        table.autofit = False
        from docx.shared import Cm

        for column, width in zip(table.columns, _WIDTHS_CM):
            column.width = Cm(width)  # the grid, which LibreOffice and WPS follow
        header = [message(k, lang) for k in ("feedback-col-item", "feedback-col-status", "feedback-col-advice",
                                             "feedback-col-closest")]
        _row(table.rows[0].cells, header, bold=True)
        for item in gaps:
            _row(table.add_row().cells, [item.title, message(f"status-{item.status}", lang),
                                         " ".join((item.hint or "").split()), _closest(item, lang, checklist)])
    else:
        para(message("feedback-no-gaps", lang))

    document.add_paragraph(message("feedback-h-findings", lang), style="Heading 1")
    if result.findings:
        for n, finding in enumerate(result.findings, start=1):
            para(f"{n}. {finding.message}")
    else:
        para(message("feedback-none", lang))

    document.add_paragraph(message("feedback-h-deadline", lang), style="Heading 1")
    para(message("feedback-deadline", lang, deadline=deadline) if deadline else message("feedback-no-deadline", lang))
    note = document.add_paragraph(message("feedback-note", lang))
    note.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    fix_properties(document, message("feedback-title", lang, body=body, year=year), "lawcheck")
    return docx_bytes(document)


# The table's columns on an A4 page (15.6 cm of text width): item, status, advice, closest text.
_WIDTHS_CM = (3.2, 1.8, 5.6, 5.0)
_TABLE_PT = 10.5  # 五号: a table's text is smaller than the body's 三号


def _row(cells: Any, texts: Sequence[str], bold: bool = False) -> None:
    from docx.shared import Cm, Pt

    for cell, text, width in zip(cells, texts, _WIDTHS_CM):
        cell.width = Cm(width)
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.font.size = Pt(_TABLE_PT)


def _closest(item: ItemResult, lang: str, checklist: Checklist) -> str:
    """What the report has nearest the item: what counted in part (and why only in part),
    else the nearest miss."""
    if item.status == "partial" and item.evidence:
        e = item.evidence[0]
        quote = message("feedback-quote", lang, text=e.text, section=e.section or message("feedback-top", lang))
        if e.reason:
            why = message("label-partial-why", lang, reason=checklist.reason_label(e.reason, lang))
            quote += f"（{why}）" if lang == "zh" else f" ({why})"
        return quote
    if item.near_misses:
        n = item.near_misses[0]
        return message("feedback-quote", lang, text=n.text, section=n.section or message("feedback-top", lang))
    return message("feedback-nothing", lang)


# ---------------------------------------------------------------- the index

def index_bytes(letters: Sequence[Letter], absent: Sequence[bodies_mod.Body], checklist: Checklist,
                lang: str, unreadable: Sequence[ErrorResult] = ()) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    from lawcheck.reporters.xlsx import FILLS, header_row, text_cell, workbook_bytes

    book = Workbook(write_only=True)
    ws = book.create_sheet(title=message("feedback-index-sheet", lang))
    for letter_col, width in zip("ABCDEFG", (28, 8, 8, 10, 50, 40, 50)):
        ws.column_dimensions[letter_col].width = width
    ws.append(header_row(ws, (message(k, lang) for k in (
        "feedback-col-body", "history-col-year", "feedback-col-score", "feedback-col-verdict",
        "feedback-col-missing", "feedback-col-letter", "feedback-col-report"))))
    for letter in letters:
        result = letter.result
        verdict = text_cell(ws, message("batch-verdict-passed" if result.passed else "batch-verdict-failed", lang))
        verdict.fill = FILLS["met" if result.passed else "missing"]
        missing = [i.title for i in flat_items(result.items) if i.severity == "required" and i.status == "missing"]
        ws.append([text_cell(ws, letter.body), result.meta.year, round(result.score, 1), verdict,
                   text_cell(ws, "、".join(missing)), text_cell(ws, letter.file), text_cell(ws, result.path)])
    for failed in sorted(unreadable, key=lambda e: e.path):
        state = text_cell(ws, message("feedback-unreadable", lang))
        state.fill = FILLS["error"]
        ws.append([None, None, None, state, text_cell(ws, failed.error), None, text_cell(ws, failed.path)])
    for body in absent:
        none = text_cell(ws, message("feedback-absent", lang))
        none.fill = FILLS["error"]
        ws.append([text_cell(ws, body.name), None, None, none, None, None, None])
    return workbook_bytes(book)
