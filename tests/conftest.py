"""Fixtures shared by every test folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner

from lawcheck.cli import app


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def cli() -> Callable[..., Run]:
    """The command line in this process, with stdout and stderr apart."""

    def run(*args: str) -> Run:
        result = CliRunner().invoke(app, list(args))
        return Run(result.exit_code, result.stdout, result.stderr)

    return run
