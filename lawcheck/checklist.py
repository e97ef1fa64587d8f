"""Checklists: load YAML with line numbers, validate against the schema, compile.

A checklist is data (see ``docs/checklists.md`` and the JSON Schema in
``checklist_schema.json``). Loading reports *every* problem at once, each as
``FILE:LINE:COL: key.path: found X, expected Y``. The compiled
:class:`Checklist` is immutable and shared by every report checked with it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex
import yaml

from lawcheck import yamlsource
from lawcheck.clauses import Clause, compile_clause
from lawcheck.clauses.pattern import compile_pattern, search
from lawcheck.clauses.terms import fill
from lawcheck.errors import ChecklistError

if TYPE_CHECKING:
    import jsonschema

    from lawcheck.model import ItemResult

DEFAULT_CHECKLIST = "fazhi-annual-report"
DEFAULT_PARTIAL_CREDIT = 0.5
DEFAULT_DEADLINE = "04-01"
DEFAULT_NEGATION_BEFORE = ["未(?!经|来|成年|按期|满)", "没有", "尚未", "缺乏", "欠缺", "无法", "不能", "难以"]
DEFAULT_NEGATION_AFTER = ["不够", "不到位", "有待", "不足", "没有", "尚未", "未能", "不高", "不强",
                          "不规范", "不完善", "不健全", "滞后", "薄弱", "欠缺", "缺乏", "流于形式"]
DEFAULT_FUTURE = ["将(?=进一步|继续|全面|加强|加快|持续|深入|不断|着力|大力|积极|努力|逐步|切实|认真|重点"
                  "|推动|推进|完善|建立|健全|开展|落实|组织|抓好|做好|提升|强化|推行|探索|实现|围绕|坚持"
                  "|为|在|于|对|向|从|以|按照|新|尽快|适时|陆续|启动|出台|制定|印发|建成|配备|完成|着手"
                  "|争取|通过|统筹|进行|全力|加大|扩大|聘请|设立|实施|引入|试行|力争)",
                  "拟(?!定|稿|制|订|作出|办理|任)", "计划(?=于|在|将|开展|组织|年内|明年|下半年|制定|出台|建立|推行|实施|完成|启动|引入|聘请|设立|对|新)", "下一步", "明年",
                  "今后", "接下来", "打算", "力争", "争取", "届时", "准备(?=开展|推行|建立|实施)"]
# 虽已配备执法记录仪，但……未能做到全过程记录: the concession is negated as a whole.
CONCESSIVE = "(虽|虽然|尽管)[^。]*?(但|但是|然而|却)"
FUTURE_LEAD = ["下一步", "今后", "明年", "接下来", "下一年", "新的一年", "来年"]


@dataclass(frozen=True)
class SectionDef:
    """A named part of a report, recognised by its heading (or inline wording)."""

    name: str
    headings: tuple[tuple[str, int | None], ...]  # (pattern, max_level)
    inline: tuple[str, ...] = ()
    _cache: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def _compiled(self, year: int | None) -> tuple[list[tuple[Any, int | None]], list[Any]]:
        got = self._cache.get(year)
        if got is None:
            got = ([(compile_pattern(fill(p, year)), lvl) for p, lvl in self.headings],
                   [compile_pattern(fill(p, year)) for p in self.inline])
            self._cache[year] = got
        return got

    def heading_matches(self, title: str, level: int | None, year: int | None) -> bool:
        for pattern, max_level in self._compiled(year)[0]:
            if max_level is not None and (level is None or level > max_level):
                continue
            if search(pattern, title):
                return True
        return False

    def inline_match(self, text: str, year: int | None) -> int | None:
        """Where inline wording for this section starts in ``text``, if it does."""
        for pattern in self._compiled(year)[1]:
            m = search(pattern, text)
            if m:
                return m.start()
        return None


@dataclass(frozen=True)
class Trap:
    reason: str
    clause: Clause


@dataclass(frozen=True)
class ItemDef:
    id: str
    title: str
    severity: str
    weight: float
    hint: str
    match: Clause | None
    title_en: str = ""
    hint_en: str = ""
    basis: tuple[str, ...] = ()
    partial: Clause | None = None
    partial_in: frozenset[str] = frozenset()
    partial_credit: float = DEFAULT_PARTIAL_CREDIT
    exclude_in: tuple[str, ...] = ()
    traps: tuple[Trap, ...] = ()
    min_count: int = 1
    negation: bool = True
    future: bool = True
    titles: bool = True
    headings: bool = False
    parts: tuple["ItemDef", ...] = ()
    need: int = 0
    examples: dict[str, tuple[str, ...]] = field(default_factory=dict)
    spec: Any = field(default=None, compare=False, repr=False)  # the YAML, for explain/show

    def title_in(self, lang: str) -> str:
        """The title in ``lang``: the English one where the checklist gives it."""
        return self.title_en if lang == "en" and self.title_en else self.title

    def hint_in(self, lang: str) -> str:
        """The advice in ``lang``: the English one where the checklist gives it."""
        return self.hint_en if lang == "en" and self.hint_en else self.hint


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    version: str
    basis: tuple[str, ...]
    pass_score: float
    deadline: str
    sections: dict[str, SectionDef]
    items: tuple[ItemDef, ...]
    negation_before: Any
    negation_after: Any
    future: Any
    future_lead: Any
    concessive: Any = None
    path: str = ""
    title_en: str = ""

    def title_in(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title

    def item_title(self, item: "ItemResult", lang: str) -> str:
        """An item's title in ``lang`` (the checklist's English title where it has one)."""
        definition = self.item(item.id)
        return item.title if definition is None else definition.title_in(lang)

    def item_hint(self, item: "ItemResult", lang: str) -> str:
        """An item's advice in ``lang``, on one line."""
        definition = self.item(item.id)
        if lang == "en" and definition is not None and definition.hint_en:
            return definition.hint_en
        return " ".join(item.hint.split())

    def item(self, item_id: str) -> ItemDef | None:
        for it in self.items:
            if it.id == item_id:
                return it
            for part in it.parts:
                if part.id == item_id:
                    return part
        return None


# ---------------------------------------------------------------- finding files

def builtin_dir() -> Path:
    """Where the shipped checklists are: inside the installed package, or in a source checkout."""
    try:
        return Path(str(resources.files("lawcheck.checklists")))
    except ModuleNotFoundError:  # running from a source tree that was installed without -e
        return Path(__file__).resolve().parent.parent / "checklists"


def builtin_ids() -> list[str]:
    return sorted(p.stem for p in builtin_dir().glob("*.yaml"))


def resolve(name_or_path: str | None) -> Path:
    """A checklist file from a built-in id or a path."""
    name = name_or_path or DEFAULT_CHECKLIST
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.is_file():
            raise ChecklistError("checklist-missing", path=name, ids=", ".join(builtin_ids()))
        return path
    candidate = builtin_dir() / f"{name}.yaml"
    if candidate.is_file():
        return candidate
    raise ChecklistError("checklist-unknown", name=name, ids=", ".join(builtin_ids()))


# ---------------------------------------------------------------- validation

@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    text = resources.files("lawcheck").joinpath("checklist_schema.json").read_text(encoding="utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


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


def _describe(value: Any) -> str:
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


_TYPE_WORDS = {"object": "a mapping", "array": "a list", "string": "text", "number": "a number",
               "integer": "a whole number", "boolean": "true or false"}


def _expected(error: "jsonschema.ValidationError") -> str:
    v, arg = error.validator, error.validator_value
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
    schemas = error.validator_value
    if all("required" in s and len(s) == 1 for s in schemas):
        return "exactly one of " + ", ".join("'" + s["required"][0] + "'" for s in schemas)
    kinds = []
    for s in schemas:
        if "type" in s:
            kinds.append(_TYPE_WORDS.get(s["type"], s["type"]))
        elif "const" in s:
            kinds.append(json.dumps(s["const"]))
        elif "$ref" in s:
            kinds.append("a mapping")
    return " or ".join(dict.fromkeys(kinds)) or error.message


def _problem(root: Any, error: "jsonschema.ValidationError") -> Problem:
    path = list(error.absolute_path)
    dotted = ".".join(str(p) for p in path) or "(top)"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        key = extra[0] if extra else ""
        line, col = yamlsource.locate_key(root, path, key)
        where = f"{dotted}.{key}" if path else key
        expected = ("one of " + ", ".join(allowed)) if allowed else "no further keys"
        return Problem(line, col, where, f"unknown key '{key}'", expected)
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        line, col = yamlsource.locate(root, path)
        return Problem(line, col, dotted, f"no '{missing}'", f"'{missing}' to be set")
    line, col = yamlsource.locate(root, path)
    return Problem(line, col, dotted, _describe(error.instance), _expected(error))


def schema_problems(data: Any, json_schema: dict[str, Any]) -> list[Problem]:
    """Every problem of ``data`` (loaded by yamlsource) against ``json_schema``, located, in file order."""
    import jsonschema  # only when a checklist or settings file is validated

    validator = jsonschema.Draft202012Validator(json_schema)
    return sorted({_problem(data, e) for e in validator.iter_errors(data)}, key=lambda p: (p.line, p.col, p.path))


def validate(data: Any) -> list[Problem]:
    """Every schema problem of checklist ``data`` (as loaded by yamlsource), in file order."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    problems = [_problem(data, e) for e in validator.iter_errors(data)]
    if isinstance(data, dict):
        problems.extend(_semantic_problems(data))
    return sorted(set(problems), key=lambda p: (p.line, p.col, p.path))


def _semantic_problems(data: dict[str, Any]) -> list[Problem]:
    """What the schema cannot say: unique ids, known sections, compilable regexes."""
    problems: list[Problem] = []
    declared = data.get("sections")
    sections = set(declared) if isinstance(declared, dict) else set()
    seen: set[str] = set()
    items = data.get("items")
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        if item["id"] in seen:
            line, col = yamlsource.locate(data, ["items", i, "id"])
            problems.append(Problem(line, col, f"items.{i}.id", f"'{item['id']}' again", "a unique id"))
        seen.add(item["id"])
    for path, value in _walk(data, []):
        key = path[-1] if path else None
        names: list[Any] = []
        if key in ("in", "exclude_in") and isinstance(value, list):
            names = value
        elif key == "name" and len(path) >= 2 and path[-2] == "section":
            names = [value]
        for name in names:
            if not isinstance(name, str):
                continue
            # An extending checklist may name its base's sections: checked after the merge.
            if not data.get("extends") and name not in sections:
                line, col = yamlsource.locate(data, path)
                problems.append(_unknown_section(line, col, path, name, sections))
        if key in PATTERN_KEYS or (len(path) >= 2 and path[-2] in PATTERN_KEYS):
            for source in ([value] if isinstance(value, str) else []):
                try:
                    regex.compile(fill(source, 2000))
                except regex.error as e:
                    line, col = yamlsource.locate(data, path)
                    problems.append(Problem(line, col, ".".join(map(str, path)),
                                            f"the regex {source!r} ({e})", "a valid regular expression"))
    return problems


# Keys whose text (or list of texts) is a regular expression.
PATTERN_KEYS = frozenset(["regex", "headings", "pattern", "inline", "heading", "before", "after", "future"])


def _unknown_section(line: int, col: int, path: list[Any], name: str, sections: Any) -> Problem:
    expected = ("one of " + ", ".join(sorted(sections))) if sections else "a section declared under 'sections'"
    return Problem(line, col, ".".join(map(str, path)), f"section '{name}'", expected)


def _walk(node: Any, path: list[Any]):  # type: ignore[no-untyped-def]
    if isinstance(node, dict):
        for k, v in node.items():
            yield path + [k], v
            yield from _walk(v, path + [k])
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield path + [i], v
            yield from _walk(v, path + [i])


# ---------------------------------------------------------------- loading

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
                             problems=f"{path}:1:1: (top): found {_describe(data)}, expected a mapping")
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
                             problems="\n".join(p.render(str(path)) for p in problems))
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
                             problems="\n".join(p.render(str(path)) for p in problems))
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
    for path, value in _walk(child, []):
        key = path[-1] if path else None
        names = value if key in ("in", "exclude_in") and isinstance(value, list) else (
            [value] if key == "name" and len(path) >= 2 and path[-2] == "section" else [])
        for name in names:
            if isinstance(name, str) and name not in sections:
                line, col = yamlsource.locate(child, path)
                problems.append(_unknown_section(line, col, path, name, sections))
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


def tidy(text: str) -> str:
    """Folded YAML puts spaces where lines broke; Chinese wants none."""
    return re.sub(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])", "", text).strip()


def _alternation(patterns: list[str]) -> Any:
    return compile_pattern("|".join(f"(?:{p})" for p in patterns))


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


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
        traps=tuple(Trap(t["reason"], compile_clause({k: v for k, v in t.items() if k != "reason"}))
                    for t in spec.get("traps") or []),
        min_count=int(spec.get("min_count", 1)),
        negation=bool(context.get("negation", True)),
        future=bool(context.get("future", True)),
        titles=bool(context.get("titles", True)),
        headings=bool(context.get("headings", False)),
        parts=parts,
        need=need,
        examples={k: tuple(v) for k, v in (spec.get("examples") or {}).items()},
        spec=spec,
    )


def compile_checklist(data: dict[str, Any], path: str = "") -> Checklist:
    sections = {}
    for name, sec in (data.get("sections") or {}).items():
        headings = tuple((h, None) if isinstance(h, str) else (h["pattern"], h.get("max_level"))
                         for h in sec.get("headings") or [])
        sections[name] = SectionDef(name, headings, tuple(sec.get("inline") or []))
    negation = data.get("negation") or {}
    partial_credit = data.get("partial_credit")
    items = []
    for spec in data.get("items") or []:
        if partial_credit is not None and "partial_credit" not in spec:
            spec = {**spec, "partial_credit": partial_credit}
        items.append(_compile_item(spec))
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
        negation_before=_alternation(negation.get("before", DEFAULT_NEGATION_BEFORE)),
        negation_after=_alternation(negation.get("after", DEFAULT_NEGATION_AFTER)),
        future=_alternation(list(_strings(data.get("future"))) or DEFAULT_FUTURE),
        future_lead=_alternation(FUTURE_LEAD),
        concessive=compile_pattern(CONCESSIVE),
        path=path,
    )
