"""``--format sarif``: SARIF 2.1.0, for code-scanning dashboards (GitHub, GitLab, Azure).

One run of the tool ``lawcheck``; a rule per checklist item (its title, basis
and hint) and per finding kind raised; a result per item that is missing or
partial, located in the report file (with the line where the format has
lines), whose message names what to add and the closest text found. A waived
item is a result with a ``suppressions`` entry carrying the waiver's reason.
An unreadable report is a tool execution notification, and the invocation is
then not successful.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, Sequence
from urllib.parse import quote

from lawcheck import __version__
from lawcheck.judge.checklist import Checklist
from lawcheck.document.model import ErrorResult, Finding, ItemResult, ReportResult
from lawcheck.reporters import ci

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
RULE_LEVELS = {"required": "error", "recommended": "warning", "info": "note"}


def render_sarif(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
                 *, fail_on: str = "required", **_: object) -> str:
    rules = [_rule(item, checklist, lang) for item in checklist.items]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    out: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for result in results:
        if isinstance(result, ErrorResult):
            notifications.append({"level": "error", "message": {"text": result.error},
                                  "locations": [_location(result.path, None)]})
            continue
        failing = ci.failing(result, fail_on)
        for item in result.items:
            if item.status != "met":
                out.append(_item_result(item, result.path, checklist, lang, index[item.id], item.id in failing))
        for finding in result.findings:
            if finding.id not in index:
                index[finding.id] = len(rules)
                rules.append({"id": finding.id, "name": finding.id,
                              "shortDescription": {"text": finding.id}, "defaultConfiguration": {"level": "warning"}})
            out.append(_finding_result(finding, result.path, index[finding.id]))
    run = {
        "tool": {"driver": {"name": "lawcheck", "version": __version__, "semanticVersion": __version__,
                            "rules": rules, "properties": {"checklist": checklist.id,
                                                           "checklistVersion": checklist.version}}},
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}],
        "results": out,
    }
    data = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _rule(item: Any, checklist: Checklist, lang: str) -> dict[str, Any]:
    title = item.title_in(lang)
    hint = " ".join(item.hint_in(lang).split())
    basis = "；".join(item.basis) or "；".join(checklist.basis)
    return {"id": item.id, "name": item.id, "shortDescription": {"text": title},
            "fullDescription": {"text": basis or title}, "help": {"text": hint},
            "defaultConfiguration": {"level": RULE_LEVELS.get(item.severity, "warning")},
            "properties": {"severity": item.severity, "weight": item.weight, "basis": list(item.basis)}}


def _location(path: str, line: int | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": quote(PurePath(path).as_posix())}}
    if line is not None:
        physical["region"] = {"startLine": line}
    return {"physicalLocation": physical}


def _item_result(item: ItemResult, path: str, checklist: Checklist, lang: str, rule_index: int,
                 fails: bool) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": item.id, "ruleIndex": rule_index,
        "level": "error" if fails else ci.LEVELS.get(item.severity, "warning"),
        "message": {"text": ci.problem(item, checklist, lang)},
        "locations": [_location(path, ci.line_of(item))],
        "properties": {"status": item.status, "credit": item.credit},
    }
    if item.status == "waived":
        result["level"] = ci.LEVELS.get(item.severity, "warning")
        result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": item.waiver or ""}]
    return result


def _finding_result(finding: Finding, path: str, rule_index: int) -> dict[str, Any]:
    line = next((e.line for e in finding.evidence if e.line is not None), None)
    return {"ruleId": finding.id, "ruleIndex": rule_index, "level": "warning" if finding.severity == "warning"
            else "note", "message": {"text": finding.message}, "locations": [_location(path, line)]}
