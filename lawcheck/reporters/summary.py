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

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from rich.cells import cell_len
from rich.color import ColorSystem
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from lawcheck.checklist import Checklist, ItemDef
from lawcheck.messages import message
from lawcheck.model import ErrorResult, ItemResult, ReportResult, flat_items

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
        title = item.title_in(lang)
        out.append(Column(item.id, title, item.severity, depth))
        for part in item.parts:
            add(part, depth + 1)

    for item in checklist.items:
        add(item, 0)
    return tuple(out)


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

    def __init__(self, checklist: Checklist, lang: str = "zh", **options: Any) -> None: ...

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

def verdict_cell(row: Row, lang: str) -> Cell:
    style = {"passed": "green", "failed": "bold red", "error": "bold magenta"}[row.verdict]
    return message(f"batch-verdict-{row.verdict}", lang), style


Cell = tuple[str, "str | None"]  # text and its rich style


class Grid:
    """A table drawn as plain lines, one or more per row, for thousands of rows.

    rich's ``Table`` measures and folds every cell, which takes seconds for a
    few thousand reports. Here each column gets its width once; a cell longer
    than its column is cut with "…" (paths keep their end), except in the last
    column, which wraps onto lines of its own.
    """

    def __init__(self, header: Sequence[str], flexible: Sequence[float], right: Sequence[int] = (),
                 keep_end: Sequence[int] = ()) -> None:
        self.header, self.flexible = list(header), list(flexible)  # share of the spare width; 0 = fixed
        self.right, self.keep_end = set(right), set(keep_end)
        self.rows: list[list[Cell]] = []

    def add_row(self, *cells: str | Cell) -> None:
        self.rows.append([(c, None) if isinstance(c, str) else c for c in cells])

    def widths(self, total: int) -> list[int]:
        natural = [max([cell_len(h)] + [cell_len(r[i][0]) for r in self.rows]) for i, h in enumerate(self.header)]
        fixed = sum(w for w, f in zip(natural, self.flexible) if not f) + 2 * (len(natural) - 1)
        spare = max(total - fixed, 10 * sum(1 for f in self.flexible if f))
        shares = sum(self.flexible) or 1
        out = [w if not f else max(6, min(w, int(spare * f / shares))) for w, f in zip(natural, self.flexible)]
        left = spare - sum(w for w, f in zip(out, self.flexible) if f)
        for i, share in enumerate(self.flexible):  # what one column leaves unused goes to the next
            if share and left > 0 and out[i] < natural[i]:
                grow = min(left, natural[i] - out[i])
                out[i] += grow
                left -= grow
        return out

    def render(self, total: int, color: bool) -> str:
        widths = self.widths(total)
        paint = _painter(color)
        lines = [self._line([(h, "bold") for h in self.header], widths, paint),
                 paint("─" * (sum(widths) + 2 * (len(widths) - 1)), "dim")]
        lines += [self._line(row, widths, paint) for row in self.rows]
        return "\n".join(lines) + "\n"

    def _line(self, cells: list[Cell], widths: list[int], paint: Callable[[str, str | None], str]) -> str:
        out: list[str] = []
        last = len(cells) - 1
        for i, ((text, style), width) in enumerate(zip(cells, widths)):
            if i == last:
                indent = " " * (sum(widths[:-1]) + 2 * last)
                pieces = _wrap(text, width)
                out.append("\n".join((indent if n else "") + paint(p, style) for n, p in enumerate(pieces)))
                continue
            fitted = _cut(text, width, keep_end=i in self.keep_end)
            pad = " " * (width - cell_len(fitted))
            out.append(pad + paint(fitted, style) if i in self.right else paint(fitted, style) + pad)
        return "  ".join(out).rstrip()


def _painter(color: bool) -> Callable[[str, str | None], str]:
    if not color:
        return lambda text, style: text
    styles: dict[str, Style] = {}

    def paint(text: str, style: str | None) -> str:
        if not style or not text:
            return text
        if style not in styles:
            styles[style] = Style.parse(style)
        return styles[style].render(text, color_system=ColorSystem.STANDARD)
    return paint


def _cut(text: str, width: int, keep_end: bool = False) -> str:
    """``text`` in at most ``width`` cells, "…" marking what was cut."""
    if cell_len(text) <= width:
        return text
    chars = text[::-1] if keep_end else text
    used, kept = 1, []
    for ch in chars:
        size = cell_len(ch)
        if used + size > width:
            break
        kept.append(ch)
        used += size
    return "…" + "".join(reversed(kept)) if keep_end else "".join(kept) + "…"


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells; Latin words are not split when a space allows."""
    if cell_len(text) <= width:
        return [text]
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for ch in text:
        size = cell_len(ch)
        if used + size > width and current:
            line = "".join(current)
            space = line.rfind(" ")
            if ch != " " and space > 0 and not _is_wide(ch):
                pieces.append(line[:space])
                current = current[space + 1:]
            else:
                pieces.append(line.rstrip())
                current = []
            used = cell_len("".join(current))
        if ch != " " or current:
            current.append(ch)
            used += size
    pieces.append("".join(current))
    return pieces


def _is_wide(ch: str) -> bool:
    return cell_len(ch) > 1


def ranked_grid(tally: Tally, lang: str) -> Grid:
    unknown = message("unknown", lang)
    sep = "、" if lang == "zh" else ", "
    grid = Grid(["#"] + [message(k, lang) for k in ("batch-col-report", "batch-col-org", "batch-col-year",
                                                    "batch-col-score", "batch-col-verdict", "batch-col-missing")],
                flexible=[0, 3, 2, 0, 0, 0, 4], right=(0, 4), keep_end=(1,))
    for rank, row in enumerate(tally.ranked(), 1):
        if row.error is not None:
            grid.add_row(str(rank), row.path, "", "", "", verdict_cell(row, lang), (row.error, "magenta"))
            continue
        missing = sep.join(c.title for c in tally.missing_required(row))
        grid.add_row(str(rank), row.path, row.org or unknown, str(row.year or unknown), f"{row.score:.1f}",
                     verdict_cell(row, lang), (missing, "red"))
    return grid


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


def compare_text(tally: Tally, lang: str, width: int, color: bool) -> str:
    if not tally.deltas:
        return message("batch-compare-none", lang, unmatched=tally.unmatched) + "\n"
    titles = {c.id: c.title for c in tally.columns}
    sep = "、" if lang == "zh" else ", "
    grid = Grid([message(k, lang) for k in ("batch-col-report", "batch-col-previous", "batch-col-regressed",
                                            "batch-col-improved")], flexible=[3, 3, 4, 4], keep_end=(0, 1))
    for path, delta in sorted(tally.deltas.items()):
        grid.add_row(path, delta.previous, (sep.join(titles.get(i, i) for i in delta.regressed), "red"),
                     (sep.join(titles.get(i, i) for i in delta.improved), "green"))
    text = _painter(color)(message("batch-compare-title", lang), "italic") + "\n" + grid.render(width, color)
    if tally.unmatched:
        text += message("batch-compare-unmatched", lang, unmatched=tally.unmatched) + "\n"
    return text


def render_tally(tally: Tally, lang: str = "zh", *, color: bool = True, width: int | None = None) -> str:
    width = width or 110
    paint = _painter(color)
    console = Console(record=True, width=width, color_system="standard" if color else None,
                      force_terminal=color, no_color=not color, highlight=False, soft_wrap=False,
                      file=io.StringIO())
    console.print(coverage_table(tally, lang))
    parts = [paint(message("batch-ranked-title", lang), "italic") + "\n" + ranked_grid(tally, lang).render(width, color),
             console.export_text(styles=color)]
    if tally.comparing:
        parts.append(compare_text(tally, lang, width, color))
    parts.append(paint(message("batch-totals", lang, total=len(tally.rows), passed=tally.count("passed"),
                                failed=tally.count("failed"), errors=tally.count("error")), "bold") + "\n")
    return "\n".join(parts)


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
