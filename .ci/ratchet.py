#!/usr/bin/env python3
"""Hold lawcheck's agreement with the real corpus at the level reached (.ci/ratchet.json).

usage: ratchet.py score-openings|score-corpus LAST_LINE
LAST_LINE is the closing line the tool in ../shared/tools printed. Exit 1, naming each figure,
when one falls below the ratchet (or a count that must stay low rises above it).
"""
import json
import pathlib
import re
import sys

tool, line = sys.argv[1], sys.argv[2]
want = json.loads((pathlib.Path(__file__).with_name("ratchet.json")).read_text(encoding="utf-8"))[tool]
got: dict[str, int] = {}
for name, value in re.findall(r"([a-z_]+) (\d+)/\d+", line):  # "frp 85/87", "exact 694/696", "org 69/71"
    got.setdefault(name, int(value))
for name, value in re.findall(r"(crashes|wrong) (\d+)", line):
    got[f"{'org_wrong' if name == 'wrong' else name}_at_most"] = int(value)
failed = []
for name, floor in want.items():
    if name not in got:
        failed.append(f"{name}: not in the tool's line")
    elif name.endswith("_at_most") and got[name] > floor:
        failed.append(f"{name.removesuffix('_at_most')}: {got[name]}, at most {floor} allowed")
    elif not name.endswith("_at_most") and got[name] < floor:
        failed.append(f"{name}: {got[name]}, below the {floor} reached")
print(f"{tool}: {line}")
if failed:
    print(f"{tool} fell below the ratchet (.ci/ratchet.json): " + "; ".join(failed))
    sys.exit(1)
print(f"{tool}: at or above the ratchet")
