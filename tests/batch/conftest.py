"""Fixtures for the batch tests: folders of real reports copied from examples/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
YUNLING = EXAMPLES / "yunling-town-2024.txt"
LINCHUAN = EXAMPLES / "linchuan-county-traps-2024.txt"
QINGHE = EXAMPLES / "qinghe-street-2024.docx"


def without_section(text: str, heading: str) -> str:
    """``text`` without the part that starts at the line ``heading`` (up to the next top heading)."""
    lines = text.split("\n")
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:2] in ("四、", "五、", "六、")), len(lines))
    return "\n".join(lines[:start] + lines[end:])


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """A folder with the three example reports, one of them in a subfolder."""
    folder = tmp_path / "reports"
    (folder / "county").mkdir(parents=True)
    shutil.copy(YUNLING, folder / YUNLING.name)
    shutil.copy(QINGHE, folder / QINGHE.name)
    shutil.copy(LINCHUAN, folder / "county" / LINCHUAN.name)
    return folder


def lawcheck(*args: str | Path, cwd: Path | None = None) -> Run:
    """Run the real command line in a child process, as an inspector would."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update({"COLUMNS": "120", "PYTHONIOENCODING": "utf-8"})
    proc = subprocess.run([sys.executable, "-m", "lawcheck", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, timeout=300)
    return Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
