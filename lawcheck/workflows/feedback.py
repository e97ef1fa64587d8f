"""Feedback packs: one letter (反馈意见) per reporting body, and an index of them all.

``lawcheck batch DIR --feedback OUTDIR`` groups the reports by body (see
:mod:`lawcheck.document.bodies`; of a body's several reports, the latest year's, then
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
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from lawcheck.document import bodies as bodies_mod
from lawcheck.judge.checklist import Checklist
from lawcheck.messages import message
from lawcheck.messages.safe import printable
from lawcheck.document.model import ErrorResult, ItemResult, ReportResult, flat_items
from lawcheck.output import write_file

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class Letter:
    identity: bodies_mod.Identity  # the body; for an unidentified report, its file
    result: ReportResult | None  # None: the body sent only files that could not be read
    file: str  # the letter's file name ("": none written, a passing body with --feedback-passing none)
    others: tuple[str, ...] = ()  # the body's other submissions for the same year, not judged
    unreadable: tuple[ErrorResult, ...] = ()  # its files that could not be read

    @property
    def key(self) -> str:
        return self.identity.key

    @property
    def body(self) -> str:
        """The body's name; for an unidentified report, the file's name."""
        return self.identity.name

    @property
    def identified(self) -> bool:
        return self.identity.known


def group(results: Sequence[ReportResult], identify: Callable[[str, str | None], bodies_mod.Identity],
          taken: Callable[[str], bool] = lambda name: False,
          unreadable: Sequence[ErrorResult] = ()) -> list[Letter]:
    """One letter per body: the report of its latest year; of two submissions for that year, the
    one :func:`submission_order` puts last. A listed or named body that sent only unreadable files
    gets a letter asking it to send its report again.

    A letter is never named as a file ``taken`` says is not to be written over
    (a report being read, in the folder the letters go to): it gets a number.
    """
    identity: dict[str, bodies_mod.Identity] = {}
    by_key: dict[str, list[ReportResult]] = {}
    for result in results:
        who = identify(result.path, result.meta.org)
        identity.setdefault(who.key, who)
        by_key.setdefault(who.key, []).append(result)
    failed: dict[str, list[ErrorResult]] = {}
    for error in unreadable:
        who = identify(error.path, None)
        if who.known:
            identity.setdefault(who.key, who)
            failed.setdefault(who.key, []).append(error)
    letters: list[Letter] = []
    used: set[str] = set()
    for key in sorted(set(by_key) | set(failed), key=lambda k: (not identity[k].known, identity[k].name, k)):
        who = identity[key]
        reports = by_key.get(key, [])
        latest = max((r.meta.year or 0 for r in reports), default=None)
        same_year = sorted((r for r in reports if (r.meta.year or 0) == latest), key=lambda r: bodies_mod.submission_order(r.path))
        judged = same_year[-1] if same_year else None
        year = judged.meta.year if judged is not None else _year_of_files(failed.get(key, []))
        label = who.name if who.known else _unidentified_stem(who.name)
        name = _file_name(label, year, lambda n: n.casefold() in used or taken(n))
        used.add(name.casefold())
        letters.append(Letter(who, judged, name, tuple(r.path for r in same_year[:-1]),
                              tuple(sorted(failed.get(key, []), key=lambda e: e.path))))
    return letters


def _year_of_files(errors: Sequence[ErrorResult]) -> int | None:
    """The year an unreadable file's name says (南山镇2024年报告.pdf → 2024), if any does."""
    from lawcheck.document.metadata import title_year

    return next((y for e in errors if (y := title_year(PurePath(e.path).stem)) is not None), None)


def _unidentified_stem(file_name: str) -> str:
    return message("letter-unidentified", "zh", stem=PurePath(file_name).stem)


def _file_name(body: str, year: int | None, taken: Callable[[str], bool]) -> str:
    # Control and bidi characters shown as escapes (a U+202E would show the name reversed),
    # then whatever a file name may not hold on Windows made "_".
    base = _UNSAFE.sub("_", printable(body)).strip(" .") or "report"
    stem = message("letter-file", "zh", body=base, year=year if year is not None else "xxxx")
    name, n = f"{stem}.docx", 2
    while taken(name):
        name, n = f"{stem}-{n}.docx", n + 1
    return name


@dataclass(frozen=True)
class Signed:
    """What the letters say beyond the reports: who sends them and when, by when to correct, what
    a passing body gets ("acknowledge": a short letter; "none": no letter), and each report's
    items that were met last year and are not now (item titles)."""

    sender: str | None = None
    date: str | None = None  # as the letter says it (2025年4月10日)
    deadline: str | None = None
    passing: str = "acknowledge"
    regressed: Callable[[ReportResult], Sequence[str]] = lambda result: ()
    copies: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # path -> its similar-report


def write_pack(outdir: Path, results: Sequence[ReportResult], checklist: Checklist, known: bodies_mod.Bodies,
               identify: Callable[[str, str | None], bodies_mod.Identity], lang: str, signed: Signed,
               unreadable: Sequence[ErrorResult] = (), inputs: Collection[str | Path] = ()) -> list[Letter]:
    """Every letter and ``index.xlsx`` into ``outdir`` (made if need be); every body's letter, in
    order (``file`` empty where none was written: a passing body with ``passing`` "none").

    A listed (or named) body whose files could not be read gets a letter asking it to send its
    report again; an unreadable file of no known body gets none, and the index names it with
    the reason. A letter whose name is one of ``inputs`` (or a link to one) is numbered instead:
    no letter is written over a report.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    real = {os.path.realpath(p) for p in inputs}
    letters = group(results, identify, lambda name: os.path.realpath(outdir / name) in real, unreadable)
    for n, letter in enumerate(letters):
        if letter.result is not None and letter.result.passed and signed.passing == "none":
            letters[n] = replace(letter, file="")
        else:
            write_file(outdir / letter.file, letter_bytes(letter, checklist, lang, signed))
    tied = {e.path for letter in letters for e in letter.unreadable}
    write_file(outdir / "index.xlsx", index_bytes(letters, known.missing({letter.key for letter in letters}),
                                                  checklist, lang, [e for e in unreadable if e.path not in tied],
                                                  signed.copies))
    return letters


# ---------------------------------------------------------------- the letter

def letter_bytes(letter: Letter, checklist: Checklist, lang: str, signed: Signed = Signed()) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from lawcheck.reporters.verdict import because
    from lawcheck.workflows.template import official_document

    result = letter.result
    body = letter.body if letter.identified else message("letter-body-placeholder", lang)
    document = official_document()

    def para(text: str, indent: bool = True) -> None:
        p = document.add_paragraph(text)
        if indent:
            p.paragraph_format.first_line_indent = Pt(32)

    known_year = result.meta.year if result is not None else _year_of_files(letter.unreadable)
    year = known_year if known_year is not None else "××"
    heading = message("feedback-title", lang, body=body, year=year)
    title = document.add_paragraph(heading, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(message("feedback-to", lang, body=body), indent=False)
    if result is None:  # only files that could not be read: ask for the report again
        names = "、".join(PurePath(e.path).name for e in letter.unreadable)
        para(message("feedback-unreadable-letter", lang, files=names))
        for error in letter.unreadable:
            para(f"{PurePath(error.path).name}：{error.error}" if lang == "zh" else f"{PurePath(error.path).name}: {error.error}")
        para(message("feedback-resubmit", lang, deadline=signed.deadline) if signed.deadline
             else message("feedback-resubmit-soon", lang))
        return _closing(document, signed, lang, heading)
    meta = result.meta
    para(message("feedback-received", lang, title=meta.title or PurePath(result.path).name,
                 date=meta.date or message("feedback-no-date", lang), checklist=checklist.title_in(lang)))
    if letter.others:
        para(message("feedback-duplicates", lang, judged=PurePath(result.path).name,
                     others="、".join(PurePath(p).name for p in letter.others)))
    regressed = list(signed.regressed(result))

    document.add_paragraph(message("feedback-h-verdict", lang), style="Heading 1")
    verdict = message("feedback-passed" if result.passed else "feedback-failed", lang,
                      score=f"{result.score:.1f}", threshold=f"{result.threshold:g}")
    reason = because(result, checklist, lang)  # "未通过原因：…。"
    para(verdict + (" " + reason if lang == "en" and reason else reason))
    if regressed:
        para(message("feedback-regressed", lang, items="、".join(regressed) if lang == "zh" else ", ".join(regressed)))
    gaps = [i for i in flat_items(result.items) if i.status in ("missing", "partial")]
    problems = [finding.message for finding in result.findings]
    copy = signed.copies.get(result.path)
    if copy is not None:
        evidence = message("batch-similar-evidence", lang, text=copy["evidence"]) if copy.get("evidence") else ""
        problems.append(message("feedback-similar", lang, other=copy["other_named"], share=round(copy["share"] * 100),
                                evidence=evidence))
    if result.passed and not problems:
        # a passing report: an acknowledgement, with what could still be better, and no correction asked
        if gaps:
            document.add_paragraph(message("feedback-h-better", lang), style="Heading 1")
            _gap_table(document, gaps, checklist, lang)
        para(message("feedback-acknowledged", lang))
        return _closing(document, signed, lang, heading)

    document.add_paragraph(message("feedback-h-gaps", lang), style="Heading 1")
    if gaps:
        _gap_table(document, gaps, checklist, lang)
    else:
        para(message("feedback-no-gaps", lang))

    document.add_paragraph(message("feedback-h-findings", lang), style="Heading 1")
    if problems:
        for n, problem in enumerate(problems, start=1):
            para(f"{n}. {problem}")
    else:
        para(message("feedback-none", lang))

    if result.passed and copy is None:  # passed, with problems found: to mend when it can, no correction asked
        para(message("feedback-acknowledged", lang))
    else:  # failed, or copied: a correction is asked
        document.add_paragraph(message("feedback-h-deadline", lang), style="Heading 1")
        para(message("feedback-deadline", lang, deadline=signed.deadline) if signed.deadline
             else message("feedback-no-deadline", lang))
    return _closing(document, signed, lang, heading)


def _gap_table(document: Any, gaps: Sequence[ItemResult], checklist: Checklist, lang: str) -> None:
    from docx.shared import Cm

    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, _WIDTHS_CM):
        column.width = Cm(width)  # the grid, which LibreOffice and WPS follow
    header = [message(k, lang) for k in ("feedback-col-item", "feedback-col-status", "feedback-col-advice",
                                         "feedback-col-closest")]
    _row(table.rows[0].cells, header, bold=True)
    for item in gaps:
        _row(table.add_row().cells, [item.title, message(f"status-{item.status}", lang),
                                     " ".join((item.hint or "").split()), _closest(item, lang, checklist)])


def _closing(document: Any, signed: Signed, lang: str, title: str) -> bytes:
    """The note that the letter is generated, the 落款 (who sends it, the date), the properties."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from lawcheck.workflows.docxfile import docx_bytes
    from lawcheck.workflows.template import fix_properties

    note = document.add_paragraph(message("feedback-note", lang))
    note.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if signed.sender or signed.date:
        document.add_paragraph("")
        for line in (signed.sender, signed.date):
            if line:
                signature = document.add_paragraph(line)
                signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fix_properties(document, title, "lawcheck")
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
                lang: str, unreadable: Sequence[ErrorResult] = (),
                copies: Mapping[str, Mapping[str, Any]] | None = None) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    from lawcheck.reporters.xlsx import FILLS, header_row, text_cell, workbook_bytes

    book = Workbook(write_only=True)
    ws = book.create_sheet(title=message("feedback-index-sheet", lang))
    for letter_col, width in zip("ABCDEFGH", (28, 8, 8, 14, 50, 40, 50, 40)):
        ws.column_dimensions[letter_col].width = width
    ws.append(header_row(ws, (message(k, lang) for k in (
        "feedback-col-body", "history-col-year", "feedback-col-score", "feedback-col-verdict",
        "feedback-col-missing", "feedback-col-letter", "feedback-col-report", "feedback-col-note"))))
    for letter in letters:
        result = letter.result
        shown = letter.body if letter.identified else message("feedback-unidentified", lang, file=letter.body)
        if result is None:  # received, but not one file could be read
            state = text_cell(ws, message("feedback-received-unreadable", lang))
            state.fill = FILLS["error"]
            reasons = "；".join(f"{PurePath(e.path).name}：{e.error}" for e in letter.unreadable)
            ws.append([text_cell(ws, shown), None, None, state, text_cell(ws, reasons), text_cell(ws, letter.file),
                       text_cell(ws, "、".join(e.path for e in letter.unreadable)), None])
            continue
        verdict = text_cell(ws, message("batch-verdict-passed" if result.passed else "batch-verdict-failed", lang))
        verdict.fill = FILLS["met" if result.passed else "missing"]
        missing = [i.title for i in flat_items(result.items) if i.severity == "required" and i.status == "missing"]
        notes = []
        if letter.others:
            notes.append(message("feedback-index-duplicates", lang, others="、".join(letter.others)))
        copy = (copies or {}).get(result.path)
        if copy is not None:
            notes.append(message("feedback-index-similar", lang, other=copy["other_named"],
                                 share=round(copy["share"] * 100)))
        if letter.unreadable:
            notes.append(message("feedback-index-also-unreadable", lang,
                                 files="、".join(e.path for e in letter.unreadable)))
        ws.append([text_cell(ws, shown), result.meta.year, round(result.score, 1), verdict,
                   text_cell(ws, "、".join(missing)), text_cell(ws, letter.file or message("feedback-no-letter", lang)),
                   text_cell(ws, result.path), text_cell(ws, "；".join(notes)) if notes else None])
    for failed in sorted(unreadable, key=lambda e: e.path):
        state = text_cell(ws, message("feedback-unreadable", lang))
        state.fill = FILLS["error"]
        ws.append([None, None, None, state, text_cell(ws, failed.error), None, text_cell(ws, failed.path), None])
    for body in absent:
        none = text_cell(ws, message("feedback-absent", lang))
        none.fill = FILLS["error"]
        ws.append([text_cell(ws, body.name), None, None, none, None, None, None, None])
    return workbook_bytes(book)
