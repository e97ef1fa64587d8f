"""annotate, template and explain read lawcheck.yaml as check does: one verdict, one language everywhere."""

from __future__ import annotations

from pathlib import Path

import docx

from tests.cli.conftest import ROOT, lawcheck
from tests.support.forms import write_docx

SETTINGS = """\
min_score: 70
waivers:
  - item: legal-adviser
    files: "*.docx"
    reason: 法律顾问另行报告
    approved_by: 依法治县办
    expires: 2099-12-31
  - item: next-year-plans
    files: "*.docx"
    reason: 下一年度安排另行报送
    approved_by: 依法治县办
    expires: 2099-12-31
"""


def test_annotate_applies_the_settings_and_waivers_as_check_does(tmp_path: Path) -> None:
    write_docx(tmp_path / "yunling.docx", (ROOT / "examples" / "yunling-town-2024.txt").read_text("utf-8"))
    (tmp_path / "lawcheck.yaml").write_text(SETTINGS, encoding="utf-8")
    check = lawcheck("check", "yunling.docx", "--format", "json", cwd=tmp_path)
    annotate = lawcheck("annotate", "yunling.docx", "-o", "out.docx", cwd=tmp_path)
    assert (check.code, annotate.code) == (0, 0), (check.err, annotate.err)
    assert "通过" in annotate.out and "未通过" not in annotate.out
    summary = next(c.text for c in docx.Document(str(tmp_path / "out.docx")).comments if "检查结果" in c.text)
    assert "（及格线 70），通过。" in summary


def test_explain_and_template_speak_the_settings_language(tmp_path: Path) -> None:
    (tmp_path / "lawcheck.yaml").write_text("lang: en\n", encoding="utf-8")
    explain = lawcheck("explain", "legal-adviser", cwd=tmp_path)
    assert explain.code == 0 and explain.out.startswith("legal-adviser  Use of legal advisers (required, weight 10)")
    template = lawcheck("template", "--year", "2024", "-o", "t.docx", cwd=tmp_path)
    assert template.code == 0 and template.out.startswith("Wrote the report template t.docx")
