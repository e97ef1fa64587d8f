"""The floor: read every report as plainly as Python can, and run one regex over it.

usage: python benchmarks/floor.py FOLDER

Per file: a .docx is opened with ``zipfile``, ``word/document.xml`` parsed with
``lxml.etree.fromstring`` and the ``w:t`` texts joined per ``w:p``; a .txt is
``bytes.decode("utf-8")``. One ``re`` alternation of seven key terms runs over
the text. One process; nothing from lawcheck is imported, so a slower reader
in lawcheck cannot lower the floor it is measured against. Prints the number
of reports and of term hits (so the work cannot be skipped).
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TERMS = re.compile("法律顾问|第一责任人|行政执法公示|全过程记录|法制审核|存在的问题|下一年度")


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p"))


def main() -> None:
    folder = Path(sys.argv[1])
    reports = hits = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".docx":
            text = docx_text(path)
        elif path.suffix == ".txt":
            text = path.read_bytes().decode("utf-8")
        else:
            continue
        reports += 1
        hits += sum(1 for _ in TERMS.finditer(text))
    print(f"{reports} reports, {hits} term hits")


if __name__ == "__main__":
    main()
