"""``lawcheck template``: write a .docx skeleton of the annual report to fill in."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Optional

import typer

from lawcheck.commands.common import boundary, check_lang, write_output
from lawcheck.commands.config import settings_for
from lawcheck.errors import LawcheckError
from lawcheck.messages import message

YEARS = range(2000, 2101)


def default_output(year: int, org: str | None) -> Path:
    safe = re.sub(r'[\\/:*?"<>|]', "_", org or "")  # a body's name is not a path
    return Path(message("template-file", "zh", org=safe, year=year))


@boundary
def template(
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Where to write it (default: <ORG><YEAR>年法治政府建设年度报告.docx here)"),
    year: Optional[int] = typer.Option(None, "--year", help="The year reported on (default: last year)"),
    org: Optional[str] = typer.Option(None, "--org", help="The reporting body, e.g. 云岭镇人民政府 (default: a placeholder)"),
    force: bool = typer.Option(False, "--force", help="Overwrite the output if it exists"),
    lang: Optional[str] = typer.Option(None, "--lang", help="Message language: zh | en"),
    config: Optional[Path] = typer.Option(None, "--config", help="Settings file (default: lawcheck.yaml here or above)"),
) -> None:
    """Write a .docx skeleton in the official five-part structure, with placeholders to replace."""
    lang = check_lang(settings_for(config, lang=lang).lang)
    year = datetime.date.today().year - 1 if year is None else year
    if year not in YEARS:
        raise LawcheckError("template-year", value=year)
    org = org.strip() if org and org.strip() else None
    target = output or default_output(year, org)
    if target.suffix.lower() != ".docx":
        raise LawcheckError("template-suffix", path=str(target))
    if target.exists() and not force:
        raise LawcheckError("output-exists", path=str(target))
    from lawcheck.workflows.template import template_bytes  # python-docx, only when writing one

    write_output(template_bytes(year, org), target)
    typer.echo(message("template-done", lang, path=str(target)))
