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


def test_the_hook_is_lawcheck_check_on_docx_and_txt():
    h = hook()
    assert (h["id"], h["entry"], h["language"]) == ("lawcheck", "lawcheck check", "python")
    pattern = re.compile(h["files"])
    assert [bool(pattern.search(p)) for p in ("a/报告.docx", "b.txt", "c.md", "d.docx.bak", "e.pdf")] == [
        True, True, False, False, False]


def test_the_entry_gates_the_files_pre_commit_passes(project, cli):
    args = shlex.split(hook()["entry"])[1:]
    assert cli(*args, "-c", "mini.yaml", "reports/partial.txt").code == 0
    assert cli(*args, "-c", "mini.yaml", "reports/partial.txt", "reports/town.txt").code == 1
