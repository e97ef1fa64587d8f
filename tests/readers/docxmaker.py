"""Builders for real .docx test files: python-docx, plus lxml where it has no API."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

DocxBuilder = Callable[[docx.document.Document], None]


def save_docx(path: Path, build: DocxBuilder) -> Path:
    document = docx.Document()
    build(document)
    document.save(str(path))
    return path


def append_xml(document: docx.document.Document, xml: str) -> None:
    """Append raw WordprocessingML (w:p, w:tbl...) to the body, before w:sectPr."""
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(xml))


_PARA_NAMESPACES = (
    nsdecls("w", "wp", "a", "r")
    + ' xmlns:v="urn:schemas-microsoft-com:vml"'
    + ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
)


def para(inner: str) -> str:
    """A w:p element with ``inner`` as its content, declaring the usual prefixes."""
    return f"<w:p {_PARA_NAMESPACES}>{inner}</w:p>"


def add_numbering(document: docx.document.Document, num_id: int,
                  levels: list[tuple[str, str, int]],
                  start_overrides: dict[int, int] | None = None,
                  abstract_id: int | None = None) -> int:
    """Define list ``num_id``: levels are (numFmt, lvlText, start), from ilvl 0.

    With ``abstract_id`` given and already defined, the new list reuses it.
    """
    numbering = document.part.numbering_part.element
    abstract_id = num_id + 100 if abstract_id is None else abstract_id
    if not numbering.xpath(f"w:abstractNum[@w:abstractNumId='{abstract_id}']"):
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>'
            for i, (fmt, text, start) in enumerate(levels))
        abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                             f"{lvls}</w:abstractNum>")
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{lvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for lvl, start in (start_overrides or {}).items())
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        f"{overrides}</w:num>"))
    return num_id


def numbered(document: docx.document.Document, text: str, num_id: int, ilvl: int = 0,
             style: str | None = None) -> Paragraph:
    paragraph = document.add_paragraph(text, style=style)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id
    return paragraph


def add_zip_parts(path: Path, parts: dict[str, bytes], drop: tuple[str, ...] = ()) -> None:
    """Rewrite the zip at ``path`` with ``parts`` added or replaced and ``drop`` removed."""
    with zipfile.ZipFile(path) as zf:
        existing = {name: zf.read(name) for name in zf.namelist()}
    existing.update(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in existing.items():
            if name not in drop:
                zf.writestr(name, data)
