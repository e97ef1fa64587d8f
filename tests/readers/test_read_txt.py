"""Plain text: encodings detected from real bytes, lines kept with their numbers."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from lawcheck.errors import ReadError
from lawcheck.document.model import RawBlock
from lawcheck.readers import read

REPORT = "关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n（一）依法全面履行政府职能。\n"
TRADITIONAL = "關於2023年度法治政府建設情況的報告\n一、主要舉措和成效\n（一）依法全面履行政府職能，推進行政執法三項制度。\n"


def write(tmp_path: Path, data: bytes, name: str = "report.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("data", "encoding"), [
    (REPORT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8-sig"),
    (REPORT.encode("utf-16"), "utf-16"),  # with a BOM, in the machine's order
    (codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), "utf-16"),
    (codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), "utf-16"),
    (REPORT.encode("gb18030"), "gb18030"),
    (REPORT.encode("gbk"), "gb18030"),
], ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-be-bom", "utf-16-le-bom", "gb18030", "gbk"])
def test_encodings_are_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    source = read(write(tmp_path, data))
    assert source.encoding == encoding
    assert source.format == "txt"
    assert [b.text for b in source.blocks] == REPORT.splitlines()


def test_big5_is_not_mistaken_for_gb18030(tmp_path: Path) -> None:
    source = read(write(tmp_path, TRADITIONAL.encode("big5")))
    assert source.encoding == "big5"
    assert [b.text for b in source.blocks] == TRADITIONAL.splitlines()


def test_gb18030_four_byte_characters(tmp_path: Path) -> None:
    text = "𠀀区司法局报告：依法行政，𪚥字也要读对。\n"
    source = read(write(tmp_path, text.encode("gb18030")))
    assert source.encoding == "gb18030"
    assert source.blocks[0].text == text.strip()


def test_utf16_without_bom_falls_back_to_detection(tmp_path: Path) -> None:
    source = read(write(tmp_path, (REPORT * 5).encode("utf-16-le")))
    assert source.encoding == "utf-16-le"
    assert source.blocks[0].text == REPORT.splitlines()[0]


def test_one_block_per_non_empty_line_with_line_numbers(tmp_path: Path) -> None:
    data = "标题\r\n\r\n第一段\r第二段\n   \n\t第三段  \n".encode("utf-8")
    assert read(write(tmp_path, data)).blocks == (
        RawBlock("标题", line=1),
        RawBlock("第一段", line=3),
        RawBlock("第二段", line=4),
        RawBlock("\t第三段  ", line=6),
    )


def test_text_is_kept_as_written(tmp_path: Path) -> None:
    text = "ＡＢＣ　全角空格，繁體字與  多个  空格"
    assert read(write(tmp_path, text.encode("utf-8"))).blocks[0].text == text


def test_mostly_control_characters_is_binary(tmp_path: Path) -> None:
    path = write(tmp_path, bytes(range(1, 9)) * 200 + "报告".encode("utf-8"))
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.key == "binary"
    assert caught.value.render() == f"{path} 的内容是二进制数据，不是文本。"


def test_whitespace_only_in_utf16_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path, " \n\u3000\n".encode("utf-16"))
    with pytest.raises(ReadError) as caught:
        read(path)
    assert caught.value.key == "empty"


def test_a_small_report_is_read_without_allocating_the_size_limit(tmp_path: Path) -> None:
    # Each of thousands of 10 KB reports once took a 50 MB buffer (the limit) to read.
    import tracemalloc

    path = tmp_path / "r.txt"
    path.write_text("全年审核合同328份。\n" * 500, encoding="utf-8")
    read(path)  # imports and caches
    tracemalloc.start()
    try:
        source = read(path, max_size=50 * 1024 * 1024)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(source.blocks) == 500
    assert peak < 2 * 1024 * 1024


def test_the_size_limit_still_holds_for_a_file_at_and_over_it(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("法治".encode() * 100)  # 600 bytes
    assert read(path, max_size=600).blocks[0].text == "法治" * 100
    with pytest.raises(ReadError) as caught:
        read(path, max_size=599)
    assert caught.value.key == "too_large"
