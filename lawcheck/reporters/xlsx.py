"""``--format xlsx``: a workbook for inspectors (openpyxl, write-only, so it streams).

- the summary sheet: one row per report (path, body, year, score, verdict) and
  one column per item, each cell coloured by status (green met, yellow
  partial, red missing); the header row and the report column are frozen;
- the coverage sheet: per item, how many reports meet it, partly or not;
- one sheet per report with its gaps: each item not met, its status, what to
  add, and the closest text found (or the reason the file could not be read).

Sheet names are the file names, made legal for Excel (at most 31 characters,
none of ``[]:*?/\\``, unique regardless of case). The bytes are deterministic:
fixed document dates and fixed times inside the zip.
"""

from __future__ import annotations

import datetime
import io
import re
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import PurePath
from typing import IO, Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet._write_only import WriteOnlyWorksheet  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from lawcheck.judge.checklist import Checklist
from lawcheck.messages import message
from lawcheck.messages.safe import printable
from lawcheck.reporters.verdict import because
from lawcheck.document.model import ErrorResult, ReportResult, flat_items
from lawcheck.reporters.tally import Entry, Tally, collect, columns

FIXED_TIME = datetime.datetime(2025, 1, 1, 0, 0, 0)
FILLS = {status: PatternFill("solid", start_color=rgb, end_color=rgb) for status, rgb in
         {"met": "C6EFCE", "partial": "FFEB9C", "missing": "FFC7CE", "waived": "DDEBF7",
          "error": "F4B084"}.items()}
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_SHEET_NAME = 31
_ILLEGAL = re.compile(r"[\[\]:*?/\\]")
FIXED_COLUMNS = 5  # report, body, year, score, verdict


def workbook_bytes(book: Workbook) -> bytes:
    """A workbook's file, the same bytes for the same content: fixed dates, inside and in the zip."""
    props = book.properties
    props.creator, props.created, props.modified = "lawcheck", FIXED_TIME, FIXED_TIME
    out = io.BytesIO()
    with _FixedTimeZip(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).write_data()
    return out.getvalue()


def header_row(ws: WriteOnlyWorksheet, titles: Any) -> list[WriteOnlyCell]:
    """A bold row of column titles."""
    cells = [text_cell(ws, title) for title in titles]
    for cell in cells:
        cell.font = BOLD
    return cells


def text_cell(ws: WriteOnlyWorksheet, value: Any) -> WriteOnlyCell:
    """A cell holding ``value``; text is always text, never a formula Excel evaluates (OWASP)."""
    if not isinstance(value, str):
        return WriteOnlyCell(ws, value=value)
    cell = WriteOnlyCell(ws, value=printable(value))
    cell.data_type = "s"  # openpyxl would write "=…" as a formula; a shared string is never evaluated
    return cell


def sheet_name(result: ReportResult | ErrorResult) -> str:
    """A report's sheet: its body and year when known ("云岭镇-2024"), else its file name."""
    if isinstance(result, ReportResult) and result.meta.org:
        return f"{result.meta.org}-{result.meta.year}" if result.meta.year else result.meta.org
    return PurePath(result.path).stem


class SheetNames:
    """Legal, unique sheet names (Excel compares them ignoring case)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def name(self, wanted: str) -> str:
        # Control and bidi characters shown as escapes (their backslash then made "_", as Excel wants).
        base = _ILLEGAL.sub("_", printable(wanted)).strip("'") or "report"
        base = base[:MAX_SHEET_NAME]
        name, n = base, 1
        while name.casefold() in self.taken or name.casefold() == "history":
            n += 1
            suffix = f"~{n}"
            name = base[:MAX_SHEET_NAME - len(suffix)] + suffix
        self.taken.add(name.casefold())
        return name


class XlsxStream:
    """Builds the workbook as results arrive; ``finish`` returns its bytes."""

    needs_detail = True

    def __init__(self, checklist: Checklist, lang: str = "zh", *, comparing: bool = False, **_: object) -> None:
        self.lang, self.comparing, self.checklist = lang, comparing, checklist
        self.columns = columns(checklist, lang)
        self.book = Workbook(write_only=True)
        self.names = SheetNames()
        self.summary = self._sheet(message("batch-sheet-summary", lang))
        self.coverage = self._sheet(message("batch-sheet-coverage", lang))
        self.rows = 0
        self.pending: dict[str, Entry] = {}  # the summary's rows, written ranked once all are in
        self._summary_header()

    def _sheet(self, wanted: str) -> WriteOnlyWorksheet:
        return self.book.create_sheet(self.names.name(wanted))

    def _cell(self, ws: WriteOnlyWorksheet, value: Any, fill: str | None = None, bold: bool = False,
              wrap: bool = False) -> WriteOnlyCell:
        cell = text_cell(ws, value)
        if fill:
            cell.fill = FILLS[fill]
        if bold:
            cell.font = BOLD
        if wrap:
            cell.alignment = WRAP
        return cell

    @staticmethod
    def _append(ws: WriteOnlyWorksheet, values: list[Any]) -> None:
        """A row, every text in it a text cell (see :func:`text_cell`)."""
        ws.append([text_cell(ws, v) if isinstance(v, str) else v for v in values])

    def _summary_header(self) -> None:
        ws, lang = self.summary, self.lang
        ws.freeze_panes = "B2"
        printable_page(ws)
        widths = [40, 24, 8, 8, 10] + [12] * len(self.columns) + ([30, 30] if self.comparing else [])
        for i, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = w
        header = [message(k, lang) for k in ("batch-col-report", "batch-col-org", "batch-col-year",
                                             "batch-col-score", "batch-col-verdict")]
        header += [("└ " if c.depth else "") + c.title for c in self.columns]
        if self.comparing:
            header += [message("batch-col-regressed", lang), message("batch-col-improved", lang)]
        self._append(ws, [self._cell(ws, h, bold=True, wrap=True) for h in header])

    def head(self) -> str:
        return ""

    def add(self, entry: Entry) -> str:
        self.pending[entry.row.path] = Entry(entry.row, delta=entry.delta)  # its row; the result goes
        self._gaps(entry)
        return ""

    def _summary_row(self, entry: Entry) -> None:
        ws, row = self.summary, entry.row
        verdict = message(f"batch-verdict-{row.verdict}", self.lang)
        cells: list[Any] = [row.path, row.org, row.year, row.score,
                            self._cell(ws, verdict, fill="error" if row.error is not None else
                                       "met" if row.passed else "missing")]
        for i in range(len(self.columns)):
            status = row.status(i)
            cells.append(self._cell(ws, message(f"status-{status}", self.lang), fill=status) if status else None)
        if self.comparing:
            delta = entry.delta
            cells += [" ".join(delta.regressed), " ".join(delta.improved)] if delta else [None, None]
        self._append(ws, cells)
        self.rows += 1

    def _gaps(self, entry: Entry) -> None:
        result = entry.result
        if result is None:
            return
        lang = self.lang
        ws = self._sheet(sheet_name(result))
        for letter, width in zip("ABCDEF", (30, 22, 10, 50, 50, 18)):
            ws.column_dimensions[letter].width = width
        self._append(ws, [self._cell(ws, result.path, bold=True)])
        if isinstance(result, ErrorResult):
            self._append(ws, [self._cell(ws, result.error, fill="error")])
            ws.close()
            return
        # who, how it scored and why it failed, before its gaps
        meta = result.meta
        verdict = message("batch-verdict-passed" if result.passed else "batch-verdict-failed", lang)
        for key, value in (("batch-col-org", meta.org or message("unknown", lang)),
                           ("batch-col-year", meta.year or message("unknown", lang)),
                           ("batch-col-score", result.score), ("batch-col-verdict", verdict)):
            self._append(ws, [self._cell(ws, message(key, lang), bold=True), value])
        if not result.passed:
            self._append(ws, [self._cell(ws, because(result, self.checklist, lang), fill="missing")])
        self._append(ws, [])
        header = [message(k, lang) for k in ("col-item", "batch-col-id", "col-status", "batch-col-hint",
                                             "batch-col-near", "batch-col-reason")]
        self._append(ws, [self._cell(ws, h, bold=True) for h in header])
        gaps = [i for i in flat_items(result.items) if i.status in ("partial", "missing")]
        for item in gaps:
            near = item.near_misses[0] if item.near_misses else None
            self._append(ws, [self._cell(ws, item.title, wrap=True), item.id,
                       self._cell(ws, message(f"status-{item.status}", lang), fill=item.status),
                       self._cell(ws, " ".join(item.hint.split()), wrap=True),
                       self._cell(ws, near.text if near else None, wrap=True),
                       self.checklist.reason_label(near.reason, lang) if near else None])
        if not gaps:
            self._append(ws, [message("summary-complete", lang)])
        ws.close()  # written out now: ten thousand open sheets would exhaust file handles

    def finish(self, tally: Tally) -> bytes:
        for row in tally.ranked():  # best first, as the terminal's ranking; unreadable files last
            entry = self.pending.get(row.path)
            if entry is not None:
                self._summary_row(entry)
        last = get_column_letter(FIXED_COLUMNS + len(self.columns) + (2 if self.comparing else 0))
        self.summary.auto_filter.ref = f"A1:{last}{self.rows + 1}"
        self._coverage(tally)
        return workbook_bytes(self.book)

    def _coverage(self, tally: Tally) -> None:
        ws, lang = self.coverage, self.lang
        ws.freeze_panes = "A2"
        printable_page(ws)
        for letter, width in zip("ABCDEFGHI", (36, 30, 10, 8, 8, 8, 8, 10)):
            ws.column_dimensions[letter].width = width
        header = [message("col-item", lang), message("batch-col-id", lang), message("batch-col-severity", lang)]
        header += [message(f"status-{s}", lang) for s in ("met", "partial", "missing", "waived")]
        header.append(message("batch-col-coverage", lang))
        self._append(ws, [self._cell(ws, h, bold=True) for h in header])
        readable = len(tally.rows) - tally.count("error")
        for column, counts in zip(tally.columns, tally.coverage):
            share = WriteOnlyCell(ws, value=round(counts["met"] / readable, 3) if readable else None)
            share.number_format = "0%"  # 75%, not 0.75
            self._append(ws, [("└ " if column.depth else "") + column.title, column.id,
                       message(f"severity-{column.severity}", lang),
                       *(self._cell(ws, counts[s], fill=s if counts[s] else None)
                         for s in ("met", "partial", "missing", "waived")), share])
        self._append(ws, [])
        self._append(ws, [message("batch-totals", lang, total=len(tally.rows), passed=tally.count("passed"),
                           failed=tally.count("failed"), errors=tally.count("error"))])
        if readable and tally.columns:
            ws.add_chart(coverage_chart(ws, len(tally.columns), message("batch-col-coverage", lang)), "J2")


def printable_page(ws: WriteOnlyWorksheet) -> None:
    """On paper: A4 landscape, as wide as the page, the header row on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def coverage_chart(ws: WriteOnlyWorksheet, items: int, title: str) -> Any:
    """Bars of the share of reports that meet each item (the coverage sheet's last column)."""
    from openpyxl.chart import BarChart, Reference  # type: ignore[import-untyped]

    chart = BarChart()
    chart.type = "bar"  # horizontal: the items' long names read along the axis
    chart.title = title
    chart.legend = None
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.x_axis.scaling.orientation = "maxMin"  # the first item on top, as in the table
    chart.height, chart.width = 4 + 0.55 * items, 18  # centimetres
    chart.add_data(Reference(ws, min_col=8, min_row=1, max_row=items + 1), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=items + 1))
    return chart


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose entries all carry the same date, so equal workbooks are equal bytes."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, compress_type: Any = None,
                 compresslevel: Any = None) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info = zipfile.ZipInfo(zinfo_or_arcname, FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename: Any, arcname: Any = None, compress_type: Any = None,
              compresslevel: Any = None) -> None:
        info = zipfile.ZipInfo(arcname or str(filename), FIXED_TIME.timetuple()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o600 << 16
        src: IO[bytes]
        with open(filename, "rb") as src, self.open(info, "w", force_zip64=True) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)


def render_xlsx(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
                **options: object) -> bytes:
    stream = XlsxStream(checklist, lang, **options)  # type: ignore[arg-type]
    return bytes(collect(stream, results, Tally(stream.columns)))  # type: ignore[arg-type]
