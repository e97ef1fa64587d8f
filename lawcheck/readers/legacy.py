"""Old binary Word and WPS files (.doc, .wps): refused with the command that converts them.

These are OLE2 containers whose text is stored in piece tables that no
maintained pure-Python library reads reliably; LibreOffice converts them
faithfully. A .doc that is really HTML, RTF, plain text or .docx (as web
systems often export) never reaches this reader: ``read`` sniffs the content
and uses the right reader.
"""

from __future__ import annotations

from pathlib import Path

from lawcheck.errors import ReadError
from lawcheck.document.model import Source


def read(path: Path, data: bytes) -> Source:
    """Refuse a legacy binary document, naming the conversion command."""
    raise ReadError("legacy_doc", path=str(path))
