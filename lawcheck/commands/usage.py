"""The command line's own mistakes in one sentence of the user's language.

typer (through click) reports a missing argument, an unknown option or command,
or a value of the wrong type in an English box of several lines; lawcheck says
it in one line, in Chinese unless the command line (``--lang en``) or the
environment (``LANG=en_…``) asks for English, and exits 2.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Sequence
from typing import Any

try:  # typer ≥ 0.17 carries its own copy of click
    from typer._click.exceptions import BadParameter, MissingParameter, NoArgsIsHelpError, NoSuchOption, UsageError
except ImportError:  # pragma: no cover - typer with click as a dependency
    from click.exceptions import (BadParameter, MissingParameter, NoArgsIsHelpError,  # type: ignore
                                  NoSuchOption, UsageError)

from lawcheck.messages import LANGS, in_lang, message
from lawcheck.messages.help import METAVARS

_NOT_VALID = re.compile(r"'(?P<value>.*)' is not a valid (?P<kind>integer|float|integer range|float range)")
_WANTS = re.compile(r"valid (?P<kind>integer|number)")
_NO_COMMAND = re.compile(r"No such command '(?P<name>[^']*)'")
_OUT_OF_RANGE = re.compile(r"(?P<value>\S+) is not in the range")


def requested_lang(argv: Sequence[str]) -> str:
    """The language asked for: ``--lang X`` on the command line, else an English ``LANG``, else zh."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGS:
            return arg[7:]
    return "en" if os.environ.get("LANG", "").lower().startswith("en") else "zh"


def describe(error: UsageError, lang: str) -> str:
    """One sentence for a usage error, with the command to read about it."""
    command = error.ctx.command_path if error.ctx is not None else "lawcheck"
    if isinstance(error, NoSuchOption):
        text = message("usage-no-option", lang, option=error.option_name)
        closest = difflib.get_close_matches(error.option_name, list(error.possibilities or ()), n=1, cutoff=0.6)
        if closest:
            text += message("usage-did-you-mean", lang, options=closest[0])
    elif isinstance(error, MissingParameter):
        param = error.param
        named = in_lang(METAVARS.get(getattr(param, "name", None) or ""), lang)
        name = named or ((getattr(param, "human_readable_name", None) or getattr(param, "name", None) or "?")
                         if param else "?")
        text = message("usage-missing", lang, name=str(name).strip(".").lower())
    elif isinstance(error, BadParameter):
        name = error.param_hint or (error.param.opts[0] if error.param is not None and error.param.opts else "?")
        found = _NOT_VALID.search(error.message) or _WANTS.search(error.message)
        if found:
            kind = "number" if found["kind"] in ("float", "float range", "number") else "integer"
            text = message(f"usage-not-{kind}", lang, name=_hint(name))
        else:
            text = message("usage-bad-value", lang, name=_hint(name), detail=error.message.rstrip("."))
    else:
        found = _NO_COMMAND.search(error.message)
        text = (message("usage-no-command", lang, name=found["name"]) if found
                else message("usage-other", lang, detail=error.message.rstrip(".")))
        group: Any = error.ctx.command if error.ctx is not None else None
        if found and hasattr(group, "list_commands"):
            closest = difflib.get_close_matches(found["name"], group.list_commands(error.ctx), n=1, cutoff=0.6)
            if closest:
                text += message("usage-did-you-mean", lang, options=closest[0])
    return text + message("usage-help", lang, command=command)


def _hint(name: object) -> str:
    text = str(name)
    return text.strip("'\"").replace("'", "")
