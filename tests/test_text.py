"""Normalisation, sentence splitting and span mapping (lawcheck.document.text)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawcheck.document.text import clause_bounds, norm, normalise, original_span, split_sentences


@pytest.mark.parametrize(("written", "normalised"), [
    ("（一）加强组织领导", "(一)加强组织领导"),
    ("审核合同１２３份，办结率１００％。", "审核合同123份,办结率100%。"),
    ("㈡规范执法", "(二)规范执法"),
    ("①召开专题会议", "①召开专题会议"),
    ("⑳最后一项", "⑳最后一项"),
    ("執法記錄儀", "执法记录仪"),
    ("法律顧問審查合同", "法律顾问审查合同"),
    ("法 治 政 府 建 设", "法治政府建设"),
    ("2 0 2 4 年 共 1 2 件", "2024年共12件"),
    ("全年\u3000审核\t合同", "全年审核合同"),
    ("法律\u200b顾问", "法律顾问"),
    ("legal  adviser", "legal adviser"),
    ("ＩＣＰ　备案", "ICP备案"),
    ("使用 OA 系统", "使用OA系统"),
    ("Ｗｏｒｄ　ｆｉｌｅ", "Word file"),
    ("", ""),
    ("   ", ""),
], ids=["paren-width", "fullwidth-digits", "parenthesised-ideograph", "circled-kept", "circled-20",
        "traditional", "traditional-2", "spaces-between-cjk", "spaces-between-digits",
        "ideographic-space-and-tab", "zero-width-space", "latin-words-one-space", "fullwidth-latin",
        "latin-beside-cjk", "fullwidth-latin-words", "empty", "blank"])
def test_normalise(written: str, normalised: str) -> None:
    assert norm(written) == normalised


@pytest.mark.parametrize(("written", "normalised"), [
    ("鎮(zhèn)委書記任組長(zhǎng)", "镇委书记任组长"),
    ("領（lǐng）導（dǎo）班子", "领导班子"),                       # full-width brackets fold first
    ("世界贸易组织(WTO)和(a)项", "世界贸易组织(WTO)和(a)项"),      # not glosses: no tone mark
    ("工作(zhong)要点", "工作(zhong)要点"),
    ("第2024(lǐng)号", "第2024(lǐng)号"),                         # only after a Chinese character
], ids=["gloss", "full-width-gloss", "abbreviation", "toneless", "after-a-digit"])
def test_pinyin_glosses_are_taken_out(written: str, normalised: str) -> None:
    assert norm(written) == normalised


def test_a_glossed_text_maps_back_to_the_characters_as_written() -> None:
    text = "我局黨組(zǔ)學(xué)習(xí)法治"
    normalised, offsets = normalise(text)
    assert normalised == "我局党组学习法治"
    assert "".join(text[i] for i in offsets) == "我局黨組學習法治"
    # the same when the report is normalised block by block at once
    from lawcheck.document.text import normalise_all
    assert [n for n, _ in normalise_all([text, "鎮(zhèn)長"])] == ["我局党组学习法治", "镇长"]


def test_offsets_point_at_the_source_of_each_character() -> None:
    text = "（一）執法 記錄儀　１２台"
    normalised, offsets = normalise(text)
    assert normalised == "(一)执法记录仪12台"
    assert [text[i] for i in offsets] == list("（一）執法記錄儀１２台")


def test_a_kept_space_points_at_the_whitespace_it_stands_for() -> None:
    text = "legal \t adviser"
    normalised, offsets = normalise(text)
    assert normalised == "legal adviser"
    assert offsets[5] == 5 and text[offsets[6]] == "a"


def test_one_character_that_expands_maps_every_output_to_itself() -> None:
    normalised, offsets = normalise("甲㈠乙")
    assert normalised == "甲(一)乙"
    assert offsets == (0, 1, 1, 1, 2)


@given(st.text())
def test_offsets_are_one_per_character_ordered_and_inside(text: str) -> None:
    normalised, offsets = normalise(text)
    assert len(normalised) == len(offsets)
    assert list(offsets) == sorted(offsets)
    assert all(0 <= o < len(text) for o in offsets)


@given(st.text(alphabet=st.sampled_from("法治政府建设執記錄儀（）１２ 　\n,。、ABab①"), max_size=60))
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = norm(text)
    assert norm(once) == once


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentences_end_at_stops_and_line_breaks() -> None:
    text = "全年审核合同32份。开展培训3期!是否达标?一是加强;二是落实\n末句"
    assert sentences(text) == ["全年审核合同32份。", "开展培训3期!", "是否达标?", "一是加强;",
                               "二是落实\n", "末句"]


def test_a_closing_quote_stays_with_its_sentence() -> None:
    assert sentences("提出“应审尽审。”随后落实。") == ["提出“应审尽审。”", "随后落实。"]


def test_runs_of_stops_are_one_end_and_spans_cover_the_text() -> None:
    text = "真的吗?!是的。。"
    spans = split_sentences(text)
    assert sentences(text) == ["真的吗?!", "是的。。"]
    assert spans[0][0] == 0 and spans[-1][1] == len(text)


def test_no_sentence_in_empty_text() -> None:
    assert split_sentences("") == []
    assert split_sentences("\n\n") == []


@pytest.mark.parametrize(("pos", "clause"), [
    (0, "虽已配备执法记录仪"),
    (11, "但使用率不高"),
    (17, "未能做到全过程记录"),
    (27, "原因是"),
    (31, "经费不足"),
], ids=["first", "after-comma", "after-semicolon", "after-stop", "after-colon"])
def test_clause_bounds(pos: int, clause: str) -> None:
    text = "虽已配备执法记录仪,但使用率不高;未能做到全过程记录。原因是:经费不足"
    start, end = clause_bounds(text, pos)
    assert text[start:end] == clause


def test_original_span_maps_a_match_back_to_the_written_text() -> None:
    text = "配备 執法 記錄儀１４台。"
    normalised, offsets = normalise(text)
    start = normalised.index("执法记录仪")
    a, b = original_span(offsets, start, start + len("执法记录仪"), len(text))
    assert text[a:b] == "執法 記錄儀"


def test_original_span_at_the_end_of_the_text() -> None:
    text = "审核合同 32 份"
    normalised, offsets = normalise(text)
    assert normalised == "审核合同32份"
    assert original_span(offsets, 4, len(normalised), len(text)) == (5, len(text))
    assert original_span(offsets, len(normalised), len(normalised), len(text)) == (len(text), len(text))


# Characters reports are made of: CJK (simplified and traditional), full-width
# forms, Latin, digits, the whitespace of PDFs and web pages, and the ones NFKC
# expands (…, ㈠, ①). No combining marks: NFKC composes those only over a whole text.
REPORT_CHARS = st.sampled_from(list(
    "法治政府建设執記錄儀顧問审核（）【】《》“”，。；：！？、１２３ＡＢｃ"
    "abcXYZ0123456789 \t\n\u3000\u00a0\u200b\ufeff…㈠①⑳%.,()-—·°±«»©¬®¶\u00ad²µº¼¨´"))


@given(st.text(alphabet=REPORT_CHARS, max_size=80))
def test_the_fast_path_agrees_with_the_character_by_character_path(text: str) -> None:
    from lawcheck.document.text import normalise_by_char

    fast, slow = normalise(text), normalise_by_char(text)
    assert (fast[0], list(fast[1])) == (slow[0], list(slow[1]))  # the same values, whatever holds them


@given(st.lists(st.text(alphabet=st.one_of(REPORT_CHARS, st.sampled_from(list("薴苧é\u0301ﬁ\u2460"))),
                        max_size=30), max_size=8))
def test_normalising_a_report_at_once_gives_what_each_block_gives_alone(texts: list[str]) -> None:
    # Blocks with line breaks inside (table cells), ones NFKC lengthens (…, ㈠) or
    # shortens (e + a combining accent), and traditional characters that map in a chain.
    from lawcheck.document.text import normalise_all

    together = [(n, list(o)) for n, o in normalise_all(texts)]
    assert together == [(n, list(o)) for n, o in map(normalise, texts)]


def test_a_block_that_nfkc_shortens_beside_one_it_lengthens_keeps_each_its_own_text() -> None:
    from lawcheck.document.text import normalise_all

    texts = ["Cafe\u0301 审核", "一是……", "（一）", "執法記錄"]  # 5 characters less one, 4 plus 4
    together = normalise_all(texts)
    assert [n for n, _ in together] == [normalise(t)[0] for t in texts]
    assert [n for n, _ in together][1:] == ["一是......", "(一)", "执法记录"]


@given(st.text(alphabet=st.sampled_from(list("薴苧苎執記錄儀法治覆彷abc，。")), max_size=40))
def test_simplifying_replaces_only_what_the_table_changes_and_once(text: str) -> None:
    from lawcheck.document.text import t2s_table, to_simplified

    assert to_simplified(text) == text.translate(t2s_table())


@given(st.text(alphabet=st.one_of(REPORT_CHARS, st.sampled_from(list("Ａｅ\u0301\u0308\u3099か\uff76\uff9e⦅ﬁ\u2460\u2002\u202f\u205f"))),
               max_size=60))
def test_fast_nfkc_is_nfkc(text: str) -> None:
    # Full-width letters before combining marks, half-width katakana and its sound mark,
    # ligatures: whatever the replacement of full-width forms meets, the result is NFKC's.
    import unicodedata

    from lawcheck.document.text import nfkc

    assert nfkc(text) == unicodedata.normalize("NFKC", text)


@given(st.text(alphabet=st.sampled_from(list("乾後於夥徵麽摺甯法治政府执法，。、abc\n")), max_size=40))
def test_simplifying_a_gb2312_text_finds_the_traditional_characters_gb2312_has(text: str) -> None:
    # A text GB2312 encodes is searched for its 15 traditional characters only.
    from lawcheck.document.text import t2s_table, to_simplified

    text.encode("gb2312")
    assert to_simplified(text) == text.translate(t2s_table())
    assert to_simplified("乾隆後来於此") == "干隆后来于此"


@given(st.text(alphabet=st.sampled_from(list("法治。!?;”’\"' \n\tab")), max_size=30))
def test_sentences_split_as_by_looking_at_each_piece(text: str) -> None:
    import re

    from lawcheck.document.text import split_sentences

    spans, start = [], 0
    for m in re.finditer(r"[。!?;]+[”’\"']?|\n", text):
        if text[start:m.end()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    assert split_sentences(text) == spans


@given(st.lists(st.text(alphabet=st.sampled_from(list("法治审核。!?;”'\n ab")), max_size=20), max_size=8))
def test_the_sentences_of_many_texts_at_once_are_those_of_each_alone(texts: list[str]) -> None:
    from lawcheck.document.text import sentence_spans, split_sentences

    alone = [(i, start, end) for i, text in enumerate(texts) for start, end in split_sentences(text)]
    assert list(sentence_spans(texts)) == alone
    # Normalised text holds no line breaks: the one search over them all is what runs.
    flat = [t.replace("\n", "") for t in texts]
    assert list(sentence_spans(flat)) == [(i, s, e) for i, t in enumerate(flat) for s, e in split_sentences(t)]


def test_the_spaces_spelled_out_are_exactly_what_backslash_s_matches() -> None:
    import re
    import sys

    from lawcheck.document.text import SPACE, SPACE_NOT_NEWLINE

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert "".join(SPACE.findall(every)) == "".join(re.findall(r"[\s\u200b\ufeff]", every))
    assert "".join(SPACE_NOT_NEWLINE.findall(every)) == "".join(re.findall(r"[^\S\n]|[\u200b\ufeff]", every))


@given(st.text(alphabet=st.sampled_from(list("。!?;\n”’\"'法a ")), max_size=40))
def test_the_sentence_end_search_is_the_plain_definition(text: str) -> None:
    import re

    from lawcheck.document.text import SENTENCE_END

    plain = re.compile(r"[。!?;]+[”’\"']?|\n")
    assert [m.span() for m in SENTENCE_END.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("written", ["&#1122519;", "&#99999999;", "&#" + "9" * 5000 + ";", "&#0;"])
def test_a_character_reference_written_in_the_text_that_names_no_character_is_left_alone(written: str) -> None:
    # "&#…;" in a report is text; one past the last code point (or longer than Python converts)
    # named no character to look for and stopped the check with an error.
    from lawcheck.document.text import t2s_table, to_simplified

    text = f"執法{written}記錄\xa0"
    assert to_simplified(text) == text.translate(t2s_table()) == f"执法{written}记录\xa0"


@given(st.lists(st.sampled_from(["乾", "後", "於", "執", "記", "錄", "薴", "苧", "法", "，", "\xa0", "—", "&#",
                                  "22519;", "35352;", "33879;", "x", "1"]), max_size=40).map("".join))
def test_simplifying_finds_traditional_characters_gb2312_has_not_among_those_it_cannot_encode(text: str) -> None:
    # Traditional characters outside GB2312 beside a no-break space and a dash, which GB2312
    # cannot encode either, and "&#…;" written in the text (執 is &#22519;) naming one that is
    # or is not there.
    from lawcheck.document.text import t2s_table, to_simplified

    assert to_simplified(text) == text.translate(t2s_table())
    assert to_simplified("&#22519;\xa0執法記錄—乾") == "&#22519;\xa0执法记录—干"
