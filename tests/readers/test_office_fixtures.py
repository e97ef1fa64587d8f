"""Reports saved by LibreOffice (.odt, .rtf, .docx, .pdf) give the .txt's statuses.

The files are committed under ``tests/fixtures/office/`` (made by its
``make_office.py``; see ``tests/fixtures/README.md``), so these tests need no
LibreOffice. One test remakes them with ``soffice`` when it is installed.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from tests.readers.test_same_statuses import EXAMPLES, check

from lawcheck.judge import checklist
from lawcheck.judge.engine import check_path
from lawcheck.readers import read
from tests.support import parts

ROOT = Path(__file__).resolve().parents[2]
OFFICE = ROOT / "tests" / "fixtures" / "office"
STEMS = {"yunling": "yunling-town-2024", "linchuan": "linchuan-county-traps-2024",
         "qinghe": "qinghe-street-2024"}
PDFS = ("yunling", "linchuan")  # a whole report's PDF is 200 KB: short versions only


@pytest.mark.parametrize("name", STEMS)
@pytest.mark.parametrize("suffix", [".odt", ".rtf", ".docx"])
def test_libreoffice_formats(name: str, suffix: str) -> None:
    path = OFFICE / f"{STEMS[name]}.lo{suffix}"
    assert read(path).format == suffix.lstrip(".")
    assert check(path) == check(EXAMPLES[name])


@pytest.mark.parametrize("name", PDFS)
def test_libreoffice_pdf(name: str) -> None:
    path = OFFICE / f"{STEMS[name]}.short.lo.pdf"
    assert read(path).format == "pdf"
    assert check(path) == check(OFFICE / f"{STEMS[name]}.short.txt")


def test_pdf_heading_after_a_page_break_is_not_run_into_the_paragraph() -> None:
    # Page 2 ends with a paragraph's last line one character short of the margin;
    # 三、 opens page 3 with no indent and no gap left to see.
    texts = [block.text for block in read(OFFICE / "linchuan-county-traps-2024.short.lo.pdf").blocks]
    assert "三、2025年工作安排" in texts
    assert any(text.endswith("重业务轻法治的倾向；") for text in texts)


def meta(path: Path) -> tuple[object, ...]:
    found = check_path(path, checklist.load()).meta
    return found.title, found.year, found.org, found.date


@pytest.mark.parametrize("path", [*(f"{stem}.lo.{fmt}" for stem in STEMS.values()
                                    for fmt in ("odt", "rtf", "docx")),
                                  *(f"{STEMS[name]}.short.lo.pdf" for name in PDFS)])
def test_metadata_is_the_same(path: str) -> None:
    # The PDF's "2024 年" (LibreOffice's gap between Chinese and digits) reads as 2024年.
    stem = path.split(".")[0]
    name = next(name for name, full in STEMS.items() if full == stem)
    source = OFFICE / f"{stem}.short.txt" if ".short." in path else EXAMPLES[name]
    assert meta(OFFICE / path) == meta(source)


def test_python_docx_example_matches_its_source() -> None:
    assert check(ROOT / "examples" / "qinghe-street-2024.docx") == check(EXAMPLES["qinghe"])


def test_fixtures_are_small() -> None:
    sizes = {path.name: path.stat().st_size for path in OFFICE.glob("*.lo.*")}
    assert len(sizes) == 3 * 3 + len(PDFS)
    assert max(sizes.values()) < 100 * 1024, sizes


def test_remade_with_libreoffice(tmp_path: Path) -> None:
    parts.soffice()
    spec = importlib.util.spec_from_file_location("make_office", OFFICE / "make_office.py")
    make_office = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_office)
    made = make_office.make(tmp_path)
    for path in made:
        if path.suffix == ".txt":
            continue
        name = next(name for name, stem in STEMS.items() if path.name.startswith(stem))
        expected = (tmp_path / f"{STEMS[name]}.short.txt" if ".short." in path.name
                    else EXAMPLES[name])
        assert check(path) == check(expected), path.name
