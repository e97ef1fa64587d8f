"""An answer as the inspector asked for it: a table on screen, JSON, CSV or a workbook."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from lawcheck.reporters.cells import pad, width
from lawcheck.history.queries import Answer
from lawcheck.messages.safe import inert_cell, printable

FORMATS = ("table", "json", "csv", "xlsx")


def render(answer: Answer, fmt: str) -> str | bytes:
    """The answer in ``fmt``: a table is text (for the console's encoding), the others bytes."""
    if fmt == "json":
        return (json.dumps(answer.data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
    header, rows = answer.sheet or (answer.header, answer.rows)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([inert_cell(h) for h in header])
        for row in rows:
            writer.writerow(["" if c is None else c if isinstance(c, (int, float)) else inert_cell(str(c)) for c in row])
        return ("\ufeff" + out.getvalue()).encode("utf-8")
    if fmt == "xlsx":
        return _xlsx(header, rows)
    return _table(answer)


def _table(answer: Answer) -> str:
    cells = [list(answer.header)] + [[printable(str(c)) for c in row] for row in answer.rows]
    widths = [max(width(r[i]) for r in cells) for i in range(len(answer.header))]
    lines = [answer.title, ""]
    for n, row in enumerate(cells):
        lines.append("  ".join(pad(c, w) for c, w in zip(row, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    if not answer.rows:
        lines.append("(—)")
    return "\n".join(lines) + "\n"


def _xlsx(header: tuple[str, ...], rows: tuple[tuple[Any, ...], ...]) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    from lawcheck.reporters.xlsx import header_row, text_cell, workbook_bytes

    book = Workbook(write_only=True)
    ws = book.create_sheet(title="history")
    ws.append(header_row(ws, header))
    for row in rows:  # numbers as numbers, to sort and sum
        ws.append([c if isinstance(c, (int, float)) or c is None else text_cell(ws, c) for c in row])
    return workbook_bytes(book)
