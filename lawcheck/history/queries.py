"""What an inspector asks of the history, each answer a :class:`Answer` (a table and its data).

Of several records of one body and year (a report sent again), the latest
counts. Only records made with the checklist in force are read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from lawcheck.document import bodies as bodies_mod
from lawcheck.judge.checklist import Checklist
from lawcheck.workflows.compare import Baseline, Previous
from lawcheck.errors import LawcheckError
from lawcheck.history.store import Store, items, reports
from lawcheck.messages import message
from lawcheck.reporters.tally import Column, Row, columns


@dataclass(frozen=True)
class Answer:
    """A table for people (header and rows of text) and the same for programs (``data``)."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    data: Any = field(default=None, compare=False)
    # the rows for a spreadsheet (CSV, XLSX), where they differ: a number in a cell of its own
    sheet: tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]] | None = field(default=None, compare=False)


def _latest(store: Store, checklist: Checklist) -> list[Any]:
    """The latest record of each body and year (bodies with no name are left out)."""
    newest = (sa.select(sa.func.max(reports.c.id).label("id"))
              .where(reports.c.checklist_id == checklist.id, reports.c.body_key.is_not(None),
                     reports.c.year.is_not(None))
              .group_by(reports.c.body_key, reports.c.year).subquery())
    query = (sa.select(reports).join(newest, reports.c.id == newest.c.id)
             .order_by(reports.c.body_key, reports.c.year))
    with store.engine.connect() as conn:
        return list(conn.execute(query))


def _statuses(store: Store, report_ids: list[int]) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = {}
    if not report_ids:
        return out
    with store.engine.connect() as conn:
        for row in conn.execute(sa.select(items.c.report_id, items.c.item_id, items.c.status)
                                .where(items.c.report_id.in_(report_ids))):
            out.setdefault(row.report_id, {})[row.item_id] = row.status
    return out


def _title(column: Column) -> str:
    """An item's title, a part's marked as under its item."""
    return ("└ " if column.depth else "") + column.title


def _status_word(status: str | None, lang: str) -> str:
    return message(f"status-{status}", lang) if status in ("met", "partial", "missing", "waived") else "—"


def _names(records: list[Any]) -> dict[str, str]:
    """Each body's name as its latest report gives it."""
    names: dict[str, str] = {}
    for r in sorted(records, key=lambda r: (r.year, r.id)):
        names[r.body_key] = r.body or r.body_key
    return names


def bodies_answer(store: Store, checklist: Checklist, lang: str) -> Answer:
    records = _latest(store, checklist)
    years = sorted({r.year for r in records})
    names = _names(records)
    by_body: dict[str, dict[int, Any]] = {}
    for r in records:
        by_body.setdefault(r.body_key, {})[r.year] = r
    rows, data, sheet = [], [], []
    for body_key in sorted(by_body, key=lambda k: names[k]):
        per_year = by_body[body_key]
        cells: list[Any] = []
        numbers: list[Any] = []
        for y in years:
            r = per_year.get(y)
            verdict = "" if r is None else message("batch-verdict-passed" if r.passed else "batch-verdict-failed", lang)
            cells.append("—" if r is None else f"{r.score:.1f} {verdict}")
            numbers += [None if r is None else round(r.score, 1), verdict]
        rows.append((names[body_key], *cells))
        sheet.append((names[body_key], *numbers))
        data.append({"body": names[body_key], "years": {str(y): {"score": r.score, "passed": r.passed,
                                                                   "path": r.path}
                                                         for y, r in sorted(per_year.items())}})
    sheet_header = (message("history-col-body", lang),
                    *(message(k, lang, year=y) for y in years for k in ("history-col-score-of", "history-col-verdict-of")))
    return Answer(message("history-bodies-title", lang), (message("history-col-body", lang), *map(str, years)),
                  tuple(rows), data, (sheet_header, tuple(sheet)))


def body_answer(store: Store, checklist: Checklist, name: str, lang: str,
                known: bodies_mod.Bodies = bodies_mod.Bodies()) -> Answer:
    found = known.identify(name)
    wanted = found[0] if found else bodies_mod.key(name)
    every = _latest(store, checklist)
    records = [r for r in every if r.body_key == wanted]
    if not records:
        raise LawcheckError("history-no-body", body=name, bodies="、".join(sorted(_names(every).values())) or "—")
    years = [r.year for r in records]
    statuses = _statuses(store, [r.id for r in records])
    rows, data = [], []
    for column in columns(checklist, lang):
        per_year = [statuses.get(r.id, {}).get(column.id) for r in records]
        rows.append((_title(column), column.id, *(_status_word(s, lang) for s in per_year)))
        data.append({"item": column.id, "title": column.title,
                     "years": {str(y): s for y, s in zip(years, per_year)}})
    scores = [f"{r.score:.1f}" for r in records]
    rows.append((message("history-score", lang), "", *scores))
    shown = _names(records)[wanted]
    return Answer(message("history-body-title", lang, body=shown),
                  (message("col-item", lang), "id", *map(str, years)), tuple(rows),
                  {"body": shown, "scores": {str(r.year): r.score for r in records}, "items": data})


def item_answer(store: Store, checklist: Checklist, item_id: str, lang: str) -> Answer:
    column = next((c for c in columns(checklist, lang) if c.id == item_id), None)
    if column is None:
        ids = ", ".join(c.id for c in columns(checklist, lang))
        raise LawcheckError("item-unknown", checklist=checklist.id, item=item_id, ids=ids)
    records = _latest(store, checklist)
    statuses = _statuses(store, [r.id for r in records])
    per_year: dict[int, dict[str, int]] = {}
    for r in records:
        counts = per_year.setdefault(r.year, {"met": 0, "partial": 0, "missing": 0, "waived": 0})
        status = statuses.get(r.id, {}).get(item_id)
        if status in counts:
            counts[status] += 1
    rows, data = [], []
    for year, counts in sorted(per_year.items()):
        total = sum(counts.values())
        share = counts["met"] / total if total else 0.0
        rows.append((str(year), total, counts["met"], counts["partial"], counts["missing"], f"{100 * share:.0f}%"))
        data.append({"year": year, "reports": total, **counts, "coverage": round(share, 3)})
    header = (message("history-col-year", lang), message("history-col-reports", lang),
              *(message(f"status-{s}", lang) for s in ("met", "partial", "missing")),
              message("batch-col-coverage", lang))
    return Answer(message("history-item-title", lang, item=column.title, id=item_id), header, tuple(rows), data)


def regressions_answer(store: Store, checklist: Checklist, year: int, lang: str) -> Answer:
    records = _latest(store, checklist)
    names = _names(records)
    by_key = {(r.body_key, r.year): r for r in records}
    pairs = [(by_key[(k, year - 1)], r) for (k, y), r in sorted(by_key.items()) if y == year and (k, year - 1) in by_key]
    statuses = _statuses(store, [r.id for pair in pairs for r in pair])
    titles = {c.id: _title(c) for c in columns(checklist, lang)}
    order = list(titles)
    rows, data = [], []
    for before, now in sorted(pairs, key=lambda p: names[p[1].body_key]):
        was, became = statuses.get(before.id, {}), statuses.get(now.id, {})
        for item_id in order:
            if was.get(item_id) == "met" and became.get(item_id) == "missing":
                rows.append((names[now.body_key], titles[item_id], item_id,
                             _status_word("met", lang), _status_word("missing", lang)))
                data.append({"body": names[now.body_key], "item": item_id, "was": "met", "now": "missing",
                             "year": year})
    header = (message("history-col-body", lang), message("col-item", lang), "id", str(year - 1), str(year))
    return Answer(message("history-regressions-title", lang, year=year, previous=year - 1), header,
                  tuple(rows), data)


class DbBaseline(Baseline):
    """``--compare db``: each report against its body's record of the year before, from the history."""

    def __init__(self, store: Store, checklist: Checklist, known: bodies_mod.Bodies) -> None:
        self.identify = bodies_mod.identifier(known, checklist.forms)
        records = _latest(store, checklist)
        statuses = _statuses(store, [r.id for r in records])
        self.previous = {(r.body_key, r.year): Previous(r.path, statuses.get(r.id, {})) for r in records}

    def find(self, row: Row) -> Previous | None:
        if row.year is None:
            return None
        return self.previous.get((self.identify(row.path, row.org).key, row.year - 1))
