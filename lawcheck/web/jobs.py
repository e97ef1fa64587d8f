"""Each upload checked in a child process: bounded in number, in time, and isolated.

A child is forked from a small server process that has lawcheck imported
already (``forkserver`` with preloading), so starting one costs milliseconds,
and a check that runs past the time limit is killed, not waited for. At most
``workers`` checks run at once; the others wait their turn.
"""

from __future__ import annotations

import asyncio
import io
import multiprocessing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

UNSUPPORTED = ("unknown_format", "legacy_doc", "content_is_spreadsheet", "content_is_presentation",
               "content_is_image", "content_is_archive")  # 415: not a report format
PRELOAD = ["lawcheck.engine", "lawcheck.annotate", "lawcheck.reporters.html", "lawcheck.reporters.json"]


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
    status: int  # 200, or 400/415/504 with ``error``
    error: str = ""
    json: str = ""
    html: str = ""
    passed: bool = False
    docx: bytes = b""


def run_job(job: Job) -> Outcome:
    """The work of one upload (in the child): read, check, render; a refusal as its sentence."""
    from lawcheck import checklist as checklists
    from lawcheck import readers, structure
    from lawcheck.engine import Options, judge
    from lawcheck.errors import LawcheckError, ReadError
    from lawcheck.reporters import render

    try:
        compiled = checklists.load(job.checklist)
        data = Path(job.path).read_bytes()  # once: read as `check -` reads, and annotated if a .docx
        source = readers.read_stream(io.BytesIO(data), job.shown, max_size=job.max_size)
        doc = structure.build(source)
        result = judge(doc, compiled, Options(lang=job.lang, max_size=job.max_size, **job.options))
    except ReadError as e:
        status = 415 if e.key in UNSUPPORTED else 413 if e.key == "too_large" else 400
        return Outcome(status, e.render(job.lang))
    except LawcheckError as e:
        return Outcome(400, e.render(job.lang))
    text = render("json", [result], compiled, job.lang, fail_on=result.fail_on)
    page = render("html", [result], compiled, job.lang, fail_on=result.fail_on)
    docx = b""
    if source.format == "docx":
        from lawcheck.annotate import annotate

        docx, _ = annotate(data, doc, result, compiled, job.lang)
    elif job.kind == "annotate":
        from lawcheck.messages import message

        return Outcome(415, message("annotate-not-docx", job.lang, path=job.shown))
    return Outcome(200, json=str(text), html=str(page), passed=result.passed, docx=docx)


def _child(job: Job, conn: Any) -> None:
    try:
        conn.send(run_job(job))
    except BaseException as e:  # a bug on one odd file: said, not a dead connection
        from lawcheck.messages import message

        conn.send(Outcome(500, message("internal-error", job.lang, error=f"{type(e).__name__}: {e}")))
    finally:
        conn.close()


class Runner:
    """Runs jobs in children, ``workers`` at a time, each within ``seconds``."""

    def __init__(self, workers: int, seconds: float) -> None:
        self.seconds = seconds
        self.slots = asyncio.Semaphore(workers)
        self.context = multiprocessing.get_context("forkserver")
        self.context.set_forkserver_preload(PRELOAD)

    async def run(self, job: Job, timeout_said: str) -> Outcome:
        async with self.slots:
            return await asyncio.get_running_loop().run_in_executor(None, self._wait, job, timeout_said)

    def _wait(self, job: Job, timeout_said: str) -> Outcome:
        parent, child = self.context.Pipe(duplex=False)
        process = self.context.Process(target=_child, args=(job, child), daemon=True)
        process.start()
        child.close()
        try:
            if parent.poll(self.seconds):
                try:
                    return parent.recv()  # type: ignore[no-any-return]
                except EOFError:  # the child died without a word (out of memory, killed)
                    from lawcheck.messages import message

                    return Outcome(500, message("web-died", job.lang, code=process.exitcode))
            return Outcome(400, timeout_said)  # too slow: stopped, as a file the CLI refuses
        finally:
            if process.is_alive():
                process.kill()
            process.join()
            parent.close()
