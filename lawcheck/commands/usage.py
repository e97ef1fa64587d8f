"""The command line's own mistakes in one sentence of the user's language.

typer (through click) reports a missing argument, an unknown option or command,
or a value of the wrong type in an English box of several lines; lawcheck says
it in one line, in Chinese unless the command line (``--lang en``) or the
environment (``LANG=en_…``) asks for English, and exits 2.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from typing import Any

import typer

from lawcheck.messages import LANGS, in_lang, message
from lawcheck.messages.help import METAVARS

# click's usage error, as typer's public BadParameter derives from it (typer carries its own copy
# of click; its module is private): a missing argument, an unknown option, a bad value, an extra
# argument all are one.
UsageError: type[Exception] = typer.BadParameter.__bases__[0]
_NUMBERS = {"integer": "integer", "float": "number"}  # a value of these types that did not convert


class ShowHelp(Exception):
    """A command or group named without what it needs: its help is shown (exit 2)."""

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx.command_path)
        self.ctx = ctx


class UnknownCommand(Exception):
    """A group given a command it does not have."""

    def __init__(self, ctx: Any, name: str) -> None:
        super().__init__(name)
        self.ctx, self.name = ctx, name


def requested_lang(argv: Sequence[str]) -> str:
    """The language asked for: ``--lang X`` on the command line, else an English ``LANG``, else zh."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGS:
            return arg[7:]
    return "en" if os.environ.get("LANG", "").lower().startswith("en") else "zh"


def describe(error: Exception, lang: str) -> str:
    """One sentence for a usage error (click's, or :class:`UnknownCommand`), with the command to read about it."""
    ctx: Any = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "lawcheck"
    if isinstance(error, UnknownCommand):
        text = message("usage-no-command", lang, name=error.name)
        closest = difflib.get_close_matches(error.name, ctx.command.list_commands(ctx), n=1, cutoff=0.6)
        if closest:
            text += message("usage-did-you-mean", lang, options=closest[0])
    elif hasattr(error, "option_name"):  # no such option
        option = str(getattr(error, "option_name"))
        text = message("usage-no-option", lang, option=option)
        closest = difflib.get_close_matches(option, list(getattr(error, "possibilities", None) or ()), n=1,
                                            cutoff=0.6)
        if closest:
            text += message("usage-did-you-mean", lang, options=closest[0])
    elif hasattr(error, "param_type"):  # a missing argument or option
        param: Any = getattr(error, "param", None)
        named = in_lang(METAVARS.get(getattr(param, "name", None) or ""), lang)
        name = named or ((getattr(param, "human_readable_name", None) or getattr(param, "name", None) or "?")
                         if param else "?")
        text = message("usage-missing", lang, name=str(name).strip(".").lower())
    elif isinstance(error, typer.BadParameter):
        param = error.param
        name = error.param_hint or (param.opts[0] if param is not None and param.opts else "?")
        kind = _NUMBERS.get(getattr(getattr(param, "type", None), "name", ""))
        if kind is not None:
            text = message(f"usage-not-{kind}", lang, name=_hint(name))
        else:
            text = message("usage-bad-value", lang, name=_hint(name), detail=error.message.rstrip("."))
    else:
        text = message("usage-other", lang, detail=str(getattr(error, "message", error)).rstrip("."))
    return text + message("usage-help", lang, command=command)


def _hint(name: object) -> str:
    text = str(name)
    return text.strip("'\"").replace("'", "")
