"""lawcheck check - reads a report from standard input (a pipeline's habit)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def check(*args: str, data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "lawcheck", "check", *args], input=data, capture_output=True,
                          cwd=ROOT, timeout=120)


def test_text_on_stdin_gets_what_the_file_gets() -> None:
    text = (ROOT / "examples" / "yunling-town-2024.txt").read_bytes()
    piped = json.loads(check("-", "--format", "json", data=text).stdout)["reports"][0]
    direct = json.loads(check("examples/yunling-town-2024.txt", "--format", "json", data=b"").stdout)["reports"][0]
    assert piped["path"] == "stdin.txt"
    assert {k: v for k, v in piped.items() if k != "path"} == {k: v for k, v in direct.items() if k != "path"}


def test_the_stdin_filename_names_the_format() -> None:
    data = (ROOT / "examples" / "qinghe-street-2024.docx").read_bytes()
    done = check("-", "--stdin-filename", "reports/青禾.docx", "--format", "json", data=data)
    assert done.returncode == 0, done.stderr.decode()
    report = json.loads(done.stdout)["reports"][0]
    assert (report["path"], report["meta"]["format"], report["score"]) == ("reports/青禾.docx", "docx", 100.0)


def test_empty_stdin_is_one_sentence() -> None:
    done = check("-", "--lang", "en", data=b"")
    assert done.returncode == 2
    assert done.stderr.decode() == "File stdin.txt is empty: it holds no text.\n"
