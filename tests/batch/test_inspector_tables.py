"""What an inspector reads on screen and in files: the years, long Chinese file names, the history."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.cli.conftest import ROOT, lawcheck

YUNLING = (ROOT / "examples" / "yunling-town-2024.txt").read_text(encoding="utf-8")
QINGHE = (ROOT / "examples" / "src" / "qinghe-street-2024.txt").read_text(encoding="utf-8")


def of_year(text: str, year: int) -> str:
    return re.sub(r"20(2\d)", lambda m: str(int(m.group(0)) + year - 2024), text)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "云岭镇人民政府2024年法治政府建设情况报告（定稿）.txt").write_text(YUNLING, encoding="utf-8")
    (folder / "青禾街道办事处2022年法治政府建设情况报告（定稿）.txt").write_text(of_year(QINGHE, 2022), encoding="utf-8")
    return folder


def test_a_batch_of_several_years_says_so_and_a_year_asked_for_names_the_others(mixed: Path, tmp_path: Path) -> None:
    run = lawcheck("batch", str(mixed), "-o", str(tmp_path / "s.csv"))
    assert "注意：本批报告涉及多个年度：2022 年 1 份、2024 年 1 份；可用 --year（或 lawcheck.yaml 的 year:）指定年度。" in run.err
    (tmp_path / "lawcheck.yaml").write_text("year: 2024\n", encoding="utf-8")
    run = lawcheck("batch", str(mixed), "-o", str(tmp_path / "s.csv"), "--lang", "en", cwd=tmp_path)
    other = mixed / "青禾街道办事处2022年法治政府建设情况报告（定稿）.txt"
    assert f"Note: {other} is a report on 2022, not on 2024, the year of this batch." in run.err
    assert "云岭镇" not in run.err
    one = lawcheck("batch", str(mixed / "云岭镇人民政府2024年法治政府建设情况报告（定稿）.txt"), "-o",
                   str(tmp_path / "t.csv"))
    assert "年度" not in one.err  # one year: nothing to say


def test_the_ranking_cuts_a_long_name_in_the_middle_keeping_the_body_and_the_end(mixed: Path) -> None:
    env = {**os.environ, "COLUMNS": "90"}
    run = subprocess.run([sys.executable, "-m", "lawcheck", "batch", str(mixed)], capture_output=True, text=True,
                         encoding="utf-8", env=env)
    ranked = [line for line in run.stdout.splitlines() if re.match(r"\d+\s", line)]
    assert len(ranked) == 2
    for line in ranked:
        name = line.split()[1]
        assert name.startswith(("云岭镇人民", "青禾街道办")) and "…" in name and name.endswith("）.txt"), name


def test_the_comparison_names_each_body(mixed: Path, tmp_path: Path) -> None:
    last = tmp_path / "last.json"
    older = tmp_path / "older"
    older.mkdir()
    (older / "云岭镇人民政府2023年法治政府建设情况报告.txt").write_text(of_year(QINGHE.replace("青禾街道", "云岭镇"), 2023),
                                                                 encoding="utf-8")
    lawcheck("batch", str(older), "-q", "-o", str(last))
    run = lawcheck("batch", str(mixed), "--compare", str(last))
    compare = run.out.split("与上一年相比", 1)[1] if "与上一年相比" in run.out else run.out
    header = next(line for line in compare.splitlines() if "退步" in line)
    assert header.split()[0] == "单位"
    assert any(line.startswith("云岭镇人民政府") for line in compare.splitlines())


def test_history_writes_what_the_suffix_says_with_numbers_and_takes_no_color(mixed: Path, tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite"
    lawcheck("batch", str(mixed), "--db", str(db), "-q", "-o", str(tmp_path / "s.csv"))
    for suffix in ("xlsx", "json", "csv", "txt"):
        out = tmp_path / f"bodies.{suffix}"
        run = lawcheck("history", "bodies", "--db", str(db), "-o", str(out), "--no-color")
        assert run.code == 0, run.err
    assert zipfile.is_zipfile(tmp_path / "bodies.xlsx")
    assert {b["body"] for b in json.loads((tmp_path / "bodies.json").read_text(encoding="utf-8"))} == {
        "云岭镇人民政府", "青禾街道办事处"}
    rows = list(csv.reader(io.StringIO((tmp_path / "bodies.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["单位", "2022年得分", "2022年结论", "2024年得分", "2024年结论"]
    assert rows[1] == ["云岭镇人民政府", "", "", "76.5", "未通过"]  # a number in a cell of its own
    assert (tmp_path / "bodies.txt").read_text(encoding="utf-8").startswith("各单位历年得分")
    clash = lawcheck("history", "bodies", "--db", str(db), "-o", str(tmp_path / "b.json"), "--format", "csv")
    assert (clash.code, clash.err) == (2, f"输出文件 {tmp_path / 'b.json'} 的扩展名表示 json 格式，与 --format csv 矛盾；"
                                          "请去掉其中之一。\n")


def test_a_copy_is_named_in_the_ranking(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "云岭镇2024.txt").write_text(YUNLING, encoding="utf-8")
    (folder / "石桥镇2024.txt").write_text(YUNLING.replace("云岭", "石桥"), encoding="utf-8")
    run = lawcheck("batch", str(folder), "--no-color")
    ranking = run.out.split("各检查项覆盖情况", 1)[0]
    flat = "".join(line.strip() for line in ranking.splitlines())
    # said of the one later by name (the two are of one year and size): 石桥镇, copying 云岭镇
    assert "与 云岭镇人民政府2024年的报告（云岭镇2024.txt） 雷同（约 100%）" in flat
