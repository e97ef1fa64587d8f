"""``lawcheck eval LABELS.yaml|LABELS.tsv``: agreement with hand labels, per item, and the disagreements."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from lawcheck.judge import checklist as checklists
from lawcheck.commands.common import EXIT_FAILED, EXIT_OK, boundary, check_lang, write_output
from lawcheck.judge.engine import Options
from lawcheck.workflows.labels import measure, render


@boundary
def eval_labels(
    labels: Path = typer.Argument(..., help="Labels: corpus/labels.yaml's YAML or a table like openings/index.tsv"),
    checklist: Optional[str] = typer.Option(None, "--checklist", "-c", help="Built-in checklist id or YAML path"),
    lang: str = typer.Option("zh", "--lang", help="Message language: zh | en"),
) -> None:
    """Compare lawcheck's statuses and findings with hand labels; exit 1 on any disagreement."""
    check_lang(lang)
    ev = measure(labels, checklists.load(checklist), Options(lang=lang))
    write_output(render(ev, lang), None)
    raise typer.Exit(EXIT_OK if not ev.disagreements and not ev.crashes else EXIT_FAILED)
