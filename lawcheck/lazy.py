"""Import heavy modules when they are first used, not when lawcheck starts.

Registries (readers, reporters, batch streams) name every format, but a run
uses one or two: ``lazy("lawcheck.reporters.xlsx", "render_xlsx")`` stands in
for the function and imports openpyxl only when an .xlsx is written. Starting
up for one report stays well under a second.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable


def lazy(module: str, name: str) -> Callable[..., Any]:
    """A callable that imports ``module`` on first call and calls its ``name``."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = name
    call.__qualname__ = name
    call.__module__ = module  # what it stands in for: imported ahead by ``importlib.import_module``
    call.__doc__ = f"{module}.{name}, imported when first called."
    return call
