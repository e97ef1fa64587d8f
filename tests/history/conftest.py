from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))

from yearly import write_years  # noqa: E402

from tests.cli.conftest import lawcheck  # noqa: E402


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """Three years of reports from three bodies (one improving, one regressing, one absent a year)."""
    return write_years(tmp_path_factory.mktemp("reports"))


@pytest.fixture(scope="module")
def history(years: dict[int, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite history with each year's batch recorded, as an inspector runs them year after year."""
    db = tmp_path_factory.mktemp("db") / "review.sqlite"
    for year, folder in sorted(years.items()):
        run = lawcheck("batch", str(folder), "--db", str(db), "-o", str(folder.parent / f"{year}.json"))
        assert run.code in (0, 1), run.err
    return db
