"""``--format md``: the batch summary as Markdown, for a wiki page or an e-mail.

The same content as the terminal summary: the totals, the ranked table (best
score first, unreadable files last), the coverage of each item, and, when
comparing with last year, the reports whose items changed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from lawcheck.judge.checklist import Checklist
from lawcheck.messages import message
from lawcheck.messages.safe import printable
from lawcheck.document.model import ErrorResult, ReportResult
from lawcheck.reporters.verdict import row_reason
from lawcheck.reporters.tally import Entry, Tally, collect, columns


def text(value: object) -> str:
    """Words as Markdown shows them: control characters as escapes, HTML as text (a report named
    ``<img src=x onerror=…>.docx`` is a name on the wiki page, not an element)."""
    return html.escape(printable(str(value)), quote=False)


def cell(value: object) -> str:
    """A table cell: pipes escaped, line breaks folded."""
    return " ".join(text(value).split()).replace("|", "\\|")


def table(header: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[int] = ()) -> list[str]:
    aligns = ["---:" if i in right else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "| " + " | ".join(aligns) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return lines


def _ranked(tally: Tally, lang: str) -> list[str]:
    unknown = message("unknown", lang)
    rows = []
    for rank, row in enumerate(tally.ranked(), 1):
        verdict = message(f"batch-verdict-{row.verdict}", lang)
        if row.error is not None:
            rows.append([rank, row.path, "", "", "", verdict, row.error])
        else:
            missing = row_reason(tally, row, lang)
            rows.append([rank, row.path, row.org or unknown, row.year or unknown, f"{row.score:.1f}",
                         verdict, missing])
    header = ["#"] + [message(k, lang) for k in ("batch-col-report", "batch-col-org", "batch-col-year",
                                                   "batch-col-score", "batch-col-verdict", "batch-col-missing")]
    return table(header, rows, right=(0, 4))


def _coverage(tally: Tally, lang: str) -> list[str]:
    readable = len(tally.rows) - tally.count("error")
    rows = []
    for column, counts in zip(tally.columns, tally.coverage):
        share = f"{100 * counts['met'] / readable:.0f}%" if readable else "—"
        label = ("└ " if column.depth else "") + column.title
        rows.append([label, column.id, message(f"severity-{column.severity}", lang), counts["met"],
                     counts["partial"], counts["missing"], counts["waived"], share])
    header = [message("col-item", lang), "id", message("batch-col-severity", lang),
              *(message(f"status-{s}", lang) for s in ("met", "partial", "missing", "waived")),
              message("batch-col-coverage", lang)]
    return table(header, rows, right=(3, 4, 5, 6, 7))


def _compare(tally: Tally, lang: str) -> list[str]:
    lines = [f"## {message('batch-compare-title', lang)}", ""]
    if not tally.deltas:
        return lines + [message("batch-compare-none", lang, unmatched=tally.unmatched), ""]
    titles = {c.id: c.title for c in tally.columns}
    sep = "、" if lang == "zh" else ", "
    rows = [[path, d.previous, sep.join(titles.get(i, i) for i in d.regressed),
             sep.join(titles.get(i, i) for i in d.improved)] for path, d in sorted(tally.deltas.items())]
    header = [message(k, lang) for k in ("batch-col-report", "batch-col-previous", "batch-col-regressed",
                                         "batch-col-improved")]
    lines += table(header, rows) + [""]
    if tally.unmatched:
        lines += [message("batch-compare-unmatched", lang, unmatched=tally.unmatched), ""]
    return lines


def render_tally(tally: Tally, checklist: Checklist, lang: str = "zh") -> str:
    readable = len(tally.rows) - tally.count("error")
    title = checklist.title_in(lang)
    lines = [f"# {text(message('batch-md-title', lang, title=title))}", "",
             message("batch-totals", lang, total=len(tally.rows), passed=tally.count("passed"),
                     failed=tally.count("failed"), errors=tally.count("error")), "",
             f"## {message('batch-ranked-title', lang)}", "", *_ranked(tally, lang), "",
             f"## {message('batch-coverage-title', lang, count=readable)}", "", *_coverage(tally, lang), ""]
    if tally.comparing:
        lines += _compare(tally, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


class MarkdownStream:
    needs_detail = False

    def __init__(self, checklist: Checklist, lang: str = "zh", **_: object) -> None:
        self.checklist, self.lang = checklist, lang

    def head(self) -> str:
        return ""

    def add(self, entry: Entry) -> str:
        return ""

    def finish(self, tally: Tally) -> str:
        return render_tally(tally, self.checklist, self.lang)


def render_markdown(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
                    **options: object) -> str:
    stream = MarkdownStream(checklist, lang)
    return str(collect(stream, results, Tally(columns(checklist, lang))))
