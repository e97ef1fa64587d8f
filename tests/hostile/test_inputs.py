"""Hostile and damaged input: each refused with its own sentence (exit 2) or read, never a hang.

The files come from ``tests/support/hostile.py``. Timing is for ``benchmarks/hostile.py``;
here a generous subprocess timeout only tells a hang from an answer.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lawcheck.judge import checklist
from lawcheck.judge.engine import check_path
from lawcheck.readers import read
from tests.cli.conftest import lawcheck
from tests.support.hostile import MAKERS

REFUSED = {
    "pdf-bomb-1gb.pdf": "中的压缩内容解压后体积异常巨大（疑似压缩炸弹），已拒绝读取。",
    "one-line-30mb.txt": "个字符的上限，不像是报告，已拒绝读取。",
    "one-token-21mb.txt": "个字符的上限，不像是报告，已拒绝读取。",
    "rtf-control-word-10mb.rtf": "个字符的上限，不像是报告，已拒绝读取。",
    "html-one-p-21mb.html": "个字符的上限，不像是报告，已拒绝读取。",
    "rtf-unbalanced-braces.rtf": "已损坏，或不是有效的 RTF 文件。",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_its_own_sentence(tmp_path: Path, name: str) -> None:
    path = MAKERS[name](tmp_path)
    run = lawcheck("check", str(path))
    assert run.code == 2
    assert run.err.startswith(str(path)) and run.err.rstrip().endswith(REFUSED[name]), run.err
    assert run.err.count("\n") == 1 and run.out == ""


@pytest.mark.parametrize("name", ["markdown-nested-brackets.md", "markdown-unmatched-stars.md"])
def test_pathological_markdown_is_read(tmp_path: Path, name: str) -> None:
    run = lawcheck("check", str(MAKERS[name](tmp_path)), "--format", "json")
    assert run.code == 1, run.err
    assert json.loads(run.out)["reports"][0]["meta"]["title"] == "青松县2024年法治政府建设年度报告"


@pytest.mark.parametrize(("name", "replaced", "encoding"), [
    ("utf8-five-stray-bytes.txt", 5, "utf-8"),
    ("utf8-lone-surrogates.txt", 6, "utf-8"),
    ("utf8-bom-then-gbk.txt", 0, "gb18030"),
])
def test_stray_bytes_are_read_and_counted(tmp_path: Path, name: str, replaced: int, encoding: str) -> None:
    path = MAKERS[name](tmp_path)
    source = read(path)
    assert (source.encoding, source.replaced) == (encoding, replaced)
    meta = json.loads(lawcheck("check", str(path), "--format", "json").out)["reports"][0]["meta"]
    assert meta["encoding"] == encoding and meta.get("replaced", 0) == replaced
    assert meta["title"] == "青松县2024年法治政府建设年度报告"
    assert check_path(path, checklist.load()).meta.replaced == replaced


def test_an_input_is_never_changed(tmp_path: Path) -> None:
    paths = [MAKERS[name](tmp_path) for name in ("utf8-five-stray-bytes.txt", "rtf-unbalanced-braces.rtf")]
    before = {p: (p.read_bytes(), p.stat().st_mode, p.stat().st_mtime_ns) for p in paths}
    lawcheck("batch", str(tmp_path), "-o", str(tmp_path / "out.csv"), "--quiet")
    assert {p: (p.read_bytes(), p.stat().st_mode, p.stat().st_mtime_ns) for p in paths} == before


@pytest.mark.parametrize(("args", "err"), [
    (["--max-size", "-1"], "--max-size 的值 -1 无效，应为正整数。\n"),
    (["--max-size", "0", "--lang", "en"], "--max-size 0 is not valid; give a positive whole number.\n"),
    (["--min-score", "120"], "--min-score 的值 120 无效，应在 0 到 100 之间。\n"),
    (["--min-score", "-5", "--lang", "en"], "--min-score -5 is not valid; give a value from 0 to 100.\n"),
    (["--min-score", "abc"], "--min-score 的值应为数字；运行 lawcheck check -h 查看用法。\n"),
    (["--nosuch"], "没有 --nosuch 这个选项；运行 lawcheck check -h 查看用法。\n"),
    (["--no-colr", "--lang", "en"], "There is no option --no-colr (did you mean --no-color?); "
                                    "run lawcheck check -h for help.\n"),
])
def test_bad_options_are_one_sentence(args: list[str], err: str) -> None:
    run = lawcheck("check", "examples/yunling-town-2024.txt", *args)
    assert (run.code, run.out, run.err) == (2, "", err)


def test_usage_errors_are_one_sentence_in_the_users_language() -> None:
    assert lawcheck("check").err == "缺少参数 报告文件；运行 lawcheck check -h 查看用法。\n"
    assert lawcheck("nosuch").err == "没有名为“nosuch”的命令；运行 lawcheck -h 查看用法。\n"
    english = lawcheck("check", env={"LANG": "en_US.UTF-8"})
    assert (english.code, english.err) == (2, "The argument files is missing; run lawcheck check -h for help.\n")


def test_a_file_that_is_not_a_checklist_is_not_quoted() -> None:
    run = lawcheck("check", "examples/yunling-town-2024.txt", "--checklist", "/etc/passwd")
    assert run.code == 2
    assert "root" not in run.err and run.err.endswith("/etc/passwd:1:1: (top): found text, expected a mapping\n")
