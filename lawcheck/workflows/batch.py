"""Check a folder of reports: discover the files, check them in parallel, stream the results.

``discover`` walks folders and globs for report files (the suffixes in
``readers.SUPPORTED_SUFFIXES``), leaving out what is never a report: Word lock
files (``~$a.docx``), hidden files and folders, and editors' temporary files.
It follows symbolic links but never enters a folder twice (so a link loop
ends), and returns the paths sorted, whatever the order of the disk.

``run`` checks the paths on a pool of processes, each loading the checklist
once, and yields the results in path order through a small reorder buffer:
at most ``window`` results wait for a slower one before them, so memory stays
flat however many reports there are.
"""

from __future__ import annotations

import gc
import glob
import os
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Literal

from lawcheck.judge import checklist as checklists
from lawcheck.judge.checklist import Checklist
from lawcheck import readers
from lawcheck.document import structure
from lawcheck.judge.engine import Options, judge
from lawcheck.errors import LawcheckError, ReadError
from lawcheck.messages import message
from lawcheck.document.model import ErrorResult, ReportResult
from lawcheck.readers import SUPPORTED_SUFFIXES
from lawcheck.reporters.json import record_text
from lawcheck.judge.similar import Fingerprint
from lawcheck.reporters.tally import Entry, row_of
from lawcheck.workers import Budget, Outcome, Pool

# File names that are never reports: Word/LibreOffice lock files, editors' temporary files.
JUNK_NAMES = ("~$*", "~*", ".~lock.*#", "*.tmp", "*.swp")
_GLOB_CHARS = frozenset("*?[")


# ---------------------------------------------------------------- discovery

@dataclass(frozen=True)
class Filters:
    """Which files to take: ``include`` globs (any), ``exclude`` globs (none).

    A pattern is matched against the path relative to the folder given and
    against the bare file name, so ``*.docx``, ``2024/*`` and ``draft-*`` all
    work; ``*`` also matches ``/``. ``exclude`` applies to folders too.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def excluded(self, rel: str, name: str) -> bool:
        return any(fnmatchcase(rel, p) or fnmatchcase(name, p) for p in self.exclude)

    def included(self, rel: str, name: str) -> bool:
        if not self.include:
            return True
        return any(fnmatchcase(rel, p) or fnmatchcase(name, p) for p in self.include)


def is_junk(name: str) -> bool:
    """Hidden, a lock file or a temporary file: never a report."""
    return name.startswith(".") or any(fnmatchcase(name, p) for p in JUNK_NAMES)


def discover(inputs: Sequence[str], filters: Filters = Filters()) -> list[Path]:
    """The report files under ``inputs`` (files, folders or globs), sorted by path.

    A file named outright is taken whatever its suffix (an unsupported one
    becomes an error row), unless it is junk or filtered out. Raises
    ``LawcheckError("batch-no-input")`` for an input that names nothing.
    """
    found: dict[str, Path] = {}  # real path -> path as shown
    seen_dirs: set[str] = set()
    for text in inputs:
        if not os.path.lexists(text) and _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                raise LawcheckError("batch-no-input", path=text)
            for match in matches:
                _take(Path(match), Path(match).parent, filters, found, seen_dirs, named=False)
        elif os.path.lexists(text):
            path = Path(text)
            _take(path, path if path.is_dir() else path.parent, filters, found, seen_dirs, named=True)
        else:
            raise LawcheckError("batch-no-input", path=text)
    return sorted(found.values(), key=lambda p: str(p))


def _take(path: Path, root: Path, filters: Filters, found: dict[str, Path], seen_dirs: set[str],
          named: bool) -> None:
    if path.is_dir():
        _walk(path, root, filters, found, seen_dirs)
        return
    name = path.name
    rel = _rel(path, root)
    if is_junk(name) or filters.excluded(rel, name) or not filters.included(rel, name):
        return
    if not named and path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return
    found.setdefault(os.path.realpath(path), path)


def _walk(folder: Path, root: Path, filters: Filters, found: dict[str, Path], seen_dirs: set[str]) -> None:
    real = os.path.realpath(folder)
    if real in seen_dirs:  # a link back to a folder already walked: a loop, or the same files again
        return
    seen_dirs.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return  # an unreadable folder holds nothing we can check
    for entry in entries:
        path = folder / entry.name
        if is_junk(entry.name):
            continue
        rel = _rel(path, root)
        if filters.excluded(rel, entry.name):
            continue
        try:
            is_dir = entry.is_dir()  # follows links
        except OSError:
            is_dir = False
        if is_dir:
            _walk(path, root, filters, found, seen_dirs)
        elif entry.name.lower().endswith(SUPPORTED_SUFFIXES) and filters.included(rel, entry.name):
            # A file that is no link is where its folder really is: no realpath (a stat per
            # part of the path) for each of ten thousand reports.
            found.setdefault(os.path.join(real, entry.name) if not _is_link(entry) else os.path.realpath(path),
                             path)


def _is_link(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return True  # realpath will say


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# ---------------------------------------------------------------- checking

# What a report sends back besides its summary row: nothing, the full result, or
# its JSON record as text (the JSONL line's body, made where the report was checked).
Detail = Literal["row", "result", "record"]


@dataclass(frozen=True)
class Given:
    """A report given as bytes (on standard input): the name that says its format, its bytes."""

    name: str
    data: bytes

    def __str__(self) -> str:
        return self.name


def check_one(path: Path | Given, checklist: Checklist, options: Options, detail: Detail,
              prints: bool = False) -> Entry:
    """Check one report; an unreadable file (or a crash on it) becomes an error row. With
    ``prints``, the report's fingerprint for copy detection comes back too."""
    result: ReportResult | ErrorResult
    made: Fingerprint | None = None
    try:
        source = readers.read_data(path.data, path.name) if isinstance(path, Given) else \
            readers.read(path, max_size=options.max_size)
        doc = structure.build(source)
        result = judge(doc, checklist, options)
        if prints:
            from lawcheck.judge import similar

            made = similar.fingerprint(doc, result.meta.org, result.meta.year)
    except ReadError as e:
        result = ErrorResult(path=str(path), error=e.render(options.lang), key=e.key)
    except LawcheckError as e:  # e.g. a checklist regex that times out on this report
        result = ErrorResult(path=str(path), error=e.render(options.lang), key=e.key)
    except MemoryError:
        raise  # past the memory budget: the worker says so, and a new one takes the rest
    except Exception as e:  # a bug on one odd file must not stop ten thousand others
        if os.environ.get("LAWCHECK_DEBUG"):
            raise
        text = message("internal-error", options.lang, error=f"{type(e).__name__}: {e}")
        result = ErrorResult(path=str(path), error=text, key="internal-error")
    entry = _entry(result, detail, options.lang)
    return replace(entry, fingerprint=made) if made is not None else entry


# Set in each worker process by _init_worker: the checklist is loaded once per process.
_WORKER: tuple[Checklist, Options, Detail, bool] | None = None


def _init_worker(checklist_path: str, options: Options, detail: Detail, prints: bool = False) -> None:
    global _WORKER
    _WORKER = (checklists.load(checklist_path), options, detail, prints)
    gc.freeze()  # the checklist and the modules live as long as the worker: not looked at again


def _check_in_worker(path: Path | Given) -> Entry:
    assert _WORKER is not None
    checklist, options, detail, prints = _WORKER
    return check_one(path, checklist, options, detail, prints)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(paths: Sequence[Path | Given], checklist: Checklist, options: Options, *, jobs: int = 0,
        detail: Detail = "result", on_done: Callable[[int], None] | None = None,
        budget: Budget = Budget(), prints: bool = False,
        idle: Callable[[], None] | None = None) -> Generator[Entry, None, None]:
    """Check ``paths`` and yield their outcomes in the same order.

    ``jobs`` worker processes (0: one per core), each file within ``budget``
    (past it, the file is an error row and a new worker takes the rest).
    ``detail`` says what comes back with each summary row: the full result
    (``"result"``), the report's JSON record ready to write (``"record"``: the
    JSON is made in the worker, and a string is all that crosses to this
    process), or nothing (``"row"``: a few hundred bytes per report).
    ``on_done(n)`` is called as reports finish, for a progress bar. With ``prints``, each
    report's fingerprint for copy detection comes back with it (a few kilobytes). ``idle()`` is
    called once while the first reports are checked (see :meth:`Pool.map`).
    """
    jobs = min(jobs or default_jobs(), max(1, len(paths)))
    if prints:  # this process needs numpy to compare the prints: forked workers then have it too
        import numpy  # noqa: F401
    with Pool(jobs, budget, _init_worker, (checklist.path, options, detail, prints)) as pool:
        for path, outcome in zip(paths, pool.map(_check_in_worker, paths, on_done, idle)):
            yield outcome.value if outcome.kind == "ok" else _failed(path, outcome, budget, options.lang, detail)


def _failed(path: Path | Given, outcome: Outcome, budget: Budget, lang: str, detail: Detail) -> Entry:
    """The error row of a file whose check went past the budget, or whose worker died."""
    if outcome.kind == "time":
        error = ReadError("budget_time", path=str(path), seconds=f"{budget.seconds:g}")
    elif outcome.kind == "memory":
        error = ReadError("budget_memory", path=str(path), megabytes=budget.megabytes)
    elif outcome.kind == "died":
        error = ReadError("worker_died", path=str(path), code=outcome.value)
    else:
        text = message("internal-error", lang, error=str(outcome.value))
        return _entry(ErrorResult(path=str(path), error=text, key="internal-error"), detail, lang)
    return _entry(ErrorResult(path=str(path), error=error.render(lang), key=error.key), detail, lang)


def _entry(result: ReportResult | ErrorResult, detail: Detail, lang: str) -> Entry:
    """What goes back to the batch of one report's result, as ``detail`` asks."""
    if detail == "record":
        return Entry(row_of(result), record=record_text(result, lang))
    return Entry(row_of(result), result if detail == "result" else None)
