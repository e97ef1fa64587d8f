"""Text normalisation and sentence splitting.

Matching works on a normalised copy of each block's text; evidence is shown as
written. :func:`normalise` therefore returns, with the normalised string, the
index in the original of every normalised character.

Normalisation, in order:
- NFKC width folding (full-width ``（，：`` become ``(,:``; ``㈠`` becomes ``(一)``);
- traditional characters mapped to simplified, one character for one, using
  OpenCC's character table (phrase-level conversion is not needed for matching);
- whitespace removed (text copied out of PDFs or typed with spaces between
  characters, digits included), except one space kept between Latin words;
- pinyin glosses a reposting site put after characters removed (領(lǐng)導(dǎo) reads 领导).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator, Sequence
import unicodedata
from functools import lru_cache
import importlib.util
import os

# Sentence ends: after NFKC, full-width ！？； are ASCII. ``[。!?;]+[”’"']?|\n``, spelled so that
# the search starts on one set of characters: twice as fast over a report (a test checks they agree).
SENTENCE_END = re.compile(r"[。!?;\n](?:(?<=\n)|[。!?;]*[”’\"']?)")
CLAUSE_SEP = re.compile(r"[,;:。!?\n]")  # one character each (context.py relies on it)


# A line of OpenCC's table that maps one character to one: "後\t后", "乾\t乾 干" (the first kept).
_T2S_LINE = re.compile(r"^(.)\t(\S)(?=[ \t]|$)", re.MULTILINE)


@lru_cache(maxsize=1)
def t2s_table() -> dict[int, str]:
    """Traditional → simplified character table from OpenCC's data."""
    return {ord(trad): simp for trad, simp in _T2S_LINE.findall(_t2s_text())}


def _t2s_text() -> str:
    """OpenCC's character table, found without importing the package (its start costs a check 2 ms)."""
    spec = importlib.util.find_spec("opencc")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = os.path.join(folder, "dictionary", "TSCharacters.txt")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as handle:
                return handle.read()
    from importlib import resources  # installed in a zip, say

    return resources.files("opencc").joinpath("dictionary/TSCharacters.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _t2s_chains() -> tuple[frozenset[str], bool, "re.Pattern[str] | None"]:
    """The characters the table changes, whether some becomes another one it changes, and
    a pattern finding those of them that GB2312 has (None if one of those maps to another)."""
    table = t2s_table()
    keys = frozenset(chr(code) for code, simp in table.items() if simp != chr(code))
    # The characters GB2312 has survive a round trip that drops what it has not.
    in_gb2312 = sorted(set("".join(sorted(keys)).encode("gb2312", "ignore").decode("gb2312")))
    # Replacing them one by one is right only if none becomes a character the table changes.
    usable = in_gb2312 and not any(table[ord(ch)] in keys for ch in in_gb2312)
    return (keys, any(table[ord(ch)] in keys for ch in keys),
            re.compile("[" + "".join(in_gb2312) + "]") if usable else None)


_LAST_CODE_POINT = 0x10FFFF
_CHAR_REF = re.compile(rb"&#(\d{1,7});")  # a code point has at most 7 digits (one written may name none)


def to_simplified(text: str) -> str:
    """``text.translate(t2s_table())``, faster: a report holds few traditional characters.

    ``str.translate`` looks every character up in the table and pays for each
    miss; here only the characters found in the table are replaced, one by one.
    GB2312 has only 15 of the traditional characters (乾, 後…), found by one
    pattern; the others are among the characters it cannot encode, which an
    encoding at C speed names as ``&#…;`` (nearly always a no-break space or a
    dash). A ``&#…;`` written in the text may name one more: replacing a
    character that is not there changes nothing.
    """
    keys, chained, in_gb2312 = _t2s_chains()
    if in_gb2312 is not None:
        refs = _CHAR_REF.findall(text.encode("gb2312", "xmlcharrefreplace"))
        outside = keys.intersection(chr(int(n)) for n in refs if int(n) <= _LAST_CODE_POINT) if refs else frozenset()
        if not outside:
            table = t2s_table()
            return _replace_each(in_gb2312, text, lambda ch: table[ord(ch)])
        present = outside.union(in_gb2312.findall(text))
    else:
        present = keys.intersection(text)
    if not present:
        return text
    if chained and len(present) > 1:  # replacing one by one could map a result again
        return text.translate(t2s_table())
    table = t2s_table()
    for ch in present:
        text = text.replace(ch, table[ord(ch)])
    return text


# A concrete figure: "45件", "312人次", "98%", "1.6万条". Findings count them; a short
# numbered line that reports one is a list item rather than a heading.
# Tried from a figure's first digit only (?<!\d): from every digit of a long run without a
# unit, the search would read the rest of the run again each time.
FIGURE = re.compile(r"(?<!\d)\d+(?:\.\d+)?\s*(?:万|亿)?(?:件|次|份|人次|人|场|个|起|%|期|名|家|篇|条|项|宗|户|台|元|小时|天|批|支|余)")

# re's \s spelled out, but for the line break: a set of characters is searched for four times
# as fast as \s, which asks each character's category (a test checks it is the same set).
_SPACES_BUT_NEWLINE = r"\t\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
SPACE = re.compile(f"[\\n{_SPACES_BUT_NEWLINE}\\u200b\\ufeff]+")
# Characters NFKC would turn into several, or that must survive it (① marks headings). Of
# Latin-1's signs, only those NFKC changes: the others (© « ° ± · ») stand in Chinese prose.
_LATIN1_CHANGED = "".join(ch for ch in map(chr, range(0xA8, 0xBF)) if unicodedata.normalize("NFKC", ch) != ch)
_SLOW = re.compile(f"[\u2460-\u24ff\u3200-\u33ff\ufb00-\ufb4f{_LATIN1_CHANGED}\u2150-\u218f]")


# Full-width ASCII forms and the ideographic space: Chinese prose is full of them (，（）：；).
# And the spaces NFKC makes plain spaces: a no-break space stands in two real reports in three.
_NARROW = {chr(c): unicodedata.normalize("NFKC", chr(c))
           for c in [*range(0xFF01, 0xFF5F), 0x3000, 0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F]}
_FULL_WIDTH = re.compile("[" + "".join(map(re.escape, _NARROW)) + "]")


def _replace_each(found: re.Pattern[str], text: str, by: Callable[[str], str]) -> str:
    """``text`` with every character ``found`` matches replaced by ``by``'s, one character
    at a time: a search, then a replace of all of it (no list of every match: a 20 MB report
    holds a million commas)."""
    pos = 0
    while (m := found.search(text, pos)) is not None:
        ch = m.group()
        text = text.replace(ch, by(ch))
        pos = m.start()  # none before it: the search found the first
    return text


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, faster on Chinese prose.

    Its full-width commas and brackets make NFKC decompose and recompose the
    whole text. Each is first replaced by what NFKC makes of it (one ASCII
    character or a space: the text's decomposition is unchanged by that, so its
    NFKC is too); what is left is usually normalised already, which is quick to
    tell, and otherwise normalised as before.
    """
    text = _replace_each(_FULL_WIDTH, text, _NARROW.__getitem__)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def normalise(text: str) -> tuple[str, Sequence[int]]:
    """Return ``(norm, offsets)`` where ``norm[i]`` comes from ``text[offsets[i]]``."""
    folded = None
    if not _SLOW.search(text):
        candidate = nfkc(text)
        if len(candidate) == len(text):  # width folding only: one character for one
            folded = to_simplified(candidate)
    if folded is None:
        return _without_glosses(normalise_by_char(text))
    return _without_glosses(_drop_spaces(folded))


# A pinyin gloss after a character, as some reposting sites print them: 領(lǐng)導(dǎo). Only
# lower-case letters with a tone mark among them: 世界贸易组织(WTO) and (a) are not glosses.
_GLOSS = re.compile(r"(?<=[\u3400-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}\)")


def _without_glosses(pair: tuple[str, Sequence[int]]) -> tuple[str, Sequence[int]]:
    """``pair`` (a normalised text and its offsets) with pinyin glosses taken out."""
    text, offsets = pair
    if "(" not in text or not _GLOSS.search(text):
        return pair
    pieces: list[str] = []
    kept = array("I")
    last = 0
    for m in _GLOSS.finditer(text):
        pieces.append(text[last:m.start()])
        kept.extend(offsets[last:m.start()])
        last = m.end()
    pieces.append(text[last:])
    kept.extend(offsets[last:])
    return "".join(pieces), kept


def normalise_all(texts: Sequence[str]) -> list[tuple[str, Sequence[int]]]:
    """:func:`normalise` of each of ``texts``: the same results, worked out for all at once.

    NFKC and the character table run once over the texts joined by newlines. A
    newline is a stable code point (NFKC treats what lies between two of them
    on its own and never makes one), so each text's part of the result, found
    by counting newlines, is what it alone would give. A text whose length NFKC
    changes, or that holds a character :func:`normalise` treats one by one,
    goes through :func:`normalise`.
    """
    joined = "\n".join(texts)
    slow = _SLOW.search(joined) is not None
    # One character for one from here (the table's), newlines kept: each step's text is let go
    # as the next is made (a 20 MB report's is 40 MB).
    mapped = to_simplified(nfkc(joined))
    del joined
    newlines = [m.start() for m in _NEWLINE.finditer(mapped)]
    out: list[tuple[str, Sequence[int]]] = []
    start, k = 0, 0  # where the text starts in ``mapped``; newlines before its end
    # The next space (not the joining newlines) at or after ``start``: most texts hold none.
    space = _space_at(mapped, 0)
    for text in texts:
        lines = text.count("\n")
        k += lines
        end = newlines[k] if k < len(newlines) else len(mapped)
        if end - start != len(text) or (slow and _SLOW.search(text)):
            out.append(normalise(text))
        elif space < end or lines:
            out.append(_without_glosses(_drop_spaces(mapped[start:end])))
        else:  # what _drop_spaces gives it
            out.append(_without_glosses((mapped[start:end], range(end - start))))
        start, k = end + 1, k + 1
        if space < start:
            space = _space_at(mapped, start)
    return out


def _space_at(text: str, pos: int) -> int:
    """Where the first space other than a line break is at or after ``pos`` (``len(text)``: none)."""
    m = SPACE_NOT_NEWLINE.search(text, pos)
    return m.start() if m else len(text)


_NEWLINE = re.compile("\n")
SPACE_NOT_NEWLINE = re.compile(f"[{_SPACES_BUT_NEWLINE}\\u200b\\ufeff]")


def _drop_spaces(folded: str) -> tuple[str, Sequence[int]]:
    """Remove whitespace runs (keeping one between Latin words), with offsets.

    The offsets take 4 bytes a character (an array, or a range when nothing was
    removed), not a tuple's 36: a 20 MB report has seven million of them.
    """
    if not SPACE.search(folded):
        return folded, range(len(folded))
    pieces: list[str] = []
    offsets = array("I")
    last = 0
    for m in SPACE.finditer(folded):
        a, b = m.span()
        pieces.append(folded[last:a])
        offsets.extend(range(last, a))
        if a > 0 and b < len(folded) and _latin(folded[a - 1]) and _latin(folded[b]) and pieces[-1]:
            pieces.append(" ")
            offsets.append(a)
        last = b
    pieces.append(folded[last:])
    offsets.extend(range(last, len(folded)))
    return "".join(pieces), offsets


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def normalise_by_char(text: str) -> tuple[str, tuple[int, ...]]:
    """The general case, one character at a time (NFKC may expand a character)."""
    table = t2s_table()
    chars: list[str] = []
    offsets: list[int] = []
    pending_space = -1  # index in text of a whitespace run not yet emitted
    for i, ch in enumerate(text):
        if ch.isspace() or ch == "\u200b" or ch == "\ufeff":
            if pending_space < 0:
                pending_space = i
            continue
        if ord(ch) <= 0x7F or 0x2460 <= ord(ch) <= 0x24FF:
            folded = ch  # ASCII, or circled numbers (①), which mark headings
        else:
            folded = unicodedata.normalize("NFKC", ch)
        folded = folded.translate(table)
        if pending_space >= 0:
            if chars and _latin(chars[-1]) and _latin(folded[:1] or " "):
                chars.append(" ")
                offsets.append(pending_space)
            pending_space = -1
        for out in folded:
            if out.isspace():
                continue
            chars.append(out)
            offsets.append(i)
    return "".join(chars), tuple(offsets)


def joined(texts: Sequence[str]) -> tuple[str, list[int]]:
    """``texts`` joined by line breaks, and where each starts in the result."""
    starts: list[int] = []
    at = 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return "\n".join(texts), starts


def norm(text: str) -> str:
    """The normalised text alone (checklist terms go through this too)."""
    return normalise(text)[0]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences of normalised ``text``."""
    if "\n" not in text:  # every piece ends in punctuation, so none is blank: no need to look
        ends = [m.end() for m in SENTENCE_END.finditer(text)]
        starts = [0, *ends]
        if text[starts[-1]:].strip():
            ends.append(len(text))
        return list(zip(starts, ends))
    spans: list[tuple[int, int]] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentence_spans(texts: Sequence[str]) -> Iterator[tuple[int, int, int]]:
    """``(i, start, end)`` for each sentence of each of ``texts``, in order: what
    :func:`split_sentences` gives each text, found by one search over them all.

    The texts are joined by line breaks, which end a sentence too; a text holding one
    (normalised text never does) is split alone.
    """
    text, starts = joined(texts)
    if text.count("\n") != len(starts) - 1:
        for i, one in enumerate(texts):
            for start, end in split_sentences(one):
                yield i, start, end
        return
    i, base, start = 0, 0, 0  # the text, where it starts in ``text``, where its next sentence starts
    for m in SENTENCE_END.finditer(text):
        at, end = m.span()
        if text[at] != "\n":
            yield i, start, end - base
            start = end - base
            continue
        if text[base + start:at].strip():  # the text's last sentence, without an end mark
            yield i, start, at - base
        i, base, start = i + 1, end, 0
    if text[base + start:].strip():
        yield i, start, len(text) - base


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """The clause of ``text`` (comma, semicolon or colon delimited) around ``pos``."""
    start = 0
    for m in CLAUSE_SEP.finditer(text, 0, pos):
        start = m.end()
    after = CLAUSE_SEP.search(text, pos)
    return start, (after.start() if after else len(text))


def original_span(offsets: Sequence[int], start: int, end: int, text_len: int) -> tuple[int, int]:
    """Map a span of normalised text back to the original text."""
    if start >= len(offsets):
        return text_len, text_len
    o_start = offsets[start]
    o_end = offsets[end] if end < len(offsets) else text_len
    return o_start, o_end


_CN_DIGIT = {"〇": "0", "○": "0", "零": "0", "O": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
             "六": "6", "七": "7", "八": "8", "九": "9"}
NUMBER_CHARS = "0-9０-９〇零一二三四五六七八九十百千万亿.%％"  # a figure's characters, as a class's inside
CN_NUMERALS = "一二三四五六七八九十"  # one to ten, as outlines number their parts
YEAR_MARK = "年"  # what follows a year: 2024年
_CN_NUMERAL = re.compile(r"[〇○零一二三四五六七八九]")
_CN_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=\s*年)")
_CN_MONTH_DAY = re.compile(r"(?<=[0-9]年)([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")


def _cn_number(text: str) -> str:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31."""
    if "十" not in text:
        return "".join(_CN_DIGIT[c] for c in text)
    tens, _, units = text.partition("十")
    return str(int(_CN_DIGIT[tens] if tens else "1") * 10 + int(_CN_DIGIT[units] if units else "0"))


def arabic(text: str) -> str:
    """Years and dates in Chinese numerals written with digits: 二〇二四年三月十日 → 2024年3月10日."""
    if not _CN_NUMERAL.search(text):
        return text
    text = _CN_YEAR.sub(lambda m: "".join(_CN_DIGIT[c] for c in m.group()), text)
    return _CN_MONTH_DAY.sub(lambda m: f"{_cn_number(m.group(1))}月{_cn_number(m.group(2))}日", text)


# Years and dates, in digits (after ``arabic``): 2024年, 2024年3月10日, 2024-03-10.
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)")  # a year, not a date's
YEAR_ANY = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
DATE_CN = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DATE_ISO = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")
# What every year YEAR finds looks like before ``arabic`` (digits or four Chinese numerals, then
# 年): a block without it names none, unless taking out a 《》 title brings the two together.
MAYBE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年|[〇○零一二三四五六七八九]{4}\s*年")
HEADING_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def year_named(year: int) -> re.Pattern[str]:
    """Where ``year`` is named as a year: 2024年, 2024 年."""
    return re.compile(f"{year}\\s*年")


# A page's number alone on a line: 3, - 3 -, 第3页, 3/12, 第3页 共12页.
PAGE_NUMBER = re.compile(
    r"^[\s\-—–－_·•]*(?:第\s*)?[0-9０-９]+(?:\s*页)?"
    r"(?:\s*[/／共]\s*[0-9０-９]+\s*页?)?[\s\-—–－_·•]*$")
CJK_CHARS = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"  # CJK and its punctuation, as a class's inside
# An outline number at the start of a line, as written (not normalised): 一、 （二） 第三部分.
OUTLINE_START = re.compile(r"^\s*(?:第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}、"
                           r"|[（(][一二三四五六七八九十\d]{1,3}[)）])")

# Numbering forms, in the usual outline order; matched on normalised text.
NUMBERING: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(r"^第[一二三四五六七八九十]{1,3}部分[、,:.]?")),
    ("cn", re.compile(r"^[一二三四五六七八九十]{1,3}(?:、|\.(?!\d))")),
    ("paren-cn", re.compile(r"^\([一二三四五六七八九十]{1,3}\)[、.]?")),
    ("num", re.compile(r"^\d{1,2}(?:、|\.(?!\d)|\s)")),
    ("paren-num", re.compile(r"^\(\d{1,2}\)[、.]?")),
    ("circled", re.compile(r"^[①-⑳]")),
)
# The characters a numbering form starts with: a text starting otherwise has none.
NUMBERING_STARTS = frozenset("第一二三四五六七八九十(" + "".join(chr(c) for c in range(ord("①"), ord("⑳") + 1)))
