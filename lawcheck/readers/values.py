"""Attribute values from untrusted XML, read without raising."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def to_int(value: str | None, default: T, base: int = 10) -> int | T:
    """``value`` as an integer, or ``default`` when it is missing or not a number."""
    try:
        return int(value, base) if value is not None else default
    except ValueError:
        return default
