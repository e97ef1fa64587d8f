"""End-to-end: the command line over examples/, compared with the exact expected output.

Regenerate after an intended change with ``LAWCHECK_REGEN=1 pytest tests/cli/test_golden.py``
and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.cli.conftest import ROOT, lawcheck

GOLDEN = ROOT / "tests" / "golden"
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".docx"))
# Each example's verdict is part of what the golden output pins: exit 0 passed, 1 failed.
CASES = [(p, args, suffix) for p in EXAMPLES
         for args, suffix in ((["--no-color"], "table.txt"), (["--format", "json"], "json"))]
CASES.append((ROOT / "examples" / "yunling-town-2024.txt", ["--no-color", "--lang", "en"], "table.en.txt"))


def _golden(path: Path, suffix: str) -> Path:
    return GOLDEN / f"{path.stem}.{suffix}"


@pytest.mark.parametrize(("report", "args", "suffix"), CASES,
                         ids=[f"{p.name}-{s}" for p, _, s in CASES])
def test_output_matches_golden(report: Path, args: list[str], suffix: str) -> None:
    result = lawcheck("check", str(report.relative_to(ROOT)), *args)
    assert result.code in (0, 1), result.err
    golden = _golden(report, suffix)
    if os.environ.get("LAWCHECK_REGEN"):
        golden.write_text(result.out, encoding="utf-8")
    assert result.out == golden.read_text(encoding="utf-8")
    assert result.err == ""


def test_examples_cover_complete_gaps_and_traps() -> None:
    verdicts = {}
    for report in EXAMPLES:
        data = json.loads(_golden(report, "json").read_text(encoding="utf-8"))["reports"][0]
        verdicts[report.name] = (data["passed"], {i["id"]: i["status"] for i in data["items"]})
    passed, complete = verdicts["qinghe-street-2024.docx"]
    assert passed and all(s == "met" for s in complete.values())
    passed, gaps = verdicts["yunling-town-2024.txt"]
    assert not passed and gaps["next-year-plans"] == "missing" and gaps["legal-adviser"] == "missing"
    passed, traps = verdicts["linchuan-county-traps-2024.txt"]
    assert not passed and traps["three-systems"] != "met" and traps["frp-duty"] != "met"


def test_json_follows_the_contract() -> None:
    data = json.loads(_golden(ROOT / "examples" / "yunling-town-2024.txt", "json").read_text(encoding="utf-8"))
    assert set(data) == {"lawcheck", "schema", "checklist", "reports"}
    assert data["schema"] == 1 and data["checklist"]["id"] == "fazhi-annual-report"
    report = data["reports"][0]
    assert {"path", "score", "passed", "threshold", "meta", "items", "findings", "error"} <= set(report)
    assert {"title", "year", "org", "date"} <= set(report["meta"])
    three = next(i for i in report["items"] if i["id"] == "three-systems")
    assert {"id", "title", "severity", "weight", "status", "credit", "evidence", "parts"} <= set(three)
    assert [p["id"] for p in three["parts"]] == ["three-systems.publicity", "three-systems.recording",
                                                 "three-systems.review"]
    evidence = three["evidence"][0]
    assert {"text", "block", "section", "line"} <= set(evidence)


def test_same_input_gives_byte_identical_output() -> None:
    first = lawcheck("check", "examples/qinghe-street-2024.docx", "--format", "json")
    second = lawcheck("check", "examples/qinghe-street-2024.docx", "--format", "json")
    assert first.out == second.out
