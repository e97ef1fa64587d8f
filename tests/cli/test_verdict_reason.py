"""Every output says why a report failed: the score under the pass mark, required items missing or partial."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import lawcheck

QINGHE = "examples/src/qinghe-street-2024.txt"  # all met: 100.0


def test_failing_on_a_missing_item_above_the_pass_mark(tmp_path: Path) -> None:
    text = Path(QINGHE).read_text(encoding="utf-8")
    start = text.index("四、2025年")
    end = text.index("五、其他需要报告的情况")
    report = tmp_path / "noplans.txt"
    report.write_text(text[:start] + text[end:], encoding="utf-8")
    table = lawcheck("check", str(report), "--no-color", "--min-score", "60")
    assert table.code == 1
    assert "未通过原因：缺少必备项 下一年度推进法治政府建设的主要安排。" in table.out
    data = json.loads(lawcheck("check", str(report), "--format", "json", "--min-score", "60").out)["reports"][0]
    assert data["reasons"] == [{"kind": "missing", "items": ["next-year-plans"]}]
    page = lawcheck("check", str(report), "--format", "html", "--min-score", "60").out
    assert 'stroke="var(--met)"' in page  # the gauge: above the pass mark
    assert '<p class="why">未通过原因：缺少必备项 下一年度推进法治政府建设的主要安排。</p>' in page


def test_failing_on_the_score_alone_is_said_in_the_batch(tmp_path: Path) -> None:
    run = lawcheck("batch", QINGHE, "--min-score", "100", "--fail-on", "partial", "--no-color", "--quiet")
    assert run.code == 0  # 100.0 reaches 100
    low = lawcheck("batch", "examples/yunling-town-2024.txt", "--fail-on", "none", "--min-score", "90",
                   "--format", "md", "--quiet")
    assert low.code == 1
    assert "得分 76.5 低于及格线 90" in low.out


def test_partial_not_allowed_is_said(tmp_path: Path) -> None:
    run = lawcheck("check", "examples/linchuan-county-traps-2024.txt", "--format", "json", "--fail-on", "partial",
                   "--min-score", "0")
    reasons = json.loads(run.out)["reports"][0]["reasons"]
    assert [r["kind"] for r in reasons] == ["missing", "partial"] or [r["kind"] for r in reasons] == ["partial"]
    assert any("three-systems" in r.get("items", []) for r in reasons)
