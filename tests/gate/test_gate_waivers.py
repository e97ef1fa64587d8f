"""Waivers: a waived item passes the gate with its reason; expired and unused waivers are reported."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from lawcheck.judge.waivers import Waiver

WAIVER = """\
checklist: mini.yaml
waivers:
  - item: recording
    files: "reports/town.*"
    reason: 本镇无行政执法权，执法由县综合执法局承担
    approved_by: 县司法局 王某
    expires: {expires}
"""


def settings(project: Path, expires: str = "2025-06-30", extra: str = "") -> None:
    (project / "lawcheck.yaml").write_text(WAIVER.format(expires=expires) + extra, encoding="utf-8")


def test_a_waived_item_shows_waived_with_its_reason_and_passes(project, cli):
    settings(project)
    run = cli("check", "reports/town.txt", "-f", "json")
    assert run.code == 0
    report = json.loads(run.out)["reports"][0]
    recording = next(i for i in report["items"] if i["id"] == "recording")
    assert recording["status"] == "waived"
    assert recording["waiver"] == "本镇无行政执法权，执法由县综合执法局承担"
    assert recording["credit"] == 1.0
    assert (report["score"], report["passed"]) == (100.0, True)
    assert run.err == ""


def test_the_table_shows_the_reason(project, cli):
    settings(project)
    run = cli("check", "reports/town.txt", "--no-color")
    assert "◇ 豁免" in run.out
    assert "本镇无行政执法权" in run.out


def test_a_waiver_covers_only_its_files(project, cli):
    settings(project)
    run = cli("check", "reports/partial.txt", "reports/town.txt", "-f", "json")
    reports = {r["path"]: r for r in json.loads(run.out)["reports"]}
    statuses = {r: {i["id"]: i["status"] for i in reports[r]["items"]} for r in reports}
    assert statuses["reports/town.txt"]["recording"] == "waived"
    assert statuses["reports/partial.txt"]["recording"] == "met"


def test_a_met_item_stays_met_under_a_waiver(project, cli):
    settings(project)
    (project / "lawcheck.yaml").write_text(
        (project / "lawcheck.yaml").read_text(encoding="utf-8").replace("reports/town.*", "reports/*.txt"),
        encoding="utf-8")
    run = cli("check", "reports/partial.txt", "-f", "json")
    items = {i["id"]: i for i in json.loads(run.out)["reports"][0]["items"]}
    assert items["recording"]["status"] == "met"
    assert "waiver" not in items["recording"]


def test_an_expired_waiver_stops_applying_and_is_a_finding(project, cli):
    settings(project, expires="2025-02-28")  # LAWCHECK_TODAY is 2025-03-01
    run = cli("check", "reports/town.txt", "-f", "json", "--lang", "en")
    assert run.code == 1
    report = json.loads(run.out)["reports"][0]
    assert next(i for i in report["items"] if i["id"] == "recording")["status"] == "missing"
    assert [f for f in report["findings"] if f["id"] == "waiver-expired"] == [{
        "id": "waiver-expired", "severity": "warning", "evidence": [],
        "message": "The waiver for recording expired on 2025-02-28 and no longer applies (lawcheck.yaml:3).",
    }]


def test_a_waiver_applies_on_its_last_day(project, cli):
    settings(project, expires="2025-03-01")
    assert cli("check", "reports/town.txt").code == 0


def test_lawcheck_today_must_be_a_date(project, cli, monkeypatch):
    settings(project)
    monkeypatch.setenv("LAWCHECK_TODAY", "tomorrow")
    run = cli("check", "reports/town.txt", "--lang", "en")
    assert (run.code, run.err) == (2, 'LAWCHECK_TODAY "tomorrow" is not a date in the form YYYY-MM-DD.\n')


def test_a_waiver_that_matched_no_file_is_reported_after_the_run(project, cli):
    settings(project)
    run = cli("check", "reports/partial.txt", "--lang", "en")
    assert run.code == 0
    assert run.err == "lawcheck.yaml:3: the waiver for recording (reports/town.*) matched none of the files checked.\n"


def test_a_waiver_for_an_unknown_item_is_a_located_error(project, cli):
    settings(project)
    text = (project / "lawcheck.yaml").read_text(encoding="utf-8").replace("item: recording", "item: recordings")
    (project / "lawcheck.yaml").write_text(text, encoding="utf-8")
    run = cli("check", "reports/town.txt", "--lang", "en")
    assert run.code == 2
    assert run.err == ("Settings file lawcheck.yaml has these errors:\n"
                       'lawcheck.yaml:3:11: waivers.0.item: found "recordings", '
                       "expected an item of checklist mini: adviser, recording, mediation\n")


def test_waivers_are_shown_by_config_show(project, cli):
    settings(project, expires="2025-02-01")
    run = cli("config", "show")
    assert run.out.splitlines()[-1] == (
        "豁免 recording：reports/town.*，到期 2025-02-01，批准人 县司法局 王某（lawcheck.yaml:3）（已过期）")


@pytest.mark.parametrize(("glob", "path", "covered"), [
    ("reports/*.docx", "reports/a.docx", True),
    ("reports/*.docx", "reports/2024/a.docx", False),
    ("reports/**/*.docx", "reports/2024/a.docx", True),
    ("reports/**/*.docx", "reports/a.docx", True),
    ("**/青石镇*.txt", "x/y/青石镇2024.txt", True),
    ("./reports/a?.txt", "reports/ab.txt", True),
    ("reports/a?.txt", "reports/abc.txt", False),
    ("*.txt", "../outside.txt", False),
])
def test_globs_are_relative_to_the_settings_folder(tmp_path, monkeypatch, glob, path, covered):
    base = tmp_path / "base"
    base.mkdir()
    monkeypatch.chdir(base)
    waiver = Waiver("recording", (glob,), "r", "a", dt.date(2030, 1, 1))
    assert waiver.covers(path, base) is covered
