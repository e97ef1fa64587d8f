"""``lawcheck batch DIR_OR_GLOB...``: score a folder of reports and hand back the gaps.

Results reach every output as they arrive, in path order: json, jsonl and
csv are written as they go, the summary and markdown at the end. Each
``--output`` takes its format from its suffix (.csv .xlsx .json .jsonl .md,
.txt for the plain summary); with outputs, the terminal shows the summary
unless ``--quiet``. Files are written under a temporary name and renamed
into place when the run ends.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Generator
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, cast

import typer

from lawcheck.workflows import batch
from lawcheck import reporters
from lawcheck.judge import checklist as checklists
from lawcheck.commands.common import (check_limits, check_max_size, check_min_score, EXIT_ERROR, EXIT_FAILED, EXIT_OK, boundary, check_fail_on, check_lang,
                                      error, refuse_inputs_as_outputs, settled, use_color, width)
from lawcheck.document import bodies
from lawcheck.workflows.compare import Baseline, load_baseline
from lawcheck.document.model import ErrorResult, ReportResult
from lawcheck.commands.config import check_waivers, settings_for
from lawcheck.errors import LawcheckError
from lawcheck.messages import message
from lawcheck.output import AtomicFile
from lawcheck.readers import DEFAULT_MAX_SIZE, READABLE_SUFFIXES
from lawcheck.judge.similar import other_named
from lawcheck.reporters.tally import Entry, Stream, Tally, columns

if TYPE_CHECKING:  # the history needs SQLAlchemy: imported when --db is given; rich when a bar is shown
    import datetime as dt

    from rich.progress import Progress, TaskID

    from lawcheck.workflows.feedback import Signed

    from lawcheck.history.store import Outcome, Store

FILE_WIDTH = 120  # the summary's width in a file: fixed, so the bytes do not depend on the terminal


class Sink:
    """One output: a stream and where its text goes (stdout, or a file renamed into place)."""

    def __init__(self, stream: Stream, path: Path | None, screen: bool = False) -> None:
        self.stream, self.path = stream, path
        self.file = AtomicFile(path) if path is not None else None
        # The summary a person reads on stdout goes in the console's encoding ("?" for what it
        # lacks); a file, and a format a program reads, is UTF-8 whatever the console.
        self.screen = screen and path is None

    def write(self, data: str | bytes) -> None:
        if not data:
            return
        if self.screen and isinstance(data, str):
            sys.stdout.write(data)
            sys.stdout.flush()
            return
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if self.file is not None:
            self.file.write(raw)
        else:
            sys.stdout.buffer.write(raw)

    def commit(self) -> None:
        if self.file is not None:
            self.file.commit()
        elif self.screen:
            sys.stdout.flush()
        else:
            sys.stdout.buffer.flush()

    def abort(self) -> None:
        if self.file is not None:
            self.file.abort()


def open_sinks(fmt: str, given: str | None, outputs: list[Path], checklist: checklists.Checklist, lang: str,
               comparing: bool, color: bool, quiet: bool, fail_on: str) -> list[Sink]:
    targets: list[tuple[str, Path | None]] = [(reporters.output_format("batch", p, given, fmt), p)
                                              for p in outputs]
    if not outputs:
        targets.append((fmt, None))
    elif not quiet:
        targets.append(("table", None))
    sinks: list[Sink] = []
    try:
        for name, path in targets:
            on_screen = path is None and name == "table"
            stream = reporters.stream(name)(checklist, lang, comparing=comparing, color=color and on_screen,
                                         width=width() if on_screen else FILE_WIDTH, fail_on=fail_on)
            sinks.append(Sink(stream, path, screen=name == "table"))
    except BaseException:
        for sink in sinks:
            sink.abort()
        raise
    return sinks


def write_all(results: Callable[..., Generator[Entry, None, None]], sinks: list[Sink], tally: Tally,
              baseline: Baseline | None, bar: Progress | _NoProgress, total: int,
              kept: list[ReportResult | ErrorResult] | None = None,
              settle: Callable[[Tally], None] | None = None) -> None:
    """Send each result to every output as it arrives; on any failure, leave no partial file.
    ``settle`` works out what concerns the whole batch before the outputs are finished."""
    try:
        for sink in sinks:
            sink.write(sink.stream.head())
        with bar:
            task = bar.add_task("", total=total)
            # closed at once: a signal raised here, between two results, ends the workers now
            with closing(results(on_done=lambda n: bar.advance(task, n))) as entries:
                for entry in entries:
                    if baseline is not None:
                        entry = replace(entry, delta=baseline.delta(entry.row, tally.columns))
                    tally.add(entry)
                    if kept is not None and entry.result is not None:
                        kept.append(entry.result)
                    for sink in sinks:
                        sink.write(sink.stream.add(entry))
        if settle is not None:
            settle(tally)
        for sink in sinks:
            sink.write(sink.stream.finish(tally))
            sink.commit()
    except BaseException:
        for sink in sinks:
            sink.abort()
        raise


def _detail(sinks: list[Sink], keeping: bool) -> batch.Detail:
    """What the workers send back: the full results only where an output or the history needs them."""
    detailed = [s.stream for s in sinks if s.stream.needs_detail]
    if keeping or any(not getattr(stream, "takes_record", False) for stream in detailed):
        return "result"
    return "record" if detailed else "row"


def exit_code(tally: Tally, keep_going: bool) -> int:
    errors = tally.count("error")
    if errors and (not keep_going or errors == len(tally.rows)):
        return EXIT_ERROR
    return EXIT_FAILED if tally.count("failed") else EXIT_OK


@boundary
def batch_command(
    inputs: list[str] = typer.Argument(..., help="Folders, files or globs (quoted, e.g. 'reports/**/*.docx')",
                                       show_default=False),
    fmt: Optional[str] = typer.Option(None, "--format", "-f",
                                      help="On stdout: {formats} (with --output: for a file whose suffix names no "
                                           "format)"),
    output: list[Path] = typer.Option([], "--output", "-o",
                                      help="Write to this file, in the format of its suffix ({suffixes}); repeatable"),
    checklist: Optional[str] = typer.Option(None, "--checklist", "-c", help="Built-in checklist id or YAML path"),
    min_score: Optional[float] = typer.Option(None, "--min-score", help="Pass mark (default: the checklist's)"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="required | partial | none"),
    lang: Optional[str] = typer.Option(None, "--lang", help="Message language: zh | en"),
    no_color: bool = typer.Option(False, "--no-color", help="Plain text without colours"),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="No progress bar, and no summary on screen when writing --output files"),
    max_size: int = typer.Option(DEFAULT_MAX_SIZE, "--max-size", help="Largest file read, in bytes"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (0: one per core)"),
    time_limit: Optional[float] = typer.Option(None, "--time-limit",
                                               help="Seconds reading and checking one file may take (default 30)"),
    memory_limit: Optional[int] = typer.Option(None, "--memory-limit",
                                               help="Megabytes reading and checking one file may take (default 1024)"),
    include: list[str] = typer.Option([], "--include", help="Only files matching this glob; repeatable"),
    exclude: list[str] = typer.Option([], "--exclude", help="Leave out files and folders matching this glob; "
                                                            "repeatable"),
    compare: Optional[Path] = typer.Option(None, "--compare",
                                           help="Last year's --format json output, or db (the history of "
                                                "--db): show what regressed"),
    keep_going: bool = typer.Option(False, "--keep-going",
                                    help="Report unreadable files but judge only the rest for the exit code"),
    config: Optional[Path] = typer.Option(None, "--config", help="Settings file (default: lawcheck.yaml here or above)"),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Report, but exit 0 even when the gate fails"),
    feedback: Optional[Path] = typer.Option(None, "--feedback",
                                            help="Write a feedback letter (.docx) per body and index.xlsx into "
                                                 "this folder"),
    feedback_deadline: Optional[str] = typer.Option(None, "--feedback-deadline",
                                                    help="The date by which bodies correct their reports "
                                                         "(YYYY-MM-DD), said in the letters"),
    feedback_date: Optional[str] = typer.Option(None, "--feedback-date",
                                                help="The letters' date (YYYY-MM-DD; default today), under the "
                                                     "sender of feedback_from in lawcheck.yaml"),
    feedback_passing: Optional[str] = typer.Option(None, "--feedback-passing",
                                                   help="A passing body's letter: acknowledge (a short one) | none"),
    bodies_file: Optional[Path] = typer.Option(None, "--bodies",
                                               help="bodies.yaml: the bodies expected to report and their "
                                                    "other names"),
    db: Optional[str] = typer.Option(None, "--db", help="Record every report in this history database "
                                                        "(a file, or a postgresql:// URL)"),
    year: Optional[int] = typer.Option(None, "--year", help="The year the reports should cover: the others are named"),
) -> None:
    """Check every report under folders or globs, in parallel: ranking, coverage, gaps."""
    check_min_score(min_score)
    check_max_size(max_size)
    check_limits(time_limit, memory_limit)
    given = fmt  # --format as typed: an output's suffix must not contradict it
    run = settings_for(config, checklist=checklist, min_score=min_score, fail_on=fail_on, lang=lang, format=fmt,
                       db=db, bodies=str(bodies_file) if bodies_file else None, feedback_deadline=feedback_deadline,
                       feedback_date=feedback_date, feedback_passing=feedback_passing, year=year,
                       time_limit=time_limit, memory_limit=memory_limit)
    lang, fail_on, fmt = check_lang(run.lang), check_fail_on(run.fail_on), run.format
    if fmt not in reporters.names("batch"):
        raise LawcheckError("usage-format", value=fmt, formats=", ".join(reporters.names("batch")))
    if jobs < 0:
        raise LawcheckError("batch-usage-jobs", value=jobs)
    if fmt == "xlsx" and not output and sys.stdout.isatty():
        raise LawcheckError("batch-xlsx-terminal")
    compiled = checklists.load(run.checklist)
    check_waivers(run, compiled)
    signed = _signed(run, lang) if feedback is not None else None
    known = bodies.load(Path(run.value("bodies"))) if run.value("bodies") else bodies.Bodies()
    # The history is opened first only to compare with it; else after the outputs are written,
    # so a database that will not open or take the run costs a sentence, not the batch's work.
    comparing_db = compare is not None and str(compare) == "db"
    store = _store(run.value("db")) if comparing_db else None
    baseline: Baseline | None = None
    if comparing_db:
        if store is None:
            raise LawcheckError("compare-db-needs-db")
        from lawcheck.history.queries import DbBaseline

        baseline = DbBaseline(store, compiled, known)
    elif compare is not None:
        baseline = load_baseline(compare)
    paths = batch.discover(inputs, batch.Filters(tuple(include), tuple(exclude)))
    if not paths:
        raise LawcheckError("batch-no-reports", inputs=" ".join(inputs), suffixes=" ".join(READABLE_SUFFIXES))
    refuse_inputs_as_outputs([*output, *([feedback, feedback / "index.xlsx"] if feedback else [])], list(paths))
    if feedback is not None:
        refuse_letters_among(feedback, paths)
    cols = columns(compiled, lang)
    identify = bodies.identifier(known, compiled.forms)
    tally = Tally(cols, comparing=baseline is not None, body_of=_body_of(identify))
    sinks = open_sinks(fmt, given, output, compiled, lang, baseline is not None, use_color(no_color), quiet, fail_on)
    kept: list[ReportResult | ErrorResult] | None = [] if feedback is not None or run.value("db") else None
    results = functools.partial(batch.run, paths, compiled, run.options(max_size=max_size), jobs=jobs,
                                detail=_detail(sinks, kept is not None), budget=run.budget, prints=True)
    bar: Progress | _NoProgress = _NoProgress()
    if not quiet and sys.stderr.isatty():
        from lawcheck.commands.progress import progress_bar

        bar = progress_bar(lang)
    settled()  # and the checklist, before the reports are checked
    # the history, opened once when it is first needed (the copies' search, then the record)
    history = functools.cache(lambda: store or _store(run.value("db")))
    write_all(results, sinks, tally, baseline, bar, len(paths), kept,
              settle=lambda t: _settle(t, history if run.value("db") else None, lang, quiet))
    readable = [r for r in kept or [] if isinstance(r, ReportResult)]
    if not quiet:
        for found in tally.batch_findings:
            if found["id"] == "duplicate-submission":
                error(message("batch-duplicate", lang, body=found["body"], year=found["year"] or "—",
                              judged=found["judged"], others="、".join(found["others"])))
            else:
                evidence = message("batch-similar-evidence", lang, text=found["evidence"]) if found["evidence"] else ""
                error(message("batch-similar", lang, report=found["report"], other=other_named(found, lang),
                              share=round(found["share"] * 100), evidence=evidence))
    if feedback is not None:
        from lawcheck.workflows.feedback import write_pack

        assert signed is not None
        if baseline is not None:
            titles = {c.id: c.title for c in cols}

            def regressed(result: ReportResult) -> list[str]:
                """What the report lost since last year, as the batch worked it out (tally.deltas)."""
                delta = tally.deltas.get(result.path)
                return [titles.get(i, i) for i in delta.regressed] if delta is not None else []

            signed = replace(signed, regressed=regressed)
        signed = replace(signed, copies={f["report"]: {**f, "other_named": other_named(f, lang)}
                                         for f in tally.batch_findings if f["id"] == "similar-report"})
        unread = [r for r in kept or [] if isinstance(r, ErrorResult)]
        letters = write_pack(feedback, readable, compiled, known, identify, lang, signed, unread, paths)
        if not quiet:
            error(message("feedback-written", lang, count=sum(1 for letter in letters if letter.file),
                          path=str(feedback)))
            absent = known.missing({letter.key for letter in letters})
            if absent:
                error(message("feedback-absent-note", lang, bodies="、".join(b.name for b in absent)))
    if run.value("db"):
        from lawcheck.history.store import shown

        opened = history()
        assert opened is not None
        outcome = record(opened, compiled, readable, identify, lang, {p.path: p for p in tally.prints})
        if not quiet:
            error(message("db-recorded", lang, added=outcome.added, known=outcome.known, target=shown(opened.target)))
    if not quiet:
        for line in _years_said(tally, run.value("year"), lang):
            error(line)
    errors = tally.count("error")
    if errors and not quiet and (output or fmt != "table"):
        error(message("batch-errors-note", lang, count=errors))
    for line in run.unused_waivers(paths):
        error(line)
    code = exit_code(tally, keep_going)
    raise typer.Exit(EXIT_OK if exit_zero and code == EXIT_FAILED else code)


def refuse_letters_among(folder: Path, inputs: list[Path]) -> None:
    """Letters go in a folder of their own: not where the reports read are (nor a next run would read them)."""
    real = os.path.realpath(folder)
    for path in inputs:
        if os.path.dirname(os.path.realpath(path)) == real:
            raise LawcheckError("feedback-holds-inputs", path=str(folder), report=str(path))


class _NoProgress:
    """The progress bar's interface, doing nothing (stderr is not a terminal, or --quiet)."""

    def __enter__(self) -> "_NoProgress":
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def add_task(self, *_: object, **__: object) -> TaskID:
        return cast("TaskID", 0)

    def advance(self, *_: object) -> None:
        return None


def _said(day: "dt.date", lang: str) -> str:
    return message("date", lang, year=day.year, month=day.month, day=day.day, iso=day.isoformat())


def _signed(run: Any, lang: str) -> "Signed":
    """Who sends the letters, their date (default today), the deadline (not before that date), and
    what a passing body gets."""
    import datetime as dt

    from lawcheck.workflows.feedback import Signed

    def day(key: str, invalid: str) -> dt.date | None:
        value = run.value(key)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise LawcheckError(invalid, value=value) from None

    dated = day("feedback_date", "feedback-date-invalid") or dt.date.today()
    deadline = day("feedback_deadline", "feedback-deadline-invalid")
    if deadline is not None and deadline < dated:
        raise LawcheckError("feedback-deadline-past", deadline=deadline.isoformat(), date=dated.isoformat())
    passing = str(run.value("feedback_passing") or "acknowledge")
    if passing not in ("acknowledge", "none"):
        raise LawcheckError("feedback-passing-invalid", value=passing)
    return Signed(run.value("feedback_from"), _said(dated, lang), _said(deadline, lang) if deadline else None, passing)


def _settle(tally: Tally, history: Callable[[], Store | None] | None, lang: str, quiet: bool) -> None:
    """The batch's own findings, once every report is in: two submissions of one body for a
    year, and copies among the reports and (with --db) of the reports recorded before. A history
    that cannot be read costs its part of the search and a sentence, not the batch's work."""
    from lawcheck.judge import similar

    earlier: list[Any] = []
    if history is not None:
        try:
            from lawcheck.history.store import earlier_fingerprints

            earlier = earlier_fingerprints(history())  # type: ignore[arg-type]
        except LawcheckError as e:
            if not quiet:
                error(e.render(lang))
    copies = []
    for found in similar.find(tally.prints, earlier):
        copies.append({"id": "similar-report", "report": found.report.path, "other": found.other.path,
                       "other_body": found.other.body, "other_year": found.other.year, "share": found.share,
                       "recorded": found.other.content is not None,
                       "evidence": _evidence(found.report, found.sentence)})
    tally.batch_findings = [*tally.duplicates(), *copies]


def _evidence(report: Any, sentence: int | None) -> str | None:
    """The copied report's first sentence the other has too: kept in its fingerprint when it is
    one of the first, else read again from its file."""
    if sentence is None:
        return None
    if sentence < len(report.opening):
        return report.opening[sentence]  # type: ignore[no-any-return]
    from lawcheck import readers
    from lawcheck.judge import similar
    from lawcheck.document import structure

    try:
        doc = structure.build(readers.read(report.path))
    except Exception:  # changed or gone since it was checked: the share alone is said
        return None
    return similar.sentence_text(doc, report.body, sentence)


def _years_said(tally: Tally, wanted: int | None, lang: str) -> list[str]:
    """With a year asked for, the reports of other years, by name; without, a batch of several
    years, said once with how many of each."""
    years: dict[int, list[str]] = {}
    for row in tally.rows:
        if row.error is None and row.year is not None:
            years.setdefault(row.year, []).append(row.path)
    if wanted is not None:
        return [message("batch-other-year", lang, path=path, year=y, wanted=wanted)
                for y in sorted(years) if y != wanted for path in sorted(years[y])]
    if len(years) > 1:
        counts = "、".join(message("batch-year-count", lang, year=y, count=len(years[y])) for y in sorted(years))
        return [message("batch-years-mixed", lang, years=counts)]
    return []


def _body_of(identify: Callable[[str, str | None], bodies.Identity]) -> Callable[[Any], tuple[str, str] | None]:
    def body_of(row: Any) -> tuple[str, str] | None:
        who = identify(row.path, row.org)
        return (who.key, who.name) if who.known else None
    return body_of


def _store(target: str | None) -> Store | None:
    if not target:
        return None
    from lawcheck.history.store import open_store

    return open_store(target)


def record(store: Store, checklist: checklists.Checklist, kept: list[ReportResult],
           identify: Callable[[str, str | None], bodies.Identity], lang: str = "zh",
           prints: dict[str, Any] | None = None) -> Outcome:
    """Record the batch's readable reports in the history (each content once per checklist version)."""
    from lawcheck import __version__
    from lawcheck.history.store import Recorded, content_hash

    recorded = []
    for result in kept:
        # the body from the text, the file's name or bodies.yaml; an unidentified report is kept
        # under its file's name, so `history bodies` lists it for the inspector to settle
        who = identify(result.path, result.meta.org)
        name = who.name if who.known else message("feedback-unidentified", lang, file=who.name)
        recorded.append(Recorded(result, content_hash(result.path), who.key, name, (prints or {}).get(result.path)))
    return store.record(checklist.id, checklist.version or "", __version__, recorded)
