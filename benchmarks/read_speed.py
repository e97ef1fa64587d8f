"""Reading speed per format: ``python benchmarks/read_speed.py [REPEATS]``.

Builds one report of the same text in each format (the PDF is the committed
fixture, which is shorter), reads each REPEATS times through
``lawcheck.readers.read`` and prints MB/s and milliseconds per report.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import docx

from lawcheck.readers import read

ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = ("全年审核重大执法决定126件，法律顾问审核合同328份，出具法律意见45条，"
             "全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。")
HEADINGS = ["一、主要举措和成效", "二、存在的不足和原因", "三、党政主要负责人履行第一责任人职责情况",
            "四、下一年度主要安排"]
PER_SECTION = 50


def _sections() -> list[tuple[str, list[str]]]:
    return [(heading, [PARAGRAPH] * PER_SECTION) for heading in HEADINGS]


def _txt() -> bytes:
    return "\n".join(h + "\n" + "\n".join(ps) for h, ps in _sections()).encode("gb18030")


def _md() -> bytes:
    return "\n\n".join(f"## {h}\n\n" + "\n\n".join(ps) for h, ps in _sections()).encode()


def _html() -> bytes:
    body = "".join(f"<h2>{h}</h2>" + "".join(f"<p>{p}</p>" for p in ps) for h, ps in _sections())
    return (f'<html><head><meta charset="gbk"><title>报告</title></head><body>'
            f'<div class="nav">首页</div><article>{body}</article></body></html>').encode("gbk")


def _docx() -> bytes:
    document = docx.Document()
    for heading, paragraphs in _sections():
        document.add_heading(heading, level=1)
        for paragraph in paragraphs:
            document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _odt() -> bytes:
    body = "".join(f'<text:h text:outline-level="1">{h}</text:h>'
                   + "".join(f"<text:p>{p}</text:p>" for p in ps) for h, ps in _sections())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", (
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
            'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            f"<office:body><office:text>{body}</office:text></office:body>"
            "</office:document-content>"))
    return buffer.getvalue()


def _rtf() -> bytes:
    def escape(text: str) -> str:
        return "".join(f"\\'{b:02x}" for b in text.encode("gbk"))
    body = "".join(escape(h) + r"\par " + "".join(escape(p) + r"\par " for p in ps)
                   for h, ps in _sections())
    return (r"{\rtf1\ansi\ansicpg936 " + body + "}").encode("ascii")


def _pdf() -> bytes:
    return (ROOT / "tests" / "fixtures" / "report-text-layer.pdf").read_bytes()


MAKERS = {".txt": _txt, ".md": _md, ".html": _html, ".docx": _docx, ".odt": _odt,
          ".rtf": _rtf, ".pdf": _pdf}


def main(repeats: int = 20) -> None:
    print(f"{'format':<8}{'size KB':>9}{'blocks':>8}{'ms/report':>11}{'MB/s':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for suffix, make in MAKERS.items():
            path = Path(folder) / f"report{suffix}"
            path.write_bytes(make())
            blocks = len(read(path).blocks)  # warm up imports and caches
            started = time.perf_counter()
            for _ in range(repeats):
                read(path)
            seconds = (time.perf_counter() - started) / repeats
            size = path.stat().st_size
            print(f"{suffix:<8}{size / 1024:>9.1f}{blocks:>8}{seconds * 1000:>11.1f}"
                  f"{size / seconds / 1e6:>8.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
