"""From a validated (and merged) checklist's data to an immutable :class:`Checklist`.

Clauses are compiled by the match-kind registry, sections into
:class:`~lawcheck.judge.sections.SectionDef` with their roles, cue lists from the
base ``cues.yaml`` with the checklist's own replacing or adding to them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from lawcheck.judge.checklist.spec import DEFAULT_DEADLINE, DEFAULT_PARTIAL_CREDIT, Checklist, FindingDef, ItemDef, PartDef, Trap
from lawcheck.judge.clauses import compile_clause
from lawcheck.judge.context import LiteralScan
from lawcheck.judge.reasons import Cues
from lawcheck.document.metadata import Forms
from lawcheck.pattern import Pattern
from lawcheck.judge.sections import SectionDef, role_of
from lawcheck.judge.checklist.yamlsource import load_plain

BASE_CUES = Path(__file__).with_name("cues.yaml")


@lru_cache(maxsize=1)
def base_cues() -> dict[str, list[str]]:
    """The cue lists every checklist starts from."""
    return load_plain(BASE_CUES.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def cue_lists(data: dict[str, Any]) -> dict[str, list[str]]:
    """The cue lists in force: the base's, replaced or added to by the checklist."""
    lists = {name: list(values) for name, values in base_cues().items()}
    negation = data.get("negation") or {}  # the older spelling: negation.before/after, future
    for name, value in (("negation_before", negation.get("before")), ("negation_after", negation.get("after")),
                        ("future", data.get("future"))):
        if value:
            lists[name] = list(_strings(value))
    for name, value in (data.get("cues") or {}).items():
        lists[name] = lists[name] + list(value["add"]) if isinstance(value, dict) else list(value)
    return lists


DOERS = "doers_"  # the cue lists of doers: doers_collective gives its acts the reason "collective"


def _cue(words: list[str]) -> Pattern:
    return Pattern.any_of(words, cue=True)


def compile_cues(lists: dict[str, list[str]]) -> Cues:

    def optional(name: str) -> Any:
        return _cue(lists[name]) if lists.get(name) else None

    doers = tuple((name.removeprefix(DOERS).replace("_", "-"), _cue(words))
                  for name, words in lists.items() if name.startswith(DOERS) and words)
    return Cues(negation_before=_cue(lists["negation_before"]),
                negation_after=_cue(lists["negation_after"]),
                future=_cue(lists["future"]), future_lead=_cue(lists["future_lead"]),
                concessive=optional("concessive"), turn=optional("turn"), normative=optional("normative"),
                doers=doers, governing=optional("governing"), pivots=optional("pivots"))


def tidy(text: str) -> str:
    """Folded YAML puts spaces where lines broke; Chinese wants none."""
    return re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", text).strip()


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _trap(spec: dict[str, Any]) -> Trap:
    clause = compile_clause({k: v for k, v in spec.items() if k not in ("reason", "label")})
    return Trap(spec["reason"], clause, dict(spec.get("label") or {}))


def _compile_item(spec: dict[str, Any], parent: dict[str, Any] | None = None) -> ItemDef:
    context = spec.get("context") or {}
    parts_spec = spec.get("parts") or {}
    parts = tuple(_compile_item(p, spec) for p in parts_spec.get("items") or [])
    need_spec = parts_spec.get("need", "all")
    need = len(parts) if need_spec == "all" else int(need_spec)
    exclude_in = spec.get("exclude_in", (parent or {}).get("exclude_in", []))
    parent_id = f"{parent['id']}." if parent else ""
    return ItemDef(
        id=parent_id + spec["id"],
        title=spec["title"],
        title_en=spec.get("title_en", ""),
        severity=spec.get("severity", (parent or {}).get("severity", "recommended")),
        weight=float(spec.get("weight", 0)),
        hint=tidy(spec.get("hint", "")),
        hint_en=spec.get("hint_en", ""),
        basis=_strings(spec.get("basis")),
        match=compile_clause(spec["match"]) if "match" in spec else None,
        partial=compile_clause(spec["partial"]) if "partial" in spec else None,
        partial_in=frozenset(spec.get("partial_in") or []),
        partial_credit=float(spec.get("partial_credit", DEFAULT_PARTIAL_CREDIT)),
        exclude_in=tuple(exclude_in),
        traps=tuple(_trap(t) for t in spec.get("traps") or []),
        min_count=int(spec.get("min_count", 1)),
        negation=bool(context.get("negation", True)),
        future=bool(context.get("future", True)),
        titles=bool(context.get("titles", True)),
        normative=bool(context.get("normative", False)),
        headings=bool(context.get("headings", False)),
        parts=parts,
        need=need,
        examples={k: tuple(v) for k, v in (spec.get("examples") or {}).items()},
        spec=spec,
    )


def _section(name: str, spec: dict[str, Any]) -> SectionDef:
    headings = tuple((h, None) if isinstance(h, str) else (h["pattern"], h.get("max_level"))
                     for h in spec.get("headings") or [])
    return SectionDef(name, headings, tuple(spec.get("inline") or []), role=role_of(name, spec.get("role")),
                      label=dict(spec.get("label") or {}), title=dict(spec.get("title") or {}))


def _finding(spec: Any) -> FindingDef:
    if isinstance(spec, str):
        return FindingDef(spec)
    return FindingDef(spec["id"], dict(spec.get("label") or {}))


def compile_checklist(data: dict[str, Any], path: str = "") -> Checklist:
    lists = cue_lists(data)
    sections = {name: _section(name, sec) for name, sec in (data.get("sections") or {}).items()}
    partial_credit = data.get("partial_credit")
    items = []
    for spec in data.get("items") or []:
        if partial_credit is not None and "partial_credit" not in spec:
            spec = {**spec, "partial_credit": partial_credit}
        items.append(_compile_item(spec))
    lookups: set[str] = set()
    stack = list(items)
    while stack:  # the clauses a report's scan looks at: each item's and its parts' match, partial, traps
        item = stack.pop()
        stack.extend(item.parts)
        for clause in (item.match, item.partial, *(t.clause for t in item.traps)):
            if clause is not None:
                lookups |= clause.lookups()
    return Checklist(
        id=data["id"],
        title=data["title"],
        title_en=data.get("title_en", ""),
        version=str(data.get("version", "")),
        basis=_strings(data.get("basis")),
        pass_score=float(data.get("pass_score", 60)),
        deadline=str(data.get("deadline", DEFAULT_DEADLINE)),
        sections=sections,
        items=tuple(items),
        cues=compile_cues(lists),
        forms=Forms(lists),
        findings=tuple(_finding(f) for f in data.get("findings") or []),
        parts=tuple(PartDef(p["item"], tuple(p.get("holds") or ())) for p in data.get("parts") or []),
        path=path,
        scan=LiteralScan(lookups),
    )
