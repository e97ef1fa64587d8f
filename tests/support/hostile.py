"""Hostile inputs, made on demand: what other projects' test suites and mutations threw at lawcheck.

Each maker writes one file into a folder and returns its path. The tests
(``tests/hostile/``) check what lawcheck says of each; ``benchmarks/hostile.py``
runs every one and prints its time and peak memory. Big files are made here
rather than committed; small reproducers live in ``tests/fixtures/fuzz-regressions``.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path

SENTENCES = ("全年办理行政复议案件45件，组织执法人员培训6期、312人次。", "法律顾问列席常务会议12次，审核合同86份。",
             "配备执法记录仪36台，现场执法全程音像记录。", "一是执法人员力量不足；二是部分村干部依法办事意识不强。")
TITLE = "青松县2024年法治政府建设年度报告\n"


def flate_pdf(expanded_mb: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``expanded_mb`` MB of spaces."""
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(b" " * (1 << 20)) for _ in range(expanded_mb)) + packer.flush()
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream"])


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the first the catalog), with a right xref table."""
    out, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def ordinary_text(size: int) -> str:
    """Report text of about ``size`` bytes: numbered parts of ordinary sentences."""
    parts, length, n = [TITLE], len(TITLE.encode()), 0
    while length < size:
        n += 1
        heading = f"（{'一二三四五六七八九'[n % 9]}）第{n}项工作\n"
        para = "".join(SENTENCES[(n + i) % len(SENTENCES)] for i in range(8)) + "\n"
        parts += [heading, para]
        length += len(heading.encode()) + len(para.encode())
    return "".join(parts)


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"  # small reproducers, committed


def _fixture(name: str) -> Callable[[Path], Path]:
    return lambda folder: _write(folder, name, (FIXTURES / name).read_bytes())


def many_attributes_html(count: int) -> str:
    """One <p> with ``count`` attributes: libxml2 took minutes over 300,000, deaf to signals."""
    return "<html><body><p " + " ".join(f'a{i}=""' for i in range(count)) + ">" + TITLE + "</p></body></html>"


def big_settings_docx(folder: Path, expanded_mb: int = 190) -> Path:
    """A .docx (a real python-docx report) whose settings part inflates to ``expanded_mb`` MB,
    compressing about a hundredfold like a real part, so no bomb check refuses it: python-docx
    parsed every part, and annotating it took 3 GB. Written in steps: little memory here."""
    import io
    import zipfile

    import docx

    base = io.BytesIO()
    document = docx.Document()
    document.add_paragraph(TITLE.strip(), style="Title")
    for sentence in SENTENCES:
        document.add_paragraph(sentence)
    document.save(base)
    path = folder / "settings-190mb.docx"
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "word/settings.xml":
                out.writestr(info, source.read(info))
                continue
            with out.open("word/settings.xml", "w", force_zip64=True) as part:
                part.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w='
                           b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:rsids>')
                unit = len('<w:rsid w:val="00000000"/>')
                for start in range(0, expanded_mb * 1024 * 1024 // unit, 100_000):
                    part.write("".join('<w:rsid w:val="00%06X"/>' % (i * 7919 % 251)
                                       for i in range(start, start + 100_000)).encode())
                part.write(b"</w:rsids></w:settings>")
    return path


MAKERS: dict[str, Callable[[Path], Path]] = {
    "pdf-reference-cycle.pdf": _fixture("pdf-reference-cycle.pdf"),
    "pdf-two-million-glyphs.pdf": _fixture("pdf-two-million-glyphs.pdf"),
    "pdf-many-operators.pdf": _fixture("pdf-many-operators.pdf"),
    "docx-styles-without-ends.docx": _fixture("docx-styles-without-ends.docx"),
    "html-300k-attributes.html": lambda f: _write(f, "attributes.html", many_attributes_html(300_000)),
    "docx-settings-190mb.docx": big_settings_docx,
    "markdown-nested-brackets.md": lambda f: _write(f, "brackets.md", TITLE + "\n" + "[" * 200_000 + "]" * 200_000),
    "markdown-unmatched-stars.md": lambda f: _write(f, "stars.md", TITLE + "\n" + "*a " * 130_000),
    "pdf-bomb-1gb.pdf": lambda f: _write(f, "bomb.pdf", flate_pdf(1024)),
    "one-line-30mb.txt": lambda f: _write(f, "oneline.txt", TITLE + "".join(
        SENTENCES[i % 4] for i in range(30 * 1024 * 1024 // 60))),
    "one-token-21mb.txt": lambda f: _write(f, "token.txt", "法" * (21 * 1024 * 1024 // 3)),
    "rtf-control-word-10mb.rtf": lambda f: _write(f, "word.rtf", "{\\rtf1\\ansi \\" + "a" * (10 * 1024 * 1024) + " x}"),
    "html-one-p-21mb.html": lambda f: _write(f, "bigp.html", "<html><body><p>" + "法治政府建设。" * (
        21 * 1024 * 1024 // 21) + "</p></body></html>"),
    "ordinary-text-20mb.txt": lambda f: _write(f, "big20.txt", ordinary_text(20 * 1024 * 1024)),
    "rtf-unbalanced-braces.rtf": lambda f: _write(f, "braces.rtf", b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}"
                                                   + "法治政府建设年度报告。全年审核合同20份。".encode("gbk")),
    "utf8-five-stray-bytes.txt": lambda f: _write(f, "stray.txt", (TITLE + "".join(
        SENTENCES[i % 4] for i in range(90)) + "\n").encode("utf-8")[:3000] + b"\xff\xfe\x80\x81\xc3"
        + (("".join(SENTENCES[i % 4] for i in range(40)) + "\n").encode("utf-8"))),
    "utf8-lone-surrogates.txt": lambda f: _write(f, "surrogates.txt", TITLE.encode() + b"\xed\xa0\x80"
                                                 + SENTENCES[0].encode() * 20 + b"\xed\xbf\xbf\n"),
    "utf8-bom-then-gbk.txt": lambda f: _write(f, "bomgbk.txt", b"\xef\xbb\xbf" + (TITLE + SENTENCES[1] * 10).encode("gbk")),
}
