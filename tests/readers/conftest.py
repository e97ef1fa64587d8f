"""Fixtures for the reader tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docxmaker import DocxBuilder, save_docx


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """Save a python-docx document built by ``build`` under ``tmp_path``."""
    def make(build: DocxBuilder, name: str = "report.docx") -> Path:
        return save_docx(tmp_path / name, build)
    return make
