"""Our own labelled reports: lawcheck must agree with every label (the accuracy gate)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lawcheck.judge import checklist as checklists
from lawcheck.workflows.labels import measure as evaluate, render
from tests.cli.conftest import ROOT, lawcheck

LABEL_SETS = [ROOT / "examples" / "labels.yaml", ROOT / "tests" / "labelled" / "labels.yaml",
              ROOT / "tests" / "labelled" / "policy" / "index.tsv"]
POLICY = ROOT / "tests" / "labelled" / "policy" / "index.tsv"


@pytest.mark.parametrize("labels", LABEL_SETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_label_agrees(labels: Path) -> None:
    ev = evaluate(labels, checklists.load())
    assert ev.disagreements == [] and ev.crashes == 0, render(ev)
    assert ev.total >= 50 and ev.findings_ok == ev.findings_total


def test_the_policy_set_exercises_each_case_of_the_policy() -> None:
    """Forty reports of our own, labelled under DOMAIN.md's "How an inspector judges"."""
    import csv

    rows = list(csv.DictReader(POLICY.open(encoding="utf-8"), delimiter="\t"))
    assert len(rows) >= 40
    by_note = {r["notes"]: r for r in rows}
    expected = {  # the policy's cases, and the verdict each must carry
        "bare claim only": ("frp", "partial"),
        "the county head chairs a meeting on it, no 第一责任人": ("frp", "yes"),
        "leaders in general study law": ("frp", "partial"),
        "a normative 要 sentence only (a county's report, telling others)": ("frp", "no"),
        "decision review only": ("review", "no"),
        "enforcement decisions in a list reviewed for legality": ("review", "yes"),
        "village advisers only": ("legal_adviser", "no"),
        "当前和今后一个时期 is not a plan; no plans part": ("plans", "no"),
        "only 现将…报告如下 names the body": ("org", "清源县"),
        "only 我镇: no name": ("org", ""),
    }
    for note, (column, value) in expected.items():
        assert by_note[note][column] == value, note
    for column in ("frp", "legal_adviser"):
        assert {r[column] for r in rows} == {"yes", "partial", "no"}, column


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
    from lawcheck.judge.engine import check_path
    from lawcheck.document.model import flat_items

    from lawcheck.workflows.labels import load_table

    fazhi = checklists.load()
    names = ([r["file"] for r in load_table(labels)] if labels.suffix == ".tsv"
             else yaml.safe_load(labels.read_text(encoding="utf-8")))
    for name in names:
        for item in flat_items(check_path(labels.parent / name, fazhi).items):
            shown = {(e.block, e.text) for e in item.evidence}
            both = [n.text for n in item.near_misses if (n.block, n.text) in shown]
            assert not both, (name, item.id, both)


def test_eval_reads_a_label_table_and_tells_body_names_right_empty_or_wrong(tmp_path: Path) -> None:
    texts = {"a.txt": "2024年，青禾街道全年审核合同20份，街道法律顾问列席主任办公会8次。\n",
             "b.txt": "2024年，我镇推进依法行政。\n",
             "c.txt": "青禾镇2024年法治政府建设情况报告\n全年调解纠纷40件。\n"}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    table = tmp_path / "index.tsv"
    table.write_text("file\treport_year\torg\torg_full\torg_in_text\tfrp\tlegal_adviser\tplaceholders\n"
                     "a.txt\t2024\t青禾街道\t\tyes\tno\tyes\tno\n"
                     "b.txt\t2024\t柳湾镇\t\tyes\tno\tno\tno\n"
                     "c.txt\t2024\t白沙镇\t\tyes\tno\tpartial\tno\n", encoding="utf-8")
    result = lawcheck("eval", str(table), "--lang", "en")
    assert result.code == 1
    assert "b.txt: org empty, the label says 柳湾镇" in result.out
    assert "c.txt: WRONG org 青禾镇, the label says 白沙镇" in result.out
    assert "c.txt: legal-adviser: lawcheck says missing, the label says partial" in result.out
    assert "body names: right 1 ; empty 1 ; wrong 1" in result.out
    assert "metadata 6/6 (100.0%): placeholders 3/3 ; year 3/3" in result.out
    assert result.out.rstrip().endswith("agreement 5/6 (83.3%) ; findings 0/0 ; extra findings 0 ; unreadable 0")


def test_a_label_table_without_a_file_column_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "index.tsv"
    table.write_text("name\tfrp\nx.txt\tyes\n", encoding="utf-8")
    result = lawcheck("eval", str(table), "--lang", "en")
    assert result.code == 2
    assert result.err.strip() == f"Labels file {table} cannot be read: no header row with a 'file' column."
