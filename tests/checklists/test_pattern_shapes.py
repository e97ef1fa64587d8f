"""A checklist's regular expressions said as the wording they find (``lawcheck explain``)."""

import pytest

from lawcheck.pattern import shapes


@pytest.mark.parametrize("pattern, said", [
    ("(明年|下一步)[^。]{0,20}将", ["[明年/下一步]……将"]),
    ("短板|薄弱环节", ["短板", "薄弱环节"]),
    ("存在的?(主要|突出)?问题", ["存在(的)(主要/突出)问题"]),
    ("(?:19|20)\\d\\d年工作安排", ["[19/20]××年工作安排"]),
    ("要(?!点)", ["要"]),  # a lookahead is not wording
    ("一村(\\([^)]{1,4}\\))?一法律顾问[^。]*", ["一村(（……）)一法律顾问"]),  # as reports write parentheses
    ("亲自.{0,5}.{0,5}督办", ["亲自……督办"]),  # one gap, however it is spelled
])
def test_a_pattern_is_said_as_its_wording(pattern, said):
    assert shapes(pattern) == said


def test_a_pattern_the_stdlib_cannot_parse_is_shown_as_written():
    assert shapes("\\p{Han}+") is None  # the regex module's syntax
