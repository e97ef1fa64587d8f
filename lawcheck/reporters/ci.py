"""What the CI formats (junit, sarif, github) share: which items fail the gate, and their text.

An item *fails the gate* when ``scoring.failing_items`` says so under the run's
``--fail-on`` (passed to renderers as the ``fail_on`` option); the other items
that are not met are still reported, as warnings.
"""

from __future__ import annotations

from lawcheck.judge.checklist import Checklist
from lawcheck.messages import message
from lawcheck.document.model import ItemResult, ReportResult
from lawcheck.judge.scoring import failing_items

# The SARIF / workflow-command level of an item that is not met but does not fail the gate.
LEVELS = {"required": "warning", "recommended": "warning", "info": "note"}


def failing(result: ReportResult, fail_on: str = "required") -> set[str]:
    """Ids of the items of ``result`` that fail the gate."""
    return {i.id for i in failing_items(result.items, fail_on)}


def title(item: ItemResult, checklist: Checklist, lang: str) -> str:
    return checklist.item_title(item, lang)


def hint(item: ItemResult, checklist: Checklist, lang: str) -> str:
    return checklist.item_hint(item, lang)


def line_of(item: ItemResult) -> int | None:
    """The report line the item is best located at: its evidence, else its closest miss."""
    lines = [e.line for e in item.evidence] + [n.line for n in item.near_misses]
    return next((line for line in lines if line is not None), None)


def problem(item: ItemResult, checklist: Checklist, lang: str) -> str:
    """What is wrong with an item that is not met, with the closest text found."""
    name = title(item, checklist, lang)
    if item.status == "waived":
        return message("ci-waived", lang, title=name, reason=item.waiver or "")
    key = "ci-missing" if item.status == "missing" else "ci-partial"
    text = message(key, lang, title=name, hint=hint(item, checklist, lang))
    closest = item.evidence[0].text if item.status == "partial" and item.evidence else (
        item.near_misses[0].text if item.near_misses else "")
    if closest:
        text += "\n" + message("ci-near", lang, text=closest)
    return text


def score_problem(result: ReportResult, lang: str) -> str | None:
    """The message when the score is below the pass mark, else None."""
    if result.score >= result.threshold:
        return None
    return message("ci-score-failed", lang, score=f"{result.score:.1f}", threshold=f"{result.threshold:g}")
