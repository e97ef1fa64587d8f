"""A .docx skeleton of the annual report in the official five-part structure.

厅字〔2019〕28号 art. 24 asks an annual report for five things; the skeleton has
one Heading 1 part for each and Heading 2 subheadings under the first. Under
each heading a placeholder paragraph in 【请填写：…】 says what goes there, with
XX/×× where names and figures go, so that ``lawcheck check`` flags whatever is
left unfilled (the ``placeholders`` finding); a Word comment on the heading
gives a worked example. Headings carry their numbering as text (一、（一）), as
most offices type them.

The words (the outline, placeholders, guidance, title, fonts) are data, in
``template.yaml`` beside this module. The bytes depend only on the year and the
body's name: fixed core properties, undated comments and fixed zip timestamps.
"""

from __future__ import annotations

import datetime
import functools
from pathlib import Path
from typing import Any

import docx
import yaml
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from lawcheck.workflows.docxfile import comment, docx_bytes

FIXED = datetime.datetime(2025, 1, 1, 0, 0, 0)
WORDS = Path(__file__).with_name("template.yaml")  # the outline, its placeholders and guidance, the fonts


@functools.cache
def words() -> dict[str, Any]:
    """The template's words and layout (``template.yaml``), read once."""
    return yaml.safe_load(WORDS.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def build(year: int, org: str | None = None) -> DocxDocument:
    """The skeleton as a python-docx Document (fixed core properties, undated comments)."""
    said = words()
    name = org or said["org_placeholder"]
    fill = {"year": year, "next_year": year + 1, "org": name}
    document = official_document()
    title_text = said["title"].format(**fill)
    title = document.add_paragraph(title_text, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in said["outline"]:
        heading, placeholder, guidance = part.get("heading"), part.get("placeholder"), part.get("guidance")
        if heading:
            paragraph = document.add_paragraph(heading.format(**fill), style=f"Heading {part['level']}")
            if guidance:
                comment(document, paragraph.runs, guidance, said["author"])
        if placeholder:
            body = document.add_paragraph(placeholder.format(**fill))
            body.paragraph_format.first_line_indent = Pt(32)
    for line in (name, said["date_line"].format(**fill)):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fix_properties(document, title_text, "lawcheck template")
    return document


def template_bytes(year: int, org: str | None = None) -> bytes:
    return docx_bytes(build(year, org))


def official_document() -> DocxDocument:
    """A new document whose title, heading and body styles have the official fonts and sizes."""
    document = docx.Document()
    for style, look in words()["fonts"].items():
        _font(document, style, look["font"], look["size"])
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
