"""Output formats: one record each, and everything else derived from the records.

A :class:`Format` names the format, the file suffixes that ask for it, the
renderer ``check`` uses (results → text or bytes) and the stream ``batch``
writes as results arrive. ``--format`` choices, the ``-o`` suffix mapping and
the settings file's ``format`` values are computed from :data:`FORMATS`; a new
output is one module and one line below. Modules are imported when a format is
used (openpyxl only for .xlsx, and so on).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pathlib import Path

from lawcheck.judge.checklist import Checklist
from lawcheck.errors import LawcheckError
from lawcheck.lazy import lazy
from lawcheck.document.model import ErrorResult, ReportResult

Renderer = Callable[..., Any]  # (results, checklist, lang, **options) -> str | bytes


@dataclass(frozen=True)
class Format:
    name: str
    suffixes: tuple[str, ...]  # an -o file with one of these is written in this format
    render: Renderer  # results -> text or bytes
    stream: Callable[..., Any] | None = None  # batch's stream factory (tally.Stream); None: not in batch
    check: bool = True  # offered by ``lawcheck check``


def _lazy(module: str, name: str) -> Callable[..., Any]:
    return lazy(f"lawcheck.reporters.{module}", name)


def _collected(module: str, name: str) -> Callable[..., Any]:
    """A batch stream that renders the whole run at the end with ``module.name``."""
    return functools.partial(_lazy("collected", "Collected"), render=_lazy(module, name))


FORMATS: tuple[Format, ...] = (
    Format("table", (".txt",), _lazy("table", "render_table"), _lazy("summary", "SummaryStream")),
    Format("json", (".json",), _lazy("json", "render_json"), _lazy("json", "JsonStream")),
    Format("jsonl", (".jsonl",), _lazy("json", "render_jsonl"), _lazy("json", "JsonlStream")),
    Format("csv", (".csv",), _lazy("csv", "render_csv"), _lazy("csv", "CsvStream"), check=False),
    Format("xlsx", (".xlsx",), _lazy("xlsx", "render_xlsx"), _lazy("xlsx", "XlsxStream"), check=False),
    Format("md", (".md",), _lazy("markdown", "render_markdown"), _lazy("markdown", "MarkdownStream"),
           check=False),
    Format("html", (".html", ".htm"), _lazy("html", "render_html"), _lazy("html", "HtmlStream")),
    Format("junit", (".xml",), _lazy("junit", "render_junit"), _collected("junit", "render_junit")),
    Format("sarif", (".sarif",), _lazy("sarif", "render_sarif"), _collected("sarif", "render_sarif")),
    Format("github", (), _lazy("github", "render_github"), _collected("github", "render_github")),
)
BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}
REPORTERS: dict[str, Renderer] = {f.name: f.render for f in FORMATS}


def names(command: str) -> tuple[str, ...]:
    """The formats ``command`` ("check" or "batch") offers."""
    if command == "check":
        return tuple(f.name for f in FORMATS if f.check)
    return tuple(f.name for f in FORMATS if f.stream is not None)


def by_suffix(command: str) -> dict[str, str]:
    """File suffix -> format, for the formats ``command`` offers."""
    offered = names(command)
    return {suffix: f.name for f in FORMATS if f.name in offered for suffix in f.suffixes}


def stream(name: str) -> Callable[..., Any]:
    """The batch stream factory of format ``name``."""
    found = BY_NAME[name].stream
    assert found is not None, name
    return found


def output_format(command: str, path: Path, given: str | None, default: str) -> str:
    """The format of output file ``path``: its suffix's; else ``--format`` (``given``) or ``default``.

    A suffix that names no format needs ``--format``; one that names another format
    than ``--format`` contradicts it: both are usage errors.
    """
    suffix = path.suffix.lower()
    named = by_suffix(command).get(suffix)
    if named is None:
        if given is None:
            suffixes = " ".join(sorted(by_suffix(command)))
            raise LawcheckError("usage-output-suffix", path=str(path), suffixes=suffixes)
        return given
    if given is not None and given != named and not (given == "table" and suffix == ".txt"):
        raise LawcheckError("usage-output-conflict", path=str(path), named=named, given=given)
    return named


def prepare(fmt: str) -> None:
    """Import the module that renders ``fmt``: ``check`` does it while its reports are judged
    in a worker, so that showing them does not wait for the import (the table's is 30 ms)."""
    importlib.import_module(REPORTERS[fmt].__module__)


def render(fmt: str, results: Sequence[ReportResult | ErrorResult], checklist: Checklist,
           lang: str = "zh", **options: object) -> str | bytes:
    return REPORTERS[fmt](results, checklist, lang, **options)
