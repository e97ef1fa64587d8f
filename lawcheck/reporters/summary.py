"""The batch summary: one small row per report, the tally, and the terminal view.

A :class:`Row` keeps what a summary needs of a report (path, body, year,
score, verdict, one status letter per item) and nothing more, so a batch of
ten thousand reports fits in a few megabytes. A :class:`Tally` collects the
rows and counts, per item, how many reports meet it. ``render_summary`` shows
the ranked table (best score first, unreadable files last), the coverage of
each item across the reports, the totals and, with ``--compare``, what changed
since last year.

Every batch output is a *stream* (see :class:`Stream`): ``head`` once,
``add`` per report as results arrive (in path order), ``finish`` with the
tally. The summary and markdown streams write everything at the end; csv,
json and jsonl write as they go.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from lawcheck.checklist import Checklist, ItemDef
from lawcheck.messages import message
from lawcheck.model import ErrorResult, ItemResult, ReportResult

if TYPE_CHECKING:
    from lawcheck.compare import Delta

CODES = {"met": "M", "partial": "P", "missing": "X", "waived": "W"}
STATUSES = {code: status for status, code in CODES.items()}
STYLES = {"met": "green", "partial": "yellow", "missing": "bold red", "waived": "cyan"}


@dataclass(frozen=True)
class Column:
    """An item (or a part of one) as a column of the batch outputs."""

    id: str
    title: str
    severity: str
    depth: int  # 0 for an item, 1 for a part


def columns(checklist: Checklist, lang: str = "zh") -> tuple[Column, ...]:
    """Every item and part of ``checklist``, in the order results list them."""
    out: list[Column] = []

    def add(item: ItemDef, depth: int) -> None:
        title = item.title_en if lang == "en" and item.title_en else item.title
        out.append(Column(item.id, title, item.severity, depth))
        for part in item.parts:
            add(part, depth + 1)

    for item in checklist.items:
        add(item, 0)
    return tuple(out)


def flat_items(items: Sequence[ItemResult]) -> list[ItemResult]:
    """Items with their parts after each, in the order of :func:`columns`."""
    out: list[ItemResult] = []
    for item in items:
        out.append(item)
        out.extend(flat_items(item.parts))
    return out


@dataclass(frozen=True)
class Row:
    """What a summary keeps of one report."""

    path: str
    score: float | None
    passed: bool
    org: str | None = None
    year: int | None = None
    codes: str = ""  # one letter per column: M met, P partial, X missing, W waived
    error: str | None = None

    @property
    def verdict(self) -> str:
        return "error" if self.error is not None else "passed" if self.passed else "failed"

    def status(self, index: int) -> str | None:
        return STATUSES[self.codes[index]] if index < len(self.codes) else None


def row_of(result: ReportResult | ErrorResult) -> Row:
    if isinstance(result, ErrorResult):
        return Row(path=result.path, score=None, passed=False, error=result.error)
    codes = "".join(CODES[i.status] for i in flat_items(result.items))
    return Row(path=result.path, score=result.score, passed=result.passed, org=result.meta.org,
               year=result.meta.year, codes=codes, error=result.error)


@dataclass(frozen=True)
class Entry:
    """A report as it reaches the outputs: its row, the full result if any output
    needs it, and what changed since last year when comparing."""

    row: Row
    result: ReportResult | ErrorResult | None = None
    delta: "Delta | None" = None


@dataclass
class Tally:
    """The rows of a batch, the coverage of each column, and last year's changes."""

    columns: tuple[Column, ...]
    comparing: bool = False
    rows: list[Row] = field(default_factory=list)
    coverage: list[dict[str, int]] = field(default_factory=list)
    deltas: dict[str, "Delta"] = field(default_factory=dict)  # path -> changes, reports with some
    unmatched: int = 0  # reports with no counterpart last year

    def __post_init__(self) -> None:
        self.coverage = [{s: 0 for s in CODES} for _ in self.columns]

    def add(self, entry: Entry) -> None:
        row = entry.row
        self.rows.append(row)
        for i, code in enumerate(row.codes[:len(self.columns)]):
            self.coverage[i][STATUSES[code]] += 1
        if self.comparing and row.error is None:
            if entry.delta is None:
                self.unmatched += 1
            elif entry.delta.regressed or entry.delta.improved:
                self.deltas[row.path] = entry.delta

    def count(self, verdict: str) -> int:
        return sum(r.verdict == verdict for r in self.rows)

    def ranked(self) -> list[Row]:
        """Best score first; unreadable files last; ties by path."""
        return sorted(self.rows, key=lambda r: (r.error is not None, -(r.score or 0.0), r.path))

    def missing_required(self, row: Row) -> list[Column]:
        return [c for i, c in enumerate(self.columns)
                if c.depth == 0 and c.severity == "required" and row.status(i) == "missing"]


class Stream(Protocol):
    """A batch output written as results arrive."""

    needs_detail: bool  # whether ``add`` needs the full result, not just the row

    def head(self) -> str | bytes: ...

    def add(self, entry: Entry) -> str: ...

    def finish(self, tally: Tally) -> str | bytes: ...


def collect(stream: Stream, results: Sequence[ReportResult | ErrorResult], tally: Tally) -> str | bytes:
    """Run ``stream`` over finished results: what a batch writes, in one piece."""
    head = stream.head()
    pieces: list[str] = []
    for result in results:
        entry = Entry(row_of(result), result)
        tally.add(entry)
        pieces.append(stream.add(entry))
    tail = stream.finish(tally)
    if isinstance(head, bytes) or isinstance(tail, bytes):
        return (head if isinstance(head, bytes) else head.encode()) + "".join(pieces).encode() + (
            tail if isinstance(tail, bytes) else tail.encode())
    return head + "".join(pieces) + tail


# ---------------------------------------------------------------- the terminal view

def verdict_text(row: Row, lang: str) -> Text:
    style = {"passed": "green", "failed": "bold red", "error": "bold magenta"}[row.verdict]
    return Text(message(f"batch-verdict-{row.verdict}", lang), style=style)


def ranked_table(tally: Tally, lang: str) -> Table:
    unknown = message("unknown", lang)
    sep = "、" if lang == "zh" else ", "
    table = Table(title=message("batch-ranked-title", lang), title_justify="left", expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column(message("batch-col-report", lang), ratio=3, overflow="fold")
    table.add_column(message("batch-col-org", lang), ratio=2, overflow="fold")
    table.add_column(message("batch-col-year", lang), no_wrap=True)
    table.add_column(message("batch-col-score", lang), justify="right", no_wrap=True)
    table.add_column(message("batch-col-verdict", lang), no_wrap=True)
    table.add_column(message("batch-col-missing", lang), ratio=4, overflow="fold")
    for rank, row in enumerate(tally.ranked(), 1):
        if row.error is not None:
            table.add_row(str(rank), row.path, "", "", "", verdict_text(row, lang),
                          Text(row.error, style="magenta"))
            continue
        missing = sep.join(c.title for c in tally.missing_required(row))
        table.add_row(str(rank), row.path, row.org or unknown, str(row.year or unknown),
                      f"{row.score:.1f}", verdict_text(row, lang), Text(missing, style="red"))
    return table


def coverage_table(tally: Tally, lang: str) -> Table:
    readable = len(tally.rows) - tally.count("error")
    waived = any(c["waived"] for c in tally.coverage)
    table = Table(title=message("batch-coverage-title", lang, count=readable), title_justify="left")
    table.add_column(message("col-item", lang), overflow="fold")
    table.add_column(message("batch-col-severity", lang), no_wrap=True)
    for status in ("met", "partial", "missing") + (("waived",) if waived else ()):
        table.add_column(Text(message(f"status-{status}", lang), style=STYLES[status]), justify="right")
    table.add_column(message("batch-col-coverage", lang), justify="right", no_wrap=True)
    for column, counts in zip(tally.columns, tally.coverage):
        label = ("  └ " if column.depth else "") + column.title
        cells = [str(counts[s]) for s in ("met", "partial", "missing")] + ([str(counts["waived"])] if waived else [])
        share = f"{100 * counts['met'] / readable:.0f}%" if readable else "—"
        table.add_row(label, message(f"severity-{column.severity}", lang), *cells, share)
    return table


def totals_text(tally: Tally, lang: str) -> Text:
    out = Text(message("batch-totals", lang, total=len(tally.rows), passed=tally.count("passed"),
                       failed=tally.count("failed"), errors=tally.count("error")), style="bold")
    return out


def compare_table(tally: Tally, lang: str) -> Table | Text:
    if not tally.deltas:
        return Text(message("batch-compare-none", lang, unmatched=tally.unmatched))
    titles = {c.id: c.title for c in tally.columns}
    sep = "、" if lang == "zh" else ", "
    table = Table(title=message("batch-compare-title", lang), title_justify="left", expand=True,
                  caption=message("batch-compare-unmatched", lang, unmatched=tally.unmatched)
                  if tally.unmatched else None, caption_justify="left")
    table.add_column(message("batch-col-report", lang), ratio=3, overflow="fold")
    table.add_column(message("batch-col-previous", lang), ratio=3, overflow="fold")
    table.add_column(message("batch-col-regressed", lang), ratio=4, overflow="fold")
    table.add_column(message("batch-col-improved", lang), ratio=4, overflow="fold")
    for path, delta in sorted(tally.deltas.items()):
        table.add_row(path, delta.previous, Text(sep.join(titles.get(i, i) for i in delta.regressed), style="red"),
                      Text(sep.join(titles.get(i, i) for i in delta.improved), style="green"))
    return table


def summary_group(tally: Tally, lang: str) -> Group:
    parts: list[object] = [ranked_table(tally, lang), coverage_table(tally, lang)]
    if tally.comparing:
        parts.append(compare_table(tally, lang))
    parts.append(totals_text(tally, lang))
    return Group(*parts)  # type: ignore[arg-type]


def render_tally(tally: Tally, lang: str = "zh", *, color: bool = True, width: int | None = None) -> str:
    console = Console(record=True, width=width or 110, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False, soft_wrap=False,
                      file=_Null())
    console.print(summary_group(tally, lang))
    return console.export_text(styles=color)


class SummaryStream:
    """The terminal summary, written when the batch is done."""

    needs_detail = False

    def __init__(self, checklist: Checklist, lang: str = "zh", *, color: bool = False,
                 width: int | None = None, **_: object) -> None:
        self.lang, self.color, self.width = lang, color, width

    def head(self) -> str:
        return ""

    def add(self, entry: Entry) -> str:
        return ""

    def finish(self, tally: Tally) -> str:
        return render_tally(tally, self.lang, color=self.color, width=self.width)


def render_summary(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
                   **options: object) -> str:
    tally = Tally(columns(checklist, lang))
    return str(collect(SummaryStream(checklist, lang, **options), results, tally))  # type: ignore[arg-type]


class _Null:
    def write(self, _: str) -> int:
        return 0

    def flush(self) -> None:
        pass
