"""``--format table``: the coloured table a person reads in the terminal.

One table per report: each item with its status in colour (met green, partial
yellow, missing red), the evidence with the matched words in bold and its
section, or, for what is missing, the advice and the closest text found. A
summary line gives the score and verdict and names the missing items.
"""

from __future__ import annotations

import io
import re
from typing import Iterator, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lawcheck.judge.checklist import Checklist
from lawcheck.messages import message
from lawcheck.messages.safe import printable
from lawcheck.reporters.verdict import because
from lawcheck.document.model import ErrorResult, Evidence, ItemResult, NearMiss, ReportResult

STYLES = {"met": "green", "partial": "yellow", "missing": "bold red", "waived": "cyan"}
EXCERPT = 60  # characters of evidence shown around the matched words


def excerpt(evidence: Evidence | NearMiss, width: int = EXCERPT) -> Text:
    """The evidence around its first matched span, matched words in bold."""
    text = evidence.text
    spans = [s for s in evidence.spans if 0 <= s[0] < s[1] <= len(text)]
    start = 0
    if spans and len(text) > width:
        first = spans[0][0]
        start = max(0, min(first - width // 3, len(text) - width))
    end = min(len(text), start + width)
    out = Text("…" if start > 0 else "")
    piece = Text(text[start:end])
    for a, b in spans:
        if a < end and b > start:
            piece.stylize("bold underline", max(a, start) - start, min(b, end) - start)
    out.append_text(piece)
    if end < len(text):
        out.append("…")
    return out


def _detail(item: ItemResult, checklist: Checklist, lang: str) -> Text:
    out = Text()
    if item.status == "waived":
        out.append(item.waiver or "")
        return out
    if item.evidence and item.status != "missing":
        ev = item.evidence[0]
        out.append_text(excerpt(ev))
        if ev.reason:  # why it earned only a part, in words a drafter can act on
            why = message("label-partial-why", lang, reason=checklist.reason_label(ev.reason, lang))
            out.append(f"（{why}）" if lang == "zh" else f" ({why})", style="magenta")
        if ev.section:
            out.append(f"\n{message('label-section', lang)}{ev.section}", style="dim")
    if item.status != "met":
        if out:
            out.append("\n")
        out.append(message("label-hint", lang), style="bold")
        out.append(checklist.item_hint(item, lang))
        shown = {e.text for e in item.evidence[:1]}
        for nm in [n for n in item.near_misses if n.text not in shown][:1]:
            out.append(f"\n{message('label-near', lang)}", style="bold")
            out.append_text(excerpt(nm))
            out.append(f"（{checklist.reason_label(nm.reason, lang)}）", style="magenta")
    return out


def _status(item: ItemResult, lang: str) -> Text:
    return Text(message(f"status-{item.status}", lang), style=STYLES[item.status])


def _rows(table: Table, item: ItemResult, checklist: Checklist, lang: str) -> None:
    label = Text(checklist.item_title(item, lang))
    label.append(f"\n{item.id} · {message('severity-' + item.severity, lang)}", style="dim")
    table.add_row(label, _status(item, lang), _detail(item, checklist, lang))
    for part in item.parts:
        sub = Text("  └ " + checklist.item_title(part, lang))
        table.add_row(sub, _status(part, lang), _detail(part, checklist, lang))


def report_table(result: ReportResult, checklist: Checklist, lang: str = "zh") -> Group:
    meta = result.meta
    unknown = message("unknown", lang)
    header = Text(message("meta-line", lang, title=meta.title or unknown, year=meta.year or unknown,
                          org=meta.org or unknown, date=meta.date or unknown), style="dim")
    table = Table(show_lines=True, expand=True, title_justify="left")
    table.add_column(message("col-item", lang), ratio=3, overflow="fold")
    table.add_column(message("col-status", lang), no_wrap=True)
    table.add_column(message("col-detail", lang), ratio=7, overflow="fold")
    for item in result.items:
        _rows(table, item, checklist, lang)
    parts: list[object] = [Text(printable(result.path), style="bold"), header, table, summary(result, checklist, lang)]
    if result.findings:
        lines = Text()
        for f in result.findings:
            lines.append(f"• [{f.id}] ", style="yellow")
            lines.append(f.message)
            if f.evidence:
                lines.append(f"\n    {f.evidence[0].text[:EXCERPT]}", style="dim")
            lines.append("\n")
        lines.rstrip()
        parts.append(Panel(lines, title=message("findings-title", lang), title_align="left", border_style="yellow"))
    return Group(*parts)  # type: ignore[arg-type]


PHRASE = re.compile(r"[^，、；：。]+[，、；：。]*|[，、；：。]+")  # a phrase runs to its punctuation


class Phrased:
    """Lines that the screen's width wraps between phrases, after ，、；：。, never inside one unless
    it is wider than the screen: 部分符合 5 项 stays whole, where rich would break it at its spaces.
    English lines wrap between words, as rich does."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lines: list[Text] = []

    def append(self, text: str, style: str) -> None:
        self.lines.append(Text(text, style=style))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        for line in self.lines:
            if self.lang != "zh":
                yield line
                continue
            for piece in wrap_phrases(line.plain, options.max_width):
                yield Text(piece, style=line.style, no_wrap=True, overflow="fold")


def wrap_phrases(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken between phrases."""
    width = max(width, 2)
    lines: list[str] = []
    current = ""
    for phrase in PHRASE.findall(text):
        if cell_len(current + phrase) <= width:
            current += phrase
            continue
        if current:
            lines.append(current)
        while cell_len(phrase) > width:  # wider than the screen: folded where it must be
            used = cut = 0
            for ch in phrase:
                if used + cell_len(ch) > width:
                    break
                used, cut = used + cell_len(ch), cut + 1
            lines.append(phrase[:max(cut, 1)])
            phrase = phrase[max(cut, 1):]
        current = phrase
    return [*lines, current] if current or not lines else lines


def summary(result: ReportResult, checklist: Checklist, lang: str = "zh") -> Phrased:
    key = "summary-pass" if result.passed else "summary-fail"
    out = Phrased(lang)
    out.append(message(key, lang, score=f"{result.score:.1f}", threshold=f"{result.threshold:g}"),
               "bold green" if result.passed else "bold red")
    if not result.passed:
        out.append(because(result, checklist, lang), "bold red")
    missing = [checklist.item_title(i, lang) for i in result.items if i.status == "missing"]
    partial = [checklist.item_title(i, lang) for i in result.items if i.status == "partial"]
    sep = "、" if lang == "zh" else ", "
    if missing:
        out.append(message("summary-missing", lang, count=len(missing), items=sep.join(missing)), "red")
    if partial:
        out.append(message("summary-partial", lang, count=len(partial), items=sep.join(partial)), "yellow")
    if not missing and not partial:
        out.append(message("summary-complete", lang), "green")
    return out


def error_text(result: ErrorResult, lang: str = "zh") -> Text:
    return Text(message("error-row", lang, message=result.error), style="bold red")


def recording_console(width: int, color: bool) -> Console:
    """A console that draws into memory, for ``export_text``: colour only if asked, text as it is."""
    return Console(record=True, width=width, color_system="standard" if color else None,
                   force_terminal=color, no_color=not color, highlight=False, soft_wrap=False, emoji=False,
                   file=io.StringIO())


def render_table(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
                 *, color: bool = True, width: int | None = None, **_: object) -> str:
    console = recording_console(width or 110, color)
    for i, result in enumerate(results):
        if i:
            console.print()
        if isinstance(result, ErrorResult):
            console.print(escape(printable(result.path)), style="bold")
            console.print(error_text(result, lang))
        else:
            console.print(report_table(result, checklist, lang))
    return console.export_text(styles=color)
