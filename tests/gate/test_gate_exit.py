"""Exit codes: 0 pass, 1 gate failed, 2 usage or unreadable input, whatever the format."""

from __future__ import annotations

import pytest

FORMATS = ["table", "json", "jsonl", "junit", "sarif", "github"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failing_report_exits_1_in_every_format(project, cli, fmt):
    assert cli("check", "-c", "mini.yaml", "reports/town.txt", "-f", fmt).code == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_passing_report_exits_0_in_every_format(project, cli, fmt):
    assert cli("check", "-c", "mini.yaml", "reports/partial.txt", "-f", fmt).code == 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_unreadable_report_exits_2_in_every_format(project, cli, fmt):
    run = cli("check", "-c", "mini.yaml", "reports/partial.txt", "reports/gone.txt", "-f", fmt)
    assert run.code == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_exit_zero_reports_without_failing(project, cli, fmt):
    run = cli("check", "-c", "mini.yaml", "reports/town.txt", "-f", fmt, "--exit-zero")
    assert run.code == 0
    assert run.out  # the report is still written


def test_exit_zero_still_exits_2_for_unreadable_input(project, cli):
    assert cli("check", "-c", "mini.yaml", "reports/gone.txt", "--exit-zero").code == 2


def test_exit_zero_still_exits_2_for_usage_errors(project, cli):
    run = cli("check", "-c", "mini.yaml", "reports/town.txt", "--fail-on", "sometimes", "--exit-zero")
    assert run.code == 2
    assert run.err == "--fail-on 的值“sometimes”无效，应为 required、partial 或 none。\n"


def test_fail_on_partial_tightens_the_gate(project, cli):
    assert cli("check", "-c", "mini.yaml", "reports/partial.txt", "--fail-on", "partial").code == 1


def test_fail_on_none_lets_the_score_decide(project, cli):
    assert cli("check", "-c", "mini.yaml", "reports/town.txt", "--fail-on", "none").code == 0
    assert cli("check", "-c", "mini.yaml", "reports/town.txt", "--fail-on", "none", "--min-score", "61").code == 1


def test_min_score_raises_the_bar(project, cli):
    assert cli("check", "-c", "mini.yaml", "reports/partial.txt", "--min-score", "80").code == 0
    assert cli("check", "-c", "mini.yaml", "reports/partial.txt", "--min-score", "80.1").code == 1
