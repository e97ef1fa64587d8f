"""Any console: what a person reads comes in the console's encoding, what a program reads in UTF-8.

A Chinese Windows console redirected to a file (``lawcheck check r.docx > out.txt``)
has Python write in GBK (cp936); Taiwan's and Hong Kong's in Big5 (cp950).
``PYTHONIOENCODING`` gives this Python the same streams.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.cli.conftest import ROOT

EXAMPLES = ROOT / "examples"
# A body whose name has a character GBK lacks (U+4DAE, in GB 18030 only).
RARE = ("䶮山镇2024年法治政府建设年度报告\n"
        "2024年，镇党委书记认真履行推进法治建设第一责任人职责，主持召开专题会议研究法治建设工作3次。\n"
        "镇综合执法队事后公开行政处罚决定12件，现场执法全程使用执法记录仪。\n")


def run(*args: str, encoding: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update({"COLUMNS": "110", "PYTHONIOENCODING": encoding})
    return subprocess.run([sys.executable, "-m", "lawcheck", *args], cwd=cwd, env=env, capture_output=True,
                          timeout=120)


@pytest.mark.parametrize("encoding", ["cp936", "cp950"])  # Windows: GBK, Big5
def test_the_table_is_written_in_a_chinese_code_page(encoding: str) -> None:
    proc = run("check", str(EXAMPLES / "linchuan-county-traps-2024.txt"), encoding=encoding)
    assert proc.returncode == 1 and proc.stderr == b""
    table = proc.stdout.decode(encoding)  # strict: every byte is the console's
    for mark in ("√", "×", "○"):  # every Chinese code page has the status marks
        assert mark in table
    if encoding == "cp936":  # and GBK everything else (Big5 lacks the simplified characters themselves)
        assert "√ 符合" in table and "× 缺失" in table and "?" not in table


def test_a_character_the_console_lacks_is_a_question_mark_and_json_is_whole(tmp_path: Path) -> None:
    report = tmp_path / "䶮山镇.txt"
    report.write_text(RARE, encoding="utf-8")
    table = run("check", str(report), encoding="gbk")
    assert table.returncode == 1, table.stderr.decode("gbk")
    shown = table.stdout.decode("gbk")
    assert "单位：?山镇人民政府" in shown or "单位：?山镇" in shown
    for fmt in ("json", "jsonl", "sarif", "junit", "html"):
        proc = run("check", str(report), "--format", fmt, encoding="gbk")
        assert proc.returncode == 1, (fmt, proc.stderr.decode("gbk"))
        text = proc.stdout.decode("utf-8")  # UTF-8 whatever the console
        assert "䶮山镇" in text or "%E4%B6%AE" in text, fmt  # SARIF gives the file as a URI
    assert json.loads(run("check", str(report), "--format", "json", encoding="gbk").stdout)["reports"][0]["meta"][
        "org"].startswith("䶮山镇")


def test_an_error_naming_such_a_file_is_a_sentence(tmp_path: Path) -> None:
    proc = run("check", str(tmp_path / "䶮.docx"), encoding="gbk")
    assert proc.returncode == 2 and proc.stdout == b""
    said = proc.stderr.decode("gbk")
    assert said.startswith("找不到文件") or "?.docx" in said
    assert "Traceback" not in said and "UnicodeEncodeError" not in said


def test_batch_summary_in_the_console_encoding_machine_formats_in_utf8(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "䶮山镇.txt").write_text(RARE, encoding="utf-8")
    (folder / "b.txt").write_bytes((EXAMPLES / "yunling-town-2024.txt").read_bytes())
    summary = run("batch", str(folder), "--no-color", encoding="gbk")
    assert summary.returncode == 1
    assert "得分排名" in summary.stdout.decode("gbk") and "?山镇" in summary.stdout.decode("gbk")
    for fmt in ("json", "jsonl", "csv", "md", "junit", "html"):
        proc = run("batch", str(folder), "--format", fmt, "--quiet", encoding="gbk")
        assert proc.returncode == 1, fmt
        assert "䶮山镇" in proc.stdout.decode("utf-8-sig"), fmt  # strict: no byte of GBK


def test_history_tables_and_its_json(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(RARE, encoding="utf-8")
    db = tmp_path / "h.sqlite"
    assert run("batch", str(folder), "--db", str(db), "--quiet", encoding="gbk").returncode == 1
    table = run("history", "bodies", "--db", str(db), encoding="gbk")
    assert table.returncode == 0 and "?山镇" in table.stdout.decode("gbk")
    data = run("history", "bodies", "--db", str(db), "--format", "json", encoding="gbk")
    assert data.returncode == 0 and "䶮山镇" in data.stdout.decode("utf-8")


@pytest.mark.parametrize("columns", ["40", "50", "72", "110"])
def test_the_summary_wraps_between_phrases_at_any_width(columns: str) -> None:
    env = {**os.environ, "COLUMNS": columns}
    run = subprocess.run([sys.executable, "-m", "lawcheck", "check", "examples/linchuan-county-traps-2024.txt"],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env=env)
    lines = run.stdout[run.stdout.index("得分 59.7 / 100"):].splitlines()
    assert all(cell_len(line) <= int(columns) for line in lines)
    # the summary's sentences, each with the screen lines it took
    sentences: list[list[str]] = []
    for line in lines:
        if line.startswith(("得分", "未通过原因", "缺失", "部分符合")):
            sentences.append([])
        sentences[-1].append(line)
    assert [s[0][:4] for s in sentences] == ["得分 5", "未通过原", "缺失 5", "部分符合"]
    for screen_lines in sentences:
        for line in screen_lines[:-1]:  # a sentence breaks after a phrase's punctuation, or folds a
            assert line[-1] in "，、；：。" or cell_len(line) >= int(columns) - 1, screen_lines  # wider phrase
    said = ["".join(s) for s in sentences]
    assert said[2] == ("缺失 5 项：法律顾问作用发挥、第一责任人履职情况专门部分、其他需要报告的情况、公职律师、"
                       "规范性文件合法性审核与备案")
    assert said[3].startswith("部分符合 4 项：党政主要负责人履行推进法治建设第一责任人职责、")


def test_a_reader_that_stops_early_ends_the_batch_without_a_word(tmp_path: Path) -> None:
    for n in range(40):  # enough output that the pipe fills after the reader has gone
        (tmp_path / f"r{n:02d}.txt").write_text((ROOT / "examples" / "yunling-town-2024.txt").read_text(encoding="utf-8"),
                                                encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "lawcheck", "batch", str(tmp_path), "-f", "json", "-q",
                             "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 141
    assert err == ""  # no "internal error", no trace


@pytest.mark.parametrize("args", [
    ["explain", "legal-adviser"], ["checklist", "list"], ["config", "show"], ["template", "-o", "{tmp}/t.docx"],
    ["annotate", "examples/qinghe-street-2024.docx", "-o", "{tmp}/a.docx"], ["eval", "examples/labels.yaml"],
])
def test_every_command_takes_no_color(args: list[str], tmp_path: Path) -> None:
    words = [a.replace("{tmp}", str(tmp_path)) for a in args]
    run = subprocess.run([sys.executable, "-m", "lawcheck", *words, "--no-color"], cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", env={**os.environ, "FORCE_COLOR": "1"})
    assert run.returncode in (0, 1), run.stderr
    assert "\x1b[" not in run.stdout  # and no colour, though the terminal is forced to take it
