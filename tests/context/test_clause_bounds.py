"""A sentence's clauses, found once per sentence, are the clauses text.clause_bounds finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lawcheck.judge import checklist as checklists
from lawcheck.judge.context import DocContext, SentenceView
from lawcheck.document.model import RawBlock, Sentence, Source
from lawcheck.document.structure import build
from lawcheck.document.text import clause_bounds


@given(st.text(alphabet=st.sampled_from(list("法治审核未将,;:。!?\n、")), max_size=30), st.integers(0, 31))
def test_clause_bounds_from_the_separators_found_once(text: str, pos: int) -> None:
    doc = build(Source("t.txt", "txt", (RawBlock("法治。"),)))
    ctx = DocContext(doc, 2024, checklists.load().cues)
    view = SentenceView(ctx, Sentence(0, 0, len(text), text))
    pos = min(pos, len(text))
    assert view._facts.clause_bounds(pos) == clause_bounds(text, pos)
