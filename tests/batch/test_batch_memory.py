"""A checked report leaves nothing for the cycle collector: its objects go when the result is written.

Thousands of reports in one process each left their document, context and
index in reference cycles; the collector's passes over them cost a batch a
fifth of its time. Refcounting alone must free a report.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from lawcheck.judge import checklist as checklists
from lawcheck.judge.engine import check_path
from lawcheck.reporters.json import record_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("name", ["yunling-town-2024.txt", "qinghe-street-2024.docx",
                                  "linchuan-county-traps-2024.txt"])
def test_a_checked_report_leaves_no_reference_cycles(name: str) -> None:
    checklist = checklists.load()
    check_path(EXAMPLES / name, checklist)  # modules, caches and the checklist's compiled patterns
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        record_text(check_path(EXAMPLES / name, checklist), "zh")
        gc.collect()
        left = [type(o).__name__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()
    assert left == []
