"""Each upload checked in a child process of its own: bounded in number, in time, in memory.

A child is started from a small server process that has lawcheck imported
already (``forkserver`` with preloading, where the system has it; ``spawn``
elsewhere, as on Windows), so starting one costs milliseconds. Each runs
within the budget of :mod:`lawcheck.workers` (time and memory) and is killed
past it, when its client goes away, or when the server stops. At most
``workers`` checks run at once, and at most ``waiting`` more wait their turn:
past that an upload gets a clear 503 at once rather than an unbounded wait.
"""

from __future__ import annotations

import asyncio
import io
import multiprocessing
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lawcheck.workers import Budget, Pool

UNSUPPORTED = ("unknown_format", "legacy_doc", "content_is_spreadsheet", "content_is_presentation",
               "content_is_image", "content_is_archive")  # 415: not a report format
PRELOAD = ["lawcheck.judge.engine", "lawcheck.workflows.annotate", "lawcheck.reporters.html", "lawcheck.reporters.json"]
LOOK_EVERY = 0.5  # seconds between looks at whether the client is still there


@dataclass(frozen=True)
class Job:
    kind: str  # "check" (JSON and the page) or "annotate" (the commented .docx as well)
    path: str  # the upload, under a temporary name of ours
    shown: str  # the name the user gave it (a name, never a path)
    checklist: str
    lang: str
    max_size: int
    options: dict[str, Any] = field(default_factory=dict)  # min_score, fail_on, waivers from the settings


@dataclass(frozen=True)
class Outcome:
    status: int  # 200, or 400/413/415/503 with ``error``
    error: str = ""
    json: str = ""
    html: str = ""
    other: str = ""  # the page in the other language, for the page's language switch
    passed: bool = False
    docx: bytes = b""


def run_job(job: Job) -> Outcome:
    """The work of one upload (in the child): read, check, render; a refusal as its sentence."""
    from lawcheck.judge import checklist as checklists
    from lawcheck import readers
    from lawcheck.document import structure
    from lawcheck.judge.engine import Options, judge
    from lawcheck.errors import LawcheckError, ReadError
    from lawcheck.messages import message
    from lawcheck.reporters import render

    try:
        compiled = checklists.load(job.checklist)
        data = Path(job.path).read_bytes()  # once: read as `check -` reads, and annotated if a .docx
        source = readers.read_stream(io.BytesIO(data), job.shown, max_size=job.max_size)
        doc = structure.build(source)
        result = judge(doc, compiled, Options(lang=job.lang, max_size=job.max_size, **job.options))
    except ReadError as e:
        status = 415 if e.key in UNSUPPORTED else 413 if e.key in ("too_large", "too_large_stream") else 400
        if e.key == "legacy_doc":  # the command line's sentence names a shell command; a page says Word/WPS
            return Outcome(status, message("web-legacy-doc", job.lang, path=job.shown))
        return Outcome(status, e.render(job.lang))
    except LawcheckError as e:
        return Outcome(400, e.render(job.lang))
    if source.format != "docx" and job.kind == "annotate":
        return Outcome(415, message("annotate-not-docx", job.lang, path=job.shown))
    text = render("json", [result], compiled, job.lang, fail_on=result.fail_on)
    page = render("html", [result], compiled, job.lang, fail_on=result.fail_on)
    other = render("html", [result], compiled, "en" if job.lang == "zh" else "zh", fail_on=result.fail_on)
    docx = b""
    if source.format == "docx":
        from lawcheck.workflows.annotate import annotate

        try:
            docx, _ = annotate(data, doc, result, compiled, job.lang)
        except LawcheckError as e:  # python-docx refuses a package the reader copes with
            if job.kind == "annotate":
                return Outcome(400, e.render(job.lang))  # the page still shows the report, without the copy
    return Outcome(200, json=str(text), html=str(page), other=str(other), passed=result.passed, docx=docx)


def start_method() -> str:
    """``forkserver`` (a small process with lawcheck imported forks each child), else ``spawn``."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


class _Run:
    """One upload's check in its own child process, which ``cancel`` ends from any thread."""

    def __init__(self, job: Job, budget: Budget, method: str) -> None:
        self.job = job
        self.pool = Pool(1, budget, method=method)
        self.cancelled = False

    def wait(self) -> Any:
        try:
            return self.pool.call(run_job, self.job)
        finally:
            self.pool.close()

    def cancel(self) -> None:
        self.cancelled = True
        self.pool.kill()


class Runner:
    """Runs jobs in children, ``workers`` at a time and ``waiting`` more in line, each within ``budget``."""

    def __init__(self, workers: int, budget: Budget, waiting: int | None = None) -> None:
        self.budget = budget
        self.slots = asyncio.Semaphore(workers)
        self.waiting = waiting if waiting is not None else 16 * workers
        self.queued = 0
        self.method = start_method()
        if self.method == "forkserver":
            multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
        self.active: set[_Run] = set()
        self.stopped = False  # the server is stopping: no check starts any more

    async def run(self, job: Job, said: Callable[[str, Any], str], gone: Callable[[], Awaitable[bool]]) -> Outcome:
        """The outcome of ``job``; ``said(kind, value)`` words a check that went past its budget,
        ``gone()`` tells whether the client left (its check is then ended)."""
        if self.queued >= self.waiting and self.slots.locked():
            return Outcome(503, said("busy", None))
        self.queued += 1
        try:
            await self.slots.acquire()
        finally:
            self.queued -= 1
        try:
            return await self._watched(job, said, gone)
        finally:
            self.slots.release()

    async def _watched(self, job: Job, said: Callable[[str, Any], str], gone: Callable[[], Awaitable[bool]]) -> Outcome:
        run = _Run(job, self.budget, self.method)
        self.active.add(run)
        if self.stopped:  # stop() came before (even while it waited its turn): it ends at once
            run.cancel()
        try:
            task = asyncio.get_running_loop().run_in_executor(None, run.wait)
            while not task.done():
                await asyncio.wait({task}, timeout=LOOK_EVERY)
                if not task.done() and await gone():
                    run.cancel()
            outcome = task.result()
        finally:
            self.active.discard(run)
        if run.cancelled:
            return Outcome(503, said("stopped", None))
        if outcome.kind == "ok":
            return outcome.value  # type: ignore[no-any-return]
        if outcome.kind in ("time", "memory"):
            return Outcome(400, said(outcome.kind, None))  # too costly: refused, as the CLI refuses it
        return Outcome(500, said(outcome.kind, outcome.value))

    def stop(self) -> None:
        """End every running check at once, and start none after (the server is stopping): a
        check whose upload is still coming in, or waiting its turn, or whose child is still
        starting, is ended too, rather than holding the server's stop for its whole run."""
        self.stopped = True  # before the look at the active ones: _watched adds, then looks here
        for run in list(self.active):
            run.cancel()
