"""The history across three years: recorded once per content, and every query's answer."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.conftest import lawcheck


def _json(*args: str) -> object:
    run = lawcheck("history", *args, "--format", "json")
    assert run.code == 0, run.err
    return json.loads(run.out)


def test_each_body_its_years_and_scores(history: Path) -> None:
    data = _json("bodies", "--db", str(history))
    assert [b["body"] for b in data] == ["云岭镇人民政府", "石门乡人民政府", "青禾街道办事处"]
    yunling, shimen, qinghe = data
    scores = [yunling["years"][y]["score"] for y in ("2022", "2023", "2024")]
    assert scores == sorted(scores) and scores[0] < scores[2]  # improving every year
    assert set(shimen["years"]) == {"2022", "2024"}  # sent nothing in 2023
    assert qinghe["years"]["2024"]["score"] < qinghe["years"]["2023"]["score"]  # regressing
    assert qinghe["years"]["2023"]["path"].endswith("青禾街道-2023.txt")  # signed 青禾街道 that year: the same body


def test_the_table_lines_up_bodies_and_years(history: Path) -> None:
    run = lawcheck("history", "bodies", "--db", str(history))
    lines = run.out.splitlines()
    assert lines[0] == "各单位历年得分"
    assert lines[2].split() == ["单位", "2022", "2023", "2024"]
    shimen = next(line for line in lines if line.startswith("石门乡人民政府"))
    assert shimen.split()[3] == "—"  # the year it sent nothing


def test_one_body_item_by_item(history: Path) -> None:
    data = _json("body", "云岭镇", "--db", str(history))  # asked by its short name
    assert data["body"] == "云岭镇人民政府"
    by_item = {i["item"]: i["years"] for i in data["items"]}
    assert by_item["legal-adviser"] == {"2022": "missing", "2023": "met", "2024": "met"}
    # without its duty part a report still has the 常务会议's 会前学法: a leadership body's act (partial)
    assert by_item["frp-duty"] == {"2022": "partial", "2023": "partial", "2024": "met"}
    assert by_item["three-systems.review"] == {"2022": "missing", "2023": "met", "2024": "met"}
    table = lawcheck("history", "body", "云岭镇人民政府", "--db", str(history), "--lang", "en").out
    assert table.splitlines()[0] == "云岭镇人民政府: each item by year"
    assert any(" legal-adviser " in line and line.split()[-3:] == ["missing", "met", "met"]
               for line in table.replace("× ", "").replace("√ ", "").splitlines())


def test_regressions_name_the_body_and_the_items(history: Path) -> None:
    data = _json("regressions", "--year", "2024", "--db", str(history))
    assert [(r["body"], r["item"]) for r in data] == [("青禾街道办事处", "three-systems.review"),
                                                     ("青禾街道办事处", "legal-adviser")]
    assert _json("regressions", "--year", "2023", "--db", str(history)) == []  # 石门乡's gap year compares nothing


def test_one_item_per_year(history: Path) -> None:
    data = _json("item", "legal-adviser", "--db", str(history))
    assert [(d["year"], d["reports"], d["met"], d["missing"]) for d in data] == [
        (2022, 3, 2, 1), (2023, 2, 2, 0), (2024, 3, 2, 1)]
    csv_run = lawcheck("history", "item", "legal-adviser", "--db", str(history), "--format", "csv")
    assert csv_run.out.splitlines()[1:] == ["2022,3,2,0,1,67%", "2023,2,2,0,0,100%", "2024,3,2,0,1,67%"]


def test_a_workbook_of_the_answer(history: Path, tmp_path: Path) -> None:
    import openpyxl  # type: ignore[import-untyped]

    out = tmp_path / "bodies.xlsx"
    run = lawcheck("history", "bodies", "--db", str(history), "--format", "xlsx", "-o", str(out))
    assert run.code == 0, run.err
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == ("单位", "2022年得分", "2022年结论", "2023年得分", "2023年结论", "2024年得分", "2024年结论")
    assert rows[2][0] == "石门乡人民政府"
    assert all(isinstance(score, (int, float)) for row in rows[1:] for score in row[1::2] if score is not None)


def test_the_same_files_again_add_a_run_not_the_reports(history: Path, years: dict[int, Path]) -> None:
    before = sqlite3.connect(history).execute("SELECT count(*) FROM reports").fetchone()[0]
    run = lawcheck("batch", str(years[2024]), "--db", str(history))
    assert "新增 0 份报告，3 份此前已记录" in run.err
    with sqlite3.connect(history) as conn:
        assert conn.execute("SELECT count(*) FROM reports").fetchone()[0] == before == 8
        assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] >= 4
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT version FROM lawcheck_schema").fetchall() == [(2,)]
        assert conn.execute("SELECT count(*) FROM fingerprints").fetchone()[0] == 8  # one a content
        assert conn.execute("SELECT count(*) FROM item_results").fetchone()[0] == 8 * 19


def test_last_year_from_the_history(history: Path, years: dict[int, Path]) -> None:
    run = lawcheck("batch", str(years[2024]), "--db", str(history), "--compare", "db", "-f", "json")
    reports = {Path(r["path"]).name: r for r in json.loads(run.out)["reports"]}
    assert reports["青禾街道-2024.txt"]["compare"]["regressed"] == ["three-systems", "three-systems.review",
                                                                   "legal-adviser"]
    assert "frp-duty" in reports["云岭镇-2024.txt"]["compare"]["improved"]


def test_a_database_newer_than_lawcheck_is_refused(tmp_path: Path, years: dict[int, Path]) -> None:
    db = tmp_path / "new.sqlite"
    assert lawcheck("batch", str(years[2022]), "--db", str(db), "-q", "-o", str(tmp_path / "o.json")).code == 1
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE lawcheck_schema SET version = 99")
    run = lawcheck("history", "bodies", "--db", str(db))
    assert run.code == 2
    assert run.err.startswith(f"历史数据库 {db} 的结构版本为 99，比本版 lawcheck 认识的 2 新")


@pytest.mark.parametrize("args, said", [
    (["history", "bodies"], "请用 --db 指定历史数据库（或在 lawcheck.yaml 中设置 db:）\n"),
    (["history", "bodies", "--db", "nowhere.sqlite"], "历史数据库 nowhere.sqlite 不存在\n"),
    (["history", "bodies", "--db", "x.sqlite", "--format", "pdf"], "不支持的格式“pdf”；可用：table, json, csv, xlsx\n"),
])
def test_history_without_a_database_says_so(args: list[str], said: str, tmp_path: Path) -> None:
    (tmp_path / "x.sqlite").write_bytes(b"")
    run = lawcheck(*args, cwd=tmp_path)
    assert (run.code, run.err) == (2, said)


def test_an_unknown_body_lists_the_known_ones(history: Path) -> None:
    run = lawcheck("history", "body", "东坝镇", "--db", str(history))
    assert (run.code, run.err) == (2, "历史中没有单位“东坝镇”；已有：云岭镇人民政府、石门乡人民政府、青禾街道办事处\n")


def test_db_from_the_settings_file(history: Path, tmp_path: Path) -> None:
    (tmp_path / "lawcheck.yaml").write_text(f"db: {history}\n", encoding="utf-8")
    assert lawcheck("history", "bodies", cwd=tmp_path).out.startswith("各单位历年得分")


def test_two_batches_record_into_one_file_at_once(years: dict[int, Path], tmp_path: Path) -> None:
    """SQLite in WAL mode: two processes recording at the same time both finish, nothing lost or doubled."""
    import subprocess
    import sys

    db = tmp_path / "shared.sqlite"
    procs = [subprocess.Popen([sys.executable, "-m", "lawcheck", "batch", str(years[y]), "--db", str(db), "-q",
                               "-o", str(tmp_path / f"{y}.json")], cwd=Path(__file__).parents[2],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for y in (2022, 2024)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode in (0, 1), err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT content_hash) FROM reports").fetchone() == (6, 6)
        assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 2
