"""The consistency findings, raised with their evidence, and not on a clean report."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Protocol

import pytest

from lawcheck.judge import checklist as checklists
from lawcheck.judge.engine import Options, check_path
from lawcheck.judge.findings import KINDS as CHECKS
from lawcheck.document.model import Finding, ReportResult

from tests.support.forms import write_text
from tests.support.reports import CLEAN_REPORT, spoil


@pytest.fixture(scope="module")
def checklist() -> checklists.Checklist:
    return checklists.load("fazhi-annual-report")


class Check(Protocol):
    def __call__(self, text: str, lang: str = ..., checklist: checklists.Checklist = ...) -> ReportResult: ...


@pytest.fixture
def check(tmp_path: Path, checklist: checklists.Checklist) -> Check:
    """Check ``text`` saved as a UTF-8 .txt file."""
    def run(text: str, lang: str = "zh", checklist: checklists.Checklist = checklist) -> ReportResult:
        path = write_text(tmp_path / "report.txt", text)
        return check_path(path, checklist, Options(lang=lang))
    return run


def only(result: ReportResult, fid: str) -> Finding:
    """The one finding ``fid``, which must be the only finding raised."""
    assert [f.id for f in result.findings] == [fid]
    return result.findings[0]


def highlighted(finding: Finding) -> list[str]:
    return [e.text[a:b] for e in finding.evidence for a, b in e.spans]


def test_a_clean_report_raises_nothing(check: Check) -> None:
    result = check(CLEAN_REPORT)
    assert result.findings == ()
    assert (result.meta.year, result.meta.date) == (2024, "2025-03-18")


def test_every_check_is_tested() -> None:
    assert set(CHECKS) == {"year-mismatch", "plan-year", "placeholders", "title-form", "deadline",
                           "stale-wording", "thin-evidence"}


def test_year_mismatch(check: Check) -> None:
    text = spoil(CLEAN_REPORT, "白沙街道2024年法治政府建设年度报告", "白沙街道2023年法治政府建设年度报告")
    finding = only(check(text), "year-mismatch")
    assert finding.severity == "warning"
    assert finding.message == "标题写的是 2023 年，正文讲的却是 2024 年的工作。"
    assert finding.evidence[0].text == "白沙街道2023年法治政府建设年度报告"
    assert finding.evidence[0].block == 0
    assert highlighted(finding)[1] == "2024年"


def test_plan_year(check: Check) -> None:
    text = spoil(CLEAN_REPORT, "四、2025年推进", "四、2026年推进")
    finding = only(check(text), "plan-year")
    assert finding.message == "下一年度安排写的是 2026 年，2024 年度报告应安排 2025 年的工作。"
    assert [e.text for e in finding.evidence] == ["四、2026年推进法治政府建设的主要安排"]
    assert highlighted(finding) == ["2026年"]


def test_the_plans_of_next_year_are_not_a_plan_year_finding(check: Check) -> None:
    assert "四、2025年推进" in CLEAN_REPORT
    assert not [f for f in check(CLEAN_REPORT).findings if f.id == "plan-year"]


@pytest.mark.parametrize(("old", "new", "placeholder"), [
    ("审查合同41份", "审查合同XX份", "XX"),
    ("审查合同41份", "审查合同××份", "××"),
    ("在区行政执法", "在＊区行政执法", "＊"),
    ("会议9次", "会议*次", "*"),
    ("白沙街道坚持", "〇〇街道坚持", "〇〇"),
    ("白沙街道坚持", "【】街道坚持", "【】"),
    ("审查合同41份", "审查合同____份", "____"),
    ("白沙街道坚持", "○○街道坚持", "○○"),
    ("白沙街道坚持", "白沙街道自2024年*月起坚持", "*"),
    ("白沙街道坚持", "x镇坚持", "x"),
    ("白沙街道坚持", "xx县坚持", "xx"),
    ("2024年，白沙街道", "20xx年，白沙街道", "20xx"),
    ("审查合同41份", "审查合同x份", "x"),
    ("代理诉讼案件2件", "代理诉讼案件X件", "X"),
    ("白沙街道坚持", "_村_坚持", "_村_"),
    ("聘请律师事务所", "聘请_律师事务所", "_"),
    ("审查合同41份", "审查合同＊＊份", "＊＊"),
    ("白沙街道坚持", "白沙街道以服务xx经济发展为目标坚持", "xx"),
], ids=["XX", "times-signs", "star-district", "star-times", "double-ling", "empty-brackets", "underline",
        "double-circle", "star-month", "x-town", "xx-county", "20xx-year", "x-count", "X-count",
        "underscores-around", "underscore-inside", "fullwidth-stars", "lower-xx"])
def test_placeholders(check: Check, old: str, new: str, placeholder: str) -> None:
    finding = only(check(spoil(CLEAN_REPORT, old, new)), "placeholders")
    assert finding.message == "有 1 处模板占位符没有填写（如 XX、××、*次、【】、____）。"
    assert highlighted(finding) == [placeholder]
    assert new in finding.evidence[0].text


@pytest.mark.parametrize(("old", "new"), [
    ("白沙街道坚持", "白沙街道自二〇〇九年起坚持"),     # a year written in Chinese numerals
    ("白沙街道坚持", "白沙街道在二〇二〇年后坚持"),
    ("白沙街道坚持", "白沙街道使用OA系统和XML接口坚持"),  # Latin words are not XX
    ("审查合同41份", "审查合同41份（见附件【1】）"),
    ("白沙街道坚持", "白沙街道自二○○九年起坚持"),     # ○ typed for 〇
    ("白沙街道坚持", "白沙街道与某县司法局共同坚持"),    # anonymising words are not blanks
    ("审查合同41份", "审查合同41份（具体清单略）"),
    ("白沙街道坚持", "白沙街道在Excel表格中坚持"),
    ("白沙街道坚持", "白沙街道在abc体育在线_abc体育投注@:坚持"),  # spam a site injected, joined to Latin
    ("白沙街道坚持", "白沙街道2024年法治政府建设情况报告_街镇园区文件_某某区人民政府门户网站\n白沙街道坚持"),
], ids=["year-2009-in-numerals", "year-2020-in-numerals", "latin-words", "filled-brackets",
        "year-2009-in-circles", "mou-county", "lve", "latin-word-x", "underscore-by-latin", "page-title"])
def test_what_is_not_a_placeholder(check: Check, old: str, new: str) -> None:
    assert check(spoil(CLEAN_REPORT, old, new)).findings == ()


def test_placeholders_are_counted_and_evidence_is_capped(check: Check) -> None:
    text = spoil(spoil(spoil(spoil(CLEAN_REPORT, "审查合同41份", "审查合同XX份"),
                             "会议9次", "会议*次"), "配备执法记录仪14台", "配备执法记录仪××台"),
                 "归档音像记录510条", "归档音像记录____条")
    finding = only(check(text), "placeholders")
    assert finding.message.startswith("有 4 处")
    assert len(finding.evidence) == 3


@pytest.mark.parametrize(("title", "problem"), [
    ("白沙街道法治政府建设年度报告", "没有写明年度"),
    ("白沙街道2024年法治政府建设情况", "没有写明是“报告”"),
    ("白沙街道2024年法治工作情况报告", "没有写明“法治政府建设”"),
], ids=["no-year", "no-report", "no-subject"])
def test_title_form(check: Check, title: str, problem: str) -> None:
    result = check(spoil(CLEAN_REPORT, "白沙街道2024年法治政府建设年度报告", title))
    finding = only(result, "title-form")
    assert finding.message == f"标题不规范：{problem}。"
    assert [e.text for e in finding.evidence] == [title]


def test_no_title_at_all(check: Check) -> None:
    result = check(spoil(CLEAN_REPORT, "白沙街道2024年法治政府建设年度报告\n", ""))
    finding = only(result, "title-form")
    assert finding.message == "标题不规范：找不到报告标题。"
    assert finding.evidence == ()


@pytest.mark.parametrize(("closing", "late"), [
    ("2025年1月31日", False),
    ("2025年3月31日", False),   # "before 1 April": the last day that is on time
    ("2025年4月1日", True),
    ("2025年12月30日", True),
    ("2024年12月30日", False),
], ids=["01-31", "03-31-last-day", "04-01-late", "12-30-late", "same-year"])
def test_deadline_is_before_1_april_of_the_next_year(check: Check, closing: str, late: bool) -> None:
    result = check(spoil(CLEAN_REPORT, "2025年3月18日", closing))
    if not late:
        assert result.findings == ()
        return
    finding = only(result, "deadline")
    assert finding.message == f"报告日期 {result.meta.date} 晚于规定期限（应在 2025-04-01 之前公开）。"


def test_the_deadline_comes_from_the_checklist(check: Check, checklist: checklists.Checklist) -> None:
    stricter = dataclasses.replace(checklist, deadline="03-01")
    finding = only(check(CLEAN_REPORT, checklist=stricter), "deadline")
    assert finding.message == "报告日期 2025-03-18 晚于规定期限（应在 2025-03-01 之前公开）。"


def test_the_page_publication_date_is_judged_too(check: Check) -> None:
    text = spoil(CLEAN_REPORT, "2025年3月18日\n", "")
    text = "当前位置：首页 > 政务公开\n发布时间：2025-04-03 09:30\n" + text
    finding = only(check(text), "deadline")
    assert "2025-04-03" in finding.message


def test_stale_wording(check: Check) -> None:
    text = spoil(CLEAN_REPORT, "智能高效、廉洁诚信", "廉洁高效、守法诚信")
    finding = only(check(text), "stale-wording")
    assert finding.message.startswith("2024 年度报告仍沿用 2015—2020 年纲要的旧表述")
    assert highlighted(finding) == ["廉洁高效", "守法诚信"]


def test_the_old_outline_by_name_is_stale_wording(check: Check) -> None:
    text = spoil(CLEAN_REPORT, "扎实推进法治政府建设。", "落实《法治政府建设实施纲要（2015－2020年）》。")
    assert highlighted(only(check(text), "stale-wording")) == ["2015－2020"]


def as_year(text: str, year: int) -> str:
    """The report moved to ``year``: every year shifted by the same amount."""
    return re.sub(r"20(2[0-9])", lambda m: str(int(m.group(0)) + year - 2024), text)


@pytest.mark.parametrize(("year", "raised"), [(2019, False), (2020, False), (2021, True), (2023, True)])
def test_stale_wording_only_from_2021(check: Check, year: int, raised: bool) -> None:
    text = as_year(spoil(CLEAN_REPORT, "智能高效、廉洁诚信", "廉洁高效、守法诚信"), year)
    result = check(text)
    assert result.meta.year == year
    assert [f.id for f in result.findings] == (["stale-wording"] if raised else [])


def without_figures(text: str) -> str:
    return re.sub(r"\d+(?=[次项份件条台名期])", "多", text)


def test_thin_evidence(check: Check) -> None:
    finding = only(check(without_figures(CLEAN_REPORT)), "thin-evidence")
    assert finding.severity == "info"
    assert finding.message == "工作举措部分只有 0 处具体数据（建议至少 3 处），成效缺少事实支撑。"


def test_figures_in_the_plans_and_shortcomings_do_not_count(check: Check) -> None:
    body = without_figures(CLEAN_REPORT).split("二、存在的不足和原因")[0]
    text = body + "二、存在的不足和原因" + CLEAN_REPORT.split("二、存在的不足和原因")[1]
    assert "仅3名" in text and "培训4期" in text and "研究法治工作6次" in text
    # 6次 in the part on the principal leaders' duty is performance; 3名 and 4期 are not.
    assert only(check(text), "thin-evidence").message.startswith("工作举措部分只有 1 处")


def test_two_figures_are_thin_and_three_are_enough(check: Check) -> None:
    text = without_figures(CLEAN_REPORT)
    two = spoil(spoil(text, "研究法治建设多次", "研究法治建设5次"), "分解到各科室", "分解到3个科室")
    assert only(check(two), "thin-evidence").message.startswith("工作举措部分只有 2 处")
    three = spoil(two, "审查合同多份", "审查合同41份")
    assert check(three).findings == ()


def test_several_findings_at_once_in_english(check: Check) -> None:
    text = spoil(CLEAN_REPORT, "白沙街道2024年法治政府建设年度报告", "白沙街道2023年法治政府建设情况")
    text = spoil(text, "四、2025年推进", "四、2026年推进")
    text = spoil(text, "审查合同41份", "审查合同XX份")
    text = spoil(text, "2025年3月18日", "2025年4月1日")
    text = spoil(text, "智能高效、廉洁诚信", "廉洁高效、守法诚信")
    result = check(without_figures(text), lang="en")
    assert {f.id: f.message for f in result.findings} == {
        "year-mismatch": "The title says 2023, but the body describes 2024.",
        "plan-year": "The plans are for 2026; a report for 2024 should plan 2025.",
        "placeholders": "1 template placeholders were left unfilled (XX, ××, *次, 【】, ____…).",
        "title-form": "The title is not in the expected form: it does not say it is a 报告.",
        "deadline": "The report is dated 2025-04-01, after the deadline (2025-04-01).",
        "stale-wording": "A report for 2024 still uses the 2015–2020 outline's wording; "
                         "update it to the 2021–2025 outline.",
        "thin-evidence": "The measures part has only 0 concrete figures (at least 3 advised).",
    }


def test_the_command_line_shows_findings_in_english(tmp_path: Path) -> None:
    path = write_text(tmp_path / "late.txt", spoil(CLEAN_REPORT, "2025年3月18日", "2025年5月6日"))
    run = subprocess.run([sys.executable, "-m", "lawcheck", "check", str(path), "--format", "json",
                          "--lang", "en"], capture_output=True, text=True, timeout=60)
    report = json.loads(run.stdout)["reports"][0]
    assert [(f["id"], f["message"]) for f in report["findings"]] == [
        ("deadline", "The report is dated 2025-05-06, after the deadline (2025-04-01).")]
    assert input_unchanged(path)


def input_unchanged(path: Path) -> bool:
    return path.read_text(encoding="utf-8") == spoil(CLEAN_REPORT, "2025年3月18日", "2025年5月6日")
