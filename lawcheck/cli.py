"""The command line: typer app, subcommand registry, and the entry point.

Only this layer prints and exits. Each subcommand lives in ``commands/`` and
carries the error boundary that maps failures to exit code 2.
"""

from __future__ import annotations

import signal
import sys

import typer

from lawcheck import __version__
from lawcheck.commands.common import EXIT_ERROR, error
from lawcheck.messages import message
from lawcheck.usage import UsageError, describe, requested_lang
from lawcheck.commands.annotate import annotate
from lawcheck.commands.batch import batch_command
from lawcheck.commands.check import check
from lawcheck.commands.checklist_cmd import checklist_app
from lawcheck.commands.config_cmd import config_app
from lawcheck.commands.eval import eval_labels
from lawcheck.commands.template import template
from lawcheck.commands.explain import explain

app = typer.Typer(
    name="lawcheck",
    help="Check annual rule-of-law government reports (法治政府建设年度报告) against a checklist.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

app.command("check")(check)
app.command("batch")(batch_command)
app.command("eval")(eval_labels)
app.command("annotate")(annotate)
app.command("template")(template)
app.add_typer(config_app, name="config")
app.add_typer(checklist_app, name="checklist")
app.command("explain")(explain)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lawcheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Show the version and exit")) -> None:
    """lawcheck: find what a rule-of-law report contains, where, and what it lacks."""


class Stopped(BaseException):
    """SIGINT or SIGTERM: unwinds through every command (outputs are abandoned, workers stopped)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, _frame: object) -> None:
    raise Stopped(signum)


def main() -> None:
    """Run the command line; usage errors and signals end in one sentence and their exit code."""
    lang = requested_lang(sys.argv[1:])
    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        code = app(standalone_mode=False, prog_name="lawcheck")
    except UsageError as e:
        error(describe(e, lang))
        code = EXIT_ERROR
    except Stopped as stop:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # one sentence, not a second traceback
        interrupted = stop.signum == signal.SIGINT
        error(message("interrupted" if interrupted else "terminated", lang))
        code = 128 + stop.signum
    sys.exit(code if isinstance(code, int) else 0)
