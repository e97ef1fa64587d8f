"""The command line: typer app, subcommand registry, and the entry point.

Only this layer prints and exits. Each subcommand lives in ``commands/`` and
carries the error boundary that maps failures to exit code 2.
"""

from __future__ import annotations

import importlib
import io
import os
import signal
import sys
from typing import Any

import typer

from lawcheck import __version__
from lawcheck.commands.common import EXIT_ERROR, error, one_command, settled
from lawcheck.commands.help import HelpCommand, HelpGroup
from lawcheck.messages import message
from lawcheck.output import remove_unfinished, written
from lawcheck.commands.usage import ShowHelp, UnknownCommand, UsageError, describe, requested_lang

# name -> (module, attribute, summary). A command's module is imported only when
# it runs (or its help is asked for); the summary lists it in the top-level help.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": ("lawcheck.commands.check", "check",
              "Check reports against the checklist: what is there, where, and what is missing."),
    "batch": ("lawcheck.commands.batch", "batch_command",
              "Check every report under folders or globs, in parallel: ranking, coverage, gaps."),
    "eval": ("lawcheck.commands.eval", "eval_labels",
             "Compare lawcheck's statuses and findings with hand labels; exit 1 on any disagreement."),
    "annotate": ("lawcheck.commands.annotate", "annotate",
                 "Write a copy of a .docx report with Word comments where it falls short."),
    "template": ("lawcheck.commands.template", "template",
                 "Write a .docx skeleton in the official five-part structure, with placeholders to replace."),
    "explain": ("lawcheck.commands.explain", "explain",
                "Say what a checklist item looks for, in plain words, with its basis and advice."),
    "config": ("lawcheck.commands.config_cmd", "config_app", "Show the settings (lawcheck.yaml) in force."),
    "checklist": ("lawcheck.commands.checklist_cmd", "checklist_app",
                  "Write and check checklists: list, show, validate, schema, test."),
    "history": ("lawcheck.commands.history_cmd", "history_app",
                "What the recorded batches say across the years: bodies, body, item, regressions."),
    "serve": ("lawcheck.commands.serve_cmd", "serve", "Serve the checker as a web page and an HTTP API."),
}


def load_command(name: str) -> Any:
    """The click command for ``name``, built from its module on first use."""
    module, attribute, _ = COMMANDS[name]
    found = getattr(importlib.import_module(module), attribute)
    settled()  # the command's modules (a tenth of `lawcheck check` on one report)
    command: Any
    if isinstance(found, typer.Typer):
        command = typer.main.get_group(found)
    else:
        single = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
        single.command(name, cls=HelpCommand)(found)
        command = typer.main.get_command(single)
    command.name = name
    return command


class Commands(HelpGroup):
    """The top level: lists every command, imports only the one that runs."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self.commands:
            self.commands[cmd_name] = load_command(cmd_name)
        return self.commands[cmd_name]

    def summary(self, name: str) -> str:
        return COMMANDS[name][2]


app = typer.Typer(
    name="lawcheck",
    cls=Commands,
    help="Check annual rule-of-law government reports (法治政府建设年度报告) against a checklist.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lawcheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Show the version and exit")) -> None:
    """lawcheck: find what a rule-of-law report contains, where, and what it lacks."""


def _stop(signum: int, _frame: object) -> None:
    """SIGINT or SIGTERM: end now, from wherever the run is.

    Raising from here could unwind through a lock the process pool holds and
    hang; so the handler does only what is safe at any point: it removes the
    outputs still being written, ends the worker processes, says one sentence
    and exits with 128 + the signal's number.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C does not interrupt the goodbye
    remove_unfinished()
    # multiprocessing is imported by the commands that start workers; without it there are none.
    pool = sys.modules.get("multiprocessing")
    children = [child.pid for child in pool.active_children() if child.pid] if pool is not None else []
    kill = getattr(signal, "SIGKILL", signal.SIGTERM)  # Windows has no SIGKILL: SIGTERM terminates there
    for pid in children:
        try:
            os.kill(pid, kill)
        except OSError:
            pass
    for pid in children:  # reaped here: no worker is left behind, not even as a zombie
        try:
            os.waitpid(pid, 0)
        except OSError:
            pass
    lang = requested_lang(sys.argv[1:])
    said = _goodbye(signum, lang)
    clear = "\r\x1b[K" if sys.stderr.isatty() else ""  # over a progress bar
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"  # GBK on a Chinese Windows console
    os.write(2, (clear + said.rstrip("\n") + "\n").encode(encoding, "replace"))
    os._exit(128 + signum)


def _goodbye(signum: int, lang: str) -> str:
    """What a signal's stop says: that nothing was written, or which outputs were, whole."""
    kind = "interrupted" if signum == signal.SIGINT else "terminated"
    done = written()
    if not done:
        return message(kind, lang)
    shown = done[:_NAMED]  # message() shows any control character in them as an escape
    sep = "、" if lang == "zh" else ", "
    if len(done) > _NAMED:
        shown[-1] += (", " if lang == "en" else "") + message("wrote-more", lang, count=len(done))
    return message(f"{kind}-wrote", lang, files=sep.join(shown))


_NAMED = 5  # outputs a stop names; a long list (every letter of a feedback pack) is counted


def _no_color_anywhere(argv: list[str]) -> None:
    """``--no-color`` is taken by every command: one that draws no colour ignores it, rather
    than refusing a flag a user (or a script) gives every command alike. It is kept for the
    commands that declare it, and said to the rest through NO_COLOR, which rich heeds."""
    words = argv[1:argv.index("--")] if "--" in argv else argv[1:]
    if "--no-color" not in words:
        return
    os.environ["NO_COLOR"] = "1"
    command = next((w for w in words if not w.startswith("-")), None)
    if command not in ("check", "batch", "history"):
        argv.remove("--no-color")


def main() -> None:
    """Run the command line; usage errors and signals end in one sentence and their exit code."""
    one_command()
    for stream in (sys.stdout, sys.stderr):  # a character the console's encoding lacks is "?", never an error
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    lang = requested_lang(sys.argv[1:])
    _no_color_anywhere(sys.argv)
    signal.signal(signal.SIGINT, _stop)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _stop)
    try:
        code = typer.main.get_command(app)(standalone_mode=False, prog_name="lawcheck")
    except ShowHelp as e:  # a command or group named without what it needs: its help
        sys.stdout.write(e.ctx.get_help() + "\n")
        code = EXIT_ERROR
    except (UsageError, UnknownCommand) as e:
        error(describe(e, lang))
        code = EXIT_ERROR
    sys.exit(code if isinstance(code, int) else 0)
