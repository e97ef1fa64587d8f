"""Help for people: in Chinese unless English is asked for, with readable value names.

typer draws help in English panels and names values by their Python type
(``<list[Path]>``, ``<bool>``, ``{files}...``). lawcheck renders its own:
plain lines in the user's language (``--lang en`` or an English ``LANG`` gives
the English written beside each option), each value named for what it is
(``--output 文件``), aligned for wide characters. Commands get this rendering
through typer's own extension point: ``cls=HelpCommand`` and ``cls=HelpGroup``.
"""

from __future__ import annotations

import shutil
import sys
from typing import Any

from typer.core import TyperCommand, TyperGroup

from lawcheck import reporters
from lawcheck.reporters.cells import pad, width, wrap
from lawcheck.messages import in_lang, message
from lawcheck.messages.help import HELP_ZH, METAVARS
from lawcheck.commands.usage import ShowHelp, UnknownCommand, requested_lang

WIDEST = 100  # help lines, however wide the terminal
FIRST_COLUMN = 30  # an option's names beyond this go on a line of their own


def translated(text: str | None, lang: str, key: str) -> str:
    """``text`` (the English beside the option) in ``lang``: Chinese by its ``key`` (see
    :data:`~lawcheck.messages.help.HELP_ZH`), the formats and suffixes filled in."""
    if not text:
        return ""
    said = text if lang == "en" else HELP_ZH.get(key, text)
    if "{" in said:
        command = key.split(" ", 1)[0]
        said = said.replace("{formats}", " | ".join(reporters.names(command)))
        said = said.replace("{suffixes}", " ".join(reporters.by_suffix(command)))
    return said


def _key(param: Any, path: str) -> str:
    """The key of a parameter's help: its long name (or an argument's name), after the command's
    path where that command says it in its own words."""
    name = param.name.upper() if param.param_type_name == "argument" else max(param.opts, key=len)
    own = f"{path} {name}" if path else name
    return own if own in HELP_ZH else name


def _path(ctx: Any) -> str:
    return ctx.command_path.split(" ", 1)[1] if " " in ctx.command_path else ""


def metavar(param: Any, lang: str) -> str:
    """What an option takes or an argument is, in words: 文件, 报告文件..."""
    name = in_lang(METAVARS.get(param.name or ""), lang) or (param.name or "").upper()
    return name + ("..." if param.nargs != 1 else "")


def is_flag(param: Any) -> bool:
    return bool(getattr(param, "is_flag", False))


def render(command: Any, ctx: Any, lang: str) -> str:
    """The whole help of ``command`` as plain lines."""
    columns = min(WIDEST, shutil.get_terminal_size((80, 24)).columns)
    params = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name == "option"]
    usage = [ctx.command_path, message("help-options-word", lang)]
    usage += [metavar(p, lang) for p in arguments]
    group = hasattr(command, "list_commands")
    if group:
        usage.append(message("help-command-word", lang))
    lines = [message("help-usage", lang) + " ".join(usage), ""]
    path = _path(ctx)
    for paragraph in translated(command.help, lang, path or "lawcheck").split("\n\n"):
        lines.extend(wrap(" ".join(paragraph.split()), columns))
        lines.append("")
    if arguments:
        lines.append(message("help-arguments", lang))
        lines.extend(_rows([(metavar(p, lang), _said(p, lang, path)) for p in arguments], columns))
        lines.append("")
    if options:
        lines.append(message("help-options", lang))
        lines.extend(_rows([(_names(p, lang), _said(p, lang, path)) for p in options], columns))
        lines.append("")
    if group:
        rows = []
        for name in command.list_commands(ctx):
            sub = f"{path} {name}".strip()
            if hasattr(command, "summary"):
                rows.append((name, translated(command.summary(name), lang, f"{sub} (summary)")))
            else:
                said = translated(command.get_command(ctx, name).help, lang, sub)
                rows.append((name, said.split("\n\n")[0]))
        lines.append(message("help-commands", lang))
        lines.extend(_rows(rows, columns))
        lines.append("")
        lines.append(message("help-more", lang, command=ctx.command_path))
    return "\n".join(lines).rstrip("\n") + "\n"


def _names(param: Any, lang: str) -> str:
    names = sorted(param.opts, key=lambda o: (o.startswith("--"), o)) + list(param.secondary_opts)
    text = ", ".join(names)
    return text if is_flag(param) else f"{text} {metavar(param, lang)}"


def _said(param: Any, lang: str, path: str) -> str:
    text = translated(param.help, lang, _key(param, path))
    default = param.default
    if (param.param_type_name == "option" and not is_flag(param) and default not in (None, (), [], "")
            and not callable(default)):
        text += " " + message("help-default", lang, value=default)
    if param.required:
        text += " " + message("help-required", lang)
    return text.strip()


def _rows(rows: list[tuple[str, str]], columns: int) -> list[str]:
    first = min(FIRST_COLUMN, max(width(name) for name, _ in rows)) + 2
    out: list[str] = []
    for name, said in rows:
        body = wrap(said, max(20, columns - first - 2)) if said else [""]
        if width(name) > first - 2:
            out.append(f"  {name}")
            out.extend(f"  {' ' * first}{line}" for line in body)
            continue
        out.append(f"  {pad(name, first)}{body[0]}".rstrip())
        out.extend(f"  {' ' * first}{line}" for line in body[1:])
    return out


def requested() -> str:
    return requested_lang(sys.argv[1:])


class _Help:
    """lawcheck's help for a click command or group: plain lines in the run's language; named
    with nothing it needs, it shows that help (:class:`ShowHelp`)."""

    no_args_is_help: bool

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(render(self, ctx, requested()))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            raise ShowHelp(ctx)
        return super().parse_args(ctx, args)  # type: ignore[misc, no-any-return]


class HelpCommand(_Help, TyperCommand):
    """A command with lawcheck's help (typer's ``cls=``)."""


class HelpGroup(_Help, TyperGroup):
    """A group with lawcheck's help (typer's ``cls=``); a command it does not have is an
    :class:`UnknownCommand`."""

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0]
        if not name.startswith("-") and self.get_command(ctx, name) is None:
            raise UnknownCommand(ctx, name)
        return super().resolve_command(ctx, args)
