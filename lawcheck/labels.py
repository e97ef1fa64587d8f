"""Hand labels, and lawcheck's agreement with them (the format of corpus/labels.yaml).

Labels map a report file (relative to the labels file) to the statuses a
careful reader gives each item (a list where several are acceptable), the
findings a reader would raise, and what the report says of itself: the year
it describes (``body_year``), its title's year (``title_year``), the reporting
body (``org``) and the date of issue (``date``, YYYY-MM-DD). A label of
``null`` says the report does not tell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lawcheck.cells import pad
from lawcheck.checklist import Checklist
from lawcheck.engine import Options, check_path
from lawcheck.errors import LawcheckError, ReadError
from lawcheck.messages import message
from lawcheck.model import ItemResult, Meta, flat_items


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


def measure(labels_path: Path, checklist: Checklist, options: Options = Options()) -> Evaluation:
    """How far lawcheck agrees with the labels in ``labels_path``, item by item."""
    labels = load_labels(labels_path)
    result = Evaluation()
    for name in sorted(labels):
        want = labels[name] or {}
        expected: dict[str, Any] = want.get("items") or {}
        try:
            report = check_path(labels_path.parent / name, checklist, options)
        except ReadError as e:
            result.crashes += 1
            result.disagreements.append(f"{name}: {e.render(options.lang)}")
            continue
        _measure_meta(result, name, want, report.meta, options.lang)
        got = flatten(report.items)
        for item_id, status in expected.items():
            accepted = status if isinstance(status, list) else [status]
            score = result.items.setdefault(item_id, ItemScore())
            said = got.get(item_id)
            ok = said in accepted
            score.total += 1
            score.agree += ok
            if said == "met":
                score.tp += ok
                score.fp += not ok
            elif accepted == ["met"]:
                score.fn += 1
            if not ok:
                result.disagreements.append(message("eval-item", options.lang, name=name, item=item_id, said=said,
                                                    label=status))
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
