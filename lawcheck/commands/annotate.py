"""``lawcheck annotate REPORT.docx``: a copy of the report with Word comments on its gaps."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from lawcheck import checklist as checklists
from lawcheck import readers, structure
from lawcheck.commands.common import check_max_size, check_min_score, EXIT_FAILED, EXIT_OK, boundary, check_fail_on, check_lang, write_output
from lawcheck.config import check_waivers, settings_for
from lawcheck.engine import judge
from lawcheck.errors import LawcheckError
from lawcheck.messages import message
from lawcheck.readers import DEFAULT_MAX_SIZE


def output_path(report: Path, output: Path | None, force: bool) -> Path:
    """Where the copy goes; never the report itself, and not over a file unless ``force``."""
    from lawcheck.annotate import default_output  # python-docx, only when annotating

    target = output or default_output(report)
    if target.resolve() == report.resolve():
        raise LawcheckError("annotate-same", path=str(target))
    if target.exists() and not force:
        raise LawcheckError("output-exists", path=str(target))
    return target


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
    config: Optional[Path] = typer.Option(None, "--config", help="Settings file (default: lawcheck.yaml here or above)"),
) -> None:
    """Write a copy of a .docx report with Word comments where it falls short.

    Exit code as for check: 0 the report passes, 1 it fails, 2 it could not be done.
    """
    check_min_score(min_score)
    check_max_size(max_size)
    # The settings (lawcheck.yaml) and waivers apply as they do to check: one verdict everywhere.
    run = settings_for(config, checklist=checklist, min_score=min_score, fail_on=fail_on, lang=lang, format=None)
    lang = check_lang(run.lang)
    check_fail_on(run.fail_on)
    if not report.exists():
        raise LawcheckError("annotate-missing", path=str(report))
    if report.suffix.lower() != ".docx":
        raise LawcheckError("annotate-not-docx", path=str(report))
    target = output_path(report, output, force)
    compiled = checklists.load(run.checklist)
    check_waivers(run, compiled)
    source = readers.read(report, max_size=max_size)
    if source.format != "docx":
        raise LawcheckError("annotate-not-docx", path=str(report))
    doc = structure.build(source)
    result = judge(doc, compiled, run.options(max_size=max_size))
    from lawcheck.annotate import annotate as commented_copy

    data, count = commented_copy(report.read_bytes(), doc, result, compiled, lang)
    write_output(data, target)
    verdict = message("verdict-pass" if result.passed else "verdict-fail", lang)
    typer.echo(message("annotate-done", lang, path=str(target), count=count, score=f"{result.score:.1f}",
                       verdict=verdict))
    raise typer.Exit(EXIT_OK if result.passed else EXIT_FAILED)
