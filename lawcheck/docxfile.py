"""Writing .docx files that do not change from run to run: undated comments, fixed zip times.

``annotate`` (the commented copy), ``template`` (the skeleton) and the example
generator all save through :func:`docx_bytes`, so equal content gives equal bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.run import Run

ZIP_DATE = (2025, 1, 1, 0, 0, 0)
INITIALS = "LC"


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
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
