"""PDF with a text layer, through pdfminer.six.

pdfminer.six (maintained, pure Python, ships the Adobe CJK CMaps) gives every
text line with its position, which is what is needed here: running headers and
footers are told by where they sit and that they repeat, and lines are joined
back into paragraphs by indentation, gaps and short last lines. Text is kept as
written, except that the line breaks and stray spaces the layout put between
CJK characters (or a CJK character and a number) are removed. A PDF without
text (a scan) is refused: it needs OCR.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTPage, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import LIT

from lawcheck.errors import ReadError
from lawcheck.document.model import RawBlock, Source
from lawcheck.document.text import CJK_CHARS, OUTLINE_START, PAGE_NUMBER

MAX_PAGES = 2000
MAX_OBJECTS = 500_000
MAX_EXPANDED = 64 * 1024 * 1024  # all text streams inflated together: far above any report's
_STEP = 1024 * 1024
# What pdfminer lays out, counted before it does (it makes an object of every glyph and every
# path, some hundreds of bytes each): a dense page of text has 4,000 glyphs and a few thousand
# operators, a report of 200 pages a million of them in all.
MAX_PAGE_GLYPHS = 60_000
MAX_PAGE_OPERATORS = 200_000
MAX_GLYPHS = 1_500_000
MAX_OPERATORS = 4_000_000
# A content stream's tokens: a string (its bytes are glyphs), a hex string, an operator;
# names, numbers and brackets are passed over. Nested parentheses are counted loosely.
_TOKEN = re.compile(rb"\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>|(?<![/\w.])[A-Za-z'\"*][A-Za-z0-9*]*")
# boxes_flow=None: order text boxes by position instead of pdfminer's hierarchical
# grouping, which is quadratic in the number of boxes (minutes on a damaged page).
_LAYOUT = LAParams(boxes_flow=None)
LITERAL_IMAGE = LIT("Image")
LITERAL_FORM = LIT("Form")
_BAND = 0.09  # share of the page height, top and bottom, where running heads sit
_CJK = CJK_CHARS
# Between CJK characters, or between one and a number: the gap LibreOffice and Word
# leave between Chinese and Western text ("2024 年") comes out as a space.
_CJK_SPACE = re.compile(f"(?<=[{_CJK}])[ \t\u00a0]+(?=[{_CJK}0-9])"
                        f"|(?<=[0-9])[ \t\u00a0]+(?=[{_CJK}])")
_ENDS_CJK = re.compile(f"[{_CJK}]$")
_STARTS_CJK = re.compile(f"^[{_CJK}]")
# An outline number (OUTLINE_START: 一、 （二） 第三部分) at the start of a line after a clause's
# end starts a heading or list item, even without an indent, a gap or a short line before
# it: a full last line, or a page break that swallowed the gap.
_CLAUSE_END = re.compile(r"[。；;：:！？!?][”’」』）)]*\s*$")


@dataclass(frozen=True)
class _Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    page: int
    page_height: float


def read(path: Path, data: bytes) -> Source:
    """Read a PDF's text layer as paragraphs, with running heads set aside."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings are not ours to show
    document = _refuse_bombs(path, data)
    _refuse_absurd_pages(path, document)
    lines = _lines(path, data)
    page_count = max((line.page for line in lines), default=0)
    furniture, body = _split_furniture(lines, page_count)
    blocks = tuple(_paragraphs(body))
    if not blocks:
        raise ReadError("needs_ocr", path=str(path))
    return Source(path=str(path), format="pdf", blocks=blocks, furniture=furniture)


def _refuse_bombs(path: Path, data: bytes) -> PDFDocument:
    """Refuse, before pdfminer inflates anything, a PDF whose streams would expand past
    :data:`MAX_EXPANDED` bytes (a compression bomb), that holds too many objects, or whose
    objects refer to each other in a ring (pdfminer would follow it for ever).

    Each stream is inflated in 1 MB steps and counted, never kept; images are not
    inflated to read text, so they are not counted.
    """
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ReadError("encrypted", path=str(path)) from exc
    objids = {objid for xref in document.xrefs for objid in xref.get_objids()}
    if len(objids) > MAX_OBJECTS:
        raise ReadError("pdf_bomb", path=str(path))
    budget = MAX_EXPANDED
    for xref in document.xrefs:
        for objid in xref.get_objids():
            try:
                obj = document.getobj(objid)
            except Exception:  # noqa: BLE001 - a damaged object: pdfminer will say so, or skip it
                continue
            if isinstance(obj, PDFObjRef):
                _refuse_ring(path, document, objid, obj)
            elif isinstance(obj, PDFStream) and xref.get_pos(objid)[0] is None \
                    and resolve1(obj.get("Subtype")) is not LITERAL_IMAGE:
                budget -= _inflated_size(obj, budget)
                if budget < 0:
                    raise ReadError("pdf_bomb", path=str(path))
    return document


def _refuse_ring(path: Path, document: PDFDocument, objid: int, ref: PDFObjRef) -> None:
    """An object that is only a reference to another: follow the chain, and refuse a ring."""
    seen = {objid}
    found: object = ref
    while isinstance(found, PDFObjRef):
        if found.objid in seen:
            raise ReadError("pdf_cycle", path=str(path))
        seen.add(found.objid)
        try:
            found = document.getobj(found.objid)
        except Exception:  # noqa: BLE001 - a missing object ends the chain
            return


def _refuse_absurd_pages(path: Path, document: PDFDocument) -> None:
    """Count the glyphs and drawing operators of each page's content (and of the forms it
    draws) before pdfminer lays them out, and refuse a page, or a file, far past any report."""
    glyphs = operators = 0
    try:
        pages = PDFPage.create_pages(document)
        for number, page in enumerate(pages, start=1):
            if number > MAX_PAGES:
                break
            page_glyphs, page_operators = _page_counts(page)
            glyphs += page_glyphs
            operators += page_operators
            if (page_glyphs > MAX_PAGE_GLYPHS or page_operators > MAX_PAGE_OPERATORS
                    or glyphs > MAX_GLYPHS or operators > MAX_OPERATORS):
                raise ReadError("pdf_absurd", path=str(path), page=number)
    except ReadError:
        raise
    except Exception:  # noqa: BLE001 - a damaged page: pdfminer will say so when it reads it
        return


def _page_counts(page: PDFPage) -> tuple[int, int]:
    """Glyphs (bytes of strings shown) and operators in a page's content and its form XObjects."""
    streams = [s for s in (page.contents or []) if isinstance(s, PDFStream)]
    xobjects = resolve1((resolve1(page.resources) or {}).get("XObject")) if isinstance(
        resolve1(page.resources), dict) else None
    if isinstance(xobjects, dict):
        streams += [x for x in (resolve1(v) for v in xobjects.values())
                    if isinstance(x, PDFStream) and resolve1(x.get("Subtype")) is LITERAL_FORM]
    glyphs = operators = 0
    for stream in streams:
        for m in _TOKEN.finditer(stream.get_data() or b""):
            token = m.group()
            if token[:1] == b"(":
                glyphs += len(token) - 2
            elif token[:1] == b"<":
                glyphs += (len(token) - 2) // 2
            else:
                operators += 1
    return glyphs, operators


def _inflated_size(stream: PDFStream, limit: int) -> int:
    """How many bytes a Flate-encoded stream inflates to, counting no further than ``limit + 1``."""
    filters = stream.get_filters()
    if not filters or filters[0][0] not in LITERALS_FLATE_DECODE:
        return len(stream.rawdata or b"")
    inflater = zlib.decompressobj()
    size, pending = 0, stream.rawdata or b""
    try:
        while pending and size <= limit:
            size += len(inflater.decompress(pending, _STEP))
            pending = inflater.unconsumed_tail
    except zlib.error:
        return size  # damaged data: pdfminer reports what it can read
    return size


def _lines(path: Path, data: bytes) -> list[_Line]:
    lines: list[_Line] = []
    try:  # page by page: a page's layout objects go when its lines are taken
        for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=_LAYOUT, maxpages=MAX_PAGES), 1):
            lines += _page_lines(page, number)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ReadError("encrypted", path=str(path)) from exc
    return lines


def _page_lines(page: LTPage, number: int) -> list[_Line]:
    out = []
    for box in page:
        if not isinstance(box, LTTextContainer):
            continue
        for line in box:
            if isinstance(line, LTTextLine):
                text = line.get_text().rstrip("\n")
                if text.strip():
                    out.append(_Line(text, line.x0, line.x1, line.y0, line.y1, number,
                                     page.height))
    return out


def _split_furniture(lines: list[_Line], pages: int) -> tuple[tuple[str, ...], list[_Line]]:
    """Running heads (repeated in the page's top or bottom band) and page numbers go."""
    def key(line: _Line) -> str:
        return re.sub(r"\d+", "#", line.text.strip())

    in_band = [line for line in lines if _in_band(line)]
    repeats = Counter(key(line) for line in in_band)
    furniture: list[str] = []
    body = []
    for line in lines:
        text = line.text.strip()
        if _in_band(line) and (PAGE_NUMBER.match(text) or pages >= 2
                               and repeats[key(line)] >= max(2, pages // 2)):
            if not PAGE_NUMBER.match(text) and text not in furniture:
                furniture.append(text)
            continue
        body.append(line)
    return tuple(furniture), body


def _in_band(line: _Line) -> bool:
    band = _BAND * line.page_height
    return line.y0 >= line.page_height - band or line.y1 <= band


def _paragraphs(lines: list[_Line]) -> list[RawBlock]:
    """Join lines into paragraphs: a new one starts after a short line, a gap or an indent."""
    if not lines:
        return []
    height = statistics.median(line.y1 - line.y0 for line in lines)
    left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
    right = max(line.x1 for line in lines)
    blocks: list[RawBlock] = []
    current: list[_Line] = []
    for line in lines:
        if current and _starts_paragraph(current[-1], line, left, right, height):
            blocks.append(_block(current))
            current = []
        current.append(line)
    blocks.append(_block(current))
    return blocks


def _starts_paragraph(prev: _Line, line: _Line, left: float, right: float,
                      height: float) -> bool:
    if line.x0 > left + height * 0.8:  # indented first line (or centred text)
        return True
    if prev.x1 < right - height * 1.5:  # the line before stopped short
        return True
    if line.page == prev.page and prev.y0 - line.y1 > height * 0.9:  # a blank gap
        return True
    return bool(OUTLINE_START.match(line.text) and _CLAUSE_END.search(prev.text))


def _block(lines: list[_Line]) -> RawBlock:
    text = lines[0].text.strip()
    for line in lines[1:]:
        part = line.text.strip()
        glue = "" if _ENDS_CJK.search(text) or _STARTS_CJK.match(part) else " "
        text += glue + part
    return RawBlock(text=_CJK_SPACE.sub("", text), page=lines[0].page)
