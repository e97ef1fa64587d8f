"""Random and mutated bytes, under every suffix: only ReadError may come out.

A failing input hypothesis finds belongs in ``tests/fixtures/fuzz-regressions/``
(named with the suffix of the reader it broke); ``test_regressions`` replays them.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawcheck.errors import ReadError
from lawcheck.readers import SUPPORTED_SUFFIXES, read

FIXTURES = Path(__file__).parent.parent / "fixtures"
REGRESSIONS = FIXTURES / "fuzz-regressions"
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _docx_seed() -> bytes:
    document = docx.Document()
    document.add_heading("一、主要举措和成效", level=1)
    document.add_paragraph("全年审核合同328份。")
    document.add_table(rows=1, cols=2).cell(0, 0).text = "法律顾问"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _odt_seed() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", (
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
            'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            "<office:body><office:text><text:h>标题</text:h><text:p>正文</text:p>"
            "</office:text></office:body></office:document-content>"))
    return buffer.getvalue()


SEEDS: dict[str, bytes] = {
    ".docx": _docx_seed(),
    ".odt": _odt_seed(),
    ".pdf": (FIXTURES / "report-text-layer.pdf").read_bytes(),
    ".txt": "一、主要举措\r\n全年审核合同328份。\n".encode("gb18030"),
    ".md": "# 标题\n\n正文**加粗**\n\n| a | b |\n".encode(),
    ".html": '<html><meta charset="gbk"><body><h1>标题</h1><p>正文</p></body></html>'
             .encode("gbk"),
    ".rtf": rb"{\rtf1\ansi\ansicpg936 \'d5\'fd\'ce\'c4\par \u27861?}",
}


def read_quietly(data: bytes, suffix: str) -> None:
    """Read ``data`` saved with ``suffix``: a Source or a ReadError, nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            source = read(path)
        except ReadError as error:
            assert str(path) in error.render()
            return
        assert source.blocks


@FUZZ
@given(data=st.binary(min_size=1, max_size=4096), suffix=st.sampled_from(SUPPORTED_SUFFIXES))
def test_random_bytes(data: bytes, suffix: str) -> None:
    read_quietly(data, suffix)


@FUZZ
@given(data=st.binary(min_size=1, max_size=64), suffix=st.sampled_from(sorted(SEEDS)),
       magic=st.sampled_from([b"PK\x03\x04", b"%PDF-1.4\n", b"{\\rtf1 ", b"<html>",
                              b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf", b"\xff\xfe"]))
def test_magic_then_noise(data: bytes, suffix: str, magic: bytes) -> None:
    read_quietly(magic + data, suffix)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, str]:
    suffix = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[suffix])
    for _ in range(draw(st.integers(1, 8))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif data:
            del data[at:at + draw(st.integers(1, 64))]
    return bytes(data), suffix


@FUZZ
@given(case=mutated())
def test_mutated_files(case: tuple[bytes, str]) -> None:
    read_quietly(*case)


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("*.*")), ids=lambda p: p.name)
def test_regressions(path: Path) -> None:
    read_quietly(path.read_bytes(), path.suffix)
