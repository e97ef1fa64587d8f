"""OpenDocument text (.odt, as saved by LibreOffice and WPS), from content.xml.

Opened through :mod:`.safety` like .docx. Headings (``text:h``) give
``style_level`` from ``text:outline-level``; paragraphs, list items and table
cells (covered cells skipped) come in reading order, text frames after the
paragraph that anchors them, footnotes at the end; tracked deletions are left
out. Page headers and footers (in styles.xml) go to ``furniture``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from lxml import etree

from lawcheck.errors import ReadError
from lawcheck.document.model import RawBlock, Source
from lawcheck.readers.safety import SafeZip, parse_xml
from lawcheck.readers.values import to_int

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_MAX_SPACES = 100  # text:s repeats a space c times; a hostile c must not fill memory

_CONTAINERS = frozenset({f"{TEXT}list", f"{TEXT}list-item", f"{TEXT}list-header",
                         f"{TEXT}section", f"{TEXT}table-of-content", f"{TEXT}index-body",
                         f"{DRAW}text-box", f"{DRAW}frame", f"{TABLE}table-header-rows",
                         f"{TABLE}table-rows", f"{TABLE}table-row-group"})
_SKIP_INLINE = frozenset({f"{TEXT}note", f"{OFFICE}annotation", f"{TEXT}ruby-text",
                          f"{TEXT}tracked-changes", f"{DRAW}frame"})


def read(path: Path, data: bytes) -> Source:
    """Read an .odt file's text body, notes and page furniture."""
    package = SafeZip(data, path, "ODT")
    try:
        if not package.has("content.xml"):
            raise ReadError("corrupt", path=str(path), format="ODT", detail="no content.xml")
        root = parse_xml(package.read("content.xml"), path, "ODT")
        styles = (parse_xml(package.read("styles.xml"), path, "ODT")
                  if package.has("styles.xml") else None)
    finally:
        package.close()
    body = root.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise ReadError("no_text", path=str(path))
    walker = _Walker()
    blocks = list(walker.blocks(body, "paragraph"))
    for note in walker.notes:
        blocks.extend(walker.blocks(note, "paragraph"))
    return Source(path=str(path), format="odt", blocks=tuple(blocks),
                  furniture=_furniture(styles))


def _furniture(styles: etree._Element | None) -> tuple[str, ...]:
    if styles is None:
        return ()
    texts: list[str] = []
    walker = _Walker()
    for part in styles.iter(f"{STYLE}header", f"{STYLE}footer"):
        for block in walker.blocks(part, "paragraph"):
            if block.text not in texts:
                texts.append(block.text)
    return tuple(texts)


class _Walker:
    def __init__(self) -> None:
        self.notes: list[etree._Element] = []

    def blocks(self, container: Iterable[etree._Element], kind: str) -> Iterator[RawBlock]:
        for child in container:
            tag = child.tag
            if tag in (f"{TEXT}p", f"{TEXT}h"):
                yield from self._paragraph(child, kind)
            elif tag == f"{TABLE}table":
                yield from self._table(child)
            elif tag in _CONTAINERS:
                yield from self.blocks(child, kind)

    def _paragraph(self, p: etree._Element, kind: str) -> Iterator[RawBlock]:
        parts: list[str] = []
        frames: list[etree._Element] = []
        self._inline(p, parts, frames)
        text = "".join(parts)
        if text.strip():
            level = None
            if p.tag == f"{TEXT}h" and kind == "paragraph":
                level = to_int(p.get(f"{TEXT}outline-level"), 1)
            yield RawBlock(text=text, kind=kind, style_level=level)  # type: ignore[arg-type]
        for frame in frames:
            yield from self.blocks(frame, kind)

    def _inline(self, el: etree._Element, out: list[str], frames: list[etree._Element]) -> None:
        out.append(el.text or "")
        for child in el:
            tag = child.tag
            if tag == f"{TEXT}s":
                out.append(" " * min(to_int(child.get(f"{TEXT}c"), 1), _MAX_SPACES))
            elif tag == f"{TEXT}tab":
                out.append("\t")
            elif tag == f"{TEXT}line-break":
                out.append("\n")
            elif tag == f"{TEXT}note":
                body = child.find(f"{TEXT}note-body")
                if body is not None:
                    self.notes.append(body)
            elif tag == f"{DRAW}frame":
                frames.append(child)
            elif tag not in _SKIP_INLINE and isinstance(tag, str):
                self._inline(child, out, frames)
            out.append(child.tail or "")

    def _table(self, table: etree._Element) -> Iterator[RawBlock]:
        for row in table.iter(f"{TABLE}table-row"):
            if _enclosing_table(row) is not table:
                continue
            for cell in row.iterchildren(f"{TABLE}table-cell"):
                own = [c for c in cell if c.tag != f"{TABLE}table"]
                text = "\n".join(b.text for b in self.blocks(own, "cell"))
                if text.strip():
                    yield RawBlock(text=text, kind="cell")
                for nested in cell.iterchildren(f"{TABLE}table"):
                    yield from self._table(nested)


def _enclosing_table(row: etree._Element) -> etree._Element | None:
    parent = row.getparent()
    while parent is not None and parent.tag != f"{TABLE}table":
        parent = parent.getparent()
    return parent
