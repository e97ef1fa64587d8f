"""-o takes its format from its suffix, in check as in batch; batch writes junit, sarif and github."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.cli.conftest import lawcheck

REPORT = "examples/yunling-town-2024.txt"


@pytest.mark.parametrize(("suffix", "starts"), [(".html", "<!DOCTYPE html>"), (".json", "{"),
                                                (".xml", "<?xml"), (".sarif", "{"), (".txt", "examples/")])
def test_check_writes_the_format_its_output_names(tmp_path: Path, suffix: str, starts: str) -> None:
    out = tmp_path / f"report{suffix}"
    run = lawcheck("check", REPORT, "-o", str(out))
    assert run.code == 1, run.err
    assert out.read_text(encoding="utf-8").startswith(starts)


def test_a_suffix_that_names_no_format_needs_format(tmp_path: Path) -> None:
    run = lawcheck("check", REPORT, "-o", str(tmp_path / "report.out"))
    assert run.code == 2 and not (tmp_path / "report.out").exists()
    assert run.err.startswith(f"无法从输出文件名 {tmp_path / 'report.out'} 看出要写成什么格式")
    ok = lawcheck("check", REPORT, "-o", str(tmp_path / "report.out"), "--format", "json")
    assert ok.code == 1 and json.loads((tmp_path / "report.out").read_text(encoding="utf-8"))["reports"]
    assert ok.out == f"已写入 {tmp_path / 'report.out'}（json，1 份报告）。\n"


@pytest.mark.parametrize("command", ["check", "batch"])
def test_a_suffix_that_contradicts_format_is_refused(tmp_path: Path, command: str) -> None:
    run = lawcheck(command, REPORT, "-o", str(tmp_path / "r.json"), "--format", "html", "--lang", "en")
    assert run.code == 2
    assert run.err == f"The output file {tmp_path / 'r.json'} is named as json, but --format says html; drop one of them.\n"


def test_batch_refuses_a_suffix_it_cannot_write(tmp_path: Path) -> None:
    run = lawcheck("batch", "examples", "-o", str(tmp_path / "x.pdf"), "--quiet")
    assert run.code == 2 and "x.pdf" in run.err


def test_batch_writes_one_junit_document_and_one_sarif_run(tmp_path: Path) -> None:
    xml, sarif = tmp_path / "all.xml", tmp_path / "all.sarif"
    run = lawcheck("batch", "examples", "-o", str(xml), "-o", str(sarif), "--quiet")
    assert run.code == 1, run.err
    root = ET.parse(xml).getroot()
    assert root.tag == "testsuites" and len(root) == 4  # a suite per report (examples/ holds 4), one document
    assert int(root.get("failures", "0")) >= 1
    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert len(log["runs"]) == 1
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]
            for loc in r["locations"]}
    assert {"examples/yunling-town-2024.txt", "examples/linchuan-county-traps-2024.txt"} <= uris


def test_batch_writes_github_annotations(tmp_path: Path) -> None:
    run = lawcheck("batch", "examples", "--format", "github", "--quiet")
    assert run.code == 1, run.err
    assert "::error file=examples/yunling-town-2024.txt,title=lawcheck legal-adviser" in run.out


@pytest.mark.parametrize("command", ["check", "batch"])
def test_an_output_that_is_a_pipe_is_written_into_not_replaced(tmp_path: Path, command: str) -> None:
    # -o /dev/null or a named pipe: a file renamed over it would take its place (as root, over /dev/null)
    import os
    import stat
    import threading

    pipe = tmp_path / "out.json"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
    reader.start()
    run = lawcheck(command, REPORT, "-o", str(pipe), "--format", "json")
    if reader.is_alive() and stat.S_ISFIFO(os.stat(pipe).st_mode):  # never opened: let the reader go
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
    reader.join(timeout=20)
    assert run.code == 1, run.err
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert json.loads(got[0].decode("utf-8"))["reports"][0]["path"] == REPORT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary file left beside it
