"""Discovery: which files a batch takes, in which order, and what it leaves out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lawcheck.workflows.batch import Filters, discover, is_junk
from lawcheck.errors import LawcheckError


def touch(folder: Path, *names: str) -> None:
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("云岭镇2024年法治政府建设情况报告\n", encoding="utf-8")


def names(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_takes_supported_reports_recursively_sorted(tmp_path: Path) -> None:
    touch(tmp_path, "b.docx", "a.txt", "sub/z.md", "sub/deeper/c.pdf", "notes.xlsx", "image.png", "README")
    assert names(discover([str(tmp_path)]), tmp_path) == ["a.txt", "b.docx", "sub/deeper/c.pdf", "sub/z.md"]


@pytest.mark.parametrize("junk", ["~$report.docx", "~report.txt", ".~lock.report.docx#", "report.docx.tmp",
                                  "report.tmp", ".report.txt.swp", "report.swp", ".hidden.txt"])
def test_leaves_out_lock_hidden_and_temporary_files(tmp_path: Path, junk: str) -> None:
    touch(tmp_path, "report.docx", junk)
    assert is_junk(junk)
    assert names(discover([str(tmp_path)]), tmp_path) == ["report.docx"]


def test_leaves_out_hidden_folders(tmp_path: Path) -> None:
    touch(tmp_path, "a.txt", ".git/b.txt", ".cache/sub/c.txt", "sub/.d/e.txt")
    assert names(discover([str(tmp_path)]), tmp_path) == ["a.txt"]


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    touch(tmp_path, "2024/a.docx", "2024/b.txt", "2023/c.docx", "drafts/d.docx", "draft-e.docx")
    root = str(tmp_path)
    only_docx = discover([root], Filters(include=("*.docx",)))
    assert names(only_docx, tmp_path) == ["2023/c.docx", "2024/a.docx", "draft-e.docx", "drafts/d.docx"]
    no_drafts = discover([root], Filters(include=("*.docx",), exclude=("drafts", "draft-*")))
    assert names(no_drafts, tmp_path) == ["2023/c.docx", "2024/a.docx"]
    by_folder = discover([root], Filters(include=("2024/*", "2023/*.docx")))
    assert names(by_folder, tmp_path) == ["2023/c.docx", "2024/a.docx", "2024/b.txt"]


def test_symlink_loop_ends_and_linked_files_count_once(tmp_path: Path) -> None:
    touch(tmp_path, "a/report.txt", "b/other.txt")
    os.symlink(tmp_path / "a", tmp_path / "a" / "loop")  # a/loop -> a
    os.symlink(tmp_path, tmp_path / "b" / "up")  # b/up -> the root
    os.symlink(tmp_path / "a" / "report.txt", tmp_path / "b" / "same.txt")
    found = discover([str(tmp_path)])
    assert names(found, tmp_path) == ["a/report.txt", "b/other.txt"]


def test_glob_inputs_and_named_files(tmp_path: Path) -> None:
    touch(tmp_path, "x/a.txt", "x/b.docx", "y/c.txt", "notes.xlsx")
    pattern = str(tmp_path / "**" / "*.txt")
    assert names(discover([pattern]), tmp_path) == ["x/a.txt", "y/c.txt"]
    # A file named outright is taken even with a suffix no reader knows: it becomes an error row.
    assert names(discover([str(tmp_path / "notes.xlsx")]), tmp_path) == ["notes.xlsx"]
    # The same file through two inputs is checked once.
    assert names(discover([str(tmp_path / "x"), str(tmp_path / "x" / "a.txt")]), tmp_path) == ["x/a.txt", "x/b.docx"]


def test_an_input_that_names_nothing_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(LawcheckError) as info:
        discover([str(tmp_path / "missing")])
    assert info.value.render("en") == f"{tmp_path / 'missing'} was not found: it is not a file or folder, " \
                                      "and no file matches it."
    with pytest.raises(LawcheckError):
        discover([str(tmp_path / "*.docx")])
