"""How reports word what is not a checklist item (``words.yaml`` beside this module): titles,
a web page's fields and furniture, offices, a template's guidance, a past plan's era.

Each entry is a regular expression on normalised text; a list is one alternation. The modules
that use one compile it once, as they did when it was written in Python.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

WORDS = Path(__file__).with_name("words.yaml")


@functools.cache
def _all() -> dict[str, str | list[str]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(WORDS.read_text(encoding="utf-8"), Loader=loader)  # type: ignore[no-any-return]  # noqa: S506


def mapping(name: str) -> dict[str, str]:
    """The mapping ``name`` of ``words.yaml``."""
    return dict(_all()[name])  # type: ignore[arg-type]


def listed(name: str) -> tuple[str, ...]:
    """The entries of the list ``name`` of ``words.yaml``."""
    found = _all()[name]
    return (found,) if isinstance(found, str) else tuple(found)


def pattern(name: str) -> str:
    """The regular expression ``name`` of ``words.yaml`` (a list's entries as one alternation)."""
    found = _all()[name]
    return found if isinstance(found, str) else "|".join(found)
