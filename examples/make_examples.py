"""Regenerate the .docx examples from their UTF-8 sources in examples/src/.

Usage: python examples/make_examples.py   (needs python-docx)

Source format (one paragraph per line):
  * line 1 is the title (style "Title", centred);
  * lines starting with 一、二、… are top-level headings (style "Heading 1");
  * lines starting with （一）（二）… are second-level headings ("Heading 2");
  * the last two lines (issuing body, date) are right-aligned;
  * everything else is a body paragraph ("Normal").
The output is deterministic: fixed core properties and fixed zip timestamps.
"""
import datetime
import re
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from lawcheck.workflows.docxfile import docx_bytes

HERE = Path(__file__).resolve().parent
SOURCES = {
    "qinghe-street-2024.docx": "src/qinghe-street-2024.txt",
}
FIXED = datetime.datetime(2025, 1, 20, 9, 0, 0)
ZIP_DATE = (2025, 1, 20, 9, 0, 0)

H1 = re.compile(r"^[一二三四五六七八九十]+、")
H2 = re.compile(r"^（[一二三四五六七八九十]+）")


def _font(style, name, size):
    style.font.name = name
    style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def build(lines):
    doc = Document()
    _font(doc.styles["Normal"], "仿宋", 16)
    for name, font in (("Title", "方正小标宋简体"), ("Heading 1", "黑体"), ("Heading 2", "楷体")):
        _font(doc.styles[name], font, 22 if name == "Title" else 16)
    title, body, sign = lines[0], lines[1:-2], lines[-2:]
    p = doc.add_paragraph(title, style="Title")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in body:
        if H1.match(line):
            doc.add_paragraph(line, style="Heading 1")
        elif H2.match(line):
            doc.add_paragraph(line, style="Heading 2")
        else:
            p = doc.add_paragraph(line)
            p.paragraph_format.first_line_indent = Pt(32)
    for line in sign:
        p = doc.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    cp = doc.core_properties
    cp.author = "lawcheck examples"
    cp.last_modified_by = "lawcheck examples"
    cp.title = title
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    return doc


def main():
    for target, source in SOURCES.items():
        lines = [l.strip() for l in (HERE / source).read_text(encoding="utf-8").splitlines()]
        lines = [l for l in lines if l]
        (HERE / target).write_bytes(docx_bytes(build(lines), ZIP_DATE))
        print("wrote", HERE / target)


if __name__ == "__main__":
    main()
