"""``lawcheck annotate REPORT.docx``: a copy of the report with Word comments on its gaps."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from lawcheck.judge import checklist as checklists
from lawcheck import readers
from lawcheck.document import structure
from lawcheck.commands.common import (EXIT_FAILED, EXIT_OK, boundary, check_fail_on, check_lang, check_limits,
                                      check_max_size, check_min_score, write_output)
from lawcheck.commands.config import check_waivers, settings_for
from lawcheck.judge.engine import Options, judge
from lawcheck.errors import LawcheckError, ReadError
from lawcheck.messages import message
from lawcheck.document.model import ReportResult
from lawcheck.readers import DEFAULT_MAX_SIZE
from lawcheck.workers import Budget, Outcome, Pool


def output_path(report: Path, output: Path | None, force: bool) -> Path:
    """Where the copy goes; never the report itself, and not over a file unless ``force``."""
    from lawcheck.workflows.annotate import default_output  # python-docx, only when annotating

    target = output or default_output(report)
    if target.resolve() == report.resolve():
        raise LawcheckError("annotate-same", path=str(target))
    if target.exists() and not force:
        raise LawcheckError("output-exists", path=str(target))
    return target


# Set in the worker by _setup: the checklist and the options of the run.
_RUN: tuple[checklists.Checklist, Options] | None = None


def _setup(checklist_path: str, options: Options) -> None:
    global _RUN
    _RUN = (checklists.load(checklist_path), options)


def _annotated(report: Path) -> tuple[bytes, int, ReportResult]:
    """The commented copy of ``report``, its number of comments and the verdict (in the worker)."""
    from lawcheck.workflows.annotate import annotate as commented_copy

    assert _RUN is not None
    compiled, options = _RUN
    source = readers.read(report, max_size=options.max_size)
    if source.format != "docx":
        raise LawcheckError("annotate-not-docx", path=str(report))
    doc = structure.build(source)
    result = judge(doc, compiled, options)
    data, count = commented_copy(report.read_bytes(), doc, result, compiled, options.lang)
    return data, count, result


def _failure(outcome: Outcome, report: Path, budget: Budget) -> Exception:
    """What to say of a worker's outcome that is not a commented copy."""
    if outcome.kind == "raised" and isinstance(outcome.value, Exception):
        return outcome.value  # a ReadError or LawcheckError, said as the boundary says it
    if outcome.kind == "time":
        return ReadError("budget_time", path=str(report), seconds=f"{budget.seconds:g}")
    if outcome.kind == "memory":
        return ReadError("budget_memory", path=str(report), megabytes=budget.megabytes)
    if outcome.kind == "died":
        return ReadError("worker_died", path=str(report), code=outcome.value)
    return RuntimeError(str(outcome.value))


@boundary
def annotate(
    report: Path = typer.Argument(..., help="The report, a .docx file (it is only read)", show_default=False),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Where to write the copy (default: REPORT.checked.docx beside it)"),
    force: bool = typer.Option(False, "--force", help="Overwrite the output if it exists"),
    checklist: Optional[str] = typer.Option(None, "--checklist", "-c", help="Built-in checklist id or YAML path"),
    min_score: Optional[float] = typer.Option(None, "--min-score", help="Pass mark (default: the checklist's)"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="required | partial | none"),
    lang: Optional[str] = typer.Option(None, "--lang", help="Message language: zh | en"),
    max_size: int = typer.Option(DEFAULT_MAX_SIZE, "--max-size", help="Largest file read, in bytes"),
    time_limit: Optional[float] = typer.Option(None, "--time-limit",
                                               help="Seconds reading and commenting the file may take (default 30)"),
    memory_limit: Optional[int] = typer.Option(None, "--memory-limit",
                                               help="Megabytes reading and commenting the file may take "
                                                    "(default 1024)"),
    config: Optional[Path] = typer.Option(None, "--config", help="Settings file (default: lawcheck.yaml here or above)"),
) -> None:
    """Write a copy of a .docx report with Word comments where it falls short.

    Exit code as for check: 0 the report passes, 1 it fails, 2 it could not be done.
    """
    check_min_score(min_score)
    check_max_size(max_size)
    check_limits(time_limit, memory_limit)
    # The settings (lawcheck.yaml) and waivers apply as they do to check: one verdict everywhere.
    run = settings_for(config, checklist=checklist, min_score=min_score, fail_on=fail_on, lang=lang, format=None,
                       time_limit=time_limit, memory_limit=memory_limit)
    lang = check_lang(run.lang)
    check_fail_on(run.fail_on)
    if not report.exists():
        raise LawcheckError("annotate-missing", path=str(report))
    if report.suffix.lower() != ".docx":
        raise LawcheckError("annotate-not-docx", path=str(report))
    target = output_path(report, output, force)
    compiled = checklists.load(run.checklist)
    check_waivers(run, compiled)
    # Read, judged and commented in a worker process, within the time and memory budget.
    with Pool(1, run.budget, _setup, (compiled.path, run.options(max_size=max_size))) as pool:
        outcome = pool.call(_annotated, report)
    if outcome.kind != "ok":
        raise _failure(outcome, report, run.budget)
    data, count, result = outcome.value
    write_output(data, target)
    verdict = message("verdict-pass" if result.passed else "verdict-fail", lang)
    typer.echo(message("annotate-done", lang, path=str(target), count=count, score=f"{result.score:.1f}",
                       verdict=verdict))
    raise typer.Exit(EXIT_OK if result.passed else EXIT_FAILED)
