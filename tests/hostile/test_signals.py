"""A batch stopped by a signal leaves no temporary file and no worker behind, and says so."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32",
                                reason="POSIX signals and /proc: Windows ends a process without running a handler")


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "--ppid", str(pid), "-o", "pid="], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _start(tmp_path: Path, count: int = 1200) -> tuple[subprocess.Popen[str], Path]:
    folder = tmp_path / "reports"
    folder.mkdir()
    example = ROOT / "examples" / "yunling-town-2024.txt"
    for i in range(count):
        shutil.copy(example, folder / f"r{i:04d}.txt")
    out = tmp_path / "out.json"
    proc = subprocess.Popen([sys.executable, "-m", "lawcheck", "batch", str(folder), "-o", str(out), "--quiet",
                             "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.json.*")) and time.monotonic() < deadline:  # the temporary output
        time.sleep(0.05)
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the batch ended before it could be stopped"
    return proc, out


@pytest.mark.parametrize(("signum", "code", "said"), [
    (signal.SIGTERM, 143, "收到终止信号，已停止，没有写出任何输出文件。\n"),
    (signal.SIGINT, 130, "已中断，没有写出任何输出文件。\n"),
])
def test_a_stopped_batch_cleans_up(tmp_path: Path, signum: int, code: int, said: str) -> None:
    proc, out = _start(tmp_path)
    workers = _children(proc.pid)
    proc.send_signal(signum)
    stdout, stderr = proc.communicate(timeout=60)
    assert (proc.returncode, stderr) == (code, said)
    assert not out.exists() and not list(tmp_path.glob(".out.json*"))
    time.sleep(0.5)
    assert [w for w in workers if Path(f"/proc/{w}").exists()] == []


def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    proc, _ = _start(tmp_path)
    workers = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{w}").exists() for w in workers) and time.monotonic() < deadline:
        for w in workers:  # reap them if this test process became their parent's heir
            try:
                os.waitpid(w, os.WNOHANG)
            except ChildProcessError:
                pass
        time.sleep(0.1)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()
             and "Z" not in Path(f"/proc/{w}/stat").read_text().split()[2]]
    assert alive == []


def test_a_stop_names_the_outputs_already_written(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    text = (ROOT / "examples" / "yunling-town-2024.txt").read_text(encoding="utf-8")
    for i in range(400):  # a body each: four hundred letters, written one after another
        (folder / f"r{i:03d}.txt").write_text(text.replace("云岭镇", f"第{i}号镇"), encoding="utf-8")
    out, letters = tmp_path / "out.json", tmp_path / "letters"
    proc = subprocess.Popen([sys.executable, "-m", "lawcheck", "batch", str(folder), "-o", str(out),
                             "--feedback", str(letters), "--quiet", "--lang", "en"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 120
    while len(list(letters.glob("*.docx"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    written = sorted(letters.glob("*.docx"))
    assert proc.returncode == 143 and 2 <= len(written) < 400
    head, tail = "Terminated. Written whole before stopping: ", "; no other output file was written.\n"
    assert stderr.startswith(head) and stderr.endswith(tail), stderr
    named = stderr[len(head):-len(tail)].split(", ")
    if len(written) + 1 > 5:  # the run's output and the first four letters, then a count
        assert named[5:] == ["and others", f"{len(written) + 1} files in all"]
        named = named[:5]
    assert named[0] == str(out) and [Path(p) for p in named[1:]] == written[:len(named) - 1]
    assert not list(letters.glob(".*")) and not (letters / "index.xlsx").exists()
