"""Word documents built with python-docx (and raw WordprocessingML where it has no API)."""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from lawcheck.document.model import RawBlock
from lawcheck.readers import read
from lawcheck.readers.numbering import chinese_count, format_number

from docxmaker import add_numbering, add_zip_parts, append_xml, numbered, para

MakeDocx = Callable[..., Path]


def texts(path: Path) -> list[str]:
    return [block.text for block in read(path).blocks]


def test_paragraphs_and_heading_levels_in_order(make_docx: MakeDocx) -> None:
    def build(d: docx.document.Document) -> None:
        d.add_heading("关于2023年度法治政府建设情况的报告", level=0)  # Title style
        d.add_heading("一、主要举措和成效", level=1)
        d.add_paragraph("全年审核合同328份。")
        d.add_heading("（一）依法全面履行政府职能", level=2)
        d.add_paragraph("")
        d.add_paragraph("深化“放管服”改革。")

    source = read(make_docx(build))
    assert source.format == "docx"
    assert source.blocks == (
        RawBlock("关于2023年度法治政府建设情况的报告"),
        RawBlock("一、主要举措和成效", style_level=1),
        RawBlock("全年审核合同328份。"),
        RawBlock("（一）依法全面履行政府职能", style_level=2),
        RawBlock("深化“放管服”改革。"),
    )


def test_chinese_style_names_and_outline_levels(make_docx: MakeDocx) -> None:
    def build(d: docx.document.Document) -> None:
        style = d.styles.add_style("标题 1", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
        d.add_paragraph("二、存在的不足和原因", style=style)
        custom = d.styles.add_style("报告小标题", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
        custom.element.get_or_add_pPr().append(
            docx.oxml.parse_xml(f'<w:outlineLvl {docx.oxml.ns.nsdecls("w")} w:val="1"/>'))
        d.add_paragraph("（一）法治意识有待加强", style=custom)
        direct = d.add_paragraph("三、下一年度主要安排")
        direct._p.get_or_add_pPr().append(
            docx.oxml.parse_xml(f'<w:outlineLvl {docx.oxml.ns.nsdecls("w")} w:val="0"/>'))
        body = d.add_paragraph("正文大纲级别。")
        body._p.get_or_add_pPr().append(
            docx.oxml.parse_xml(f'<w:outlineLvl {docx.oxml.ns.nsdecls("w")} w:val="9"/>'))

    assert [b.style_level for b in read(make_docx(build)).blocks] == [1, 2, 1, None]


def test_tables_in_reading_order_merged_cells_once_nested_after(make_docx: MakeDocx) -> None:
    def build(d: docx.document.Document) -> None:
        d.add_paragraph("表格前")
        table = d.add_table(rows=2, cols=3)
        table.cell(0, 0).text = "项目"
        table.cell(0, 1).merge(table.cell(0, 2)).text = "横向合并"
        table.cell(1, 0).merge(table.cell(0, 0))  # vertical merge with 项目
        table.cell(1, 1).text = "法律顾问"
        inner = table.cell(1, 2).add_table(rows=1, cols=2)
        inner.cell(0, 0).text = "嵌套甲"
        inner.cell(0, 1).text = "嵌套乙"
        d.add_paragraph("表格后")

    source = read(make_docx(build))
    assert [(b.text, b.kind) for b in source.blocks] == [
        ("表格前", "paragraph"),
        ("项目", "cell"),
        ("横向合并", "cell"),
        ("法律顾问", "cell"),
        ("嵌套甲", "cell"),
        ("嵌套乙", "cell"),
        ("表格后", "paragraph"),
    ]


def test_cell_paragraphs_are_one_block(make_docx: MakeDocx) -> None:
    def build(d: docx.document.Document) -> None:
        cell = d.add_table(rows=1, cols=1).cell(0, 0)
        cell.text = "第一行"
        cell.add_paragraph("第二行")

    assert texts(make_docx(build)) == ["第一行\n第二行"]


def test_automatic_numbering_is_rendered(make_docx: MakeDocx) -> None:
    def build(d: docx.document.Document) -> None:
        add_numbering(d, 7, [("chineseCounting", "%1、", 1), ("chineseCounting", "（%2）", 1),
                             ("decimal", "%3.", 1)])
        numbered(d, "依法全面履行政府职能", 7, 0)
        numbered(d, "深化行政审批制度改革", 7, 1)
        numbered(d, "推进综合执法", 7, 2)
        numbered(d, "推进政务公开", 7, 1)
        d.add_paragraph("不编号的段落。")
        numbered(d, "完善依法行政制度体系", 7, 0)
        numbered(d, "加强规范性文件监督管理", 7, 1)
        numbered(d, "备案审查", 7, 2)

    assert texts(make_docx(build)) == [
        "一、依法全面履行政府职能",
        "（一）深化行政审批制度改革",
        "1.推进综合执法",
        "（二）推进政务公开",
        "不编号的段落。",
        "二、完善依法行政制度体系",
        "（一）加强规范性文件监督管理",
        "1.备案审查",
    ]


def test_numbering_templates_with_several_levels_and_start(make_docx: MakeDocx) -> None:
    def build(d: docx.document.Document) -> None:
        add_numbering(d, 3, [("decimal", "%1.", 3), ("decimal", "%1.%2", 1)])
        numbered(d, "第三项", 3, 0)
        numbered(d, "子项", 3, 1)
        numbered(d, "子项", 3, 1)

    assert texts(make_docx(build)) == ["3.第三项", "3.1子项", "3.2子项"]


def test_start_override_restarts_a_shared_list(make_docx: MakeDocx) -> None:
    def build(d: docx.document.Document) -> None:
        add_numbering(d, 4, [("decimalEnclosedCircle", "%1", 1)])
        add_numbering(d, 5, [], start_overrides={0: 1}, abstract_id=104)
        add_numbering(d, 6, [], abstract_id=104)
        numbered(d, "甲", 4)
        numbered(d, "乙", 4)
        numbered(d, "重新开始", 5)
        numbered(d, "接着编号", 6)

    assert texts(make_docx(build)) == ["①甲", "②乙", "①重新开始", "②接着编号"]


def test_numbering_inherited_from_the_paragraph_style(make_docx: MakeDocx) -> None:
    def build(d: docx.document.Document) -> None:
        add_numbering(d, 9, [("upperRoman", "%1.", 1)])
        style = d.styles["List Number"]
        num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_numId().val = 9
        d.add_paragraph("第一项", style="List Number")
        d.add_paragraph("第二项", style="List Number")

    assert texts(make_docx(build)) == ["I.第一项", "II.第二项"]


def test_numbering_of_the_default_style_labels_plain_paragraphs(make_docx: MakeDocx) -> None:
    # Paragraphs with no properties of their own (python-docx writes an empty pPr) take the
    # default style's list, and so does a heading whose style is based on it.
    def build(d: docx.document.Document) -> None:
        add_numbering(d, 10, [("chineseCounting", "%1、", 1)])
        num_pr = d.styles["Normal"].element.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_numId().val = 10
        d.add_paragraph("第一段")
        d.add_heading("标题", level=1)
        d.add_paragraph("第二段")

    assert texts(make_docx(build)) == ["一、第一段", "二、标题", "三、第二段"]


def test_bullets_get_no_label(make_docx: MakeDocx) -> None:
    def build(d: docx.document.Document) -> None:
        add_numbering(d, 11, [("bullet", "•", 1)])
        numbered(d, "要点", 11)

    assert texts(make_docx(build)) == ["要点"]


@pytest.mark.parametrize(("n", "fmt", "label"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (21, "chineseCountingThousand", "二十一"),
    (105, "chineseCountingThousand", "一百零五"), (110, "japaneseCounting", "一百一十"),
    (2, "ideographTraditional", "乙"), (3, "lowerLetter", "c"), (28, "upperLetter", "BB"),
    (4, "lowerRoman", "iv"), (14, "upperRoman", "XIV"), (5, "decimalEnclosedCircleChinese", "⑤"),
    (21, "decimalEnclosedCircle", "21"), (7, "decimalZero", "07"), (3, "ideographDigital", "三"),
    (2, "chineseLegalSimplified", "贰"), (9, "unknownFormat", "9"),
])
def test_number_formats(n: int, fmt: str, label: str) -> None:
    assert format_number(n, fmt) == label


def test_chinese_count_with_zeros() -> None:
    assert [chinese_count(n) for n in (1001, 1010, 2300)] == ["一千零一", "一千零一十", "二千三百"]


def test_tracked_changes_hyperlinks_fields_and_content_controls(make_docx: MakeDocx) -> None:
    def build(d: docx.document.Document) -> None:
        append_xml(d, para(
            "<w:r><w:t>全年</w:t></w:r>"
            '<w:ins w:id="1" w:author="a"><w:r><w:t>新增</w:t></w:r></w:ins>'
            '<w:del w:id="2" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del>'
            '<w:hyperlink r:id="rId99"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>'
            "<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>"
            "<w:r><w:t>控件内容</w:t></w:r></w:sdtContent></w:sdt>"
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText>'
            '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>5</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            "<w:r><w:tab/><w:t>制表</w:t><w:br/><w:t>换行</w:t></w:r>"))
        append_xml(d, f"<w:sdt {docx.oxml.ns.nsdecls('w')}><w:sdtContent>"
                      "<w:p><w:r><w:t>块级控件</w:t></w:r></w:p></w:sdtContent></w:sdt>")

    assert texts(make_docx(build)) == ["全年新增链接文字控件内容5\t制表\n换行", "块级控件"]


def test_text_box_read_once_after_its_paragraph(make_docx: MakeDocx) -> None:
    box = "<w:txbxContent><w:p><w:r><w:t>文本框里的文字</w:t></w:r></w:p></w:txbxContent>"
    choice = ('<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
              '<wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
              f'wordprocessingShape"><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData>'
              "</a:graphic></wp:anchor></w:drawing></mc:Choice>")
    fallback = f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"

    def build(d: docx.document.Document) -> None:
        append_xml(d, para(f"<w:r><w:t>锚定段落</w:t></w:r><w:r><mc:AlternateContent>"
                           f"{choice}{fallback}</mc:AlternateContent></w:r>"))
        append_xml(d, para(f"<w:r><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape>"
                           "</w:pict></w:r>"))

    assert texts(make_docx(build)) == ["锚定段落", "文本框里的文字", "文本框里的文字"]


def test_headers_and_footers_go_to_furniture(make_docx: MakeDocx) -> None:
    def build(d: docx.document.Document) -> None:
        section = d.sections[0]
        section.header.paragraphs[0].text = "某某区人民政府"
        section.footer.paragraphs[0].text = "第 1 页"
        d.add_paragraph("正文")

    source = read(make_docx(build))
    assert source.furniture == ("某某区人民政府", "第 1 页")
    assert [b.text for b in source.blocks] == ["正文"]


def test_footnotes_are_appended_at_the_end(make_docx: MakeDocx) -> None:
    path = make_docx(lambda d: d.add_paragraph("正文"))
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    footnotes = (
        f'<w:footnotes {w}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
        '</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>脚注：数据来自统计局。'
        "</w:t></w:r></w:p></w:footnote></w:footnotes>").encode()
    with zipfile.ZipFile(path) as zf:
        rels = zf.read("word/_rels/document.xml.rels").decode()
        types = zf.read("[Content_Types].xml").decode()
    rels = rels.replace("</Relationships>", (
        '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/footnotes" Target="footnotes.xml"/></Relationships>'))
    types = types.replace("</Types>", (
        '<Override PartName="/word/footnotes.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>'))
    add_zip_parts(path, {"word/footnotes.xml": footnotes,
                         "word/_rels/document.xml.rels": rels.encode(),
                         "[Content_Types].xml": types.encode()})
    assert texts(path) == ["正文", "脚注：数据来自统计局。"]


def test_deleted_numbered_paragraph_does_not_count(make_docx: MakeDocx) -> None:
    def build(d: docx.document.Document) -> None:
        add_numbering(d, 12, [("chineseCounting", "%1、", 1)])
        numbered(d, "第一部分", 12)
        gone = numbered(d, "", 12)
        gone._p.append(docx.oxml.parse_xml(
            f'<w:del {docx.oxml.ns.nsdecls("w")} w:id="3" w:author="a"><w:r>'
            "<w:delText>删除的部分</w:delText></w:r></w:del>"))
        numbered(d, "第二部分", 12)

    assert texts(make_docx(build)) == ["一、第一部分", "二、第二部分"]


def test_reads_by_content_not_suffix_case(make_docx: MakeDocx) -> None:
    path = make_docx(lambda d: d.add_paragraph("大写扩展名"), name="REPORT.DOCX")
    assert texts(path) == ["大写扩展名"]


def _restyle(path: Path, change: Callable[[bytes], bytes]) -> Path:
    """Rewrite word/styles.xml (a real part, as python-docx wrote it) through ``change``."""
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    members["word/styles.xml"] = change(members["word/styles.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _heading_report(d: docx.document.Document) -> None:
    d.add_heading("一、主要举措和成效", level=1)
    d.add_paragraph("全年审核合同328份。")
    based = d.styles.add_style("报告二级标题", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    based.base_style = d.styles["Heading 2"]  # its level comes along basedOn
    d.add_paragraph("（一）依法全面履行政府职能", style=based)


@pytest.mark.parametrize("change", [
    lambda xml: xml,  # as python-docx writes it: each style found in the bytes and parsed alone
    lambda xml: xml.replace(b"w:", b"ns0:").replace(b"xmlns:w=", b"xmlns:ns0="),  # another prefix
    lambda xml: re.sub(rb'w:(styleId|val)="([^"]*)"', rb"w:\1='\2'", xml),  # single quotes
    lambda xml: re.sub(rb"xmlns:w=(\"[^\"]*\")", rb"xmlns=\1 xmlns:w=\1",
                       xml.replace(b"<w:", b"<").replace(b"</w:", b"</")),  # elements in the default namespace
], ids=["w-prefix", "ns0-prefix", "mixed-quotes", "default-namespace"])
def test_heading_levels_whatever_the_styles_markup(make_docx: MakeDocx, change) -> None:
    path = _restyle(make_docx(_heading_report), change)
    assert [(b.text, b.style_level) for b in read(path).blocks] == [
        ("一、主要举措和成效", 1), ("全年审核合同328份。", None), ("（一）依法全面履行政府职能", 2)]


def test_paragraphs_read_the_same_whether_or_not_a_table_follows(make_docx: MakeDocx) -> None:
    # A body of paragraphs alone is read in one pass; a table among them sends the
    # whole body through the element walk. Both must give the same blocks.
    box = "<w:txbxContent><w:p><w:r><w:t>文本框里的文字</w:t></w:r></w:p></w:txbxContent>"

    def paragraphs(d: docx.document.Document) -> None:
        d.add_heading("一、主要举措", level=1)
        add_numbering(d, 21, [("chineseCounting", "（%1）", 1)])
        numbered(d, "推行执法公示", 21)
        append_xml(d, para(  # tab stops are properties, not text; an old style is not the style
            '<w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs>'
            '<w:pPrChange w:id="5" w:author="a"><w:pPr><w:pStyle w:val="Heading1"/>'
            '<w:outlineLvl w:val="0"/></w:pPr></w:pPrChange></w:pPr>'
            '<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:sym w:font="Symbol" w:char="2605"/></w:r>'))
        append_xml(d, para(f"<w:r><w:t>锚定段落</w:t></w:r><w:r><w:pict><v:shape><v:textbox>{box}"
                           "</v:textbox></v:shape></w:pict></w:r>"))
        append_xml(d, para('<w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>大纲二级</w:t></w:r>'))
        numbered(d, "落实法制审核", 21)
        d.add_paragraph("   ")

    def with_table(d: docx.document.Document) -> None:
        paragraphs(d)
        d.add_table(rows=1, cols=1).cell(0, 0).text = "表格"

    def blocks(path: Path) -> list[tuple[str, int | None]]:
        return [(b.text, b.style_level) for b in read(path).blocks]

    alone = blocks(make_docx(paragraphs, "alone.docx"))
    assert alone == [("一、主要举措", 1), ("（一）推行执法公示", None), ("甲\t乙★", None),
                     ("锚定段落", None), ("文本框里的文字", None), ("大纲二级", 2),
                     ("（二）落实法制审核", None)]
    assert blocks(make_docx(with_table, "table.docx")) == alone + [("表格", None)]


# Reports made from one template share its styles part: each must be read as it would be alone,
# whichever was read before it.

def _levels(path: Path) -> list[tuple[str, int | None]]:
    return [(b.text, b.style_level) for b in read(path).blocks]


def _stored_styles(path: Path) -> tuple[tuple[int, ...], bytes]:
    """How the styles part is stored (method, flags, sizes, CRC) and its content."""
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/styles.xml")
        return (info.compress_type, info.flag_bits, info.compress_size, info.file_size, info.CRC), \
            z.read("word/styles.xml")


def test_reports_from_one_template_each_read_as_alone(tmp_path: Path) -> None:
    from docxmaker import save_docx

    def first(d: docx.document.Document) -> None:
        d.add_heading("一、主要举措和成效", level=1)
        d.add_paragraph("全年审核合同328份。")

    def second(d: docx.document.Document) -> None:  # styles the first report never looked up
        d.add_heading("关于2023年度法治政府建设情况的报告", level=0)
        d.add_heading("（一）依法全面履行政府职能", level=3)
        d.add_paragraph("深化改革。", style="List Bullet")

    a, b = save_docx(tmp_path / "a.docx", first), save_docx(tmp_path / "b.docx", second)
    assert _stored_styles(a) == _stored_styles(b)  # the same template part, byte for byte
    alone = _levels(b)
    assert alone == [("关于2023年度法治政府建设情况的报告", None), ("（一）依法全面履行政府职能", 3),
                     ("深化改革。", None)]
    first_levels = [("一、主要举措和成效", 1), ("全年审核合同328份。", None)]
    assert [_levels(p) for p in (a, b, a, b)] == [first_levels, alone, first_levels, alone]


def _forge_crc(original: bytes, changed: bytes, slots: range) -> bytes:
    """``changed`` with some of the bytes at ``slots`` turned from "a" to "c", so that its CRC-32
    is ``original``'s (they are as long): two parts a checksum cannot tell apart."""
    zero = zlib.crc32(bytes(len(changed)))
    basis: dict[int, tuple[int, int]] = {}  # highest bit -> (CRC difference, slots that make it)
    for i in slots:
        flip = bytearray(len(changed))
        flip[i] = 0x02
        vector, chosen = zlib.crc32(bytes(flip)) ^ zero, 1 << i
        while vector:
            top = vector.bit_length() - 1
            if top not in basis:
                basis[top] = (vector, chosen)
                break
            vector, chosen = vector ^ basis[top][0], chosen ^ basis[top][1]
    target, chosen = zlib.crc32(changed) ^ zlib.crc32(original), 0
    while target:
        vector, slots_used = basis[target.bit_length() - 1]
        target, chosen = target ^ vector, chosen ^ slots_used
    forged = bytearray(changed)
    for i in slots:
        if chosen >> i & 1:
            forged[i] ^= 0x02
    assert zlib.crc32(bytes(forged)) == zlib.crc32(original) and bytes(forged) != original
    return bytes(forged)


def test_a_styles_part_with_the_same_checksum_but_other_bytes_is_read_anew(make_docx: MakeDocx,
                                                                              tmp_path: Path) -> None:
    made = make_docx(lambda d: d.add_heading("一、主要举措和成效", level=1))
    with zipfile.ZipFile(made) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    declaration_end = members["word/styles.xml"].index(b"?>") + 2
    padded = members["word/styles.xml"][:declaration_end] + b"<!--" + b"a" * 64 + b"-->" + \
        members["word/styles.xml"][declaration_end:]
    renamed = padded.replace(b'w:styleId="Heading1"><w:name w:val="heading 1"/>',
                             b'w:styleId="Heading1"><w:name w:val="heading 3"/>')
    assert renamed != padded
    forged = _forge_crc(padded, renamed, range(declaration_end + 4, declaration_end + 68))

    def package(path: Path, styles: bytes) -> Path:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members.items():
                zf.writestr(name, styles if name == "word/styles.xml" else data,
                            zipfile.ZIP_STORED if name == "word/styles.xml" else zipfile.ZIP_DEFLATED)
        return path

    a, b = package(tmp_path / "a.docx", padded), package(tmp_path / "b.docx", forged)
    assert _stored_styles(a)[0] == _stored_styles(b)[0]  # method, sizes and CRC alike
    assert _levels(a) == [("一、主要举措和成效", 1)]
    assert _levels(b) == [("一、主要举措和成效", 3)]  # its own "heading 3", not the first one's level
