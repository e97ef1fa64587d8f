"""Writing an output file safely: under a temporary name beside it, renamed into place when done.

A reader of the output never sees half a file, an interrupted run leaves none
behind, and the file gets the permissions any new file gets (the umask), not
the private mode of a temporary file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO

from lawcheck.errors import LawcheckError


# Temporary names of the outputs being written, for a signal to remove (see ``remove_unfinished``).
_UNFINISHED: set[str] = set()


def remove_unfinished() -> None:
    """Remove every output still being written: safe inside a signal handler (no locks, no unwinding)."""
    for tmp in list(_UNFINISHED):
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class AtomicFile:
    """An output file being written; ``commit`` puts it in place, ``abort`` removes it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.target = path.resolve()
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", dir=self.target.parent)
        except OSError as e:
            raise LawcheckError("usage-output-dir", path=str(path), error=e.strerror or str(e)) from None
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes it private; an output is an ordinary file
        self.fh: IO[bytes] = os.fdopen(fd, "wb")
        self.done = False
        _UNFINISHED.add(self.tmp)

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def commit(self) -> None:
        if self.done:
            return
        self.fh.close()
        try:
            os.replace(self.tmp, self.target)
        except OSError as e:
            self.abort()
            raise LawcheckError("usage-output-dir", path=str(self.path), error=e.strerror or str(e)) from None
        self.done = True
        _UNFINISHED.discard(self.tmp)

    def abort(self) -> None:
        if self.done:
            return
        self.done = True
        self.fh.close()
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass
        _UNFINISHED.discard(self.tmp)


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    out = AtomicFile(path)
    try:
        out.write(data)
    except BaseException:
        out.abort()
        raise
    out.commit()
