"""Hand labels, and lawcheck's agreement with them.

Two forms are read. The YAML of corpus/labels.yaml maps a report file
(relative to the labels file) to the statuses a careful reader gives each item
(a list where several are acceptable), the findings a reader would raise, and
what the report says of itself: the year it describes (``body_year``), its
title's year (``title_year``), the reporting body (``org``) and the date of
issue (``date``, YYYY-MM-DD). A label of ``null`` says the report does not tell.

A label table (``.tsv``, the form of corpus/openings/index.tsv) has a row per
report: ``file``, the columns of items (``frp``, ``three_systems``, its parts
``publicity``, ``recording``, ``review``, ``legal_adviser``, ``plans``,
``shortcomings``: yes, partial or no), ``report_year``, the body (``org``,
``org_full``, ``org_in_text``) and ``placeholders`` (yes or no). Its body name
is right when one name holds the other, empty, or wrong: a name that is
neither (worse than none).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lawcheck.reporters.cells import pad
from lawcheck.judge.checklist import Checklist
from lawcheck.judge.engine import Options, check_path
from lawcheck.errors import LawcheckError, ReadError
from lawcheck.messages import message
from lawcheck.document.model import ItemResult, Meta, ReportResult, flat_items


@dataclass
class ItemScore:
    agree: int = 0
    total: int = 0
    tp: int = 0  # "met" said and accepted
    fp: int = 0  # "met" said, not accepted
    fn: int = 0  # "met" was the only answer, something else said

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass
class Evaluation:
    items: dict[str, ItemScore] = field(default_factory=dict)
    disagreements: list[str] = field(default_factory=list)
    findings_ok: int = 0
    findings_total: int = 0
    findings_extra: list[str] = field(default_factory=list)
    crashes: int = 0
    meta: dict[str, ItemScore] = field(default_factory=dict)  # "year", "title_year", "org", "date"
    names: dict[str, int] | None = None  # a label table's body names: right, empty, wrong

    @property
    def agree(self) -> int:
        return sum(s.agree for s in self.items.values())

    @property
    def total(self) -> int:
        return sum(s.total for s in self.items.values())


def flatten(items: tuple[ItemResult, ...]) -> dict[str, str]:
    """Item and part ids to their statuses."""
    return {i.id: i.status for i in flat_items(items)}


def load_labels(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise LawcheckError("labels-invalid", path=str(path), error=str(e).splitlines()[0]) from None
    if not isinstance(data, dict):
        raise LawcheckError("labels-invalid", path=str(path), error="not a mapping")
    return data


# a label table's columns -> the items they judge; its statuses -> lawcheck's
TABLE_ITEMS = {"frp": "frp-duty", "three_systems": "three-systems", "publicity": "three-systems.publicity",
               "recording": "three-systems.recording", "review": "three-systems.review",
               "legal_adviser": "legal-adviser", "plans": "next-year-plans", "shortcomings": "shortcomings"}
TABLE_STATUS = {"yes": "met", "partial": "partial", "no": "missing"}


def measure(labels_path: Path, checklist: Checklist, options: Options = Options()) -> Evaluation:
    """How far lawcheck agrees with the labels in ``labels_path``, item by item."""
    if labels_path.suffix.lower() == ".tsv":
        return measure_table(labels_path, checklist, options)
    labels = load_labels(labels_path)
    result = Evaluation()
    for name in sorted(labels):
        want = labels[name] or {}
        expected: dict[str, Any] = want.get("items") or {}
        report = _checked(result, labels_path.parent, name, checklist, options)
        if report is None:
            continue
        _measure_meta(result, name, want, report.meta, options.lang)
        got = flatten(report.items)
        for item_id, status in expected.items():
            accepted = status if isinstance(status, list) else [status]
            _score(result, name, item_id, got.get(item_id), accepted, status, options.lang)
        raised = {f.id for f in report.findings}
        wanted = set(want.get("findings") or [])
        for f in sorted(wanted):
            result.findings_total += 1
            if f in raised:
                result.findings_ok += 1
            else:
                result.disagreements.append(message("eval-finding-missed", options.lang, name=name, finding=f))
        for f in sorted(raised - wanted):
            result.findings_extra.append(message("eval-finding-extra", options.lang, name=name, finding=f))
    return result


def load_table(path: Path) -> list[dict[str, str]]:
    """The rows of a label table (tab-separated, UTF-8, a header row naming ``file``)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise LawcheckError("labels-invalid", path=str(path), error=str(e).splitlines()[0]) from None
    if not rows or "file" not in rows[0]:
        raise LawcheckError("labels-invalid", path=str(path), error="no header row with a 'file' column")
    return rows


def measure_table(path: Path, checklist: Checklist, options: Options = Options()) -> Evaluation:
    """How far lawcheck agrees with a label table: each item column exactly, the year, the body
    name (right, empty or wrong) and whether placeholders were left."""
    result = Evaluation(names={"right": 0, "empty": 0, "wrong": 0})
    for row in load_table(path):
        name = (row.get("file") or "").strip()
        if not name:
            continue
        report = _checked(result, path.parent, name, checklist, options)
        if report is None:
            continue
        got = flatten(report.items)
        for column, item_id in TABLE_ITEMS.items():
            wanted = TABLE_STATUS.get((row.get(column) or "").strip())
            if wanted is not None:
                _score(result, name, item_id, got.get(item_id), [wanted], wanted, options.lang)
        year = (row.get("report_year") or "").strip()
        if year:
            _score_meta(result, name, "year", report.meta.year, int(year), options.lang)
        if (row.get("placeholders") or "").strip() in ("yes", "no"):
            raised = any("placeholder" in f.id for f in report.findings)
            _score_meta(result, name, "placeholders", "yes" if raised else "no", row["placeholders"].strip(),
                        options.lang)
        if (row.get("org_in_text") or "").strip() == "yes":
            _score_name(result, name, report.meta.org, [row.get("org") or "", row.get("org_full") or ""],
                        options.lang)
    return result


def _checked(result: Evaluation, folder: Path, name: str, checklist: Checklist,
             options: Options) -> ReportResult | None:
    """The labelled report ``name`` checked; None, counted as a crash, when it cannot be read."""
    try:
        return check_path(folder / name, checklist, options)
    except ReadError as e:
        result.crashes += 1
        result.disagreements.append(f"{name}: {e.render(options.lang)}")
        return None


def _score(result: Evaluation, name: str, item_id: str, said: str | None, accepted: list[str], label: Any,
           lang: str) -> None:
    score = result.items.setdefault(item_id, ItemScore())
    ok = said in accepted
    score.total += 1
    score.agree += ok
    if said == "met":
        score.tp += ok
        score.fp += not ok
    elif accepted == ["met"]:
        score.fn += 1
    if not ok:
        result.disagreements.append(message("eval-item", lang, name=name, item=item_id, said=said, label=label))


def _score_meta(result: Evaluation, name: str, attribute: str, said: Any, wanted: Any, lang: str) -> None:
    score = result.meta.setdefault(attribute, ItemScore())
    score.total += 1
    ok = said == wanted
    score.agree += ok
    if not ok:
        result.disagreements.append(message("eval-meta", lang, name=name, attribute=attribute, said=said,
                                            label=wanted))


def _score_name(result: Evaluation, name: str, said: str | None, labelled: list[str], lang: str) -> None:
    """A body name read against the labelled ones: right when one holds the other (as written or
    normalised: 三張鎮 is 三张镇), empty, or wrong."""
    from lawcheck.document.text import norm

    names = [n.strip() for n in labelled if n and n.strip()]
    assert result.names is not None
    if not said:
        result.names["empty"] += 1
        result.disagreements.append(message("eval-org-empty", lang, name=name, label=" / ".join(names)))
        return
    forms = [(said, n) for n in names] + [(norm(said), norm(n)) for n in names]
    if any(a == b or a in b or b in a for a, b in forms):
        result.names["right"] += 1
        return
    result.names["wrong"] += 1
    result.disagreements.append(message("eval-org-wrong", lang, name=name, said=said, label=" / ".join(names)))


# label key -> what lawcheck read (a Meta attribute)
META_LABELS = {"body_year": "year", "title_year": "title_year", "org": "org", "date": "date"}


def _measure_meta(result: Evaluation, name: str, want: dict[str, Any], meta: Meta, lang: str) -> None:
    for key, attribute in META_LABELS.items():
        if key not in want:
            continue
        wanted = want[key]
        said = getattr(meta, attribute)
        score = result.meta.setdefault(attribute, ItemScore())
        score.total += 1
        ok = said == (str(wanted) if attribute == "date" and wanted is not None else wanted)
        score.agree += ok
        if not ok:
            result.disagreements.append(message("eval-meta", lang, name=name, attribute=attribute, said=said,
                                                label=wanted))


def render(ev: Evaluation, lang: str = "zh") -> str:
    """The per-item table, the disagreements, and one closing line (scripts read its English form)."""
    head = message("eval-head", lang).split("|")
    lines = [pad(head[0], 30) + " " + pad(head[1], 9, right=True) + " " + pad(head[2], 10, right=True) + " "
             + pad(head[3], 8, right=True)]
    for item_id in sorted(ev.items):
        s = ev.items[item_id]
        p = "-" if s.precision is None else f"{s.precision:.2f}"
        r = "-" if s.recall is None else f"{s.recall:.2f}"
        lines.append(f"{item_id:30} {s.agree:>4}/{s.total:<4} {p:>10} {r:>8}")
    lines.extend(["", *ev.disagreements, *ev.findings_extra])
    if ev.names is not None:
        lines.append(message("eval-names", lang, **ev.names))
    if ev.meta:
        agreed = sum(s.agree for s in ev.meta.values())
        total = sum(s.total for s in ev.meta.values())
        parts = " ; ".join(f"{key} {s.agree}/{s.total}" for key, s in sorted(ev.meta.items()))
        lines.append(message("eval-metadata", lang, agreed=agreed, total=total, pct=100.0 * agreed / total,
                             parts=parts))
    pct = 100.0 * ev.agree / ev.total if ev.total else 0.0
    lines.append(message("eval-agreement", lang, agreed=ev.agree, total=ev.total, pct=pct, ok=ev.findings_ok,
                         findings=ev.findings_total, extra=len(ev.findings_extra), unreadable=ev.crashes))
    return "\n".join(lines) + "\n"
