"""Loading, validating and compiling checklists."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck.judge import checklist as checklists
from lawcheck.errors import ChecklistError

BROKEN = """\
id: Broken List
title: 测试
pass_score: 120
sections:
  plans: {headings: ["下一步"]}
items:
  - id: a
    title: 甲
    severity: must
    weight: 5
    hint: 写明。
    match: {any: [法律顾问], colour: red}
  - id: b
    title: 乙
    severity: required
    weight: 5
    hint: 写明。
    match: {in: [planz]}
"""


def test_builtin_checklist_loads_with_every_domain_item() -> None:
    compiled = checklists.load()
    ids = {item.id for item in compiled.items}
    assert {"frp-duty", "three-systems", "legal-adviser", "next-year-plans", "shortcomings",
            "measures-results", "frp-section", "other-matters", "public-lawyer", "law-reporting",
            "major-decisions", "normative-docs", "reconsideration-litigation", "transparency",
            "law-study", "dispute-resolution"} <= ids
    parts = [p.id for p in compiled.item("three-systems").parts]  # type: ignore[union-attr]
    assert parts == ["three-systems.publicity", "three-systems.recording", "three-systems.review"]
    required = {i.id for i in compiled.items if i.severity == "required"}
    assert required == {"frp-duty", "three-systems", "legal-adviser", "next-year-plans", "shortcomings",
                        "measures-results"}
    assert compiled.item("other-matters").severity == "info"  # type: ignore[union-attr]
    for item in compiled.items:
        assert item.weight > 0 and item.hint and item.basis, item.id


def test_every_problem_is_reported_at_once_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(ChecklistError) as info:
        checklists.load(str(path))
    assert info.value.render("en") == "\n".join([
        f"Checklist {path} has these errors:",
        f'{path}:1:5: id: found "Broken List", expected text matching ^[a-z0-9][a-z0-9-]*$',
        f"{path}:3:13: pass_score: found 120, expected at most 100",
        f'{path}:9:15: items.0.severity: found "must", expected one of required, recommended, info',
        f"{path}:12:26: items.0.match.colour: found unknown key 'colour', expected one of all, any, closing, "
        "deed, exclude_in, heading, in, near, none, regex, section, under",
        f"{path}:18:17: items.1.match.in: found section 'planz', expected one of plans",
    ])
    assert info.value.render("zh").startswith(f"检查清单 {path} 有以下错误：\n{path}:1:5: id:")


def test_yaml_syntax_error_is_located(tmp_path: Path) -> None:
    path = tmp_path / "syntax.yaml"
    path.write_text("id: x\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(ChecklistError) as info:
        checklists.load(str(path))
    text = info.value.render("en")
    # libyaml and PyYAML's own parser word the problem differently; the place is the same.
    assert text.startswith(f"{path}:3:1: the checklist is not valid YAML: ") and "expected ',' or ']'" in text


def test_unknown_builtin_id_lists_the_available_ones() -> None:
    with pytest.raises(ChecklistError) as info:
        checklists.load("nosuch")
    assert info.value.render("en").startswith('There is no built-in checklist named "nosuch"; available: ')
    assert "fazhi-annual-report" in info.value.render("en")


def test_duplicate_ids_and_bad_regex_are_problems() -> None:
    data = {"id": "x", "title": "t", "items": [
        {"id": "a", "title": "甲", "severity": "info", "weight": 1, "hint": "h", "match": {"regex": "(未闭合"}},
        {"id": "a", "title": "乙", "severity": "info", "weight": 1, "hint": "h", "match": {"any": ["乙"]}},
    ]}
    found = [(p.path, p.expected) for p in checklists.validate(data)]
    assert ("items.1.id", "a unique id") in found
    assert ("items.0.match.regex", "a valid regular expression") in found


def test_extends_overrides_disables_and_adds(tmp_path: Path) -> None:
    child = tmp_path / "child.yaml"
    child.write_text("""\
id: child
title: 子清单
extends: fazhi-annual-report
deadline: "03-01"
disable: [other-matters]
overrides:
  legal-adviser: {weight: 20, severity: recommended}
items:
  - id: power-list
    title: 权责清单动态调整
    severity: recommended
    weight: 3
    hint: 写明权责清单调整情况。
    match: {any: [权责清单]}
""", encoding="utf-8")
    compiled = checklists.load(str(child))
    assert compiled.id == "child" and compiled.deadline == "03-01"
    assert compiled.item("other-matters") is None
    adviser = compiled.item("legal-adviser")
    assert adviser is not None and adviser.weight == 20 and adviser.severity == "recommended"
    assert compiled.items[-1].id == "power-list"
    assert "plans" in compiled.sections


@pytest.mark.parametrize("name", checklists.builtin_ids())
def test_shipped_checklists_validate(name: str) -> None:
    # Loading a shipped checklist skips the schema (for start-up time); this keeps it honest.
    data = checklists.read_data(checklists.resolve(name))
    assert [p.render(name) for p in checklists.validate(data)] == []


def test_a_checklist_sent_to_a_spawned_worker_judges_as_it_does_here() -> None:
    # macOS and Windows start workers by spawning them: the checklist goes to them pickled, its
    # literal scan (an Aho-Corasick automaton built when it compiled) with it.
    import pickle

    from lawcheck.judge.engine import check_path

    here = checklists.load(None)
    there = pickle.loads(pickle.dumps(here))
    assert there.scan.literals == here.scan.literals and here.scan.literals
    report = Path(__file__).resolve().parents[1] / "examples" / "linchuan-county-traps-2024.txt"
    assert check_path(report, there) == check_path(report, here)
