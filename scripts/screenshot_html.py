"""Render the examples as HTML reports and photograph them in headless Chromium.

    python scripts/screenshot_html.py [--width 1280] [--height 2000] [--print]

Writes scripts/out/<name>.html and <name>.png (git-ignored): one page per
example report and one batch page with every example and the overview table;
``--print`` also saves each page as PDF to check the print styles. Needs Debian's
``chromium`` and ``fonts-noto-cjk`` (``apt-get install -y chromium fonts-noto-cjk``).
Prints each file it wrote with its size; look at the PNGs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from lawcheck.judge import checklist as checklists
from lawcheck.judge.checklist import Checklist
from lawcheck.judge.engine import check_path
from lawcheck.errors import ReadError
from lawcheck.document.model import ErrorResult, ReportResult
from lawcheck.reporters.html import render_html

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "scripts" / "out"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def results_for(paths: list[Path], compiled: Checklist) -> list[ReportResult | ErrorResult]:
    out: list[ReportResult | ErrorResult] = []
    for path in paths:
        try:
            out.append(check_path(path.relative_to(ROOT), compiled))
        except ReadError as e:
            out.append(ErrorResult(path=str(path.relative_to(ROOT)), error=e.render("zh"), key=e.key))
    return out


def chromium(args: list[str]) -> None:
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if exe is None:
        sys.exit("chromium is not installed: apt-get install -y chromium fonts-noto-cjk")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def shoot(html: Path, width: int, height: int, pdf: bool) -> None:
    png = html.with_suffix(".png")
    chromium([f"--screenshot={png}", f"--window-size={width},{height}", html.as_uri()])
    print(f"{png.relative_to(ROOT)}  {png.stat().st_size:,} bytes")
    if pdf:
        out = html.with_suffix(".pdf")
        chromium([f"--print-to-pdf={out}", "--no-pdf-header-footer", html.as_uri()])
        print(f"{out.relative_to(ROOT)}  {out.stat().st_size:,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2000)
    parser.add_argument("--print", action="store_true", help="also save each page as PDF")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    examples = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".docx"))
    compiled = checklists.load(None)
    pages = {p.stem: results_for([p], compiled) for p in examples}
    # the batch page shows an unreadable file as an error row too
    pages["batch"] = results_for(examples + [ROOT / "examples" / "labels.yaml"], compiled)
    for name, results in pages.items():
        html = OUT / f"{name}.html"
        html.write_text(render_html(results, compiled, "zh"), encoding="utf-8")
        print(f"{html.relative_to(ROOT)}  {html.stat().st_size:,} bytes")
        shoot(html, args.width, args.height, args.print)


if __name__ == "__main__":
    main()
