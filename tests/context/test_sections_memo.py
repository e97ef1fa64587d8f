"""A section's verdict on a heading is remembered per title, level and year, within a bound."""

from __future__ import annotations

import pytest
import regex

from lawcheck.judge import sections
from lawcheck.judge.sections import SectionDef


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


def test_inline_wording_is_found_where_its_patterns_alone_find_it() -> None:
    # Each pattern is searched for only in texts holding a literal of every set it requires
    # ("(不足|问题)(表现|体现)在" needs 表现 or 体现 besides 不足 or 问题): never a different answer.
    inline = ("(存在|仍有)[^。]{0,16}(差距|不足|问题)[^。]{0,8}(:|主要(表现|体现)在)", "(不足|问题)(主要)?(表现|体现)在")
    part = SectionDef("shortcomings", (("不足", None),), inline=inline)
    texts = ["工作中存在的问题主要表现在:执法力量不足。", "问题体现在三个方面。", "问题较多,但已整改。",
             "全年未发现问题。", "不足之处表现为两点。", "仍有差距,主要体现在基层。", "体现在问题上。"]
    for text in texts:
        plain = [m.start() for p in inline if (m := regex.search(p, text))]
        assert part.inline_match(text, 2024) == (plain[0] if plain else None), text
    assert [part.inline_match(t, 2024) for t in texts] == [3, 0, None, None, None, 0, None]
