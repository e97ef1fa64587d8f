"""Every match kind, from the YAML cases beside this file (one test per document)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from lawcheck.judge import checklist as checklists
from lawcheck.judge.context import DocContext
from lawcheck.judge.matching import evaluate_item
from lawcheck.document.metadata import read_meta
from lawcheck.document.model import RawBlock, Source
from lawcheck.document.structure import build

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))
SECTIONS = {
    "plans": {"headings": ["下一(年度|步)", "{next_year}年.{0,10}安排"]},
    "shortcomings": {"headings": ["存在的问题", "不足"]},
}


def checklist_for(item: dict[str, Any]) -> checklists.Checklist:
    spec = {"id": "case", "title": "测试", "severity": "required", "weight": 1, "hint": "写明。", **item}
    data = {"id": "cases", "title": "测试清单", "sections": SECTIONS, "items": [spec]}
    problems = checklists.validate(data)
    assert not problems, [p.render("cases.yaml") for p in problems]
    return checklists.compile_checklist(data)


def document(text: str):  # type: ignore[no-untyped-def]
    blocks = tuple(RawBlock(line, line=i) for i, line in enumerate(text.splitlines(), 1) if line.strip())
    return build(Source(path="case.txt", format="txt", blocks=blocks))


def _params() -> list[Any]:
    params = []
    for case in CASES:
        for status, docs in case["docs"].items():
            for i, text in enumerate(docs):
                params.append(pytest.param(case["item"], text, status, id=f"{case['id']}-{status}-{i}"))
    return params


@pytest.mark.parametrize(("item", "text", "status"), _params())
def test_case(item: dict[str, Any], text: str, status: str) -> None:
    compiled = checklist_for(item)
    doc = document(text)
    ctx = DocContext.build(doc, compiled, read_meta(doc, compiled.forms).year)
    assert evaluate_item(compiled.items[0], ctx).status == status


def test_every_match_kind_has_a_case() -> None:
    from lawcheck.judge.clauses import KINDS

    text = (Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8")
    for kind in [*KINDS, "min_count", "partial", "partial_in", "parts", "need", "traps", "{year}", "{next_year}"]:
        assert kind in text, f"no case uses {kind}"


@pytest.mark.parametrize(("pattern", "literals"), [
    ("亲自部署[^。]{0,12}亲自(过问|协调)", {"亲自部署"}),
    ("(安全生产|意识形态)[^。]{0,9}第一责任人", {"第一责任人"}),
    ("(培训|学习)[^。]{0,16}记录", {"培训", "学习"}),
    ("一村一顾问|(社区|村)法律顾问", {"一村一顾问", "法律顾问"}),
    ("(ab)+c", {"ab"}),
    ("a?b", {"b"}),
    (r"\d+(件|次)", None),
    ("(?i)abc", None),
    (r"\p{Han}+", None),
])
def test_regex_required_literals(pattern: str, literals: set[str] | None) -> None:
    from lawcheck.pattern import Pattern

    got = Pattern.of(pattern).literals
    assert (None if got is None else set(got)) == literals


@pytest.mark.parametrize(("pattern", "sets"), [
    ("执法(主体|信息)[^。;,]{0,10}(公示|公开)", [{"执法"}, {"主体", "信息"}]),  # "公" alone: too common to tell
    ("亲自部署[^。]{0,12}亲自(过问|协调)", [{"亲自部署"}, {"亲自"}, {"过问", "协调"}]),
    ("(安全生产|意识形态).*第一责任人", [{"安全生产", "意识形态"}, {"第一责任人"}]),
    ("(公示|公开)", None),  # only a single character: not worth an index
    (r"\d+(件|人次)", None),
    (r"\d+(件|次)", None),
    ("(?i)abc", None),
])
def test_regex_required_sets(pattern: str, sets: list[set[str]] | None) -> None:
    from lawcheck.pattern import Pattern

    got = Pattern.of(pattern).needs
    assert (None if got is None else [set(s) for s in got]) == sets


@pytest.mark.parametrize(("item", "text", "status"), _params())
def test_candidates_hold_every_sentence_a_clause_hits(item: dict[str, Any], text: str, status: str) -> None:
    # The matcher looks only at a clause's candidate sentences: none it would hit may be left out.
    # Asked of an index that scanned for the literals the checklist's clauses name (as the
    # matcher's does) and of one that looks each up: the same sentences either way.
    from lawcheck.judge.context import SentenceIndex, SentenceView

    compiled = checklist_for(item)
    doc = document(text)
    ctx = DocContext.build(doc, compiled, read_meta(doc, compiled.forms).year)
    scanned, looked = SentenceIndex(ctx, compiled.scan), SentenceIndex(ctx)
    stack = list(compiled.items)
    while stack:
        it = stack.pop()
        stack.extend(it.parts)
        for clause in [c for c in (it.match, it.partial) if c is not None] + [t.clause for t in it.traps]:
            hit = {i for i, s in enumerate(doc.sentences) if clause.hits(SentenceView(ctx, s))}
            candidates = clause.candidates(scanned)
            assert candidates is None or hit <= candidates, (hit - candidates)
            assert clause.candidates(looked) == candidates
            every = set(range(len(doc.sentences)))  # narrowing every sentence leaves the candidates
            assert clause.narrow(scanned, every) == clause.narrow(looked, every) == (
                every if candidates is None else candidates)


@pytest.mark.parametrize(("item", "text", "status"), _params())
def test_a_view_that_knows_its_index_gives_the_same_hits(item: dict[str, Any], text: str, status: str) -> None:
    # Given the index, a view asks the alternatives of ``any`` only where they may hold: what
    # they would hit elsewhere must be nothing.
    from lawcheck.judge.context import SentenceIndex, SentenceView

    compiled = checklist_for(item)
    doc = document(text)
    ctx = DocContext.build(doc, compiled, read_meta(doc, compiled.forms).year)
    index = SentenceIndex(ctx, compiled.scan)
    stack = list(compiled.items)
    while stack:
        it = stack.pop()
        stack.extend(it.parts)
        for clause in [c for c in (it.match, it.partial) if c is not None] + [t.clause for t in it.traps]:
            for i, s in enumerate(doc.sentences):
                knowing = SentenceView(ctx, s, index=index, number=i)
                assert clause.hits(knowing) == clause.hits(SentenceView(ctx, s))
                assert knowing.plain().may_hold(clause) == (clause.candidates(index) is None
                                                            or i in clause.candidates(index))
