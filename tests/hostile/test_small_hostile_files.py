"""Small files that once hung lawcheck or took gigabytes: each now ends with a sentence, or is read.

The reproducers are in ``tests/fixtures/hostile`` (made by ``tests/fixtures/make_hostile.py``)
or made on demand by ``tests/support/hostile.py``. What they cost in time and memory is printed
by ``benchmarks/hostile.py``; here a child process's time limit tells a hang from an answer, and
an address-space limit (where the system has one) a bounded run from one that takes gigabytes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.cli.conftest import ROOT, lawcheck
from tests.support.hostile import MAKERS

REFUSED = {
    "pdf-reference-cycle.pdf": "已损坏：其中的对象互相引用、循环不止，无法读取。",
    "pdf-two-million-glyphs.pdf": "第 1 页要绘制的文字或图形多得离谱，远超任何报告，已拒绝读取。",
    "pdf-many-operators.pdf": "第 1 页要绘制的文字或图形多得离谱，远超任何报告，已拒绝读取。",
    "html-300k-attributes.html": "中有一个标签带有 300000 个属性，远超任何网页，不像是报告，已拒绝读取。",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_before_the_parser_is_lost_in_it(tmp_path: Path, name: str) -> None:
    path = MAKERS[name](tmp_path)
    run = lawcheck("check", str(path))
    assert (run.code, run.out) == (2, "")
    assert run.err == f"{path} {REFUSED[name]}\n"


def test_a_styles_part_of_unclosed_tags_is_read_in_linear_time(tmp_path: Path) -> None:
    # each <w:style was searched to the end of the part for its '>': quadratic, minutes
    run = lawcheck("check", str(MAKERS["docx-styles-without-ends.docx"](tmp_path)), "--format", "json")
    assert run.code == 1, run.err
    assert json.loads(run.out)["reports"][0]["meta"]["title"] == "青松县2024年法治政府建设年度报告"


def _limited(args: list[str], megabytes: int) -> subprocess.CompletedProcess[str]:
    """lawcheck in a child whose address space is limited (Linux and other systems with RLIMIT_AS)."""
    resource = pytest.importorskip("resource")
    if not hasattr(resource, "RLIMIT_AS") or sys.platform == "darwin":  # macOS does not enforce it
        pytest.skip("this system has no enforced address-space limit")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))

    return subprocess.run([sys.executable, "-m", "lawcheck", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120, preexec_fn=limit)


def test_annotating_a_report_with_a_huge_settings_part_reads_only_what_it_comments(tmp_path: Path) -> None:
    # python-docx loaded every part: the settings part of 190 MB took it 3 GB
    path = MAKERS["docx-settings-190mb.docx"](tmp_path)
    before = path.read_bytes()
    out = tmp_path / "commented.docx"
    run = _limited(["annotate", str(path), "-o", str(out)], 600)
    assert run.returncode == 1, run.stderr  # written; the report fails the gate
    assert path.read_bytes() == before
    with zipfile.ZipFile(path) as original, zipfile.ZipFile(out) as copy:
        assert "word/comments.xml" in copy.namelist()
        old, new = original.getinfo("word/settings.xml"), copy.getinfo("word/settings.xml")
        assert (new.CRC, new.file_size) == (old.CRC, old.file_size)  # copied as it was
        assert set(original.namelist()) <= set(copy.namelist())
    assert _limited(["check", str(out), "--format", "json"], 600).returncode == 1
