"""Title, year, reporting body and date of a report (lawcheck.document.metadata)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck.judge import checklist as checklists
from lawcheck.judge.engine import context_for
from lawcheck.document.model import Document, Meta, RawBlock, Source
from lawcheck.readers import read
from lawcheck.document.structure import build

from tests.support.forms import write_docx
from tests.support.reports import CLEAN_REPORT


@pytest.fixture(scope="module")
def checklist() -> checklists.Checklist:
    return checklists.load("fazhi-annual-report")


def doc_of(*lines: str) -> Document:
    return build(Source("report.txt", "txt", tuple(RawBlock(line) for line in lines)))


def meta_of(checklist: checklists.Checklist, *lines: str) -> Meta:
    return context_for(doc_of(*lines), checklist)[1]  # type: ignore[return-value]


BODY = ("2024年，县司法局全年审核规范性文件18件。", "一、主要举措和成效", "全年办理行政复议案件12件。")
UNNAMED = ("2024年，我局全年审核规范性文件18件。", "一、主要举措和成效", "全年办理行政复议案件12件。")


def test_the_clean_report(checklist: checklists.Checklist) -> None:
    meta = meta_of(checklist, *CLEAN_REPORT.splitlines())
    assert (meta.title, meta.title_year, meta.year, meta.org, meta.date) == (
        "白沙街道2024年法治政府建设年度报告", 2024, 2024, "白沙街道办事处", "2025-03-18")


def test_the_title_is_the_first_title_like_line(checklist: checklists.Checklist) -> None:
    meta = meta_of(checklist, "青松县司法局", "青松县司法局关于2024年度法治政府建设情况的报告", *BODY)
    assert meta.title == "青松县司法局关于2024年度法治政府建设情况的报告"
    assert meta.title_year == 2024


@pytest.mark.parametrize("title", [
    "青松县2024年法治政府建设年度报告",
    "青松县人民政府关于2024年度法治政府建设情况的报告",
    "青松县2024年依法行政工作报告",
    "青松县2024年法治政府建设工作总结",
], ids=["annual-report", "guanyu-niandu", "yifa-xingzheng", "zongjie"])
def test_title_forms(checklist: checklists.Checklist, title: str) -> None:
    meta = meta_of(checklist, title, *BODY)
    assert meta.title == title and meta.title_year == 2024


def test_a_numbered_heading_further_down_is_not_the_title(checklist: checklists.Checklist) -> None:
    meta = meta_of(checklist, "各位领导：", "一、2024年法治政府建设情况报告", "全年审核合同32份。")
    assert meta.title is None and meta.title_year is None


def test_site_navigation_is_not_the_title(checklist: checklists.Checklist) -> None:
    meta = meta_of(checklist, "当前位置：首页 > 政务公开 > 法治政府建设年度报告",
                   "青松县2024年法治政府建设年度报告", *BODY)
    assert meta.title == "青松县2024年法治政府建设年度报告"


def test_the_year_is_the_one_the_body_describes(checklist: checklists.Checklist) -> None:
    meta = meta_of(checklist, "青松县2024年法治政府建设年度报告", "2023年，全县审核合同32份。",
                   "2023年全县办理复议案件15件。", "2024年1月召开总结会议。")
    assert (meta.title_year, meta.year) == (2024, 2023)


def test_a_comparison_with_last_year_does_not_change_the_year(checklist: checklists.Checklist) -> None:
    meta = meta_of(checklist, "青松县2024年法治政府建设年度报告",
                   "2024年，全县审核合同35份，比2023年增加12份。", "全年办理复议案件12件。")
    assert meta.year == 2024


def test_without_a_year_in_the_body_the_title_year_is_used(checklist: checklists.Checklist) -> None:
    meta = meta_of(checklist, "青松县2024年法治政府建设年度报告", "全县审核合同32份。")
    assert meta.year == 2024


def test_the_plans_part_does_not_count_toward_the_year(checklist: checklists.Checklist) -> None:
    meta = meta_of(checklist, "青松县2024年法治政府建设年度报告",
                   "2024年，全县审核合同32份。",
                   "二、2025年推进法治政府建设的主要安排",
                   "2025年，将开展执法培训。2025年，将修订决策规则。2025年底前完成清理。")
    assert meta.year == 2024


def test_years_in_document_titles_and_dates_do_not_count(checklist: checklists.Checklist) -> None:
    meta = meta_of(checklist, "青松县2024年法治政府建设年度报告",
                   "印发《2023年法治政府建设重点工作安排》《2023年普法工作要点》。",
                   "2023年12月召开总结会，2023年11月开展检查。",
                   "2024年，全县审核合同32份。")
    assert meta.year == 2024


def test_the_org_is_the_signature_above_the_closing_date(checklist: checklists.Checklist) -> None:
    meta = meta_of(checklist, "2024年法治政府建设年度报告", *BODY, "青松县市场监督管理局", "2025年2月8日")
    assert meta.org == "青松县市场监督管理局"
    assert meta.date == "2025-02-08"


@pytest.mark.parametrize(("title", "org"), [
    ("青松县2024年法治政府建设年度报告", "青松县"),
    ("青松县人民政府关于2024年度法治政府建设情况的报告", "青松县人民政府"),
    ("青政发〔2025〕3号青松县人民政府2024年法治政府建设情况报告", "青松县人民政府"),
], ids=["county", "without-guanyu", "without-document-number"])
def test_without_a_signature_the_org_is_what_precedes_the_year_in_the_title(
        checklist: checklists.Checklist, title: str, org: str) -> None:
    assert meta_of(checklist, title, *BODY).org == org


def test_a_title_without_anything_before_the_year_names_no_org(checklist: checklists.Checklist) -> None:
    assert meta_of(checklist, "2024年法治政府建设年度报告", *UNNAMED).org is None
    # the opening's subject names it, as printed (DOMAIN.md: a county department by its county alone)
    assert meta_of(checklist, "2024年法治政府建设年度报告", *BODY).org == "县司法局"


def test_a_closing_date_in_chinese(checklist: checklists.Checklist) -> None:
    assert meta_of(checklist, "青松县2024年法治政府建设年度报告", *BODY,
                   "青松县人民政府", "2025年 3月 6日").date == "2025-03-06"


def test_without_a_closing_date_the_page_publication_date_is_used(checklist: checklists.Checklist) -> None:
    meta = meta_of(checklist, "当前位置：首页 > 政务公开", "青松县2024年法治政府建设年度报告",
                   "发布时间：2025-01-27  来源：县司法局", *BODY)
    assert meta.date == "2025-01-27"


def test_a_closing_date_wins_over_the_page_date(checklist: checklists.Checklist) -> None:
    meta = meta_of(checklist, "青松县2024年法治政府建设年度报告", "发布时间：2025-04-10", *BODY,
                   "2025年3月20日")
    assert meta.date == "2025-03-20"


def test_no_date_at_all(checklist: checklists.Checklist) -> None:
    assert meta_of(checklist, "青松县2024年法治政府建设年度报告", *BODY).date is None


def test_an_impossible_date_is_no_date(checklist: checklists.Checklist) -> None:
    assert meta_of(checklist, "青松县2024年法治政府建设年度报告", *BODY, "2025年13月40日").date is None


def test_metadata_of_a_docx_and_its_text_agree(checklist: checklists.Checklist, tmp_path: Path) -> None:
    path = write_docx(tmp_path / "clean.docx", CLEAN_REPORT)
    from_docx = context_for(build(read(path)), checklist)[1]
    from_text = meta_of(checklist, *CLEAN_REPORT.splitlines())
    assert from_docx.title == from_text.title  # type: ignore[attr-defined]
    assert (from_docx.year, from_docx.org, from_docx.date) == (  # type: ignore[attr-defined]
        from_text.year, from_text.org, from_text.date)
    assert from_docx.format == "docx"  # type: ignore[attr-defined]


# --- the reporting body, as real titles, signatures and pages give it ----------------------

@pytest.mark.parametrize(("lines", "org"), [
    (("青松市人民政府关于青松市2023年法治政府建设情况的报告", *BODY), "青松市人民政府"),
    (("关于青松区2023年法治政府建设情况的报告", *BODY, "青松区人民政府", "2024年3月1日"), "青松区人民政府"),
    (("关于青松区2023年法治政府建设情况的报告", *BODY), "青松区"),
    (("2023年法治政府建设情况报告", "根据有关规定，现将青松市2023年法治政府建设情况报告如下。", *BODY), "青松市"),
    (("2023年法治政府建设情况报告", *BODY, "青松县市场监督管理局", "2024年2月20日"), "青松县市场监督管理局"),
    (("2023年法治政府建设情况报告", *BODY, "青松县卫生健康委员会2024年2月20日"), "青松县卫生健康委员会"),
    (("街道2023年法治政府建设工作总结", "2023年，柳湾街道持续推进依法行政。", *BODY, "柳湾街道加强执法。"),
     "柳湾街道"),
    (("我局2023年法治政府建设情况报告", *UNNAMED), None),
    (("关于贯彻《青松市法治政府建设实施方案》情况的报告", "2023年，全县审核合同32份。"), None),
], ids=["org-guanyu", "guanyu-org-signed", "guanyu-org", "xianjiang", "signature", "signature-run-on",
        "bare-jiedao", "wo-ju", "cited-document"])
def test_the_body_is_read_in_full_from_the_most_trusted_place(checklist, lines, org) -> None:
    assert meta_of(checklist, *lines).org == org


def test_the_pages_own_fields_give_the_title_and_body(checklist) -> None:
    meta = meta_of(checklist, "索引号：000000-2024-00012", "发布机构：青松县应急管理局",
                   "名称：青松县应急管理局2023年法治政府建设情况报告", "成文日期：2024-02-28", *BODY)
    assert (meta.title, meta.title_year, meta.org, meta.date) == (
        "青松县应急管理局2023年法治政府建设情况报告", 2023, "青松县应急管理局", "2024-02-28")


# --- years and dates in Chinese numerals ----------------------------------------------

@pytest.mark.parametrize(("title", "year"), [
    ("青松县二〇二四年法治政府建设年度报告", 2024),
    ("青松县二○二三年度法治政府建设情况报告", 2023),
    ("青松县二零二二年法治政府建设工作总结", 2022),
])
def test_a_title_year_in_chinese_numerals(checklist, title, year) -> None:
    meta = meta_of(checklist, title, "全年办理行政复议案件12件。")
    assert meta.title_year == year and meta.year == year


def test_a_closing_date_in_chinese_numerals(checklist) -> None:
    meta = meta_of(checklist, "青松县2024年法治政府建设年度报告", *BODY, "青松县人民政府", "二○二五年三月十日")
    assert meta.date == "2025-03-10"
    assert meta_of(checklist, "青松县2024年法治政府建设年度报告", *BODY, "二〇二五年一月三十一日").date == "2025-01-31"


def test_no_false_title_form_finding_for_a_chinese_numeral_year(checklist) -> None:
    from lawcheck.judge.engine import check_document

    result = check_document(doc_of("青松县二〇二四年法治政府建设年度报告", *BODY), checklist)
    assert "title-form" not in [f.id for f in result.findings]


def test_a_date_run_on_after_the_title_is_the_date_of_issue(checklist) -> None:
    meta = meta_of(checklist, "青松县2024年法治政府建设工作总结2025年1月8日", *BODY)
    assert (meta.title_year, meta.date) == (2024, "2025-01-08")


def test_the_title_year_is_never_that_of_a_cited_document(checklist) -> None:
    meta = meta_of(checklist, "关于落实《法治政府建设实施纲要（2021—2025年）》情况的报告", *BODY)
    assert meta.title_year is None


@pytest.mark.parametrize("line", [
    "全年办理复议案件12件。",  # 年 without a year
    "2023年，区政府召开常务会议4次。",
    "二〇二三年，区政府召开常务会议4次。",
    "印发《2021—2025年法治政府建设规划》，2023 年完成了中期评估。",
    "20《某规定》23年",  # taking the title out brings the digits and 年 together
    "2023年5月8日",  # a date names no year of work
    "二〇二四年三月十日",
])
def test_the_years_a_block_names_are_those_of_the_full_search(line: str) -> None:
    from lawcheck.document.metadata import QUOTED, block_years
    from lawcheck.document.text import YEAR
    from lawcheck.document.text import arabic

    doc = doc_of("关于2023年的报告", line)
    plain = [(b.index, [int(m.group(1)) for m in YEAR.finditer(arabic(QUOTED.sub("", b.norm)))])
             for b in doc.blocks if b.kind != "furniture"]
    assert block_years(doc) == plain


# --- the reporting body as real pages print it (DOMAIN.md: empty is better than wrong) -------

@pytest.mark.parametrize(("lines", "org"), [
    (("二〇二四年，在區委、區政府的領導下，青松鎮堅持依法行政。", "一、主要舉措", "全年審核合同32份。"), "青松鎮"),
    (("某某资料网—每日更新www.example.com青松县人民政府关于2024年度法治政府建设情况的报告2024年，县政府坚持"
      "依法行政，全年审核合同32份。", "一、主要举措"), "青松县人民政府"),
    (("林业局2024年上半年法治建设工作总结 一、突出制度建设 局党组开会研究法治建设2次。",), "林业局"),
    (("青卫〔2025〕3号《青松县卫生健康委关于2024年度法治政府建设情况的报告》", "县委、县政府：",
      "现呈送我委2024年度法治政府建设情况报告。", *BODY), "青松县卫生健康委"),
    (("2024年度柳湾街道法治政府建设工作报告", "2024年，街道持续推进依法行政。"), "柳湾街道"),
    (("2024年，在区委、区政府的正确领导下，青湖街党工委、办事处高举法治旗帜，推进依法行政。", "一、主要举措"),
     "青湖街党工委、办事处"),
    (("2024年，青松市政府在省委、省政府的领导下，深入推进依法行政。", "一、主要举措"), "青松市政府"),
    (("2024年，省林业厅坚持以法治思维推进工作。", "一、主要举措"), "省林业厅"),
    (("2024年，青松县法治政府建设工作以提升执法质量为重点。", "一、主要举措"), "青松县"),
    (("2024年，在省委领导下，青山省各级政府及其部门坚持依法行政。", "一、主要举措"), "青山省"),
], ids=["traditional-as-printed", "banner-before-title", "title-heads-a-long-line", "numbered-title-in-quotes",
        "year-first-title", "joint-subject", "city-government-subject", "department-subject",
        "subject-then-work", "province-subject"])
def test_the_body_as_the_report_prints_it(checklist, lines, org) -> None:
    assert meta_of(checklist, *lines).org == org


@pytest.mark.parametrize("lines", [
    ("2024年法治政府建设情况报告", "一是全面部署法治政府建设工作。", "全年审核合同32份。"),
    ("2024年法治政府建设情况报告", "2024年，县委县政府坚持依法行政。"),
    ("2024年法治政府建设情况报告", "2024年，全县党员干部坚持学法用法。"),
    ("2024年法治政府建设情况报告", "2024年，区委坚持全面依法治区。"),
], ids=["a-point-is-no-name", "joint-with-no-name", "people-are-no-body", "party-committee"])
def test_no_name_is_better_than_a_wrong_one(checklist, lines) -> None:
    assert meta_of(checklist, *lines).org is None


@pytest.mark.parametrize(("lines", "year"), [
    (("法治政府建设情况报告", "在2023年工作基础上，全镇审核合同32份。", "2024年，全镇办理复议案件4件。"), 2024),
    (("法治政府建设情况报告", "落实2021—2025年规划，全镇审核合同32份。", "2024年，全镇办理复议案件4件。"), 2024),
    (("法治政府建设情况报告", "2016—2020年，全市审核合同320份。"), None),
], ids=["built-on-an-earlier-year", "a-range", "only-a-range"])
def test_the_year_is_never_read_from_a_range_or_an_earlier_base(checklist, lines, year) -> None:
    assert meta_of(checklist, *lines).year == year
