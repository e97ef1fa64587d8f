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
import signal
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from lawcheck import checklist as checklists
from lawcheck.checklist import Checklist
from lawcheck.engine import Options, check_path
from lawcheck.errors import LawcheckError, ReadError
from lawcheck.messages import message
from lawcheck.model import ErrorResult, ReportResult
from lawcheck.readers import SUPPORTED_SUFFIXES
from lawcheck.reporters.json import record_text
from lawcheck.tally import Entry, row_of

if TYPE_CHECKING:
    from concurrent.futures import Future

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


def check_one(path: Path, checklist: Checklist, options: Options, detail: Detail) -> Entry:
    """Check one report; an unreadable file (or a crash on it) becomes an error row."""
    result: ReportResult | ErrorResult
    try:
        result = check_path(path, checklist, options)
    except ReadError as e:
        result = ErrorResult(path=str(path), error=e.render(options.lang), key=e.key)
    except LawcheckError as e:  # e.g. a checklist regex that times out on this report
        result = ErrorResult(path=str(path), error=e.render(options.lang), key=e.key)
    except Exception as e:  # a bug on one odd file must not stop ten thousand others
        if os.environ.get("LAWCHECK_DEBUG"):
            raise
        text = message("internal-error", options.lang, error=f"{type(e).__name__}: {e}")
        result = ErrorResult(path=str(path), error=text, key="internal-error")
    if detail == "record":
        return Entry(row_of(result), record=record_text(result, options.lang))
    return Entry(row_of(result), result if detail == "result" else None)


# Set in each worker process by _init_worker: the checklist is loaded once per process.
_WORKER: tuple[Checklist, Options, Detail] | None = None


def _init_worker(checklist_path: str, options: Options, detail: Detail) -> None:
    global _WORKER
    # Ctrl-C reaches the whole process group: the parent stops the run and its workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    _WORKER = (checklists.load(checklist_path), options, detail)
    gc.freeze()  # the checklist and the modules live as long as the worker: not looked at again


def _die_with_parent() -> None:
    """Ask Linux to end this worker when its parent dies, however it dies (PR_SET_PDEATHSIG)."""
    import ctypes  # here: a worker's concern, and a run with --jobs 1 has none

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's shutdown still ends the workers
        pass


def _check_chunk(paths: list[Path]) -> list[Entry]:
    assert _WORKER is not None
    checklist, options, detail = _WORKER
    return [check_one(p, checklist, options, detail) for p in paths]


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(paths: Sequence[Path], checklist: Checklist, options: Options, *, jobs: int = 0,
        detail: Detail = "result", on_done: Callable[[int], None] | None = None) -> Generator[Entry, None, None]:
    """Check ``paths`` and yield their outcomes in the same order.

    ``jobs`` processes (0: one per core; 1: in this process). ``detail`` says
    what comes back with each summary row: the full result (``"result"``), the
    report's JSON record ready to write (``"record"``: the JSON is made in the
    worker, and a string is all that crosses to this process), or nothing
    (``"row"``: a few hundred bytes per report). ``on_done(n)`` is called as
    reports finish, for a progress bar.
    """
    jobs = jobs or default_jobs()
    if jobs == 1 or len(paths) <= 1:
        for path in paths:
            outcome = check_one(path, checklist, options, detail)
            if on_done:
                on_done(1)
            yield outcome
        return
    yield from _run_pool(list(paths), checklist, options, min(jobs, len(paths)), detail, on_done)


def _run_pool(paths: list[Path], checklist: Checklist, options: Options, jobs: int, detail: Detail,
              on_done: Callable[[int], None] | None) -> Generator[Entry, None, None]:
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait  # not for --jobs 1: 7 ms

    # Small chunks keep the workers evenly loaded; a few reports per chunk save messages
    # when there are thousands.
    size = max(1, min(8, len(paths) // (jobs * 64)))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)]
    window = jobs * 8  # chunks submitted ahead of the next one to yield
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                             initargs=(checklist.path, options, detail)) as pool:
        pending: dict[Future[list[Entry]], int] = {}
        ready: dict[int, list[Entry]] = {}
        submitted = next_out = 0
        try:
            while next_out < len(chunks):
                while submitted < len(chunks) and submitted - next_out < window:
                    pending[pool.submit(_check_chunk, chunks[submitted])] = submitted
                    submitted += 1
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    index = pending.pop(future)
                    ready[index] = future.result()
                    if on_done:
                        on_done(len(ready[index]))
                while next_out in ready:
                    yield from ready.pop(next_out)
                    next_out += 1
        except BaseException:
            # failing (or closed early): end the workers now rather than let them finish
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        finally:
            for future in pending:
                future.cancel()
