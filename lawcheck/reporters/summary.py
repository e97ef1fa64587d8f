"""The batch summary in the terminal: the ranked table, the coverage, the totals.

``render_summary`` shows the ranked table (best score first, unreadable files
last), the coverage of each item across the reports (:mod:`lawcheck.reporters.tally`),
the totals and, with ``--compare``, what changed since last year. It is
written when the batch is done (:class:`SummaryStream`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from rich.cells import cell_len
from rich.color import ColorSystem
from rich.style import Style
from rich.table import Table
from rich.text import Text

from lawcheck.judge.checklist import Checklist
from lawcheck.messages import message
from lawcheck.messages.safe import printable
from lawcheck.document.model import ErrorResult, ReportResult
from lawcheck.reporters.table import STYLES, recording_console
from lawcheck.reporters.verdict import row_reason
from lawcheck.reporters.tally import Entry, Row, Tally, collect, columns

# ---------------------------------------------------------------- the terminal view

def verdict_cell(row: Row, lang: str) -> Cell:
    style = {"passed": "green", "failed": "bold red", "error": "bold magenta"}[row.verdict]
    return message(f"batch-verdict-{row.verdict}", lang), style


Cell = tuple[str, "str | None"]  # text and its rich style


class Grid:
    """A table drawn as plain lines, one or more per row, for thousands of rows.

    rich's ``Table`` measures and folds every cell, which takes seconds for a
    few thousand reports. Here each column gets its width once; a cell longer
    than its column is cut with "…" (a path loses its folders first, then the
    middle of its file name, never the body's name it starts with nor its year
    and suffix at the end), except in the last column, which wraps onto lines
    of its own.
    """

    def __init__(self, header: Sequence[str], flexible: Sequence[float], right: Sequence[int] = (),
                 keep_end: Sequence[int] = ()) -> None:
        self.header, self.flexible = list(header), list(flexible)  # share of the spare width; 0 = fixed
        self.right, self.keep_end = set(right), set(keep_end)
        self.rows: list[list[Cell]] = []
        self.sizes: list[list[int]] = []  # each row's cells' widths, measured once (a thousand rows)

    def add_row(self, *cells: str | Cell) -> None:
        row = [(printable(c), None) if isinstance(c, str) else (printable(c[0]), c[1]) for c in cells]
        self.rows.append(row)
        self.sizes.append([cell_len(text) for text, _ in row])

    def widths(self, total: int) -> list[int]:
        natural = [max([cell_len(h)] + [sizes[i] for sizes in self.sizes]) for i, h in enumerate(self.header)]
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
        lines += [self._line(row, widths, paint, sizes) for row, sizes in zip(self.rows, self.sizes)]
        return "\n".join(lines) + "\n"

    def _line(self, cells: list[Cell], widths: list[int], paint: Callable[[str, str | None], str],
              sizes: list[int] | None = None) -> str:
        sizes = sizes or [cell_len(text) for text, _ in cells]
        out: list[str] = []
        last = len(cells) - 1
        for i, ((text, style), width) in enumerate(zip(cells, widths)):
            if i == last:
                indent = " " * (sum(widths[:-1]) + 2 * last)
                pieces = [text] if sizes[i] <= width else wrap(text, width)
                out.append("\n".join((indent if n else "") + paint(p, style) for n, p in enumerate(pieces)))
                continue
            if sizes[i] <= width:
                fitted, used = text, sizes[i]
            else:
                fitted = cut_path(text, width) if i in self.keep_end else cut(text, width)
                used = cell_len(fitted)
            pad = " " * (width - used)
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


def cut(text: str, width: int, keep_end: bool = False) -> str:
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


def cut_path(path: str, width: int) -> str:
    """A path in at most ``width`` cells: its folders go first ("…/name"), then the middle of the
    file's name ("北川镇人民…报告.txt"): what names the body starts it, the year and suffix end it."""
    if cell_len(path) <= width:
        return path
    # the folders end at the last separator (on POSIX not at a backslash: printable's escapes hold some)
    name = (path.replace(os.sep, "/") if os.sep != "/" else path).rsplit("/", 1)[-1]
    if cell_len("…/" + name) <= width:
        return "…/" + name
    if width < 4:
        return cut(name, width)
    head_cells = (width - 1) * 3 // 5  # a little more of the start, where the body's name is
    head = cut(name, head_cells + 1)[:-1]  # cut keeps a cell for its "…"
    tail = cut(name, width - cell_len(head), keep_end=True)[1:]
    return head + "…" + tail


def wrap(text: str, width: int) -> list[str]:
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
    grid = Grid(["#"] + [message(k, lang) for k in ("batch-col-report", "batch-col-org", "batch-col-year",
                                                    "batch-col-score", "batch-col-verdict", "batch-col-missing")],
                flexible=[0, 3, 2, 0, 0, 0, 4], right=(0, 4), keep_end=(1,))
    copies = {f["report"]: f for f in tally.batch_findings if f["id"] == "similar-report"}  # one a report
    if copies:
        from lawcheck.judge.similar import other_named
    for rank, row in enumerate(tally.ranked(), 1):
        if row.error is not None:
            grid.add_row(str(rank), row.path, "", "", "", verdict_cell(row, lang), (row.error, "magenta"))
            continue
        missing = row_reason(tally, row, lang)
        copy = copies.get(row.path)
        if copy is not None:
            note = message("feedback-index-similar", lang, other=other_named(copy, lang), share=round(copy["share"] * 100))
            missing = f"{missing}；{note}" if missing and lang == "zh" else f"{missing}; {note}" if missing else note
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
    orgs = {row.path: row.org for row in tally.rows}
    grid = Grid([message(k, lang) for k in ("batch-col-org", "batch-col-report", "batch-col-previous",
                                            "batch-col-regressed", "batch-col-improved")],
                flexible=[2, 3, 3, 4, 4], keep_end=(1, 2))
    for path, delta in sorted(tally.deltas.items(), key=lambda kv: (orgs.get(kv[0]) or "", kv[0])):
        grid.add_row(orgs.get(path) or message("unknown", lang), path, delta.previous,
                     (sep.join(titles.get(i, i) for i in delta.regressed), "red"),
                     (sep.join(titles.get(i, i) for i in delta.improved), "green"))
    text = _painter(color)(message("batch-compare-title", lang), "italic") + "\n" + grid.render(width, color)
    if tally.unmatched:
        text += message("batch-compare-unmatched", lang, unmatched=tally.unmatched) + "\n"
    return text


def render_tally(tally: Tally, lang: str = "zh", *, color: bool = True, width: int | None = None) -> str:
    width = width or 110
    paint = _painter(color)
    console = recording_console(width, color)
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
