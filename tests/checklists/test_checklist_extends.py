"""``extends``: a checklist built on another, with overrides, disabled items, new items and sections."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck.judge import checklist as checklists
from lawcheck.errors import ChecklistError

BASE = """\
id: base
title: 基础清单
version: "1"
pass_score: 70
deadline: "04-01"
sections:
  plans: {headings: ["下一步"]}
items:
  - id: adviser
    title: 法律顾问
    severity: required
    weight: 10
    exclude_in: [plans]
    match: {any: [法律顾问]}
    hint: 写明法律顾问
  - id: recording
    title: 全过程记录
    severity: required
    weight: 10
    match: {any: [全过程记录]}
    hint: 写明全过程记录
  - id: mediation
    title: 调解
    severity: recommended
    weight: 5
    match: {any: [调解]}
    hint: 写明调解
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def load_error(path: Path) -> str:
    with pytest.raises(ChecklistError) as caught:
        checklists.load(str(path))
    return caught.value.render("en")


def test_a_child_inherits_overrides_disables_and_adds(tmp_path):
    write(tmp_path, "base.yaml", BASE)
    child = write(tmp_path, "child.yaml", """\
id: child
title: 子清单
extends: base.yaml
deadline: "03-01"
sections:
  rights: {headings: ["权责清单"]}
disable: [mediation]
overrides:
  recording: {weight: 4, severity: recommended}
  duty-list: {weight: 6}
items:
  - id: duty-list
    title: 权责清单
    severity: required
    weight: 3
    match: {any: [权责清单], in: [rights]}
    exclude_in: [plans]
    hint: 写明权责清单
""")
    merged = checklists.load(str(child))
    assert (merged.id, merged.title, merged.version, merged.pass_score, merged.deadline) == (
        "child", "子清单", "1", 70.0, "03-01")
    assert [(i.id, i.severity, i.weight) for i in merged.items] == [
        ("adviser", "required", 10.0), ("recording", "recommended", 4.0), ("duty-list", "required", 6.0)]
    assert sorted(merged.sections) == ["plans", "rights"]


def test_a_child_item_with_a_base_id_replaces_it_in_place(tmp_path):
    write(tmp_path, "base.yaml", BASE)
    child = write(tmp_path, "child.yaml", """\
id: child
title: 子清单
extends: base.yaml
items:
  - {id: adviser, title: 公职律师, severity: recommended, weight: 2, match: {any: [公职律师]}, hint: 写明公职律师}
""")
    merged = checklists.load(str(child))
    assert [(i.id, i.title, i.weight) for i in merged.items] == [
        ("adviser", "公职律师", 2.0), ("recording", "全过程记录", 10.0), ("mediation", "调解", 5.0)]


def test_a_built_in_checklist_can_be_extended_by_id(tmp_path):
    child = write(tmp_path, "child.yaml", "id: mine\ntitle: 我的清单\nextends: fazhi-annual-report\n"
                                         "disable: [other-matters]\n")
    merged = checklists.load(str(child))
    base = checklists.load("fazhi-annual-report")
    assert [i.id for i in merged.items] == [i.id for i in base.items if i.id != "other-matters"]
    assert merged.sections.keys() == base.sections.keys()


def test_chains_merge_in_order(tmp_path):
    write(tmp_path, "base.yaml", BASE)
    write(tmp_path, "middle.yaml", "id: middle\ntitle: 中\nextends: base.yaml\noverrides: {adviser: {weight: 7}}\n")
    top = write(tmp_path, "top.yaml", "id: top\ntitle: 顶\nextends: middle.yaml\noverrides: {adviser: {weight: 9}}\n"
                                      "disable: [recording]\n")
    assert [(i.id, i.weight) for i in checklists.load(str(top)).items] == [("adviser", 9.0), ("mediation", 5.0)]


def test_a_child_may_use_the_base_sections_beside_its_own(tmp_path):
    # Before: a child declaring any section of its own was told the base's 'plans' did not exist.
    write(tmp_path, "base.yaml", BASE)
    child = write(tmp_path, "child.yaml", """\
id: child
title: 子清单
extends: base.yaml
sections:
  rights: {headings: ["权责清单"]}
items:
  - {id: duty-list, title: 权责清单, severity: required, weight: 3, match: {any: [权责清单]},
     exclude_in: [plans, rights], hint: 写明}
""")
    assert checklists.load(str(child)).item("duty-list").exclude_in == ("plans", "rights")


def test_unknown_ids_and_sections_in_a_child_are_located(tmp_path):
    # Before: a typo in disable/overrides was silently ignored, and so was an unknown section.
    write(tmp_path, "base.yaml", BASE)
    child = write(tmp_path, "child.yaml", """\
id: child
title: 子清单
extends: base.yaml
disable: [mediation, mediaton]
overrides:
  recordin: {weight: 1}
items:
  - {id: duty-list, title: 权责清单, severity: required, weight: 3, match: {any: [权责清单], in: [plan]},
     hint: 写明}
""")
    assert load_error(child) == (
        f"Checklist {child} has these errors:\n"
        f"{child}:4:22: disable.1: found \"mediaton\", expected an item of the base checklist: "
        "adviser, recording, mediation\n"
        f"{child}:6:3: overrides.recordin: found \"recordin\", expected an item of this checklist or its base: "
        "adviser, recording, mediation, duty-list\n"
        f"{child}:8:90: items.0.match.in: found section 'plan', expected one of plans"
    )


def test_an_unknown_section_without_declared_sections_is_reported(tmp_path):
    # Before: with no 'sections' at all, any section name passed and the clause never held.
    path = write(tmp_path, "alone.yaml", """\
id: alone
title: 独立清单
items:
  - {id: a, title: 甲, severity: required, weight: 1, match: {any: [甲], in: [plans]}, hint: 写明}
""")
    assert load_error(path) == (
        f"Checklist {path} has these errors:\n"
        f"{path}:4:76: items.0.match.in: found section 'plans', expected a section declared under 'sections'"
    )


def test_an_unknown_base_is_located(tmp_path):
    child = write(tmp_path, "child.yaml", "id: child\ntitle: 子清单\nextends: no-such-list\n")
    assert load_error(child) == (
        f"Checklist {child} has these errors:\n"
        f"{child}:3:10: extends: found \"no-such-list\", expected a built-in checklist "
        f"({', '.join(checklists.builtin_ids())}) or a YAML file beside this one"
    )


def test_a_cycle_is_reported(tmp_path):
    write(tmp_path, "a.yaml", "id: a\ntitle: 甲\nextends: b.yaml\n")
    b = write(tmp_path, "b.yaml", "id: b\ntitle: 乙\nextends: a.yaml\n")
    assert load_error(b) == f"Checklist {b.resolve()} extends itself in a loop."


def test_invalid_regexes_in_sections_are_located(tmp_path):
    # Before: a bad heading pattern surfaced only when compiled, without a place.
    path = write(tmp_path, "bad.yaml", """\
id: bad
title: 坏清单
sections:
  plans: {headings: ["下一步(工作"]}
items:
  - {id: a, title: 甲, severity: required, weight: 1, match: {any: [甲]}, hint: 写明}
""")
    assert load_error(path) == (
        f"Checklist {path} has these errors:\n{path}:4:22: sections.plans.headings.0: "
        "found the regex '下一步(工作' (missing ) at position 6), expected a valid regular expression")


def test_the_report_parts_name_items_of_the_checklist(tmp_path):
    path = write(tmp_path, "parts.yaml", """\
id: parts
title: 分部分清单
parts:
  - {item: a, holds: [b, c]}
  - item: plans
items:
  - {id: a, title: 甲, severity: required, weight: 1, match: {any: [甲]}, hint: 写明}
  - id: b
    title: 乙
    severity: required
    weight: 1
    hint: 写明
    parts:
      items:
        - {id: c, title: 丙, match: {any: [丙]}}
""")
    assert load_error(path) == (
        f"Checklist {path} has these errors:\n"
        f"{path}:5:11: parts.1.item: found item 'plans', expected the id of an item of this checklist"
    )
    path.write_text(path.read_text(encoding="utf-8").replace("  - item: plans\n", ""), encoding="utf-8")
    assert [(p.item, p.holds) for p in checklists.load(str(path)).parts] == [("a", ("b", "c"))]
