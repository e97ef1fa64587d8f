"""Every YAML example in docs/checklists.md is valid, and its examples come out as filed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from lawcheck.judge import checklist as checklists
from lawcheck.commands import config
from lawcheck.workflows.selftest import example_cases

DOC = Path(__file__).parents[2] / "docs" / "checklists.md"
BLOCKS = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
FULL = next(b for b in BLOCKS if b.startswith("id: my-county "))
ITEM_BLOCKS = [b for b in BLOCKS if b.startswith("- id:")]


def load_text(tmp_path: Path, text: str) -> checklists.Checklist:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    return checklists.load(str(path))


def failures(c: checklists.Checklist) -> list[str]:
    return [f"{k.item} [{k.want[0]}] {k.text!r}: got {k.got}" for k in example_cases(c) if not k.passed]


def test_the_full_example(tmp_path):
    c = load_text(tmp_path, FULL)
    assert failures(c) == []
    assert len(example_cases(c)) == 3


@pytest.mark.parametrize("block", ITEM_BLOCKS, ids=[re.match(r"- id: (\S+)", b).group(1) for b in ITEM_BLOCKS])
def test_each_match_kind_example(tmp_path, block):
    head = yaml.safe_load(FULL)
    text = yaml.safe_dump({"id": "doc", "title": "文档示例", "sections": head["sections"]}, allow_unicode=True)
    c = load_text(tmp_path, text + "items:\n" + block)
    assert example_cases(c), "every example block shows examples"
    assert failures(c) == []


def test_the_kinds_are_all_shown():
    shown = "\n".join(ITEM_BLOCKS)
    for kind in ("any:", "all:", "none:", "regex:", "near:", " in:", "exclude_in:", "section:", "heading:",
                 "under:", "min_count:", "parts:", "need:", "partial:", "partial_in:", "partial_credit:",
                 "traps:", "context:", "{year}", "{next_year}"):
        assert kind in shown, kind


def test_the_extends_example(tmp_path):
    block = next(b for b in BLOCKS if "extends: fazhi-annual-report" in b)
    c = load_text(tmp_path, block)
    assert c.deadline == "03-01"
    assert c.item("dispute-resolution") is None
    assert c.item("three-systems").weight == 20
    assert [f for f in failures(c) if f.startswith("duty-list-adjustment")] == []


def test_the_settings_example(tmp_path):
    block = next(b for b in BLOCKS if b.startswith("checklist:"))
    path = tmp_path / "lawcheck.yaml"
    path.write_text(block, encoding="utf-8")
    settings = config.load(path)
    assert settings.data["fail_on"] == "partial"
    assert settings.data["waivers"][0]["item"] == "frp-section"
