"""``extends``: a checklist built on another, with overrides, disabled items and items of its own.

The child's top-level keys win over the base's; ``sections`` are merged (the
child may add its own); an item of the child with a base item's id replaces
it; ``overrides`` change weight, severity or advice; ``disable`` drops items.
What only the base can tell (unknown ids, undeclared sections) is checked
after the merge, located in the child.
"""

from __future__ import annotations

from typing import Any

from lawcheck.judge.checklist import yamlsource
from lawcheck.judge.checklist.validate import unknown_sections
from lawcheck.judge.checklist.problems import Problem


def extension_problems(child: Any, base: dict[str, Any]) -> list[Problem]:
    """What only the base can tell about an extending checklist: unknown ids to disable or
    override, and sections that neither declares."""
    problems: list[Problem] = []
    base_ids = [it["id"] for it in base.get("items") or []]
    own_ids = [it["id"] for it in child.get("items") or []]
    for i, item_id in enumerate(child.get("disable") or []):
        if item_id not in base_ids:
            line, col = yamlsource.locate(child, ["disable", i])
            problems.append(Problem(line, col, f"disable.{i}", f'"{item_id}"',
                                    "an item of the base checklist: " + ", ".join(base_ids)))
    for item_id in child.get("overrides") or {}:
        if item_id not in base_ids + own_ids:
            line, col = yamlsource.locate_key(child, ["overrides"], item_id)
            problems.append(Problem(line, col, f"overrides.{item_id}", f'"{item_id}"',
                                    "an item of this checklist or its base: " + ", ".join(base_ids + own_ids)))
    sections = {**(base.get("sections") or {}), **(child.get("sections") or {})}
    problems.extend(unknown_sections(child, sections))
    return sorted(set(problems), key=lambda p: (p.line, p.col, p.path))


def extend(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """Merge a child checklist onto its base: overrides, disabled items, new items."""
    merged = {**base, **{k: v for k, v in child.items() if k not in ("items", "disable", "overrides", "sections")}}
    merged["sections"] = {**(base.get("sections") or {}), **(child.get("sections") or {})}
    disabled = set(child.get("disable") or [])
    overrides = child.get("overrides") or {}
    items = []
    child_items = {it["id"]: it for it in child.get("items") or []}
    for it in base.get("items") or []:
        if it["id"] in disabled:
            continue
        it = dict(child_items.pop(it["id"], it))
        it.update(overrides.get(it["id"], {}))
        items.append(it)
    items.extend(dict(it, **overrides.get(it["id"], {})) for it in child_items.values())
    merged["items"] = items
    return merged
