"""A history database that is shared, read-only, damaged or someone else's: one sentence, and the
batch's own outputs are written all the same."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.cli.conftest import ROOT, lawcheck


def test_three_batches_of_the_same_reports_record_at_once_in_a_file(years: dict[int, Path], tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite"
    procs = [subprocess.Popen([sys.executable, "-m", "lawcheck", "batch", str(years[2024]), "--db", str(db), "-q",
                               "-o", str(tmp_path / f"{i}.jsonl")], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for i in range(3)]
    errs = [p.communicate(timeout=180)[1] for p in procs]
    assert [p.returncode for p in procs] == [1, 1, 1], errs
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM reports").fetchone() == (3,)
        assert conn.execute("SELECT COUNT(*) FROM runs").fetchone() == (3,)


def _outputs_kept(run_out: Path) -> None:
    records = [json.loads(line) for line in run_out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3 and all(r["score"] for r in records)


def test_a_read_only_database_is_one_sentence_and_the_outputs_are_kept(years: dict[int, Path],
                                                                       tmp_path: Path) -> None:
    db = tmp_path / "ro.sqlite"
    assert lawcheck("batch", str(years[2022]), "--db", str(db), "-q").code in (0, 1)  # a history exists
    out = tmp_path / "out.jsonl"
    url = f"sqlite:///file:{db}?mode=ro&uri=true"  # opened read-only, as from a share one may only read
    run = lawcheck("batch", str(years[2024]), "--db", url, "-o", str(out), "--lang", "en")
    assert run.code == 2
    assert run.err.strip().splitlines()[-1].startswith(
        f"The results were written, but the history database {url} would not record them: ")
    assert "INSERT" not in run.err and "Traceback" not in run.err
    _outputs_kept(out)


def test_a_damaged_database_is_one_sentence_and_the_outputs_are_kept(years: dict[int, Path],
                                                                     tmp_path: Path) -> None:
    db = tmp_path / "damaged.sqlite"
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    out = tmp_path / "out.jsonl"
    run = lawcheck("batch", str(years[2024]), "--db", str(db), "-o", str(out), "--lang", "en")
    assert run.code == 2
    assert run.err.strip().splitlines()[-1] == (f"Cannot open the history database {db}: file is not a database")
    _outputs_kept(out)


def test_another_programs_database_is_not_taken_for_a_history(years: dict[int, Path], tmp_path: Path) -> None:
    db = tmp_path / "other.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE lawcheck_schema (version INTEGER)")
        conn.execute("INSERT INTO lawcheck_schema VALUES (1)")
        conn.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, owner TEXT)")
    out = tmp_path / "out.jsonl"
    run = lawcheck("batch", str(years[2024]), "--db", str(db), "-o", str(out), "--lang", "en")
    assert run.code == 2
    assert run.err.strip().splitlines()[-1] == (f"{db} is not a lawcheck history (its table runs differs); "
                                                "use another file or database.")
    _outputs_kept(out)
