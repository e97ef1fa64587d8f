"""The house as issue 29 left it: stages as folders, few loose modules, wording as data."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "lawcheck"
HAN = re.compile(r"[\u4e00-\u9fff]")
# Where Chinese belongs in Python: the messages, and the mechanics of Chinese text and numbering.
WORDING_HOMES = ("messages/", "document/text.py", "readers/numbering.py")


def test_at_most_ten_modules_are_left_loose_in_the_package() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(loose) <= 10, loose
    stages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert {"document", "readers", "judge", "reporters", "workflows", "commands"} <= stages


def _chinese_constants(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [f"{path.relative_to(PACKAGE)}:{node.lineno}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and HAN.search(node.value)]


def test_chinese_wording_is_data_or_messages() -> None:
    # What is left: each match kind's description of itself, in both languages (it travels with
    # its plug-in), and English help that gives a Chinese example.
    found = [c for p in sorted(PACKAGE.rglob("*.py")) if not p.relative_to(PACKAGE).as_posix().startswith(WORDING_HOMES)
             for c in _chinese_constants(p)]
    assert len(found) <= 25, found
