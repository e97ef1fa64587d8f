"""Output formats: each a pure function from results to text, chosen from a dict."""

from __future__ import annotations

from typing import Callable, Sequence

from lawcheck.checklist import Checklist
from lawcheck.lazy import lazy
from lawcheck.model import ErrorResult, ReportResult

Renderer = Callable[..., "str | bytes"]

# Each format is imported when it is used (openpyxl only for .xlsx, and so on).
REPORTERS: dict[str, Renderer] = {
    "table": lazy("lawcheck.reporters.table", "render_table"),
    "json": lazy("lawcheck.reporters.json", "render_json"),
    "jsonl": lazy("lawcheck.reporters.json", "render_jsonl"),
    "csv": lazy("lawcheck.reporters.csv", "render_csv"),
    "xlsx": lazy("lawcheck.reporters.xlsx", "render_xlsx"),  # bytes: write_output takes them
    "md": lazy("lawcheck.reporters.markdown", "render_markdown"),
    "junit": lazy("lawcheck.reporters.junit", "render_junit"),
    "sarif": lazy("lawcheck.reporters.sarif", "render_sarif"),
    "github": lazy("lawcheck.reporters.github", "render_github"),
    "html": lazy("lawcheck.reporters.html", "render_html"),
}


def render(fmt: str, results: Sequence[ReportResult | ErrorResult], checklist: Checklist,
           lang: str = "zh", **options: object) -> str | bytes:
    return REPORTERS[fmt](results, checklist, lang, **options)
