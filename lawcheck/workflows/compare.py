"""Year over year: what each body's report lost or gained since last year's batch.

``load_baseline`` reads a previous ``--format json`` output (or ``jsonl``)
and keeps, per report, only its body, path and item statuses. A report this
year is matched to last year's by its body (``meta.org``); when the body is
unknown, or was named by two reports last year, by its file name with the
years taken out (``yunling-town-2024.docx`` ~ ``yunling-town-2023.txt``).

An item *regressed* when it was met last year and is partial or missing
now; it *improved* when it was partial or missing last year and is met now.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from lawcheck.errors import LawcheckError
from lawcheck.reporters.tally import Column, Delta, Row

_YEAR = re.compile(r"(?:19|20)\d\d")
_SEPARATORS = re.compile(r"[\s_\-.·]+")


@dataclass(frozen=True)
class Previous:
    path: str
    statuses: dict[str, str]  # item or part id -> status


def stem_key(path: str) -> str:
    """A file name without its suffix, years and separators: the same body's name every year."""
    stem = PurePath(path.replace("\\", "/")).stem
    return _SEPARATORS.sub("-", _YEAR.sub("", stem)).strip("-").casefold()


def org_key(org: str | None) -> str:
    """A body's name by the part that stays from year to year (阴平镇人民政府 = 阴平镇)."""
    from lawcheck.document.bodies import key

    return key(org) if org else ""


class Baseline:
    """Last year's reports, found by body or by file name."""

    def __init__(self, reports: list[tuple[str | None, Previous]]) -> None:
        by_org: dict[str, list[Previous]] = {}
        self.by_stem: dict[str, Previous] = {}
        for org, prev in reports:
            if org_key(org):
                by_org.setdefault(org_key(org), []).append(prev)
            self.by_stem.setdefault(stem_key(prev.path), prev)
        # A body named by two reports cannot tell them apart: use file names for it.
        self.by_org = {k: v[0] for k, v in by_org.items() if len(v) == 1}

    def find(self, row: Row) -> Previous | None:
        return self.by_org.get(org_key(row.org)) or self.by_stem.get(stem_key(row.path))

    def delta(self, row: Row, columns: tuple[Column, ...]) -> Delta | None:
        """Changes for ``row``; ``None`` when it is unreadable or had no counterpart."""
        if row.error is not None:
            return None
        prev = self.find(row)
        if prev is None:
            return None
        regressed: list[str] = []
        improved: list[str] = []
        for i, column in enumerate(columns):
            now, then = row.status(i), prev.statuses.get(column.id)
            if then == "met" and now in ("partial", "missing"):
                regressed.append(column.id)
            elif then in ("partial", "missing") and now == "met":
                improved.append(column.id)
        return Delta(prev.path, tuple(regressed), tuple(improved))


def load_baseline(path: Path) -> Baseline:
    """Read last year's JSON (or JSONL) output; a bad file is a usage error."""
    try:
        reports = [_previous(r) for r in _records(path) if isinstance(r, dict) and not r.get("error")]
    except OSError as e:
        raise LawcheckError("batch-compare-unreadable", path=str(path), error=e.strerror or str(e)) from None
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise LawcheckError("batch-compare-invalid", path=str(path), error=str(e)) from None
    return Baseline(reports)


def _records(path: Path) -> Iterator[Any]:
    with path.open(encoding="utf-8-sig") as fh:
        head = fh.readline()
        if path.suffix.lower() == ".jsonl":
            for line in [head, *fh] if head.strip() else fh:
                if line.strip():
                    yield json.loads(line)
            return
        if head.rstrip("\n") == "{":
            fh.seek(0)
            yield from _indented_reports(fh)
            return
        fh.seek(0)
        data = json.load(fh)
    yield from _reports_of(data)


def _indented_reports(lines: Iterator[str]) -> Iterator[Any]:
    """The reports of a JSON file as lawcheck writes it (indent 2), one at a time.

    Last year's output for ten thousand reports is hundreds of megabytes:
    each report object sits between a line ``    {`` and a line ``    }``
    (a JSON string holds no raw line break), so it is parsed alone and only
    its statuses are kept. What remains, with ``{}`` for each report, must be
    the envelope: a file of any other shape fails that check.
    """
    skeleton: list[str] = []
    report: list[str] | None = None
    for line in lines:
        bare = line.rstrip("\n")
        if report is None and bare == "    {":
            report = [line]
        elif report is not None:
            report.append(line)
            if bare in ("    }", "    },"):
                yield json.loads("".join(report).rstrip().rstrip(","))
                skeleton.append("{}" + bare[5:] + "\n")
                report = None
        else:
            skeleton.append(line)
    if report is not None:
        raise ValueError("the file ends inside a report")
    _reports_of(json.loads("".join(skeleton)))


def _reports_of(data: Any) -> list[Any]:
    if not isinstance(data, dict) or not isinstance(data.get("reports"), list):
        raise ValueError("no \"reports\" list: not a lawcheck --format json output")
    return data["reports"]


def _previous(record: dict[str, Any]) -> tuple[str | None, Previous]:
    statuses: dict[str, str] = {}

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            statuses[item["id"]] = item["status"]
            walk(item.get("parts") or [])

    walk(record.get("items") or [])
    meta = record.get("meta") or {}
    return meta.get("org"), Previous(str(record["path"]), statuses)
