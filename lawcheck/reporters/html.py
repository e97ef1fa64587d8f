"""``--format html``: one self-contained page a drafter reads in a browser.

Per report: a score gauge and the verdict, what is left to do, then every item
with its status in colour; the evidence is shown inside its paragraph with the
matched words highlighted and its section path; a missing or partial item gets
the checklist's advice and the closest text found, with why it did not count.
For several reports (``batch``) an overview table comes first; it sorts when a
header is clicked and filters by text and verdict.

The page needs nothing from the network: the styles and the script are inlined
from ``html_assets/``, and Chinese text uses the system's fonts. Everything
from a report is HTML-escaped. The output depends only on the inputs.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from html import escape
from importlib import resources
from typing import TYPE_CHECKING, Sequence

from lawcheck import __version__
from lawcheck.judge.checklist import Checklist
from lawcheck.messages import message
from lawcheck.messages.safe import printable
from lawcheck.reporters.collected import Collected
from lawcheck.reporters.verdict import because
from lawcheck.document.model import ErrorResult, Evidence, Finding, ItemResult, ReportResult, flat_items

if TYPE_CHECKING:
    from lawcheck.reporters.tally import Tally

CONTEXT = 200  # characters of a long paragraph kept on each side of the evidence


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return resources.files("lawcheck.reporters").joinpath("html_assets", name).read_text("utf-8")


def e(value: object) -> str:
    """HTML-escaped, with control and bidi characters shown as escapes."""
    return escape(printable(str(value)), quote=True)


def anchor(*parts: str) -> str:
    """An id safe in a URL fragment, from item ids like ``three-systems.recording``."""
    return "-".join(re.sub(r"[^A-Za-z0-9_-]+", "_", p) for p in parts)


def render_html(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
                *, overview: bool | None = None, **_: object) -> str:
    """The whole page; an overview table when there is more than one report (or ``overview``)."""
    with_overview = len(results) > 1 if overview is None else overview
    title = message("html-title", lang)
    if len(results) == 1 and isinstance(results[0], ReportResult) and results[0].meta.title:
        title = f"{results[0].meta.title} · {title}"
    out = ["<!DOCTYPE html>",
           f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
           "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f'<meta name="generator" content="lawcheck {e(__version__)}">',
           f"<title>{e(title)}</title>", f"<style>\n{asset('report.css')}</style>", "</head>",
           "<body>", "<main>", f"<h1>{e(message('html-title', lang))}</h1>",
           f'<p class="generated">{e(generated(checklist, lang))}</p>']
    if with_overview:
        out.append(overview_table(results, lang))
        out.append(coverage_html(results, checklist, lang))
    for n, result in enumerate(results, 1):
        out.append(report_html(result, checklist, lang, f"r{n}", with_overview))
    out += [f"<footer>{e(generated(checklist, lang))}</footer>", "</main>"]
    if with_overview:
        out.append(f"<script>\n{asset('overview.js')}</script>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def generated(checklist: Checklist, lang: str) -> str:
    return message("html-generated", lang, version=__version__, checklist=checklist.id,
                   checklist_version=checklist.version)


# --- overview -----------------------------------------------------------------
def _verdict(result: ReportResult | ErrorResult) -> str:
    if isinstance(result, ErrorResult):
        return "error"
    return "pass" if result.passed else "fail"


def overview_table(results: Sequence[ReportResult | ErrorResult], lang: str) -> str:
    heads = [("#", "number"), (message("html-col-report", lang), "text"),
             (message("html-col-org", lang), "text"), (message("html-col-year", lang), "number"),
             (message("html-col-score", lang), "number"), (message("html-col-verdict", lang), "text"),
             (message("html-col-missing", lang), "number"), (message("html-col-partial", lang), "number")]
    options = "".join(f'<option value="{v}">{e(message(k, lang))}</option>'
                      for v, k in (("", "html-filter-all"), ("pass", "verdict-pass"),
                                   ("fail", "verdict-fail"), ("error", "verdict-error")))
    template = message("html-shown", lang, shown="{shown}", total="{total}")
    out = ['<section class="card" id="overview">',
           f"<h2>{e(message('html-overview', lang, count=len(results)))}</h2>",
           '<div class="controls">',
           f'<input type="search" id="overview-filter" placeholder="{e(message("html-filter", lang))}"'
           f' aria-label="{e(message("html-filter", lang))}">',
           f'<select id="overview-verdict" aria-label="{e(message("html-col-verdict", lang))}">{options}</select>',
           f'<span class="count" id="overview-count" data-template="{e(template)}">'
           f"{e(message('html-shown', lang, shown=len(results), total=len(results)))}</span>",
           f'<span class="hint-sort">{e(message("html-sort", lang))}</span>', "</div>",
           '<table class="overview" id="overview-table">', "<thead><tr>"]
    for label, kind in heads:
        align = ' class="num"' if kind == "number" else ""
        out.append(f'<th scope="col" data-type="{kind}"{align}>{e(label)}</th>')
    out.append("</tr></thead><tbody>")
    # ranked as the terminal ranks them: best score first, unreadable files last
    ranked = sorted(enumerate(results, 1), key=lambda nr: (isinstance(nr[1], ErrorResult),
                                                           -getattr(nr[1], "score", 0.0), nr[1].path))
    for rank, (n, result) in enumerate(ranked, 1):
        out.append(_overview_row(n, result, lang, rank))
    out += ["</tbody></table>", "</section>"]
    return "\n".join(out)


NUM = ' class="num"'


def coverage_html(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str) -> str:
    """Per item (and part), how many of the readable reports meet it, partly or not at all."""
    readable = [r for r in results if isinstance(r, ReportResult)]
    counts: dict[str, dict[str, int]] = {}
    for result in readable:
        for got in flat_items(result.items):
            counts.setdefault(got.id, {"met": 0, "partial": 0, "missing": 0, "waived": 0})[got.status] += 1
    heads = [message("col-item", lang), message("batch-col-severity", lang),
             *(message(f"status-{s}", lang) for s in ("met", "partial", "missing")), message("batch-col-coverage", lang)]
    out = ['<section class="card" id="coverage">',
           f"<h2>{e(message('batch-coverage-title', lang, count=len(readable)))}</h2>",
           '<table class="overview coverage"><thead><tr>'
           + "".join(f"<th scope=\"col\"{NUM if i > 1 else ''}>{e(h)}</th>" for i, h in enumerate(heads))
           + "</tr></thead><tbody>"]
    for top in checklist.items:
        for definition, depth in ((top, 0), *((p, 1) for p in top.parts)):
            c = counts.get(definition.id, {"met": 0, "partial": 0, "missing": 0})
            share = f"{100 * c['met'] / len(readable):.0f}%" if readable else "—"
            title = ("└ " if depth else "") + definition.title_in(lang)
            cells = [e(title), e(message(f"severity-{definition.severity}", lang)),
                     *(f'<span class="status {s}">{c[s]}</span>' for s in ("met", "partial", "missing")), share]
            out.append("<tr>" + "".join(f"<td{NUM if i > 1 else ''}>{v}</td>" for i, v in enumerate(cells)) + "</tr>")
    out += ["</tbody></table>", "</section>"]
    return "\n".join(out)


def _overview_row(n: int, result: ReportResult | ErrorResult, lang: str, rank: int) -> str:
    verdict = _verdict(result)
    if isinstance(result, ErrorResult):
        report = f'<a href="#r{n}">{e(result.path)}</a>'
        org, year, score, missing, partial = "", "", "", "", ""
    else:
        meta = result.meta
        report = f'<a href="#r{n}">{e(meta.title or result.path)}</a><span class="path">{e(result.path)}</span>'
        org, year, score = e(meta.org or ""), e(meta.year or ""), f"{result.score:.1f}"
        missing = str(sum(1 for i in result.items if i.status == "missing"))
        partial = str(sum(1 for i in result.items if i.status == "partial"))
    tds = [f'<td class="num">{rank}</td>', f"<td>{report}</td>", f"<td>{org}</td>", f'<td class="num">{year}</td>',
           f'<td class="num">{score}</td>',
           f'<td><span class="verdict {verdict}">{e(message("verdict-" + verdict, lang))}</span></td>',
           f'<td class="num">{missing}</td>', f'<td class="num">{partial}</td>']
    return f'<tr data-order="{rank}" data-verdict="{verdict}">{"".join(tds)}</tr>'


# --- one report -----------------------------------------------------------------
def report_html(result: ReportResult | ErrorResult, checklist: Checklist, lang: str, rid: str,
                back: bool = False) -> str:
    back_link = f'<a class="back" href="#overview">{e(message("html-back", lang))}</a>' if back else ""
    if isinstance(result, ErrorResult):
        return (f'<article class="card report" id="{rid}" data-verdict="error">{back_link}'
                f'<h2>{e(result.path)}</h2><p><span class="verdict error">{e(message("verdict-error", lang))}'
                f'</span><span class="error-text">{e(result.error)}</span></p></article>')
    meta = result.meta
    unknown = message("unknown", lang)
    verdict = _verdict(result)
    counts = {s: sum(1 for i in result.items if i.status == s) for s in ("met", "partial", "missing")}
    out = [f'<article class="card report" id="{rid}" data-verdict="{verdict}">', back_link,
           # the gauge shows the score against the pass mark; the verdict and its reason are said below
           '<header class="report-head">', gauge(result.score, result.threshold, not result.below, lang),
           '<div class="who">', f"<h2>{e(meta.title or result.path)}</h2>",
           f'<div class="path">{e(result.path)}</div>',
           f'<p class="meta">{e(message("meta-line", lang, title=meta.title or unknown, year=meta.year or unknown, org=meta.org or unknown, date=meta.date or unknown))}</p>',
           f'<p><span class="verdict {verdict}">{e(message("verdict-" + verdict, lang))}</span>'
           f'{e(message("html-score-line", lang, score=f"{result.score:.1f}", threshold=f"{result.threshold:g}"))}'
           f' · <span class="counts">{e(message("html-counts", lang, **counts))}</span></p>',
           f'<p class="why">{e(because(result, checklist, lang))}</p>' if not result.passed else "",
           "</div>", "</header>", todo(result, checklist, lang, rid),
           f"<h3>{e(message('html-items', lang))}</h3>"]
    out += [item_html(i, checklist, lang, anchor(rid, i.id)) for i in result.items]
    if result.findings:
        out.append(findings_html(result.findings, lang))
    out.append("</article>")
    return "\n".join(out)


def gauge(score: float, threshold: float, passed: bool, lang: str) -> str:
    """A half-circle gauge filled to ``score``, with a tick at the pass mark (green when ``passed``
    the mark, red below it)."""
    radius, cx, cy = 50, 60, 60
    length = math.pi * radius
    filled = length * max(0.0, min(score, 100.0)) / 100
    angle = math.pi * (1 - max(0.0, min(threshold, 100.0)) / 100)
    inner, outer = radius - 9, radius + 9
    x1, y1 = cx + inner * math.cos(angle), cy - inner * math.sin(angle)
    x2, y2 = cx + outer * math.cos(angle), cy - outer * math.sin(angle)
    colour = "var(--met)" if passed else "var(--missing)"
    arc = f"M{cx - radius} {cy} A{radius} {radius} 0 0 1 {cx + radius} {cy}"
    label = message("html-score-line", lang, score=f"{score:.1f}", threshold=f"{threshold:g}")
    return (f'<svg class="gauge" viewBox="0 0 120 76" role="img" aria-label="{e(label)}">'
            f'<path d="{arc}" fill="none" stroke="#e6e9ed" stroke-width="12"/>'
            f'<path d="{arc}" fill="none" stroke="{colour}" stroke-width="12" '
            f'stroke-dasharray="{filled:.2f} {length:.2f}"/>'
            f'<line x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" y2="{y2:.2f}" stroke="#1f2328" stroke-width="2"/>'
            f'<text x="{cx}" y="{cy - 4}" text-anchor="middle" font-size="20" font-weight="700" '
            f'fill="{colour}">{score:.1f}</text>'
            f'<text x="{cx}" y="{cy + 12}" text-anchor="middle" font-size="9" fill="#59636e">/ 100</text>'
            "</svg>")


def todo(result: ReportResult, checklist: Checklist, lang: str, rid: str) -> str:
    """Links to the items still to write: required ones first (they decide the verdict), missing before partial."""
    order = {"required": 0, "recommended": 1}
    rows = sorted((i for i in result.items if i.status in ("missing", "partial")),
                  key=lambda i: (order.get(i.severity, 2), i.status != "missing"))
    if not rows:
        return f'<div class="todo">{e(message("summary-complete", lang))}</div>'
    links = "".join(
        f'<li><span class="status {i.status}">{e(message("status-" + i.status, lang))}</span> '
        f'<a href="#{anchor(rid, i.id)}">{e(checklist.item_title(i, lang))}</a>'
        f' <span class="item-id">{e(message("severity-" + i.severity, lang))}</span></li>' for i in rows)
    return f'<div class="todo"><strong>{e(message("html-todo", lang))}</strong><ul>{links}</ul></div>'


def item_html(item: ItemResult, checklist: Checklist, lang: str, aid: str, part: bool = False) -> str:
    status = item.status
    weight = "" if part else f" · {message('html-weight', lang, weight=f'{item.weight:g}')}"
    out = [f'<div class="item {status}" id="{aid}">', '<div class="item-head">',
           f'<span class="status {status}">{e(message("status-" + status, lang))}</span>',
           f'<span class="item-title">{e(checklist.item_title(item, lang))}</span>',
           f'<span class="item-id">{e(item.id)} · {e(message("severity-" + item.severity, lang))}{e(weight)}</span>',
           "</div>"]
    if status == "waived":
        out.append(f'<p class="advice">{e(item.waiver or "")}</p>')
    else:
        if status != "missing":
            out.append(evidence_html(_own_evidence(item), lang))
            why = [checklist.reason_label(r, lang) for r in dict.fromkeys(ev.reason for ev in item.evidence if ev.reason)]
            if why:  # why what was found earns only a part
                sep = "；" if lang == "zh" else "; "
                out.append(f'<p class="partial-why">{e(message("label-partial-why", lang, reason=sep.join(why)))}</p>')
        if status != "met":
            out.append(f'<p class="advice"><b>{e(message("label-hint", lang))}</b>'
                       f"{e(checklist.item_hint(item, lang))}</p>")
            out += [near_html(nm.text, checklist.reason_label(nm.reason, lang), nm.section, lang)
                    for nm in item.near_misses]
    if item.parts:
        out.append('<div class="parts">')
        out += [item_html(p, checklist, lang, anchor(aid, p.id.rsplit(".", 1)[-1]), part=True)
                for p in item.parts]
        out.append("</div>")
    out.append("</div>")
    return "\n".join(out)


def _own_evidence(item: ItemResult) -> list[Evidence]:
    """An item's evidence less what its parts show again."""
    shown = {(ev.block, ev.text) for p in item.parts for ev in p.evidence}
    return [ev for ev in item.evidence if (ev.block, ev.text) not in shown]


def evidence_html(evidence: Sequence[Evidence], lang: str) -> str:
    """Each paragraph once, its evidence sentences tinted and the matched words marked."""
    return "".join(_paragraph_html(group, lang) for group in _by_paragraph(evidence))


def _by_paragraph(evidence: Sequence[Evidence]) -> list[list[Evidence]]:
    groups: dict[tuple[int, str], list[Evidence]] = {}
    for ev in evidence:
        groups.setdefault((ev.block, ev.paragraph or ev.text), []).append(ev)
    return list(groups.values())


def _paragraph_html(group: list[Evidence], lang: str) -> str:
    first = group[0]
    text = first.paragraph or first.text
    sentences = sorted({(ev.at, ev.at + len(ev.text)) if ev.paragraph else (0, len(ev.text)) for ev in group})
    spans = [(start + a, start + b) for ev in group for start in [ev.at if ev.paragraph else 0]
             for a, b in ev.spans if 0 <= a < b <= len(ev.text)]
    lo = max(0, sentences[0][0] - CONTEXT)
    hi = min(len(text), max(end for _, end in sentences) + CONTEXT)
    out, pos = ["…" if lo else ""], lo
    for start, end in _merge(sentences):
        out += [e(text[pos:start]), '<span class="sent">', marked(text, start, end, spans), "</span>"]
        pos = end
    out += [e(text[pos:hi]), "…" if hi < len(text) else ""]
    return (f'<blockquote class="evidence"><p>{"".join(out)}</p>'
            f"{where(first.section, first.page, first.line, lang)}</blockquote>")


def marked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """``text[start:end]`` escaped, with ``spans`` (merged where they overlap) in <mark>."""
    out, pos = [], start
    for a, b in _merge(spans):
        a, b = max(a, pos), min(b, end)
        if a >= b:
            continue
        out += [e(text[pos:a]), f"<mark>{e(text[a:b])}</mark>"]
        pos = b
    out.append(e(text[pos:end]))
    return "".join(out)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def where(section: str, page: int | None, line: int | None, lang: str) -> str:
    bits = [section] if section else []
    if page is not None:
        bits.append(message("html-page", lang, page=page))
    if line is not None:
        bits.append(message("html-line", lang, line=line))
    if not bits:
        return ""
    return f'<div class="where">{e(message("label-section", lang))}{e(" · ".join(bits))}</div>'


def near_html(text: str, reason: str, section: str, lang: str) -> str:
    """A near miss: the text and why it did not count (``reason`` in words)."""
    return (f'<div class="near"><b>{e(message("label-near", lang))}</b><q>{e(text)}</q>'
            f' <span class="reason">{e(_paren(reason, lang))}</span>'
            f'{where(section, None, None, lang)}</div>')


def _paren(text: str, lang: str) -> str:
    return f"（{text}）" if lang == "zh" else f"({text})"


def findings_html(findings: Sequence[Finding], lang: str) -> str:
    rows = []
    for f in findings:
        evidence = evidence_html(f.evidence[:1], lang)
        rows.append(f'<li><span class="fid">[{e(f.id)}]</span> {e(f.message)}{evidence}</li>')
    return (f'<h3>{e(message("findings-title", lang))}</h3>'
            f'<ul class="findings">{"".join(rows)}</ul>')


class HtmlStream(Collected):
    """``batch --format html`` as a batch output stream.

    The overview needs every report, so the page is written in one piece when
    the batch finishes; reports keep the order they arrive in (path order).
    """

    def __init__(self, checklist: Checklist, lang: str = "zh", **_: object) -> None:
        super().__init__(checklist, lang, render=render_html)

    def finish(self, tally: Tally) -> str:
        return render_html(self.results, self.checklist, self.lang, overview=True)
