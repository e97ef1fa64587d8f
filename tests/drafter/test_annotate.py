"""``lawcheck annotate``: Word comments on a copy, anchored where the gaps are."""

from __future__ import annotations

import hashlib
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from typer.testing import CliRunner

from lawcheck.judge.checklist import Checklist
from lawcheck.cli import app
from lawcheck.judge.engine import check_path
from tests.support import parts

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
runner = CliRunner()


def stone_report(path: Path) -> Path:
    """A short report with a met, a partial and a negated item, a table and a numbered list."""
    d = docx.Document()
    d.add_paragraph("石桥镇2024年法治政府建设年度报告", style="Title")
    d.add_paragraph("一、2024年推进法治政府建设的主要举措和成效", style="Heading 1")
    p = d.add_paragraph()
    for text in ("镇综合执法队在执法信息公示平台事前公开执法事项清单58项，", "事后公开行政处罚决定31件；",
                 "重大执法决定一律经司法所法制审核后作出，全年法制审核9件。"):
        p.add_run(text)
    d.add_paragraph("镇政府目前尚未聘请法律顾问，重大决策的法律把关主要依靠司法所。")
    d.add_paragraph("镇党委书记、镇长认真履行推进法治建设第一责任人职责，主持召开专题会议4次，年终述职时专题述法。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "公开方式", "全年主动公开政府信息215条，依申请公开答复率100%。"
    table.cell(1, 0).text, table.cell(1, 1).text = "执法记录", "执法全过程记录制度尚未落实到位。"
    d.add_paragraph("积极推进行政复议工作，全年办理行政复议案件7件。", style="List Number")
    d.add_paragraph("二、存在的不足和原因", style="Heading 1")
    d.add_paragraph("一是执法人员法律素养有待提高，二是规范性文件备案工作不够及时，原因在于镇司法所人员少、任务重。")
    d.add_paragraph("三、党政主要负责人履行推进法治建设第一责任人职责情况", style="Heading 1")
    d.add_paragraph("镇长带头学法，全年会前学法6次，旁听庭审1次。")
    d.add_paragraph("四、2025年推进法治政府建设的主要安排", style="Heading 1")
    d.add_paragraph("下一步将聘请镇政府法律顾问，推进规范性文件合法性审核全覆盖，继续落实行政执法三项制度。")
    d.save(str(path))
    return path


def comments(path: Path) -> dict[int, tuple[str, str, bool]]:
    """Comment id → (comment text, anchored text, anchored inside a table cell)."""
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    texts = {c.comment_id: c.text for c in docx.Document(str(path)).comments}
    out = {}
    for start in body.iter(f"{W}commentRangeStart"):
        cid = start.get(f"{W}id")
        paragraph = next(a for a in start.iterancestors() if a.tag == f"{W}p")
        anchored, inside = [], False
        for el in paragraph.iter():
            if el.tag == f"{W}commentRangeStart" and el.get(f"{W}id") == cid:
                inside = True
            elif el.tag == f"{W}commentRangeEnd" and el.get(f"{W}id") == cid:
                break
            elif el.tag == f"{W}t" and inside:
                anchored.append(el.text or "")
        in_cell = any(a.tag == f"{W}tc" for a in start.iterancestors())
        out[int(cid)] = (texts[int(cid)], "".join(anchored), in_cell)
    assert set(out) == set(texts), "every comment has an anchor in the body"
    return out


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def stone(tmp_path: Path) -> Path:
    return stone_report(tmp_path / "石桥镇报告.docx")


def test_comments_land_on_the_sentences_that_fall_short(stone: Path, fazhi: Checklist) -> None:
    before = sha(stone)
    result = runner.invoke(app, ["annotate", str(stone)])
    assert sha(stone) == before, "the original is never modified"
    out = stone.with_name("石桥镇报告.checked.docx")
    assert result.exit_code == 1  # the report fails the gate; the copy is written all the same
    assert result.output == f"已写入 {out}：12 条批注（得分 70.9 / 100，未通过）。\n"
    found = comments(out)
    by_anchor: dict[str, list[tuple[str, bool]]] = {}
    for text, anchored, cell in found.values():
        by_anchor.setdefault(anchored, []).append((text, cell))

    negated = [t for t, _ in by_anchor["镇政府目前尚未聘请法律顾问，重大决策的法律把关主要依靠司法所。"]]
    assert any(t.startswith("【法律顾问作用发挥】这句不计分：否定表述。\n建议：写明政府法律顾问") for t in negated)

    # the negated sentence in a table cell, commented inside the cell
    [(text, cell)] = by_anchor["执法全过程记录制度尚未落实到位。"]
    assert cell and text.startswith("【执法全过程记录制度】这句不计分：否定表述。")

    # the partial item: the comment covers just its sentence, not the whole three-run paragraph
    partial = [t for t, a, _ in found.values() if t.startswith("【行政执法三项制度】只部分符合")]
    assert partial and "还缺少：执法全过程记录制度。" in partial[0]
    assert "镇综合执法队在执法信息公示平台事前公开执法事项清单58项，事后公开行政处罚决定31件；" in by_anchor

    # the same item's second comment points back to the first instead of repeating the advice
    plans = by_anchor["下一步将聘请镇政府法律顾问，推进规范性文件合法性审核全覆盖，继续落实行政执法三项制度。"]
    assert any("修改建议见前文关于“法律顾问作用发挥”的第一条批注。" in t for t, _ in plans)

    [(title, _)] = by_anchor["石桥镇2024年法治政府建设年度报告"]
    assert title.startswith("lawcheck 检查结果：得分 70.9 / 100（及格线 80），未通过。\n"
                            "未通过原因：得分 70.9 低于及格线 80；缺少必备项 法律顾问作用发挥。\n缺失 5 项，请补写：\n1. ")
    assert "其他需要报告的情况：" in title and "部分符合" in title
    assert all(c.author == "lawcheck 检查" and c.initials == "LC" and c.timestamp is None
               for c in docx.Document(str(out)).comments)


def five_parts(path: Path, leave_out: set[int], closing: bool = True) -> Path:
    """A report in the official five parts, without those in ``leave_out`` (1-5), and without
    any word of legal advisers; the body's name and the date close it."""
    d = docx.Document()
    d.add_paragraph("青石乡2024年法治政府建设年度报告", style="Title")
    body = {
        1: ("一、2024年推进法治政府建设的主要举措和成效",
            ["乡综合执法队在公示平台事前公开执法事项清单40项，事后公开行政处罚决定22件。",
             "执法人员配备执法记录仪18台，现场检查全程音像记录。",
             "重大执法决定作出前一律经司法所法制审核，全年审核6件。"]),
        2: ("二、存在的不足和原因", ["一是执法人员少，二是普法形式单一，原因在于乡司法所力量不足。"]),
        3: ("三、党政主要负责人履行推进法治建设第一责任人职责情况",
            ["乡党委书记主持召开法治建设专题会议3次，亲自部署年度法治工作。"]),
        4: ("四、2025年推进法治政府建设的主要安排", ["2025年将推进行政执法三项制度全覆盖，健全法治宣传教育机制。"]),
        5: ("五、其他需要报告的情况", ["无。"]),
    }
    for n, (heading, paragraphs) in body.items():
        if n in leave_out:
            continue
        d.add_paragraph(heading, style="Heading 1")
        for text in paragraphs:
            d.add_paragraph(text)
    if closing:
        d.add_paragraph("青石乡人民政府")
        d.add_paragraph("2025年3月1日")
    d.save(str(path))
    return path


def placed(path: Path, starts: str) -> list[str]:
    """The paragraphs that carry a comment beginning with ``starts``."""
    return [anchored for text, anchored, _ in comments(path).values() if text.startswith(starts)]


def test_a_missing_part_is_marked_where_it_should_go(tmp_path: Path) -> None:
    report = five_parts(tmp_path / "r.docx", leave_out={4})
    assert runner.invoke(app, ["annotate", str(report)]).exit_code == 1
    out = tmp_path / "r.checked.docx"
    # after the part before it in the official order: the last paragraph of part three
    assert placed(out, "这里缺少第四部分“下一年度推进法治政府建设的主要安排”（厅字〔2019〕28号 第二十四条（四））："
                       "请在本段之后补写这一部分。\n建议：单列一部分写下一年度的主要安排") == \
        ["乡党委书记主持召开法治建设专题会议3次，亲自部署年度法治工作。"]
    # an item written inside part one, missing: at the end of part one
    assert placed(out, "第一部分“主要举措和成效”中缺少“法律顾问作用发挥”：请在本段之后补写。\n建议：") == \
        ["重大执法决定作出前一律经司法所法制审核，全年审核6件。"]


def test_a_missing_last_part_goes_before_the_closing_lines_and_in_english(tmp_path: Path) -> None:
    report = five_parts(tmp_path / "r.docx", leave_out={5})
    runner.invoke(app, ["annotate", str(report), "--lang", "en"])
    assert placed(tmp_path / "r.checked.docx", 'Part 5, "Other matters to report", is missing here') == \
        ["2025年将推进行政执法三项制度全覆盖，健全法治宣传教育机制。"]  # not the body's name or the date


def test_a_missing_first_part_goes_before_the_first_part_there_is(tmp_path: Path) -> None:
    report = five_parts(tmp_path / "r.docx", leave_out={1, 2})
    runner.invoke(app, ["annotate", str(report)])
    out = tmp_path / "r.checked.docx"
    # nothing before it: the paragraph before part three, the report's title
    assert placed(out, "这里缺少第二部分“存在的不足和原因”") == ["青石乡2024年法治政府建设年度报告"]
    assert placed(out, "第一部分“主要举措和成效”中缺少") == []  # the part is missing: its own comment says it


def test_a_report_without_headings_gets_its_missing_parts_at_the_end(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("青石乡2024年法治政府建设年度报告", style="Title")
    d.add_paragraph("全年办理行政复议案件5件，调解纠纷120件，培训执法人员3期。")
    d.add_paragraph("青石乡人民政府")
    d.add_paragraph("2025年3月1日")
    d.save(str(tmp_path / "flat.docx"))
    runner.invoke(app, ["annotate", str(tmp_path / "flat.docx")])
    out = tmp_path / "flat.checked.docx"
    assert placed(out, "这里缺少第四部分") == ["全年办理行政复议案件5件，调解纠纷120件，培训执法人员3期。"]
    assert placed(out, "这里缺少第二部分") == ["全年办理行政复议案件5件，调解纠纷120件，培训执法人员3期。"]


def test_every_note_is_placed_and_the_text_is_unchanged(stone: Path, fazhi: Checklist) -> None:
    out = stone.with_name("copy.docx")
    assert runner.invoke(app, ["annotate", str(stone), "-o", str(out)]).exit_code == 1
    original, copy = check_path(stone, fazhi), check_path(out, fazhi)
    assert (copy.score, copy.items) == (original.score, original.items)  # splitting runs kept the text
    assert "未能在正文中定位" not in "".join(t for t, _, _ in comments(out).values())
    assert [p.text for p in docx.Document(str(out)).paragraphs] == \
        [p.text for p in docx.Document(str(stone)).paragraphs]


def test_the_numbered_paragraph_is_found_despite_its_label(tmp_path: Path, fazhi: Checklist) -> None:
    # Word renders "1." in front of a List Number paragraph; the reader prepends it, the paragraph lacks it.
    d = docx.Document()
    d.add_paragraph("某县2024年法治政府建设年度报告", style="Title")
    d.add_paragraph("本县尚未建立行政执法公示制度。", style="List Number")
    d.save(str(tmp_path / "n.docx"))
    runner.invoke(app, ["annotate", str(tmp_path / "n.docx")])
    found = comments(tmp_path / "n.checked.docx")
    assert any(a == "本县尚未建立行政执法公示制度。" and t.startswith("【行政执法公示制度】")
               for t, a, _ in found.values())


def test_the_output_is_the_same_bytes_every_time(stone: Path) -> None:
    a, b = stone.with_name("a.docx"), stone.with_name("b.docx")
    runner.invoke(app, ["annotate", str(stone), "-o", str(a)])
    runner.invoke(app, ["annotate", str(stone), "-o", str(b)])
    assert a.read_bytes() == b.read_bytes()


def test_an_existing_output_is_kept_unless_forced(stone: Path) -> None:
    out = stone.with_name("石桥镇报告.checked.docx")
    out.write_bytes(b"mine")
    result = runner.invoke(app, ["annotate", str(stone)])
    assert result.exit_code == 2
    assert result.output == f"输出文件 {out} 已存在；如需覆盖，请加 --force。\n"
    assert out.read_bytes() == b"mine"
    assert runner.invoke(app, ["annotate", str(stone), "--force"]).exit_code == 1
    assert zipfile.is_zipfile(out)


def test_the_report_itself_is_never_the_output(stone: Path) -> None:
    before = sha(stone)
    result = runner.invoke(app, ["annotate", str(stone), "-o", str(stone), "--force"])
    assert result.exit_code == 2
    assert result.output == (f"输出文件 {stone} 与原文件相同；lawcheck 不会改动原文件，请用 -o 另选输出路径。\n")
    assert sha(stone) == before


@pytest.mark.parametrize("name", ["report.txt", "report.doc", "report.wps"])
def test_only_docx_is_annotated(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("某县2024年法治政府建设年度报告", encoding="utf-8")
    result = runner.invoke(app, ["annotate", str(path)])
    assert result.exit_code == 2
    assert result.output == (f"{path} 不是 .docx 文件；批注只能写入 Word .docx 文档（.doc、.wps 请先另存为 .docx）。\n")
    assert list(tmp_path.iterdir()) == [path]


def test_a_missing_file_or_a_damaged_docx_is_one_sentence(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["annotate", str(tmp_path / "none.docx")])
    assert (missing.exit_code, missing.output) == (2, f"找不到文件 {tmp_path / 'none.docx'}。\n")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = runner.invoke(app, ["annotate", str(broken)])
    assert result.exit_code == 2 and "Traceback" not in result.output and str(broken) in result.output
    assert not (tmp_path / "broken.checked.docx").exists()


def test_english_comments(stone: Path) -> None:
    out = stone.with_name("en.docx")
    runner.invoke(app, ["annotate", str(stone), "-o", str(out), "--lang", "en"])
    texts = [t for t, _, _ in comments(out).values()]
    assert any(t.startswith("[Legal advisers") or "This does not count: negated." in t for t in texts)
    assert any(t.startswith("lawcheck result: score 70.9 / 100 (pass mark 80), FAIL.") for t in texts)


def test_comments_survive_a_libreoffice_round_trip(stone: Path, tmp_path: Path) -> None:
    soffice = parts.soffice()
    out = stone.with_name("lo.docx")
    runner.invoke(app, ["annotate", str(stone), "-o", str(out)])
    count = len(docx.Document(str(out)).comments)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--convert-to", "odt", "--outdir", str(tmp_path / "odt"), str(out)],
                   check=True, capture_output=True, timeout=180)
    with zipfile.ZipFile(tmp_path / "odt" / "lo.odt") as z:
        content = etree.fromstring(z.read("content.xml"))
    office = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    notes = list(content.iter(f"{office}annotation"))
    assert len(notes) == count == 12
    assert len(list(content.iter(f"{office}annotation-end"))) == count  # each still spans its sentence
    said = ["".join(n.itertext()) for n in notes]
    assert any("这句不计分：否定表述。" in s for s in said)


def test_what_cannot_be_anchored_is_listed_on_the_title(tmp_path: Path) -> None:
    # Text in a text box is read and checked, but python-docx offers no runs there to comment on.
    d = docx.Document()
    d.add_paragraph("某县2024年法治政府建设年度报告", style="Title")
    box = etree.fromstring(
        f'<w:p xmlns:w="{W[1:-1]}" xmlns:v="urn:schemas-microsoft-com:vml"><w:r><w:pict><v:shape>'
        "<v:textbox><w:txbxContent><w:p><w:r><w:t>本县尚未建立行政执法公示制度。</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>")
    d.element.body.insert(len(d.element.body) - 1, box)
    d.save(str(tmp_path / "box.docx"))
    runner.invoke(app, ["annotate", str(tmp_path / "box.docx")])
    [(text, anchored, _)] = comments(tmp_path / "box.checked.docx").values()
    assert anchored == "某县2024年法治政府建设年度报告"
    assert "以下内容未能在正文中定位：\n“本县尚未建立行政执法公示制度。”：【行政执法公示制度】这句不计分：否定表述。" in text


def test_annotating_a_commented_copy_replaces_lawchecks_comments_and_keeps_peoples(tmp_path: Path) -> None:
    from tests.cli.conftest import ROOT, lawcheck
    from tests.support.forms import write_docx

    report = write_docx(tmp_path / "linchuan.docx",
                        (ROOT / "examples" / "linchuan-county-traps-2024.txt").read_text(encoding="utf-8"))
    document = docx.Document(str(report))
    document.add_comment(document.paragraphs[1].runs, text="请核实数据", author="张科长", initials="ZK")
    document.save(str(report))
    first, second = tmp_path / "once.docx", tmp_path / "twice.docx"
    assert lawcheck("annotate", str(report), "-o", str(first)).code == 1
    assert lawcheck("annotate", str(first), "-o", str(second)).code == 1
    once = [(c.author, c.text) for c in docx.Document(str(first)).comments]
    twice = [(c.author, c.text) for c in docx.Document(str(second)).comments]
    assert sorted(once) == sorted(twice) and len(once) > 2
    assert [a for a, _ in twice].count("张科长") == 1
    xml = docx.Document(str(second)).element.xml
    assert xml.count("<w:commentRangeStart") == len(twice)
