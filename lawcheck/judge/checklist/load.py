"""Load a checklist: read its YAML with marks, validate it, merge what it extends, compile it.

Loading reports *every* problem at once, each as ``FILE:LINE:COL: key.path:
found X, expected Y``. A compiled checklist is cached per file: every report
of a run shares it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from lawcheck.judge.checklist import yamlsource
from lawcheck.judge.checklist.compile import compile_checklist
from lawcheck.judge.checklist.extend import extend, extension_problems
from lawcheck.judge.checklist.locate import builtin_dir, builtin_ids, resolve
from lawcheck.judge.checklist.spec import Checklist
from lawcheck.judge.checklist.validate import validate
from lawcheck.errors import ChecklistError
from lawcheck.judge.checklist.problems import Problem, kind_of, render_all


def read_data(path: Path) -> Any:
    """The YAML of a checklist file, with marks; problems become one ChecklistError."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise ChecklistError("checklist-unreadable", path=str(path), error=e.strerror or str(e)) from None
    except UnicodeDecodeError:
        raise ChecklistError("checklist-encoding", path=str(path)) from None
    try:
        data = yamlsource.load(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ChecklistError("checklist-yaml", path=str(path), line=line, col=col,
                             error=str(e.problem or e)) from None
    except yaml.YAMLError as e:
        raise ChecklistError("checklist-yaml", path=str(path), line=1, col=1, error=str(e)) from None
    if not isinstance(data, dict):
        raise ChecklistError("checklist-invalid", path=str(path),
                             problems=f"{path}:1:1: (top): found {kind_of(data)}, expected a mapping")
    return data


def load(name_or_path: str | None = None) -> Checklist:
    """Load, validate and compile a checklist by built-in id or path."""
    return _load_cached(str(resolve(name_or_path).resolve()))


@lru_cache(maxsize=16)
def _load_cached(path_text: str) -> Checklist:
    path = Path(path_text)
    data = _merged(path, set())
    return compile_checklist(data, str(path))


def _checked(path: Path) -> Any:
    data = read_data(path)
    if path.parent == builtin_dir().resolve():
        # The shipped checklists are validated by the test suite; checking one
        # report should not pay for jsonschema at every start.
        return data
    problems = validate(data)
    if problems:
        raise ChecklistError("checklist-invalid", path=str(path),
                             problems=render_all(problems, str(path)))
    return data


def _merged(path: Path, seen: set[Path]) -> dict[str, Any]:
    """The checklist at ``path`` with what it ``extends`` merged in."""
    if path in seen:
        raise ChecklistError("checklist-cycle", path=str(path))
    seen.add(path)
    raw = _checked(path)
    data = dict(raw)
    base_name = data.pop("extends", None)
    if not base_name:
        return data
    base_path = path.parent / base_name if (path.parent / base_name).is_file() else _base(raw, path, base_name)
    base = _merged(base_path.resolve(), seen)
    problems = extension_problems(raw, base)
    if problems:
        raise ChecklistError("checklist-invalid", path=str(path),
                             problems=render_all(problems, str(path)))
    return extend(base, data)


def _base(raw: Any, path: Path, name: str) -> Path:
    """The built-in checklist named by ``extends`` (a located error when there is none)."""
    try:
        return resolve(name)
    except ChecklistError:
        line, col = yamlsource.locate(raw, ["extends"])
        problem = Problem(line, col, "extends", f'"{name}"',
                          "a built-in checklist (" + ", ".join(builtin_ids()) + ") or a YAML file beside this one")
        raise ChecklistError("checklist-invalid", path=str(path), problems=problem.render(str(path))) from None
