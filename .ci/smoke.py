"""Run each lawcheck command once as a user would, against an installed lawcheck.

    python .ci/smoke.py path/to/venv/bin/lawcheck

Used by .ci/run on the install with the lowest versions pyproject.toml allows: every command a
user has (check and its file outputs, annotate, template, batch with feedback and a history,
history, serve) must run there too. Exits 1 with what went wrong, 0 when all ran.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
import zipfile
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TXT = EXAMPLES / "yunling-town-2024.txt"
DOCX = EXAMPLES / "qinghe-street-2024.docx"


def run(lawcheck: str, *args: str, cwd: Path, code: int = 0) -> str:
    done = subprocess.run([lawcheck, *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=300)
    if done.returncode != code:
        sys.exit(f"lawcheck {' '.join(map(str, args))}: exit {done.returncode}, expected {code}\n"
                 f"{done.stdout}{done.stderr}")
    return done.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def upload(port: int, path: Path) -> dict:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{path.name}\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + path.read_bytes() + \
        f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/check", data=body,
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def serve(lawcheck: str, cwd: Path) -> None:
    port = free_port()
    server = subprocess.Popen([lawcheck, "serve", "--port", str(port), "--workers", "1"], cwd=cwd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    assert "<form id=\"upload\"" in page.read().decode("utf-8")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    sys.exit(f"lawcheck serve did not start: {server.stderr.read().decode() if server.stderr else ''}")
                time.sleep(0.3)
        answer = upload(port, DOCX)
        if answer["reports"][0]["meta"]["org"] != "青禾街道办事处":
            sys.exit(f"lawcheck serve: unexpected answer {answer}")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    lawcheck = os.path.abspath(sys.argv[1])  # the commands run in a folder of their own
    with tempfile.TemporaryDirectory() as work:
        here = Path(work)
        run(lawcheck, "check", TXT, cwd=here, code=1)
        report = json.loads(run(lawcheck, "check", DOCX, "--format", "json", cwd=here))
        assert report["reports"][0]["passed"] is True, report
        for suffix in ("json", "jsonl", "html", "sarif", "xml"):
            run(lawcheck, "check", DOCX, "-o", f"r.{suffix}", cwd=here)
            assert (here / f"r.{suffix}").stat().st_size > 0, suffix
        run(lawcheck, "annotate", DOCX, "-o", "annotated.docx", cwd=here)
        run(lawcheck, "template", "-o", "template.docx", cwd=here)
        for made in ("annotated.docx", "template.docx"):
            with zipfile.ZipFile(here / made) as package:
                assert "word/comments.xml" in package.namelist(), made
        run(lawcheck, "batch", EXAMPLES, "-o", "summary.xlsx", "--feedback", "letters", "--db", "h.sqlite",
            cwd=here, code=1)
        assert (here / "summary.xlsx").is_file() and any((here / "letters").iterdir())
        bodies = run(lawcheck, "history", "bodies", "--db", "h.sqlite", "--format", "json", cwd=here)
        assert "云岭镇人民政府" in bodies, bodies
        run(lawcheck, "checklist", "list", cwd=here)
        serve(lawcheck, here)
    print("smoke: every command ran")


if __name__ == "__main__":
    main()
