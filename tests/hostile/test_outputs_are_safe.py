"""Outputs that cannot hurt the person who opens them, and inputs that are never written to."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.cli.conftest import lawcheck

REPORT = ("青禾街道2024年法治政府建设年度报告\n2024年，街道法律顾问审查合同20份，列席会议6次。\n"
          "街道综合执法队事后公开处罚决定12件。\n")


def test_check_never_writes_over_its_input(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    report.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(report)
    before = report.read_bytes()
    for target in (report, link):
        run = lawcheck("check", str(report), "-o", str(target))
        assert run.code == 2
        assert run.err == f"输出文件 {target} 是被检查的报告之一；lawcheck 不会改写输入文件，请换一个输出路径。\n"
    run = lawcheck("check", str(link), "-o", str(report), "--lang", "en")
    assert run.err == f"The output file {report} is one of the reports being checked; lawcheck never overwrites an input.\n"
    assert report.read_bytes() == before and stat.S_IMODE(report.stat().st_mode) == 0o640


@pytest.mark.parametrize("command", [["check", "--format", "json"], ["annotate"]])
def test_outputs_get_the_permissions_of_any_new_file(tmp_path: Path, command: list[str]) -> None:
    report = tmp_path / "r.docx"
    document = docx.Document()
    for line in REPORT.splitlines():
        document.add_paragraph(line)
    document.save(str(report))
    out = tmp_path / ("out.json" if command[0] == "check" else "out.docx")
    old = os.umask(0o022)
    try:
        run = lawcheck(command[0], str(report), *command[1:], "-o", str(out))
    finally:
        os.umask(old)
    assert run.code in (0, 1), run.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_no_spreadsheet_cell_is_a_formula(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / '=HYPERLINK("evil","x").txt').write_text(REPORT, encoding="utf-8")
    (folder / "+cmd.txt").write_text(REPORT.replace("2024年，街道法律顾问审查合同20份，列席会议6次。",
                                                    "@SUM(1+1)，法律顾问尚未参与审查合同。"), encoding="utf-8")
    xlsx, out_csv = tmp_path / "s.xlsx", tmp_path / "s.csv"
    run = lawcheck("batch", ".", "-o", str(xlsx), "-o", str(out_csv), "--quiet", cwd=folder)
    assert run.code == 1, run.err
    book = openpyxl.load_workbook(xlsx)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells}
    assert any(str(v).startswith('=HYPERLINK("evil"') for v in texts)  # shown as written
    assert any(str(v).startswith("@SUM(1+1)") for v in texts)
    rows = list(csv.reader(io.StringIO(out_csv.read_text(encoding="utf-8-sig"))))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "@")) or cell.lstrip("+").replace(".", "").isdigit(), cell
    assert any(cell.startswith("'=HYPERLINK(") for row in rows for cell in row)


HOSTILE_TEXT = ("青禾街道2024年法治政府建设年度报告\n"
                "2024年，街道\x1b[2J法律顾问审查合同20份\x1b]0;pwned\x07，列席会议\u009b6次\u202e。\n"
                "街道\x08综合执法队事后公开处罚决定12件。\n"
                + "街道综合执法队现场执法全程使用执法记录仪，形成音像记录资料360余条。\n" * 3)


@pytest.mark.parametrize("fmt", ["table", "html", "github", "junit"])
def test_no_control_code_from_a_report_reaches_the_reader(tmp_path: Path, fmt: str) -> None:
    report = tmp_path / "r\x1b[31m.txt"
    report.write_text(HOSTILE_TEXT, encoding="utf-8")
    run = lawcheck("check", str(report), "--format", fmt, "--no-color")
    assert run.code in (0, 1), run.err
    for bad in ("\x1b", "\x07", "\x08", "\u009b", "\u202e"):
        assert bad not in run.out, (fmt, repr(bad))
    if fmt in ("table", "html"):
        assert "r\\x1b[31m.txt" in run.out  # the file's name, with its escape shown


def test_control_codes_in_a_file_name_are_shown_escaped_in_errors(tmp_path: Path) -> None:
    run = lawcheck("check", str(tmp_path / "no\x1b[2Jsuch.txt"))
    assert run.code == 2
    assert "\x1b" not in run.err and "no\\x1b[2Jsuch.txt" in run.err


def test_the_batch_summary_and_markdown_show_names_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a\u202eb.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    for args in (["--no-color"], ["--format", "md"]):
        run = lawcheck("batch", str(folder), *args, "--quiet")
        assert run.code in (0, 1), run.err
        assert "\u202e" not in run.out and "\x1b" not in run.out and "a\\u202eb.txt" in run.out


# A report that names no body: its letter and its sheet are named by its file.
NAMELESS = REPORT.replace("青禾街道2024年", "2024年").replace("街道", "本单位")


def _nameless(folder: Path, name: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(NAMELESS, encoding="utf-8")
    return path


def test_letters_are_not_written_among_the_reports(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    report = _nameless(folder, "甲.txt")
    before = sorted(p.name for p in folder.iterdir())
    for letters, shown in ((folder, folder), (tmp_path / "link", tmp_path / "link")):
        if letters != folder:
            letters.symlink_to(folder)
        run = lawcheck("batch", str(folder), "--feedback", str(letters), "--quiet")
        assert run.code == 2
        assert run.err == (f"反馈意见文件夹 {shown} 中有本次要检查的报告（如 {report}）；反馈意见不能与报告混放，"
                           "请另指定一个文件夹，或用 --exclude 排除其中的文件。\n")
    assert sorted(p.name for p in folder.iterdir()) == before


def test_a_letter_never_replaces_a_report_it_links_to(tmp_path: Path) -> None:
    report = _nameless(tmp_path / "reports", "甲.txt")
    letters = tmp_path / "letters"
    letters.mkdir()
    run = lawcheck("batch", str(report), "--feedback", str(tmp_path / "probe"), "--quiet")
    assert run.code in (0, 1), run.err
    name = next(p.name for p in (tmp_path / "probe").glob("*.docx"))
    (letters / name).symlink_to(report)  # where the letter would go: a link to the report
    before = report.read_bytes()
    run = lawcheck("batch", str(report), "--feedback", str(letters), "--quiet")
    assert run.code in (0, 1), run.err
    assert report.read_bytes() == before
    assert (letters / name).is_symlink()
    numbered = letters / name.replace(".docx", "-2.docx")
    assert docx.Document(str(numbered)).paragraphs  # the letter, numbered


def test_names_in_sheets_letters_junit_and_markdown_show_bidi_and_controls_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    _nameless(folder, "a\u202eb\x1b.txt")
    _nameless(folder, "<img src=x onerror=alert(1)>.txt")
    xlsx, junit, md = tmp_path / "s.xlsx", tmp_path / "s.xml", tmp_path / "s.md"
    run = lawcheck("batch", str(folder), "-o", str(xlsx), "-o", str(junit), "-o", str(md),
                   "--feedback", str(tmp_path / "letters"), "--quiet")
    assert run.code in (0, 1), run.err
    sheets = openpyxl.load_workbook(xlsx).sheetnames
    assert "a_u202eb_x1b" in sheets and not any("\u202e" in s or "\x1b" in s for s in sheets)
    letters = sorted(p.name for p in (tmp_path / "letters").glob("*.docx"))
    assert letters == ["未识别单位-_img src=x onerror=alert(1)_-2024-反馈意见.docx",
                       "未识别单位-a_u202eb_x1b-2024-反馈意见.docx"]  # they name no body: their files do
    xml = junit.read_text(encoding="utf-8")
    assert "\u202e" not in xml and 'name="' + str(folder / "a\\u202eb\\x1b.txt") + '"' in xml
    page = md.read_text(encoding="utf-8")
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;.txt" in page
    assert "\u202e" not in page and "a\\u202eb\\x1b.txt" in page


WINDOWS_OS = ("import os, sys\n"
              "for name in ('fchmod',):\n"  # Windows before Python 3.13 has no os.fchmod
              "    if hasattr(os, name): delattr(os, name)\n"
              "from lawcheck.cli import main\n"
              "sys.argv = ['lawcheck'] + sys.argv[1:]\n"
              "main()\n")


def test_an_output_is_written_where_os_has_no_fchmod(tmp_path: Path) -> None:
    import subprocess
    import sys

    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out.json"
    old = os.umask(0o022)
    try:
        proc = subprocess.run([sys.executable, "-c", WINDOWS_OS, "check", str(report), "-o", str(out)],
                              capture_output=True, text=True, encoding="utf-8", timeout=120)
    finally:
        os.umask(old)
    assert proc.returncode in (0, 1), proc.stderr
    assert out.read_text(encoding="utf-8").startswith("{")
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "r.txt"]
