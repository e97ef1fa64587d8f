"""A catastrophic regex in a user's checklist is reported (exit 2), not hung on.

The ``regex`` module defuses the textbook ``(a+)+$``; an alternation whose
branches overlap, ``(\\w|\\w\\w)+$``, still backtracks exponentially on a long
run of word characters that does not end the text, and hits the time limit.
"""

from __future__ import annotations

import time
from pathlib import Path

from lawcheck.pattern import TIMEOUT_SECONDS

CATASTROPHIC = """\
id: slow
title: 慢清单
items:
  - id: slow
    title: 灾难性回溯
    severity: required
    weight: 1
    match: {regex: "(\\\\w|\\\\w\\\\w)+$"}
    hint: 写明
    examples:
      met: ["{sentence}"]
"""
SENTENCE = "法治政府建设" * 8 + "。"


def write_checklist(folder: Path) -> Path:
    path = folder / "slow.yaml"
    path.write_text(CATASTROPHIC.replace("{sentence}", SENTENCE), encoding="utf-8")
    return path


def test_check_reports_a_regex_that_runs_too_long(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_checklist(tmp_path)
    (tmp_path / "report.txt").write_text(f"某镇2024年法治政府建设情况报告\n\n{SENTENCE}\n", encoding="utf-8")
    started = time.monotonic()
    run = cli("check", "-c", "slow.yaml", "report.txt", "--lang", "en")
    elapsed = time.monotonic() - started
    assert run.code == 2
    assert run.err == (f"The checklist regex (\\w|\\w\\w)+$ ran for more than {TIMEOUT_SECONDS} s "
                       "(catastrophic backtracking?); simplify it.\n")
    assert elapsed < 30  # one time limit, not a hang


def test_checklist_test_reports_it_too(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_checklist(tmp_path)
    run = cli("checklist", "test", "slow.yaml")
    assert run.code == 2
    assert run.err.startswith("检查清单中的正则表达式 (\\w|\\w\\w)+$ 运行超过")
