"""The inspector's folder, as a 司法局 receives it, through batch --feedback --db and the history.

Two years of reports from bodies listed in bodies.yaml: last year's recorded in the history; this
year a passing report, a body that sent only a file that cannot be read, one body twice (a .txt
and a .docx of one report), a report that names no body, a body whose report lost an item since
last year, and a listed body that sent nothing. The letters are opened as .docx and read.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import docx
import openpyxl
import pytest

from tests.cli.conftest import ROOT, lawcheck

EXAMPLES = ROOT / "examples"
BODIES = """\
bodies:
  - name: 青禾街道办事处
  - name: 白沙街道办事处
  - name: 东湖街道办事处
  - name: 云岭镇人民政府
  - name: 南山镇人民政府
  - name: 东坝镇人民政府
"""
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000  # an old binary Word file
DONGHU = """\
东湖街道2024年法治政府建设情况报告
2024年，东湖街道办事处围绕建设法治街道的目标，把依法履职落实到社区治理和为民服务各个环节。现将有关情况报告如下。
一、2024年推进法治政府建设的主要举措和成效
（一）落实行政执法三项制度
街道在区执法信息平台事前公开执法主体、依据和流程，事后公开行政处罚决定19件。执法队员配备执法记录仪14台，现场检查和调查取证全程音像记录，归档音视频资料210条。作出重大执法决定前一律经法制审核，全年审核重大执法决定5件。
（二）用好法律顾问
街道常年法律顾问列席主任办公会议9次，审查合同27份，出具法律意见书11份，协助处理物业纠纷4起。
（三）化解矛盾纠纷
街道调委会受理各类纠纷163件，调解成功158件；办理行政复议答复2件，行政诉讼应诉1件，负责人出庭应诉1次。
（四）提升干部法治素养
组织会前学法8次，执法人员专题培训2期、96人次，全体执法人员通过年度法律知识考试。
二、存在的不足和原因
一是社区网格员法律知识不足，调处纠纷时依法办事的意识有待增强；二是执法案卷归档不够及时。原因在于街道执法力量少、培训覆盖不够。
三、党政主要负责人履行推进法治建设第一责任人职责情况
街道党工委书记主持召开法治建设专题会议3次，听取执法工作汇报；办事处主任带头旁听庭审1次，年终述职时专题述法。
四、2025年推进法治政府建设的主要安排
（一）年内完成执法案卷电子化归档；（二）重大决策事项全部经法律顾问审查；（三）开展网格员法律知识轮训，年底前实现全覆盖。
五、其他需要报告的情况
无。
东湖街道办事处
2025年2月20日
"""  # a report of its own that passes, with recommended items to better


def shifted(text: str, years: int) -> str:
    """The report of another year: every 20xx moved by ``years`` (the outline's 2021—2025 too)."""
    return re.sub(r"20(2\d)", lambda m: str(int(m.group(0)) + years), text)


def as_docx(text: str, path: Path) -> None:
    document = docx.Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line)
    document.save(str(path))


def letter(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


@pytest.fixture(scope="module")
def inspector(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("inspector")
    qinghe = (EXAMPLES / "src" / "qinghe-street-2024.txt").read_text(encoding="utf-8")
    yunling = (EXAMPLES / "yunling-town-2024.txt").read_text(encoding="utf-8")
    linchuan = (EXAMPLES / "linchuan-county-traps-2024.txt").read_text(encoding="utf-8")
    (root / "2023").mkdir()
    (root / "2023" / "青禾街道2023年报告.txt").write_text(shifted(qinghe, -1), encoding="utf-8")
    year = root / "2024"
    year.mkdir()
    # this year the street office left its legal advisers out: met last year, missing now
    lines = qinghe.splitlines()
    cut = next(i for i, line in enumerate(lines) if "法律顾问和公职律师作用" in line)
    (year / "青禾街道办事处2024年法治政府建设报告.txt").write_text("\n".join(lines[:cut] + lines[cut + 2:]) + "\n",
                                                                encoding="utf-8")
    (year / "东湖街道2024年报告.txt").write_text(DONGHU, encoding="utf-8")  # passes
    # 青禾's report of last year with the names and years changed: a copy that passes the checklist
    (year / "白沙街道2024年报告.txt").write_text(qinghe.replace("青禾", "白沙"), encoding="utf-8")
    (year / "南山镇2024年报告（扫描件）.doc").write_bytes(OLE)
    older, newer = year / "云岭镇2024年报告.txt", year / "云岭镇2024年报告.docx"
    older.write_text(yunling, encoding="utf-8")
    as_docx(yunling, newer)
    os.utime(older, (1_700_000_000, 1_700_000_000))
    os.utime(newer, (1_700_000_000, 1_700_000_000))  # the same age: the .docx is the one judged
    nameless = linchuan.replace("临川县人民政府", "").replace("临川县", "本县")
    (year / "real-003.txt").write_text(nameless, encoding="utf-8")
    (root / "bodies.yaml").write_text(BODIES, encoding="utf-8")
    (root / "lawcheck.yaml").write_text("bodies: bodies.yaml\nfeedback_from: 临川县司法局\n", encoding="utf-8")

    first = lawcheck("batch", "2023", "--db", "h.sqlite", "-q", "-o", "s2023.csv", cwd=root)
    assert first.code in (0, 1), first.err
    run = lawcheck("batch", "2024", "--db", "h.sqlite", "--compare", "db", "--feedback", "fb",
                   "--feedback-date", "2025-04-10", "--feedback-deadline", "2025-04-30", "-o", "r.json", cwd=root)
    assert run.code == 2, run.err  # the unreadable file: exit 2, the rest judged
    return {"root": root, "run": run, "fb": root / "fb"}


def test_a_passing_body_gets_an_acknowledgement_signed_and_dated(inspector: dict) -> None:
    text = letter(inspector["fb"] / "东湖街道办事处-2024-反馈意见.docx")
    assert text[:2] == ["关于东湖街道办事处2024年法治政府建设年度报告的反馈意见", "东湖街道办事处："]
    assert "二、可以进一步完善的内容" in text  # its recommended items still missing, in a table
    assert "报告符合要求，无需重新报送。上述意见供今后完善参考。" in text
    assert not [t for t in text if "整改要求" in t or "重新报送。" in t and "无需" not in t]
    assert text[-2:] == ["临川县司法局", "2025年4月10日"]  # the 落款


def test_a_body_that_sent_an_unreadable_file_is_received_and_asked_again(inspector: dict) -> None:
    text = letter(inspector["fb"] / "南山镇人民政府-2024-反馈意见.docx")
    assert text[1] == "南山镇人民政府："
    assert text[2] == "你单位报送的文件（南山镇2024年报告（扫描件）.doc）无法读取，未能进行检查，原因如下："
    assert "请于2025年4月30日前将报告另存为 .docx 格式（Word/WPS 均可）重新报送。" in text
    rows = {r[0]: r for r in openpyxl.load_workbook(inspector["fb"] / "index.xlsx").active.iter_rows(values_only=True)}
    assert rows["南山镇人民政府"][3] == "已报送，无法读取"
    assert "旧版 Word/WPS" in rows["南山镇人民政府"][4]
    assert rows["东坝镇人民政府"][3] == "未报送"  # listed and sent nothing


def test_two_submissions_of_one_body_are_both_named_and_the_docx_judged(inspector: dict) -> None:
    root = inspector["root"]
    found = json.loads((root / "r.json").read_text(encoding="utf-8"))["batch_findings"]
    assert [f for f in found if f["id"] == "duplicate-submission"] == [
        {"id": "duplicate-submission", "body": "云岭镇人民政府", "year": 2024,
         "judged": "2024/云岭镇2024年报告.docx", "others": ["2024/云岭镇2024年报告.txt"]}]
    # one body's two files of one report are a duplicate submission, not a copy of another body's
    assert not [f for f in found if f["id"] == "similar-report" and "云岭" in f["report"]]
    assert ("注意：云岭镇人民政府 2024 年报送了多份报告，以 2024/云岭镇2024年报告.docx 为准；"
            "另有：2024/云岭镇2024年报告.txt") in inspector["run"].err
    text = letter(inspector["fb"] / "云岭镇人民政府-2024-反馈意见.docx")
    assert ("你单位本年度报送了多份文件，本次检查以《云岭镇2024年报告.docx》为准；另报送的 云岭镇2024年报告.txt "
            "未作为本单位报告检查。") in text
    rows = {r[0]: r for r in openpyxl.load_workbook(inspector["fb"] / "index.xlsx").active.iter_rows(values_only=True)}
    assert rows["云岭镇人民政府"][6] == "2024/云岭镇2024年报告.docx"
    assert "2024/云岭镇2024年报告.txt" in rows["云岭镇人民政府"][7]


def test_a_report_naming_no_body_is_addressed_to_a_placeholder_and_kept_in_the_history(inspector: dict) -> None:
    fb = inspector["fb"]
    text = letter(fb / "未识别单位-real-003-2024-反馈意见.docx")
    assert text[:2] == ["关于【单位名称】2024年法治政府建设年度报告的反馈意见", "【单位名称】："]
    assert not [t for t in text if "real-003" in t and "《" not in t]  # the file's name addresses nobody
    rows = [r for r in openpyxl.load_workbook(fb / "index.xlsx").active.iter_rows(values_only=True)]
    assert ("未识别单位：real-003.txt", 2024) == rows[-3][:2] or any(r[0] == "未识别单位：real-003.txt" for r in rows)
    listed = lawcheck("history", "bodies", "--db", "h.sqlite", "--format", "json", cwd=inspector["root"])
    assert "未识别单位：real-003.txt" in {b["body"] for b in json.loads(listed.out)}


def test_a_body_is_taken_from_the_file_name_when_the_text_names_none(inspector: dict) -> None:
    # 南山镇 above came from its file's name; a report whose file names its body is tied the same way
    rows = {r[0] for r in openpyxl.load_workbook(inspector["fb"] / "index.xlsx").active.iter_rows(values_only=True)}
    assert {"青禾街道办事处", "白沙街道办事处", "东湖街道办事处", "云岭镇人民政府", "南山镇人民政府"} <= rows


def test_what_got_worse_since_last_year_is_named_in_the_letter(inspector: dict) -> None:
    text = letter(inspector["fb"] / "青禾街道办事处-2024-反馈意见.docx")
    assert "与上一年度相比，以下检查项去年符合、今年未达到：法律顾问作用发挥、公职律师。" in text
    assert "四、整改要求" in text and "请于2025年4月30日前完成修改，并重新报送。" in text


def test_a_past_deadline_and_a_missing_bodies_file_are_one_sentence(inspector: dict) -> None:
    root = inspector["root"]
    past = lawcheck("batch", "2024", "--feedback", "fb2", "--feedback-date", "2025-04-10",
                    "--feedback-deadline", "2025-04-01", cwd=root)
    assert (past.code, past.err) == (2, "整改期限 2025-04-01 早于反馈日期 2025-04-10，请改用以后的日期。\n")
    assert not (root / "fb2").exists()
    missing = lawcheck("batch", "2024", "--feedback", "fb3", "--bodies", "nowhere.yaml", "--lang", "en", cwd=root)
    assert (missing.code, missing.err) == (2, "The bodies file nowhere.yaml does not exist (named by --bodies or "
                                              "bodies in lawcheck.yaml).\n")


def test_passing_bodies_may_get_no_letter(inspector: dict) -> None:
    root = inspector["root"]
    run = lawcheck("batch", "2024", "--feedback", "fb4", "--feedback-passing", "none", "--feedback-date",
                   "2025-04-10", "-q", "-o", "s.csv", cwd=root)
    assert run.code == 2
    assert not (root / "fb4" / "东湖街道办事处-2024-反馈意见.docx").exists()
    rows = {r[0]: r for r in openpyxl.load_workbook(root / "fb4" / "index.xlsx").active.iter_rows(values_only=True)}
    assert rows["东湖街道办事处"][5] == "（通过，不发反馈意见）"


@pytest.mark.parametrize("file, body", [
    ("北川镇人民政府2024年法治政府建设报告.txt", "北川镇人民政府"),
    ("南山镇2024年报告（扫描件）.pdf", "南山镇"),
    ("2024年度东坡区法治政府建设情况报告.docx", "东坡区"),
    ("县市场监管局2024年度法治政府建设工作报告.doc", "县市场监管局"),
    ("real-003.txt", None),
    ("法治政府建设报告.txt", None),
])
def test_the_body_a_file_name_starts_with(file: str, body: str | None) -> None:
    from lawcheck.document import bodies
    from lawcheck.judge import checklist

    assert bodies.name_in_file_name(file, checklist.load(None).forms) == body


def test_a_body_from_the_text_then_the_file_name_then_the_listed_globs() -> None:
    from lawcheck.document import bodies
    from lawcheck.judge import checklist

    forms = checklist.load(None).forms
    known = bodies.Bodies.of((bodies.Body("县市场监督管理局", ("县市场监管局",), ("市监*",)),
                              bodies.Body("南山镇人民政府")))
    said = bodies.identify_file("x/南山镇2024年报告.txt", "县市场监管局", known, forms)
    assert (said.name, said.source) == ("县市场监督管理局", "text")  # the text first, by its alias
    said = bodies.identify_file("x/南山镇2024年报告.txt", None, known, forms)
    assert (said.key, said.name, said.source) == ("南山镇", "南山镇人民政府", "file")
    said = bodies.identify_file("x/市监-年报.txt", None, known, forms)
    assert (said.name, said.source) == ("县市场监督管理局", "glob")
    said = bodies.identify_file("x/real-003.txt", None, known, forms)
    assert (said.known, said.name) == (False, "real-003.txt")


def test_copied_reports_are_found_in_the_batch_and_against_the_history(inspector: dict) -> None:
    root, fb = inspector["root"], inspector["fb"]
    found = [f for f in json.loads((root / "r.json").read_text(encoding="utf-8"))["batch_findings"]
             if f["id"] == "similar-report"]
    pairs = {(f["report"], f["other"], f["recorded"]) for f in found}
    # 白沙 sent 青禾's report of last year with the names changed (found in the history) ...
    assert ("2024/白沙街道2024年报告.txt", "2023/青禾街道2023年报告.txt", True) in pairs
    # ... and 青禾 sent its own last year's report again, less one part (照搬照抄)
    assert ("2024/青禾街道办事处2024年法治政府建设报告.txt", "2023/青禾街道2023年报告.txt", True) in pairs
    # the nameless report and 云岭's are their own
    assert not [f for f in found if "real-003" in f["report"] + f["other"] or "云岭" in f["report"] + f["other"]]
    baisha = next(f for f in found if f["report"] == "2024/白沙街道2024年报告.txt" and f["recorded"])
    assert baisha["share"] >= 0.9 and baisha["evidence"].startswith("2024年，白沙街道在区委、区政府的领导下")
    assert ("注意：2024/白沙街道2024年报告.txt 与 青禾街道办事处2023年的报告（青禾街道2023年报告.txt） 大段雷同"
            in inspector["run"].err)
    text = letter(fb / "白沙街道办事处-2024-反馈意见.docx")
    copied = [t for t in text if "大段雷同" in t]
    assert copied and copied[0].startswith("1. 报告与青禾街道办事处2023年的报告（青禾街道2023年报告.txt）大段雷同（约 100% 的文字相同）")
    # it passes the checklist, but a copy is asked to be written again
    assert "报告符合要求，无需重新报送。上述意见供今后完善参考。" not in text and "四、整改要求" in text
    rows = {r[0]: r for r in openpyxl.load_workbook(fb / "index.xlsx").active.iter_rows(values_only=True)}
    assert "与 青禾街道办事处2023年的报告（青禾街道2023年报告.txt） 雷同（约 100%）" in rows["白沙街道办事处"][7]
