"""Results as plain records (dicts and lists), the shape of the JSON contract.

Every machine-readable reporter (json, jsonl, csv, xlsx, sarif…) starts from
these records, so the contract lives in one place.
"""

from __future__ import annotations

from typing import Any

from lawcheck import __version__
from lawcheck.judge.checklist import Checklist
from lawcheck.document.model import ErrorResult, Finding, ItemResult, Meta, ReportResult
from lawcheck.reporters.verdict import reasons

SCHEMA_VERSION = 1


def item_record(item: ItemResult, lang: str = "zh") -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": item.id, "title": item.title, "severity": item.severity, "weight": item.weight,
        "status": item.status, "credit": item.credit,
        "evidence": [e.to_dict() for e in item.evidence],
        "near_misses": [n.to_dict() for n in item.near_misses],
        "hint": item.hint,
    }
    if item.waiver is not None:
        record["waiver"] = item.waiver
    if item.parts:
        record["parts"] = [item_record(p, lang) for p in item.parts]
    return record


def meta_record(meta: Meta) -> dict[str, Any]:
    record = {"title": meta.title, "year": meta.year, "org": meta.org, "date": meta.date,
              "title_year": meta.title_year, "format": meta.format, "encoding": meta.encoding}
    if meta.replaced:
        record["replaced"] = meta.replaced  # undecodable bytes read as U+FFFD
    return record


def finding_record(finding: Finding) -> dict[str, Any]:
    return {"id": finding.id, "severity": finding.severity, "message": finding.message,
            "evidence": [e.to_dict() for e in finding.evidence]}


def report_record(result: ReportResult | ErrorResult, lang: str = "zh") -> dict[str, Any]:
    if isinstance(result, ErrorResult):
        return {"path": result.path, "score": None, "passed": False, "threshold": None,
                "meta": None, "items": [], "findings": [], "reasons": [], "error": result.error}
    return {
        "path": result.path, "score": result.score, "passed": result.passed,
        "threshold": result.threshold, "meta": meta_record(result.meta),
        "items": [item_record(i, lang) for i in result.items],
        "findings": [finding_record(f) for f in result.findings],
        "reasons": reasons(result),  # why it failed: score, missing or partial required items
        "error": result.error,
    }


def envelope(checklist: Checklist) -> dict[str, Any]:
    return {"lawcheck": __version__, "schema": SCHEMA_VERSION,
            "checklist": {"id": checklist.id, "version": checklist.version}}
