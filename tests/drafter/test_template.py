"""``lawcheck template``: the five-part skeleton, recognised by the checker and flagged until filled."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from lawcheck import readers
from lawcheck.document import structure
from lawcheck.judge.checklist import Checklist
from lawcheck.cli import app
from lawcheck.judge.engine import check_path

runner = CliRunner()
PARTS_2024 = ["一、2024年推进法治政府建设的主要举措和成效", "二、存在的不足和原因",
              "三、党政主要负责人履行推进法治建设第一责任人职责情况", "四、2025年推进法治政府建设的主要安排",
              "五、其他需要报告的情况"]


def make(tmp_path: Path, *args: str, name: str = "t.docx") -> Path:
    out = tmp_path / name
    result = runner.invoke(app, ["template", "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


def test_the_skeleton_has_the_five_parts_in_heading_styles(tmp_path: Path) -> None:
    d = docx.Document(str(make(tmp_path, "--year", "2024")))
    h1 = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
    h2 = [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
    assert h1 == PARTS_2024
    assert h2[:2] == ["（一）加强党对法治政府建设的领导", "（二）严格落实行政执法三项制度"] and len(h2) == 8
    assert d.paragraphs[0].style.name == "Title"
    assert d.paragraphs[0].text == "XX县（市、区）人民政府2024年法治政府建设年度报告"
    # a guidance comment, undated, on every heading
    assert len(d.comments) == len(h1) + len(h2) and all(c.timestamp is None for c in d.comments)
    assert any("执法记录仪" in c.text for c in d.comments)


def test_the_checker_sees_the_structure_and_flags_the_placeholders(tmp_path: Path, fazhi: Checklist) -> None:
    path = make(tmp_path, "--year", "2024")
    doc = structure.build(readers.read(path))
    assert [b.text for b in doc.blocks if b.level == 1 and b.kind == "heading"] == PARTS_2024
    result = check_path(path, fazhi)
    status = {i.id: i.status for i in result.items}
    assert status["next-year-plans"] != "missing" and status["shortcomings"] != "missing"
    assert status["frp-section"] == "met" and status["other-matters"] == "met"
    assert result.meta.year == 2024
    placeholders = [f for f in result.findings if f.id == "placeholders"]
    assert placeholders and len(placeholders[0].evidence) > 0
    # the untouched skeleton must not pass for a report
    assert not result.passed and result.score < result.threshold
    # the duty's heading is there and nothing under it: partial, as an inspector would say
    assert status["measures-results"] == "missing" and status["frp-duty"] == "partial"


def test_year_and_body_are_filled_in(tmp_path: Path, fazhi: Checklist) -> None:
    path = make(tmp_path, "--year", "2023", "--org", "云岭镇人民政府")
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert texts[0] == "云岭镇人民政府2023年法治政府建设年度报告"
    assert "四、2024年推进法治政府建设的主要安排" in texts
    assert texts[-2:] == ["云岭镇人民政府", "2024年××月××日"]
    meta = check_path(path, fazhi).meta
    assert (meta.title, meta.year) == ("云岭镇人民政府2023年法治政府建设年度报告", 2023)


def test_the_default_name_and_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["template", "--year", "2024", "--org", "青禾街道办事处"])
    assert result.exit_code == 0
    assert (tmp_path / "青禾街道办事处2024年法治政府建设年度报告.docx").exists()
    assert result.output.startswith("已写入报告模板 青禾街道办事处2024年法治政府建设年度报告.docx：")


def test_the_bytes_are_the_same_every_time(tmp_path: Path) -> None:
    a = make(tmp_path, "--year", "2024", name="a.docx").read_bytes()
    b = make(tmp_path, "--year", "2024", name="b.docx").read_bytes()
    assert a == b
    with zipfile.ZipFile(tmp_path / "a.docx") as z:
        assert {i.date_time for i in z.infolist()} == {(2025, 1, 1, 0, 0, 0)}
        assert b"<dcterms:created" in z.read("docProps/core.xml")
    props = docx.Document(str(tmp_path / "a.docx")).core_properties
    assert props.created.year == 2025 and props.author == "lawcheck template"


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "mine.docx"
    out.write_bytes(b"my draft")
    result = runner.invoke(app, ["template", "-o", str(out)])
    assert (result.exit_code, result.output) == (2, f"输出文件 {out} 已存在；如需覆盖，请加 --force。\n")
    assert out.read_bytes() == b"my draft"
    assert runner.invoke(app, ["template", "-o", str(out), "--force"]).exit_code == 0
    assert zipfile.is_zipfile(out)


@pytest.mark.parametrize(("args", "said"), [
    (["--year", "1999"], "年度“1999”无效，应为 2000 到 2100 之间的四位年份。\n"),
    (["--year", "24"], "年度“24”无效，应为 2000 到 2100 之间的四位年份。\n"),
])
def test_a_bad_year_is_refused(tmp_path: Path, args: list[str], said: str) -> None:
    result = runner.invoke(app, ["template", "-o", str(tmp_path / "t.docx"), *args])
    assert (result.exit_code, result.output) == (2, said)
    assert not (tmp_path / "t.docx").exists()


def test_the_output_must_be_docx(tmp_path: Path) -> None:
    result = runner.invoke(app, ["template", "-o", str(tmp_path / "t.doc")])
    assert (result.exit_code, result.output) == (2, f"输出文件 {tmp_path / 't.doc'} 应以 .docx 结尾。\n")
