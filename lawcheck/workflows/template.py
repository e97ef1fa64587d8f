"""A .docx skeleton of the annual report in the official five-part structure.

厅字〔2019〕28号 art. 24 asks an annual report for five things; the skeleton has
one Heading 1 part for each and Heading 2 subheadings under the first. Under
each heading a placeholder paragraph in 【请填写：…】 says what goes there, with
XX/×× where names and figures go, so that ``lawcheck check`` flags whatever is
left unfilled (the ``placeholders`` finding); a Word comment on the heading
gives a worked example. Headings carry their numbering as text (一、（一）), as
most offices type them.

The bytes depend only on the year and the body's name: fixed core properties,
undated comments and fixed zip timestamps.
"""

from __future__ import annotations

import datetime

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from lawcheck.workflows.docxfile import comment, docx_bytes

AUTHOR = "lawcheck 模板"
FIXED = datetime.datetime(2025, 1, 1, 0, 0, 0)
ORG_PLACEHOLDER = "XX县（市、区）人民政府"

# Fonts of the official document format (GB/T 9704): title 小标宋, level-1
# headings 黑体, level-2 楷体, body 仿宋 in 三号 (16 pt).
FONTS = {"Title": ("方正小标宋简体", 22), "Heading 1": ("黑体", 16), "Heading 2": ("楷体_GB2312", 16),
         "Normal": ("仿宋_GB2312", 16)}

# (heading level, heading, placeholder in the text, guidance in a comment on the heading).
# The placeholders only mark where to write, with ×× so an unfilled part is
# flagged; what to write and a worked example sit in the comment on the heading,
# which the checker does not read. Placeholders naming the topic ("学法、旁听庭审")
# would be matched as if the work were reported, and the untouched skeleton
# would pass for a report.
OUTLINE: tuple[tuple[int, str, str, str], ...] = (
    (0, "", "{year}年，{org}……【请填写：一段话概述全年法治政府建设的总体情况，最后写“现将有关情况报告如下”。】", ""),
    (1, "一、{year}年推进法治政府建设的主要举措和成效", "",
     "按工作领域分小标题，逐项写做法、数据和成效；每项尽量有具体数字，不要只写“高度重视”“积极推进”。"),
    (2, "（一）加强党对法治政府建设的领导",
     "【请填写：主要做法和成效，写明具体数据，如“××次”“××件”。】",
     "例如：“全年召开政府常务会议专题研究法治政府建设4次，制定年度工作要点，明确5个方面18项任务，"
     "并将法治建设纳入年度绩效考核。”"),
    (2, "（二）严格落实行政执法三项制度",
     "【请填写：三项制度分别写明做法和数据，如“××件”“××台”。】",
     "三项制度要分别写到：行政执法公示，例如“通过执法信息公示平台事前公开执法主体、依据、程序，"
     "全年事后公开行政处罚决定126件”；执法全过程记录，例如“配备执法记录仪36台，现场检查、调查取证全程音像记录”；"
     "重大执法决定法制审核，例如“作出重大行政处罚决定前一律进行法制审核，全年审核18件”。"
     "只写“落实三项制度”只能得部分分；政务公开不能代替执法公示，“全过程人民民主”不是执法全过程记录。"),
    (2, "（三）发挥法律顾问和公职律师作用",
     "【请填写：主要做法和成效，写明具体数据，如“××次”“××件”。】",
     "例如：“政府法律顾问列席常务会议12次，审核合同86份，出具法律意见书23份；现有公职律师3名，"
     "全年参与办理行政应诉案件12件。”“一村（社区）一法律顾问”服务群众，不能代替政府法律顾问。"),
    (2, "（四）规范重大行政决策程序",
     "【请填写：主要做法和成效，写明具体数据，如“××次”“××件”。】",
     "例如：“全年作出重大行政决策3项，均履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。”"),
    (2, "（五）加强规范性文件监督管理",
     "【请填写：主要做法和成效，写明具体数据，如“××次”“××件”。】",
     "例如：“全年审核规范性文件5件，均在规定时间内报送备案；清理现行有效规范性文件42件，废止3件。”"),
    (2, "（六）依法化解矛盾纠纷",
     "【请填写：主要做法和成效，写明具体数据，如“××次”“××件”。】",
     "例如：“办理行政复议案件45件、行政应诉案件8件，行政机关负责人出庭应诉率100%；调解各类纠纷236件。”"),
    (2, "（七）深化政务公开",
     "【请填写：主要做法和成效，写明具体数据，如“××次”“××件”。】",
     "例如：“主动公开政府信息420条，办理依申请公开12件，均按期答复。”"),
    (2, "（八）提升干部法治素养",
     "【请填写：主要做法和成效，写明具体数据，如“××次”“××件”。】",
     "例如：“常务会议会前学法6次，组织旁听庭审1次，举办执法人员培训3期、210人次。”"),
    (1, "二、存在的不足和原因",
     "【请填写：一是……；二是……。写明具体问题及其原因，如“××个部门”。】",
     "点明具体问题并分析原因，例如：“一是执法人员力量不足，部分执法人员法律素养不高；二是……。"
     "究其原因，……”一句“与上级要求还有差距”只能得部分分。"),
    (1, "三、党政主要负责人履行推进法治建设第一责任人职责情况",
     "【请填写：具体事例和数据，如“××次”。】",
     "例如：“区长主持召开常务会议研究法治政府建设4次，亲自部署、亲自过问重大执法事项，年终述职时专题述法。”"
     "安全生产、意识形态等其他领域的“第一责任人”和“一岗双责”不算。"),
    (1, "四、{next_year}年推进法治政府建设的主要安排",
     "【请填写：（一）……；（二）……；（三）……每项写明做什么、做到什么程度，如“××月底前”。】",
     "列出下一年度的具体任务，例如：“（一）全面推行行政执法三项制度，年底前执法信息全部上网公示；"
     "（二）健全法律顾问制度，重大决策全部经法律顾问审查……”"),
    (1, "五、其他需要报告的情况", "【请填写：需要报告的其他情况；没有的写“无”。】",
     "按规定的结构保留这一部分；没有其他需要报告的情况，也写明“无”。"),
)


def build(year: int, org: str | None = None) -> DocxDocument:
    """The skeleton as a python-docx Document (fixed core properties, undated comments)."""
    name = org or ORG_PLACEHOLDER
    fill = {"year": year, "next_year": year + 1, "org": name}
    document = official_document()
    title = document.add_paragraph(f"{name}{year}年法治政府建设年度报告", style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for level, heading, placeholder, guidance in OUTLINE:
        if heading:
            paragraph = document.add_paragraph(heading.format(**fill), style=f"Heading {level}")
            if guidance:
                comment(document, paragraph.runs, guidance, AUTHOR)
        if placeholder:
            body = document.add_paragraph(placeholder.format(**fill))
            body.paragraph_format.first_line_indent = Pt(32)
    for line in (name, f"{year + 1}年××月××日"):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fix_properties(document, f"{name}{year}年法治政府建设年度报告", "lawcheck template")
    return document


def template_bytes(year: int, org: str | None = None) -> bytes:
    return docx_bytes(build(year, org))


def official_document() -> DocxDocument:
    """A new document whose title, heading and body styles have the official fonts and sizes."""
    document = docx.Document()
    for style, (font, size) in FONTS.items():
        _font(document, style, font, size)
    return document


def _font(document: DocxDocument, style_name: str, font: str, size: int) -> None:
    style = document.styles[style_name]
    style.font.name = font
    style.font.size = Pt(size)
    style.font.color.rgb = None
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), font)


def fix_properties(document: DocxDocument, title: str, author: str) -> None:
    """Core properties that depend on nothing but ``title`` and ``author``: the same bytes every time."""
    props = document.core_properties
    props.title = title
    props.author = props.last_modified_by = author
    props.comments = ""
    props.created = props.modified = props.last_printed = FIXED
    props.revision = 1
