"""A report published as a web page reads as the same report in a .txt: statuses and metadata.

Government sites publish the article in many shapes: one ``<div>`` whose lines
are ``<br>``-separated, a ``<pre>`` block, a page saved from Word (mso classes,
list numbers in conditional comments) or from LibreOffice, an article inside an
element whose class happens to contain "nav". Each shape of each example must
give every item the status the .txt gives, and the same title, year and body.
"""

from __future__ import annotations

import html
import subprocess
import tempfile
from pathlib import Path

import pytest

from lawcheck.judge import checklist
from lawcheck.judge.engine import check_path
from lawcheck.document.model import ReportResult
from tests.readers.test_same_statuses import EXAMPLES, heading_level, lines, statuses
from tests.support import parts
from tests.support.forms import write_docx

CHROME_TOP = ('<div class="top-nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>\n'
              '<div class="position">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>\n')
CHROME_BOTTOM = ('<div class="share">分享到：微信 微博</div>\n'
                 '<div class="footer">主办单位：人民政府办公室　ICP备00000000号</div>\n')


def page(title: str, article: str, charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{html.escape(title)}_政府网站'
            f"</title></head><body>\n{CHROME_TOP}{article}\n{CHROME_BOTTOM}</body></html>\n")


def br_div(name: str) -> str:
    """The whole article in one <div>, its lines separated by <br>, paragraphs indented with &nbsp;."""
    text = "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + html.escape(line) for line in lines(name))
    return page(lines(name)[0], f'<div id="zoom" class="TRS_Editor">{text}</div>')


def pre(name: str) -> str:
    return page(lines(name)[0], "<pre>" + html.escape("\n".join(lines(name))) + "</pre>")


def nav_class(name: str) -> str:
    """The article in an element whose class names contain "nav" (a site's own naming)."""
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines(name))
    return page(lines(name)[0], f'<div class="nav_content article-navbody">{body}</div>')


def word_html(name: str) -> str:
    """As Word saves a document as a web page: mso classes, list numbers inside <![if !supportLists]>."""
    title, *rest = lines(name)
    out = [f"<p class=MsoTitle align=center><span style='font-family:方正小标宋简体'>{html.escape(title)}"
           "<span lang=EN-US><o:p></o:p></span></span></p>"]
    for line in rest:
        level = heading_level(line)
        if level:
            number, _, words = line.partition("、") if level == 1 else line.partition("）")
            number += "、" if level == 1 else "）"
            out.append(f"<h{level} style='mso-list:l0 level{level} lfo1'><![if !supportLists]><span lang=EN-US>"
                       f"{html.escape(number)}<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span>"
                       f"</span><![endif]><span>{html.escape(words)}</span></h{level}>")
        else:
            out.append(f"<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋'>"
                       f"{html.escape(line)}<o:p></o:p></span></p>")
    return ('<html xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word">\n'
            '<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">\n'
            f'<meta name=Generator content="Microsoft Word 15"><title>{html.escape(title)}</title></head>\n'
            "<body lang=ZH-CN><div class=WordSection1>\n" + "\n".join(out) + "\n</div></body></html>\n")


SHAPES = {"br-div": br_div, "pre": pre, "nav-class": nav_class, "word-html": word_html}


@pytest.fixture(scope="module")
def expected() -> dict[str, ReportResult]:
    return {name: check_path(path, checklist.load()) for name, path in EXAMPLES.items()}


def same_report(result: ReportResult, want: ReportResult) -> None:
    assert statuses(result) == statuses(want)
    assert (result.meta.title, result.meta.year, result.meta.title_year, result.meta.org) == (
        want.meta.title, want.meta.year, want.meta.title_year, want.meta.org)


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_of_web_page_reads_as_the_text(tmp_path: Path, expected, name: str, shape: str) -> None:
    path = tmp_path / f"{name}.html"
    path.write_text(SHAPES[shape](name), encoding="utf-8")
    same_report(check_path(path, checklist.load()), expected[name])


def test_a_br_page_saved_in_gbk(tmp_path: Path, expected) -> None:
    path = tmp_path / "yunling.htm"
    path.write_bytes(br_div("yunling").replace('charset="utf-8"', 'charset="gbk"').encode("gbk"))
    same_report(check_path(path, checklist.load()), expected["yunling"])


def test_a_page_saved_by_libreoffice(tmp_path: Path, expected) -> None:
    soffice = parts.soffice()
    source = write_docx(tmp_path / "linchuan.docx", "\n".join(lines("linchuan")))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "html",
                        "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=120)
    saved = tmp_path / "linchuan.html"
    assert "LibreOffice" in saved.read_text(encoding="utf-8")
    same_report(check_path(saved, checklist.load()), expected["linchuan"])
