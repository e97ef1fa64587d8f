"""An error raised after lawcheck.yaml is read speaks the language the settings ask for."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("command", [["check", "r.txt"], ["batch", "r.txt"]])
def test_a_bad_checklist_is_reported_in_the_settings_language(tmp_path: Path, monkeypatch, cli, command) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lawcheck.yaml").write_text("lang: en\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("云岭镇2024年法治政府建设年度报告\n", encoding="utf-8")
    run = cli(*command, "--checklist", "nosuch")
    assert run.code == 2
    assert run.err.startswith('There is no built-in checklist named "nosuch"; available: ')
    chinese = cli(*command, "--checklist", "nosuch", "--lang", "zh")
    assert chinese.err.startswith("没有名为“nosuch”的内置检查清单")
