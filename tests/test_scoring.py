"""The score formula, its rounding, and the gate (lawcheck.judge.scoring)."""

from __future__ import annotations

import pytest

from lawcheck.document.model import ItemResult
from lawcheck.judge.scoring import failing_items, passes, score

CREDIT = {"met": 1.0, "partial": 0.5, "missing": 0.0, "waived": 0.0}


def item(status: str, weight: float = 10, severity: str = "required", credit: float | None = None,
         name: str = "x") -> ItemResult:
    return ItemResult(id=name, title=name, severity=severity, weight=weight, status=status,  # type: ignore[arg-type]
                      credit=CREDIT[status] if credit is None else credit)


def test_weighted_credits() -> None:
    # 100 × (15×1 + 10×0.5 + 5×0) / 30 = 66.666… → 66.7
    assert score((item("met", 15), item("partial", 10), item("missing", 5))) == 66.7


def test_the_checklists_partial_credit_is_used() -> None:
    # 100 × (10×0.3) / 20 = 15.0
    assert score((item("partial", 10, credit=0.3), item("missing", 10))) == 15.0


def test_all_met_is_100_and_none_met_is_0() -> None:
    assert score((item("met", 15), item("met", 5))) == 100.0
    assert score((item("missing", 15), item("missing", 5))) == 0.0


def test_weight_zero_items_do_not_count() -> None:
    assert score((item("met", 10), item("missing", 0))) == 100.0


def test_no_weight_at_all_scores_100() -> None:
    assert score(()) == 100.0
    assert score((item("missing", 0),)) == 100.0


@pytest.mark.parametrize(("met_weight", "total", "expected"), [
    (23, 2000, 1.2),     # 1.15 exactly: half up, although the float 1.15 is 1.1499…
    (1, 8, 12.5),
    (1, 16, 6.3),        # 6.25
    (1, 80, 1.3),        # 1.25
    (3, 80, 3.8),        # 3.75
    (1, 3, 33.3),
    (2, 3, 66.7),
    (249, 2000, 12.5),   # 12.45
    (1999, 2000, 100.0),  # 99.95
])
def test_rounding_is_half_up_to_one_decimal(met_weight: int, total: int, expected: float) -> None:
    assert score((item("met", met_weight), item("missing", total - met_weight))) == expected


def test_waived_counts_as_met() -> None:
    assert score((item("waived", 10), item("met", 10))) == 100.0
    assert score((item("waived", 10), item("missing", 10))) == 50.0


REPORT = (
    item("met", 15, name="three-systems"),
    item("partial", 10, name="legal-adviser"),
    item("met", 10, name="shortcomings"),
    item("missing", 5, severity="recommended", name="public-lawyer"),
)


def test_fail_on_required_lets_partial_through_but_not_missing() -> None:
    assert failing_items(REPORT, "required") == []
    missing = REPORT + (item("missing", 10, name="next-year-plans"),)
    assert [i.id for i in failing_items(missing, "required")] == ["next-year-plans"]


def test_fail_on_partial_also_stops_partial_required_items() -> None:
    assert [i.id for i in failing_items(REPORT, "partial")] == ["legal-adviser"]


def test_fail_on_none_lets_the_score_decide() -> None:
    missing = REPORT + (item("missing", 10, name="next-year-plans"),)
    assert failing_items(missing, "none") == []
    assert passes(missing, 60.0, 60, "none")
    assert not passes(missing, 59.9, 60, "none")


def test_recommended_items_never_fail_the_gate() -> None:
    assert failing_items((item("missing", 5, severity="recommended"), item("partial", 5, severity="info")),
                         "partial") == []


def test_waived_required_items_do_not_fail_the_gate() -> None:
    waived = (item("waived", 10, name="legal-adviser"),)
    assert failing_items(waived, "partial") == []
    assert passes(waived, score(waived), 80, "partial")


@pytest.mark.parametrize(("value", "threshold", "fail_on", "passed"), [
    (80.0, 80, "required", True),    # reaching the threshold is enough
    (79.9, 80, "required", False),
    (95.0, 80, "partial", False),    # legal-adviser is partial
    (95.0, 80, "required", True),
    (50.0, 0, "none", True),
])
def test_the_gate(value: float, threshold: float, fail_on: str, passed: bool) -> None:
    assert passes(REPORT, value, threshold, fail_on) is passed


def test_the_score_of_a_report_decides_the_gate_with_its_items() -> None:
    value = score(REPORT)  # 100 × (15 + 5 + 10) / 40 = 75.0
    assert value == 75.0
    assert passes(REPORT, value, 75, "required")
    assert not passes(REPORT, value, 75.1, "required")
