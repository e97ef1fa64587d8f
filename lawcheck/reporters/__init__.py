"""Output formats: each a pure function from results to text, chosen from a dict."""

from __future__ import annotations

from typing import Callable, Sequence

from lawcheck.checklist import Checklist
from lawcheck.model import ErrorResult, ReportResult
from lawcheck.reporters.github import render_github
from lawcheck.reporters.html import render_html
from lawcheck.reporters.csv import render_csv
from lawcheck.reporters.json import render_json, render_jsonl
from lawcheck.reporters.markdown import render_markdown
from lawcheck.reporters.junit import render_junit
from lawcheck.reporters.sarif import render_sarif
from lawcheck.reporters.table import render_table
from lawcheck.reporters.xlsx import render_xlsx

Renderer = Callable[..., str]

REPORTERS: dict[str, Renderer] = {
    "table": render_table,
    "json": render_json,
    "jsonl": render_jsonl,
    "csv": render_csv,
    "xlsx": render_xlsx,  # type: ignore[dict-item]  # bytes: write_output takes them
    "md": render_markdown,
    "html": render_html,
    "junit": render_junit,
    "sarif": render_sarif,
    "github": render_github,
}


def render(fmt: str, results: Sequence[ReportResult | ErrorResult], checklist: Checklist,
           lang: str = "zh", **options: object) -> str:
    return REPORTERS[fmt](results, checklist, lang, **options)
