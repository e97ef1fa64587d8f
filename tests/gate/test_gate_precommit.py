"""The pre-commit hook manifest: the files it picks and the command it runs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

MANIFEST = Path(__file__).parents[2] / ".pre-commit-hooks.yaml"


def hook() -> dict:
    (only,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    return only


def test_the_hook_is_lawcheck_check_on_report_names():
    h = hook()
    assert (h["id"], h["entry"], h["language"]) == ("lawcheck", "lawcheck check", "python")
    pattern = re.compile(h["files"])
    picked = {"a/报告.docx": True, "reports/云岭镇2024年法治政府建设情况报告.txt": True,
              "docs/annual-report-2024.txt": True, "r/法治建设.txt": True,
              "requirements.txt": False, "b.txt": False, "报告/notes.txt": False,
              "c.md": False, "d.docx.bak": False, "e.pdf": False}
    assert {p: bool(pattern.search(p)) for p in picked} == picked


def test_the_entry_gates_the_files_pre_commit_passes(project, cli):
    args = shlex.split(hook()["entry"])[1:]
    assert cli(*args, "-c", "mini.yaml", "reports/partial.txt").code == 0
    assert cli(*args, "-c", "mini.yaml", "reports/partial.txt", "reports/town.txt").code == 1
