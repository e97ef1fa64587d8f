"""``--format csv``: one row per report, one column per item's status.

UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly. A
cell a spreadsheet would evaluate (=, +, -, @ first: a file named
``=HYPERLINK(…).txt``) starts with ' so that it stays text (OWASP).
In Chinese (the default) the columns are 报告, 单位, 年度, 得分 (a number), 结论 (通过 /
未通过), 无法读取的原因, then one per item and part by its title (符合, 部分符合, 缺失,
豁免), then, when comparing with last year, 退步项 and 进步项 (titles separated by 、).
With ``--lang en`` they are the machine's: ``path, org, year, score, passed, error``,
one per item and part by id (``met``, ``partial``, ``missing``, ``waived``), ``regressed``
and ``improved`` (ids separated by spaces). An unreadable file has its reason under the
error column and empty item columns. Rows are written as results arrive.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from lawcheck.judge.checklist import Checklist
from lawcheck.messages import message
from lawcheck.messages.safe import inert_cell, printable
from lawcheck.document.model import ErrorResult, ReportResult
from lawcheck.reporters.tally import Entry, Tally, collect, columns

BOM = "\ufeff"
FIXED = ("path", "org", "year", "score", "passed", "error")
SAID = ("met", "partial", "missing", "waived", "true", "false", "regressed", "improved")


class CsvStream:
    needs_detail = False

    def __init__(self, checklist: Checklist, lang: str = "zh", *, comparing: bool = False, **_: object) -> None:
        self.columns = columns(checklist, lang)
        self.comparing = comparing
        self.words = lang != "en"  # words for people, else the ids (and titles for people, else item ids)
        self.fixed = [message(f"csv-{k}", lang) for k in FIXED]
        self.said = {k: message(f"csv-{k}", lang) for k in SAID}  # looked up in every cell: made once
        self.titles = {c.id: c.title.strip() for c in self.columns}

    def _word(self, value: object) -> str:
        """A status, a verdict (True, False) or a column's word in the CSV's language."""
        key = str(value).lower() if isinstance(value, bool) else str(value)
        return self.said.get(key, key)

    def _line(self, values: Sequence[object]) -> str:
        buffer = io.StringIO()
        cells = [inert_cell(printable(v)) if isinstance(v, str) else v for v in values]
        csv.writer(buffer, lineterminator="\r\n").writerow(cells)
        return buffer.getvalue()

    def head(self) -> str:
        extra = [self._word(k) for k in ("regressed", "improved")] if self.comparing else []
        named = [c.title.strip() if self.words else c.id for c in self.columns]
        return BOM + self._line([*self.fixed, *named, *extra])

    def add(self, entry: Entry) -> str:
        row = entry.row
        score = "" if row.score is None else f"{row.score:.1f}"
        values: list[object] = [row.path, row.org or "", row.year or "", score,
                                "" if row.error is not None and self.words else self._word(bool(row.passed)),
                                row.error or ""]
        values += [self._word(status) if (status := row.status(i)) else "" for i in range(len(self.columns))]
        if self.comparing:
            delta = entry.delta
            values += [self._ids(delta.regressed), self._ids(delta.improved)] if delta else ["", ""]
        return self._line(values)

    def _ids(self, ids: Sequence[str]) -> str:
        return "、".join(self.titles.get(i, i) for i in ids) if self.words else " ".join(ids)

    def finish(self, tally: Tally) -> str:
        return ""


def render_csv(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
               **options: object) -> str:
    stream = CsvStream(checklist, lang, **options)  # type: ignore[arg-type]
    return str(collect(stream, results, Tally(stream.columns)))
