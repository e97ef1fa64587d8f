"""The terminal summary's line-per-row table: widths, cutting and wrapping."""

from __future__ import annotations

from lawcheck.reporters.summary import Grid, cut, cut_path, wrap


def test_cut_keeps_the_end_of_paths_and_the_start_of_text() -> None:
    assert cut("reports/2024/云岭镇.docx", 12, keep_end=True) == "…云岭镇.docx"
    assert cut("法律顾问作用发挥", 9) == "法律顾问…"
    assert cut("short", 9) == "short"


def test_a_path_loses_its_folders_then_the_middle_of_its_name() -> None:
    assert cut_path("reports/2024/云岭镇.docx", 13) == "…/云岭镇.docx"
    assert cut_path("reports/2024/北川镇人民政府2024年法治政府建设报告.txt", 20) == "北川镇人民…报告.txt"
    assert cut_path("北川镇人民政府.txt", 40) == "北川镇人民政府.txt"


def test_wrap_splits_cjk_anywhere_and_latin_at_spaces() -> None:
    assert wrap("法律顾问作用发挥、下一年度安排", 10) == ["法律顾问作", "用发挥、下", "一年度安排"]
    assert wrap("Use of legal advisers, Plans", 12) == ["Use of legal", "advisers,", "Plans"]


def test_grid_lines_up_columns_and_wraps_the_last() -> None:
    grid = Grid(["#", "Report", "Missing"], flexible=[0, 1, 1], right=(0,), keep_end=(1,))
    grid.add_row("1", "a/very/long/path/to/report.docx", "one two three four five six")
    grid.add_row("10", "b.txt", "")
    assert grid.render(30, color=False).splitlines() == [
        " #  Report        Missing",
        "──────────────────────────────",
        " 1  report….docx  one two",
        "                  three four",
        "                  five six",
        "10  b.txt",
    ]
