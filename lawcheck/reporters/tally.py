"""A batch as rows: one small record per report, and the counts across them.

A :class:`Row` keeps what a summary needs of a report (path, body, year,
score, verdict, one status letter per item) and nothing more, so a batch of
ten thousand reports fits in a few megabytes. A :class:`Tally` collects the
rows and counts, per item, how many reports meet it, and (with ``--compare``)
what changed since last year (:class:`Delta`).

Every batch output is a *stream* (see :class:`Stream`): ``head`` once,
``add`` per report as results arrive (in path order), ``finish`` with the
tally.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from lawcheck.judge.checklist import Checklist, ItemDef
from lawcheck.document.model import ErrorResult, ReportResult, flat_items

CODES = {"met": "M", "partial": "P", "missing": "X", "waived": "W"}
STATUSES = {code: status for status, code in CODES.items()}


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
    threshold: float | None = None
    fail_on: str = "required"

    @property
    def below(self) -> bool:
        return self.score is not None and self.threshold is not None and self.score < self.threshold

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
               year=result.meta.year, codes=codes, error=result.error, threshold=result.threshold,
               fail_on=result.fail_on)


@dataclass(frozen=True)
class Delta:
    """What changed for one report since its counterpart last year."""

    previous: str  # last year's path
    regressed: tuple[str, ...] = ()
    improved: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"regressed": list(self.regressed), "improved": list(self.improved)}


@dataclass(frozen=True)
class Entry:
    """A report as it reaches the outputs: its row, the full result if any output
    needs it, and what changed since last year when comparing."""

    row: Row
    result: ReportResult | ErrorResult | None = None
    delta: Delta | None = None
    record: str | None = None  # the report's JSON record, made by the worker (see batch.run)
    fingerprint: Any = None  # its similar.Fingerprint, for copy detection (see batch.run)


@dataclass
class Tally:
    """The rows of a batch, the coverage of each column, and last year's changes."""

    columns: tuple[Column, ...]
    comparing: bool = False
    rows: list[Row] = field(default_factory=list)
    coverage: list[dict[str, int]] = field(default_factory=list)
    deltas: dict[str, Delta] = field(default_factory=dict)  # path -> changes, reports with some
    unmatched: int = 0  # reports with no counterpart last year
    # the body a row is from, (key, name), or None: set by a batch that can tell (duplicates)
    body_of: Callable[[Row], tuple[str, str] | None] | None = None
    prints: list[Any] = field(default_factory=list)  # the reports' fingerprints (copy detection)
    # what concerns the batch, not one report (two submissions, copies): settled at its end
    batch_findings: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.coverage = [{s: 0 for s in CODES} for _ in self.columns]

    def add(self, entry: Entry) -> None:
        row = entry.row
        self.rows.append(row)
        if entry.fingerprint is not None:
            self.prints.append(entry.fingerprint)
        for i, code in enumerate(row.codes[:len(self.columns)]):
            self.coverage[i][STATUSES[code]] += 1
        if self.comparing and row.error is None:
            if entry.delta is None:
                self.unmatched += 1
            elif entry.delta.regressed or entry.delta.improved:
                self.deltas[row.path] = entry.delta

    def duplicates(self) -> list[dict[str, Any]]:
        """The bodies that sent more than one report for one year: the one judged as the body's
        report (``bodies.submission_order``) and the others, as ``duplicate-submission`` entries."""
        if self.body_of is None:
            return []
        from lawcheck.document.bodies import submission_order

        groups: dict[tuple[str, int | None], tuple[str, list[Row]]] = {}
        for row in self.rows:
            who = self.body_of(row) if row.error is None else None
            if who is not None:
                groups.setdefault((who[0], row.year), (who[1], []))[1].append(row)
        found = []
        for (_, year), (name, rows) in sorted(groups.items(), key=lambda kv: (kv[1][0], kv[0][1] or 0)):
            if len(rows) > 1:
                ordered = sorted(rows, key=lambda r: submission_order(r.path))
                found.append({"id": "duplicate-submission", "body": name, "year": year, "judged": ordered[-1].path,
                              "others": [r.path for r in ordered[:-1]]})
        return found

    def count(self, verdict: str) -> int:
        return sum(r.verdict == verdict for r in self.rows)

    def ranked(self) -> list[Row]:
        """Best score first; unreadable files last; ties by path."""
        return sorted(self.rows, key=lambda r: (r.error is not None, -(r.score or 0.0), r.path))

    def missing_required(self, row: Row) -> list[Column]:
        return [c for i, c in enumerate(self.columns)
                if c.depth == 0 and c.severity == "required" and row.status(i) == "missing"]

    def partial_required(self, row: Row) -> list[Column]:
        """Required items only partly met, when the gate (``--fail-on partial``) fails them."""
        if row.fail_on != "partial":
            return []
        return [c for i, c in enumerate(self.columns)
                if c.depth == 0 and c.severity == "required" and row.status(i) == "partial"]


class Stream(Protocol):
    """A batch output written as results arrive.

    A stream that can write a report from its JSON record alone (``Entry.record``)
    says so with a class attribute ``takes_record = True``: the workers then send
    that text instead of the full result.
    """

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
