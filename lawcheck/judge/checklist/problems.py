"""Schema problems in words a person reads: ``FILE:LINE:COL: key.path: found X, expected Y``.

Checklists and the settings file are validated against JSON Schemas; this
module turns jsonschema's errors into located :class:`Problem` lines (every
problem at once, in file order), using the marks ``yamlsource`` keeps.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from lawcheck.judge.checklist import yamlsource

if TYPE_CHECKING:
    import jsonschema


@dataclass(frozen=True)
class Problem:
    """One validation problem, located."""

    line: int
    col: int
    path: str
    found: str
    expected: str

    def render(self, file: str) -> str:
        return f"{file}:{self.line}:{self.col}: {self.path}: found {self.found}, expected {self.expected}"


def describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return str(value).lower()
    if value is None:
        return "nothing"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…\""


def kind_of(value: Any) -> str:
    """What a value is, without quoting it (a file that is not a checklist at all, /etc/passwd
    say, must not have its first line printed)."""
    if isinstance(value, (dict, list, bool)) or value is None:
        return describe(value)
    return "a number" if isinstance(value, (int, float)) else "text"


_TYPE_WORDS = {"object": "a mapping", "array": "a list", "string": "text", "number": "a number",
               "integer": "a whole number", "boolean": "true or false"}


def _expected(error: "jsonschema.ValidationError") -> str:
    v, arg = error.validator, cast(Any, error.validator_value)
    if v == "type":
        types = arg if isinstance(arg, list) else [arg]
        return " or ".join(_TYPE_WORDS.get(str(t), str(t)) for t in types)
    if v == "enum":
        return "one of " + ", ".join(str(a) for a in arg)
    if v == "const":
        return str(arg)
    if v == "pattern":
        return f"text matching {arg}"
    if v == "minimum":
        return f"at least {arg}"
    if v == "maximum":
        return f"at most {arg}"
    if v in ("minItems", "minLength", "minProperties"):
        return "something, not empty"
    if v == "oneOf":
        return _one_of(error)
    return error.message


def _one_of(error: "jsonschema.ValidationError") -> str:
    schemas = cast(Any, error.validator_value)
    if all("required" in s and len(s) == 1 for s in schemas):
        return "exactly one of " + ", ".join("'" + s["required"][0] + "'" for s in schemas)
    kinds = []
    for s in schemas:
        if "type" in s:
            kinds.append(_TYPE_WORDS.get(s["type"], s["type"]))
        elif "const" in s:
            kinds.append(json.dumps(s["const"]))
        elif "enum" in s:
            kinds.append("one of " + ", ".join(str(a) for a in s["enum"]))
        elif "$ref" in s:
            kinds.append("a mapping")
    return " or ".join(dict.fromkeys(kinds)) or error.message


def _problems(root: Any, error: "jsonschema.ValidationError") -> list[Problem]:
    """The problems one schema error stands for: every unknown key of a mapping, each one located."""
    if error.validator != "additionalProperties":
        return [_problem(root, error)]
    path = list(error.absolute_path)
    dotted = ".".join(str(p) for p in path) or "(top)"
    allowed = sorted(cast(Any, error.schema).get("properties", {}))
    problems = []
    for key in sorted(set(cast(Any, error.instance)) - set(allowed), key=str):
        line, col = yamlsource.locate_key(root, path, key)
        where = f"{dotted}.{key}" if path else str(key)
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.75)
        if close:
            expected = f"'{close[0]}' (did you mean it?)"
        else:
            expected = ("one of " + ", ".join(allowed)) if allowed else "no further keys"
        problems.append(Problem(line, col, where, f"unknown key '{key}'", expected))
    return problems


def _problem(root: Any, error: "jsonschema.ValidationError") -> Problem:
    path = list(error.absolute_path)
    dotted = ".".join(str(p) for p in path) or "(top)"
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        line, col = yamlsource.locate(root, path)
        return Problem(line, col, dotted, f"no '{missing}'", f"'{missing}' to be set")
    line, col = yamlsource.locate(root, path)
    return Problem(line, col, dotted, describe(error.instance), _expected(error))


def schema_problems(data: Any, json_schema: dict[str, Any]) -> list[Problem]:
    """Every problem of ``data`` (loaded by yamlsource) against ``json_schema``, located, in file order."""
    import jsonschema  # only when a checklist or settings file is validated

    validator = jsonschema.Draft202012Validator(json_schema)
    found = {p for e in validator.iter_errors(data) for p in _problems(data, e)}
    return sorted(found, key=lambda p: (p.line, p.col, p.path))


def render_all(problems: list[Problem], file: str) -> str:
    """The problems as lines, each naming ``file``."""
    return "\n".join(p.render(file) for p in problems)
