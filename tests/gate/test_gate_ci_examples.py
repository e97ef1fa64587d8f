"""The example CI jobs in docs/ci parse, and every lawcheck command in them runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

DOCS = Path(__file__).parents[2] / "docs" / "ci"
CHINESE = "城关镇 2024年报告.txt"  # a Chinese name with a space: git quotes it, a shell splits it


def commands(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    lines: list[str] = []
    for job in (data.get("jobs") or data).values():
        if not isinstance(job, dict):
            continue
        lines += [s.get("run", "") for s in job.get("steps", []) if isinstance(s, dict)]
        lines += job.get("script", [])
    return [line for line in lines if line.startswith("lawcheck ") or "xargs -0 -r lawcheck " in line]


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_every_lawcheck_command_runs_in_a_shell_on_a_git_checkout(project, name):
    shutil.copy(project / "mini.yaml", project / "checklist.yaml")
    (project / "lawcheck.yaml").write_text("checklist: checklist.yaml\n", encoding="utf-8")
    shutil.copy(project / "reports" / "town.txt", project / "reports" / CHINESE)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    for git in (["init", "-q"], ["add", "reports"], ["commit", "-qm", "reports"]):
        subprocess.run(["git", *git], cwd=project, env=env, check=True)
    found = commands(DOCS / name)
    assert found
    for line in found:
        done = subprocess.run(["bash", "-c", line], cwd=project, env=env, capture_output=True, text=True,
                              encoding="utf-8", timeout=120)
        # xargs passes a failed gate on as 123 (any exit 1-125): the job fails all the same
        assert done.returncode == (0 if "--exit-zero" in line else 123), (line, done.stderr)
        if "--format github" in line:
            assert f"file=reports/{CHINESE}," in done.stdout
        if "--output" in line and "xargs" in line:
            out = line.split("--output ")[1].split()[0]
            written = (project / out).read_text(encoding="utf-8")
            assert CHINESE in written or quote(CHINESE) in written  # SARIF gives paths as URIs
