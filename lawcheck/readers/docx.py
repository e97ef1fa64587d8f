"""Word documents (.docx): the body as Word shows it, walked from the XML.

python-docx's ``paragraph.text`` leaves out text in content controls, tracked
insertions and text boxes, and never renders automatic numbering, so this
reader walks ``word/document.xml`` itself (opened through :mod:`.safety`):

- body paragraphs and table cells in reading order, one block each; a cell
  merged across rows or columns once; nested tables after their cell;
- automatic numbering rendered and prepended (see :mod:`.numbering`);
- ``style_level`` from the paragraph's outline level, else its style's
  (Heading 1-9, 标题 1-9, or ``w:outlineLvl`` along ``basedOn``);
- tracked changes accepted (``w:ins`` kept, ``w:del`` dropped); hyperlinks,
  fields' shown results and content controls kept; each text box once (the
  ``mc:Fallback`` copy is skipped), after the paragraph that anchors it;
- footnotes and endnotes appended at the end; headers and footers go to
  ``Source.furniture``.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from lawcheck.errors import ReadError
from lawcheck.document.model import RawBlock, Source
from lawcheck.readers.numbering import HEADING_STYLE_NAME, Numbering
from lawcheck.readers.safety import FRAGMENT_PARSER, SafeZip, check_xml_head, parse_xml
from lawcheck.readers.values import to_int

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# Run-level elements whose content is not shown text.
_SKIP = frozenset({"pPr", "rPr", "del", "moveFrom", "instrText", "delInstrText", "delText",
                   "sdtPr", "sdtEndPr", "rt", "fldChar", "tcPr", "tblPr", "trPr",
                   "footnoteReference", "endnoteReference", "commentReference"})
# Block-level wrappers whose children are blocks.
_WRAPPERS = frozenset({"sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag"})
_CHARS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
_HEADING_NAME = HEADING_STYLE_NAME
_NOTE_SEPARATORS = frozenset({"separator", "continuationSeparator", "continuationNotice"})


def read(path: Path, data: bytes) -> Source:
    """Read a .docx file's body, notes and page furniture."""
    package = SafeZip(data, path, "DOCX")
    try:
        return _Package(package, path).source()
    finally:
        package.close()


class _Inflating:
    """A part of the package inflated only as far as it is searched.

    A template's ``styles.xml`` is a few hundred KB, and the styles a report uses
    (its default, Normal, the headings) come in its first few: inflating the rest
    cost a .docx a fifth of its reading time.
    """

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self.data = b""
        self._pieces = pieces
        self._done = False

    def _more(self) -> bool:
        piece = next(self._pieces, None)
        if piece is None:
            self._done = True
            return False
        self.data += piece
        return True

    def head(self, size: int) -> bytes:
        while len(self.data) < size and self._more():
            pass
        return self.data[:size]

    def whole(self) -> bytes:
        while self._more():
            pass
        return self.data

    def tag(self, pattern: re.Pattern[bytes], pos: int) -> re.Match[bytes] | None:
        """The first match of ``pattern`` from ``pos``, as in the whole part.

        For a pattern that ends at the first ``>`` after its start (a start tag): a
        match found lies wholly in what is inflated, and so does every place before
        it where one could start, so inflating more cannot give an earlier one.
        """
        while True:
            m = pattern.search(self.data, pos)
            if m is not None or not self._more():
                return m

    def find(self, sub: bytes, pos: int) -> int:
        while True:
            found = self.data.find(sub, pos)
            if found >= 0 or not self._more():
                return found


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    outline: int | None = None
    num_id: str | None = None
    ilvl: int | None = None


@dataclass
class _Styles:
    """The paragraph styles of a document, read only as far as its paragraphs use them.

    A python-docx or Word template carries a few hundred KB of style
    definitions beside a report's few KB of text; parsing them all took most
    of the time of reading a .docx. ``style(id)`` finds one definition in the
    raw ``styles.xml`` (a ``w:style`` element holds no other) and parses that
    alone; ``chain`` follows ``basedOn`` the same way. A part whose markup the
    byte search cannot follow is parsed whole, as before.
    """

    styles: dict[str, _Style | None] = field(default_factory=dict)
    default_paragraph: str | None = None
    raw: _Inflating | None = None
    prefix: bytes = b""  # the namespace prefix of WordprocessingML in styles.xml ("w:")
    namespace: str = W_TRANSITIONAL
    # What each style id used says along its basedOn chain, worked out once.
    _levels: dict[str | None, int | None] = field(default_factory=dict)
    _numbering: dict[str | None, tuple[str | None, int | None]] = field(default_factory=dict)

    def style(self, style_id: str) -> _Style | None:
        if style_id not in self.styles:
            self.styles[style_id] = self._find(style_id) if self.raw is not None else None
        return self.styles[style_id]

    def _find(self, style_id: str) -> _Style | None:
        assert self.raw is not None
        raw = self.raw
        p = re.escape(self.prefix)
        # [^<>]: a tag ends before the next one begins (XML allows no < inside a tag), so each
        # try reads to the next < at most: linear in the part, however its tags are broken.
        opening = re.compile(rb"<" + p + rb"style\b(?=[^<>]*\s" + p + rb"styleId=[\"']"
                             + re.escape(_xml_attr(style_id)) + rb"[\"'])[^<>]*>")
        pos = 0
        while (m := raw.tag(opening, pos)) is not None:
            pos = m.end()
            if m.group().endswith(b"/>"):
                element = m.group()
            else:
                end = raw.find(b"</" + self.prefix + b"style>", m.end())
                if end < 0:
                    return None
                element = raw.data[m.start():end + len(self.prefix) + 8]
            node = _parse_fragment(element, self.prefix, self.namespace)
            if node is None:
                return None
            w = "{%s}" % self.namespace
            if node.get(f"{w}type") in (None, "paragraph"):
                return _style_of(node, w)
        return None

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.style(style_id)
            if style is None:
                return
            yield style
            style_id = style.based_on

    def level(self, style_id: str | None) -> int | None:
        if style_id not in self._levels:
            self._levels[style_id] = self._level(style_id)
        return self._levels[style_id]

    def _level(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            heading = _HEADING_NAME.match(style.name.strip())
            if heading:
                return int(heading.group(1))
            if style.outline is not None:
                return _outline_level(style.outline)
        return None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        if style_id not in self._numbering:
            self._numbering[style_id] = self._numbering_of(style_id)
        return self._numbering[style_id]

    def _numbering_of(self, style_id: str | None) -> tuple[str | None, int | None]:
        num_id, ilvl = None, None
        for style in self.chain(style_id):
            num_id = num_id if num_id is not None else style.num_id
            ilvl = ilvl if ilvl is not None else style.ilvl
        return num_id, ilvl

    def num_of_style(self, style_id: str) -> str | None:
        return self.numbering(style_id)[0]


Relationships = tuple[tuple[str, str, str | None], ...]  # (type, target, target mode)


class _Package:
    def __init__(self, package: SafeZip, path: Path) -> None:
        self.package = package
        self.path = path
        self.main = self._main_part()
        root = self._xml(self.main)
        if root is None:
            raise ReadError("corrupt", path=str(path), format="DOCX",
                            detail="word/document.xml is missing")
        self.ns = etree.QName(root).namespace or W_TRANSITIONAL
        if self.ns not in (W_TRANSITIONAL, W_STRICT):
            raise ReadError("corrupt", path=str(path), format="DOCX",
                            detail=f"unexpected namespace {self.ns}")
        self.w = "{%s}" % self.ns
        body = root.find(f"{self.w}body")
        if body is None:
            raise ReadError("no_body", path=str(path))
        self.body: etree._Element = body
        self.rels = self._rels(self.main)
        self.styles = self._styles()
        self._numbering: Numbering | None = None

    @property
    def numbering(self) -> Numbering:
        """The numbering part, parsed when the first paragraph in a list needs its label."""
        if self._numbering is None:
            self._numbering = Numbering.parse(self._related("numbering"), self.w)
        return self._numbering

    def source(self) -> Source:
        blocks = list(_Walker(self, numbered=True).blocks(self.body, "paragraph"))
        for kind in ("footnotes", "endnotes"):
            notes = self._related(kind)
            if notes is not None:
                blocks.extend(self._notes(notes))
        return Source(path=str(self.path), format="docx", blocks=tuple(blocks),
                      furniture=self._furniture())

    # --- parts -----------------------------------------------------------
    def _main_part(self) -> str:
        for kind, target, _ in self._relationships("_rels/.rels"):
            if kind.endswith("/officeDocument"):
                target = target.lstrip("/")
                if self.package.has(target):
                    return target
        return "word/document.xml"

    def _relationships(self, name: str) -> Relationships:
        """The relationships a part lists; none if it is missing."""
        if not self.package.has(name):
            return ()
        root = parse_xml(self.package.read(name), self.path, "DOCX")
        return tuple((rel.get("Type", ""), rel.get("Target", ""), rel.get("TargetMode"))
                     for rel in root.iter(f"{REL}Relationship"))

    def _xml(self, name: str) -> etree._Element | None:
        if not self.package.has(name):
            return None
        return parse_xml(self.package.read(name), self.path, "DOCX")

    def _rels(self, part: str) -> list[tuple[str, str]]:
        folder, name = posixpath.split(part)
        out = []
        for kind, target, mode in self._relationships(posixpath.join(folder, "_rels", name + ".rels")):
            if mode == "External":
                continue
            full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            out.append((kind.rsplit("/", 1)[-1], full))
        return out

    def _related(self, kind: str) -> etree._Element | None:
        for rel_kind, target in self.rels:
            if rel_kind == kind:
                return self._xml(target)
        return None

    def _styles(self) -> _Styles:
        target = next((t for kind, t in self.rels if kind == "styles"), None)
        if target is None or not self.package.has(target):
            return _Styles(namespace=self.ns)
        return self._read_styles(target)

    def _read_styles(self, target: str) -> _Styles:
        styles = _Styles(namespace=self.ns)
        raw = _Inflating(self.package.pieces(target))
        head = raw.head(4096)
        prefix = _prefix_of(head, self.ns)
        default = None if prefix is None else _default_style(raw, prefix)
        if prefix is not None and not isinstance(default, bool):
            check_xml_head(head, self.path)
            styles.raw, styles.prefix = raw, prefix
            styles.default_paragraph = default
            return styles
        # Markup the byte search cannot follow: parse the whole part.
        root = parse_xml(raw.whole(), self.path, "DOCX")
        w = self.w
        for node in root.iterchildren(f"{w}style"):
            if node.get(f"{w}type") not in (None, "paragraph"):
                continue
            style_id = node.get(f"{w}styleId", "")
            styles.styles[style_id] = _style_of(node, w)
            if node.get(f"{w}default") in ("1", "true", "on"):
                styles.default_paragraph = style_id
        return styles

    def _notes(self, root: etree._Element) -> Iterator[RawBlock]:
        walker = _Walker(self, numbered=False)
        for note in root:
            if note.get(f"{self.w}type") in _NOTE_SEPARATORS:
                continue
            yield from walker.blocks(note, "paragraph")

    def _furniture(self) -> tuple[str, ...]:
        walker = _Walker(self, numbered=False)
        texts: list[str] = []
        for kind, target in self.rels:
            if kind not in ("header", "footer"):
                continue
            root = self._xml(target)
            if root is None:
                continue
            for block in walker.blocks(root, "paragraph"):
                if block.text not in texts:
                    texts.append(block.text)
        return tuple(texts)


class _Walker:
    """Turns block containers (body, cell, text box, note) into RawBlocks."""

    def __init__(self, package: _Package, numbered: bool) -> None:
        self.w = w = package.w
        self.package = package
        self.styles = package.styles
        self.numbered = numbered  # body paragraphs show their list labels; notes and headers do not
        self.ppr = f"{w}pPr"
        # kind -> the level of a paragraph with no properties of its own, when its style is in no list
        self._plain: dict[str, int | None] = {}

    def blocks(self, children: Iterable[etree._Element], kind: str) -> Iterator[RawBlock]:
        for child in children:
            local = _local(child, self.w)
            if local == "p":
                yield from self._paragraph(child, kind)
            elif local == "tbl":
                yield from self._table(child)
            elif local in _WRAPPERS:
                yield from self.blocks(child, kind)
            elif local == "AlternateContent":
                yield from self.blocks(_choice(child), kind)

    def _paragraph(self, p: etree._Element, kind: str) -> Iterator[RawBlock]:
        parts: list[str] = []
        boxes: list[etree._Element] = []
        self._inline(p, parts, boxes)
        block = self._block("".join(parts), p.find(self.ppr), kind)
        if block is not None:
            yield block
        for box in boxes:
            yield from self.blocks(box, kind)

    def _block(self, text: str, ppr: etree._Element | None, kind: str) -> RawBlock | None:
        """A paragraph's block from its text and properties (None if it shows no text)."""
        if not text.strip():
            return None
        w = self.w
        style_id, num_id, ilvl, own = self.styles.default_paragraph, None, None, None
        if ppr is not None and len(ppr):  # python-docx writes an empty pPr on most paragraphs
            style_id = _val(ppr.find(f"{w}pStyle"), w) or style_id
            num_id, ilvl = _num_pr(ppr, w)
            own = to_int(_val(ppr.find(f"{w}outlineLvl"), w), None)
            plain = False
        elif kind in self._plain:  # the default style's look, in no list: worked out below once
            return RawBlock(text, kind, self._plain[kind])  # type: ignore[arg-type]
        else:
            plain = True
        in_list = self._list(num_id, ilvl, style_id)
        level = None
        if kind == "paragraph":
            level = _outline_level(own) if own is not None else self.styles.level(style_id)
        if in_list is None:
            if plain:
                self._plain[kind] = level
            return RawBlock(text, kind, level)  # type: ignore[arg-type]
        return RawBlock(self.package.numbering.label(*in_list, self.styles.num_of_style) + text,
                        kind, level)  # type: ignore[arg-type]

    def _list(self, num_id: str | None, ilvl: int | None, style_id: str | None) -> tuple[str, int] | None:
        """The list and level a paragraph's label comes from (its own or its style's); None if
        it shows none (not in a list, or where labels are not shown)."""
        if not self.numbered:
            return None
        style_num, style_ilvl = self.styles.numbering(style_id)
        num_id = num_id if num_id is not None else style_num
        ilvl = ilvl if ilvl is not None else (style_ilvl or 0)
        if not num_id or num_id == "0":
            return None
        return num_id, ilvl

    def _inline(self, children: Iterable[etree._Element], out: list[str],
                boxes: list[etree._Element]) -> None:
        for child in children:
            local = _local(child, self.w)
            if local is None:
                if child.tag == f"{MC}AlternateContent":
                    self._inline(_choice(child), out, boxes)
                elif isinstance(child.tag, str):
                    self._inline(child, out, boxes)  # drawings: look for text boxes
            elif local == "t":
                out.append(child.text or "")
            elif local in _CHARS:
                out.append(_CHARS[local])
            elif local == "sym":
                out.append(_symbol(child.get(f"{self.w}char")))
            elif local == "txbxContent":
                boxes.append(child)
            elif local not in _SKIP:
                self._inline(child, out, boxes)

    def _table(self, tbl: etree._Element) -> Iterator[RawBlock]:
        for row in _descend(tbl, self.w, "tr"):
            for cell in _descend(row, self.w, "tc"):
                if self._continues_merge(cell):
                    continue
                own = [child for child in cell if _local(child, self.w) != "tbl"]
                text = "\n".join(b.text for b in self.blocks(own, "cell"))
                if text.strip():
                    yield RawBlock(text=text, kind="cell")
                for nested in _descend(cell, self.w, "tbl"):
                    yield from self._table(nested)

    def _continues_merge(self, cell: etree._Element) -> bool:
        tcpr = cell.find(f"{self.w}tcPr")
        for tag in ("vMerge", "hMerge"):
            merge = _find(tcpr, f"{self.w}{tag}")
            if merge is not None and merge.get(f"{self.w}val", "continue") != "restart":
                return True
        return False


def _style_of(node: etree._Element, w: str) -> _Style:
    ppr = node.find(f"{w}pPr")
    num_id, ilvl = _num_pr(ppr, w)
    return _Style(name=_val(node.find(f"{w}name"), w) or "", based_on=_val(node.find(f"{w}basedOn"), w),
                  outline=to_int(_val(_find(ppr, f"{w}outlineLvl"), w), None), num_id=num_id, ilvl=ilvl)


def _prefix_of(raw: bytes, namespace: str) -> bytes | None:
    """The prefix (``w:``) the part binds WordprocessingML to; None if it is the default namespace."""
    head = raw[:4096]
    if b"<!" in head.split(b"?>", 1)[-1][:200] or not head.lstrip().startswith((b"<?xml", b"<")):
        return None  # a declaration before the root: leave it to the full parser (which refuses a DTD)
    root = re.search(rb"<([A-Za-z_][\w.-]*:)?styles[\s>]", head)
    if root is None or root.group(1) is None:
        return None  # elements in the default namespace
    prefix = root.group(1)
    bound = re.search(rb"xmlns:" + re.escape(prefix[:-1]) + rb"=[\"']" + re.escape(namespace.encode()) + rb"[\"']",
                      head)
    return prefix if bound else None


def _default_style(raw: _Inflating, prefix: bytes) -> str | bool | None:
    """The default paragraph style's id; None if there is none, False if it cannot be told from bytes."""
    p = re.escape(prefix)
    opening = re.compile(rb"<" + p + rb"style\b[^<>]*>")  # [^<>]: see _Styles._find
    pos = 0
    while (m := raw.tag(opening, pos)) is not None:
        pos = m.end()
        tag = m.group()
        if not re.search(rb"\s" + p + rb"default=[\"'](?:1|true|on)[\"']", tag):
            continue
        kind = re.search(rb"\s" + p + rb"type=[\"']([^\"']*)[\"']", tag)
        if kind is not None and kind.group(1) != b"paragraph":
            continue
        found = re.search(rb"\s" + p + rb"styleId=[\"']([^\"']*)[\"']", tag)
        if found is None or b"&" in found.group(1):
            return False
        try:
            return found.group(1).decode("utf-8")
        except UnicodeDecodeError:
            return False
    return None


def _xml_attr(value: str) -> bytes:
    """A style id as it stands in an attribute."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;").encode("utf-8")


def _parse_fragment(element: bytes, prefix: bytes, namespace: str) -> etree._Element | None:
    """One ``w:style`` element parsed on its own (its prefix bound), or None if it will not parse."""
    name = prefix[:-1].decode("ascii")
    wrapped = (f'<{name}:styles xmlns:{name}="{namespace}">'.encode() + element + f"</{name}:styles>".encode())
    try:
        return etree.fromstring(wrapped, FRAGMENT_PARSER)[0]
    except (etree.XMLSyntaxError, IndexError, ValueError):
        return None


def _local(el: etree._Element, w: str) -> str | None:
    """The local name of a WordprocessingML element, None for anything else."""
    tag = el.tag
    if isinstance(tag, str) and tag.startswith(w):
        return tag[len(w):]
    return None


def _choice(alternate: etree._Element) -> list[etree._Element]:
    """The content of an mc:AlternateContent: its first Choice, else its Fallback."""
    for tag in (f"{MC}Choice", f"{MC}Fallback"):
        branch = alternate.find(tag)
        if branch is not None:
            return list(branch)
    return []


def _descend(el: etree._Element, w: str, tag: str) -> Iterator[etree._Element]:
    """Children named ``tag``, looking through content controls and custom XML."""
    for child in el:
        local = _local(child, w)
        if local == tag:
            yield child
        elif local in _WRAPPERS:
            yield from _descend(child, w, tag)


def _num_pr(ppr: etree._Element | None, w: str) -> tuple[str | None, int | None]:
    """The list (numId) and level (ilvl) that paragraph properties put a paragraph in."""
    num_pr = _find(ppr, f"{w}numPr")
    if num_pr is None:
        return None, None
    return _val(num_pr.find(f"{w}numId"), w), to_int(_val(num_pr.find(f"{w}ilvl"), w), None)


def _find(el: etree._Element | None, tag: str) -> etree._Element | None:
    return None if el is None else el.find(tag)


def _val(el: etree._Element | None, w: str) -> str | None:
    return None if el is None else el.get(f"{w}val")


def _outline_level(outline: int) -> int | None:
    # w:outlineLvl 0-8 are heading levels 1-9; 9 means body text.
    return outline + 1 if 0 <= outline <= 8 else None


def _symbol(char: str | None) -> str:
    code = to_int(char, None, base=16)
    # Symbol-font characters sit in the private use area F000-F0FF: no meaning to keep.
    if code is None or 0xE000 <= code <= 0xF8FF or not 0 < code <= 0x10FFFF:
        return ""
    return chr(code)
