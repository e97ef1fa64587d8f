"""Domain knowledge as checklist data: trap and section labels, roles, findings, cues."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest

from lawcheck.judge import checklist as checklists
from lawcheck.judge.engine import check_document, check_path
from lawcheck.document.model import RawBlock, Source
from lawcheck.document.structure import build

TRAPS = """\
id: village
title: 村居法律顾问
version: "1"
sections:
  nextyear:
    role: plans
    label: {zh: 写在明年打算里, en: written among next year's plans}
    headings: ["明年打算"]
findings: [title-form]
items:
  - id: adviser
    title: 政府法律顾问
    severity: required
    weight: 10
    exclude_in: [nextyear]
    match: {any: [法律顾问]}
    traps:
      - reason: village-help
        label: {zh: 村里的法律顾问只服务村民, en: a village adviser serves villagers}
        any: [村法律顾问]
      - reason: town-help
        any: [镇法律顾问]
    hint: 写明政府法律顾问的作用
"""

REPORT = """\
云岭镇2024年法治政府建设年度报告
全镇各村都有村法律顾问，驻村开展服务。
镇法律顾问参加了调解。
一、明年打算
将聘请法律顾问参与重大决策。
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def traps(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path, "village.yaml", TRAPS), write(tmp_path, "report.txt", REPORT)


def test_a_trap_reason_prints_its_own_label_or_its_name_in_the_table(traps, cli) -> None:
    checklist, report = traps
    run = cli("check", str(report), "-c", str(checklist), "--no-color")
    assert "（村里的法律顾问只服务村民）" in flat(run.out)
    assert "reason-" not in run.out and "{}" not in run.out
    english = cli("check", str(report), "-c", str(checklist), "--no-color", "--lang", "en")
    assert "(avillageadviserservesvillagers)" in flat(english.out).replace("（", "(").replace("）", ")")


def flat(table: str) -> str:
    """The table's text without borders, spaces and line breaks (cells wrap)."""
    return "".join(ch for ch in table if not ch.isspace() and ch not in "│┃")


def test_near_misses_say_why_in_every_output(traps, cli, tmp_path) -> None:
    checklist, report = traps
    compiled = checklists.load(str(checklist))
    result = check_path(report, compiled)
    reasons = {n.reason for n in result.items[0].near_misses}
    assert reasons == {"village-help", "town-help", "nextyear"}
    words = {compiled.reason_label(r, "zh") for r in reasons}
    # An unlabelled reason falls back to its name; a section's reason to its label.
    assert words == {"村里的法律顾问只服务村民", "town-help", "写在明年打算里"}

    page = cli("check", str(report), "-c", str(checklist), "--format", "html").out
    assert all(w in page for w in words) and "reason-" not in page

    out = tmp_path / "summary.xlsx"
    assert cli("batch", str(report), "-c", str(checklist), "-o", str(out), "--quiet").code == 1
    sheet = openpyxl.load_workbook(out).worksheets[2]  # the report's own sheet
    cells = {c.value for row in sheet.iter_rows() for c in row}
    assert "村里的法律顾问只服务村民" in cells and not any(str(c).startswith("reason-") for c in cells)


def test_word_comments_carry_the_trap_label(tmp_path, cli) -> None:
    checklist = write(tmp_path, "village.yaml", TRAPS)
    doc = docx.Document()
    for line in REPORT.splitlines():
        doc.add_paragraph(line)
    report = tmp_path / "report.docx"
    doc.save(report)
    out = tmp_path / "out.docx"
    assert cli("annotate", str(report), "-c", str(checklist), "-o", str(out)).code == 1
    comments = [c.text for c in docx.Document(out).comments]
    assert any("村里的法律顾问只服务村民" in c for c in comments), comments
    assert not any("reason-" in c for c in comments)


def test_a_checklist_runs_only_the_findings_it_names(traps) -> None:
    checklist, report = traps
    compiled = checklists.load(str(checklist))
    # A title without year or subject, and placeholders: only the named finding is raised.
    source = Source("r.txt", "txt", (RawBlock("关于村居工作的说明", line=1), RawBlock("XX村有××名顾问。", line=2)))
    result = check_document(build(source), compiled)
    assert [f.id for f in result.findings] == ["title-form"]  # no placeholders, year or deadline checks
    bare = checklists.compile_checklist({**_data(checklist), "findings": []})
    assert check_document(build(source), bare).findings == ()


def _data(path: Path) -> dict:
    return dict(checklists.read_data(path))


def test_a_section_plays_the_plans_role_by_its_role_not_its_name(traps) -> None:
    checklist, report = traps
    compiled = checklists.load(str(checklist))
    assert compiled.sections["nextyear"].role == "plans"
    result = check_path(report, compiled)
    near = {n.reason: n for n in result.items[0].near_misses}
    # Inside the plans part, intent wording is expected: the reason is the part, not "future".
    assert "future" not in near and near["nextyear"].text == "将聘请法律顾问参与重大决策。"


def test_cue_lists_come_from_the_base_and_a_checklist_may_add_to_them(tmp_path) -> None:
    text = TRAPS.replace("findings: [title-form]", "findings: []\ncues:\n  negation_before: {add: [不曾]}")
    compiled = checklists.load(str(write(tmp_path, "cues.yaml", text)))
    assert not checklists.validate(checklists.read_data(tmp_path / "cues.yaml"))
    source = Source("r.txt", "txt", (RawBlock("镇政府不曾聘请法律顾问。", line=1),
                                     RawBlock("镇政府尚未聘请法律顾问。", line=2)))
    item = check_document(build(source), compiled).items[0]
    assert item.status == "missing" and {n.reason for n in item.near_misses} == {"negated"}
    base = checklists.load(str(write(tmp_path, "base.yaml", TRAPS)))
    assert check_document(build(source), base).items[0].status == "met"  # 不曾 is not a base cue


def test_a_bad_cue_regex_is_located(tmp_path) -> None:
    text = TRAPS.replace("findings: [title-form]", "cues:\n  future: {add: ['将(']}")
    problems = checklists.validate(checklists.read_data(write(tmp_path, "bad.yaml", text)))
    assert [p.path for p in problems] == ["cues.future.add.0"]


def test_the_built_in_checklist_labels_every_reason_it_can_give() -> None:
    fazhi = checklists.load()
    reasons = set(fazhi.sections) | {t.reason for i in fazhi.items for d in (i, *i.parts) for t in d.traps}
    for reason in reasons:
        for lang in ("zh", "en"):
            assert fazhi.reason_label(reason, lang) != reason, (reason, lang)
    assert set(fazhi.finding_ids) == {"year-mismatch", "plan-year", "placeholders", "title-form", "deadline",
                                      "stale-wording", "thin-evidence"}
    assert fazhi.finding_label("deadline", "zh") == "晚于规定的公开期限"
    assert fazhi.finding_label("deadline", "en") == "Published after the deadline"
