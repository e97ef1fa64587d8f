"""``lawcheck history …``: what the recorded batches say across the years.

    lawcheck history bodies --db review.sqlite           each body, its years and scores
    lawcheck history body 云岭镇 --db review.sqlite       one body's items year by year
    lawcheck history item legal-adviser --db …           one item's coverage per year
    lawcheck history regressions --year 2024 --db …      met in 2023, missing in 2024

Each takes ``--format table|json|csv|xlsx`` and ``-o FILE``; the database comes
from ``--db`` or ``db:`` in lawcheck.yaml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from lawcheck.commands.help import HelpCommand, HelpGroup

from lawcheck.document import bodies
from lawcheck.judge import checklist as checklists
from lawcheck.commands.common import EXIT_OK, boundary, check_lang, write_output
from lawcheck.commands.config import Resolved, settings_for
from lawcheck.errors import LawcheckError

history_app = typer.Typer(cls=HelpGroup, help="What the recorded batches say across the years: bodies, body, item, regressions.",
                          no_args_is_help=True)

DB = typer.Option(None, "--db", help="The history database (a file, or a postgresql:// URL)")
FORMAT = typer.Option(None, "--format", "-f", help="table | json | csv | xlsx (default: the output's suffix, else table)")
OUTPUT = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout, in the format of its suffix "
                                                   "(.txt .json .csv .xlsx)")
NO_COLOR = typer.Option(False, "--no-color", help="Plain text without colours (the tables have none)")
SUFFIXES = {".txt": "table", ".json": "json", ".csv": "csv", ".xlsx": "xlsx"}


def format_of(fmt: str | None, output: Path | None) -> str:
    """The format asked for: --format, else the output file's suffix, else a table; the two must agree."""
    named = SUFFIXES.get(output.suffix.lower()) if output is not None else None
    if fmt is not None and named is not None and fmt != named:
        raise LawcheckError("usage-output-conflict", path=str(output), named=named, given=fmt)
    if fmt is None and output is not None and named is None:
        raise LawcheckError("history-output-suffix", path=str(output))
    return fmt or named or "table"
CHECKLIST = typer.Option(None, "--checklist", "-c", help="Built-in checklist id or YAML path")
LANG = typer.Option(None, "--lang", help="Message language: zh | en")
CONFIG = typer.Option(None, "--config", help="Settings file (default: lawcheck.yaml here or above)")


def _open(db: str | None, config: Path | None, checklist: str | None, lang: str | None, fmt: str | None,
          output: Path | None = None) -> tuple:  # type: ignore[type-arg]
    from lawcheck.history.store import open_store
    from lawcheck.history.tables import FORMATS

    run: Resolved = settings_for(config, checklist=checklist, lang=lang, db=db)
    lang = check_lang(run.lang)
    fmt = format_of(fmt, output)
    if fmt not in FORMATS:
        raise LawcheckError("history-format", value=fmt, formats=", ".join(FORMATS))
    target = run.value("db")
    if not target:
        raise LawcheckError("db-none")
    if "://" not in str(target) and not Path(target).is_file():
        raise LawcheckError("db-missing", target=str(target))
    known = bodies.load(Path(run.value("bodies"))) if run.value("bodies") else bodies.Bodies()
    return open_store(str(target)), checklists.load(run.checklist), lang, known, fmt


def _emit(answer: object, fmt: str, output: Path | None) -> None:
    """The answer, on stdout or into ``output``."""
    from lawcheck.history.tables import render

    write_output(render(answer, fmt), output, machine=fmt != "table")  # type: ignore[arg-type]
    raise typer.Exit(EXIT_OK)


@history_app.command("bodies", cls=HelpCommand)
@boundary
def history_bodies(db: Optional[str] = DB, fmt: Optional[str] = FORMAT, output: Optional[Path] = OUTPUT,
                   checklist: Optional[str] = CHECKLIST, lang: Optional[str] = LANG,
                   config: Optional[Path] = CONFIG, no_color: bool = NO_COLOR) -> None:
    """Each body, the years it reported and its score in each."""
    from lawcheck.history.queries import bodies_answer

    store, compiled, lang, _, fmt = _open(db, config, checklist, lang, fmt, output)
    _emit(bodies_answer(store, compiled, lang), fmt, output)


@history_app.command("body", cls=HelpCommand)
@boundary
def history_body(body: str = typer.Argument(..., help="The body, by any name it reported under"),
                 db: Optional[str] = DB, fmt: Optional[str] = FORMAT, output: Optional[Path] = OUTPUT,
                 checklist: Optional[str] = CHECKLIST, lang: Optional[str] = LANG,
                 config: Optional[Path] = CONFIG, no_color: bool = NO_COLOR) -> None:
    """One body's items year by year: met, partial or missing."""
    from lawcheck.history.queries import body_answer

    store, compiled, lang, known, fmt = _open(db, config, checklist, lang, fmt, output)
    _emit(body_answer(store, compiled, body, lang, known), fmt, output)


@history_app.command("item", cls=HelpCommand)
@boundary
def history_item(item: str = typer.Argument(..., help="Item id, e.g. legal-adviser"),
                 db: Optional[str] = DB, fmt: Optional[str] = FORMAT, output: Optional[Path] = OUTPUT,
                 checklist: Optional[str] = CHECKLIST, lang: Optional[str] = LANG,
                 config: Optional[Path] = CONFIG, no_color: bool = NO_COLOR) -> None:
    """One item's coverage per year: how many bodies met it, partly or not."""
    from lawcheck.history.queries import item_answer

    store, compiled, lang, _, fmt = _open(db, config, checklist, lang, fmt, output)
    _emit(item_answer(store, compiled, item, lang), fmt, output)


@history_app.command("regressions", cls=HelpCommand)
@boundary
def history_regressions(year: int = typer.Option(..., "--year", help="The year to look at (against the year before)"),
                        db: Optional[str] = DB, fmt: Optional[str] = FORMAT, output: Optional[Path] = OUTPUT,
                        checklist: Optional[str] = CHECKLIST, lang: Optional[str] = LANG,
                        config: Optional[Path] = CONFIG, no_color: bool = NO_COLOR) -> None:
    """Items each body met the year before and misses in this one."""
    from lawcheck.history.queries import regressions_answer

    store, compiled, lang, _, fmt = _open(db, config, checklist, lang, fmt, output)
    _emit(regressions_answer(store, compiled, year, lang), fmt, output)
