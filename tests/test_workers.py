"""Files read and judged in worker processes, each within a time and a memory budget (lawcheck.workers)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from lawcheck.workers import Budget, Outcome, Pool
from tests.cli.conftest import ROOT, lawcheck
from tests.support.hostile import ordinary_text


def square(n: int) -> int:
    return n * n


def sleep_then(n: float) -> float:
    time.sleep(n)
    return n


def allocate(megabytes: int) -> int:
    block = bytearray(megabytes << 20)
    for i in range(0, len(block), 4096):  # touched: resident, not only reserved
        block[i] = 1
    return len(block)


def die(code: int) -> None:
    os._exit(code)


def fail(text: str) -> None:
    raise ValueError(text)


def wait_for(path: str) -> bool:
    """True once ``path`` exists (False after 20 s)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if os.path.exists(path):
            return True
        time.sleep(0.01)
    return False


def test_outcomes_come_back_in_order_from_several_workers() -> None:
    with Pool(2, Budget()) as pool:
        outcomes = list(pool.map(square, range(20)))
    assert [o.value for o in outcomes] == [n * n for n in range(20)]
    assert {o.kind for o in outcomes} == {"ok"}


def test_the_callers_own_work_is_done_once_while_the_workers_do_theirs(tmp_path: Path) -> None:
    # The worker waits for what the caller's idle work makes: done before the outcomes are
    # waited for, or the worker would wait in vain.
    made = tmp_path / "made"
    calls: list[int] = []

    def idle() -> None:
        calls.append(1)
        made.touch()

    with Pool(1, Budget()) as pool:
        outcomes = list(pool.map(wait_for, [str(made)] * 3, idle=idle))
    assert [o.value for o in outcomes] == [True, True, True]
    assert calls == [1]


def test_a_task_past_its_time_is_stopped_and_the_rest_go_on() -> None:
    with Pool(1, Budget(seconds=1.0)) as pool:
        outcomes = list(pool.map(sleep_then, [0.01, 30, 0.01, 0.02]))
    assert [o.kind for o in outcomes] == ["ok", "time", "ok", "ok"]
    assert outcomes[2].value == 0.01


def test_a_task_past_its_memory_is_stopped_by_the_address_space_limit() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the address-space limit is set on Linux only")
    with Pool(1, Budget(megabytes=100)) as pool:
        assert pool.limited
        outcomes = list(pool.map(allocate, [10, 400, 10]))
    assert [o.kind for o in outcomes] == ["ok", "memory", "ok"]


def test_a_task_past_its_memory_is_stopped_by_the_parent_where_no_limit_is_set() -> None:
    # as on macOS and Windows: the parent reads the worker's resident memory
    with Pool(1, Budget(megabytes=100)) as pool:
        pool.limited = False
        outcomes = list(pool.map(allocate, [10, 600, 10]))
    assert [o.kind for o in outcomes] == ["ok", "memory", "ok"]


def test_a_worker_that_dies_is_told_and_replaced() -> None:
    with Pool(1, Budget()) as pool:
        outcomes = list(pool.map(die, [3]))
        assert outcomes == [Outcome("died", 3)]
        assert pool.call(square, 7) == Outcome("ok", 49)


def test_a_killed_pool_starts_no_worker_and_its_tasks_come_back_as_died() -> None:
    # the server's stop, or a client gone, can come before the check's worker exists
    before = {p.pid for p in multiprocessing.active_children()}
    with Pool(1, Budget()) as pool:
        pool.kill()
        started = time.monotonic()
        outcomes = list(pool.map(sleep_then, [5, 5]))
    assert outcomes == [Outcome("died", None), Outcome("died", None)]
    assert time.monotonic() - started < 2
    assert {p.pid for p in multiprocessing.active_children()} == before


def test_a_kill_ends_the_task_a_worker_is_on_and_the_ones_it_had_not_begun() -> None:
    with Pool(1, Budget()) as pool:
        later = threading.Timer(1.0, pool.kill)
        later.start()
        started = time.monotonic()
        outcomes = list(pool.map(sleep_then, [0.01, 30, 30, 30]))
        later.join()
    assert [o.kind for o in outcomes] == ["ok", "died", "died", "died"]
    assert outcomes[0].value == 0.01
    assert time.monotonic() - started < 10


def test_an_exception_comes_back_as_it_was_raised() -> None:
    with Pool(1, Budget()) as pool:
        outcome = pool.call(fail, "broken")
    assert outcome.kind == "raised" and isinstance(outcome.value, ValueError) and str(outcome.value) == "broken"


def test_the_workers_end_with_their_parent_however_it_ends(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    code = textwrap.dedent(f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from lawcheck.workers import Budget, Pool
        from tests.test_workers import sleep_then
        pool = Pool(2, Budget(seconds=600))
        tasks = pool.map(sleep_then, [600, 600])
        import threading
        threading.Thread(target=lambda: list(tasks), daemon=True).start()
        time.sleep(2)
        import multiprocessing
        open({str(pids)!r}, "w").write(" ".join(str(c.pid) for c in multiprocessing.active_children()))
        time.sleep(600)
    """)
    parent = subprocess.Popen([sys.executable, "-c", code])
    for _ in range(100):
        if pids.exists() and pids.read_text().strip():
            break
        time.sleep(0.1)
    workers = [int(p) for p in pids.read_text().split()]
    assert len(workers) == 2
    parent.kill()  # not a word to its workers
    parent.wait()
    psutil = pytest.importorskip("psutil")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"
                                              for p in workers):
        time.sleep(0.1)
    assert not any(psutil.pid_exists(p) and psutil.Process(p).status() != "zombie" for p in workers)


@pytest.fixture(scope="module")
def slow_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("slow") / "big.txt"
    path.write_text(ordinary_text(20 * 1024 * 1024), encoding="utf-8")  # a few seconds and 200 MB to check
    return path


def test_check_says_which_budget_a_file_went_past(slow_report: Path) -> None:
    run = lawcheck("check", str(slow_report), "--time-limit", "0.5", "--lang", "en")
    assert (run.code, run.out) == (2, "")
    assert run.err == (f"Reading and checking {slow_report} took longer than the limit of 0.5 seconds and was "
                       "stopped (set it with --time-limit or time_limit in lawcheck.yaml).\n")
    if sys.platform.startswith("linux"):
        run = lawcheck("check", str(slow_report), "--memory-limit", "100")
        assert run.code == 2 and run.err.endswith("的读取和检查需要超过 100 MB 的内存上限，已停止（上限可用 --memory-limit 或 "
                                                  "lawcheck.yaml 的 memory_limit 调整）。\n")


def test_a_batch_goes_on_past_a_file_over_budget(slow_report: Path, tmp_path: Path) -> None:
    (tmp_path / "lawcheck.yaml").write_text("time_limit: 0.5\n", encoding="utf-8")
    small = ROOT / "examples" / "yunling-town-2024.txt"
    run = lawcheck("batch", str(slow_report), str(small), "--format", "csv", "--lang", "en", cwd=tmp_path)
    # Rows come in path order, and where the clone sits decides which path sorts first.
    rows = {row.split(",", 1)[0]: row for row in run.out.splitlines()[1:]}
    assert run.code == 2
    assert "took longer than the limit of 0.5 seconds" in rows[str(slow_report)]
    assert rows[str(small)].startswith(f"{small},云岭镇人民政府,2024,76.5,false,")


@pytest.mark.parametrize(("args", "err"), [
    (["--time-limit", "0"], "--time-limit 的值 0 无效，应为正数。\n"),
    (["--memory-limit", "10", "--lang", "en"], "--memory-limit 10 is not valid; give a number of megabytes, 64 or more.\n"),
])
def test_a_budget_is_checked_before_anything_runs(args: list[str], err: str) -> None:
    run = lawcheck("check", "examples/yunling-town-2024.txt", *args)
    assert (run.code, run.out, run.err) == (2, "", err)


class CtrlCAsSent:
    """A path whose sending to a worker being started comes with a Ctrl-C (as it is pickled)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        os.kill(os.getpid(), signal.SIGINT)
        return Path, (str(self.path),)


def test_ctrl_c_while_a_spawned_worker_starts_comes_once_it_has_started_and_leaves_none_behind(
        tmp_path: Path, capfd) -> None:  # type: ignore[no-untyped-def]
    # Cut short while it reads what to run, a spawned worker dies on the console with a
    # traceback: Ctrl-C is held until the worker has it all (it then sets up: touches the
    # file), then raised, and the worker stopped.
    import multiprocessing

    if sys.platform == "win32":
        pytest.skip("a process sends itself SIGINT on POSIX only")
    started = tmp_path / "started"
    # Ctrl-C raises KeyboardInterrupt here, as in a program run from a console (a test run in the
    # background inherits SIGINT ignored, and a Ctrl-C held back from SIG_IGN stays ignored)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            with Pool(1, Budget(), Path.touch, (CtrlCAsSent(started),), method="spawn") as pool:
                pool.call(square, 3)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert started.exists()
    assert multiprocessing.active_children() == []
    assert "Traceback" not in capfd.readouterr().err
