"""Our own labelled reports: lawcheck must agree with every label (the accuracy gate)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck import checklist as checklists
from lawcheck.labels import measure as evaluate, render
from tests.cli.conftest import ROOT, lawcheck

LABEL_SETS = [ROOT / "examples" / "labels.yaml", ROOT / "tests" / "labelled" / "labels.yaml"]


@pytest.mark.parametrize("labels", LABEL_SETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_label_agrees(labels: Path) -> None:
    ev = evaluate(labels, checklists.load())
    assert ev.disagreements == [] and ev.crashes == 0, render(ev)
    assert ev.total >= 50 and ev.findings_ok == ev.findings_total


def test_labelled_set_covers_every_trap() -> None:
    files = sorted((ROOT / "tests" / "labelled").glob("*.txt"))
    assert len(files) >= 12


def test_eval_command_reports_disagreements(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("青禾街道2024年法治政府建设年度报告\n一、主要工作\n法律顾问审核合同20份。\n", encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    labels.write_text("r.txt:\n  items:\n    legal-adviser: missing\n    frp-duty: missing\n", encoding="utf-8")
    result = lawcheck("eval", str(labels))
    assert result.code == 1
    assert "r.txt: legal-adviser: lawcheck says met, the label says missing" in result.out
    assert result.out.rstrip().endswith(
        "agreement 1/2 (50.0%) ; findings 0/0 ; extra findings 1 ; unreadable 0")
    assert "r.txt: finding thin-evidence raised, not in the labels" in result.out
