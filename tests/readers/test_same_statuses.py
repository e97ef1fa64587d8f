"""The same report gives the same statuses whatever format or encoding it comes in.

Each example report is written again as Markdown, as a web page (UTF-8, and GBK
declared by ``<meta charset="gbk">``, with site navigation around the article)
and in every text encoding a report really comes in; every item's and part's
status must equal the plain UTF-8 .txt's. The office formats made by
LibreOffice are in ``test_office_fixtures.py``.
"""

from __future__ import annotations

import codecs
import html
import json
import subprocess
import sys
from pathlib import Path

import opencc
import pytest

from lawcheck.judge import checklist
from lawcheck.judge.engine import check_path
from lawcheck.document.model import ReportResult
from lawcheck.document.text import NUMBERING
from lawcheck.document.text import normalise

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {
    "yunling": ROOT / "examples" / "yunling-town-2024.txt",
    "linchuan": ROOT / "examples" / "linchuan-county-traps-2024.txt",
    "qinghe": ROOT / "examples" / "src" / "qinghe-street-2024.txt",
}


def statuses(result: ReportResult) -> dict[str, str]:
    """Every item's status, and every part's as ``item/part``."""
    flat = {}
    for item in result.items:
        flat[item.id] = item.status
        for part in item.parts:
            flat[f"{item.id}/{part.id}"] = part.status
    return flat


def check(path: Path) -> dict[str, str]:
    return statuses(check_path(path, checklist.load()))


def lines(name: str) -> list[str]:
    return [line.strip() for line in EXAMPLES[name].read_text(encoding="utf-8").splitlines()
            if line.strip()]


def heading_level(line: str) -> int:
    """1 for 一、, 2 for （一）, 0 for a paragraph (the title is written apart)."""
    form = next((name for name, pattern in NUMBERING if pattern.match(normalise(line)[0])), None)
    return {"cn": 1, "paren-cn": 2}.get(form or "", 0)


def as_markdown(name: str) -> str:
    title, *rest = lines(name)
    out = [f"# {title}", ""]
    for line in rest:
        level = heading_level(line)
        out += [f"{'#' * (level + 1)} {line}" if level else line, ""]
    return "\n".join(out)


def as_html(name: str, charset: str) -> str:
    """A government site's article page: navigation, breadcrumbs, the report, a footer."""
    title, *rest = lines(name)
    body = [f"<h1>{html.escape(title)}</h1>"]
    for line in rest:
        level = heading_level(line)
        tag = f"h{level + 1}" if level else "p"
        body.append(f"<{tag}>{html.escape(line)}</{tag}>")
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{html.escape(title)}'
        "</title></head><body>\n"
        '<nav><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/zcwj">政策文件</a>'
        ' <a href="/hdjl">互动交流</a></nav>\n'
        '<div class="crumbs">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>\n'
        "<article>\n" + "\n".join(body) + "\n</article>\n"
        '<div class="related">相关链接：<a href="/a">政府信息公开年报</a></div>\n'
        "<footer>主办单位：人民政府办公室　网站标识码：0000000000</footer>\n"
        "</body></html>\n")


@pytest.fixture(scope="module")
def expected() -> dict[str, dict[str, str]]:
    return {name: check(path) for name, path in EXAMPLES.items()}


def test_examples_are_not_trivially_all_met(expected: dict[str, dict[str, str]]) -> None:
    # The comparisons below mean something only if the reports' statuses vary.
    assert {"met", "partial", "missing"} <= {status for flat in expected.values()
                                            for status in flat.values()}


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize(("suffix", "write"), [
    (".md", lambda name: as_markdown(name).encode("utf-8")),
    (".html", lambda name: as_html(name, "utf-8").encode("utf-8")),
    (".html", lambda name: as_html(name, "gbk").encode("gbk")),
], ids=["markdown", "html-utf-8", "html-gbk"])
def test_markup_formats(tmp_path: Path, expected: dict[str, dict[str, str]], name: str,
                        suffix: str, write) -> None:
    path = tmp_path / f"{name}{suffix}"
    path.write_bytes(write(name))
    assert check(path) == expected[name]


def test_html_navigation_is_not_read_as_report(tmp_path: Path) -> None:
    from lawcheck.readers import read

    path = tmp_path / "page.html"
    path.write_bytes(as_html("yunling", "gbk").encode("gbk"))
    texts = [block.text for block in read(path).blocks]
    assert texts[0] == lines("yunling")[0]
    assert not any("首页" in text or "网站标识码" in text for text in texts)


ENCODINGS = {  # id → (bytes of the text, what meta.encoding says)
    "utf-8": (lambda text: text.encode("utf-8"), "utf-8"),
    "utf-8-bom": (lambda text: codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8-sig"),
    "gb18030": (lambda text: text.encode("gb18030"), "gb18030"),
    "gbk": (lambda text: text.encode("gbk"), "gb18030"),  # GB18030 is a superset of GBK
    "utf-16-le-bom": (lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf-16"),
    "utf-16-be-bom": (lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "utf-16"),
}


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_text_encodings(tmp_path: Path, expected: dict[str, dict[str, str]], name: str,
                        encoding: str) -> None:
    encode, _ = ENCODINGS[encoding]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(encode(EXAMPLES[name].read_text(encoding="utf-8")))
    assert check(path) == expected[name]


@pytest.mark.parametrize("name", EXAMPLES)
def test_big5_traditional_text(tmp_path: Path, expected: dict[str, dict[str, str]],
                               name: str) -> None:
    traditional = opencc.OpenCC("s2tw").convert(EXAMPLES[name].read_text(encoding="utf-8"))
    assert traditional != EXAMPLES[name].read_text(encoding="utf-8")
    path = tmp_path / f"{name}.txt"
    path.write_bytes(traditional.encode("big5"))
    assert check(path) == expected[name]


def json_meta(path: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-m", "lawcheck", "check", str(path), "--format", "json"],
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    return report["reports"][0]["meta"]


@pytest.mark.parametrize("encoding", [*ENCODINGS, "big5"])
def test_json_meta_reports_the_encoding(tmp_path: Path, encoding: str) -> None:
    text = EXAMPLES["yunling"].read_text(encoding="utf-8")
    if encoding == "big5":
        data, shown = opencc.OpenCC("s2tw").convert(text).encode("big5"), "big5"
    else:
        encode, shown = ENCODINGS[encoding]
        data = encode(text)
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    meta = json_meta(path)
    assert (meta["format"], meta["encoding"]) == ("txt", shown)
