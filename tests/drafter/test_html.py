"""``--format html``: a self-contained page, parsed back and checked for structure."""

from __future__ import annotations

import re
from pathlib import Path

from tests.drafter.conftest import EXAMPLES, Page
from typer.testing import CliRunner

from lawcheck.judge.checklist import Checklist
from lawcheck.cli import app
from lawcheck.judge.engine import check_path
from lawcheck.document.model import ErrorResult, Evidence
from lawcheck.reporters import REPORTERS
from lawcheck.reporters.html import evidence_html, gauge, render_html

YUNLING = EXAMPLES / "yunling-town-2024.txt"
TRAPS = EXAMPLES / "linchuan-county-traps-2024.txt"
QINGHE = EXAMPLES / "qinghe-street-2024.docx"


def no_external_resources(html: str, page: Page) -> None:
    for tag, attrs, _ in page.elements:
        for name in ("src", "href", "action", "data", "poster", "xlink:href"):
            value = attrs.get(name, "")
            assert not re.match(r"\s*(https?:)?//", value), f"<{tag} {name}={value}>"
            if name == "href" and value:
                assert value.startswith("#"), f"<{tag} href={value}> leaves the page"
        assert tag not in ("link", "img", "iframe", "object", "embed"), tag
    assert not re.search(r"<[^>]*\ssrc\s*=\s*[\"']?https?:", html, re.I)
    assert not re.search(r"<link[^>]+href\s*=\s*[\"']?https?:", html, re.I)
    assert not re.search(r"@import|url\(", html), "the CSS must not fetch anything"


def anchors_resolve(page: Page) -> None:
    ids = [a["id"] for _, a, _ in page.elements if "id" in a]
    assert len(ids) == len(set(ids)), "ids are unique"
    for _, attrs, _ in page.find("a"):
        assert attrs["href"][1:] in ids, attrs["href"]


def test_one_report_is_a_whole_self_contained_page(fazhi: Checklist) -> None:
    result = check_path(YUNLING, fazhi)
    html = render_html([result], fazhi, "zh")
    page = Page(html)
    assert page.problems == []
    assert page.doctype.lower() == "doctype html"
    assert page.find("html")[0][1]["lang"] == "zh-CN"
    assert page.find("meta", charset="utf-8")
    assert len(page.find("style")) == 1 and page.find("script") == []
    assert '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif' in html
    assert "@media print" in html
    no_external_resources(html, page)
    anchors_resolve(page)

    [report] = page.find("article", cls="report")
    assert report[1]["id"] == "r1" and report[1]["data-verdict"] == ("pass" if result.passed else "fail")
    assert page.find("svg", cls="gauge") and f"{result.score:.1f}" in page.find("svg", cls="gauge")[0][2]
    assert page.find("title")[0][2].startswith("云岭镇2024年法治政府建设情况报告")

    for item in result.items:
        _, attrs, text = page.find("div", id=f"r1-{item.id}")[0]
        assert item.status in attrs["class"].split()
        assert item.title in text
    # every missing item says what to add, and is listed in the to-do box with a link
    todo = page.find("div", cls="todo")[0][2]
    for item in result.items:
        if item.status == "missing":
            assert item.title in todo
            assert item.hint in page.find("div", id=f"r1-{item.id}")[0][2]


def test_evidence_is_shown_in_its_paragraph_with_the_words_marked(fazhi: Checklist) -> None:
    result = check_path(YUNLING, fazhi)
    page = Page(render_html([result], fazhi, "zh"))
    item = next(i for i in result.items if i.id == "three-systems")
    recording = next(p for p in item.parts if p.id.endswith("recording"))
    ev = recording.evidence[0]
    _, _, text = page.find("div", id="r1-three-systems-recording")[0]
    assert ev.paragraph and ev.paragraph.strip() in text.replace("…", "")
    marks = {m[2] for m in page.find("mark")}
    for a, b in ev.spans:
        assert ev.text[a:b] in marks
    assert ev.section in text


def test_a_long_paragraph_is_cut_around_the_sentence() -> None:
    paragraph = "甲" * 500 + "全年审核合同86份。" + "乙" * 500
    at = paragraph.index("全年")
    ev = Evidence(text="全年审核合同86份。", block=3, section="一、举措", spans=((2, 6),),
                  paragraph=paragraph, at=at)
    html = evidence_html([ev], "zh")
    page = Page(html)
    assert page.problems == []
    assert [m[2] for m in page.find("mark")] == ["审核合同"]
    assert page.find("span", cls="sent")[0][2] == "全年审核合同86份。"
    assert html.count("甲") == 200 and html.count("乙") == 200 and html.count("…") == 2


def test_evidence_in_the_same_paragraph_is_shown_once_with_both_sentences() -> None:
    paragraph = "镇政府召开会议3次。法律顾问审核合同12份。"
    evs = [Evidence(text="镇政府召开会议3次。", block=1, section="", spans=((3, 5),), paragraph=paragraph, at=0),
           Evidence(text="法律顾问审核合同12份。", block=1, section="", spans=((0, 4),), paragraph=paragraph, at=10)]
    page = Page(evidence_html(evs, "zh"))
    assert len(page.find("blockquote")) == 1
    assert [s[2] for s in page.find("span", cls="sent")] == ["镇政府召开会议3次。法律顾问审核合同12份。"]
    assert [m[2] for m in page.find("mark")] == ["召开", "法律顾问"]


def test_near_misses_give_the_reason_in_words(fazhi: Checklist) -> None:
    result = check_path(TRAPS, fazhi)
    page = Page(render_html([result], fazhi, "zh"))
    near = [r for r in page.find("div", cls="near")]
    assert near, "the traps example has near misses"
    reasons = {m.reason for i in result.items for p in (i, *i.parts) for m in p.near_misses}
    text = "".join(t for _, _, t in near)
    assert "否定表述" in text and "negated" in reasons
    assert all("reason-" not in t for _, _, t in near), "every reason has a label"


def test_everything_from_the_report_is_escaped(tmp_path: Path, fazhi: Checklist) -> None:
    report = tmp_path / "脚本<script>.txt"
    report.write_text("某镇2024年法治政府建设<script>alert('x')</script>年度报告\n"
                      "一、主要举措和成效\n法律顾问审核合同12份，出具\"意见\"3份 & <img src=http://x/>。\n",
                      encoding="utf-8")
    html = render_html([check_path(report, fazhi)], fazhi, "zh")
    page = Page(html)
    assert page.problems == []
    assert page.find("script") == [] and page.find("img") == []
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;img src=http://x/&gt;" in html
    no_external_resources(html, page)


def test_a_batch_page_has_a_sortable_filterable_overview(fazhi: Checklist) -> None:
    results = [check_path(p, fazhi) for p in (YUNLING, TRAPS, QINGHE)]
    results.append(ErrorResult(path="broken.docx", error="无法读取 broken.docx：文件已损坏。"))
    html = REPORTERS["html"](results, fazhi, "zh")
    page = Page(html)
    assert page.problems == []
    no_external_resources(html, page)
    anchors_resolve(page)
    assert len(page.find("script")) == 1
    table = page.find("table", id="overview-table")
    assert table
    heads = [h for h in page.find("th") if "data-type" in h[1]]  # the overview's; the coverage table follows
    assert [h[1]["data-type"] for h in heads] == ["number", "text", "text", "number", "number", "text",
                                                  "number", "number"]
    assert page.find("section", id="coverage")  # each item's coverage across the reports
    rows = page.find("tr", data_verdict="pass") + page.find("tr", data_verdict="fail") \
        + page.find("tr", data_verdict="error")
    assert len(rows) == 4
    assert page.find("input", id="overview-filter")
    assert {o[1]["value"] for o in page.find("option")} == {"", "pass", "fail", "error"}
    assert [a[1]["id"] for a in page.find("article")] == ["r1", "r2", "r3", "r4"]
    assert "文件已损坏" in page.find("article", id="r4")[0][2]
    # ranked as the terminal ranks them: best score first, the unreadable file last
    ranked = sorted(results[:3], key=lambda r: -r.score)
    for rank, result in enumerate(ranked, 1):
        assert f"{result.score:.1f}" in page.find("tr", data_order=str(rank))[0][2]
    assert "broken.docx" in page.find("tr", data_order="4")[0][2]
    for n in range(1, 5):
        assert page.find("a", href=f"#r{n}")


def test_english_labels(fazhi: Checklist) -> None:
    html = render_html([check_path(TRAPS, fazhi)], fazhi, "en")
    page = Page(html)
    assert page.find("html")[0][1]["lang"] == "en"
    assert "To do" in html and "Add: " in html and "negated" in html


def test_the_gauge_marks_score_and_pass_mark() -> None:
    svg = Page(gauge(50.0, 80.0, False, "zh"))
    paths = svg.find("path")
    assert paths[1][1]["stroke-dasharray"] == "78.54 157.08"
    line = svg.find("line")[0][1]
    assert (line["x1"], line["y1"]) == ("93.17", "35.90")  # 80 % along the arc from the left


def test_check_writes_the_same_html_bytes_every_time(tmp_path: Path) -> None:
    runner = CliRunner()
    outs = []
    for name in ("a.html", "b.html"):
        result = runner.invoke(app, ["check", str(YUNLING), str(QINGHE), "-f", "html", "-o", str(tmp_path / name)])
        assert result.exit_code in (0, 1), result.output
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]
    assert b'id="overview-table"' in outs[0]


def test_the_batch_stream_writes_the_same_page_as_the_renderer(fazhi: Checklist) -> None:
    from lawcheck.reporters.html import HtmlStream
    from lawcheck.reporters.tally import Tally, collect, columns

    results = [check_path(p, fazhi) for p in (QINGHE, YUNLING)]
    page = collect(HtmlStream(fazhi, "zh"), results, Tally(columns(fazhi)))
    assert page == render_html(results, fazhi, "zh", overview=True)
    assert 'id="overview-table"' in str(page)
