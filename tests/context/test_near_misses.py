"""Near misses: the first sentences, in reading order, where a hit did not count or a trap alone held.

A sentence where only an item's trap may hold is looked at only when its near miss is shown;
these tests pin what is shown: the same sentences, reasons and order, however many wait.
"""

from __future__ import annotations

from lawcheck.document.model import ItemResult, RawBlock, Source
from lawcheck.document.structure import build
from lawcheck.judge import checklist as checklists
from lawcheck.judge.engine import check_document

REVIEW = "three-systems.review"
TRAP_ALONE = "推进合同合法性审查。"  # a contract's review: the trap holds, the item does not
NEGATED = "未对行政处罚决定进行法制审核。"  # the item's words, denied
NO_TRAP = "开展合法性审查业务培训。"  # the trap's word, but not its shape: nothing to tell


def review_of(lines: list[str]) -> ItemResult:
    source = Source("near.txt", "txt", tuple(RawBlock(t, line=i) for i, t in enumerate(lines, 1)))
    result = check_document(build(source), checklists.load())
    for item in result.items:
        for part in item.parts:
            if part.id == REVIEW:
                return part
    raise KeyError(REVIEW)


def test_trap_alone_and_denied_hits_are_told_in_reading_order() -> None:
    item = review_of(["本单位2024年法治政府建设情况报告", NO_TRAP, TRAP_ALONE, NEGATED, "规范性文件合法性审查率达到100%。",
                      "重大决策合法性审查全覆盖。"])
    assert item.status == "missing"
    assert [(n.text, n.reason) for n in item.near_misses] == [
        (TRAP_ALONE, "decision-review"), (NEGATED, "negated"), ("规范性文件合法性审查率达到100%。", "decision-review")]


def test_the_first_are_told_however_many_sentences_wait() -> None:
    # more sentences where only the trap may hold than the matcher keeps waiting at once
    lines = ["本单位2024年法治政府建设情况报告", *(NO_TRAP for _ in range(40)),
             *(f"第{i}份合同完成合法性审查。" for i in range(1, 151)), NEGATED]
    item = review_of(lines)
    assert [n.text for n in item.near_misses] == ["第1份合同完成合法性审查。", "第2份合同完成合法性审查。",
                                                  "第3份合同完成合法性审查。"]
    assert {n.reason for n in item.near_misses} == {"decision-review"}


def test_a_met_item_tells_no_near_miss() -> None:
    item = review_of(["本单位2024年法治政府建设情况报告", TRAP_ALONE, NEGATED,
                      "全年对18件重大执法决定进行了法制审核。", "对12件行政处罚决定开展法制审核。",
                      "重大行政执法决定法制审核率100%。"])
    assert item.status == "met"
    assert item.near_misses == ()
