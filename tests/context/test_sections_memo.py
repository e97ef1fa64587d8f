"""A section's verdict on a heading is remembered per title, level and year, within a bound."""

from __future__ import annotations

import pytest

from lawcheck import sections
from lawcheck.sections import SectionDef


def test_a_heading_is_judged_the_same_however_often_and_by_level_and_year() -> None:
    plans = SectionDef("plans", (("下一(年度|步)", 1), ("{next_year}年.{0,10}安排", None)))
    asks = [("四、下一步工作安排", 1, 2024), ("四、下一步工作安排", 2, 2024), ("二〇二五年工作安排", None, 2024),
            ("二〇二五年工作安排", None, 2025), ("一、主要举措", 1, 2024)]
    first = [plans.heading_matches(*ask) for ask in asks]
    assert first == [True, False, True, False, False]
    assert [plans.heading_matches(*ask) for ask in reversed(asks)] == first[::-1]


def test_the_memo_starts_again_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sections, "HEADINGS_KEPT", 3)
    plans = SectionDef("plans", (("下一(年度|步)", None),))
    for i in range(10):
        assert plans.heading_matches(f"{i}、下一步打算", None, 2024)
        assert len(plans._cache["headings"]) <= 3
