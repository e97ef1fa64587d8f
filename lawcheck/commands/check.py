"""``lawcheck check FILE...``: score reports against a checklist and show the gaps."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from lawcheck.judge import checklist as checklists
from lawcheck.commands.common import (check_limits, check_max_size, check_min_score, EXIT_ERROR, EXIT_FAILED, EXIT_OK, boundary, check_fail_on,
                                      check_lang, error, refuse_inputs_as_outputs, use_color, width,
                                      write_output)
from lawcheck.commands.config import check_waivers, settings_for
from lawcheck import readers
from lawcheck.workflows import batch
from lawcheck.workflows.batch import Given
from lawcheck.errors import LawcheckError, ReadError
from lawcheck.messages import message
from lawcheck.document.model import ErrorResult, ReportResult
from lawcheck.readers import DEFAULT_MAX_SIZE
from lawcheck.reporters import names, output_format, prepare, render


STDIN = "-"  # the report comes on standard input (a pipeline's habit)
DEFAULT_STDIN_NAME = "stdin.txt"


def exit_code(results: list[ReportResult | ErrorResult]) -> int:
    if any(isinstance(r, ErrorResult) for r in results):
        return EXIT_ERROR
    if any(not r.passed for r in results):  # type: ignore[union-attr]
        return EXIT_FAILED
    return EXIT_OK


@boundary
def check(
    files: list[Path] = typer.Argument(..., help="Report files (.txt, .docx, …); - reads one from standard input",
                                       show_default=False),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="{formats}"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout"),
    checklist: Optional[str] = typer.Option(None, "--checklist", "-c", help="Built-in checklist id or YAML path"),
    min_score: Optional[float] = typer.Option(None, "--min-score", help="Pass mark (default: the checklist's)"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="required | partial | none"),
    lang: Optional[str] = typer.Option(None, "--lang", help="Message language: zh | en"),
    no_color: bool = typer.Option(False, "--no-color", help="Plain text without colours"),
    max_size: int = typer.Option(DEFAULT_MAX_SIZE, "--max-size", help="Largest file read, in bytes"),
    time_limit: Optional[float] = typer.Option(None, "--time-limit",
                                               help="Seconds reading and checking one file may take (default 30)"),
    memory_limit: Optional[int] = typer.Option(None, "--memory-limit",
                                               help="Megabytes reading and checking one file may take (default 1024)"),
    config: Optional[Path] = typer.Option(None, "--config", help="Settings file (default: lawcheck.yaml here or above)"),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Report, but exit 0 even when the gate fails"),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename",
                                                 help="With -: the report's name, whose suffix gives its format "
                                                      "(default: stdin.txt)"),
) -> None:
    """Check reports against the checklist: what is there, where, and what is missing."""
    check_min_score(min_score)
    check_max_size(max_size)
    check_limits(time_limit, memory_limit)
    given = fmt  # --format as typed: the suffix of --output must not contradict it
    run = settings_for(config, checklist=checklist, min_score=min_score, fail_on=fail_on, lang=lang, format=fmt,
                       time_limit=time_limit, memory_limit=memory_limit)
    lang, fail_on, fmt = check_lang(run.lang), check_fail_on(run.fail_on), run.format
    if fmt not in names("check"):
        raise LawcheckError("usage-format", value=fmt, formats=", ".join(names("check")))
    if output is not None:
        fmt = output_format("check", output, given, fmt)
    refuse_inputs_as_outputs([output], [f for f in files if str(f) != STDIN])
    compiled = checklists.load(run.checklist)
    check_waivers(run, compiled)
    options = run.options(max_size=max_size)
    # Each report read and judged in a worker process, within the time and memory budget.
    reports: list[Path | Given | ErrorResult] = []
    for file in files:
        if str(file) != STDIN:
            reports.append(file)
            continue
        name = stdin_filename or DEFAULT_STDIN_NAME
        try:
            reports.append(Given(name, readers.stream_bytes(sys.stdin.buffer, name, max_size=max_size)))
        except ReadError as e:
            reports.append(ErrorResult(path=name, error=e.render(lang), key=e.key))
    to_check = [r for r in reports if not isinstance(r, ErrorResult)]
    checked = iter(batch.run(to_check, compiled, options, jobs=1, detail="result", budget=run.budget,
                             idle=lambda: prepare(fmt)))
    results: list[ReportResult | ErrorResult] = [
        r if isinstance(r, ErrorResult) else next(checked).result for r in reports]  # type: ignore[misc]
    color = use_color(no_color) and output is None
    text = render(fmt, results, compiled, lang, color=color, width=width(), fail_on=fail_on)
    if fmt == "table" and len(files) == 1 and isinstance(results[0], ErrorResult):
        # A single unreadable file: one clear sentence on stderr, nothing on stdout.
        error(results[0].error)
        raise typer.Exit(EXIT_ERROR)
    write_output(text, output, machine=fmt != "table")
    if output is not None:  # stdout is free: one line saying what was written, as annotate and template say
        typer.echo(message("check-wrote", lang, path=str(output), format=fmt, count=len(results)))
    for line in run.unused_waivers(files):
        error(line)
    code = exit_code(results)
    raise typer.Exit(EXIT_OK if exit_zero and code == EXIT_FAILED else code)
