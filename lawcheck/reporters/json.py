"""``--format json`` and ``jsonl``: the versioned JSON contract of DESIGN.md."""

from __future__ import annotations

import json
from typing import Sequence

from lawcheck.judge.checklist import Checklist
from lawcheck.document.model import ErrorResult, ReportResult
from lawcheck.reporters.records import envelope, report_record
from lawcheck.reporters.tally import Entry, Tally


def render_json(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
                **_: object) -> str:
    data = {**envelope(checklist), "reports": [report_record(r, lang) for r in results]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
                 **_: object) -> str:
    """One report object per line (with the checklist and version on each)."""
    head = envelope(checklist)
    return "".join(json.dumps({**head, **report_record(r, lang)}, ensure_ascii=False) + "\n" for r in results)


class JsonStream:
    """``--format json`` written report by report: the same bytes as ``render_json``."""

    needs_detail = True

    def __init__(self, checklist: Checklist, lang: str = "zh", *, comparing: bool = False, **_: object) -> None:
        self.checklist, self.lang, self.comparing = checklist, lang, comparing
        self.count = 0

    def head(self) -> str:
        top = json.dumps(envelope(self.checklist), ensure_ascii=False, indent=2)
        return top[:-2] + ',\n  "reports": ['

    def add(self, entry: Entry) -> str:
        text = json.dumps(record(entry, self.lang, self.comparing), ensure_ascii=False, indent=2)
        lead = ",\n" if self.count else "\n"
        self.count += 1
        return lead + "\n".join("    " + line for line in text.split("\n"))

    def finish(self, tally: Tally) -> str:
        end = "\n  ]" if self.count else "]"
        found = tally.batch_findings
        if found:  # what concerns the batch, not one report: two submissions of one body
            text = json.dumps(found, ensure_ascii=False, indent=2)
            end += ',\n  "batch_findings": ' + "\n".join(("  " if i else "") + line
                                                         for i, line in enumerate(text.split("\n")))
        return end + "\n}\n"


class JsonlStream:
    """``--format jsonl``: one report object per line, with the checklist and version on each.

    A line is the report's record as JSON text (:func:`record_text`, made by the
    worker when it sends text: ``takes_record``) after the envelope's keys, and
    ``compare`` after it: the bytes ``json.dumps`` gives the merged object.
    """

    needs_detail = True
    takes_record = True

    def __init__(self, checklist: Checklist, lang: str = "zh", *, comparing: bool = False, **_: object) -> None:
        self.top, self.lang, self.comparing = envelope(checklist), lang, comparing
        self.lead = json.dumps(self.top, ensure_ascii=False)[:-1] + ", "

    def head(self) -> str:
        return ""

    def add(self, entry: Entry) -> str:
        if entry.record is not None:
            body = entry.record[1:]
        else:
            assert entry.result is not None
            body = record_text(entry.result, self.lang)[1:]
        if self.comparing:
            delta = entry.delta.to_dict() if entry.delta else None
            body = f"{body[:-1]}, \"compare\": {json.dumps(delta, ensure_ascii=False)}}}"
        return self.lead + body + "\n"

    def finish(self, tally: Tally) -> str:
        return ""


def record(entry: Entry, lang: str, comparing: bool) -> dict[str, object]:
    """The JSON contract's report object, with ``compare`` added when comparing with last year."""
    assert entry.result is not None
    data = report_record(entry.result, lang)
    if comparing:
        data["compare"] = entry.delta.to_dict() if entry.delta else None
    return data


# A record is a tree of fresh dicts and lists: no cycle to look for (a tenth of its encoding).
_RECORD = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def record_text(result: ReportResult | ErrorResult, lang: str) -> str:
    """The report's JSON record as one line of text: what a JSONL line carries after the envelope."""
    return _RECORD.encode(report_record(result, lang))
