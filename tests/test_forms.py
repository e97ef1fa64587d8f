"""The same report in another form gets the same item statuses (issue 3, point 4).

Every .txt report in ``examples/`` and ``tests/labelled/`` is written again as
UTF-8, GB18030 and UTF-16 (with a byte-order mark), hard-wrapped at 28
characters a line, with a space between every character, in traditional
characters, and as a .docx written by python-docx; each must get the statuses
(items and parts) of the original.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from lawcheck.judge import checklist as checklists
from lawcheck.judge.engine import check_path
from lawcheck.workflows.labels import flatten
from lawcheck.document.model import ReportResult

from tests.support.forms import FORMS

ROOT = Path(__file__).resolve().parent.parent
REPORTS = sorted(ROOT.glob("examples/*.txt")) + sorted(ROOT.glob("tests/labelled/*.txt"))

# What each form must be read as: (format, encoding).
READ_AS = {
    "utf8": ("txt", "utf-8"),
    "gb18030": ("txt", "gb18030"),
    "utf16-bom": ("txt", "utf-16"),
    "wrapped-28": ("txt", "utf-8"),
    "spaced": ("txt", "utf-8"),
    "traditional": ("txt", "utf-8"),
    "docx": ("docx", None),
}


@cache
def _checklist() -> checklists.Checklist:
    return checklists.load("fazhi-annual-report")


@cache
def original(path: Path) -> ReportResult:
    return check_path(path, _checklist())


def test_there_are_reports_to_convert() -> None:
    assert len(REPORTS) >= 20
    assert set(READ_AS) == set(FORMS)


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("report", REPORTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_same_statuses_in_every_form(report: Path, form: str, tmp_path: Path) -> None:
    converted = FORMS[form](tmp_path / report.stem, report.read_text(encoding="utf-8"))
    result = check_path(converted, _checklist())
    assert (result.meta.format, result.meta.encoding) == READ_AS[form]
    assert flatten(result.items) == flatten(original(report).items)


def test_the_docx_example_and_its_source_agree() -> None:
    from_docx = check_path(ROOT / "examples/qinghe-street-2024.docx", _checklist())
    from_text = check_path(ROOT / "examples/src/qinghe-street-2024.txt", _checklist())
    assert from_docx.meta.format == "docx"
    assert flatten(from_docx.items) == flatten(from_text.items)
    assert (from_docx.meta.title, from_docx.meta.year) == (from_text.meta.title, from_text.meta.year)


def test_forms_really_differ_from_the_original(tmp_path: Path) -> None:
    """Guard against a writer that silently writes the original back."""
    text = REPORTS[0].read_text(encoding="utf-8")
    written = {name: write(tmp_path / name, text).read_bytes() for name, write in FORMS.items()}
    assert written["utf8"] == text.encode("utf-8")
    others = [name for name in FORMS if name != "utf8"]
    assert all(written[name] != written["utf8"] for name in others)
    assert max(len(line) for line in written["wrapped-28"].decode("utf-8").splitlines()) == 28
    assert "執法" in written["traditional"].decode("utf-8")
