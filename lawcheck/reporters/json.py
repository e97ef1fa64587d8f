"""``--format json`` and ``jsonl``: the versioned JSON contract of DESIGN.md."""

from __future__ import annotations

import json
from typing import Sequence

from lawcheck.checklist import Checklist
from lawcheck.model import ErrorResult, ReportResult
from lawcheck.reporters.records import envelope, report_record


def render_json(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
                **_: object) -> str:
    data = {**envelope(checklist), "reports": [report_record(r, lang) for r in results]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
                 **_: object) -> str:
    """One report object per line (with the checklist and version on each)."""
    head = envelope(checklist)
    return "".join(json.dumps({**head, **report_record(r, lang)}, ensure_ascii=False) + "\n" for r in results)
