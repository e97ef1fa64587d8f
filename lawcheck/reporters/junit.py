"""``--format junit``: JUnit XML, which GitLab, Jenkins and most CI systems display.

One ``<testsuite>`` per report (named by its path), one ``<testcase>`` per
checklist item and one for the score. An item that fails the gate gets a
``<failure>`` whose message is the hint; a waived item is ``<skipped>`` with
the waiver's reason; an unreadable report is a suite with one ``<error>``::

    <testsuite name="reports/a.docx" tests="20" failures="1" errors="0" skipped="0">
      <testcase classname="reports/a.docx" name="legal-adviser 法律顾问作用发挥">
        <failure type="missing" message="写明政府法律顾问…">缺少“法律顾问作用发挥”：…</failure>
      </testcase>
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Sequence

from lawcheck.judge.checklist import Checklist
from lawcheck.messages import message
from lawcheck.messages.safe import printable
from lawcheck.document.model import ErrorResult, ReportResult
from lawcheck.reporters import ci

# Characters XML 1.0 forbids (a .docx may carry vertical tabs and form feeds).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_junit(results: Sequence[ReportResult | ErrorResult], checklist: Checklist, lang: str = "zh",
                 *, fail_on: str = "required", **_: object) -> str:
    root = ET.Element("testsuites", name=f"lawcheck {checklist.id}")
    for result in results:
        root.append(_error_suite(result) if isinstance(result, ErrorResult)
                    else _suite(result, checklist, lang, fail_on))
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
    ET.indent(root)
    # Every name and message (a report's path, its words) with control and bidi characters shown
    # as escapes: a CI page shows a U+202E as it would any text, reversing the rest of the line.
    text = printable(ET.tostring(root, encoding="unicode"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + NOT_XML.sub("", text) + "\n"


def _suite(result: ReportResult, checklist: Checklist, lang: str, fail_on: str) -> ET.Element:
    suite = ET.Element("testsuite", name=result.path)
    props = ET.SubElement(suite, "properties")
    for name, value in (("checklist", f"{checklist.id} {checklist.version}"), ("score", f"{result.score:.1f}"),
                        ("threshold", f"{result.threshold:g}"), ("passed", str(result.passed).lower())):
        ET.SubElement(props, "property", name=name, value=value)
    failing = ci.failing(result, fail_on)
    counts = {"tests": 0, "failures": 0, "skipped": 0}
    for item in result.items:
        case = ET.SubElement(suite, "testcase", classname=result.path, name=f"{item.id} {ci.title(item, checklist, lang)}")
        counts["tests"] += 1
        if item.id in failing:
            counts["failures"] += 1
            failure = ET.SubElement(case, "failure", type=item.status, message=ci.hint(item, checklist, lang))
            failure.text = ci.problem(item, checklist, lang)
        elif item.status == "waived":
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", message=item.waiver or "")
        elif item.status != "met":
            ET.SubElement(case, "system-out").text = ci.problem(item, checklist, lang)
    case = ET.SubElement(suite, "testcase", classname=result.path, name=f"score {message('ci-score-case', lang)}")
    counts["tests"] += 1
    below = ci.score_problem(result, lang)
    if below:
        counts["failures"] += 1
        ET.SubElement(case, "failure", type="score", message=below)
    for key, count in counts.items():
        suite.set(key, str(count))
    suite.set("errors", "0")
    return suite


def _error_suite(result: ErrorResult) -> ET.Element:
    suite = ET.Element("testsuite", name=result.path, tests="1", failures="0", errors="1", skipped="0")
    case = ET.SubElement(suite, "testcase", classname=result.path, name="read")
    ET.SubElement(case, "error", type=result.key or "read-error", message=result.error)
    return suite
