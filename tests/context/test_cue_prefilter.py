"""A sentence holding none of the words a cue needs is not searched for it (Pattern.might_match).

Hits are judged by searching a cue in a part of their sentence (the clause before
a hit, the text after it). Where the sentence holds none of the literals one of
which every match of the cue holds, no part of it can match, so no part is searched.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lawcheck.judge import checklist as checklists
from lawcheck.judge.engine import check_source
from lawcheck.document.model import RawBlock, Source
from lawcheck.pattern import Pattern

CUES = checklists.load(None).cues
PATTERNS = [CUES.negation_before, CUES.negation_after, CUES.future]
# The cues' own characters and their neighbours in real text (未经, 不断, 将来…), and plain prose.
ALPHABET = "未经来成年按期满没有尚缺乏欠无法不能难以够到位待足高强规范完善健全滞后薄弱流于形式将拟计划下一步今后明年打算准备争取力争届时接度执公示，。审核"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=24))
def test_no_part_of_a_sentence_matches_a_cue_it_cannot_hold(text: str) -> None:
    for pattern in PATTERNS:
        if pattern.might_match(text):
            continue
        parts = [text[a:b] for a in range(len(text) + 1) for b in range(a, len(text) + 1)]
        assert not any(pattern.search(part) for part in parts), (pattern.source, text)


def test_a_part_may_match_where_the_whole_sentence_does_not() -> None:
    # Why the sentence is asked for the cue's words and not searched whole: 未(?!经…) finds
    # nothing in "未经审核", but in the clause before a hit cut after 未 it does.
    negation = CUES.negation_before
    assert negation.search("未经审核") is None
    assert negation.search("未经审核"[:1]) is not None
    assert negation.might_match("未经审核")
    assert not negation.might_match("全年审核合同328份")


def test_an_unsure_pattern_is_always_searched() -> None:
    assert Pattern.of(r"(?i)abc").might_match("xyz")  # ignores case: its literals are not known
    assert Pattern.of(r"\p{Han}{2}").might_match("xyz")  # regex-only syntax


def test_a_hit_is_still_denied_and_planned_as_before() -> None:
    checklist = checklists.load(None)

    def status(*lines: str) -> str:
        source = Source(path="r.txt", format="txt",
                        blocks=tuple(RawBlock(line, line=i) for i, line in enumerate(lines, start=1)))
        result = check_source(source, checklist)
        return next(i.status for i in result.items if i.id == "legal-adviser")

    assert status("2023年，我镇聘请法律顾问审核合同328份。") == "met"
    assert status("2023年，我镇尚未聘请法律顾问审核合同。") != "met"
    assert status("2023年，我镇将聘请法律顾问审核合同。") != "met"


def _checklist_patterns() -> list[Pattern]:
    from lawcheck.judge.clauses.regex import Regex

    found: list[Pattern] = []
    stack: list[object] = [c for item in checklists.load(None).items for c in (item.match, item.partial)]
    stack += [t.clause for item in checklists.load(None).items for t in item.traps]
    stack += [part for item in checklists.load(None).items for part in item.parts]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if isinstance(node, Regex):
            found.extend(node.patterns(2023))
        stack.extend(getattr(node, name) for name in ("match", "partial", "clause") if hasattr(node, name))
        stack.extend(getattr(node, "clauses", []) or [])
        stack.extend(getattr(node, "alternatives", []) or [])
        stack.extend(t.clause for t in getattr(node, "traps", []) or [])
    return found


CLAUSE_PATTERNS = _checklist_patterns()
CLAUSE_ALPHABET = "".join(sorted({ch for p in CLAUSE_PATTERNS for ch in p.source if ord(ch) > 0x2000} | set("0123456789.%，。")))


def test_the_checklist_has_regex_clauses_to_check() -> None:
    assert len(CLAUSE_PATTERNS) >= 10


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=CLAUSE_ALPHABET, max_size=30))
def test_a_regex_clause_is_not_tried_on_a_sentence_it_cannot_match(text: str) -> None:
    for pattern in CLAUSE_PATTERNS:
        if not pattern.might_match(text):
            assert pattern.search(text) is None, (pattern.source, text)


def _stdlib_reads(pattern: Pattern) -> bool:
    """Whether Python's own parser reads the pattern (hypothesis draws texts from it by that)."""
    try:
        re.compile(pattern.source)
    except re.error:
        return False
    return True


def test_a_pattern_only_regex_compiles_is_tried_where_it_matches() -> None:
    # The review trap's look-behind of varying width is regex-only: hypothesis cannot draw
    # from it, so a sentence it matches is shown to be tried here.
    only_regex = [p for p in CLAUSE_PATTERNS if not _stdlib_reads(p)]
    assert only_regex
    for text in ("对5项重大行政决策开展合法性审查。", "对政府合同开展合法性审查20份。"):
        matching = [p for p in only_regex if p.search(text)]
        assert matching and all(p.might_match(text) for p in matching)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_sentence_a_pattern_matches_is_always_tried(data: st.DataObject) -> None:
    for pattern in [p for p in [*CLAUSE_PATTERNS, *PATTERNS] if _stdlib_reads(p)]:
        text = data.draw(st.from_regex(pattern.source))  # holds a match, with text around it
        if pattern.search(text) is not None:
            assert pattern.might_match(text), (pattern.source, text)
