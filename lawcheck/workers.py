"""Reading and judging files in child processes, each file within a time and a memory budget.

A hostile file can make a parser loop, or allocate without end, inside C code
that no signal or thread can interrupt. So a file is read and judged in a
worker process; the parent gives each file ``Budget.seconds`` and kills the
worker past them (the file gets its sentence, a new worker takes the rest),
and bounds the worker's memory:

- Linux: an address-space limit (``RLIMIT_AS``) of what the worker had when it
  was ready plus ``Budget.megabytes``: an allocation past it fails at once
  (``MemoryError``), the worker reports the file and is replaced;
- macOS, Windows (no enforced address-space limit): the parent reads each busy
  worker's resident memory (psutil) every ``POLL`` seconds and kills it past
  the same bound, so a burst can overshoot by what it allocates in that time.

Workers are started with ``fork`` where the system has it and forking is safe
(Linux: the parent's loaded modules and checklist come for free), else with
``spawn`` (macOS, Windows). A worker ends with its parent however the parent
ends: Linux asks the kernel (``PR_SET_PDEATHSIG``), and everywhere a thread
watches the parent and exits when it is gone.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

POLL = 0.1  # seconds between looks at the workers' memory (where the system sets no limit)
DEPTH = 2  # tasks in a worker's pipe at once: it begins the next as it sends an answer
STOP_WAIT = 2.0  # seconds a worker is given to end after the pool closes
DEFAULT_SECONDS = 30.0
DEFAULT_MEGABYTES = 1024


@dataclass(frozen=True)
class Budget:
    """What reading and judging one file may take: seconds of wall time, megabytes of memory
    above what a worker holds when it is ready (real reports take a second and 100 MB)."""

    seconds: float = DEFAULT_SECONDS
    megabytes: int = DEFAULT_MEGABYTES


@dataclass(frozen=True)
class Outcome:
    """What became of one task: ``ok`` (``value`` is what the function returned), ``raised``
    (``value`` is the exception, or its text if it would not pickle), ``time`` or ``memory``
    (past the budget), ``died`` (the worker ended without a word; ``value`` its exit code)."""

    kind: str
    value: Any = None


def start_method() -> str:
    """``fork`` on Linux (cheap, and what was loaded comes along), ``spawn`` elsewhere: macOS
    forks unsafely past its system libraries, Windows cannot fork."""
    methods = multiprocessing.get_all_start_methods()
    return "fork" if sys.platform.startswith("linux") and "fork" in methods else "spawn"


class Pool:
    """``jobs`` workers, each set up once with ``setup(*setup_args)`` (load the checklist), that
    run a module-level function on one item at a time within ``budget``."""

    def __init__(self, jobs: int, budget: Budget, setup: Callable[..., None] | None = None,
                 setup_args: tuple[Any, ...] = (), method: str | None = None) -> None:
        self.jobs = max(1, jobs)
        self.budget = budget
        self.setup = setup
        self.setup_args = setup_args
        self.context: Any = multiprocessing.get_context(method or start_method())
        self.limited = _address_space_limited()  # else the parent watches memory
        self._idle: list[_Worker] = []
        self._running: set[_Worker] = set()  # for kill(), from another thread
        self._killed = False  # for good: no worker starts after kill()

    # -- the parent's side --------------------------------------------------------------------
    def map(self, function: Callable[[Any], Any], items: Iterable[Any],
            on_done: Callable[[int], None] | None = None,
            idle: Callable[[], None] | None = None) -> Iterator[Outcome]:
        """``function(item)`` for each item, in the workers; the outcomes in the items' order.

        Each worker has up to ``DEPTH`` tasks in its pipe, so it never waits for the parent
        between two; the budget of a task counts from when the one before it came back.
        ``idle()`` is called once, when the first tasks are given and before any outcome is
        waited for: this process's own work that can be done while the workers do theirs.
        """
        queue: deque[tuple[int, Any]] = deque(enumerate(items))
        busy: dict[_Worker, deque[tuple[int, Any]]] = {}  # each worker's tasks, in the order it runs them
        done: dict[int, Outcome] = {}
        next_out = 0
        try:
            while queue or busy:
                self._feed(function, queue, busy)
                if self._killed:  # what no worker has begun, none will
                    while queue:
                        done[queue.popleft()[0]] = Outcome("died", None)
                if idle is not None:
                    idle()
                    idle = None
                ready = wait([w.conn for w in busy], timeout=self._timeout(busy)) if busy else []
                for worker in list(busy):
                    tasks = busy[worker]
                    for outcome in self._look(worker, worker.conn in ready):
                        if tasks:  # one given nothing yet (killed as it started) takes no task along
                            done[tasks.popleft()[0]] = outcome
                            if on_done:
                                on_done(1)
                    if not worker.alive:  # killed or dead: what it had not begun goes to another (or dies)
                        queue.extendleft(reversed(tasks))
                        del busy[worker]
                        self._running.discard(worker)
                    elif not tasks:
                        del busy[worker]
                        self._running.discard(worker)
                        self._idle.append(worker)
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
        finally:
            for worker in busy:  # left early (an error, or the caller stopped): not waited for
                worker.kill()
                self._running.discard(worker)

    def call(self, function: Callable[[Any], Any], item: Any) -> Outcome:
        """``function(item)`` in a worker, within the budget."""
        return next(iter(self.map(function, [item])))

    def kill(self) -> None:
        """End every worker now, from any thread, and start none after: the tasks they are on,
        and those not begun, come back as ``died``. A kill that comes while a worker is still
        starting ends it as soon as it has started."""
        self._killed = True  # before the look at the running ones: _feed adds, then looks here
        for worker in list(self._running) + self._idle:
            if worker.process.is_alive():
                worker.process.kill()

    def close(self) -> None:
        """End the workers: asked first, then killed if they linger."""
        for worker in self._idle:
            worker.stop()
        for worker in self._idle:
            worker.join()
        self._idle = []

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _feed(self, function: Callable[[Any], Any], queue: deque[tuple[int, Any]],
              busy: dict["_Worker", deque[tuple[int, Any]]]) -> None:
        """Give the workers tasks, up to ``DEPTH`` each, starting workers up to ``jobs``; after
        ``kill()``, none."""
        if self._killed:
            return
        while queue and len(busy) < self.jobs:
            worker = self._idle.pop() if self._idle else self._start()
            busy[worker] = deque()
            worker.started = time.monotonic()
            self._running.add(worker)
            if self._killed:  # kill() came while it started, and may have missed it
                worker.process.kill()
                return
        for worker, tasks in busy.items():
            while queue and len(tasks) < DEPTH:
                task = queue.popleft()
                tasks.append(task)
                try:
                    worker.conn.send((function, task[1]))
                except OSError:  # killed meanwhile: the task comes back with the worker's end
                    break

    def _start(self) -> "_Worker":
        parent, child = self.context.Pipe(duplex=True)
        process = self.context.Process(
            target=_serve, args=(child, self.budget.megabytes if self.limited else 0, self.setup, self.setup_args),
            daemon=True)
        with _HeldInterrupt() as held:
            # A spawned worker reads what it is to run from this process: cut short by Ctrl-C
            # (the command line's stop ends this process, and the worker is not yet a child it
            # knows), it would die on the console with a traceback. Ctrl-C is taken once it is.
            process.start()
        child.close()
        worker = _Worker(process, parent)
        if held.caught:
            self._idle.append(worker)  # if the interrupt raises, stopped with the others as the pool closes
            held.deliver()
            self._idle.remove(worker)
        return worker

    def _timeout(self, busy: dict["_Worker", deque[tuple[int, Any]]]) -> float:
        """How long to wait for an answer: to the first deadline, and a look at memory where
        the parent watches it."""
        left = min(w.started + self.budget.seconds for w in busy) - time.monotonic()
        return max(0.0, left if self.limited else min(left, POLL))

    def _look(self, worker: "_Worker", readable: bool) -> Iterator[Outcome]:
        """The outcomes of the worker's tasks it has answered, or of the one it is on if it went
        past the budget or died (the worker is then ended: ``worker.alive`` is false)."""
        while readable:
            try:
                message = worker.conn.recv()
            except (EOFError, OSError):
                worker.reap()
                yield Outcome("died", worker.process.exitcode)
                return
            if message[0] == "ready":  # set up, and how much memory that took
                worker.baseline = message[1]
            else:
                worker.started = time.monotonic()  # its next task starts now
                if message[0] == "memory":  # the allocation past the limit failed: the worker ends
                    worker.kill()
                    yield Outcome("memory")
                    return
                yield Outcome(message[0], message[1])
            readable = worker.conn.poll()
        if time.monotonic() - worker.started > self.budget.seconds:
            worker.kill()
            yield Outcome("time")
        elif not self.limited and worker.over(self.budget.megabytes):
            worker.kill()
            yield Outcome("memory")


class _Worker:
    def __init__(self, process: Any, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.baseline = 0  # resident bytes when ready (where the parent watches memory)
        self.started = time.monotonic()  # when the task it is on began
        self.alive = True

    def over(self, megabytes: int) -> bool:
        """Whether the worker holds more than ``megabytes`` above what it held when ready."""
        import psutil  # only where no address-space limit is set: macOS, Windows

        try:
            resident = psutil.Process(self.process.pid).memory_info().rss
        except psutil.Error:
            return False
        return bool(self.baseline) and resident - self.baseline > megabytes << 20

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass

    def join(self) -> None:
        self.process.join(STOP_WAIT)
        if self.process.is_alive():
            self.kill()
        self.conn.close()

    def kill(self) -> None:
        self.alive = False
        if self.process.is_alive():
            self.process.kill()
        self.reap()

    def reap(self) -> None:
        self.alive = False
        self.process.join()
        try:
            self.conn.close()
        except OSError:
            pass


class _HeldInterrupt:
    """Holds back Ctrl-C (SIGINT) for the span of a ``with``; ``deliver`` then hands a Ctrl-C
    that came to the handler it was held back from. Only the main thread sets handlers:
    elsewhere nothing is held."""

    def __init__(self) -> None:
        self.caught = False
        self._previous: Any = None

    def __enter__(self) -> "_HeldInterrupt":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._note)
        return self

    def _note(self, signum: int, frame: object) -> None:
        self.caught = True

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def deliver(self) -> None:
        handler = self._previous
        if callable(handler):  # the command line's stop, or Python's KeyboardInterrupt
            handler(signal.SIGINT, None)
        elif handler == signal.SIG_DFL:
            raise KeyboardInterrupt


# -- the worker's side --------------------------------------------------------------------------
def _serve(conn: Connection, megabytes: int, setup: Callable[..., None] | None, setup_args: tuple[Any, ...]) -> None:
    """A worker: set up, say it is ready, then run one task after another until told to stop."""
    _ignore_interrupts()
    _die_with_parent()
    if setup is not None:
        setup(*setup_args)
    if megabytes:
        _limit_address_space(megabytes)
    conn.send(("ready", 0 if megabytes else _resident()))  # the parent watches memory if no limit is set
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        function, item = task
        try:
            answer: tuple[str, Any] = ("ok", function(item))
        except MemoryError:
            answer = ("memory", None)
        except BaseException as e:  # noqa: BLE001 - said to the parent, which decides
            answer = ("raised", e)
        try:
            conn.send(answer)
        except MemoryError:
            conn.send(("memory", None))
        except Exception as e:  # noqa: BLE001 - an exception or a value that will not pickle
            conn.send(("raised", f"{type(e).__name__}: {e}"))
        if answer[0] == "memory":
            return  # what failed to allocate may have left things half made: a new worker


def _ignore_interrupts() -> None:
    """Ctrl-C reaches the whole process group: the parent stops the run and its workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _die_with_parent() -> None:
    """End this worker when its parent ends, however it ends."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG: the kernel sends it
        except (OSError, AttributeError, TypeError):
            pass
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:  # everywhere: a C loop can hold off this thread, not PR_SET_PDEATHSIG
        while parent.is_alive():
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="lawcheck-parent-watch", daemon=True).start()


def _address_space_limited() -> bool:
    """Whether a worker can be given an address-space limit the system enforces (Linux)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import resource  # noqa: F401 - POSIX only
    except ImportError:
        return False
    return True


def _limit_address_space(megabytes: int) -> None:
    import resource

    size = _address_space() + (megabytes << 20)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        size = min(size, hard)
    if soft == resource.RLIM_INFINITY or size < soft:
        resource.setrlimit(resource.RLIMIT_AS, (size, hard))


def _address_space() -> int:
    """The bytes of address space this process has mapped (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _resident() -> int:
    """This process's resident bytes (0 where it cannot be told cheaply)."""
    try:
        import psutil

        return int(psutil.Process().memory_info().rss)
    except Exception:  # noqa: BLE001 - psutil missing or refused: the parent then cannot compare
        return 0
