"""Validate a checklist's YAML: the schema, then what the schema cannot say.

Every problem is reported at once, located (``FILE:LINE:COL: key.path: found
X, expected Y``): unique ids, sections that are declared, regular
expressions that compile. The section names a checklist refers to are found
by one walk (:func:`section_references`), used here and after ``extends``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from lawcheck.judge.checklist import yamlsource
from lawcheck.judge.checklist.schema import CUES, schema
from lawcheck.judge.clauses import KINDS
from lawcheck.pattern import fill
from lawcheck.judge.checklist.problems import Problem, schema_problems

# Checklist-level keys whose text (or list of texts) is a regular expression.
PATTERN_KEYS = frozenset({"headings", "pattern", "inline", "before", "after", "future", "add", *CUES})


def validate(data: Any) -> list[Problem]:
    """Every problem of checklist ``data`` (as loaded by yamlsource), in file order."""
    problems = schema_problems(data, schema())
    if isinstance(data, dict):
        problems.extend(_semantic_problems(data))
    return sorted(set(problems), key=lambda p: (p.line, p.col, p.path))


def walk(node: Any, path: list[Any]) -> Iterator[tuple[list[Any], Any]]:
    """Every (key path, value) below ``node``."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield path + [k], v
            yield from walk(v, path + [k])
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield path + [i], v
            yield from walk(v, path + [i])


def section_references(data: Any) -> Iterator[tuple[list[Any], str]]:
    """Every section name the checklist refers to, with the key path to point at."""
    for path, value in walk(data, []):
        kind = KINDS.get(path[-1]) if path and isinstance(path[-1], str) else None
        if kind is None or path[:1] == ["sections"]:
            continue
        for name in kind.sections_named(value):
            if isinstance(name, str):
                yield (path + ["name"] if isinstance(value, dict) else path), name


def unknown_sections(data: Any, sections: set[str] | dict[str, Any]) -> list[Problem]:
    """The references to sections that are not among ``sections``."""
    problems = []
    for path, name in section_references(data):
        if name not in sections:
            line, col = yamlsource.locate(data, path)
            expected = ("one of " + ", ".join(sorted(sections))) if sections else \
                "a section declared under 'sections'"
            problems.append(Problem(line, col, ".".join(map(str, path)), f"section '{name}'", expected))
    return problems


def _sub_part_ids(items: Any) -> set[str]:
    ids: set[str] = set()
    for item in items if isinstance(items, list) else []:
        parts = item.get("parts") if isinstance(item, dict) else None
        inner = parts.get("items") if isinstance(parts, dict) else None
        for part in inner if isinstance(inner, list) else []:
            if isinstance(part, dict) and isinstance(part.get("id"), str):
                ids.add(part["id"])
    return ids


def _unknown_part_items(data: dict[str, Any], ids: set[str]) -> list[Problem]:
    """The report parts (``parts:``) must name items of the checklist."""
    problems: list[Problem] = []
    parts = data.get("parts")
    for i, part in enumerate(parts if isinstance(parts, list) else []):
        if not isinstance(part, dict):
            continue
        named: list[tuple[list[str | int], Any]] = [(["parts", i, "item"], part.get("item"))]
        named += [(["parts", i, "holds", k], held) for k, held in enumerate(part.get("holds") or [])]
        for path, name in named:
            if isinstance(name, str) and name not in ids:
                line, col = yamlsource.locate(data, path)
                problems.append(Problem(line, col, ".".join(map(str, path)), f"item '{name}'",
                                        "the id of an item of this checklist"))
    return problems


def _semantic_problems(data: dict[str, Any]) -> list[Problem]:
    """What the schema cannot say: unique ids, known sections, compilable regexes."""
    problems: list[Problem] = []
    declared = data.get("sections")
    seen: set[str] = set()
    items = data.get("items")
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        if item["id"] in seen:
            line, col = yamlsource.locate(data, ["items", i, "id"])
            problems.append(Problem(line, col, f"items.{i}.id", f"'{item['id']}' again", "a unique id"))
        seen.add(item["id"])
    # An extending checklist may name its base's sections: checked after the merge.
    if not data.get("extends"):
        problems.extend(unknown_sections(data, set(declared) if isinstance(declared, dict) else set()))
        problems.extend(_unknown_part_items(data, seen | _sub_part_ids(items)))
    pattern_keys = PATTERN_KEYS | {key for key, kind in KINDS.items() if kind.patterns_in("x")}
    for path, value in walk(data, []):
        key = path[-1] if path else None
        if not isinstance(value, str) or not (key in pattern_keys or (len(path) >= 2 and path[-2] in pattern_keys)):
            continue
        try:
            regex.compile(fill(value, 2000))
        except regex.error as e:
            line, col = yamlsource.locate(data, path)
            problems.append(Problem(line, col, ".".join(map(str, path)),
                                    f"the regex {value!r} ({e})", "a valid regular expression"))
    return problems
