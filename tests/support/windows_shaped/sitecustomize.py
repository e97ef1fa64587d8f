"""Python with the POSIX-only calls lawcheck could reach taken away, as they are on Windows.

Put on ``PYTHONPATH``, this runs at the start of every Python process, the
workers that ``spawn`` starts included. It takes away what Windows lacks and
what a careless line would reach for: ``os.fchmod`` (POSIX only before 3.13),
``os.fork`` and the ``fork``/``forkserver`` start methods, ``signal.SIGKILL``,
``os.getuid``/``os.geteuid``, the ``resource`` module, and ``ctypes.CDLL(None)``
(which raises TypeError on Windows). What the standard library itself needs
on this machine is left working the way Windows' own code works: a process
is killed by terminating it.
"""

import ctypes
import multiprocessing
import multiprocessing.context
import os
import signal
import sys

import psutil  # noqa: F401 - its Linux part imports resource; on Windows it has its own

for _name in ("fchmod", "fork", "forkpty", "getuid", "geteuid", "getpgid", "killpg", "setsid", "wait4"):
    if hasattr(os, _name):
        delattr(os, _name)
if hasattr(signal, "SIGKILL"):
    del signal.SIGKILL
sys.modules["resource"] = None  # type: ignore[assignment]  # import resource: ImportError


def _spawn_only(*args: object, **kwargs: object) -> list[str]:
    return ["spawn"]


multiprocessing.get_all_start_methods = _spawn_only  # type: ignore[assignment]
multiprocessing.context.DefaultContext.get_all_start_methods = _spawn_only  # type: ignore[method-assign]
multiprocessing.set_start_method("spawn", force=True)

from multiprocessing import popen_fork  # noqa: E402

popen_fork.Popen.kill = popen_fork.Popen.terminate  # type: ignore[method-assign]  # TerminateProcess


class _CDLL(ctypes.CDLL):
    def __init__(self, name: object, *args: object, **kwargs: object) -> None:
        if name is None:  # Windows has no "this process's own symbols"
            raise TypeError("expected str, bytes or os.PathLike object, not NoneType")
        super().__init__(name, *args, **kwargs)  # type: ignore[arg-type]


ctypes.CDLL = _CDLL  # type: ignore[misc]
os.environ["LAWCHECK_WINDOWS_SHAPED"] = "1"  # for the test to see this ran, in every process
