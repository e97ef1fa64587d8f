"""The JSON Schema of checklist files, built from the registries.

What may stand in a clause comes from the match kinds (``lawcheck.judge.clauses``),
the finding ids from the finding kinds (``lawcheck.judge.findings``), the section
roles from ``lawcheck.judge.sections``: no list of names is typed twice. The
packaged ``schema.json`` beside this module (for editors that complete and
check YAML) is this schema written out; ``python -m lawcheck.judge.checklist.schema``
writes it again, and a test keeps the two equal.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from lawcheck.judge import findings
from lawcheck.judge.clauses import KINDS, schema_defs, trap_properties
from lawcheck.judge.sections import ROLES

PACKAGED = Path(__file__).with_name("schema.json")

STRINGS = {"$ref": "#/$defs/strings"}
LABEL = {"$ref": "#/$defs/label"}
SECTION_NAMES = KINDS["exclude_in"].SCHEMA  # an item's exclude_in is the clause's list of sections
REASONS = {"type": "array", "items": {"type": "string"}}
ID = {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"}
CUES = ("negation_before", "negation_after", "future", "future_lead", "concessive", "turn", "normative", "governing",
        "pivots",
        "doers_collective", "doers_leaders", "doers_group_head", "doers_body", "doers_others",
        "org_kinds", "org_joint", "org_not_names", "org_subject_next", "year_not")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The checklist schema (draft 2020-12)."""
    finding_ids = {"enum": list(findings.KINDS)}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://lawcheck.invalid/checklist.schema.json",
        "title": "lawcheck checklist",
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "title"],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
            "title": {"type": "string", "minLength": 1},
            "title_en": {"type": "string"},
            "version": {"type": "string"},
            "basis": STRINGS,
            "extends": {"type": "string", "minLength": 1},
            "pass_score": {"type": "number", "minimum": 0, "maximum": 100},
            "partial_credit": {"type": "number", "minimum": 0, "maximum": 1},
            "deadline": {"type": "string", "pattern": "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"},
            "negation": {
                "type": "object", "additionalProperties": False,
                "properties": {"before": STRINGS, "after": STRINGS},
            },
            "future": STRINGS,
            "cues": {"type": "object", "additionalProperties": False,
                     "properties": {name: {"$ref": "#/$defs/cueList"} for name in CUES}},
            "sections": {"type": "object", "additionalProperties": {"$ref": "#/$defs/section"}},
            "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
            # The report's parts in the official order, each by its item; holds: the items
            # written inside it. annotate marks where a missing one should go.
            "parts": {
                "type": "array",
                "items": {"type": "object", "additionalProperties": False, "required": ["item"],
                          "properties": {"item": ID, "holds": {"type": "array", "items": ID}}},
            },
            "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
            "disable": {"type": "array", "items": {"type": "string"}},
            "overrides": {
                "type": "object",
                "additionalProperties": {
                    "type": "object", "additionalProperties": False,
                    "properties": {
                        "weight": {"type": "number", "minimum": 0},
                        "severity": {"$ref": "#/$defs/severity"},
                        "hint": {"type": "string"},
                        "hint_en": {"type": "string"},
                    },
                },
            },
        },
        "$defs": {
            "strings": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
            "severity": {"enum": ["required", "recommended", "info"]},
            "label": {"type": "object", "additionalProperties": False, "required": ["zh"],
                      "properties": {"zh": {"type": "string", "minLength": 1}, "en": {"type": "string"}}},
            "cueList": {"oneOf": [
                {"type": "array", "items": {"type": "string", "minLength": 1}},
                {"type": "object", "additionalProperties": False, "required": ["add"],
                 "properties": {"add": {"type": "array", "minItems": 1,
                                        "items": {"type": "string", "minLength": 1}}}},
            ]},
            "finding": {"oneOf": [
                finding_ids,
                {"type": "object", "additionalProperties": False, "required": ["id"],
                 "properties": {"id": finding_ids, "label": LABEL}},
            ]},
            "section": {
                "type": "object", "additionalProperties": False, "required": ["headings"],
                "properties": {
                    "headings": {"type": "array", "items": {"$ref": "#/$defs/headingPattern"}},
                    "inline": {"type": "array", "items": {"type": "string"}},
                    "role": {"enum": list(ROLES)},
                    "label": LABEL,
                    "title": LABEL,
                },
            },
            "headingPattern": {"oneOf": [
                {"type": "string", "minLength": 1},
                {"type": "object", "additionalProperties": False, "required": ["pattern"],
                 "properties": {"pattern": {"type": "string", "minLength": 1},
                                "max_level": {"type": "integer", "minimum": 1}}},
            ]},
            "terms": {"type": "array", "minItems": 1,
                      "items": {"oneOf": [{"type": "string", "minLength": 1}, {"$ref": "#/$defs/clause"}]}},
            **schema_defs(),
            "trap": {"type": "object", "additionalProperties": False, "required": ["reason"], "minProperties": 2,
                     "properties": {"reason": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"}, "label": LABEL,
                                    **trap_properties()}},
            "examples": {"type": "object", "additionalProperties": False,
                         "properties": {s: {"type": "array", "items": {"type": "string"}}
                                        for s in ("met", "partial", "missing")}},
            "part": {
                "type": "object", "additionalProperties": False, "required": ["id", "title", "match"],
                "properties": {
                    "id": ID, "title": {"type": "string", "minLength": 1}, "title_en": {"type": "string"},
                    "match": {"$ref": "#/$defs/clause"}, "partial": {"$ref": "#/$defs/clause"},
                    "partial_in": REASONS, "exclude_in": SECTION_NAMES,
                    "traps": {"type": "array", "items": {"$ref": "#/$defs/trap"}},
                    "min_count": {"type": "integer", "minimum": 1},
                    "hint": {"type": "string"}, "hint_en": {"type": "string"},
                    "examples": {"$ref": "#/$defs/examples"},
                },
            },
            "item": {
                "type": "object", "additionalProperties": False,
                "required": ["id", "title", "severity", "weight", "hint"],
                "properties": {
                    "id": ID, "title": {"type": "string", "minLength": 1}, "title_en": {"type": "string"},
                    "severity": {"$ref": "#/$defs/severity"}, "weight": {"type": "number", "minimum": 0},
                    "basis": STRINGS, "hint": {"type": "string", "minLength": 1}, "hint_en": {"type": "string"},
                    "match": {"$ref": "#/$defs/clause"}, "partial": {"$ref": "#/$defs/clause"},
                    "partial_in": REASONS,
                    "partial_credit": {"type": "number", "minimum": 0, "maximum": 1},
                    "exclude_in": SECTION_NAMES,
                    "traps": {"type": "array", "items": {"$ref": "#/$defs/trap"}},
                    "min_count": {"type": "integer", "minimum": 1},
                    "context": {"type": "object", "additionalProperties": False,
                                "properties": {k: {"type": "boolean"}
                                               for k in ("negation", "future", "titles", "normative", "headings")}},
                    "parts": {
                        "type": "object", "additionalProperties": False, "required": ["items"],
                        "properties": {
                            "need": {"oneOf": [{"const": "all"}, {"type": "integer", "minimum": 1}]},
                            "items": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/part"}},
                        },
                    },
                    "examples": {"$ref": "#/$defs/examples"},
                },
                "oneOf": [{"required": ["match"]}, {"required": ["parts"]}],
            },
        },
    }


def text() -> str:
    """The schema as the packaged file holds it."""
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # python -m lawcheck.judge.checklist.schema: write the packaged file again
    PACKAGED.write_text(text(), encoding="utf-8")
