"""Hand labels, and lawcheck's agreement with them (the format of corpus/labels.yaml).

Labels map a report file (relative to the labels file) to the statuses a
careful reader gives each item (a list where several are acceptable), the
years, and the findings a reader would raise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lawcheck.checklist import Checklist
from lawcheck.engine import Options, check_path
from lawcheck.errors import LawcheckError, ReadError
from lawcheck.model import ItemResult, flat_items


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
                result.disagreements.append(f"{name}: {item_id}: lawcheck says {said}, the label says {status}")
        raised = {f.id for f in report.findings}
        wanted = set(want.get("findings") or [])
        for f in sorted(wanted):
            result.findings_total += 1
            if f in raised:
                result.findings_ok += 1
            else:
                result.disagreements.append(f"{name}: finding {f} not raised")
        for f in sorted(raised - wanted):
            result.findings_extra.append(f"{name}: finding {f} raised, not in the labels")
    return result


def render(ev: Evaluation) -> str:
    lines = [f"{'item':30} {'agree':>9} {'precision':>10} {'recall':>8}"]
    for item_id in sorted(ev.items):
        s = ev.items[item_id]
        p = "-" if s.precision is None else f"{s.precision:.2f}"
        r = "-" if s.recall is None else f"{s.recall:.2f}"
        lines.append(f"{item_id:30} {s.agree:>4}/{s.total:<4} {p:>10} {r:>8}")
    lines.extend(["", *ev.disagreements, *ev.findings_extra])
    pct = 100.0 * ev.agree / ev.total if ev.total else 0.0
    lines.append(f"agreement {ev.agree}/{ev.total} ({pct:.1f}%) ; findings {ev.findings_ok}/{ev.findings_total}"
                 f" ; extra findings {len(ev.findings_extra)} ; unreadable {ev.crashes}")
    return "\n".join(lines) + "\n"
