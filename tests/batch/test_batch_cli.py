"""``lawcheck batch``: the summary, the order of results, error rows and exit codes."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.batch.conftest import QINGHE, YUNLING, lawcheck


def test_summary_ranks_reports_and_counts_coverage(reports: Path) -> None:
    run = lawcheck("batch", ".", "--no-color", "--lang", "en", cwd=reports)
    assert run.code == 1  # two of three fail the gate
    lines = run.out.splitlines()
    assert lines[0].strip() == "Ranking"
    first = next(line for line in lines if line.startswith("1 "))
    assert "qinghe-street-2024.docx" in first and "100.0" in first and "passed" in first
    assert "Coverage of each item (3 readable reports)" in run.out
    assert lines[-1] == "3 reports: 1 passed, 2 failed, 0 unreadable."


def test_results_come_in_path_order_whatever_the_workers_timing(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    text = YUNLING.read_text(encoding="utf-8")
    for i in range(12):
        # every third report is much longer, so the workers finish out of order
        body = text * (8 if i % 3 == 0 else 1)
        (folder / f"report-{i:02d}.txt").write_text(body, encoding="utf-8")
    shutil.copy(QINGHE, folder / "report-05b.docx")
    two = lawcheck("batch", folder, "--jobs", "2", "-o", tmp_path / "two.jsonl", "-q")
    one = lawcheck("batch", folder, "--jobs", "1", "-o", tmp_path / "one.jsonl", "-q")
    assert two.code == one.code == 1
    lines = (tmp_path / "two.jsonl").read_text(encoding="utf-8").splitlines()
    paths = [Path(json.loads(line)["path"]).name for line in lines]
    assert paths == sorted(paths) and len(paths) == 13
    assert (tmp_path / "two.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()


def test_unreadable_file_is_an_error_row_and_exit_2(reports: Path, tmp_path: Path) -> None:
    (reports / "empty.txt").write_bytes(b"")
    run = lawcheck("batch", reports, "--no-color", "--lang", "en", "-o", tmp_path / "out.json")
    assert run.code == 2
    assert "4 reports: 1 passed, 2 failed, 1 unreadable." in run.out
    assert "unreadable" in run.out and "empty.txt" in run.out
    assert run.err == "1 files could not be read; the reasons are in the summary.\n"
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    error_rows = [r for r in data["reports"] if r["error"]]
    assert [Path(r["path"]).name for r in error_rows] == ["empty.txt"]
    assert error_rows[0]["score"] is None and error_rows[0]["passed"] is False


def test_keep_going_judges_the_readable_reports(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    shutil.copy(QINGHE, folder / "good.docx")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    assert lawcheck("batch", folder, "-q").code == 2
    assert lawcheck("batch", folder, "-q", "--keep-going").code == 0  # the only readable one passes
    shutil.copy(YUNLING, folder / "weak.txt")
    assert lawcheck("batch", folder, "-q", "--keep-going").code == 1
    # Nothing readable at all: nothing to judge, still an error.
    (folder / "good.docx").unlink()
    (folder / "weak.txt").unlink()
    assert lawcheck("batch", folder, "-q", "--keep-going").code == 2


def test_gate_options_apply_to_every_report(reports: Path) -> None:
    assert lawcheck("batch", reports, "-q", "--min-score", "50", "--fail-on", "none").code == 0


def test_usage_errors_are_one_sentence_and_exit_2(reports: Path, tmp_path: Path) -> None:
    run = lawcheck("batch", tmp_path / "nowhere", "--lang", "en")
    assert (run.code, run.out) == (2, "")
    assert run.err == f"{tmp_path / 'nowhere'} was not found: it is not a file or folder, and no file matches it.\n"
    (tmp_path / "empty-dir").mkdir()
    run = lawcheck("batch", tmp_path / "empty-dir", "--lang", "en")
    assert run.code == 2 and run.err.startswith(f"No report files were found in {tmp_path / 'empty-dir'}")
    run = lawcheck("batch", reports, "--jobs", "-1", "--lang", "en")
    assert (run.code, run.err) == (2, "--jobs -1 is not valid; use 0 (one process per core) or a positive number.\n")
    run = lawcheck("batch", reports, "--format", "pdf", "--lang", "en")
    assert run.code == 2 and run.err.startswith('Output format "pdf" is not valid')
    target = reports / YUNLING.name
    before = target.read_bytes()
    run = lawcheck("batch", reports, "-o", target, "--lang", "en")
    assert run.code == 2 and "never overwrites an input" in run.err
    assert target.read_bytes() == before
    run = lawcheck("batch", reports, "-o", tmp_path / "no" / "such" / "dir.csv", "--lang", "en")
    assert run.code == 2 and run.err.startswith(f"Cannot write the output file {tmp_path / 'no' / 'such' / 'dir.csv'}")


def test_quiet_with_outputs_prints_nothing(reports: Path, tmp_path: Path) -> None:
    run = lawcheck("batch", reports, "-q", "-o", tmp_path / "a.csv", "-o", tmp_path / "a.md")
    assert (run.out, run.err) == ("", "")
    assert (tmp_path / "a.csv").exists() and (tmp_path / "a.md").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left


def run_on_terminal(*args: str | Path, stream: str) -> tuple[int, str]:
    """Run lawcheck with ``stream`` (stdout or stderr) on a pseudo-terminal; return the code and what it showed."""
    main, secondary = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["COLUMNS"] = "100"
    other = subprocess.DEVNULL
    proc = subprocess.Popen([sys.executable, "-m", "lawcheck", *map(str, args)], env=env,
                            stdout=secondary if stream == "stdout" else other,
                            stderr=secondary if stream == "stderr" else other)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    code = proc.wait()
    os.close(main)
    return code, re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", b"".join(chunks).decode("utf-8", "replace"))


def test_progress_bar_on_a_terminal_only(reports: Path, tmp_path: Path) -> None:
    code, shown = run_on_terminal("batch", reports, "-o", tmp_path / "a.csv", "--lang", "en", stream="stderr")
    assert code == 1
    assert "Checking" in shown and "3/3" in shown and "reports/s" in shown
    code, shown = run_on_terminal("batch", reports, "-q", "-o", tmp_path / "a.csv", stream="stderr")
    assert (code, shown) == (1, "")


def test_xlsx_is_not_printed_on_a_terminal(reports: Path) -> None:
    code, shown = run_on_terminal("batch", reports, "--format", "xlsx", "--lang", "en", stream="stdout")
    assert code == 2 and "PK" not in shown
