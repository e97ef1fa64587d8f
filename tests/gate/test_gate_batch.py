"""``lawcheck batch`` reads the same settings and waivers as ``check``, in worker processes too."""

from __future__ import annotations

import json

import pytest

SETTINGS = """\
checklist: mini.yaml
format: json
waivers:
  - item: recording
    files: "reports/town.txt"
    reason: 本镇无行政执法权
    approved_by: 县司法局
    expires: 2025-12-31
  - item: mediation
    files: "archive/**/*.txt"
    reason: 旧报告
    approved_by: 县司法局
    expires: 2025-12-31
"""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_applies_settings_and_waivers(project, cli, jobs):
    (project / "lawcheck.yaml").write_text(SETTINGS, encoding="utf-8")
    run = cli("batch", "reports", "--jobs", jobs, "--quiet", "--lang", "en")
    assert run.code == 0
    reports = {r["path"]: r for r in json.loads(run.out)["reports"]}
    town = {i["id"]: i for i in reports["reports/town.txt"]["items"]}
    assert town["recording"]["status"] == "waived"
    assert town["recording"]["waiver"] == "本镇无行政执法权"
    assert reports["reports/town.txt"]["passed"] is True
    assert run.err == ("lawcheck.yaml:9: the waiver for mediation (archive/**/*.txt) matched none of the "
                       "files checked.\n")


def test_batch_exit_zero_and_command_line_over_settings(project, cli):
    (project / "lawcheck.yaml").write_text("checklist: mini.yaml\nformat: json\n", encoding="utf-8")
    assert cli("batch", "reports", "--quiet").code == 1
    assert cli("batch", "reports", "--quiet", "--exit-zero").code == 0
    assert cli("batch", "reports", "--quiet", "--fail-on", "none").code == 0
