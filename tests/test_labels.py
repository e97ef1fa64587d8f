"""Our own labelled reports: lawcheck must agree with every label (the accuracy gate)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

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


def test_labelled_set_covers_the_registers_of_real_reports() -> None:
    labels = yaml.safe_load((ROOT / "tests" / "labelled" / "labels.yaml").read_text(encoding="utf-8"))
    assert len(labels) >= 64
    assert {Path(name).suffix for name in labels} >= {".txt", ".html", ".htm"}
    # the reporting body and the date are labelled for every report added for real-report judgement
    assert sum(1 for want in labels.values() if "org" in want and "date" in want) >= 40


def test_eval_reports_metadata_agreement(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("青禾街道2024年法治政府建设年度报告\n2024年，街道法律顾问审核合同20份。\n青禾街道办事处\n"
                      "二〇二五年一月九日\n", encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    labels.write_text("r.txt:\n  title_year: 2024\n  body_year: 2024\n  org: 青禾街道\n  date: 2025-01-09\n"
                      "  items: {legal-adviser: met}\n", encoding="utf-8")
    result = lawcheck("eval", str(labels), "--lang", "en")
    assert result.code == 1
    assert "r.txt: org: lawcheck read 青禾街道办事处, the label says 青禾街道" in result.out
    assert "metadata 3/4 (75.0%): date 1/1 ; org 0/1 ; title_year 1/1 ; year 1/1" in result.out


def test_eval_command_reports_disagreements(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("青禾街道2024年法治政府建设年度报告\n一、主要工作\n法律顾问审核合同20份。\n", encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    labels.write_text("r.txt:\n  items:\n    legal-adviser: missing\n    frp-duty: missing\n", encoding="utf-8")
    result = lawcheck("eval", str(labels), "--lang", "en")
    assert result.code == 1
    assert "r.txt: legal-adviser: lawcheck says met, the label says missing" in result.out
    assert result.out.rstrip().endswith(
        "agreement 1/2 (50.0%) ; findings 0/0 ; extra findings 1 ; unreadable 0")
    assert "r.txt: finding thin-evidence raised, not in the labels" in result.out


def test_eval_speaks_chinese_by_default(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("青禾街道2024年法治政府建设年度报告\n一、主要工作\n法律顾问审核合同20份。\n", encoding="utf-8")
    labels = tmp_path / "labels.yaml"
    labels.write_text("r.txt:\n  items:\n    legal-adviser: missing\n", encoding="utf-8")
    result = lawcheck("eval", str(labels))
    assert result.out.splitlines()[0].split() == ["条目", "一致", "精确率", "召回率"]
    assert "r.txt：legal-adviser：lawcheck 判为 met，标注为 missing" in result.out
    assert result.out.rstrip().endswith("一致 0/1（0.0%）；提示 0/0；多出的提示 1；无法读取 0")


@pytest.mark.parametrize("labels", LABEL_SETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_sentence_is_shown_both_as_evidence_and_as_a_near_miss(labels: Path) -> None:
    from lawcheck.engine import check_path
    from lawcheck.model import flat_items

    fazhi = checklists.load()
    for name in yaml.safe_load(labels.read_text(encoding="utf-8")):
        for item in flat_items(check_path(labels.parent / name, fazhi).items):
            shown = {(e.block, e.text) for e in item.evidence}
            both = [n.text for n in item.near_misses if (n.block, n.text) in shown]
            assert not both, (name, item.id, both)
