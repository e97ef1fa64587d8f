"""Fixtures for the gate tests: a small checklist, two reports, and the CLI."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lawcheck.cli import app

DATA = Path(__file__).parent / "data"


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with ``mini.yaml`` and ``reports/``, made the current folder."""
    shutil.copytree(DATA, tmp_path / "proj")
    monkeypatch.chdir(tmp_path / "proj")
    monkeypatch.setenv("LAWCHECK_TODAY", "2025-03-01")
    return tmp_path / "proj"


@pytest.fixture
def cli() -> Callable[..., Run]:
    def run(*args: str) -> Run:
        result = CliRunner().invoke(app, list(args))
        return Run(result.exit_code, result.stdout, result.stderr)
    return run
