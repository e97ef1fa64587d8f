"""Batch outputs that are one document for the whole run (junit, sarif, github).

A JUnit file, a SARIF log or a run's workflow annotations describe every report
at once, so the results are kept as they arrive and rendered when the batch
ends, by the same renderer ``lawcheck check`` uses: one ``<testsuites>``
document, one SARIF run over all reports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lawcheck.judge.checklist import Checklist
from lawcheck.document.model import ErrorResult, ReportResult
from lawcheck.reporters.tally import Entry, Tally


class Collected:
    needs_detail = True

    def __init__(self, checklist: Checklist, lang: str = "zh", *, render: Callable[..., Any],
                 fail_on: str = "required", **_: object) -> None:
        self.checklist, self.lang, self.render, self.fail_on = checklist, lang, render, fail_on
        self.results: list[ReportResult | ErrorResult] = []

    def head(self) -> str:
        return ""

    def add(self, entry: Entry) -> str:
        if entry.result is not None:
            self.results.append(entry.result)
        return ""

    def finish(self, tally: Tally) -> str:
        return str(self.render(self.results, self.checklist, self.lang, fail_on=self.fail_on))
