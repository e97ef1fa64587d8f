"""Feedback packs: a letter per body with its gaps, and the index with the bodies that sent nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import openpyxl  # type: ignore[import-untyped]
import pytest

from lawcheck.document import bodies
from tests.cli.conftest import lawcheck

BODIES_YAML = """\
bodies:
  - name: 云岭镇人民政府
    aliases: [云岭镇政府]
  - 青禾街道办事处
  - name: 石门乡人民政府
  - name: 东坝镇人民政府   # expected, sends nothing
"""


@pytest.fixture(scope="module")
def pack(years: dict[int, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("pack")
    (root / "bodies.yaml").write_text(BODIES_YAML, encoding="utf-8")
    run = lawcheck("batch", str(years[2024]), "--feedback", str(root / "fb"), "--bodies", str(root / "bodies.yaml"),
                   "--feedback-deadline", "2025-03-31", "--feedback-date", "2025-03-10", "-o", str(root / "summary.csv"))
    assert run.code == 1, run.err
    return root / "fb", run.err


def test_a_letter_per_body_named_after_it(pack: tuple[Path, str]) -> None:
    folder, said = pack
    assert sorted(p.name for p in folder.iterdir()) == [
        "index.xlsx", "云岭镇人民政府-2024-反馈意见.docx", "石门乡人民政府-2024-反馈意见.docx",
        "青禾街道办事处-2024-反馈意见.docx"]
    assert f"已写出 3 份反馈意见和索引：{folder}\n未报送的单位：东坝镇人民政府\n" in said


def test_the_letter_says_the_verdict_the_gaps_and_the_deadline(pack: tuple[Path, str]) -> None:
    letter = docx.Document(str(pack[0] / "青禾街道办事处-2024-反馈意见.docx"))
    texts = [p.text for p in letter.paragraphs]
    assert texts[0] == "关于青禾街道办事处2024年法治政府建设年度报告的反馈意见"
    assert letter.paragraphs[0].style.name == "Title"
    assert texts[1] == "青禾街道办事处："
    assert texts[2].startswith("你单位报送的《青禾街道办事处2024年法治政府建设年度报告》（2025-01-")
    verdict = texts[texts.index("一、总体评价") + 1]
    assert verdict.startswith("得分 ") and "未通过。未通过原因：" in verdict and "缺少必备项 法律顾问作用发挥" in verdict
    assert [p.style.name for p in letter.paragraphs if p.text.startswith(("一、", "二、", "三、", "四、"))] == \
        ["Heading 1"] * 4
    assert "请于2025年3月31日前完成修改，并重新报送。" in texts
    rows = [[c.text for c in row.cells] for row in letter.tables[0].rows]
    assert rows[0] == ["检查项", "情况", "修改建议", "报告中最接近的表述"]
    gaps = {row[0]: row for row in rows[1:]}
    assert gaps["法律顾问作用发挥"][1] == "× 缺失"
    assert gaps["法律顾问作用发挥"][2].startswith("写明政府法律顾问")
    assert gaps["法律顾问作用发挥"][3] == "报告中未找到相关表述"
    assert gaps["行政执法三项制度"][1] == "○ 部分"
    assert gaps["行政执法三项制度"][3].startswith("“通过行政执法信息公示平台公开行政处罚决定")  # what counted in part
    assert gaps["行政执法三项制度"][3].endswith("（一、2024年推进法治政府建设的主要举措和成效 > （一）严格规范公正文明执法）")


def test_a_body_that_met_everything_required_is_told_so(pack: tuple[Path, str]) -> None:
    texts = [p.text for p in docx.Document(str(pack[0] / "云岭镇人民政府-2024-反馈意见.docx")).paragraphs]
    assert texts[texts.index("一、总体评价") + 1].endswith("通过。")


def test_the_index_lists_every_body_and_the_absent_ones(pack: tuple[Path, str]) -> None:
    rows = list(openpyxl.load_workbook(pack[0] / "index.xlsx").active.iter_rows(values_only=True))
    assert rows[0] == ("单位", "年度", "得分", "结论", "缺少的必备项", "反馈意见文件", "报告文件", "备注")
    by_body = {r[0]: r for r in rows[1:]}
    assert list(by_body) == ["云岭镇人民政府", "石门乡人民政府", "青禾街道办事处", "东坝镇人民政府"]
    assert by_body["青禾街道办事处"][3:6] == ("未通过", "重大执法决定法制审核制度、法律顾问作用发挥",
                                         "青禾街道办事处-2024-反馈意见.docx")
    assert by_body["东坝镇人民政府"][1:4] == (None, None, "未报送")


def test_the_pack_is_the_same_bytes_every_time(pack: tuple[Path, str], years: dict[int, Path],
                                              tmp_path: Path) -> None:
    again = tmp_path / "fb"
    (tmp_path / "bodies.yaml").write_text(BODIES_YAML, encoding="utf-8")
    lawcheck("batch", str(years[2024]), "--feedback", str(again), "--bodies", str(tmp_path / "bodies.yaml"),
             "--feedback-deadline", "2025-03-31", "--feedback-date", "2025-03-10", "-q", "-o", str(tmp_path / "s.csv"))
    for first in pack[0].iterdir():
        assert (again / first.name).read_bytes() == first.read_bytes(), first.name


def test_a_body_with_reports_of_several_years_gets_one_letter_on_the_latest(years: dict[int, Path],
                                                                          tmp_path: Path) -> None:
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for year in (2023, 2024):
        shutil.copy(years[year] / f"云岭镇-{year}.txt", mixed)
    lawcheck("batch", str(mixed), "--feedback", str(tmp_path / "fb"), "-q", "-o", str(tmp_path / "s.csv"))
    assert sorted(p.name for p in (tmp_path / "fb").iterdir()) == ["index.xlsx", "云岭镇人民政府-2024-反馈意见.docx"]


@pytest.mark.parametrize("name, same", [
    ("龙华街道办事处", "龙华街道"), ("阴平镇人民政府", "阴平镇"), ("青禾街道办", "青禾街道"), ("云岭 镇政府", "云岭镇"),
])
def test_a_body_is_known_by_its_lasting_name(name: str, same: str) -> None:
    assert bodies.key(name) == bodies.key(same) == same


@pytest.mark.parametrize("text, said", [
    ("- 甲镇\n", "expected a list under 'bodies:'"),
    ("bodies:\n  - {aliases: [乙]}\n", "bodies.0: expected a name"),
    ("bodies: [", "while parsing a flow"),
])
def test_a_bad_bodies_file_is_named(text: str, said: str, years: dict[int, Path], tmp_path: Path) -> None:
    (tmp_path / "bodies.yaml").write_text(text, encoding="utf-8")
    run = lawcheck("batch", str(years[2024]), "--feedback", str(tmp_path / "fb"), "--bodies",
                   str(tmp_path / "bodies.yaml"), "--lang", "en")
    assert run.code == 2
    assert run.err.startswith(f"The bodies file {tmp_path / 'bodies.yaml'} cannot be used: {said}")
    assert not (tmp_path / "fb").exists()  # refused before any work


def test_a_deadline_that_is_not_a_date(years: dict[int, Path], tmp_path: Path) -> None:
    run = lawcheck("batch", str(years[2024]), "--feedback", str(tmp_path / "fb"), "--feedback-deadline", "3月底")
    assert (run.code, run.err) == (2, "整改期限“3月底”不是有效日期（应为 YYYY-MM-DD）\n")


def test_the_deadline_and_the_bodies_from_the_settings_file(years: dict[int, Path], tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "bodies.yaml").write_text(BODIES_YAML, encoding="utf-8")
    (tmp_path / "lawcheck.yaml").write_text("bodies: lists/bodies.yaml\nfeedback_deadline: 2025-04-15\n"
                                            "feedback_date: 2025-04-01\n", encoding="utf-8")
    run = lawcheck("batch", str(years[2024]), "--feedback", "fb", "-o", "s.csv", cwd=tmp_path)
    assert "未报送的单位：东坝镇人民政府" in run.err
    texts = [p.text for p in docx.Document(str(tmp_path / "fb" / "石门乡人民政府-2024-反馈意见.docx")).paragraphs]
    assert "请于2025年4月15日前完成修改，并重新报送。" in texts


def test_an_unreadable_file_is_named_in_the_index(years: dict[int, Path], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(years[2024], folder)
    (folder / "扫描件.docx").write_bytes(b"PK\x03\x04 not really a zip")
    lawcheck("batch", str(folder), "--feedback", str(tmp_path / "fb"), "-q", "-o", str(tmp_path / "s.csv"))
    rows = list(openpyxl.load_workbook(tmp_path / "fb" / "index.xlsx").active.iter_rows(values_only=True))
    unreadable = [r for r in rows if r[3] == "无法读取"]
    assert len(unreadable) == 1 and unreadable[0][6].endswith("扫描件.docx") and unreadable[0][4]
    assert len(list((tmp_path / "fb").glob("*.docx"))) == 3  # no letter for it
