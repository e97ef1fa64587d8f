"""Workers send a report's JSON record as text when JSONL is the only output that needs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck.workflows import batch
from lawcheck.judge import checklist as checklists
from lawcheck.judge.engine import Options
from lawcheck.reporters.json import JsonlStream
from lawcheck.reporters.tally import Entry
from tests.batch.conftest import lawcheck


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_from_the_workers_records_is_the_jsonl_of_the_full_results(reports: Path, tmp_path: Path,
                                                                       jobs: str) -> None:
    (reports / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")  # an error record too
    last = tmp_path / "last.json"
    assert lawcheck("batch", ".", "-q", "-o", last, cwd=reports).code == 2
    for compare in ([], ["--compare", str(last)]):
        alone = tmp_path / "alone.jsonl"  # JSONL alone: the workers send records
        beside = tmp_path / "beside.jsonl"  # beside JSON, which needs the results: the parent makes the lines
        assert lawcheck("batch", ".", "-q", "--jobs", jobs, *compare, "-o", alone, cwd=reports).code == 2
        assert lawcheck("batch", ".", "-q", "--jobs", jobs, *compare, "-o", beside, "-o", tmp_path / "x.json",
                        cwd=reports).code == 2
        assert alone.read_bytes() == beside.read_bytes()
        lines = alone.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 4 and all(('"compare": ' in line) == bool(compare) for line in lines)


def test_the_workers_send_text_not_results_when_only_jsonl_needs_them(reports: Path) -> None:
    paths = sorted(reports.rglob("*.txt"))
    checklist = checklists.load(None)
    entries = list(batch.run(paths, checklist, Options(), jobs=2, detail="record"))
    assert [type(e.record) for e in entries] == [str, str] and all(e.result is None for e in entries)
    full = list(batch.run(paths, checklist, Options(), jobs=2, detail="result"))
    stream = JsonlStream(checklist)
    assert [stream.add(e) for e in entries] == [stream.add(Entry(f.row, f.result)) for f in full]
