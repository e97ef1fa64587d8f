"""Every shipped checklist passes its own ``lawcheck checklist test``."""

from __future__ import annotations

import pytest

from lawcheck.judge import checklist as checklists
from lawcheck.workflows.selftest import example_cases

CASES = [pytest.param(name, case, id=f"{name}:{case.item}:{case.want[0]}:{case.text[:12]}")
         for name in checklists.builtin_ids() for case in example_cases(checklists.load(name))]


@pytest.mark.parametrize(("name", "case"), CASES)
def test_example(name, case):
    assert case.got in case.want, f"{name}: {case.item} says {case.got} for {case.text!r}"
