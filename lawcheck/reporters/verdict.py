"""Why a report failed, said the same way in every output.

A report fails when its score is under the pass mark, when a required item is
missing, or (``--fail-on partial``) when a required item is only partly met.
:func:`reasons` lists those as records (for JSON); :func:`because` says them
in one sentence of the user's language (table, HTML, annotations, comments,
the batch summary).
"""

from __future__ import annotations

from typing import Any

from lawcheck.judge.checklist import Checklist
from lawcheck.messages import listed, message
from lawcheck.document.model import ReportResult
from lawcheck.judge.scoring import failing_items
from lawcheck.reporters.tally import Row, Tally


def reasons(result: ReportResult) -> list[dict[str, Any]]:
    """What fails the report, as plain records; empty when it passes."""
    out: list[dict[str, Any]] = []
    if result.below:
        out.append({"kind": "score", "score": result.score, "threshold": result.threshold})
    failing = failing_items(result.items, result.fail_on)
    for status in ("missing", "partial"):
        ids = [i.id for i in failing if i.status == status]
        if ids:
            out.append({"kind": status, "items": ids})
    return out


def because(result: ReportResult, checklist: Checklist, lang: str) -> str:
    """The reasons in words ("" when the report passes)."""
    if result.passed:
        return ""
    parts = []
    for reason in reasons(result):
        if reason["kind"] == "score":
            parts.append(message("why-score", lang, score=f"{result.score:.1f}", threshold=f"{result.threshold:g}"))
        else:
            titles = [checklist.item_title(i, lang) for i in result.items if i.id in reason["items"]]
            parts.append(message(f"why-{reason['kind']}", lang, items=listed(titles, lang)))
    return message("why", lang, reasons=message("why-sep", lang).join(parts))


def row_reason(tally: Tally, row: Row, lang: str) -> str:
    """A batch row's reason: the required items missing (as the column always listed them), then
    the score under the pass mark and the partial items the gate refuses."""
    sep = "、" if lang == "zh" else ", "
    parts = [sep.join(c.title for c in tally.missing_required(row))]
    if row.below and row.score is not None and row.threshold is not None:
        parts.append(message("why-score", lang, score=f"{row.score:.1f}", threshold=f"{row.threshold:g}"))
    partial = tally.partial_required(row)
    if partial:
        parts.append(message("why-partial", lang, items=sep.join(c.title for c in partial)))
    return message("why-sep", lang).join(p for p in parts if p)
