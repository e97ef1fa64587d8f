#!/usr/bin/env python3
"""Run every hostile input through ``lawcheck check`` and print what it said, its time and peak memory.

    python benchmarks/hostile.py            # all of tests/support/hostile.py's files
    python benchmarks/hostile.py pdf-bomb   # those whose name contains the words given

Each file is made in a temporary folder, then checked in a child process
(``python -m lawcheck check FILE --no-color``), and a .docx also annotated
(``python -m lawcheck annotate FILE -o COPY``, which copies the whole
package); the time is wall time and
the memory is the child's peak resident set (wait4). The issue's targets:
every file refused or read in under 5 s and under 400 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.hostile import MAKERS  # noqa: E402  (the same files the tests use)


def run(path: Path, *command: str) -> tuple[float, float, int, str]:
    """Seconds, peak MB (of the child and the workers it waited for), exit code and the first line
    lawcheck wrote to stderr."""
    start = time.perf_counter()
    command = command or ("check", "--no-color")
    proc = subprocess.Popen([sys.executable, "-m", "lawcheck", command[0], str(path), *command[1:]],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stderr is not None
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    said = err.strip().splitlines()[0] if err.strip() else "read"
    return seconds, usage.ru_maxrss / 1024, proc.returncode, said


def main(words: list[str]) -> None:
    print(f"{'input':30} {'size MB':>8} {'exit':>4} {'seconds':>8} {'peak MB':>8}  what lawcheck said")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in MAKERS.items():
            if words and not any(w in name for w in words):
                continue
            path = make(Path(folder))
            size = path.stat().st_size / (1024 * 1024)
            seconds, peak, code, said = run(path)
            said = said.replace(str(path), path.name)
            print(f"{name:30} {size:8.1f} {code:>4} {seconds:8.2f} {peak:8.0f}  {said[:60]}")
            if path.suffix == ".docx":
                copy = Path(folder) / "annotated.docx"
                seconds, peak, code, said = run(path, "annotate", "-o", str(copy), "--force")
                said = said.replace(str(path), path.name).replace(str(copy), copy.name)
                print(f"{'  annotated':30} {'':8} {code:>4} {seconds:8.2f} {peak:8.0f}  {said[:60]}")
                copy.unlink(missing_ok=True)
            path.unlink()


if __name__ == "__main__":
    main(sys.argv[1:])
