"""``--compare LAST_YEAR.json``: what each body's report lost or gained since last year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lawcheck.workflows.compare import Baseline, Previous, load_baseline, stem_key
from lawcheck.errors import LawcheckError
from lawcheck.reporters.tally import Row
from tests.batch.conftest import YUNLING, lawcheck, without_section

FRP_PART = "三、党政主要负责人履行推进法治建设第一责任人职责情况"


def test_regressions_by_body(reports: Path, tmp_path: Path) -> None:
    last = tmp_path / "2023.json"
    assert lawcheck("batch", ".", "-q", "-o", last, cwd=reports).code == 1
    # This year the town's report drops its part on the principal leaders' duty.
    target = reports / YUNLING.name
    target.write_text(without_section(target.read_text(encoding="utf-8"), FRP_PART), encoding="utf-8")
    run = lawcheck("batch", ".", "--compare", last, "-o", tmp_path / "2024.json", "-o", tmp_path / "2024.csv",
                   "-o", tmp_path / "2024.md", "--no-color", "--lang", "en", cwd=reports)
    assert run.code == 1
    data = json.loads((tmp_path / "2024.json").read_text(encoding="utf-8"))
    compare = {r["path"]: r["compare"] for r in data["reports"]}
    assert compare["qinghe-street-2024.docx"] == {"regressed": [], "improved": []}
    assert "frp-section" in compare["yunling-town-2024.txt"]["regressed"]
    assert compare["yunling-town-2024.txt"]["improved"] == []
    assert "Compared with last year" in run.out
    csv_text = (tmp_path / "2024.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].endswith(",regressed,improved")
    town = next(line for line in csv_text.splitlines() if line.startswith("yunling"))
    assert "frp-section" in town.split(",")[-2]
    md = (tmp_path / "2024.md").read_text(encoding="utf-8").splitlines()
    at = md.index("## Compared with last year")
    assert md[at + 2] == "| Report | Last year's report | Regressed | Improved |"
    assert md[at + 4].startswith("| yunling-town-2024.txt | yunling-town-2024.txt | ")


def test_match_by_file_name_when_the_body_is_unknown(tmp_path: Path, reports: Path) -> None:
    last = {"lawcheck": "0.1.0", "schema": 1, "checklist": {"id": "fazhi-annual-report", "version": "x"},
            "reports": [{"path": "2023/yunling-town-2023.txt", "meta": {"org": None}, "error": None,
                         "items": [{"id": "legal-adviser", "status": "met"},
                                   {"id": "frp-duty", "status": "missing"},
                                   {"id": "three-systems", "status": "met",
                                    "parts": [{"id": "three-systems.recording", "status": "partial"}]}]}]}
    path = tmp_path / "last.json"
    path.write_text(json.dumps(last, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "now.jsonl"
    assert lawcheck("batch", reports / YUNLING.name, "-q", "--compare", path, "-o", out).code == 1
    record = json.loads(out.read_text(encoding="utf-8"))
    status = {i["id"]: i["status"] for i in record["items"]}
    status.update({p["id"]: p["status"] for i in record["items"] for p in i.get("parts", [])})
    want_regressed = [i for i in ("three-systems", "legal-adviser") if status[i] != "met"]
    want_improved = [i for i in ("frp-duty", "three-systems.recording") if status[i] == "met"]
    assert record["compare"] == {"regressed": sorted(want_regressed, key=list(status).index),
                                 "improved": sorted(want_improved, key=list(status).index)}


def test_a_body_named_twice_last_year_falls_back_to_file_names() -> None:
    baseline = Baseline([("某镇人民政府", Previous("a-2023.txt", {"x": "met"})),
                         ("某镇人民政府", Previous("b-2023.txt", {"x": "missing"})),
                         ("某县人民政府", Previous("c-2023.txt", {"x": "met"}))])
    assert baseline.find(Row("b-2024.docx", 50.0, False, org="某镇人民政府")).path == "b-2023.txt"
    assert baseline.find(Row("other.docx", 50.0, False, org="某县 人民政府")).path == "c-2023.txt"
    assert baseline.find(Row("other.docx", 50.0, False, org="别处")) is None


def test_stem_key_drops_years_and_separators() -> None:
    assert stem_key("reports/Yunling_Town-2024.docx") == stem_key("old/yunling-town 2023.txt") == "yunling-town"
    assert stem_key("云岭镇2024年法治政府建设情况报告.pdf") == stem_key("云岭镇2023年法治政府建设情况报告.docx")


def test_a_bad_baseline_is_a_usage_error(tmp_path: Path, reports: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"reports": 3}', encoding="utf-8")
    with pytest.raises(LawcheckError) as info:
        load_baseline(bad)
    assert info.value.key == "batch-compare-invalid"
    run = lawcheck("batch", reports, "--compare", tmp_path / "missing.json", "--lang", "en")
    assert run.code == 2
    assert run.err == f"Last year's results {tmp_path / 'missing.json'} cannot be read: No such file or directory.\n"


def test_baseline_in_any_json_layout(reports: Path, tmp_path: Path) -> None:
    indented = tmp_path / "last.json"
    assert lawcheck("batch", ".", "-q", "-o", indented, "-o", tmp_path / "last.jsonl", cwd=reports).code == 1
    minified = tmp_path / "min.json"
    minified.write_text(json.dumps(json.loads(indented.read_text(encoding="utf-8")), ensure_ascii=False),
                        encoding="utf-8")
    found = []
    for path in (indented, minified, tmp_path / "last.jsonl"):
        baseline = load_baseline(path)
        found.append(sorted((p.path, tuple(sorted(p.statuses.items()))) for p in baseline.by_stem.values()))
    assert found[0] == found[1] == found[2] and len(found[0]) == 3
    broken = tmp_path / "broken.json"
    broken.write_text(indented.read_text(encoding="utf-8")[:-40], encoding="utf-8")
    with pytest.raises(LawcheckError) as info:
        load_baseline(broken)
    assert info.value.key == "batch-compare-invalid"
