"""HTML, Markdown, RTF and OpenDocument text, built as real files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from lawcheck.errors import ReadError
from lawcheck.document.model import RawBlock
from lawcheck.readers import read

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于2023年度法治政府建设情况的报告_某区人民政府</title>
<script>var nav = "脚本文字";</script><style>p {{ color: red }}</style></head>
<body><div class="nav">首页 &gt; 政务公开</div><nav>网站导航</nav>
<div id="zoom"><h1>关于2023年度法治政府建设情况的报告</h1>
<p>　　2023年，区政府<b>全面推行</b>行政执法公示制度。<br>第二行</p>
<table><tr><td>项目</td><td>数量</td></tr></table>
<div>外层文字<p>内层段落</p>尾巴</div></div>
<div class="footer">ICP备12345678号</div><footer>版权所有</footer></body></html>
"""


def test_html_in_gbk_declared_by_meta(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.encode("gbk"))
    source = read(path)
    assert source.encoding == "gb18030"
    assert source.furniture == ("关于2023年度法治政府建设情况的报告_某区人民政府",)
    assert source.blocks == (
        RawBlock("关于2023年度法治政府建设情况的报告", style_level=1, line=6),
        RawBlock("　　2023年，区政府全面推行行政执法公示制度。", line=7),  # a <br> ends a line, as in a .txt
        RawBlock("第二行", line=7),
        RawBlock("项目", kind="cell", line=8),
        RawBlock("数量", kind="cell", line=8),
        RawBlock("外层文字", line=9),
        RawBlock("内层段落", line=9),
        RawBlock("尾巴", line=9),
    )


def test_html_article_only(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>侧栏</p><article><h2>标题</h2><p>正文</p></article>"
                    "</body></html>", encoding="utf-8")
    assert [(b.text, b.style_level) for b in read(path).blocks] == [("标题", 2), ("正文", None)]


def test_doc_that_is_really_html_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "export.doc"
    path.write_bytes(PAGE.encode("gbk"))
    assert read(path).format == "html"


def test_markdown_headings_and_markup(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("# 关于2023年度的报告\n\n## 一、主要举措\n\n区政府**全面推行**[公示](http://x)"
                    "制度，\n`第二行`。\n\n- 要点一\n- 要点二\n\n| 项目 | 数量 |\n|---|---|\n"
                    "| 合同 | 328 |\n\n二、不足\n---\n", encoding="utf-8")
    assert read(path).blocks == (
        RawBlock("关于2023年度的报告", style_level=1, line=1),
        RawBlock("一、主要举措", style_level=2, line=3),
        RawBlock("区政府全面推行公示制度，\n第二行。", line=5),
        RawBlock("要点一", line=8),
        RawBlock("要点二", line=9),
        RawBlock("项目", kind="cell", line=11),
        RawBlock("数量", kind="cell", line=11),
        RawBlock("合同", kind="cell", line=13),
        RawBlock("328", kind="cell", line=13),
        RawBlock("二、不足", style_level=2, line=15),
    )


def rtf_escape(text: str) -> str:
    """GBK text as RTF \\'xx escapes, as Word writes it under \\ansicpg936."""
    return "".join(c if ord(c) < 128 else "".join(f"\\'{b:02x}" for b in c.encode("gbk"))
                   for c in text)


def test_rtf_with_gbk_escapes_and_unicode(tmp_path: Path) -> None:
    path = tmp_path / "report.rtf"
    body = (r"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil SimSun;}}\f0 "
            + rtf_escape("一、主要举措和成效") + r"\par "
            + rtf_escape("全年审核合同328份。") + r"\par \u27861?\u27835?\par}")
    path.write_bytes(body.encode("ascii"))
    source = read(path)
    assert source.format == "rtf"
    assert [b.text for b in source.blocks] == ["一、主要举措和成效", "全年审核合同328份。", "法治"]


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:version="1.3">
<office:body><office:text>
<text:tracked-changes><text:changed-region><text:deletion><text:p>删掉的</text:p>
</text:deletion></text:changed-region></text:tracked-changes>
<text:h text:outline-level="1">一、主要举措和成效</text:h>
<text:p>全年<text:s text:c="2"/>审核<text:span>合同</text:span><text:tab/>328份<text:note>
<text:note-citation>1</text:note-citation><text:note-body><text:p>数据来自统计局。</text:p>
</text:note-body></text:note>。<text:line-break/>第二行</text:p>
<text:list><text:list-item><text:p>列表项</text:p></text:list-item></text:list>
<table:table><table:table-row><table:table-cell table:number-columns-spanned="2">
<text:p>合并</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
</table:table>
<text:p>框前<draw:frame><draw:text-box><text:p>文本框</text:p></draw:text-box></draw:frame></text:p>
</office:text></office:body></office:document-content>"""


def write_odt(path: Path, content: str) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text",
                    compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", "<manifest/>")
    return path


def test_odt(tmp_path: Path) -> None:
    source = read(write_odt(tmp_path / "report.odt", ODT_CONTENT))
    assert source.format == "odt"
    assert source.blocks == (
        RawBlock("一、主要举措和成效", style_level=1),
        RawBlock("全年  审核合同\t328份。\n第二行"),
        RawBlock("列表项"),
        RawBlock("合并", kind="cell"),
        RawBlock("框前"),
        RawBlock("文本框"),
        RawBlock("数据来自统计局。"),
    )


def test_odt_renamed_docx_is_read_as_odt(tmp_path: Path) -> None:
    assert read(write_odt(tmp_path / "report.docx", ODT_CONTENT)).format == "odt"


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_legacy_binary_refused_with_conversion_command(tmp_path: Path, suffix: str) -> None:
    from lawcheck.readers.sniff import OLE2_MAGIC

    path = tmp_path / f"旧格式{suffix}"
    path.write_bytes(OLE2_MAGIC + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\1" * 800)
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.key == "legacy_doc"
    assert caught.value.render() == (
        f"{path} 是旧版 Word/WPS 二进制格式（.doc/.wps），无法直接检查：请在 Word 或 WPS 中打开，“另存为” .docx 后再检查；"
        f'也可以用命令转换：libreoffice --headless --convert-to docx "{path}"。')
