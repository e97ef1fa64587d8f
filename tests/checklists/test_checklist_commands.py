"""``lawcheck checklist validate | schema | list | show | test`` and ``lawcheck explain``."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from lawcheck.judge import checklist as checklists

BROKEN = """\
id: Broken List
title: 坏清单
pass_score: 120
sections:
  plans: {headings: ["下一步"]}
items:
  - id: adviser
    title: 法律顾问
    severity: must
    weight: ten
    match: {any: [法律顾问], in: [plan]}
    hint: 写明
  - id: adviser
    title: 第二个
    severity: required
    weight: 1
    hint: 写明
    colour: red
"""

GOOD = """\
id: tiny
title: 小清单
sections:
  plans: {headings: ["下一步"]}
items:
  - id: adviser
    title: 法律顾问
    severity: required
    weight: 10
    exclude_in: [plans]
    match:
      all:
        - any: [法律顾问]
        - near: {any: [审核, 审查], within: 10}
    partial: {any: [法律顾问]}
    partial_in: [future]
    hint: 写明法律顾问审核了什么
    examples:
      met: ["法律顾问全年审核合同12份。"]
      partial: ["聘请法律顾问1名。", "下一步将发挥法律顾问作用。"]
      missing: ["尚未聘请法律顾问。"]
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_reports_every_problem_at_once(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "broken.yaml", BROKEN)
    run = cli("checklist", "validate", "broken.yaml")
    assert run.code == 2
    assert run.out == ""
    assert run.err == (
        "broken.yaml:1:5: id: found \"Broken List\", expected text matching ^[a-z0-9][a-z0-9-]*$\n"
        "broken.yaml:3:13: pass_score: found 120, expected at most 100\n"
        "broken.yaml:9:15: items.0.severity: found \"must\", expected one of required, recommended, info\n"
        "broken.yaml:10:13: items.0.weight: found \"ten\", expected a number\n"
        "broken.yaml:11:30: items.0.match.in: found section 'plan', expected one of plans\n"
        "broken.yaml:13:5: items.1: found a mapping, expected exactly one of 'match', 'parts'\n"
        "broken.yaml:13:9: items.1.id: found 'adviser' again, expected a unique id\n"
        "broken.yaml:18:5: items.1.colour: found unknown key 'colour', expected one of basis, context, examples, "
        "exclude_in, hint, hint_en, id, match, min_count, partial, partial_credit, partial_in, parts, severity, "
        "title, title_en, traps, weight\n"
    )


def test_validate_a_good_checklist(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "tiny.yaml", GOOD)
    run = cli("checklist", "validate", "tiny.yaml", "--lang", "en")
    assert (run.code, run.out, run.err) == (0, "tiny.yaml: the checklist is valid (tiny, 1 items).\n", "")


def test_validate_broken_yaml(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "bad.yaml", "id: x\nitems: [\n")
    run = cli("checklist", "validate", "bad.yaml", "--lang", "en")
    assert run.code == 2
    assert run.err.startswith("bad.yaml:3:1: the checklist is not valid YAML: ")


def test_validate_checks_what_an_extending_checklist_names(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "child.yaml", "id: child\ntitle: 子\nextends: fazhi-annual-report\ndisable: [legal-advisor]\n")
    run = cli("checklist", "validate", "child.yaml")
    assert run.code == 2
    assert run.err.startswith("child.yaml:4:11: disable.0: found \"legal-advisor\", expected an item of the base "
                              "checklist: frp-duty, three-systems, legal-adviser,")


def test_schema_prints_the_packaged_json_schema(cli):
    run = cli("checklist", "schema")
    packaged = resources.files("lawcheck.judge.checklist").joinpath("schema.json").read_text(encoding="utf-8")
    assert (run.code, run.out) == (0, packaged)
    assert json.loads(run.out)["title"] == "lawcheck checklist"


def test_list_shows_the_built_in_checklists(cli):
    run = cli("checklist", "list")
    assert run.code == 0
    assert [line.split()[0] for line in run.out.splitlines()] == checklists.builtin_ids()


def test_show_prints_items_with_severity_weight_and_basis(cli):
    run = cli("checklist", "show", "fazhi-annual-report", "--lang", "en")
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0] == "Annual report on building a rule-of-law government (fazhi-annual-report, version 2025.1)"
    assert "legal-adviser  Use of legal advisers" in lines
    assert "    required · weight 10 · basis: 关于推行法律顾问制度和公职律师公司律师制度的意见（2016）" in lines
    assert "    └ three-systems.recording  Recording the whole enforcement process" in lines


def test_show_an_unknown_checklist(cli):
    run = cli("checklist", "show", "nope", "--lang", "en")
    assert run.code == 2
    assert run.err.startswith('There is no built-in checklist named "nope"')


def test_test_runs_the_examples(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "tiny.yaml", GOOD)
    run = cli("checklist", "test", "tiny.yaml", "--lang", "en")
    assert (run.code, run.err) == (0, "")
    assert run.out == (
        "PASS  adviser [met] 法律顾问全年审核合同12份。\n"
        "PASS  adviser [partial] 聘请法律顾问1名。\n"
        "PASS  adviser [partial] 下一步将发挥法律顾问作用。\n"
        "PASS  adviser [missing] 尚未聘请法律顾问。\n"
        "4 passed, 0 failed\n"
    )


def test_test_fails_on_a_wrong_example(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "tiny.yaml", GOOD.replace('missing: ["尚未聘请法律顾问。"]', 'missing: ["法律顾问审核合同3份。"]'))
    run = cli("checklist", "test", "tiny.yaml", "--lang", "en")
    assert run.code == 1
    assert run.out.splitlines()[-3:] == [
        "FAIL  adviser [missing] 法律顾问审核合同3份。",
        "      expected missing, got met",
        "3 passed, 1 failed",
    ]


def test_test_needs_examples(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "bare.yaml", GOOD.split("    examples:")[0])
    run = cli("checklist", "test", "bare.yaml", "--lang", "en")
    assert (run.code, run.err) == (2, "bare.yaml has no examples to test.\n")


def test_test_checks_labelled_fixtures(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "tiny.yaml", GOOD)
    fixtures = tmp_path / "fixtures"
    fixtures.mkdir()
    write(fixtures, "a.txt", "甲镇2024年法治政府建设情况报告\n\n一、主要举措\n镇法律顾问全年审核合同8份。\n")
    write(fixtures, "b.txt", "乙镇2024年法治政府建设情况报告\n\n一、主要举措\n聘请法律顾问1名。\n")
    write(fixtures, "expected.yaml", "a.txt:\n  items: {adviser: met}\nb.txt:\n  items: {adviser: [met, missing]}\n")
    run = cli("checklist", "test", "tiny.yaml", "--fixtures", "fixtures", "--lang", "en")
    assert run.code == 1
    assert run.out.splitlines()[4:] == [
        "PASS  adviser [met] a.txt",
        "FAIL  adviser [met|missing] b.txt",
        "      expected met|missing, got partial",
        "5 passed, 1 failed",
    ]


def test_test_fixtures_need_labels_yaml(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "tiny.yaml", GOOD)
    (tmp_path / "empty").mkdir()
    run = cli("checklist", "test", "tiny.yaml", "--fixtures", "empty", "--lang", "en")
    assert (run.code, run.err) == (2, "Fixtures folder empty does not exist or has no labels.yaml "
                                      "(the labels format of lawcheck eval).\n")


def test_fixtures_and_eval_read_the_same_labels_file(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "tiny.yaml", GOOD)
    fixtures = tmp_path / "fixtures"
    fixtures.mkdir()
    write(fixtures, "a.txt", "甲镇2024年法治政府建设情况报告\n\n一、主要举措\n镇法律顾问全年审核合同8份。\n")
    write(fixtures, "labels.yaml", "a.txt:\n  items: {adviser: met}\n")
    assert cli("checklist", "test", "tiny.yaml", "--fixtures", "fixtures").code == 0
    assert cli("eval", "fixtures/labels.yaml", "-c", "tiny.yaml").code == 0


@pytest.mark.parametrize("name", ["county-department", "fazhi-annual-report"])
def test_validate_takes_a_built_in_id_as_every_subcommand_does(cli, name):
    run = cli("checklist", "validate", name, "--lang", "en")
    assert run.code == 0, run.err
    assert f"the checklist is valid ({name}," in run.out


def test_explain_renders_the_match_in_words(cli):
    run = cli("explain", "legal-adviser")
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0] == "legal-adviser  法律顾问作用发挥（必备，权重 10）"
    assert lines[1] == "依据：关于推行法律顾问制度和公职律师公司律师制度的意见（2016）"
    assert lines[2].startswith("符合：同一句中依次满足：出现“法律顾问”、“公职律师”之一；并且在前一处匹配之后 40 字以内，出现“审查”")
    assert lines[-2].startswith("建议：写明政府法律顾问")
    assert lines[-1] == "（形如：[甲/乙] 为其中之一，…… 为中间隔几个字，(甲) 为可有可无，× 为数字）"


def test_explain_says_patterns_and_parts_as_people_name_them(cli):
    run = cli("explain", "three-systems.review")
    assert run.code == 0
    assert "正则" not in run.out and "/(" not in run.out  # no raw regular expression
    assert "不计入这些部分中的表述：存在的问题、下一年度安排" in run.out  # titles, not ids
    assert ("出现形如“[重大行政决策/行政决策/重大决策/决策/合同/协议/规范性文件/政策/公平竞争]……"
            "[合法性审查/合法性审核/法制审核/法制审查]”的表述" in run.out)
    plans = cli("explain", "next-year-plans").out
    assert "“下一年度安排”部分：标题形如“下一[年度/年/步]”、“下一年度……[安排/计划/打算/思路/任务/重点/目标]”、" \
           "“[19/20]××年……(工作)[安排/计划/打算/思路]”" in plans


def test_explain_every_match_kind_in_english(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "kinds.yaml", """\
id: kinds
title: 各种写法
sections:
  plans: {headings: ["下一步"], title: {zh: 下一步打算, en: next steps}}
items:
  - id: every
    title: 每一种
    severity: recommended
    weight: 1
    basis: 测试依据
    match:
      any:
        - all: [{any: [甲]}, {near: {any: [乙], within: 5}}, {none: [丙]}]
        - {regex: "丁{year}", exclude_in: [plans]}
        - {in: [plans], under: [戊]}
        - {section: {name: plans, min_chars: 9}}
        - {heading: "己"}
    min_count: 2
    context: {negation: false}
    hint: 写明
""")
    run = cli("explain", "every", "-c", "kinds.yaml", "--lang", "en")
    assert run.code == 0, run.err
    assert run.out == (
        "every  每一种 (recommended, weight 1)\n"
        "Basis: 测试依据\n"
        "Met when: in the same sentence, in order: one of \"甲\" occurs; and within 5 characters of the previous "
        "match, one of \"乙\" occurs; and none of \"丙\" occurs in the sentence, or wording shaped like "
        "\"丁<the report's year>\" occurs; and outside the \"next steps\" part, or inside the \"next steps\" part; "
        "and under a heading naming \"戊\", or a heading opens the \"next steps\" part, with at least 9 characters "
        "under it, or a heading is shaped like \"己\"\n"
        "At least 2 sentences must hold\n"
        "Never counted: negated mentions (未, 尚未, 不到位…), intentions rather than work done (将, 拟, 下一步…), "
        "mentions inside a 《》 title\n"
        "Default checks switched off here: negation\n"
        "the \"next steps\" part: a heading shaped like \"下一步\"\n"
        "Advice: 写明\n"
    )


def test_explain_an_unknown_item(cli):
    run = cli("explain", "legal-advisor", "--lang", "en")
    assert run.code == 2
    assert run.err.startswith('Checklist fazhi-annual-report has no item "legal-advisor"; available: frp-duty,')


@pytest.mark.parametrize("name", checklists.builtin_ids())
def test_every_built_in_checklist_validates(cli, name):
    run = cli("checklist", "validate", str(checklists.builtin_dir() / f"{name}.yaml"))
    assert run.code == 0, run.err


def test_a_multi_line_example_is_a_report_of_several_paragraphs(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "plans.yaml", """\
id: plans
title: 安排
sections:
  plans: {headings: ["下一步"]}
items:
  - id: training-planned
    title: 下一年度安排培训
    severity: info
    weight: 1
    match: {any: [培训], in: [plans]}
    hint: 写明培训计划
    examples:
      met: ["四、下一步工作安排\\n组织执法人员培训2期。"]
      missing: ["组织执法人员培训2期。"]
""")
    run = cli("checklist", "test", "plans.yaml", "--lang", "en")
    assert (run.code, run.out) == (0, "PASS  training-planned [met] 四、下一步工作安排 ⏎ 组织执法人员培训2期。\n"
                                      "PASS  training-planned [missing] 组织执法人员培训2期。\n"
                                      "2 passed, 0 failed\n")


def test_explain_a_finding(cli):
    run = cli("explain", "year-mismatch")
    assert (run.code, run.out) == (0, "year-mismatch  标题年度与正文年度不一致\n"
                                      "标题写的年度与正文所写工作的年度（正文中出现最多的年份，不计下一年度安排部分和《》文件名）不一致时提示。\n"
                                      "检查清单 fazhi-annual-report 运行此项检查。\n")


def test_explain_says_the_years_in_words(cli):
    run = cli("explain", "next-year-plans")
    assert run.code == 0 and "{next_year}" not in run.out and "{year}" not in run.out
    assert "标题如“四、下一年度推进法治政府建设的主要安排”" in run.out
