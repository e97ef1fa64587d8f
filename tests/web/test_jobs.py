"""The server's runner of checks: a stop ends what runs and starts nothing after."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from lawcheck.web.jobs import Job, Outcome, Runner
from lawcheck.workers import Budget
from tests.support.hostile import ordinary_text

CHECKLIST = "fazhi-annual-report"


def _said(kind: str, value: Any) -> str:
    return kind


async def _never_gone() -> bool:
    return False


def _job(path: Path) -> Job:
    return Job("check", str(path), path.name, CHECKLIST, "zh", 200 << 20)


def test_a_stopped_runner_starts_no_check(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(ordinary_text(20_000), encoding="utf-8")
    runner = Runner(1, Budget())
    runner.stop()
    assert asyncio.run(runner.run(_job(report), _said, _never_gone)) == Outcome(503, "stopped")


def test_a_stop_ends_the_running_check_and_the_one_waiting_its_turn(tmp_path: Path) -> None:
    # one slot: the second upload waits for the first; a stop must not let it start after
    big = tmp_path / "big.txt"
    big.write_text(ordinary_text(40 << 20), encoding="utf-8")
    runner = Runner(1, Budget(seconds=300))

    async def both() -> list[Outcome]:
        asyncio.get_running_loop().call_later(1.5, runner.stop)
        return list(await asyncio.gather(runner.run(_job(big), _said, _never_gone),
                                         runner.run(_job(big), _said, _never_gone)))

    started = time.monotonic()
    assert asyncio.run(both()) == [Outcome(503, "stopped"), Outcome(503, "stopped")]
    assert time.monotonic() - started < 8  # ended at the stop: one check of this report takes about 11 s here
