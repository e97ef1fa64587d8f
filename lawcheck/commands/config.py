"""The settings file ``lawcheck.yaml``: found, validated, merged with the command line.

``lawcheck.yaml`` is looked for in the current folder and then in each parent
(``--config PATH`` names one instead)::

    checklist: checklists/county.yaml   # a built-in id, or a path relative to this file
    min_score: 85
    fail_on: partial                     # required | partial | none
    lang: zh                             # zh | en
    format: junit                        # the default output format
    time_limit: 30                       # seconds reading and judging one file may take
    memory_limit: 1024                   # megabytes it may take
    waivers:                             # see lawcheck/judge/waivers.py
      - {item: frp-section, files: "*.docx", reason: …, approved_by: …, expires: 2025-06-30}

Every problem is reported at once as ``FILE:LINE:COL: key.path: found X,
expected Y`` (exit 2). Command-line options win over the file, the file over
the defaults; :func:`resolve_options` records where each value came from, for
``lawcheck config show``.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import yaml

from lawcheck.judge import waivers
from lawcheck.judge.checklist import yamlsource
from lawcheck.judge.checklist import DEFAULT_CHECKLIST, Checklist, Problem, schema_problems
from lawcheck.judge.engine import Options
from lawcheck.errors import LawcheckError
from lawcheck.messages import LANGS, message
from lawcheck.judge.scoring import FAIL_ON
from lawcheck.judge.waivers import Waiver
from lawcheck.workers import DEFAULT_MEGABYTES, DEFAULT_SECONDS, Budget

SETTINGS_FILE = "lawcheck.yaml"
KEYS = ("checklist", "min_score", "fail_on", "lang", "format", "db", "bodies", "feedback_deadline", "time_limit",
        "memory_limit", "feedback_from", "feedback_date", "feedback_passing", "year")
DEFAULTS: dict[str, Any] = {"checklist": DEFAULT_CHECKLIST, "min_score": None, "fail_on": "required",
                            "lang": "zh", "format": "table", "db": None, "bodies": None, "feedback_deadline": None,
                            "time_limit": DEFAULT_SECONDS, "memory_limit": DEFAULT_MEGABYTES,
                            "feedback_from": None, "feedback_date": None, "feedback_passing": "acknowledge",
                            "year": None}
PATHS = ("bodies", "db")  # relative to the settings file's folder (a database URL stays as it is)
DEFAULT, COMMAND_LINE = "default", "command line"


def _schema() -> dict[str, Any]:
    from lawcheck.reporters import FORMATS  # the formats registered when the file is read

    return {
        "type": "object", "additionalProperties": False,
        "properties": {
            "checklist": {"type": "string", "minLength": 1},
            "min_score": {"type": "number", "minimum": 0, "maximum": 100},
            "fail_on": {"enum": list(FAIL_ON)},
            "lang": {"enum": list(LANGS)},
            "format": {"enum": sorted(f.name for f in FORMATS)},
            "db": {"type": "string", "minLength": 1},
            "bodies": {"type": "string", "minLength": 1},
            "feedback_deadline": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "feedback_from": {"type": "string", "minLength": 1},  # the office that sends the letters (落款)
            "feedback_date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "feedback_passing": {"enum": ["acknowledge", "none"]},  # a passing body's letter
            "year": {"type": "integer", "minimum": 2000, "maximum": 2100},  # the year a batch is for
            "time_limit": {"type": "number", "exclusiveMinimum": 0},  # seconds a file may take
            "memory_limit": {"type": "integer", "minimum": 64},  # megabytes a file may take
            "waivers": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["item", "files", "reason", "approved_by", "expires"],
                "properties": {
                    "item": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"},
                    "files": {"oneOf": [{"type": "string", "minLength": 1},
                                        {"type": "array", "minItems": 1,
                                         "items": {"type": "string", "minLength": 1}}]},
                    "reason": {"type": "string", "minLength": 1},
                    "approved_by": {"type": "string", "minLength": 1},
                    "expires": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                },
            }},
        },
    }


@dataclass(frozen=True)
class Settings:
    """The settings file's data (empty when there is none) and where it is."""

    path: Path | None = None
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def shown(self) -> str:
        return _shown(self.path) if self.path else ""

    @property
    def base_dir(self) -> Path:
        """Paths in the file (checklist, waiver globs) are relative to its folder."""
        return self.path.parent if self.path else Path.cwd()

    def where(self, *path: str | int) -> str:
        """FILE:LINE of the value at ``path``."""
        line, _ = yamlsource.locate(self.data, list(path))
        return f"{self.shown}:{line}"


def _shown(path: Path) -> str:
    """A path as the user will recognise it: relative to the current folder when below it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def find(start: Path | None = None) -> Path | None:
    """``lawcheck.yaml`` in ``start`` (default: the current folder) or the nearest parent."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / SETTINGS_FILE
        if candidate.is_file():
            return candidate
    return None


def discover(config: Path | None = None) -> Settings:
    """The settings named by ``--config``, else the nearest ``lawcheck.yaml``, else none."""
    if config is not None:
        if not config.is_file():
            raise LawcheckError("settings-missing", path=str(config))
        return load(config)
    found = find()
    return load(found) if found else Settings()


def load(path: Path) -> Settings:
    """Read and validate a settings file; every problem at once, located."""
    shown = _shown(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise LawcheckError("settings-unreadable", path=shown, error=getattr(e, "strerror", None) or str(e)) from None
    try:
        data = yamlsource.load(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise LawcheckError("settings-yaml", path=shown, line=line, col=col, error=str(e.problem or e)) from None
    except yaml.YAMLError as e:
        raise LawcheckError("settings-yaml", path=shown, line=1, col=1, error=str(e)) from None
    if data is None:
        data = yamlsource.LocatedDict()
    problems = schema_problems(data, _schema()) if isinstance(data, dict) else [
        Problem(1, 1, "(top)", "not a mapping", "a mapping of settings")]
    if not problems:
        problems = _date_problems(data)
    if problems:
        raise LawcheckError("settings-invalid", path=shown,
                            problems="\n".join(p.render(shown) for p in problems))
    return Settings(path=path.resolve(), data=data)


def _date_problems(data: dict[str, Any]) -> list[Problem]:
    problems = []
    for i, w in enumerate(data.get("waivers") or []):
        try:
            dt.date.fromisoformat(w["expires"])
        except ValueError:
            line, col = yamlsource.locate(data, ["waivers", i, "expires"])
            problems.append(Problem(line, col, f"waivers.{i}.expires", f'"{w["expires"]}"', "a real date YYYY-MM-DD"))
    return problems


@dataclass(frozen=True)
class Setting:
    value: Any
    origin: str  # "default", "FILE:LINE" or "command line"


@dataclass(frozen=True)
class Resolved:
    """The settings in force for one run, each with where it came from."""

    values: dict[str, Setting]
    settings: Settings
    waivers: tuple[Waiver, ...] = ()

    @property
    def checklist(self) -> str:
        return str(self.values["checklist"].value)

    @property
    def min_score(self) -> float | None:
        value = self.values["min_score"].value
        return None if value is None else float(value)

    @property
    def fail_on(self) -> str:
        return str(self.values["fail_on"].value)

    @property
    def lang(self) -> str:
        return str(self.values["lang"].value)

    @property
    def format(self) -> str:
        return str(self.values["format"].value)

    @property
    def base_dir(self) -> Path:
        return self.settings.base_dir

    @property
    def budget(self) -> Budget:
        """What reading and judging one file may take (``time_limit``, ``memory_limit``)."""
        return Budget(float(self.values["time_limit"].value), int(self.values["memory_limit"].value))

    def value(self, key: str) -> Any:
        return self.values[key].value

    def options(self, **extra: Any) -> Options:
        """The engine options of this run (the gate, the language, the waivers) and ``extra``."""
        return Options(min_score=self.min_score, fail_on=self.fail_on, lang=self.lang, waivers=self.waivers,
                       waiver_base=str(self.base_dir), **extra)

    def unused_waivers(self, paths: Sequence[str | Path]) -> list[str]:
        """One warning line per waiver that matched none of ``paths``."""
        return [message("waiver-unused", self.lang, where=w.where, item=w.item, files=", ".join(w.files))
                for w in waivers.unused(self.waivers, [str(p) for p in paths], self.base_dir)]


def settings_for(config: Path | None, **cli_values: Any) -> Resolved:
    """The settings of one run: ``--config`` or the nearest lawcheck.yaml, under the command line."""
    return resolve_options(cli_values, discover(config))


def resolve_options(cli_values: dict[str, Any], settings: Settings) -> Resolved:
    """Command line (values that are not None) over the settings file over the defaults."""
    values: dict[str, Setting] = {}
    for key in KEYS:
        if cli_values.get(key) is not None:
            values[key] = Setting(cli_values[key], COMMAND_LINE)
        elif key in settings.data:
            value = settings.data[key]
            if key == "checklist":
                value = _checklist_path(value, settings.base_dir)
            elif key in PATHS and "://" not in str(value):
                value = str(settings.base_dir / str(value))
            values[key] = Setting(value, settings.where(key))
        else:
            values[key] = Setting(DEFAULTS[key], DEFAULT)
    parsed = waivers.parse(settings.data.get("waivers"), lambda i: settings.where("waivers", i))
    return Resolved(values=values, settings=settings, waivers=parsed)


def _checklist_path(value: str, base_dir: Path) -> str:
    """A checklist named in the settings file: a path relative to the file, or a built-in id."""
    candidate = base_dir / value
    if Path(value).suffix in (".yaml", ".yml") or candidate.exists():
        return str(candidate)
    return value


def check_waivers(resolved: Resolved, checklist: Checklist) -> None:
    """Every waiver names an item of the checklist in force (else a located error, exit 2)."""
    ids = [i.id for i in checklist.items]
    problems = []
    for i, w in enumerate(resolved.waivers):
        if w.item not in ids:
            line, col = yamlsource.locate(resolved.settings.data, ["waivers", i, "item"])
            problems.append(Problem(line, col, f"waivers.{i}.item", f'"{w.item}"',
                                    f"an item of checklist {checklist.id}: " + ", ".join(ids)))
    if problems:
        shown = resolved.settings.shown
        raise LawcheckError("settings-invalid", path=shown, problems="\n".join(p.render(shown) for p in problems))
