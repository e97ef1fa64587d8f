"""The immutable types passed between lawcheck's stages.

    path --read--> Source --structure--> Document --match--> ReportResult --render--> bytes

Readers produce a :class:`Source` (raw blocks as the format gives them);
``structure.build`` turns it into a :class:`Document` (normalised text,
headings, section paths, sentences); ``engine.check_document`` produces a
:class:`ReportResult`, which reporters turn into text or bytes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Literal, NamedTuple, Sequence


BlockKind = Literal["paragraph", "cell", "heading", "furniture"]
Status = Literal["met", "partial", "missing", "waived"]


class RawBlock(NamedTuple):  # a hundred per report: a tuple is made at a third of a frozen dataclass's cost
    """One paragraph or table cell as a reader found it.

    ``text`` is the text as written (numbering that the format renders
    automatically, such as Word's "一、", is prepended by the reader).
    ``style_level`` is a heading level the format itself declares (Word heading
    styles or outline level), 1 for the top; ``None`` when the format says nothing.
    """

    text: str
    kind: Literal["paragraph", "cell"] = "paragraph"
    style_level: int | None = None
    line: int | None = None
    page: int | None = None


@dataclass(frozen=True)
class Source:
    """A report as read from disk, before any interpretation."""

    path: str
    format: str  # "txt", "docx", ...
    blocks: tuple[RawBlock, ...]
    encoding: str | None = None
    # Page headers and footers, kept apart from the body; used only for metadata.
    furniture: tuple[str, ...] = ()
    replaced: int = 0  # undecodable bytes read as U+FFFD (a text file with a few stray bytes)


class Block(NamedTuple):  # immutable, and made at a third of a frozen dataclass's cost
    """A block of a structured document.

    ``text`` is the original text (shown as evidence); ``norm`` is the text used
    for matching (width-folded, simplified, spaces between CJK removed) and
    ``offsets[i]`` is the index in ``text`` of ``norm[i]``.
    """

    index: int  # type: ignore[assignment]  # the field shadows tuple.index, which nothing calls on a block
    text: str
    norm: str
    offsets: Sequence[int]
    kind: BlockKind
    level: int | None = None  # heading level, 1 = top
    section: tuple[int, ...] = ()  # indexes of the heading blocks above, outermost first
    heading: str | None = None  # normalised title when the block opens a section
    line: int | None = None
    page: int | None = None


class Sentence(NamedTuple):  # immutable, and made at half a frozen dataclass's cost
    """A sentence of a block: ``block.norm[start:end]``."""

    block: int
    start: int
    end: int
    norm: str


@dataclass(frozen=True)
class Document:
    path: str
    format: str
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    encoding: str | None = None
    furniture: tuple[str, ...] = ()
    nav: tuple[str, ...] = ()  # site navigation text set aside
    replaced: int = 0

    def under(self, head: int) -> Iterator[int]:
        """The blocks after ``head`` in the part it heads: a run, since a part once closed never reopens."""
        blocks = self.blocks
        for c in blocks[head + 1:]:
            if head not in c.section:
                return
            yield c.index

    # Sentences are in reading order: found by bisecting on (block, start), not from a table
    # of every sentence (a 20 MB report has two hundred thousand).

    def sentence_at(self, block: int, pos: int) -> int | None:
        """The number of the sentence of ``block`` that ``pos`` (in its normalised text) is in."""
        i = bisect_right(self.sentences, (block, pos), key=_BLOCK_START) - 1
        return i if i >= 0 and self.sentences[i].block == block else None

    def sentences_in(self, first: int, last: int) -> range:
        """The numbers of the sentences of blocks ``first`` to ``last``."""
        lo = bisect_left(self.sentences, first, key=_BLOCK)
        return range(lo, bisect_right(self.sentences, last, lo=lo, key=_BLOCK))

    def heading_path(self, block: Block) -> str:
        """The section path of a block as text: "二、… > （一）…"."""
        return " > ".join(_title_of(self.blocks[i]) for i in block.section)


_BLOCK, _BLOCK_START = itemgetter(0), itemgetter(0, 1)  # a Sentence's block, and with its start


def _title_of(block: Block) -> str:
    """A heading as written; for a paragraph that opens a section, its first sentence."""
    if block.kind == "heading" or block.heading is None:
        return block.text.strip()
    end = block.offsets[len(block.heading) - 1] + 1 if block.heading else 0
    return block.text[:end].strip()


class Evidence(NamedTuple):  # a few per item: made as a tuple, at a third of a frozen dataclass's cost
    text: str
    block: int
    section: str
    line: int | None = None
    page: int | None = None
    # character spans of the matched terms within ``text``
    spans: tuple[tuple[int, int], ...] = ()
    # the whole block ``text`` was taken from, and where ``text`` starts in it
    # (for reporters that show evidence in its paragraph; not part of the JSON)
    paragraph: str = ""
    at: int = 0
    # why it counts only in part (a partial item's evidence: bare-claim, collective…), else None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        record = {"text": self.text, "block": self.block, "section": self.section,
                  "line": self.line, "page": self.page}
        if self.reason is not None:
            record["reason"] = self.reason
        return record


class NearMiss(NamedTuple):
    text: str
    reason: str  # negated | plans | shortcomings | future | title | other-duty | ...
    block: int
    section: str
    line: int | None = None
    spans: tuple[tuple[int, int], ...] = ()  # the words that almost counted, within ``text``

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason, "block": self.block,
                "section": self.section, "line": self.line}


class ItemResult(NamedTuple):  # twenty per report
    id: str
    title: str
    severity: str
    weight: float
    status: Status
    credit: float
    evidence: tuple[Evidence, ...] = ()
    near_misses: tuple[NearMiss, ...] = ()
    parts: tuple["ItemResult", ...] = ()
    hint: str = ""
    waiver: str | None = None  # the waiver's reason when status is "waived"


def flat_items(items: Sequence[ItemResult]) -> list[ItemResult]:
    """Items with their parts after each, in checklist order."""
    out: list[ItemResult] = []
    for item in items:
        out.append(item)
        out.extend(flat_items(item.parts))
    return out


@dataclass(frozen=True)
class Finding:
    id: str
    severity: str  # warning | info
    message: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Meta:
    title: str | None = None
    year: int | None = None
    org: str | None = None
    date: str | None = None  # ISO date of issue or publication
    title_year: int | None = None
    format: str | None = None
    encoding: str | None = None
    title_block: int | None = None  # where the title was found (not in the JSON)
    replaced: int = 0  # undecodable bytes replaced (in the JSON when there were any)


@dataclass(frozen=True)
class ReportResult:
    path: str
    score: float
    passed: bool
    threshold: float
    meta: Meta
    items: tuple[ItemResult, ...]
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    fail_on: str = "required"  # the gate it was judged by: what fails it besides the score

    @property
    def below(self) -> bool:
        """Whether the score is under the pass mark."""
        return self.score < self.threshold


@dataclass(frozen=True)
class ErrorResult:
    """A report that could not be read: an error row in a batch."""

    path: str
    error: str
    key: str = ""
    params: dict[str, Any] = field(default_factory=dict)
