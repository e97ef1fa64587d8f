"""Writing an output file safely: under a temporary name beside it, renamed into place when done.

A reader of the output never sees half a file, an interrupted run leaves none
behind, and the file gets the permissions any new file gets (the umask), not
the private mode of a temporary file. An output that is not a file but a
device or a pipe (``-o /dev/null``, ``-o /dev/stdout``, a named pipe) is
written to as it is: renaming a file over it would put a file in its place.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import IO

from lawcheck.errors import LawcheckError


# Temporary names of the outputs being written, for a signal to remove (see ``remove_unfinished``).
_UNFINISHED: set[str] = set()
# The outputs put in place by this run, in order, for a signal to name (see ``written``).
_WRITTEN: list[str] = []


def written() -> list[str]:
    """The output files this run has put in place so far (whole: each was renamed into place)."""
    return list(_WRITTEN)


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
        self.tmp: str | None = None  # none for a device or a pipe, written in place
        self.done = False
        if _is_stream(path):
            try:
                self.fh: IO[bytes] = open(path, "wb")  # noqa: SIM115 - closed by commit or abort
            except OSError as e:
                raise LawcheckError("usage-output-dir", path=str(path), error=e.strerror or str(e)) from None
            return
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.target.name}.", dir=self.target.parent)
        except OSError as e:
            raise LawcheckError("usage-output-dir", path=str(path), error=e.strerror or str(e)) from None
        _UNFINISHED.add(tmp)  # from its first moment: a signal arriving now removes it too
        self.tmp = tmp
        try:
            _private_to_ordinary(fd, tmp)
            self.fh = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            self._remove_tmp()
            raise

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def commit(self) -> None:
        if self.done:
            return
        self.fh.close()
        if self.tmp is None:  # a device or a pipe: written in place
            self.done = True
            return
        try:
            os.replace(self.tmp, self.target)
        except OSError as e:
            self.abort()
            raise LawcheckError("usage-output-dir", path=str(self.path), error=e.strerror or str(e)) from None
        self.done = True
        _UNFINISHED.discard(self.tmp)
        _WRITTEN.append(str(self.path))

    def abort(self) -> None:
        if self.done:
            return
        self.done = True
        self.fh.close()
        self._remove_tmp()

    def _remove_tmp(self) -> None:
        if self.tmp is None:
            return
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass
        _UNFINISHED.discard(self.tmp)


def _private_to_ordinary(fd: int, tmp: str) -> None:
    """mkstemp makes a file only its owner may read; an output gets what any new file gets (the umask).

    ``os.fchmod`` is POSIX-only before Python 3.13 on Windows, where only the
    read-only bit exists and a new file is writable already: there, by name.
    """
    mode = 0o666 & ~_umask()
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:
        os.chmod(tmp, mode)


def _is_stream(path: Path) -> bool:
    """Whether ``path`` names a device, a pipe or a socket (following links), not a file to replace."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # not there yet (or unreachable: mkstemp says why)
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    out = AtomicFile(path)
    try:
        out.write(data)
    except BaseException:
        out.abort()
        raise
    out.commit()
