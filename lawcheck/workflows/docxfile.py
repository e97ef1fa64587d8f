"""Writing .docx files that do not change from run to run: undated comments, fixed zip times.

``annotate`` (the commented copy), ``template`` (the skeleton) and the example
generator all save through :func:`docx_bytes`, so equal content gives equal bytes.

A report to comment on is opened by :func:`open_for_comments`: python-docx
loads every part a package relates, and one settings part of 190 MB (which no
bomb check refuses: it compresses as a real part does) took it 3 GB. It is
shown only the parts commenting reads or writes (the main document, its
styles and its comments); every other relationship is marked external, so
nothing is loaded for it and its id stays taken. :func:`save_commented` then
writes the original package with those parts replaced, the relationships and
content types python-docx added merged into the original ones, and every
other part copied in steps, never whole in memory.
"""

from __future__ import annotations

import io
import posixpath
import shutil
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.text.run import Run
from lxml import etree

ZIP_DATE = (2025, 1, 1, 0, 0, 0)
INITIALS = "LC"
CONTENT_TYPES = "[Content_Types].xml"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# The relationships commenting follows: to the main document, and from it to its styles and comments.
KEPT = frozenset({RT.OFFICE_DOCUMENT, RT.STYLES, RT.COMMENTS})
_COPY_STEP = 1 << 20
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, dtd_validation=False, load_dtd=False)


def comment(document: DocxDocument, runs: Sequence[Run], text: str, author: str) -> None:
    """A Word comment on ``runs``, without a date so the bytes do not depend on when."""
    added = document.add_comment(list(runs), text=text, author=author, initials=INITIALS)
    attributes = added._comment_elm.attrib
    if qn("w:date") in attributes:
        del attributes[qn("w:date")]


def docx_bytes(document: DocxDocument, date_time: tuple[int, int, int, int, int, int] = ZIP_DATE) -> bytes:
    """The document saved with every zip entry dated ``date_time``."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(_entry(info.filename, date_time), src.read(info.filename))
    return out.getvalue()


@dataclass(frozen=True)
class Opened:
    """A report opened for comments: what python-docx was shown, and the original package."""

    document: DocxDocument
    original: bytes
    shown: frozenset[str]  # the parts python-docx has (and may have changed)


def open_for_comments(data: bytes) -> Opened:
    """The report ``data`` opened by python-docx with only the parts commenting touches."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = set(src.namelist())
        reduced = io.BytesIO()
        shown: set[str] = set()
        with zipfile.ZipFile(reduced, "w", zipfile.ZIP_STORED) as out:
            out.writestr(CONTENT_TYPES, src.read(CONTENT_TYPES))
            pending = [""]  # the package itself, then each part kept
            while pending:
                source = pending.pop()
                rels = _rels_name(source)
                if rels not in names:
                    continue
                tree = etree.fromstring(src.read(rels), _SAFE)
                for rel in tree.iter(_REL):
                    target = _target(source, rel.get("Target", ""))
                    if rel.get("TargetMode") == "External":
                        continue
                    if rel.get("Type") in KEPT and target in names:
                        if target not in shown:
                            shown.add(target)
                            out.writestr(target, src.read(target))
                            pending.append(target)
                    else:
                        rel.set("TargetMode", "External")  # not loaded; its id stays taken
                out.writestr(rels, etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True))
    document = docx.Document(io.BytesIO(reduced.getvalue()))
    return Opened(document, data, frozenset(shown))


def save_commented(opened: Opened, date_time: tuple[int, int, int, int, int, int] = ZIP_DATE) -> bytes:
    """The original package with the parts python-docx had replaced by its versions, the
    relationships and content types it added merged in, the rest copied as it was."""
    saved = io.BytesIO()
    opened.document.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as new, zipfile.ZipFile(io.BytesIO(opened.original)) as old, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        made = set(new.namelist())
        written: set[str] = set()
        for info in old.infolist():
            name = info.filename
            if name in written:
                continue
            written.add(name)
            if name == CONTENT_TYPES and name in made:
                dst.writestr(_entry(name, date_time), _merged_types(old.read(name), new.read(name)))
            elif name.endswith(".rels") and name in made:
                dst.writestr(_entry(name, date_time), _merged_rels(old.read(name), new.read(name)))
            elif name in opened.shown and name in made:
                dst.writestr(_entry(name, date_time), new.read(name))
            else:
                with old.open(info) as part, dst.open(_entry(name, date_time), "w", force_zip64=True) as copy:
                    shutil.copyfileobj(part, copy, _COPY_STEP)
        for name in sorted(made - written):  # parts python-docx added (the comments of a report without)
            dst.writestr(_entry(name, date_time), new.read(name))
    return out.getvalue()


def _entry(name: str, date_time: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=date_time)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = 0o644 << 16
    return entry


def _rels_name(part: str) -> str:
    """The relationships part of ``part`` ("" for the package)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _target(source: str, target: str) -> str:
    """A relationship's target as a part name in the zip."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target)).lstrip("/")


def _merged_rels(original: bytes, saved: bytes) -> bytes:
    """The original relationships, with those python-docx added (ids it had not seen taken)."""
    tree = etree.fromstring(original, _SAFE)
    ids = {rel.get("Id") for rel in tree.iter(_REL)}
    for rel in etree.fromstring(saved, _SAFE).iter(_REL):
        if rel.get("Id") not in ids:
            tree.append(rel)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)


def _merged_types(original: bytes, saved: bytes) -> bytes:
    """The original content types, with the overrides and defaults python-docx added."""
    tree = etree.fromstring(original, _SAFE)
    parts = {o.get("PartName") for o in tree.iter(f"{_TYPES}Override")}
    extensions = {d.get("Extension", "").lower() for d in tree.iter(f"{_TYPES}Default")}
    for element in etree.fromstring(saved, _SAFE):
        if element.tag == f"{_TYPES}Override" and element.get("PartName") not in parts:
            tree.append(element)
        elif element.tag == f"{_TYPES}Default" and element.get("Extension", "").lower() not in extensions:
            tree.insert(0, element)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
