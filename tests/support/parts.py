"""The system parts some tests need (Chromium, LibreOffice, PostgreSQL), found or accounted for.

On a machine without one, its tests skip and say what to install: the
README's test command passes on a fresh machine. CI installs every part
(``.ci/run``) and sets ``CI``: there a missing part fails its tests, so a
test never passes in CI by being skipped.
"""

from __future__ import annotations

import glob
import os
import shutil

import pytest


def need(what: str, install: str, *names: str, patterns: tuple[str, ...] = ()) -> str:
    """The path of the first program of ``names`` on PATH (or matching ``patterns``); else skip, or fail in CI."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    for pattern in patterns:
        matches = sorted(glob.glob(pattern), reverse=True)
        if matches:
            return matches[0]
    said = f"{what} is not installed ({install})"
    if os.environ.get("CI"):
        pytest.fail(f"{said}: CI installs it, so its tests must run", pytrace=False)
    pytest.skip(said)


def chromium() -> str:
    return need("Chromium", "apt-get install chromium chromium-driver", "chromium", "chromium-browser",
                "google-chrome")


def chromedriver() -> str:
    return need("ChromeDriver", "apt-get install chromium-driver", "chromedriver", "chromium.chromedriver")


def soffice() -> str:
    return need("LibreOffice", "apt-get install libreoffice-writer-nogui", "soffice", "libreoffice")


def postgres(name: str) -> str:
    return need("PostgreSQL", "apt-get install postgresql", name, patterns=(f"/usr/lib/postgresql/*/bin/{name}",))
