"""What the subcommands share: option validation, output, the error boundary."""

from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, TypeVar

import typer

from lawcheck.errors import LawcheckError
from lawcheck.messages import LANGS, message
from lawcheck.scoring import FAIL_ON

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise LawcheckError("usage-lang", value=lang)
    return lang


def check_fail_on(value: str) -> str:
    if value not in FAIL_ON:
        raise LawcheckError("usage-fail-on", value=value)
    return value


def use_color(no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


def width() -> int:
    return shutil.get_terminal_size((110, 24)).columns


def write_output(text: str | bytes, output: Path | None) -> None:
    """Print to stdout, or write ``output`` through a temporary file renamed into place."""
    if output is None:
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
        return
    data = text.encode("utf-8") if isinstance(text, str) else text
    target = output.resolve()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError as e:
        raise LawcheckError("usage-output-dir", path=str(output), error=e.strerror or str(e)) from None


def error(text: str) -> None:
    sys.stderr.write(text.rstrip("\n") + "\n")


def boundary(func: F) -> F:
    """Map LawcheckError (and anything unexpected) to one message and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = str(kwargs["lang"]) if kwargs.get("lang") in LANGS else "zh"
        try:
            return func(*args, **kwargs)
        except LawcheckError as e:
            error(e.render(lang))
            raise typer.Exit(EXIT_ERROR) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as e:  # a bug: say so in one line, keep the trace for debugging
            if os.environ.get("LAWCHECK_DEBUG"):
                raise
            error(message("internal-error", lang, error=f"{type(e).__name__}: {e}"))
            raise typer.Exit(EXIT_ERROR) from None

    return wrapper  # type: ignore[return-value]
