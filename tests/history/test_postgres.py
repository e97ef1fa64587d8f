"""The same history on a real PostgreSQL server, started here (initdb and pg_ctl, as a non-root user)."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import lawcheck
from tests.support import parts


def _binary(name: str) -> str:
    return parts.postgres(name)  # skips without it; in CI, which installs it, fails


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A PostgreSQL server on a socket in a temporary folder; its URL."""
    folder = Path(tempfile.mkdtemp(prefix="lawcheck-pg-"))
    data, port = folder / "data", random.randint(20000, 40000)
    as_user: list[str] = []
    if getattr(os, "geteuid", lambda: -1)() == 0:  # PostgreSQL refuses to run as root: as the postgres user
        import pwd  # POSIX only, as root is

        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    run = subprocess.run([*as_user, _binary("initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                          "-E", "UTF8", "--locale=C"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    start = subprocess.run([*as_user, _binary("pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"),
                            "-o", f"-k {folder} -c listen_addresses='' -p {port}", "start"],
                           capture_output=True, text=True)
    assert start.returncode == 0, start.stderr + (folder / "log").read_text(errors="replace")
    try:
        yield f"postgresql://postgres@/postgres?host={folder}&port={port}"
    finally:
        subprocess.run([*as_user, _binary("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def _bodies(db: str) -> object:
    run = lawcheck("history", "bodies", "--db", db, "--format", "json")
    assert run.code == 0, run.err
    return json.loads(run.out)


def test_the_history_on_a_server_answers_as_the_file_does(server: str, history: Path,
                                                          years: dict[int, Path]) -> None:
    for year, folder in sorted(years.items()):
        run = lawcheck("batch", str(folder), "--db", server, "-q", "-o", str(folder.parent / f"pg-{year}.json"))
        assert run.code in (0, 1), run.err
    assert _bodies(server) == _bodies(str(history))
    for query in (["regressions", "--year", "2024"], ["body", "青禾街道"], ["item", "legal-adviser"]):
        on_server = lawcheck("history", *query, "--db", server, "--format", "json").out
        assert on_server == lawcheck("history", *query, "--db", str(history), "--format", "json").out


def test_recording_again_on_the_server_adds_no_report(server: str, years: dict[int, Path]) -> None:
    run = lawcheck("batch", str(years[2022]), "--db", server)
    assert "新增 0 份报告，3 份此前已记录" in run.err


def test_two_inspectors_record_at_once(server: str, years: dict[int, Path], tmp_path: Path) -> None:
    """Two batches recording into one server at the same time: both finish, nothing is lost or doubled."""
    for year in (2023, 2024):  # fresh copies: new contents, so both record
        folder = tmp_path / str(year)
        shutil.copytree(years[year], folder)
        for report in folder.iterdir():
            report.write_text(report.read_text(encoding="utf-8") + "\n（更正稿）\n", encoding="utf-8")
    env_args = [["batch", str(tmp_path / y), "--db", server, "-q", "-o", str(tmp_path / f"{y}.json")]
                for y in ("2023", "2024")]
    procs = [subprocess.Popen([sys.executable, "-m", "lawcheck", *a], cwd=Path(__file__).parents[2],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for a in env_args]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode in (0, 1), err
    data = _bodies(server)
    assert {b["body"] for b in data} == {"云岭镇人民政府", "石门乡人民政府", "青禾街道办事处"}


def _three_at_once(db: str, years: dict[int, Path], tmp_path: Path) -> list[subprocess.CompletedProcess[str]]:
    """Three batches of the same reports into one history at once: the race on each report."""
    procs = [subprocess.Popen([sys.executable, "-m", "lawcheck", "batch", str(years[2024]), "--db", db, "-q",
                               "-o", str(tmp_path / f"{i}.jsonl")], cwd=Path(__file__).parents[2],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(3)]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=180), "", p.stderr.read() if p.stderr else "")
            for p in procs]


def test_three_batches_of_the_same_reports_record_at_once_on_the_server(server: str, years: dict[int, Path],
                                                                        tmp_path: Path) -> None:
    # a fresh database on the same server: every report is new to the three batches at once
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS three")
        conn.execute("CREATE DATABASE three")
    fresh = server.replace("/postgres?", "/three?")
    runs = _three_at_once(fresh, years, tmp_path)
    assert [r.returncode for r in runs] == [1, 1, 1], [r.stderr for r in runs]
    with psycopg.connect(fresh) as conn:
        assert conn.execute("SELECT COUNT(*) FROM reports").fetchone() == (3,)  # each once, whoever came first
        assert conn.execute("SELECT COUNT(*) FROM runs").fetchone() == (3,)  # and no run lost
    assert len(_bodies(fresh)) == 3  # type: ignore[arg-type]


def test_postgres_urls_are_taken_as_postgresql_ones(server: str) -> None:
    assert _bodies(server.replace("postgresql://", "postgres://", 1))


def test_a_frozen_server_is_given_up_in_seconds(server: str, tmp_path: Path) -> None:
    import signal
    import time

    import psycopg

    with psycopg.connect(server) as conn:  # a backend: its postmaster is its parent (read while it lives)
        pid = conn.execute("SELECT pg_backend_pid()").fetchone()
        postmaster = int(Path(f"/proc/{pid[0]}/status").read_text().split("PPid:")[1].split()[0]) if pid else 0
    os.kill(postmaster, signal.SIGSTOP)
    try:
        started = time.monotonic()
        run = lawcheck("history", "bodies", "--db", server, "--lang", "en")
        took = time.monotonic() - started
    finally:
        os.kill(postmaster, signal.SIGCONT)
    assert run.code == 2 and run.err.startswith("Cannot open the history database")
    assert took < 60  # the connect timeout (10 s), not for ever


def test_a_password_is_never_printed(tmp_path: Path) -> None:
    url = "postgresql://inspector:Secret-Pw9@127.0.0.1:1/review"  # nothing listens on port 1
    run = lawcheck("history", "bodies", "--db", url)
    assert run.code == 2 and "Secret-Pw9" not in run.err and "inspector:***@127.0.0.1:1" in run.err
    (tmp_path / "lawcheck.yaml").write_text(f"db: {url}\n", encoding="utf-8")
    shown = lawcheck("config", "show", cwd=tmp_path)
    assert "Secret-Pw9" not in shown.out and "postgresql://inspector:***@127.0.0.1:1/review" in shown.out
