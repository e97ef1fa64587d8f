"""What the subcommands share: option validation, output, the error boundary."""

from __future__ import annotations

import functools
import gc
import os
import shutil
import sys
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Callable, TypeVar

import typer

from lawcheck.errors import LawcheckError
from lawcheck.messages import LANGS, message
from lawcheck.output import write_file
from lawcheck.judge.scoring import FAIL_ON

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


# Set by cli.main(): this process runs one command, then ends.
_ONE_COMMAND = False


def one_command() -> None:
    """Say that this process runs one command and ends (the command line's ``main``)."""
    global _ONE_COMMAND
    _ONE_COMMAND = True


def settled() -> None:
    """What is loaded so far (modules, the checklist) lives until the process ends: the collector
    need not go through it again while the command runs. Only in a process that runs one command:
    not for an importer of lawcheck, nor a test calling a command."""
    if _ONE_COMMAND:
        gc.freeze()


# The language of the run once it is known (the command line, else lawcheck.yaml): the
# error boundary speaks it even for errors raised before a command passes it on.
_SPOKEN: ContextVar[str | None] = ContextVar("lawcheck_lang", default=None)


def check_lang(lang: str) -> str:
    """``lang`` if it is a language lawcheck speaks (and from now on, the run's)."""
    if lang not in LANGS:
        raise LawcheckError("usage-lang", value=lang)
    _SPOKEN.set(lang)
    return lang


def check_fail_on(value: str) -> str:
    if value not in FAIL_ON:
        raise LawcheckError("usage-fail-on", value=value)
    return value


def check_min_score(value: float | None) -> float | None:
    """A pass mark from the command line: a score between 0 and 100."""
    if value is not None and not 0 <= value <= 100:
        raise LawcheckError("usage-range", name="--min-score", value=f"{value:g}", low=0, high=100)
    return value


def check_limits(time_limit: float | None, memory_limit: int | None) -> None:
    """--time-limit (seconds) and --memory-limit (megabytes, at least 64): what one file may take."""
    if time_limit is not None and time_limit <= 0:
        raise LawcheckError("usage-positive-number", name="--time-limit", value=f"{time_limit:g}")
    if memory_limit is not None and memory_limit < 64:
        raise LawcheckError("usage-memory-limit", value=memory_limit)


def check_max_size(value: int) -> int:
    """The largest file to read: a positive number of bytes."""
    if value <= 0:
        raise LawcheckError("usage-positive", name="--max-size", value=value)
    return value


def use_color(no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


def width() -> int:
    return shutil.get_terminal_size((110, 24)).columns


def write_output(text: str | bytes, output: Path | None, *, machine: bool = False) -> None:
    """Print to stdout, or write ``output`` through a temporary file renamed into place.

    A file is UTF-8. On stdout, what a program reads (``machine``: JSON, CSV,
    HTML…; and any bytes) is UTF-8 too, whatever the console's encoding; what
    a person reads goes in the console's encoding (GBK on a Chinese Windows
    console redirected to a file), a character it lacks shown as "?" (see
    :func:`lawcheck.cli.main`), never an error.
    """
    if output is None:
        if isinstance(text, bytes) or machine:
            sys.stdout.flush()
            sys.stdout.buffer.write(text if isinstance(text, bytes) else text.encode("utf-8"))
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
        return
    try:
        write_file(output, text.encode("utf-8") if isinstance(text, str) else text)
    except OSError as e:
        raise LawcheckError("usage-output-dir", path=str(output), error=e.strerror or str(e)) from None


def refuse_inputs_as_outputs(outputs: "list[Path | None]", inputs: "list[str | Path]") -> None:
    """No command writes to a report it reads (also not through a symbolic link to it)."""
    real = {os.path.realpath(p) for p in inputs}
    for out in outputs:
        if out is not None and os.path.realpath(out) in real:
            raise LawcheckError("output-is-input", path=str(out))


def error(text: str) -> None:
    sys.stderr.write(text.rstrip("\n") + "\n")


def boundary(func: F) -> F:
    """Map LawcheckError (and anything unexpected) to one message and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        token = _SPOKEN.set(None)
        try:
            return func(*args, **kwargs)
        except LawcheckError as e:
            error(e.render(_lang(kwargs)))
            raise typer.Exit(EXIT_ERROR) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader of the output went away (| head): stop without a word
            _quiet_stdout()
            raise typer.Exit(EXIT_PIPE) from None
        except Exception as e:  # a bug: say so in one line, keep the trace for debugging
            if os.environ.get("LAWCHECK_DEBUG"):
                raise
            error(message("internal-error", _lang(kwargs), error=f"{type(e).__name__}: {e}"))
            raise typer.Exit(EXIT_ERROR) from None
        finally:
            _SPOKEN.reset(token)

    return wrapper  # type: ignore[return-value]


EXIT_PIPE = 141  # as a shell reports a command ended by a closed pipe (128 + SIGPIPE)


def _quiet_stdout() -> None:
    """Point standard output at nothing, so that the flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _lang(kwargs: dict[str, Any]) -> str:
    """The language to report an error in: the run's, else the option given, else Chinese."""
    spoken = _SPOKEN.get()
    if spoken is not None:
        return spoken
    return str(kwargs["lang"]) if kwargs.get("lang") in LANGS else "zh"
