"""Bad input on the command line: one clear sentence naming the file, exit 2, no traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.cli.conftest import ROOT, lawcheck

EXAMPLE = ROOT / "examples" / "qinghe-street-2024.docx"


def _make(tmp: Path, kind: str) -> Path:
    if kind == "missing":
        return tmp / "nope.txt"
    if kind == "folder":
        (tmp / "reports").mkdir()
        return tmp / "reports"
    if kind == "empty":
        (tmp / "empty.txt").write_bytes(b"")
        return tmp / "empty.txt"
    if kind == "unknown":
        (tmp / "report.xyz").write_text("法治政府建设", encoding="utf-8")
        return tmp / "report.xyz"
    if kind == "corrupt-docx":
        (tmp / "cut.docx").write_bytes(EXAMPLE.read_bytes()[:2000])
        return tmp / "cut.docx"
    if kind == "random-docx":
        (tmp / "noise.docx").write_bytes(os.urandom(4096))
        return tmp / "noise.docx"
    if kind == "random-txt":
        (tmp / "noise.txt").write_bytes(bytes(range(256)) * 16)
        return tmp / "noise.txt"
    raise ValueError(kind)


EXPECTED = {
    "missing": ("找不到文件 {p}。", "File {p} does not exist."),
    "folder": ("{p} 是一个文件夹，不是报告文件（检查文件夹请用 lawcheck batch）。",
               "{p} is a folder, not a report file (use lawcheck batch to check a folder)."),
    "empty": ("文件 {p} 是空的，没有任何文字。", "File {p} is empty: it holds no text."),
    "unknown": ("无法识别 {p} 的格式“.xyz”", "{p} has the unsupported format \".xyz\""),
    "corrupt-docx": ("{p} 已损坏，或不是有效的 DOCX 文件。", None),
    "random-docx": ("{p} 已损坏，或不是有效的 DOCX 文件。", None),
    "random-txt": ("{p} 的内容是二进制数据，不是文本。", "{p} holds binary data, not text."),
}


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_bad_file_gets_one_sentence_and_exit_2(tmp_path: Path, kind: str) -> None:
    path = _make(tmp_path, kind)
    zh, en = EXPECTED[kind]
    result = lawcheck("check", str(path))
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(zh.format(p=path)), result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    if en is not None:
        english = lawcheck("check", str(path), "--lang", "en")
        assert english.code == 2 and english.err.startswith(en.format(p=path)), english.err


def test_a_bad_file_among_good_ones_becomes_an_error_row(tmp_path: Path) -> None:
    bad = _make(tmp_path, "random-txt")
    result = lawcheck("check", str(bad), "examples/yunling-town-2024.txt", "--format", "json")
    assert result.code == 2
    reports = json.loads(result.out)["reports"]
    assert reports[0]["error"] == f"{bad} 的内容是二进制数据，不是文本。"
    assert reports[0]["items"] == [] and reports[0]["score"] is None
    assert reports[1]["error"] is None and reports[1]["score"] > 0


def test_input_file_is_never_modified(tmp_path: Path) -> None:
    copy = tmp_path / "report.docx"
    copy.write_bytes(EXAMPLE.read_bytes())
    before = (copy.read_bytes(), copy.stat().st_mtime_ns)
    assert lawcheck("check", str(copy), "--format", "json").code == 0
    assert (copy.read_bytes(), copy.stat().st_mtime_ns) == before


@pytest.mark.parametrize(("args", "message"), [
    (["--fail-on", "sometimes"], "--fail-on 的值“sometimes”无效，应为 required、partial 或 none。"),
    (["--lang", "fr"], "语言“fr”无效，应为 zh 或 en。"),
    (["--format", "pdf"], "输出格式“pdf”无效"),
    (["--checklist", "nosuch"], "没有名为“nosuch”的内置检查清单"),
])
def test_bad_options_exit_2_with_a_message(args: list[str], message: str) -> None:
    result = lawcheck("check", "examples/yunling-town-2024.txt", *args)
    assert result.code == 2 and result.err.startswith(message), result.err
    assert "Traceback" not in result.err


def test_exit_codes_follow_the_gate() -> None:
    assert lawcheck("check", "examples/qinghe-street-2024.docx", "--format", "json").code == 0
    assert lawcheck("check", "examples/yunling-town-2024.txt", "--format", "json").code == 1
    assert lawcheck("check", "examples/yunling-town-2024.txt", "--format", "json",
                    "--fail-on", "none", "--min-score", "50").code == 0
    # judged by score alone, below the pass mark (a pass mark above 100 is refused: exit 2)
    assert lawcheck("check", "examples/yunling-town-2024.txt", "--format", "json",
                    "--fail-on", "none", "--min-score", "90").code == 1
