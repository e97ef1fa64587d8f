"""The example CI jobs in docs/ci parse, and every lawcheck command in them runs."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import pytest
import yaml

DOCS = Path(__file__).parents[2] / "docs" / "ci"
LISTED = "$(git ls-files 'reports/*.docx' 'reports/*.txt')"


def commands(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lines: list[str] = []
    for job in (data.get("jobs") or data).values():
        if not isinstance(job, dict):
            continue
        lines += [s.get("run", "") for s in job.get("steps", []) if isinstance(s, dict)]
        lines += job.get("script", [])
    return [line for line in lines if line.startswith("lawcheck ")]


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_every_lawcheck_command_runs(project, cli, name):
    shutil.copy(project / "mini.yaml", project / "checklist.yaml")
    (project / "lawcheck.yaml").write_text("checklist: checklist.yaml\n", encoding="utf-8")
    found = commands(DOCS / name)
    assert found
    for line in found:
        args = shlex.split(line.replace(LISTED, "reports/town.txt reports/partial.txt"))[1:]
        run = cli(*args)
        assert run.code in (0, 1), (line, run.err)
        gate = "--exit-zero" not in args
        assert run.code == (1 if gate else 0), line
