"""Instructions a report takes, counted by callgrind: a figure a shared machine does not blur.

usage: python benchmarks/instructions.py [--stage judge] [--n 60] [--folder DIR] [--vs TREE]

Wall time on a shared machine spreads by 15-40% from one run to the next, so a change of a few
percent shows only in a count of instructions. This script makes N copies of the whole real
reports in ../shared/corpus (as ``batch_bench.py --real`` does), or takes the first N reports
of ``--folder``, and runs one stage over them under ``valgrind --tool=callgrind``: once with one
pass and once with three, each in a child process with ``PYTHONHASHSEED=0``. The seed is fixed
because set iteration order changes the work (which literal a lookup tries first): one tree
counted 3% apart under two seeds. Half the difference of the two runs, divided by N, is the
stage's instructions per report; start-up and first-use compiling cancel out.

Stages: ``read`` (a file into blocks), ``build`` (sentences, headings), ``judge`` (the
checklist, findings, score), ``fp`` (copy detection's fingerprint), ``all`` (a batch worker's
whole work on one report, its JSON record and fingerprint included). ``--vs TREE`` counts
another checkout of lawcheck (imported from TREE) the same way, and prints the ratio. Needs
valgrind (Linux). Nothing is asserted: the figures are for reading.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ("read", "build", "judge", "fp", "all")


def child(stage: str, passes: int, folder: Path, n: int) -> None:
    """What runs under callgrind: every stage up to ``stage`` once, then ``stage`` ``passes`` times."""
    from lawcheck import readers
    from lawcheck.document import structure
    from lawcheck.judge import checklist as checklists
    from lawcheck.judge import similar
    from lawcheck.judge.engine import Options, check_document
    from lawcheck.workflows.batch import check_one

    checklist = checklists.load(None)
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".docx"))[:n]
    sources = [readers.read(f) for f in files]
    docs = [structure.build(s) for s in sources]
    results = [check_document(d, checklist) for d in docs]
    for d, r in zip(docs, results):  # everything a stage uses made and compiled once
        similar.fingerprint(d, r.meta.org, r.meta.year)
    check_one(files[0], checklist, Options(), "record", True)
    for _ in range(passes):
        if stage == "read":
            for f in files:
                readers.read(f)
        elif stage == "build":
            for s in sources:
                structure.build(s)
        elif stage == "judge":
            for d in docs:
                check_document(d, checklist)
        elif stage == "fp":
            for d, r in zip(docs, results):
                similar.fingerprint(d, r.meta.org, r.meta.year)
        else:
            for f in files:
                check_one(f, checklist, Options(), "record", True)


def count(tree: Path, stage: str, passes: int, folder: Path, n: int) -> int:
    """Instructions of one child run with lawcheck imported from ``tree``."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(tree)}
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                          str(Path(__file__).resolve()), "--child", stage, str(passes), str(folder), str(n)],
                         env=env, cwd=tree, capture_output=True, text=True)
    found = re.search(r"Collected\s*:\s*(\d+)", run.stderr)
    if run.returncode != 0 or found is None:
        raise SystemExit(f"callgrind run failed ({run.returncode}):\n{run.stderr[-2000:]}")
    return int(found.group(1))


def per_report(tree: Path, stage: str, folder: Path, n: int) -> float:
    """Instructions a report of ``stage`` (the two runs side by side: a count is not slowed)."""
    with ThreadPoolExecutor(2) as pool:
        three, one = pool.map(lambda passes: count(tree, stage, passes, folder, n), (3, 1))
    return (three - one) / 2 / n


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stage", choices=STAGES, default="judge")
    parser.add_argument("--n", type=int, default=60, help="reports (default 60)")
    parser.add_argument("--folder", type=Path, help="take the reports here (default: copies of the real ones)")
    parser.add_argument("--vs", type=Path, help="another checkout of lawcheck, counted the same way")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("instructions.py needs valgrind (apt-get install valgrind)")
    with tempfile.TemporaryDirectory(prefix="lawcheck-ir-") as tmp:
        folder = args.folder
        if folder is None:
            sys.path.insert(0, str(HERE))
            from batch_bench import generate_real  # type: ignore[import-not-found]

            folder = Path(tmp)
            generate_real(folder, args.n)
        trees = [HERE.parent] + ([args.vs.resolve()] if args.vs else [])
        counts = {tree: per_report(tree, args.stage, folder.resolve(), args.n) for tree in trees}
    for tree, value in counts.items():
        print(f"{args.stage}: {value / 1e6:7.2f} M instructions a report  ({tree}; {args.n} reports, "
              f"PYTHONHASHSEED=0)")
    if args.vs:
        print(f"ratio: {counts[HERE.parent] / counts[args.vs.resolve()]:.4f} (this tree / --vs)")


if __name__ == "__main__":
    main()
