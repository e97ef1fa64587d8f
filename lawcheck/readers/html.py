"""Saved web pages (.html, .htm), parsed with lxml's HTML parser.

lxml is already a dependency and its parser (libxml2) is fast and forgiving of
broken markup. The encoding comes from a BOM, then the page's own
``<meta charset>``, then the same detection as plain text. Scripts, styles,
navigation, headers, footers and asides are dropped; when the page has an
``<article>`` or ``<main>``, only that is read. Long text nodes are read whole
(``huge_tree``): the paragraph limit of :mod:`lawcheck.readers` refuses a page
whose one paragraph is megabytes long, which would otherwise read as "no text". One block per block-level
element and per line within one (``<br>``, ``<pre>``), so an article typed as
one ``<div>`` with line breaks reads as its lines do in a .txt; h1-h6 give
``style_level``; table cells are ``cell`` blocks; ``line`` is the source line
the element starts on. The page title goes to ``furniture``. Site chrome
(``<nav>``, a ``menu``/``nav``/``footer`` class…) is dropped unless it holds
much of the page's text: then it is the article.
"""

from __future__ import annotations

from typing import Any

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from lawcheck.errors import ReadError
from lawcheck.document.model import RawBlock, Source
from lawcheck.readers import txt

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
         "form", "select", "button", "head")
_CHROME_TAGS = ("nav", "footer", "aside")
_SITE_CHROME = re.compile(r"(^|[\s_-])(nav|menu|footer|breadcrumb|crumb|share|sidebar|"
                          r"topbar|copyright|position|location)", re.I)
# Site chrome is a small part of a page: an element holding this share of the page's text
# is the article, whatever its class says ("article-nav-body", a <nav> around everything).
_CHROME_MAX_SHARE = 0.4
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt",
                     "dd", "pre", "blockquote", "table", "tr", "td", "th", "tbody", "thead",
                     "caption", "figure", "figcaption", "address", "center", "hr", "body",
                     "h1", "h2", "h3", "h4", "h5", "h6", "header"})
_SPACE = re.compile(r"[ \t\r\n\f]+")


# A tag with this many attributes is no web page's (real ones have tens): libxml2 takes minutes
# over hundreds of thousands, and cannot be stopped while it does. Only tags this long are counted.
MAX_ATTRIBUTES = 2000
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{20000,}")  # to the next < or >: linear in the page
_ATTRIBUTE = re.compile(r"""\s[^\s=<>"'/]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]*))?""")


def read(path: Path, data: bytes) -> Source:
    """Read the article text of a saved web page."""
    text, encoding, replaced = _decode(data, path)
    _refuse_absurd_tags(text, path)
    try:
        root = lxml_html.document_fromstring(text, parser=lxml_html.HTMLParser(
            no_network=True, huge_tree=True, remove_comments=True, remove_pis=True))
    except (etree.ParserError, ValueError) as exc:
        raise ReadError("corrupt", path=str(path), format="HTML", detail=str(exc)) from exc
    title = " ".join(str(t).strip() for t in _nodes(root, "//title/text()") if str(t).strip())
    _strip_chrome(root)
    articles = [e for e in _nodes(root, "//article | //main") if isinstance(e, lxml_html.HtmlElement)]
    container = max(articles, key=lambda e: len(e.text_content())) if articles else root
    blocks = tuple(_Collector().blocks(container))
    return Source(path=str(path), format="html", blocks=blocks, encoding=encoding,
                  furniture=(title,) if title else (), replaced=replaced)


def _refuse_absurd_tags(text: str, path: Path) -> None:
    """Refuse, before libxml2 parses it, a page with a tag of absurdly many attributes."""
    for m in _LONG_TAG.finditer(text):
        count = sum(1 for _ in _ATTRIBUTE.finditer(text, m.start(), m.end()))
        if count > MAX_ATTRIBUTES:
            raise ReadError("html_absurd", path=str(path), count=count)


def _nodes(root: etree._Element, query: str) -> list[Any]:
    """An XPath query's results as a list (lxml types them as any XPath value)."""
    found = root.xpath(query)
    return list(found) if isinstance(found, list) else []


def _decode(data: bytes, path: Path) -> txt.Decoded:
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                                         codecs.BOM_UTF16_BE)):
        name = declared.group(1).decode("ascii").lower()
        if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80"):
            name = "gb18030"  # pages that say GB2312 routinely use GBK characters
        try:
            return txt.Decoded(data.decode(name), codecs.lookup(name).name.replace("_", "-"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    return txt.decode(data, path)


def _strip_chrome(root: etree._Element) -> None:
    for element in list(root.iter(*_DROP)):
        element.drop_tree()  # type: ignore[attr-defined]  # an lxml.html element
    total = len(_SPACE.sub("", root.text_content())) or 1  # type: ignore[attr-defined]
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.tag in ("html", "body") or element.getparent() is None:
            continue
        marks = f"{element.get('id', '')} {element.get('class', '')}"
        if element.tag in _CHROME_TAGS or _SITE_CHROME.search(marks):
            share = len(_SPACE.sub("", element.text_content())) / total  # type: ignore[attr-defined]
            if share < _CHROME_MAX_SHARE:
                element.drop_tree()  # type: ignore[attr-defined]


class _Collector:
    """Walks the tree, cutting the text into one block per block-level element."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.line: int | None = None
        self.level: int | None = None
        self.kind = "paragraph"

    def blocks(self, element: etree._Element) -> Iterator[RawBlock]:
        yield from self._walk(element, pre=False)
        yield from self._flush()

    def _walk(self, element: etree._Element, pre: bool) -> Iterator[RawBlock]:
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag in _BLOCKS
        pre = pre or tag == "pre"
        outer = (self.line, self.level, self.kind)
        if block:
            yield from self._flush()
            self._open(element, tag)
        if tag == "br":
            self.parts.append("\n")
        self.parts.append(self._text(element.text, pre))
        for child in element:
            yield from self._walk(child, pre)
            self.parts.append(self._text(child.tail, pre))
        if block:
            yield from self._flush()
            self.line, self.level, self.kind = outer  # text after a nested block is the outer's

    def _open(self, element: etree._Element, tag: str) -> None:
        self.line = element.sourceline if isinstance(element.sourceline, int) else None
        self.level = int(tag[1]) if re.fullmatch(r"h[1-6]", tag) else None
        self.kind = "cell" if tag in ("td", "th") else "paragraph"

    def _flush(self) -> Iterator[RawBlock]:
        """The text gathered so far: a block per line (an article set with <br> or in <pre>
        is its lines, as the same report in a .txt file)."""
        text = "".join(self.parts)
        self.parts = []
        for line in text.split("\n"):
            if line.strip():
                yield RawBlock(text=line.strip(" "), kind=self.kind,  # type: ignore[arg-type]
                               style_level=self.level, line=self.line)

    @staticmethod
    def _text(text: str | None, pre: bool) -> str:
        if not text:
            return ""
        return text if pre else _SPACE.sub(" ", text)
