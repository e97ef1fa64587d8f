"""Guards against hostile input: zip bombs and XML entity tricks.

Zip-based formats (.docx, .odt) are opened through :class:`SafeZip`, which checks
the sizes the archive declares before anything is inflated and then caps every
read, since a declared size can lie. XML is parsed by :func:`parse_xml`, which
refuses any DOCTYPE (so no entity is ever declared, let alone resolved) and
never touches the network.
"""

from __future__ import annotations

from typing import Any

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from lawcheck.errors import ReadError

MAX_MEMBER_SIZE = 200 * 1024 * 1024  # one inflated part
MAX_TOTAL_SIZE = 500 * 1024 * 1024  # all parts together
MAX_RATIO = 200  # inflated / compressed, for parts big enough to matter
MAX_MEMBERS = 10_000
_RATIO_FLOOR = 1024 * 1024  # small parts may compress very well

class SafeZip:
    """A zip archive read with limits; errors become :class:`ReadError`."""

    def __init__(self, data: bytes, path: Path, fmt: str) -> None:
        self.path = path
        self.fmt = fmt
        self._data = data
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise ReadError("corrupt", path=str(path), format=fmt, detail=str(exc)) from exc
        self._infos = {info.filename: info for info in infos}
        self._check_declared(infos)

    def _check_declared(self, infos: list[zipfile.ZipInfo]) -> None:
        total = sum(info.file_size for info in infos)
        bomb = len(infos) > MAX_MEMBERS or total > MAX_TOTAL_SIZE or any(
            info.file_size > MAX_MEMBER_SIZE
            or (info.file_size > _RATIO_FLOOR
                and info.file_size > MAX_RATIO * max(info.compress_size, 1))
            for info in infos
        )
        if bomb:
            raise ReadError("zip_bomb", path=str(self.path))

    def has(self, name: str) -> bool:
        return name in self._infos

    def names(self) -> list[str]:
        return list(self._infos)

    def read(self, name: str) -> bytes:
        """Inflate one member, never more than its limit, whatever it declares."""
        info = self._infos[name]
        limit = min(MAX_MEMBER_SIZE, max(info.file_size, 0))
        try:
            with self._zip.open(info) as member:
                data = member.read(limit + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                RuntimeError) as exc:
            # RuntimeError: a member encrypted with a zip password.
            raise ReadError("corrupt", path=str(self.path), format=self.fmt,
                            detail=f"{name}: {exc}") from exc
        if len(data) > limit:
            raise ReadError("zip_bomb", path=str(self.path))
        return data

    def pieces(self, name: str) -> Iterator[bytes]:
        """Inflate one member piece by piece, as it is asked for, within the same limit as :meth:`read`."""
        info = self._infos[name]
        limit = min(MAX_MEMBER_SIZE, max(info.file_size, 0))
        size, total = 1 << 15, 0
        try:
            with self._zip.open(info) as member:
                while piece := member.read(size):
                    total += len(piece)
                    if total > limit:
                        raise ReadError("zip_bomb", path=str(self.path))
                    yield piece
                    size = min(size * 2, 1 << 22)  # a long part in few pieces: joining stays linear
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                RuntimeError, zlib.error) as exc:
            raise ReadError("corrupt", path=str(self.path), format=self.fmt,
                            detail=f"{name}: {exc}") from exc

    def close(self) -> None:
        self._zip.close()


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           load_dtd=False, dtd_validation=False, remove_comments=True,
                           remove_pis=True)


# For a fragment cut from a part whose head was checked (see readers.docx styles).
FRAGMENT_PARSER = _parser()


def check_xml_head(data: bytes, path: Path) -> None:
    """Refuse a part that declares a DOCTYPE or ENTITY."""
    head = data[:4096].replace(b"\x00", b"")  # also catches UTF-16 declarations
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise ReadError("xml_entities", path=str(path))


def parse_xml(data: bytes, path: Path, fmt: str) -> etree._Element:
    """Parse a part of a package; a DOCTYPE or ENTITY declaration is refused."""
    check_xml_head(data, path)
    try:
        root = etree.fromstring(data, _parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ReadError("corrupt", path=str(path), format=fmt, detail=str(exc)) from exc
    doc: Any = root.getroottree().docinfo
    if doc.doctype or doc.internalDTD is not None:
        raise ReadError("xml_entities", path=str(path))
    return root
