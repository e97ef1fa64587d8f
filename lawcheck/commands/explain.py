"""``lawcheck explain ITEM``: what an item looks for, in plain words, with its basis and advice.

The item's ``match`` (and ``partial``, traps, scope) is rendered from the
checklist's YAML into a sentence per clause, in Chinese or English::

    legal-adviser  法律顾问作用发挥（必备，权重 10）
    符合：同一句中依次满足：出现“法律顾问”、“公职律师”之一；并且在前一处匹配的 40 字以内，出现“审查”、…之一
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Optional

import typer

from lawcheck.document.text import YEAR_MARK
from lawcheck.judge import checklist as checklists
from lawcheck.judge.checklist import Checklist, ItemDef
from lawcheck.judge.checklist.validate import section_references
from lawcheck.commands.common import EXIT_OK, boundary, check_lang, write_output
from lawcheck.judge.clauses import Words
from lawcheck.judge.clauses.regex import said_patterns
from lawcheck.commands.config import settings_for
from lawcheck.judge.findings import KINDS as FINDINGS
from lawcheck.errors import LawcheckError
from lawcheck.messages import listed as _list
from lawcheck.messages import message


@boundary
def explain(
    item: str = typer.Argument(..., help="Item or finding id, e.g. legal-adviser, three-systems.review, "
                                            "year-mismatch"),
    checklist: Optional[str] = typer.Option(None, "--checklist", "-c", help="Built-in checklist id or YAML path"),
    lang: Optional[str] = typer.Option(None, "--lang", help="Message language: zh | en"),
    config: Optional[Path] = typer.Option(None, "--config", help="Settings file (default: lawcheck.yaml here or above)"),
) -> None:
    """Say what a checklist item looks for, in plain words, with its basis and advice."""
    run = settings_for(config, checklist=checklist, lang=lang)
    lang = check_lang(run.lang)
    c = checklists.load(run.checklist)
    found = c.item(item)
    if found is None and item in FINDINGS:
        write_output(render_finding(item, c, lang), None)
        raise typer.Exit(EXIT_OK)
    if found is None:
        ids = ", ".join([d.id for i in c.items for d in (i, *i.parts)] + list(c.finding_ids))
        raise LawcheckError("item-unknown", checklist=c.id, item=item, ids=ids)
    write_output(in_words(render(found, c, lang), lang), None)
    raise typer.Exit(EXIT_OK)


def render(item: ItemDef, checklist: Checklist, lang: str, part: bool = False) -> str:
    spec: dict[str, Any] = item.spec or {}
    clause_text = Words({name: s.title for name, s in checklist.sections.items() if s.title})
    title = item.title_in(lang)
    lines = [f"{item.id}  {title}" if part else message(
        "explain-head", lang, id=item.id, title=title, severity=message(f"severity-{item.severity}", lang),
        weight=item.weight)]
    if item.basis:
        lines.append(message("explain-basis", lang, basis="；".join(item.basis)))
    if "match" in spec:
        lines.append(message("explain-met", lang, text=clause_text(spec["match"], lang)))
    if item.min_count > 1:
        lines.append(message("explain-min-count", lang, count=item.min_count))
    if item.parts:
        lines.append(message("explain-parts", lang, count=len(item.parts), need=item.need))
        for part_def in item.parts:
            lines.extend("    " + line for line in render(part_def, checklist, lang, part=True).splitlines())
    if "partial" in spec:
        lines.append(message("explain-partial", lang, text=clause_text(spec["partial"], lang)))
    if item.partial_in:
        lines.append(message("explain-partial-in", lang, reasons=_list((checklist.reason_label(r, lang) for r in sorted(item.partial_in)), lang)))
    if item.exclude_in:
        lines.append(message("explain-exclude-in", lang, sections=_list(
            (clause_text.section(name, lang) for name in item.exclude_in), lang)))
    for trap in spec.get("traps") or []:
        rest = {k: v for k, v in trap.items() if k not in ("reason", "label")}
        lines.append(message("explain-traps", lang, reason=checklist.reason_label(trap["reason"], lang),
                             text=clause_text(rest, lang)))
    if not part:
        lines.extend(_context(item, lang))
        lines.extend(_sections(spec, checklist, clause_text, lang))
    hint = item.hint_in(lang)
    if hint:
        lines.append(message("explain-hint", lang, hint=" ".join(hint.split())))
    return "\n".join(lines) + "\n"


def render_finding(finding: str, checklist: Checklist, lang: str) -> str:
    """A finding in words: what it checks, and whether this checklist runs it."""
    runs = "explain-finding-runs" if finding in checklist.finding_ids else "explain-finding-off"
    return "\n".join([f"{finding}  {checklist.finding_label(finding, lang)}",
                      message(f"explain-finding-{finding}", lang),
                      message(runs, lang, checklist=checklist.id)]) + "\n"


_SHAPED = re.compile(r'[“"][^“”"]*(?:\[[^\]“”"]*/|……)[^“”"]*[”"]')  # a quoted shape of a pattern


def in_words(text: str, lang: str) -> str:
    """``{year}`` and ``{next_year}`` said as what they stand for; the shapes' signs explained once."""
    for key, words in (("{next_year}", "explain-next-year"), ("{year}", "explain-year")):
        text = text.replace(key + YEAR_MARK, message(words, lang)).replace(key, message(words, lang))
    if _SHAPED.search(text):
        text += message("explain-legend", lang) + "\n"
    return text


def _context(item: ItemDef, lang: str) -> list[str]:
    off = [name for name, on in (("negation", item.negation), ("future", item.future), ("titles", item.titles))
           if not on]
    lines = [] if len(off) == 3 else [message("explain-context", lang)]
    if off or item.headings:
        checks = [message(f"explain-check-{name}", lang) for name in off]
        if item.headings:
            checks.append(message("explain-check-headings", lang))
        lines.append(message("explain-context-off", lang, checks=_list(checks, lang)))
    return lines


def _sections(spec: dict[str, Any], checklist: Checklist, words: Words, lang: str) -> list[str]:
    """How the parts the item names are recognised."""
    scope = {key: spec[key] for key in ("exclude_in", "match", "partial") if key in spec}
    names = [name for _, name in section_references(scope)]
    lines = []
    for name in dict.fromkeys(names):
        section = checklist.sections.get(name)
        if section is not None:
            patterns = said_patterns([p for p, _ in section.headings], lang)
            lines.append(message("explain-section-def", lang, name=words.section(name, lang),
                                 patterns=_list(patterns, lang)))
    return lines
