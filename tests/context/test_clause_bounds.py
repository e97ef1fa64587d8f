"""A sentence's clauses, found once per sentence, are the clauses text.clause_bounds finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lawcheck.document.text import clause_bounds
from lawcheck.judge import checklist as checklists
from lawcheck.judge.reasons import SentenceFacts

CUES = checklists.load().cues


@given(st.text(alphabet=st.sampled_from(list("法治审核未将,;:。!?\n、")), max_size=30), st.integers(0, 31))
def test_clause_bounds_from_the_separators_found_once(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert SentenceFacts(text, False, CUES).clause_bounds(pos) == clause_bounds(text, pos)
