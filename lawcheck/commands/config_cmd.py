"""``lawcheck config show``: the settings in force and where each came from."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from lawcheck.commands.help import HelpCommand, HelpGroup

from lawcheck.judge import checklist as checklists
from lawcheck.commands.common import EXIT_OK, boundary, write_output
from lawcheck.commands.config import COMMAND_LINE, DEFAULT, Resolved, settings_for
from lawcheck.messages import message
from lawcheck.judge.waivers import today

config_app = typer.Typer(cls=HelpGroup, help="Show the settings (lawcheck.yaml) in force.", no_args_is_help=True)


@config_app.command("show", cls=HelpCommand)
@boundary
def show(
    config: Optional[Path] = typer.Option(None, "--config", help="Settings file (default: lawcheck.yaml here or above)"),
    checklist: Optional[str] = typer.Option(None, "--checklist", "-c", help="Built-in checklist id or YAML path"),
    min_score: Optional[float] = typer.Option(None, "--min-score", help="Pass mark"),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="required | partial | none"),
    lang: Optional[str] = typer.Option(None, "--lang", help="Message language: zh | en"),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="Default output format"),
) -> None:
    """Print each setting, its value, and where it came from (default, FILE:LINE, command line)."""
    run = settings_for(config, checklist=checklist, min_score=min_score, fail_on=fail_on, lang=lang, format=fmt)
    write_output(render(run), None)
    raise typer.Exit(EXIT_OK)


def render(run: Resolved) -> str:
    lang = run.lang
    lines = [message("config-file", lang, path=run.settings.shown) if run.settings.path
             else message("config-no-file", lang)]
    for key, setting in run.values.items():
        lines.append(f"{key:<17} {_value(run, key):<28} {_origin(setting.origin, lang)}")
    day = today()
    for w in run.waivers:
        line = message("config-waiver", lang, item=w.item, files=", ".join(w.files), expires=w.expires.isoformat(),
                       approved_by=w.approved_by, where=w.where)
        lines.append(line + (message("config-waiver-expired", lang) if w.expired(day) else ""))
    return "\n".join(lines) + "\n"


def _value(run: Resolved, key: str) -> str:
    value = run.values[key].value
    if key == "min_score" and value is None:
        return message("config-pass-score", run.lang, score=checklists.load(run.checklist).pass_score)
    if value is None:
        return "—"
    if key == "db" and "://" in str(value):
        from lawcheck.history.store import shown

        return shown(str(value))  # never the password
    if key in ("checklist", "bodies", "db") and os.path.isabs(str(value)):
        return os.path.relpath(str(value))
    return f"{value:g}" if isinstance(value, float) else str(value)


def _origin(origin: str, lang: str) -> str:
    if origin == DEFAULT:
        return message("origin-default", lang)
    if origin == COMMAND_LINE:
        return message("origin-command-line", lang)
    return origin
