"""Every command on a Python shaped like Windows': the POSIX-only calls taken away.

``tests/support/windows_shaped/sitecustomize.py`` runs first in each Python
process these tests start (the command and every worker it spawns): no
``os.fchmod``, no ``fork`` or ``forkserver``, no ``SIGKILL``, no ``resource``,
no ``ctypes.CDLL(None)``. lawcheck must give there what it gives here, byte
for byte, and keep its budget and its Ctrl-C.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import docx
import psutil
import pytest

from tests.cli.conftest import ROOT, Run
from tests.support.hostile import MAKERS
from tests.web.conftest import start_server, stop

SHAPE = ROOT / "tests" / "support" / "windows_shaped"
EXAMPLES = ROOT / "examples"
REPORT = EXAMPLES / "yunling-town-2024.txt"
DOCX = EXAMPLES / "qinghe-street-2024.docx"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="this is Windows: the real thing runs instead")


def env(windows: bool = True) -> dict[str, str]:
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "PYTHONPATH")}
    full.update({"COLUMNS": "110", "PYTHONIOENCODING": "utf-8"})
    if windows:
        full["PYTHONPATH"] = str(SHAPE)
    return full


def lawcheck(*args: str, cwd: Path = ROOT, windows: bool = True) -> Run:
    proc = subprocess.run([sys.executable, "-m", "lawcheck", *args], cwd=cwd, env=env(windows),
                          capture_output=True, text=True, encoding="utf-8", timeout=300)
    return Run(proc)


def test_the_shape_is_in_every_process() -> None:
    probe = ("import ctypes, multiprocessing, os, signal\n"
             "gone = [not hasattr(os, 'fchmod'), not hasattr(os, 'fork'), not hasattr(signal, 'SIGKILL')]\n"
             "try:\n    import resource\nexcept ImportError:\n    gone.append(True)\n"
             "try:\n    ctypes.CDLL(None)\nexcept TypeError:\n    gone.append(True)\n"
             "gone.append(multiprocessing.get_all_start_methods() == ['spawn'])\n"
             "ctx = multiprocessing.get_context()\n"
             "q = ctx.Queue(); p = ctx.Process(target=os.getpid); p.start(); p.join()\n"
             "print(all(gone) and len(gone) == 6, p.exitcode, os.environ['LAWCHECK_WINDOWS_SHAPED'])\n")
    proc = subprocess.run([sys.executable, "-c", probe], env=env(), capture_output=True, text=True, timeout=60)
    assert proc.stdout == "True 0 1\n", proc.stderr


@pytest.mark.parametrize("fmt", ["json", "html", "sarif"])
def test_check_writes_what_it_writes_on_linux(tmp_path: Path, fmt: str) -> None:
    outputs = []
    for windows in (True, False):
        out = tmp_path / f"{windows}.{fmt}"
        run = lawcheck("check", str(REPORT), "-o", str(out), windows=windows)
        assert run.code in (0, 1) and run.err == "", run.err
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_annotate_and_template(tmp_path: Path) -> None:
    copy, template = tmp_path / "copy.docx", tmp_path / "t.docx"
    run = lawcheck("annotate", str(DOCX), "-o", str(copy))
    assert run.code in (0, 1), run.err
    assert len(docx.Document(str(copy)).comments) > 0
    run = lawcheck("template", "-o", str(template))
    assert run.code == 0, run.err
    assert any("第一责任人" in p.text for p in docx.Document(str(template)).paragraphs)


def test_a_batch_with_its_default_workers_letters_and_history(tmp_path: Path) -> None:
    made = {}
    for windows in (True, False):
        folder = tmp_path / str(windows)
        folder.mkdir()
        db = folder / "h.sqlite"
        run = lawcheck("batch", str(EXAMPLES), "-o", str(folder / "s.csv"), "-o", str(folder / "s.json"),
                       "--feedback", str(folder / "letters"), "--db", str(db), "--quiet", windows=windows)
        assert run.code == 1, run.err
        history = lawcheck("history", "bodies", "--db", str(db), windows=windows)
        assert history.code == 0, history.err
        made[windows] = ((folder / "s.csv").read_bytes(), (folder / "s.json").read_bytes(),
                         sorted(p.name for p in (folder / "letters").iterdir()), history.out)
    assert made[True] == made[False]
    assert "云岭镇" in made[True][3]


def test_the_budget_holds_without_fork_resource_or_sigkill(tmp_path: Path) -> None:
    slow = MAKERS["ordinary-text-20mb.txt"](tmp_path)  # about 4 s to check
    start = time.monotonic()
    run = lawcheck("batch", str(slow), str(REPORT), "--time-limit", "1", "--format", "json", "--quiet")
    assert time.monotonic() - start < 30
    rows = {Path(r["path"]).name: r for r in json.loads(run.out)["reports"]}
    assert "超过了 1 秒的时间上限" in rows[slow.name]["error"]
    assert rows[REPORT.name]["error"] is None and rows[REPORT.name]["score"] > 50


def test_ctrl_c_stops_a_batch_and_its_workers(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(600):
        (folder / f"r{i:03d}.txt").write_bytes(REPORT.read_bytes())
    out = tmp_path / "out.json"
    proc = subprocess.Popen([sys.executable, "-m", "lawcheck", "batch", str(folder), "-o", str(out), "--quiet",
                             "--jobs", "2"], cwd=ROOT, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8")
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + 60
    while len(parent.children()) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = parent.children(recursive=True)
    assert workers and proc.poll() is None
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert (proc.returncode, err) == (130, "已中断，没有写出任何输出文件。\n")
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == [] and not out.exists() and not list(tmp_path.glob(".out.json.*"))


def test_serve_checks_an_upload() -> None:
    server = start_server("--workers", "1", env=env())
    try:
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.txt\"\r\n"
                f"Content-Type: text/plain\r\n\r\n").encode() + REPORT.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        request = urllib.request.Request(server.url + "/api/check", data=body, method="POST",
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            result = json.loads(answer.read())
        assert result["reports"][0]["meta"]["org"] == "云岭镇人民政府" and result["reports"][0]["score"] > 50
        children = psutil.Process(server.proc.pid).children(recursive=True)
        assert children, "each check runs in a child process"
    finally:
        stop(server)
    assert server.proc.returncode is not None
