"""Checklists: the data that says what a report must contain.

- :mod:`.model`: the compiled, immutable :class:`Checklist` and its items;
- :mod:`.locate`: built-in ids and files;
- :mod:`.schema` (and ``schema.json``): the JSON Schema, built from the registries;
- :mod:`.validate`: schema and semantic problems, located;
- :mod:`.extend`: ``extends`` merging;
- :mod:`.compile`: clauses, sections, cues (``cues.yaml``) and findings compiled;
- :mod:`.load`: all of that for one file, cached.
"""

from __future__ import annotations

from lawcheck.judge.checklist.compile import compile_checklist, tidy
from lawcheck.judge.checklist.load import load, read_data
from lawcheck.judge.checklist.locate import DEFAULT_CHECKLIST, builtin_dir, builtin_ids, resolve
from lawcheck.judge.checklist.spec import Checklist, FindingDef, ItemDef, Trap
from lawcheck.judge.checklist.validate import validate
from lawcheck.judge.checklist.problems import Problem, schema_problems

__all__ = ["DEFAULT_CHECKLIST", "Checklist", "FindingDef", "ItemDef", "Problem", "Trap", "builtin_dir",
           "builtin_ids", "compile_checklist", "load", "read_data", "resolve", "schema_problems", "tidy",
           "validate"]
