"""Which body a report comes from, however it names itself, and which bodies are expected.

A township signs 阴平镇人民政府 one year and 阴平镇 the next; a street office
龙华街道办事处 or 龙华街道. ``key`` reduces a name to the part that stays
(阴平镇, 龙华街道), and a ``bodies.yaml`` adds what no rule can know::

    bodies:
      - name: 云岭镇人民政府          # the name letters and tables use
        aliases: [云岭镇政府, 云岭]   # other names it reports under
      - name: 县市场监督管理局
        aliases: [县市场监管局]

Every body listed is expected to report: a feedback pack names those that sent
nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lawcheck.errors import LawcheckError

# What a body's name may carry that does not tell it apart: the kind of office.
_OFFICE = re.compile(r"(?:人民政府|政府|办事处|街道办|管理委员会|管委会)$")
_SPACE = re.compile(r"\s+")


def key(name: str | None) -> str:
    """The part of a body's name that stays from year to year: 阴平镇人民政府 → 阴平镇."""
    text = _SPACE.sub("", name or "")
    stripped = _OFFICE.sub("", text)
    if text.endswith("街道办") and not stripped.endswith("街道"):
        stripped += "街道"  # 青禾街道办 is 青禾街道
    return stripped or text


@dataclass(frozen=True)
class Body:
    name: str  # as letters and tables show it
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bodies:
    """The expected bodies and their other names (empty when there is no bodies.yaml)."""

    listed: tuple[Body, ...] = ()
    _by_key: dict[str, Body] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, listed: tuple[Body, ...]) -> "Bodies":
        by_key: dict[str, Body] = {}
        for body in listed:
            for name in (body.name, *body.aliases):
                by_key.setdefault(key(name), body)
        return cls(listed, by_key)

    def identify(self, name: str | None) -> tuple[str, str] | None:
        """(key, name to show) of the body a report names; None when it names none."""
        if not name or not key(name):
            return None
        body = self._by_key.get(key(name))
        if body is not None:
            return key(body.name), body.name
        return key(name), name

    def missing(self, seen: set[str]) -> list[Body]:
        """The listed bodies none of whose names is in ``seen`` (keys)."""
        return [b for b in self.listed if key(b.name) not in seen]


def load(path: Path | None) -> Bodies:
    """Read ``bodies.yaml``; a clear error for a file that is not one."""
    if path is None:
        return Bodies()
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise LawcheckError("bodies-invalid", path=str(path), error=str(e).splitlines()[0]) from None
    entries = data.get("bodies") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise LawcheckError("bodies-invalid", path=str(path), error="expected a list under 'bodies:'")
    listed = []
    for i, entry in enumerate(entries):
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise LawcheckError("bodies-invalid", path=str(path), error=f"bodies.{i}: expected a name")
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise LawcheckError("bodies-invalid", path=str(path), error=f"bodies.{i}.aliases: expected a list of names")
        listed.append(Body(entry["name"].strip(), tuple(a.strip() for a in aliases)))
    return Bodies.of(tuple(listed))
