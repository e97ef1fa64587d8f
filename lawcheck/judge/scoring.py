"""Credits, weights and the gate.

score = 100 × Σ(weight × credit) / Σ(weight), rounded half up to one decimal.
A report passes when its score reaches the threshold and, by ``fail_on``:
``required`` — no required item is missing; ``partial`` — no required item is
missing or partial; ``none`` — the score alone decides. Waived items count as met.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from lawcheck.document.model import ItemResult

FAIL_ON = ("required", "partial", "none")


def score(items: tuple[ItemResult, ...]) -> float:
    total = sum(_decimal(i.weight) for i in items)
    if total == 0:
        return 100.0
    got = sum(_decimal(i.weight) * (1 if i.status == "waived" else _decimal(i.credit)) for i in items)
    value = (100 * got / total).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return float(value)


@lru_cache(maxsize=1024, typed=True)  # weights and credits: a few values, asked for forty times a report
def _decimal(x: float) -> Decimal:
    # The value as written (23/2000 is 1.15%, not the float 1.1499…, which rounds down).
    return Decimal(repr(x))


def failing_items(items: tuple[ItemResult, ...], fail_on: str = "required") -> list[ItemResult]:
    """Items that fail the gate under ``fail_on``."""
    if fail_on == "none":
        return []
    bad = {"missing"} if fail_on == "required" else {"missing", "partial"}
    return [i for i in items if i.severity == "required" and i.status in bad]


def passes(items: tuple[ItemResult, ...], value: float, threshold: float, fail_on: str = "required") -> bool:
    return value >= threshold and not failing_items(items, fail_on)
