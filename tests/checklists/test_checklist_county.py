"""The shipped ``county-department`` checklist: built on the national one with ``extends``."""

from __future__ import annotations

import json
from pathlib import Path

from lawcheck.judge import checklist as checklists
from lawcheck.workflows.selftest import fixture_cases

FIXTURES = Path(__file__).parent / "county"


def test_it_extends_the_national_checklist():
    county, national = checklists.load("county-department"), checklists.load("fazhi-annual-report")
    assert (county.id, county.deadline, county.pass_score) == ("county-department", "03-01", 80.0)
    ids = [i.id for i in county.items]
    assert ids == [i.id for i in national.items if i.id != "dispute-resolution"] + [
        "duty-list-adjustment", "case-file-review", "notification-commitment"]
    assert county.sections.keys() == national.sections.keys()


def test_its_overrides_and_own_items():
    county = checklists.load("county-department")
    got = {i.id: (i.severity, i.weight) for i in county.items}
    assert got["three-systems"] == ("required", 20.0)
    assert got["reconsideration-litigation"] == ("required", 6.0)
    assert got["transparency"] == ("recommended", 3.0)
    assert got["other-matters"] == ("recommended", 2.0)
    assert got["duty-list-adjustment"] == ("required", 6.0)
    assert got["case-file-review"] == ("required", 6.0)
    assert got["notification-commitment"] == ("recommended", 4.0)
    assert county.item("reconsideration-litigation").hint.startswith("写明本部门作为被申请人、被告")


def test_every_own_item_has_examples_of_each_status():
    county = checklists.load("county-department")
    for item_id in ("duty-list-adjustment", "case-file-review", "notification-commitment"):
        assert sorted(county.item(item_id).examples) == ["met", "missing", "partial"]


def test_its_labelled_fixtures_pass():
    failed = [c for c in fixture_cases(checklists.load("county-department"), FIXTURES) if not c.passed]
    assert failed == []


def test_the_provincial_deadline_is_1_march(cli):
    weak = str(FIXTURES / "weak.txt")  # dated 2025-03-15
    county = json.loads(cli("check", weak, "-c", "county-department", "-f", "json", "--exit-zero").out)
    national = json.loads(cli("check", weak, "-f", "json", "--exit-zero").out)
    assert "deadline" in [f["id"] for f in county["reports"][0]["findings"]]
    assert "deadline" not in [f["id"] for f in national["reports"][0]["findings"]]


def test_the_gate_with_it(cli):
    run = cli("check", str(FIXTURES / "strong.txt"), str(FIXTURES / "weak.txt"), "-c", "county-department",
              "-f", "json")
    assert run.code == 1
    reports = json.loads(run.out)["reports"]
    assert [(r["passed"], r["score"] >= 80) for r in reports] == [(True, True), (False, False)]
