"""Where checklists are: the built-in ones inside the package, or a YAML file the user names."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from lawcheck.errors import ChecklistError

DEFAULT_CHECKLIST = "fazhi-annual-report"


def builtin_dir() -> Path:
    """Where the shipped checklists are: inside the installed package, or in a source checkout."""
    try:
        return Path(str(resources.files("lawcheck.checklists")))
    except ModuleNotFoundError:  # running from a source tree that was installed without -e
        return Path(__file__).resolve().parents[3] / "checklists"


def builtin_ids() -> list[str]:
    return sorted(p.stem for p in builtin_dir().glob("*.yaml"))


def resolve(name_or_path: str | None) -> Path:
    """A checklist file from a built-in id or a path."""
    name = name_or_path or DEFAULT_CHECKLIST
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.is_file():
            raise ChecklistError("checklist-missing", path=name, ids=", ".join(builtin_ids()))
        return path
    candidate = builtin_dir() / f"{name}.yaml"
    if candidate.is_file():
        return candidate
    raise ChecklistError("checklist-unknown", name=name, ids=", ".join(builtin_ids()))
