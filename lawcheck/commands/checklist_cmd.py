"""``lawcheck checklist list | show | validate | schema | test``: writing checklists safely."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from lawcheck.commands.help import HelpCommand, HelpGroup

from lawcheck.judge import checklist as checklists
from lawcheck.workflows.selftest import Case, example_cases, fixture_cases
from lawcheck.commands.common import EXIT_ERROR, EXIT_FAILED, EXIT_OK, boundary, check_lang, error, write_output
from lawcheck.errors import ChecklistError, LawcheckError
from lawcheck.messages import message

checklist_app = typer.Typer(cls=HelpGroup, help="Write and check checklists: list, show, validate, schema, test.",
                            no_args_is_help=True)

LANG = typer.Option("zh", "--lang", help="Message language: zh | en")


@checklist_app.command("list", cls=HelpCommand)
@boundary
def list_checklists(lang: str = LANG) -> None:
    """The built-in checklists."""
    check_lang(lang)
    lines = []
    for name in checklists.builtin_ids():
        c = checklists.load(name)
        lines.append(message("checklist-list-row", lang, id=c.id, title=c.title_in(lang), version=c.version,
                             items=len(c.items), score=c.pass_score))
    write_output("\n".join(lines) + "\n", None)


@checklist_app.command("show", cls=HelpCommand)
@boundary
def show(name: str = typer.Argument(..., help="Built-in checklist id or YAML path"), lang: str = LANG) -> None:
    """A checklist's items with their severity, weight and basis."""
    check_lang(lang)
    c = checklists.load(name)
    none = message("none", lang)
    lines = [message("checklist-show-head", lang, title=c.title_in(lang), id=c.id, version=c.version,
                     basis="；".join(c.basis) or none, score=c.pass_score, deadline=c.deadline), ""]
    for item in c.items:
        lines.append(message("checklist-show-item", lang, id=item.id, title=item.title_in(lang),
                             severity=message(f"severity-{item.severity}", lang), weight=item.weight,
                             basis="；".join(item.basis) or none))
        lines.extend(f"    └ {part.id}  {part.title_in(lang)}" for part in item.parts)
    write_output("\n".join(lines) + "\n", None)


@checklist_app.command("validate", cls=HelpCommand)
@boundary
def validate(name: str = typer.Argument(..., help="Built-in checklist id or YAML path"), lang: str = LANG) -> None:
    """Every problem of a checklist as FILE:LINE:COL: key.path: found X, expected Y (exit 2)."""
    check_lang(lang)
    resolved = checklists.resolve(name)  # named as every subcommand names one: an id or a path
    file = resolved if resolved.is_absolute() and not Path(name).exists() else Path(name)
    data = checklists.read_data(file)
    problems = [p.render(str(file)) for p in checklists.validate(data)]
    if not problems:
        try:
            loaded = checklists.load(str(file))  # merges what it extends and compiles every pattern
        except ChecklistError as e:
            text = str(e.params["problems"]) if e.key == "checklist-invalid" else e.render(lang)
            problems = [text.replace(str(file.resolve()), str(file))]  # the file as the user named it
    if problems:
        error("\n".join(problems))
        raise typer.Exit(EXIT_ERROR)
    write_output(message("checklist-valid", lang, path=file, id=loaded.id, items=len(loaded.items)) + "\n", None)
    raise typer.Exit(EXIT_OK)


@checklist_app.command("schema", cls=HelpCommand)
@boundary
def schema() -> None:
    """The JSON Schema of checklist files (for editors that complete and check YAML)."""
    from lawcheck.judge.checklist.schema import text

    write_output(text(), None)


@checklist_app.command("test", cls=HelpCommand)
@boundary
def test(
    name: str = typer.Argument(..., help="Built-in checklist id or YAML path"),
    fixtures: Optional[Path] = typer.Option(None, "--fixtures",
                                            help="Folder of reports with their labels.yaml (the format of eval)"),
    lang: str = LANG,
) -> None:
    """Run every item's examples (and labelled fixtures) through the matcher; exit 1 on any failure."""
    check_lang(lang)
    c = checklists.load(name)
    cases = example_cases(c) + (fixture_cases(c, fixtures, lang) if fixtures else [])
    if not cases:
        raise LawcheckError("checklist-test-no-cases", path=name)
    write_output(render_cases(cases, lang), None)
    raise typer.Exit(EXIT_FAILED if any(not case.passed for case in cases) else EXIT_OK)


def render_cases(cases: list[Case], lang: str) -> str:
    lines = []
    for case in cases:
        verdict = message("checklist-test-pass" if case.passed else "checklist-test-fail", lang)
        want = "|".join(case.want)
        text = case.text.replace("\n", " ⏎ ")  # a multi-line example on one line
        lines.append(message("checklist-test-case", lang, verdict=verdict, item=case.item, want=want, text=text))
        if not case.passed:
            lines.append(message("checklist-test-got", lang, want=want, got=case.got))
    failed = sum(not c.passed for c in cases)
    lines.append(message("checklist-test-summary", lang, passed=len(cases) - failed, failed=failed))
    return "\n".join(lines) + "\n"
