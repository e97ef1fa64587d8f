"""``--format github``: GitHub Actions workflow commands, shown as annotations on the run.

    ::error file=reports/a.docx,title=lawcheck legal-adviser 法律顾问作用发挥::缺少“法律顾问作用发挥”：…
    ::warning file=reports/a.txt,line=12,title=lawcheck three-systems 行政执法三项制度::“行政执法三项制度”只部分符合：…

Items that fail the gate are ``::error``; other items not met are
``::warning`` (``::notice`` for info items); a waived item is a ``::notice``
with the reason; each report ends with a score line; an unreadable report is
an ``::error``. Values are escaped as the runner requires (``%``, CR, LF, and
in properties ``:`` and ``,``).
"""

from __future__ import annotations

from typing import Sequence

from lawcheck.judge.checklist import Checklist
from lawcheck.messages import message
from lawcheck.messages.safe import printable
from lawcheck.document.model import ErrorResult, ReportResult
from lawcheck.reporters import ci
from lawcheck.reporters.verdict import because

COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message_text: str, **properties: object) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
    return f"::{kind}{' ' + props if props else ''}::{escape_data(message_text)}"


def render_github(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
                  *, fail_on: str = "required", **_: object) -> str:
    lines: list[str] = []
    for result in results:
        if isinstance(result, ErrorResult):
            lines.append(command("error", result.error, file=result.path, title="lawcheck"))
            continue
        failing = ci.failing(result, fail_on)
        for item in result.items:
            if item.status == "met":
                continue
            level = "note" if item.status == "waived" else (
                "error" if item.id in failing else ci.LEVELS.get(item.severity, "warning"))
            lines.append(command(COMMANDS[level], ci.problem(item, checklist, lang), file=result.path,
                                 line=ci.line_of(item), title=f"lawcheck {item.id} {ci.title(item, checklist, lang)}"))
        for finding in result.findings:
            line = next((e.line for e in finding.evidence if e.line is not None), None)
            lines.append(command("warning", finding.message, file=result.path, line=line,
                                 title=f"lawcheck {finding.id}"))
        key = "summary-pass" if result.passed else "summary-fail"
        summary = message(key, lang, score=f"{result.score:.1f}", threshold=f"{result.threshold:g}")
        if not result.passed:
            summary += " " + because(result, checklist, lang)
        lines.append(command("notice" if result.passed else "error", summary, file=result.path, title="lawcheck"))
    return "".join(line + "\n" for line in lines)
