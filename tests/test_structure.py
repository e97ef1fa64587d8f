"""Headings, sections, site navigation and wrapped lines (lawcheck.document.structure)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lawcheck.document.metadata import find_title
from lawcheck.document.model import Document, RawBlock, Source
from lawcheck.readers import read
from lawcheck.document.structure import build

from tests.support.forms import define_outline_numbering, hard_wrap, numbered_paragraph, write_text


def doc_of(*blocks: str | RawBlock, fmt: str = "txt") -> Document:
    raws = tuple(b if isinstance(b, RawBlock) else RawBlock(b) for b in blocks)
    return build(Source(path="report.txt", format=fmt, blocks=raws))


def outline(doc: Document) -> list[tuple[str, str, int | None, str]]:
    """(kind, text, level, section path) of every block."""
    return [(b.kind, b.text, b.level, doc.heading_path(b)) for b in doc.blocks]


def test_numbering_forms_nest_in_the_order_first_seen() -> None:
    doc = doc_of("一、主要举措和成效", "（一）健全工作机制", "1.成立领导小组", "（1）召开会议",
                 "①第一次会议", "会议研究法治工作3项。", "2.制定工作要点", "（二）规范执法",
                 "二、存在的不足和原因")
    assert outline(doc) == [
        ("heading", "一、主要举措和成效", 1, ""),
        ("heading", "（一）健全工作机制", 2, "一、主要举措和成效"),
        ("heading", "1.成立领导小组", 3, "一、主要举措和成效 > （一）健全工作机制"),
        ("heading", "（1）召开会议", 4, "一、主要举措和成效 > （一）健全工作机制 > 1.成立领导小组"),
        ("heading", "①第一次会议", 5,
         "一、主要举措和成效 > （一）健全工作机制 > 1.成立领导小组 > （1）召开会议"),
        ("paragraph", "会议研究法治工作3项。", None,
         "一、主要举措和成效 > （一）健全工作机制 > 1.成立领导小组 > （1）召开会议 > ①第一次会议"),
        ("heading", "2.制定工作要点", 3, "一、主要举措和成效 > （一）健全工作机制"),
        ("heading", "（二）规范执法", 2, "一、主要举措和成效"),
        ("heading", "二、存在的不足和原因", 1, ""),
    ]


def test_a_document_that_starts_at_paren_numbers_takes_them_as_level_one() -> None:
    doc = doc_of("（一）加强组织领导", "1.调整领导小组", "全年召开会议4次。", "（二）规范行政执法")
    assert [(b.text, b.level) for b in doc.blocks] == [
        ("（一）加强组织领导", 1), ("1.调整领导小组", 2), ("全年召开会议4次。", None),
        ("（二）规范行政执法", 1)]
    assert doc.blocks[2].section == (0, 1)
    assert doc.blocks[3].section == ()


def test_sections_hold_the_blocks_up_to_the_next_heading_of_their_level() -> None:
    doc = doc_of("一、主要举措", "审核合同15份。", "二、存在的不足", "执法力量薄弱。")
    assert [b.section for b in doc.blocks] == [(), (0,), (), (2,)]


def test_word_heading_styles_make_headings_without_numbers() -> None:
    doc = doc_of(RawBlock("主要举措和成效", style_level=1), "全年审核合同32份。",
                 RawBlock("依法决策", style_level=2), "落实决策程序。",
                 RawBlock("存在的不足和原因", style_level=1), fmt="docx")
    assert outline(doc) == [
        ("heading", "主要举措和成效", 1, ""),
        ("paragraph", "全年审核合同32份。", None, "主要举措和成效"),
        ("heading", "依法决策", 2, "主要举措和成效"),
        ("paragraph", "落实决策程序。", None, "主要举措和成效 > 依法决策"),
        ("heading", "存在的不足和原因", 1, ""),
    ]


def test_a_styled_numbered_line_is_a_heading_even_when_long() -> None:
    long_heading = "一、" + "推进法治政府建设" * 7
    doc = doc_of(RawBlock(long_heading, style_level=1), "正文。", fmt="docx")
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].level == 1


def test_style_headings_from_a_real_docx(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("青松乡2024年法治政府建设年度报告")
    document.add_paragraph("主要举措和成效", style="Heading 1")
    document.add_paragraph("依法决策", style="Heading 2")
    document.add_paragraph("全年作出重大行政决策2项。")
    document.add_paragraph("存在的不足和原因", style="Heading 1")
    document.add_paragraph("执法人员不足。")
    path = tmp_path / "styled.docx"
    document.save(str(path))
    doc = build(read(path))
    assert outline(doc) == [
        ("paragraph", "青松乡2024年法治政府建设年度报告", None, ""),
        ("heading", "主要举措和成效", 1, ""),
        ("heading", "依法决策", 2, "主要举措和成效"),
        ("paragraph", "全年作出重大行政决策2项。", None, "主要举措和成效 > 依法决策"),
        ("heading", "存在的不足和原因", 1, ""),
        ("paragraph", "执法人员不足。", None, "存在的不足和原因"),
    ]


def test_word_automatic_numbering_is_recognised(tmp_path: Path) -> None:
    document = docx.Document()
    num_id = define_outline_numbering(document)
    document.add_paragraph("青松乡2024年法治政府建设年度报告")
    numbered_paragraph(document, "主要举措和成效", num_id, 0)
    numbered_paragraph(document, "健全工作机制", num_id, 1)
    document.add_paragraph("全年召开专题会议4次。")
    numbered_paragraph(document, "规范行政执法", num_id, 1)
    numbered_paragraph(document, "存在的不足和原因", num_id, 0)
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    doc = build(read(path))
    assert outline(doc) == [
        ("paragraph", "青松乡2024年法治政府建设年度报告", None, ""),
        ("heading", "一、主要举措和成效", 1, ""),
        ("heading", "（一）健全工作机制", 2, "一、主要举措和成效"),
        ("paragraph", "全年召开专题会议4次。", None, "一、主要举措和成效 > （一）健全工作机制"),
        ("heading", "（二）规范行政执法", 2, "一、主要举措和成效"),
        ("heading", "二、存在的不足和原因", 1, ""),
    ]


def test_list_number_style_numbers_nest_under_style_headings(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("存在的不足和原因", style="Heading 1")
    document.add_paragraph("执法力量不足", style="List Number")
    document.add_paragraph("执法人员9名，其中4名兼顾其他工作。")
    document.add_paragraph("制度执行不严", style="List Number")
    path = tmp_path / "list.docx"
    document.save(str(path))
    doc = build(read(path))
    assert outline(doc) == [
        ("heading", "存在的不足和原因", 1, ""),
        ("heading", "1.执法力量不足", 2, "存在的不足和原因"),
        ("paragraph", "执法人员9名，其中4名兼顾其他工作。", None, "存在的不足和原因 > 1.执法力量不足"),
        ("heading", "2.制度执行不严", 2, "存在的不足和原因"),
    ]


def test_a_long_numbered_paragraph_opens_a_section_titled_by_its_first_sentence() -> None:
    paragraph = ("（一）推行执法公示制度。综合执法队在区政府网站公示平台公开执法事项清单65项，"
                 "处罚决定作出后7日内公开，全年公开处罚信息31件，做到应公开尽公开。")
    doc = doc_of("一、主要举措和成效", paragraph, "执法人员全部持证上岗。", "（二）规范重大决策")
    opener = doc.blocks[1]
    assert opener.kind == "paragraph"
    assert opener.heading == "(一)推行执法公示制度"
    assert opener.level == 2
    assert doc.heading_path(doc.blocks[2]) == "一、主要举措和成效 > （一）推行执法公示制度"
    assert doc.blocks[3].level == 2 and doc.blocks[3].section == (0,)


def test_a_long_numbered_paragraph_with_a_long_first_sentence_is_titled_by_its_first_clause() -> None:
    paragraph = ("1.法律顾问参与决策，街道常年法律顾问全年列席党工委会议和主任办公会议共计11次，"
                 "对涉及群众切身利益的事项提出法律意见，审查合同41份。")
    doc = doc_of(paragraph)
    assert doc.blocks[0].heading == "1.法律顾问参与决策"


def test_a_short_numbered_sentence_is_a_heading() -> None:
    doc = doc_of("二、存在的不足和原因：")
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].heading == "二、存在的不足和原因:"


def test_numbers_in_body_text_are_not_headings() -> None:
    doc = doc_of("2024年，全镇审核合同32份。", "12.5%的案件适用简易程序。", "一是加强领导，二是完善制度。")
    assert [b.kind for b in doc.blocks] == ["paragraph"] * 3
    assert [b.level for b in doc.blocks] == [None] * 3


WEB_PAGE = [
    "首页 | 政务公开 | 政务服务 | 互动交流 | 走进青松",
    "当前位置：首页 > 政务公开 > 法治政府建设",
    "青松县司法局2024年法治政府建设年度报告",
    "发布时间：2025-02-20  来源：县司法局  浏览次数：215",
    "2024年，县司法局全年审核规范性文件18件。",
    "一、主要举措和成效",
    "全年办理行政复议案件12件。",
    "青松县司法局",
    "【打印本页】【关闭窗口】",
    "分享到：微信 微博",
    "相关文章",
    "青松县2023年法治政府建设年度报告",
    "青松县开展宪法宣传周活动",
    "网站标识码：青ICP备05012345号",
]


def test_site_navigation_is_set_aside() -> None:
    doc = doc_of(*WEB_PAGE)
    body = [b.text for b in doc.blocks if b.kind != "furniture"]
    assert body == ["青松县司法局2024年法治政府建设年度报告", "2024年，县司法局全年审核规范性文件18件。",
                    "一、主要举措和成效", "全年办理行政复议案件12件。", "青松县司法局"]
    assert doc.nav == tuple(line for line in WEB_PAGE if line not in body)
    assert not any(s.block in {b.index for b in doc.blocks if b.kind == "furniture"}
                   for s in doc.sentences)


def test_site_navigation_is_not_the_title() -> None:
    title = find_title(doc_of(*WEB_PAGE)).block
    assert title is not None and title.text == "青松县司法局2024年法治政府建设年度报告"


@pytest.mark.parametrize("line", [
    "当前位置：首页 > 政务公开", "首页 > 新闻中心 > 工作动态", "【打印本页】", "【关闭窗口】",
    "备案号：湘ICP备12345678号-1", "分享到：", "首页 | 机构概况 | 政务公开 | 办事服务 | 互动交流",
], ids=["current-position", "home-breadcrumb", "print", "close", "icp", "share", "menu"])
def test_navigation_lines(line: str) -> None:
    doc = doc_of("青松县2024年法治政府建设年度报告", line, "全年审核合同32份。")
    assert [b.kind for b in doc.blocks] == ["paragraph", "furniture", "paragraph"]


def test_what_follows_related_articles_at_the_end_is_navigation() -> None:
    body = [f"第{n}段正文，全年审核合同{n}份。" for n in range(1, 7)]
    doc = doc_of(*body, "相关文章", "青松县2023年法治政府建设年度报告", "关于加强执法监督的通知")
    assert [b.kind for b in doc.blocks] == ["paragraph"] * 6 + ["furniture"] * 3


# A report with sentences that end exactly at a line end when wrapped at 28
# characters, a numbered heading that exactly fills a line, one longer than a
# line, and a long numbered paragraph.
WRAPPABLE = """\
青松乡2024年法治政府建设情况报告
2024年，青松乡坚持依法行政，扎实推进法治政府建设，取得了新的进展。现将有关情况报告如下。
一、2024年推进法治政府建设的主要举措和成效
（一）建立健全依法行政工作领导机制和年度考核评价制度体系
乡政府成立法治建设领导小组，全年共召开会议研究法治5次。制定年度工作要点，明确3个方面15项任务，并把完成情况纳入各站所年度考核。
（二）规范行政执法
乡综合行政执法队在县行政执法公示平台公开执法信息，全年公开处罚决定23件。执法队配备执法记录仪8台，对现场检查实行全过程记录。对重大执法决定开展法制审核4件。
二、存在的不足和原因
执法人员数量不足，专业能力有待提高。原因是乡镇编制有限。
三、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况
乡党委书记、乡长认真履行推进法治建设第一责任人职责，全年主持研究法治工作4次。
四、2025年推进法治政府建设的主要安排
（一）加强执法队伍建设，全年组织执法人员培训3期，提高执法人员依法办案能力。
"""


def paragraphs(text: str) -> list[tuple[str, str, int | None]]:
    doc = doc_of(*[line for line in text.splitlines() if line.strip()])
    return [(b.norm, b.kind, b.level) for b in doc.blocks]


def test_the_wrappable_report_really_wraps_as_intended() -> None:
    lines = hard_wrap(WRAPPABLE).splitlines()
    assert "（一）建立健全依法行政工作领导机制和年度考核评价制度体系" in lines  # exactly fills a line
    assert len("（一）建立健全依法行政工作领导机制和年度考核评价制度体系") == 28
    assert any(len(line) == 28 and line.endswith("。") for line in lines)
    assert "2024年推进法治政府建设的主要举措和成效" not in lines


def test_hard_wrapped_text_is_rejoined_into_the_same_paragraphs() -> None:
    assert paragraphs(hard_wrap(WRAPPABLE)) == paragraphs(WRAPPABLE)


def test_a_heading_that_exactly_fills_a_wrapped_line_stays_a_heading() -> None:
    doc = doc_of(*hard_wrap(WRAPPABLE).splitlines())
    heading = next(b for b in doc.blocks if b.text.startswith("（一）建立健全"))
    assert heading.kind == "heading"
    assert heading.norm == "(一)建立健全依法行政工作领导机制和年度考核评价制度体系"


def test_unwrapped_text_is_left_as_it_is() -> None:
    doc = doc_of(*[line for line in WRAPPABLE.splitlines() if line.strip()])
    assert [b.text for b in doc.blocks] == [line for line in WRAPPABLE.splitlines() if line.strip()]


def test_a_wrapped_txt_file_read_from_disk(tmp_path: Path) -> None:
    path = write_text(tmp_path / "wrapped.txt", hard_wrap(WRAPPABLE), "gb18030")
    doc = build(read(path))
    assert [b.norm for b in doc.blocks] == [p for p, _, _ in paragraphs(WRAPPABLE)]
    assert doc.blocks[0].line == 1


def indent_paragraphs(text: str) -> str:
    """Each paragraph started with two full-width spaces, as Chinese documents are typeset."""
    return "\n".join("\u3000\u3000" + line if line.strip() else line for line in text.splitlines())


# With indented paragraph starts, a wrapped line that fills the width tells
# nothing by itself; the indentation of the next line does.
INDENTED = """\
青松乡2024年法治政府建设情况报告
一、主要举措和成效
（一）全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度，乡执法队全年公开处罚决定23件，归档音像记录310条，法制审核重大执法决定4件。
（二）建立健全依法行政工作领导机制和年度考核评价制度体系
乡政府成立法治建设领导小组，全年共召开会议研究法治5次。
乡法律顾问全年审查合同26份，出具法律意见书9份，列席会议7次，参与信访积案化解3件。乡司法所对拟出台的2项政策措施开展合法性审核，提出修改意见5条，均被采纳。全年组织乡村干部学法4次，开展送法下乡活动12场，发放宣传资料3000余份。
"""


def test_indented_wrapped_text_is_rejoined_by_its_indentation() -> None:
    lines = hard_wrap(indent_paragraphs(INDENTED), width=30).splitlines()
    assert "\u3000\u3000（一）全面推行行政执法公示、执法全过程记录、重大执法决定" in lines  # no punctuation
    assert "\u3000\u3000乡政府成立法治建设领导小组，全年共召开会议研究法治5次。" in lines  # ends at the width
    assert paragraphs("\n".join(lines)) == paragraphs(INDENTED)


@pytest.mark.parametrize("line", [
    "全县各主办单位和承办单位共举办法治讲座12场。",
    "拓宽信息来源渠道，收集群众意见86条。",
    "政府网站全年点击量超过30万次，群众留言86条均已回复。",
    "普法专栏浏览次数达12万人次。",
    "群众扫一扫二维码即可预约法律咨询，全年预约320次。",
    "将执法案例汇编成册，下一篇章重点整理复议案例。",
], ids=["organisers", "information-sources", "hits", "views", "scan", "next-chapter"])
def test_body_sentences_that_name_page_words_stay_in_the_body(line: str) -> None:
    doc = doc_of("青松县2024年法治政府建设年度报告", line)
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph"]


@pytest.mark.parametrize("line", [
    "主办单位：青松县人民政府办公室  承办单位：县大数据中心",
    "信息来源：县司法局",
    "浏览次数：215",
    "点击数：1024",
    "上一篇：青松县召开依法行政工作会议",
    "下一篇：没有了",
    "扫一扫在手机打开当前页",
], ids=["organisers", "source", "views", "hits", "previous", "next", "scan"])
def test_page_labels_are_navigation(line: str) -> None:
    doc = doc_of("青松县2024年法治政府建设年度报告", line)
    assert [b.kind for b in doc.blocks] == ["paragraph", "furniture"]


def test_a_centred_title_does_not_make_the_text_indented() -> None:
    lines = hard_wrap(WRAPPABLE).splitlines()
    lines[0] = " " * 12 + lines[0]
    assert paragraphs("\n".join(lines)) == paragraphs(WRAPPABLE)


def test_a_right_aligned_signature_does_not_run_into_the_date() -> None:
    body = [line for line in hard_wrap(WRAPPABLE).splitlines() if line.strip()]
    lines = body + [" " * 16 + "青松乡人民政府办公室综合治理和法治建设领导小组", "2025年3月18日"]
    doc = doc_of(*lines)
    assert [b.norm for b in doc.blocks[-2:]] == ["青松乡人民政府办公室综合治理和法治建设领导小组", "2025年3月18日"]


_NAV_PIECES = ["首页", ">", "正文", "ICP", "备", "浏览次数", "点击量", ":", "12", "万", "|", "时间", "-", "2024",
               " ", "来源", "法治", "审核", "a", "相关文章", "【", "】", "打印本页", "索引号", "\n"]


@given(st.lists(st.lists(st.sampled_from(_NAV_PIECES), max_size=8).map("".join), max_size=12))
@example(["首页>", "时间:2024-", "法治"])  # a match that ends a line, then one only at the next line's start
@example(["法治", "机构|政务|公开|服务|"])  # a row of links
@example(["", "【相关文章", ""])  # the related-articles tail, its closing bracket lost: all after it goes
def test_page_furniture_found_for_all_lines_at_once_is_what_each_line_alone_gives(lines: list[str]) -> None:
    # Page labels are searched for over the lines joined; a line counts when its own search does.
    from lawcheck.document.structure import NAV_MAX_LEN, NAV_TAIL, Draft, mark_nav, is_nav

    drafts = [Draft(RawBlock(line), line, line, range(len(line))) for line in lines]
    mark_nav(drafts)
    tail = next((i for i, d in enumerate(drafts) if i >= len(drafts) // 2 and NAV_TAIL.match(d.norm)), None)
    expected = [(len(line) <= NAV_MAX_LEN and is_nav(line)) or (tail is not None and i >= tail)
                for i, line in enumerate(lines)]
    assert [d.kind == "furniture" for d in drafts] == expected


@given(st.text(alphabet=st.sampled_from(list("第一二三十部分、.()1234567890①⑳٣۵ 法治x")), max_size=8))
@example("٣、法治")  # \d is any script's digit
def test_numbering_form_looks_only_at_texts_that_can_start_one(text: str) -> None:
    from lawcheck.document.structure import numbering_form
    from lawcheck.document.text import NUMBERING

    slow = next(((name, m.end()) for name, p in NUMBERING if (m := p.match(text))), None)
    assert numbering_form(text) == slow
