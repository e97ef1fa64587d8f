"""The batch outputs: json (the check contract), jsonl, csv, xlsx and markdown."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl

from lawcheck.judge import checklist as checklists
from lawcheck.reporters.tally import columns
from lawcheck.reporters.xlsx import FILLS, SheetNames
from tests.batch.conftest import lawcheck

ITEM_IDS = [c.id for c in columns(checklists.load(None))]
FILES = ["county/linchuan-county-traps-2024.txt", "qinghe-street-2024.docx", "yunling-town-2024.txt"]


def statuses(reports: Path) -> dict[str, dict[str, str]]:
    """What ``lawcheck check`` says of each example: path -> item or part id -> status."""
    data = json.loads(lawcheck("check", *FILES, "--format", "json", cwd=reports).out)
    out: dict[str, dict[str, str]] = {}
    for report in data["reports"]:
        flat = out.setdefault(report["path"], {})
        for item in report["items"]:
            flat[item["id"]] = item["status"]
            flat.update({p["id"]: p["status"] for p in item.get("parts", [])})
    return out


def run_all(reports: Path, out: Path, *extra: str) -> None:
    run = lawcheck("batch", ".", "-q", "-o", out / "r.json", "-o", out / "r.jsonl", "-o", out / "r.csv",
                   "-o", out / "r.xlsx", "-o", out / "r.md", *extra, cwd=reports)
    assert run.code == 1, run.err


def test_json_and_jsonl_are_those_of_check(reports: Path, tmp_path: Path) -> None:
    run_all(reports, tmp_path)
    for fmt in ("json", "jsonl"):
        check = lawcheck("check", *FILES, "--format", fmt, cwd=reports)
        assert (tmp_path / f"r.{fmt}").read_text(encoding="utf-8") == check.out


def test_csv_in_chinese_by_default_with_numbers_and_titles(reports: Path, tmp_path: Path) -> None:
    (reports / "empty.txt").write_bytes(b"")
    run_all(reports, tmp_path, "--keep-going")
    rows = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_bytes().decode("utf-8-sig"))))
    titles = [c.title.strip() for c in columns(checklists.load(None))]
    assert rows[0] == ["报告", "单位", "年度", "得分", "结论", "无法读取的原因", *titles]
    yunling = dict(zip(rows[0], rows[4]))
    assert (yunling["单位"], yunling["年度"], yunling["得分"], yunling["结论"]) == ("云岭镇人民政府", "2024", "76.5", "未通过")
    words = {"met": "符合", "partial": "部分符合", "missing": "缺失"}
    expected = statuses(reports)["yunling-town-2024.txt"]
    assert [yunling[t] for t in titles] == [words[expected[i]] for i in ITEM_IDS]
    empty = dict(zip(rows[0], rows[2]))
    assert (empty["结论"], empty["无法读取的原因"]) == ("", "文件 empty.txt 是空的，没有任何文字。")


def test_csv_has_a_bom_and_one_column_per_item(reports: Path, tmp_path: Path) -> None:
    (reports / "empty.txt").write_bytes(b"")
    run_all(reports, tmp_path, "--keep-going", "--lang", "en")
    data = (tmp_path / "r.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["path", "org", "year", "score", "passed", "error", *ITEM_IDS]
    assert [r[0] for r in rows[1:]] == ["county/linchuan-county-traps-2024.txt", "empty.txt",
                                        "qinghe-street-2024.docx", "yunling-town-2024.txt"]
    yunling = dict(zip(rows[0], rows[4]))
    assert (yunling["org"], yunling["year"], yunling["passed"]) == ("云岭镇人民政府", "2024", "false")
    assert {i: yunling[i] for i in ITEM_IDS} == statuses(reports)["yunling-town-2024.txt"]
    empty = dict(zip(rows[0], rows[2]))
    assert empty["error"] == "File empty.txt is empty: it holds no text." and empty["frp-duty"] == ""


def test_xlsx_matrix_coverage_and_gap_sheets(reports: Path, tmp_path: Path) -> None:
    run_all(reports, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    # a sheet per report, named by its body and year
    assert book.sheetnames == ["汇总", "覆盖情况", "临川县人民政府-2024", "青禾街道办事处-2024", "云岭镇人民政府-2024"]
    summary = book["汇总"]
    assert summary.freeze_panes == "B2"
    header = [c.value for c in summary[1]]
    assert header[:5] == ["报告", "单位", "年度", "得分", "结论"]
    assert header[5] == "党政主要负责人履行推进法治建设第一责任人职责"
    # ranked, best first: 青禾 (100), 云岭 (76.5), 临川 (59.7)
    assert [summary.cell(row=r, column=1).value for r in (2, 3, 4)] == [
        "qinghe-street-2024.docx", "yunling-town-2024.txt", "county/linchuan-county-traps-2024.txt"]
    assert summary.page_setup.orientation == "landscape" and summary.print_title_rows == "$1:$1"
    assert summary.sheet_properties.pageSetUpPr.fitToPage and summary.page_setup.fitToWidth == 1
    expected = statuses(reports)["yunling-town-2024.txt"]
    yunling = [c for c in summary[3]]
    assert [c.value for c in yunling[:3]] == ["yunling-town-2024.txt", "云岭镇人民政府", 2024]
    assert yunling[4].value == "未通过"
    labels = {"met": "√ 符合", "partial": "○ 部分", "missing": "× 缺失"}
    for i, item in enumerate(ITEM_IDS):
        cell = yunling[5 + i]
        assert (cell.value, cell.fill.start_color.rgb[2:]) == (labels[expected[item]],
                                                               FILLS[expected[item]].start_color.rgb[2:])
    coverage = book["覆盖情况"]
    assert coverage.freeze_panes == "A2"
    rows = list(coverage.iter_rows(values_only=True))
    frp = [s["frp-duty"] for s in statuses(reports).values()]
    assert rows[1][:7] == ("党政主要负责人履行推进法治建设第一责任人职责", "frp-duty", "必备",
                           frp.count("met"), frp.count("partial"), frp.count("missing"), 0)
    assert coverage["H2"].number_format == "0%"  # the share of reports that meet it, as a percentage
    [chart] = coverage._charts  # and drawn: a bar a item
    assert chart.type == "bar" and chart.series[0].val.numRef.f.endswith(f"$H$2:$H${len(ITEM_IDS) + 1}")
    gaps = list(book["云岭镇人民政府-2024"].iter_rows(values_only=True))
    assert gaps[0][0] == "yunling-town-2024.txt"
    assert [g[:2] for g in gaps[1:5]] == [("单位", "云岭镇人民政府"), ("年度", 2024), ("得分", 76.5), ("结论", "未通过")]
    assert gaps[5][0].startswith("未通过原因：得分 76.5 低于及格线 80；缺少必备项 法律顾问作用发挥")
    top = next(n for n, g in enumerate(gaps) if g[0] == "检查项")
    assert gaps[top] == ("检查项", "编号", "状态", "修改建议", "最接近的原文", "不计入的原因")
    assert [g[1] for g in gaps[top + 1:]] == [i for i in ITEM_IDS if expected[i] in ("partial", "missing")]
    adviser = next(g for g in gaps if g[1] == "legal-adviser")
    assert adviser[2] == labels[expected["legal-adviser"]] and adviser[3].startswith("写明政府法律顾问")


def test_xlsx_is_deterministic(reports: Path, tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert lawcheck("batch", reports, "-q", "--jobs", "2", "-o", tmp_path / f"{name}.xlsx").code == 1
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_sheet_names_are_legal_and_unique() -> None:
    names = SheetNames()
    got = [names.name(n) for n in ("汇总", "a[1]:b*c?d/e\\f", "x" * 40, "x" * 40, "X" * 40, "'quoted'", "", "History")]
    assert got == ["汇总", "a_1__b_c_d_e_f", "x" * 31, "x" * 29 + "~2", "X" * 29 + "~3", "quoted", "report",
                   "History~2"]
    assert all(len(n) <= 31 for n in got)


def test_markdown_summary(reports: Path, tmp_path: Path) -> None:
    run = lawcheck("batch", ".", "-q", "--lang", "en", "-o", tmp_path / "r.md", cwd=reports)
    assert run.code == 1
    lines = (tmp_path / "r.md").read_text(encoding="utf-8").splitlines()
    assert lines[:9] == [
        f"# {checklists.load(None).title_en}: batch summary", "",
        "3 reports: 1 passed, 2 failed, 0 unreadable.", "",
        "## Ranking", "",
        "| # | Report | Body | Year | Score | Verdict | Required items missing / reason |",
        "| ---: | --- | --- | --- | ---: | --- | --- |",
        "| 1 | qinghe-street-2024.docx | 青禾街道办事处 | 2024 | 100.0 | passed |  |",
    ]
    assert lines[9].startswith("| 2 | yunling-town-2024.txt | 云岭镇人民政府 | 2024 | 76.5 | failed | ")
    adviser = [s["legal-adviser"] for s in statuses(reports).values()]
    counts = " | ".join(str(adviser.count(s)) for s in ("met", "partial", "missing"))
    share = f"{100 * adviser.count('met') / 3:.0f}%"
    assert f"| Use of legal advisers | legal-adviser | required | {counts} | 0 | {share} |" in lines
