"""Waivers: an approved, dated exception that lets a known gap pass the gate.

A waiver lives in ``lawcheck.yaml``::

    waivers:
      - item: frp-section
        files: "reports/2024/*.docx"     # glob(s) relative to lawcheck.yaml
        reason: 本部门报告按省厅模板编写，第一责任人情况并入第一部分
        approved_by: 依法治县办 张某
        expires: 2025-06-30

A waived item that is not met shows status ``waived`` with the reason; it
counts as met in the score and no longer fails the gate. Once ``expires`` is
past (compared with today, or ``LAWCHECK_TODAY=YYYY-MM-DD``), the waiver stops
applying and each report it would have covered gets a ``waiver-expired``
finding. A waiver whose glob matched none of the checked reports is reported
after the run (see :func:`unused`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from lawcheck.errors import LawcheckError
from lawcheck.messages import message
from lawcheck.document.model import Finding, ItemResult, ReportResult
from lawcheck.judge.scoring import passes, score

TODAY_ENV = "LAWCHECK_TODAY"


@dataclass(frozen=True)
class Waiver:
    item: str
    files: tuple[str, ...]
    reason: str
    approved_by: str
    expires: dt.date
    where: str = ""  # FILE:LINE of the waiver in the settings file

    def expired(self, today: dt.date) -> bool:
        return today > self.expires

    def covers(self, report: str, base_dir: Path) -> bool:
        """Whether one of the globs matches ``report`` (a path as given), relative to ``base_dir``."""
        try:
            relative = Path(report).resolve().relative_to(base_dir.resolve()).as_posix()
        except ValueError:
            return False
        return any(_glob(g).fullmatch(relative) for g in self.files)


def today() -> dt.date:
    """Today's date, or the one pinned by ``LAWCHECK_TODAY`` (for tests and reproducible runs)."""
    pinned = os.environ.get(TODAY_ENV)
    if not pinned:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise LawcheckError("waiver-today", value=pinned) from None


@lru_cache(maxsize=256)
def _glob(pattern: str) -> "re.Pattern[str]":
    """A glob as a regex: ``**/`` spans folders, ``*`` and ``?`` stay within one."""
    out, i = [], 0
    pattern = pattern.removeprefix("./")
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def apply(result: ReportResult, waivers: Sequence[Waiver], base_dir: Path,
          fail_on: str = "required", lang: str = "zh", on: dt.date | None = None) -> ReportResult:
    """The result with the waivers that cover it applied, re-scored and re-judged."""
    if not waivers:
        return result
    day = on or today()
    mine = [w for w in waivers if w.covers(result.path, base_dir)]
    live = {w.item: w for w in mine if not w.expired(day)}
    expired = [w for w in mine if w.expired(day)]
    items = tuple(_waive(i, live[i.id]) if i.id in live else i for i in result.items)
    findings = result.findings + tuple(_expired_finding(w, lang) for w in expired)
    if items == result.items and not expired:
        return result
    value = score(items)
    return replace(result, items=items, score=value, findings=findings,
                   passed=passes(items, value, result.threshold, fail_on), fail_on=fail_on)


def _waive(item: ItemResult, waiver: Waiver) -> ItemResult:
    if item.status == "met":
        return item  # nothing to excuse: keep the evidence
    return item._replace(status="waived", credit=1.0, waiver=waiver.reason)


def _expired_finding(waiver: Waiver, lang: str) -> Finding:
    return Finding(id="waiver-expired", severity="warning",
                   message=message("waiver-expired", lang, item=waiver.item, expires=waiver.expires.isoformat(),
                                   where=waiver.where))


def unused(waivers: Sequence[Waiver], paths: Sequence[str], base_dir: Path) -> list[Waiver]:
    """The waivers whose globs matched none of ``paths``."""
    return [w for w in waivers if not any(w.covers(p, base_dir) for p in paths)]


def parse(entries: Any, where: Any) -> tuple[Waiver, ...]:
    """Waivers from validated settings data; ``where(index)`` gives each one's FILE:LINE."""
    out = []
    for i, e in enumerate(entries or []):
        files = (e["files"],) if isinstance(e["files"], str) else tuple(e["files"])
        out.append(Waiver(item=e["item"], files=files, reason=str(e["reason"]).strip(),
                          approved_by=str(e["approved_by"]), expires=dt.date.fromisoformat(e["expires"]),
                          where=where(i)))
    return tuple(out)
