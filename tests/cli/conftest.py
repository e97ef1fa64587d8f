from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


class Run:
    def __init__(self, proc: subprocess.CompletedProcess[str]) -> None:
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr


def lawcheck(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> Run:
    """Run the real command line in a child process, as a user would."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update({"COLUMNS": "110", "LINES": "50", "PYTHONIOENCODING": "utf-8"})
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "lawcheck", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    return Run(proc)


@pytest.fixture
def run():  # type: ignore[no-untyped-def]
    return lawcheck
