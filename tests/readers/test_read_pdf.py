"""PDF: paragraphs rebuilt from lines, running heads and page numbers set aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawcheck.errors import ReadError
from lawcheck.readers import read

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_paragraphs_pages_and_furniture() -> None:
    source = read(FIXTURES / "report-text-layer.pdf")
    assert source.format == "pdf"
    assert source.furniture == ("某某区人民政府办公室文件",)
    texts = [block.text for block in source.blocks]
    assert texts[:3] == ["某某区2023年度法治政府建设情况报告", "一、主要举措和成效",
                         "2023年，区政府坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实"
                         "法治政府建设实施纲要，全面推行行政执法公示制度、执法全过程记录制度、"
                         "重大执法决定法制审核制度，全年审核重大执法决定126件，法律顾问审核合同"
                         "328份，出具法律意见45条。"]
    assert not any("- 1 -" in text or "办公室文件" in text for text in texts)
    assert [b.page for b in source.blocks if b.text == "二、存在的不足和原因"] == [1, 2]
    assert len(texts) == 16


def test_scan_without_text_layer_needs_ocr() -> None:
    path = FIXTURES / "scan-no-text.pdf"
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.key == "needs_ocr"
    assert caught.value.render() == (
        f"{path} 是没有文字层的 PDF（扫描件），需要先进行文字识别（OCR）。")


def test_truncated_pdf_is_refused_cleanly(tmp_path: Path) -> None:
    data = (FIXTURES / "report-text-layer.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.key in ("corrupt", "needs_ocr")
