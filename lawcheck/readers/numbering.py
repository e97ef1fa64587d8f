"""Word's automatic numbering, rendered as Word shows it ("一、", "（二）", "3.").

A paragraph says which list it is in (``w:numPr``: ``numId`` and ``ilvl``, in
its own properties or its style's); numbering.xml maps ``numId`` to an
abstract definition whose levels give the number format, the label template
(``lvlText`` such as ``"%1、"``) and the start value. Counters are kept per
abstract definition and level, as Word does; a ``w:num`` with a
``startOverride`` restarts its levels when first used. Going up a level resets
the deeper ones (unless ``lvlRestart`` says otherwise).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from lawcheck.readers.values import to_int

_DIGITS = "零一二三四五六七八九"
_LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))

# A heading style by its name (Heading 2, 标题 2), where its outline level is not given.
HEADING_STYLE_NAME = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)


def chinese_count(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (up to 9999)."""
    if n <= 0 or n >= 10000:
        return str(n)
    parts: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit, n = divmod(n, power)
        if digit:
            if zero:
                parts.append(digits[0])
            parts.append(digits[digit] + unit)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    return text[1:] if text.startswith(digits[1] + units[0]) else text


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _letter(n: int) -> str:
    # Word repeats the letter past Z: 27 → AA, 28 → BB.
    if n <= 0 or n > 26 * 30:  # no list is that long; a hostile start value could be
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _enclosed(first: int, last: int) -> Callable[[int], str]:
    def fmt(n: int) -> str:
        return chr(first + n - 1) if 1 <= n <= last - first + 1 else str(n)
    return fmt


def _cycle(symbols: str) -> Callable[[int], str]:
    return lambda n: symbols[(n - 1) % len(symbols)] if n > 0 else str(n)


FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)}),
    "decimalHalfWidth": str,
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "chineseCounting": chinese_count,
    "chineseCountingThousand": chinese_count,
    "japaneseCounting": chinese_count,
    "taiwaneseCounting": chinese_count,
    "taiwaneseCountingThousand": chinese_count,
    "ideographDigital": lambda n: "".join("〇一二三四五六七八九"[int(d)] for d in str(n)),
    "chineseLegalSimplified": lambda n: chinese_count(n, _LEGAL_SIMPLIFIED, "拾佰仟"),
    "ideographLegalTraditional": lambda n: chinese_count(n, _LEGAL_TRADITIONAL, "拾佰仟"),
    "ideographTraditional": _cycle(_STEMS),
    "ideographZodiac": _cycle(_BRANCHES),
    "decimalEnclosedCircle": _enclosed(0x2460, 0x2473),  # ① … ⑳
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 0x2473),
    "decimalEnclosedFullstop": _enclosed(0x2488, 0x249B),  # ⒈ … ⒛
    "decimalEnclosedParen": _enclosed(0x2474, 0x2487),  # ⑴ … ⒇
    "ideographEnclosedCircle": _enclosed(0x3280, 0x3289),  # ㊀ … ㊉
    "ideographParenthesized": _enclosed(0x3220, 0x3229),  # ㈠ … ㈩
    "none": lambda n: "",
}


def format_number(n: int, num_fmt: str) -> str:
    """Render ``n`` in Word's ``numFmt``; unknown formats fall back to decimal."""
    return FORMATS.get(num_fmt, str)(n)


@dataclass(frozen=True)
class Level:
    start: int = 1
    num_fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    restart: int | None = None  # lvlRestart: restart after this level (1-based); 0 never
    legal: bool = False  # isLgl: show every level's number as decimal


@dataclass
class Numbering:
    """The numbering definitions of a document and the running counters."""

    w: str  # the WordprocessingML namespace, in Clark form "{...}"
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    style_links: dict[str, str] = field(default_factory=dict)  # numStyleLink → abstract id
    _counters: dict[str, dict[int, int]] = field(default_factory=dict)
    _started: set[str] = field(default_factory=set)

    @classmethod
    def parse(cls, root: etree._Element | None, w: str) -> Numbering:
        numbering = cls(w=w)
        if root is None:
            return numbering
        for node in root.iterchildren(f"{w}abstractNum"):
            abstract_id = node.get(f"{w}abstractNumId", "")
            numbering.abstract[abstract_id] = {
                int(lvl.get(f"{w}ilvl", "0")): _parse_level(lvl, w)
                for lvl in node.iterchildren(f"{w}lvl") if lvl.get(f"{w}ilvl", "0").isdigit()
            }
            link = node.find(f"{w}numStyleLink")
            if link is not None:
                numbering.style_links[abstract_id] = link.get(f"{w}val", "")
        for node in root.iterchildren(f"{w}num"):
            ref = node.find(f"{w}abstractNumId")
            overrides = {}
            for override in node.iterchildren(f"{w}lvlOverride"):
                start = override.find(f"{w}startOverride")
                if start is not None:
                    level = to_int(override.get(f"{w}ilvl"), 0)
                    overrides[level] = to_int(start.get(f"{w}val"), 1)
            numbering.nums[node.get(f"{w}numId", "")] = (
                ref.get(f"{w}val", "") if ref is not None else "", overrides)
        return numbering

    def label(self, num_id: str, ilvl: int, resolve_style_link: Callable[[str], str | None]
              ) -> str:
        """Advance the counter for a paragraph in list ``num_id`` and render its label."""
        if num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        link = self.style_links.get(abstract_id)
        if link:
            linked_num = resolve_style_link(link)
            if linked_num and linked_num in self.nums and linked_num != num_id:
                abstract_id = self.nums[linked_num][0]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(abstract_id, {})
        starts = {lvl: definition.start for lvl, definition in levels.items()}
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl in overrides:
                counters.pop(lvl, None)
        starts.update(overrides)
        counters[ilvl] = counters.get(ilvl, starts[ilvl] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if level.num_fmt == "bullet":
            return ""
        return self._render(level, levels, {**starts, **counters}) + (
            " " if level.suffix == "space" else "")

    @staticmethod
    def _render(level: Level, levels: dict[int, Level], values: dict[int, int]) -> str:
        text = level.text
        for k in range(1, 10):
            marker = f"%{k}"
            if marker not in text:
                continue
            ref = levels.get(k - 1, Level())
            value = values.get(k - 1, ref.start)
            fmt = "decimal" if level.legal and ref.num_fmt != "none" else ref.num_fmt
            text = text.replace(marker, format_number(value, fmt))
        return text


def _parse_level(lvl: etree._Element, w: str) -> Level:
    def val(tag: str) -> str | None:
        node = lvl.find(f"{w}{tag}")
        return None if node is None else node.get(f"{w}val")

    restart = val("lvlRestart")
    legal = lvl.find(f"{w}isLgl")
    return Level(
        start=to_int(val("start"), 1),
        num_fmt=val("numFmt") or "decimal",
        text=val("lvlText") or "",
        suffix=val("suff") or "tab",
        restart=to_int(restart, 0) if restart is not None else None,
        legal=legal is not None and legal.get(f"{w}val", "true") not in ("0", "false", "off"),
    )
