"""The built-in checklist's context rules (traps of DOMAIN.md and its inspector's policy), one short report each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from lawcheck.judge import checklist as checklists
from lawcheck.judge.engine import check_document
from lawcheck.document.model import ItemResult, RawBlock, Source
from lawcheck.document.structure import build

RULES = yaml.safe_load((Path(__file__).parent / "rules.yaml").read_text(encoding="utf-8"))


def find(items: tuple[ItemResult, ...], item_id: str) -> ItemResult:
    for item in items:
        for candidate in (item, *item.parts):
            if candidate.id == item_id:
                return candidate
    raise KeyError(item_id)


@pytest.mark.parametrize("rule", RULES, ids=[r["rule"] for r in RULES])
def test_rule(rule: dict[str, Any]) -> None:
    lines = rule["text"].splitlines()
    source = Source("rule.txt", "txt", tuple(RawBlock(t, line=i) for i, t in enumerate(lines, 1)))
    result = check_document(build(source), checklists.load())
    item = find(result.items, rule["item"])
    assert item.status == rule["status"], (item.evidence, item.near_misses)
    if "reason" in rule:  # what earned only a part says why in its evidence; what did not count, as a near miss
        told = item.evidence if rule["status"] == "partial" else item.near_misses
        assert rule["reason"] in [n.reason for n in told], (item.evidence, item.near_misses)
