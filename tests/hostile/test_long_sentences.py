"""A sentence as long as a paragraph may be (a million characters) is read once, not once per character.

Each pattern below used to be tried again from every character of a run that
could start it: a run of digits without a unit, of 【 without a 】, of 虽 without
a turn. A few hundred KB of such text took minutes, or made the checklist's own
figure pattern look catastrophic. The patterns now start at most once in each
run; these tests check they find what the old ones found, and that such a
report is judged.
"""

from __future__ import annotations

import re
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lawcheck.judge.checklist.compile import base_cues
from lawcheck.judge.sections import PLACEHOLDER
from lawcheck.document.text import FIGURE

OLD_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿)?(?:件|次|份|人次|人|场|个|起|%|期|名|家|篇|条|项|宗|户|台|元|小时|天|批|支|余)")
OLD_CONCESSIVE = regex.compile(r"(虽|虽然|尽管)[^。]*?(但|但是|然而|却)", regex.V0)
OLD_PLACEHOLDER = re.compile(r"【(?:请|此处|在此)[^】]*】|【[^】]*(?:××|XX|xx)[^】]*】")

figures = st.text(alphabet="1234.  件人次万亿a", max_size=30)
concessions = st.text(alphabet="虽然尽管但是而却。甲", max_size=30)


@given(figures)
def test_a_figure_is_found_where_it_was(text: str) -> None:
    assert [m.span() for m in FIGURE.finditer(text)] == [m.span() for m in OLD_FIGURE.finditer(text)]


@settings(max_examples=300)
@given(concessions)
def test_a_concession_ends_where_it_did(text: str) -> None:
    # The matcher uses where the concession ends (hits before it are negated).
    (source,) = base_cues()["concessive"]
    new, old = regex.search(source, text), OLD_CONCESSIVE.search(text)
    assert (new and new.end()) == (old and old.end())


def test_a_placeholder_is_the_innermost_bracket() -> None:
    for text in ["【请填写本单位名称】", "本年度【××】件", "【在此写明情况】。", "共【XX】次"]:
        assert [m.span() for m in PLACEHOLDER.finditer(text)] == [m.span() for m in OLD_PLACEHOLDER.finditer(text)]
    # With a stray 【 before it, the placeholder is the bracket that holds the guidance.
    assert [m.group() for m in PLACEHOLDER.finditer("见【附件【××情况】")] == ["【××情况】"]


def test_a_million_character_sentence_of_each_is_judged(tmp_path: Path, cli) -> None:
    for name, run in [("digits", "1"), ("brackets", "【"), ("concessions", "虽")]:
        report = tmp_path / f"{name}.txt"
        report.write_text("某镇2024年法治政府建设情况报告\n法律顾问审核合同，执法全过程记录" + run * 999_000 + "。\n",
                          encoding="utf-8")
        result = cli("check", str(report), "--lang", "en")
        assert result.code == 1, (name, result.err)  # judged (it fails the gate), not refused
        assert "regex" not in result.err

SLOW_CUE = """\
id: slow-cue
title: 慢提示词
extends: fazhi-annual-report
cues:
  concessive: ['(虽|虽然)[^。]*?(但|却)']
"""


def test_a_slow_cue_of_a_users_checklist_is_reported_on_a_long_sentence(tmp_path: Path, cli, monkeypatch) -> None:
    # Cues run untimed in sentences of ordinary length; in a longer one they are timed, so a
    # cue that reads a run of 虽 again from each is reported instead of hung on.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "slow.yaml").write_text(SLOW_CUE, encoding="utf-8")
    (tmp_path / "report.txt").write_text("某镇2024年法治政府建设情况报告\n法律顾问审核合同" + "虽" * 200_000 + "。\n",
                                         encoding="utf-8")
    run = cli("check", "-c", "slow.yaml", "report.txt", "--lang", "en")
    assert run.code == 2
    assert run.err.startswith("The checklist regex (?:(虽|虽然)[^。]*?(但|却)) ran for more than")
