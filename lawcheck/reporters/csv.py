"""``--format csv``: one row per report, one column per item's status.

UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly. A
cell a spreadsheet would evaluate (=, +, -, @ first: a file named
``=HYPERLINK(…).txt``) starts with ' so that it stays text (OWASP).
The columns: ``path, org, year, score, passed, error``, then one per item
and part (by id; values ``met``, ``partial``, ``missing``, ``waived``), then,
when comparing with last year, ``regressed`` and ``improved`` (item ids
separated by spaces). An unreadable file has its reason under ``error`` and
empty item columns. Rows are written as results arrive.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from lawcheck.checklist import Checklist
from lawcheck.messages.safe import inert_cell, printable
from lawcheck.model import ErrorResult, ReportResult
from lawcheck.tally import Entry, Tally, collect, columns

BOM = "\ufeff"
FIXED = ("path", "org", "year", "score", "passed", "error")


class CsvStream:
    needs_detail = False

    def __init__(self, checklist: Checklist, lang: str = "zh", *, comparing: bool = False, **_: object) -> None:
        self.columns = columns(checklist, lang)
        self.comparing = comparing

    def _line(self, values: Sequence[object]) -> str:
        buffer = io.StringIO()
        cells = [inert_cell(printable(v)) if isinstance(v, str) else v for v in values]
        csv.writer(buffer, lineterminator="\r\n").writerow(cells)
        return buffer.getvalue()

    def head(self) -> str:
        extra = ("regressed", "improved") if self.comparing else ()
        return BOM + self._line([*FIXED, *(c.id for c in self.columns), *extra])

    def add(self, entry: Entry) -> str:
        row = entry.row
        score = "" if row.score is None else f"{row.score:.1f}"
        values: list[object] = [row.path, row.org or "", row.year or "", score,
                                "true" if row.passed else "false", row.error or ""]
        values += [row.status(i) or "" for i in range(len(self.columns))]
        if self.comparing:
            delta = entry.delta
            values += [" ".join(delta.regressed), " ".join(delta.improved)] if delta else ["", ""]
        return self._line(values)

    def finish(self, tally: Tally) -> str:
        return ""


def render_csv(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
               **options: object) -> str:
    stream = CsvStream(checklist, lang, **options)  # type: ignore[arg-type]
    return str(collect(stream, results, Tally(stream.columns)))
