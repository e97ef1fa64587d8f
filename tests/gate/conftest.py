"""Fixtures for the gate tests: a small checklist and two reports (the CLI is tests/conftest.py's)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with ``mini.yaml`` and ``reports/``, made the current folder."""
    shutil.copytree(DATA, tmp_path / "proj")
    monkeypatch.chdir(tmp_path / "proj")
    monkeypatch.setenv("LAWCHECK_TODAY", "2025-03-01")
    return tmp_path / "proj"

