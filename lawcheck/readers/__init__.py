"""Read a report file into a :class:`~lawcheck.document.model.Source`, whatever its format.

``read`` checks the path (missing, a folder, unreadable, empty, too large),
then sniffs the content (:mod:`.sniff`) instead of trusting the suffix: a file
whose content is another report format we read is read as that format; one
whose content is not a report (a workbook, an image...) is refused by name.
Every failure is a :class:`~lawcheck.errors.ReadError`; whatever a parsing
library raises on damaged input becomes ``ReadError("corrupt")``.

A new format is one module with ``read(path, data) -> Source`` and one
:class:`Format` record in ``FORMATS``: the suffixes, the sniffed kinds and the
rest are derived from it.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from typing import BinaryIO
from dataclasses import dataclass, replace
from pathlib import Path

from lawcheck.errors import ReadError
from lawcheck.messages.safe import CONTROLS, strip_controls
from lawcheck.document.model import Source
from lawcheck.lazy import lazy
from lawcheck.readers import legacy, txt
from lawcheck.readers.sniff import sniff

DEFAULT_MAX_SIZE = 50 * 1024 * 1024
# A paragraph longer than this is not a report's (300 pages on one line): a data dump or a
# file made to be slow, refused before the work that grows with a paragraph's length.
MAX_BLOCK_CHARS = 1_000_000

Reader = Callable[[Path, bytes], Source]


@dataclass(frozen=True)
class Format:
    """A report format: the suffixes that name it, the content kinds that are it, its reader.

    ``sniffs``: content kinds (see :mod:`.sniff`) read by this reader whatever the
    suffix says. ``any_text``: under these suffixes, any text content goes to this
    reader. ``plain``: a file of this format without text is simply empty (not a
    document without a body). ``legacy``: a binary format we do not read; an OLE2
    file under these suffixes is refused as one, plain text in one is read as text.
    """

    name: str
    suffixes: tuple[str, ...]
    read: Reader
    sniffs: tuple[str, ...] = ()
    any_text: bool = False
    plain: bool = False
    legacy: bool = False


# Heavy parsers are imported for a file of their format only.
FORMATS: tuple[Format, ...] = (
    Format("txt", (".txt",), txt.read, any_text=True, plain=True),
    Format("md", (".md", ".markdown"), lazy("lawcheck.readers.markdown", "read"), any_text=True, plain=True),
    Format("docx", (".docx",), lazy("lawcheck.readers.docx", "read"), sniffs=("docx",)),
    Format("pdf", (".pdf",), lazy("lawcheck.readers.pdf", "read"), sniffs=("pdf",)),
    Format("html", (".html", ".htm"), lazy("lawcheck.readers.html", "read"), sniffs=("html",), any_text=True),
    Format("odt", (".odt",), lazy("lawcheck.readers.odt", "read"), sniffs=("odt",)),
    Format("rtf", (".rtf",), lazy("lawcheck.readers.rtf", "read"), sniffs=("rtf",), plain=True),
    Format("doc", (".doc", ".wps"), legacy.read, legacy=True),
)
BY_SUFFIX: dict[str, Format] = {suffix: f for f in FORMATS for suffix in f.suffixes}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(BY_SUFFIX)  # what a batch picks up (old .doc files are named)
# What lawcheck reads: the formats it tells users it supports (.doc and .wps are refused with advice).
READABLE_SUFFIXES: tuple[str, ...] = tuple(s for f in FORMATS if not f.legacy for s in f.suffixes)
_BY_CONTENT: dict[str, Format] = {kind: f for f in FORMATS for kind in f.sniffs}
_BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}
# Sniffed content that is not a report at all: the key of the message saying so.
_NOT_REPORTS: dict[str, str] = {
    "spreadsheet": "content_is_spreadsheet",
    "presentation": "content_is_presentation",
    "image": "content_is_image",
    "archive": "content_is_archive",
    "encrypted": "encrypted",
    "legacy_doc": "legacy_doc",
}


def read(path: str | os.PathLike[str], *, max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """Read the report at ``path``; raise :class:`ReadError` if it cannot be read."""
    file = Path(path)
    shown = str(path)
    size = _check_path(file, shown)  # a missing file or a folder says so before its suffix
    _known_format(shown)
    return read_data(_read_bytes(file, shown, size, max_size), shown)


def read_stream(stream: BinaryIO, name: str, *, max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """Read a report from a stream (standard input); ``name``'s suffix says its format."""
    return read_data(stream_bytes(stream, name, max_size=max_size), name)


def stream_bytes(stream: BinaryIO, name: str, *, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """A report's bytes from a stream, refused if ``name`` names no format or they are too many."""
    _known_format(name)
    data = stream.read(max_size + 1)
    if len(data) > max_size:
        raise ReadError("too_large_stream", path=name, max_mb=plain_size(max_size))
    return data


def _known_format(shown: str) -> None:
    """Refuse a name whose suffix names no format lawcheck reads."""
    suffix = Path(shown).suffix.lower()
    if suffix not in BY_SUFFIX:
        raise ReadError("unknown_format", path=shown, suffix=suffix or "-", supported=" ".join(READABLE_SUFFIXES))


def read_data(data: bytes, shown: str) -> Source:
    """Read a report's bytes; ``shown`` names it (its suffix says what it should be)."""
    suffix = Path(shown).suffix.lower()
    if not data.strip():
        raise ReadError("empty", path=shown)
    try:
        source = _choose(data, suffix, shown)(Path(shown), data)
    except (ReadError, MemoryError):
        raise  # past the memory budget: the worker says so
    except Exception as exc:  # a parsing library's own error on damaged input
        raise ReadError("corrupt", path=shown, format=suffix.lstrip(".").upper(),
                        detail=f"{type(exc).__name__}: {exc}") from exc
    longest = max((len(b.text) for b in source.blocks), default=0)
    if longest > MAX_BLOCK_CHARS:
        raise ReadError("line_too_long", path=shown, chars=longest, limit=MAX_BLOCK_CHARS)
    source = _without_controls(source)
    if not any(block.text.strip() for block in source.blocks):
        plain = source.format in _BY_NAME and _BY_NAME[source.format].plain
        raise ReadError("empty" if plain else "no_text", path=shown)
    return source


def _without_controls(source: Source) -> Source:
    """The text with terminal control codes and bidi overrides taken out: they are not words,
    and no output should pass them on to the person reading it."""
    # One search over the text joined by line breaks (which CONTROLS leaves alone).
    if not CONTROLS.search("\n".join(b.text for b in source.blocks)) and not any(
            CONTROLS.search(t) for t in source.furniture):
        return source
    blocks = tuple(b._replace(text=strip_controls(b.text)) for b in source.blocks)
    return replace(source, blocks=blocks, furniture=tuple(strip_controls(t) for t in source.furniture))


def _check_path(file: Path, shown: str) -> int:
    """The size of the regular file at ``file``; anything else is refused."""
    try:
        info = file.stat()
    except FileNotFoundError as exc:  # also a symbolic link to nothing
        raise ReadError("not_found", path=shown) from exc
    except PermissionError as exc:
        raise ReadError("unreadable", path=shown) from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError("symlink_loop", path=shown) from exc
        raise ReadError("unreadable", path=shown, detail=str(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("is_directory", path=shown)
    if not stat.S_ISREG(info.st_mode):
        raise ReadError("not_a_file", path=shown)
    return info.st_size


def _read_bytes(file: Path, shown: str, size: int, max_size: int) -> bytes:
    """The file's bytes, never more than ``max_size`` of them."""
    if size > max_size:
        raise ReadError("too_large", path=shown, size_mb=plain_size(size), max_mb=plain_size(max_size))
    try:
        with file.open("rb") as handle:
            # As much as stat said, and one byte more to see if it grew: read(max_size + 1)
            # would allocate the whole limit (50 MB) for every 10 KB report.
            want = min(size, max_size) + 1
            data = handle.read(want)
            if len(data) == want:  # it grew since stat: read on, to the limit
                data += handle.read(max_size + 1 - len(data))
    except PermissionError as exc:
        raise ReadError("unreadable", path=shown) from exc
    except OSError as exc:
        raise ReadError("unreadable", path=shown, detail=str(exc)) from exc
    if len(data) > max_size:  # the file grew after stat
        raise ReadError("too_large", path=shown, size_mb=plain_size(len(data)), max_mb=plain_size(max_size))
    return data


def _choose(data: bytes, suffix: str, shown: str) -> Reader:
    """The reader for what the content is; refuse content that is not a report."""
    kind = sniff(data)
    named = BY_SUFFIX[suffix]
    # A binary format is read as what it is; markup in a text file is left to the suffix's reader.
    if kind in _BY_CONTENT and not (kind == "html" and named.any_text):
        return _BY_CONTENT[kind].read
    if kind == "ole_other" and named.legacy:
        kind = "legacy_doc"  # WPS's own binary format: an OLE2 file without "WordDocument"
    if kind in _NOT_REPORTS or kind == "ole_other":
        raise ReadError(_NOT_REPORTS.get(kind, "content_is_archive"), path=shown, suffix=suffix)
    if named.any_text:
        return named.read
    if named.legacy:  # a .doc that is really plain text
        return _BY_NAME["txt"].read
    raise ReadError("corrupt", path=shown, format=suffix.lstrip(".").upper(),
                    detail=f"content looks like {kind}")


def plain_size(size: int) -> str:
    """A size for people: "50 MB", "1.4 MB", "12.5 KB" or "300 B" (a small --max-size must not
    read 0.0 MB; a whole number of units is said without a decimal)."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} B"
