"""Which body a report comes from, however it names itself, and which bodies are expected.

A township signs 阴平镇人民政府 one year and 阴平镇 the next; a street office
龙华街道办事处 or 龙华街道. ``key`` reduces a name to the part that stays
(阴平镇, 龙华街道), and a ``bodies.yaml`` adds what no rule can know::

    bodies:
      - name: 云岭镇人民政府          # the name letters and tables use
        aliases: [云岭镇政府, 云岭]   # other names it reports under
      - name: 县市场监督管理局
        aliases: [县市场监管局]
        files: ["市监*"]             # file names (globs) that are its reports, whatever they say

Every body listed is expected to report: a feedback pack names those that sent
nothing. A report is tied to its body by :func:`identify_file`: the name its
text gives, else the body its file name starts with, else a listed body whose
``files`` globs match the file; else it is unidentified, shown as such.
"""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

import yaml

from lawcheck.document import words
from lawcheck.errors import LawcheckError

if TYPE_CHECKING:
    from lawcheck.document.metadata import Forms

# What a body's name may carry that does not tell it apart: the kind of office.
_OFFICE = re.compile(words.pattern("office"))
_OFFICE_KEPT = words.mapping("office_kept")
_SPACE = re.compile(r"\s+")


def key(name: str | None) -> str:
    """The part of a body's name that stays from year to year: 阴平镇人民政府 → 阴平镇."""
    text = _SPACE.sub("", name or "")
    stripped = _OFFICE.sub("", text)
    for office, kept in _OFFICE_KEPT.items():  # 青禾街道办 is 青禾街道
        if text.endswith(office) and not stripped.endswith(kept):
            stripped += kept
    return stripped or text


@dataclass(frozen=True)
class Body:
    name: str  # as letters and tables show it
    aliases: tuple[str, ...] = ()
    files: tuple[str, ...] = ()  # globs of file names that are its reports


UNIDENTIFIED = "?"  # the key prefix of a report no body could be found for: "?<file name>"


@dataclass(frozen=True)
class Identity:
    """The body a file is from: its key (what stays from year to year), the name to show, and
    where it was found: "text", "file" (the file's name), "glob" (bodies.yaml files) or "none"."""

    key: str
    name: str
    source: str

    @property
    def known(self) -> bool:
        return self.source != "none"


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

    def by_file(self, path: str) -> Body | None:
        """The listed body whose ``files`` globs match the file's name (or its path)."""
        name = PurePath(path).name
        for body in self.listed:
            if any(fnmatch.fnmatchcase(name, g) or fnmatch.fnmatchcase(path.replace("\\", "/"), g) for g in body.files):
                return body
        return None

    def missing(self, seen: set[str]) -> list[Body]:
        """The listed bodies none of whose names is in ``seen`` (keys)."""
        return [b for b in self.listed if key(b.name) not in seen]


def name_in_file_name(path: str, forms: "Forms") -> str | None:
    """The body a file's name starts with: 北川镇人民政府2024年法治政府建设报告.txt → 北川镇人民政府."""
    from lawcheck.document.metadata import org_from_title

    stem = re.sub(r"[（(【\[].*?[)）】\]]", "", PurePath(path).stem)  # （扫描件）, (1), [定稿]
    return org_from_title(stem.strip(" _-—"), forms)


def identify_file(path: str, org: str | None, known: Bodies, forms: "Forms") -> Identity:
    """The body of the report at ``path`` whose text names ``org`` (None for none, or unread)."""
    for name, source in ((org, "text"), (name_in_file_name(path, forms), "file")):
        found = known.identify(name)
        if found is not None:
            return Identity(found[0], found[1], source)
    body = known.by_file(path)
    if body is not None:
        return Identity(key(body.name), body.name, "glob")
    return Identity(UNIDENTIFIED + PurePath(path).name, PurePath(path).name, "none")


def identifier(known: Bodies, forms: "Forms") -> Callable[[str, str | None], Identity]:
    """:func:`identify_file` for one run's bodies and forms, each file worked out once (the
    duplicates, the letters, the history and last year's comparison all ask)."""
    @functools.lru_cache(maxsize=None)
    def identify(path: str, org: str | None) -> Identity:
        return identify_file(path, org, known, forms)

    return identify


def submission_order(path: str) -> tuple[bool, float, str]:
    """Of a body's submissions for one year, the one judged as its report sorts last: a .docx,
    then the newest file, then the last by path."""
    import os

    try:
        modified = os.stat(path).st_mtime
    except OSError:
        modified = 0.0
    return PurePath(path).suffix.lower() == ".docx", modified, path


def load(path: Path | None) -> Bodies:
    """Read ``bodies.yaml``; a clear error for a file that is not one."""
    if path is None:
        return Bodies()
    if not path.is_file():
        raise LawcheckError("bodies-missing", path=str(path))
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
        files = entry.get("files") or []
        if isinstance(files, str):
            files = [files]
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise LawcheckError("bodies-invalid", path=str(path), error=f"bodies.{i}.files: expected a list of globs")
        listed.append(Body(entry["name"].strip(), tuple(a.strip() for a in aliases), tuple(files)))
    return Bodies.of(tuple(listed))
