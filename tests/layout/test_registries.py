"""One record per plug-in: the schema, --format choices, -o suffixes and readers come from the registries,
and the modules import only downwards."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from lawcheck import readers, reporters
from lawcheck.judge.checklist import schema
from lawcheck.judge.clauses import KINDS, describe
from lawcheck.judge.findings import KINDS as FINDINGS

PACKAGE = Path(__file__).resolve().parents[2] / "lawcheck"


def test_the_packaged_schema_is_the_one_built_from_the_registries() -> None:
    assert schema.PACKAGED.read_text(encoding="utf-8") == schema.text()
    built = json.loads(schema.text())
    assert set(built["$defs"]["clause"]["properties"]) == set(KINDS)
    assert built["$defs"]["finding"]["oneOf"][0]["enum"] == list(FINDINGS)
    assert set(built["$defs"]["near"]["properties"]) == {"within", "after"} | {k for k, c in KINDS.items()
                                                                              if "near" in c.PLACES}


def test_every_match_kind_describes_itself_in_both_languages() -> None:
    samples = {"any": ["甲"], "all": [{"any": ["甲"]}], "none": ["丙"], "regex": "丁", "near": {"any": ["乙"], "within": 3},
               "in": ["plans"], "exclude_in": ["plans"], "section": {"name": "plans"}, "heading": "己", "under": ["戊"],
               "closing": 2, "deed": {"by": ["庚"], "acts": ["辛"], "about": ["壬"]}}
    assert set(samples) == set(KINDS)
    for key, value in samples.items():
        zh, en = describe({key: value}, "zh"), describe({key: value}, "en")
        assert zh and en and zh != en, key


def test_format_choices_and_suffixes_come_from_the_format_records() -> None:
    assert reporters.names("check") == ("table", "json", "jsonl", "html", "junit", "sarif", "github")
    assert reporters.names("batch") == ("table", "json", "jsonl", "csv", "xlsx", "md", "html", "junit", "sarif",
                                        "github")
    assert reporters.by_suffix("batch")[".xlsx"] == "xlsx"
    assert reporters.by_suffix("batch")[".xml"] == "junit" and reporters.by_suffix("check")[".sarif"] == "sarif"


def test_reader_suffixes_come_from_the_reader_records() -> None:
    assert readers.SUPPORTED_SUFFIXES == tuple(s for f in readers.FORMATS for s in f.suffixes)
    assert readers.BY_SUFFIX[".htm"].name == "html" and readers.BY_SUFFIX[".wps"].legacy


def _imports(path: Path) -> set[str]:
    """The lawcheck modules ``path`` imports, anywhere in it (TYPE_CHECKING and functions too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("lawcheck"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("lawcheck"))
    return found


def _graph() -> dict[str, set[str]]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph = {}
    for name, path in modules.items():
        graph[name] = {m for m in _imports(path) if m in modules and m != name}
    return graph


def test_the_messages_are_the_ground_floor() -> None:
    graph = _graph()
    for name, deps in graph.items():
        if name.startswith("lawcheck.messages"):
            assert all(d.startswith("lawcheck.messages") for d in deps), (name, deps)


def test_no_import_circles() -> None:
    graph = _graph()
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            # a package's face importing its own modules is not a circle of the house
            if dep.startswith(node + "."):
                continue
            if state.get(dep) == 1:
                raise AssertionError(" -> ".join(trail + [node, dep]))
            if dep not in state:
                visit(dep, trail + [node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
