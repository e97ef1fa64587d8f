"""Write one report text in the forms reports arrive in: encodings, layouts, .docx.

Every writer takes the report as plain text (one paragraph a line) and writes a
real file that lawcheck reads through :func:`lawcheck.readers.read`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import docx
from opencc import OpenCC  # type: ignore[import-untyped]

# Heading numbers that the .docx writer turns into Word heading styles.
_HEADING_1 = re.compile(r"^\s*[一二三四五六七八九十]{1,3}、")
_HEADING_2 = re.compile(r"^\s*[（(][一二三四五六七八九十]{1,3}[）)]")


def hard_wrap(text: str, width: int = 28) -> str:
    """Cut every line into lines of ``width`` characters, as text copied out of a PDF."""
    lines: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            lines.append("")
            continue
        lines.extend(line[i:i + width] for i in range(0, len(line), width))
    return "\n".join(lines) + "\n"


def spaced(text: str) -> str:
    """A space between every two characters of each line."""
    return "\n".join(" ".join(line) for line in text.splitlines()) + "\n"


@lru_cache(maxsize=1)
def _s2t() -> OpenCC:
    return OpenCC("s2t")


def traditional(text: str) -> str:
    """The text in traditional characters."""
    return _s2t().convert(text)


def write_docx(path: Path, text: str) -> Path:
    """A .docx written by python-docx: the first line a title paragraph, lines
    numbered 一、 in "Heading 1", lines numbered （一） in "Heading 2" (when they
    are short, as headings are), the rest plain paragraphs."""
    document = docx.Document()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        if i == 0:
            document.add_paragraph(line)
        elif _HEADING_1.match(line) and len(line) <= 50:
            document.add_paragraph(line, style="Heading 1")
        elif _HEADING_2.match(line) and len(line) <= 50 and "。" not in line:
            document.add_paragraph(line, style="Heading 2")
        else:
            document.add_paragraph(line)
    document.save(str(path))
    return path


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """``text`` saved in ``encoding`` ("utf-16" writes a byte-order mark)."""
    path.write_bytes(text.encode(encoding))
    return path


# name → writer(path_without_suffix, text) → written path
FORMS: dict[str, Callable[[Path, str], Path]] = {
    "utf8": lambda p, t: write_text(p.with_suffix(".txt"), t),
    "gb18030": lambda p, t: write_text(p.with_suffix(".txt"), t, "gb18030"),
    "utf16-bom": lambda p, t: write_text(p.with_suffix(".txt"), t, "utf-16"),
    "wrapped-28": lambda p, t: write_text(p.with_suffix(".txt"), hard_wrap(t)),
    "spaced": lambda p, t: write_text(p.with_suffix(".txt"), spaced(t)),
    "traditional": lambda p, t: write_text(p.with_suffix(".txt"), traditional(t)),
    "docx": lambda p, t: write_docx(p.with_suffix(".docx"), t),
}


def numbered_paragraph(document: docx.document.Document, text: str, num_id: int,
                       ilvl: int = 0) -> None:
    """A paragraph in list ``num_id`` at level ``ilvl``: Word shows the number, the text has none."""
    paragraph = document.add_paragraph(text)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()  # type: ignore[attr-defined]
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def define_outline_numbering(document: docx.document.Document, num_id: int = 41) -> int:
    """A list whose level 0 reads 一、二、 and level 1 reads （一）（二）, as reports number parts."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    levels = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"))
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    numbering = document.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">{lvls}</w:abstractNum>')
    first_num = numbering.find("{%s}num" % numbering.nsmap["w"])
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                               f'<w:abstractNumId w:val="{num_id}"/></w:num>'))
    return num_id
