"""Shared helpers for the drafter tools' tests: the HTML report, annotate, template."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from lawcheck.judge import checklist as checklists
from lawcheck.judge.checklist import Checklist

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
VOID = {"meta", "link", "br", "hr", "img", "input", "source", "col", "area", "base", "wbr"}
# Inside SVG, shapes close themselves (<path .../>), which html.parser reports as start+end.


class Page(HTMLParser):
    """Every element with its attributes and its text, checking that tags nest."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self.stack: list[tuple[str, dict[str, str], list[str]]] = []
        self.problems: list[str] = []
        self.text: list[str] = []
        self.doctype = ""
        self.feed(text)
        self.close()
        if self.stack:
            self.problems.append(f"unclosed: {[t for t, _, _ in self.stack]}")

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = (tag, {k: v or "" for k, v in attrs}, [])
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}, []))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for _, _, texts in self.stack:
            texts.append(data)

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[tuple[str, dict[str, str], str]]:
        out = []
        for t, a, texts in self.elements:
            if tag is not None and t != tag:
                continue
            if cls is not None and cls not in a.get("class", "").split():
                continue
            if any(a.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            out.append((t, a, "".join(texts)))
        return out


@pytest.fixture(scope="session")
def fazhi() -> Checklist:
    return checklists.load(None)
