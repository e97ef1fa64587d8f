"""A compiled checklist: its items, sections, cues and findings, immutable and shared."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lawcheck.judge.clauses import Clause
from lawcheck.judge.context import NO_SCAN, LiteralScan
from lawcheck.judge.reasons import Cues
from lawcheck.document.metadata import Forms
from lawcheck.messages import MESSAGES, in_lang, message
from lawcheck.judge.sections import SectionDef

if TYPE_CHECKING:
    from lawcheck.document.model import ItemResult

DEFAULT_PARTIAL_CREDIT = 0.5
DEFAULT_DEADLINE = "04-01"


@dataclass(frozen=True)
class Trap:
    reason: str
    clause: Clause
    label: dict[str, str] = field(default_factory=dict)  # why it does not count, {zh, en}


@dataclass(frozen=True)
class FindingDef:
    """A finding the checklist runs (one of the kinds in ``lawcheck.judge.findings``)."""

    id: str
    label: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PartDef:
    """A part of the report in the official order: the item that finds it, and the items written
    inside it (annotate marks where a missing part, or a missing item it holds, should go)."""

    item: str
    holds: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemDef:
    id: str
    title: str
    severity: str
    weight: float
    hint: str
    match: Clause | None
    title_en: str = ""
    hint_en: str = ""
    basis: tuple[str, ...] = ()
    partial: Clause | None = None
    partial_in: frozenset[str] = frozenset()
    partial_credit: float = DEFAULT_PARTIAL_CREDIT
    exclude_in: tuple[str, ...] = ()
    traps: tuple[Trap, ...] = ()
    min_count: int = 1
    negation: bool = True
    future: bool = True
    titles: bool = True
    normative: bool = False  # a rule for others (各部门要…) is not a deed: the leaders' duty asks it
    headings: bool = False
    parts: tuple["ItemDef", ...] = ()
    need: int = 0
    examples: dict[str, tuple[str, ...]] = field(default_factory=dict)
    spec: Any = field(default=None, compare=False, repr=False)  # the YAML, for explain/show

    def title_in(self, lang: str) -> str:
        """The title in ``lang``: the English one where the checklist gives it."""
        return self.title_en if lang == "en" and self.title_en else self.title

    def hint_in(self, lang: str) -> str:
        """The advice in ``lang``: the English one where the checklist gives it."""
        return self.hint_en if lang == "en" and self.hint_en else self.hint


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    version: str
    basis: tuple[str, ...]
    pass_score: float
    deadline: str
    sections: dict[str, SectionDef]
    items: tuple[ItemDef, ...]
    cues: Cues
    forms: Forms  # how a report names its body and its year
    findings: tuple[FindingDef, ...] = ()
    parts: tuple[PartDef, ...] = ()
    path: str = ""
    title_en: str = ""
    # every literal the items' clauses look sentences up by, scanned for at once in a report
    scan: LiteralScan = field(default=NO_SCAN, compare=False, repr=False)

    def title_in(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title

    def item_title(self, item: "ItemResult", lang: str) -> str:
        """An item's title in ``lang`` (the checklist's English title where it has one)."""
        definition = self.item(item.id)
        return item.title if definition is None else definition.title_in(lang)

    def item_hint(self, item: "ItemResult", lang: str) -> str:
        """An item's advice in ``lang``, on one line."""
        definition = self.item(item.id)
        if lang == "en" and definition is not None and definition.hint_en:
            return definition.hint_en
        return " ".join(item.hint.split())

    def item(self, item_id: str) -> ItemDef | None:
        for it in self.items:
            if it.id == item_id:
                return it
            for part in it.parts:
                if part.id == item_id:
                    return part
        return None

    def reason_label(self, reason: str, lang: str) -> str:
        """Why a near miss did not count, in words: the engine's own reasons (negated, future…),
        a section's or a trap's label from the checklist, else the reason's name."""
        key = f"reason-{reason}"
        if key in MESSAGES:
            return message(key, lang)
        section = self.sections.get(reason)
        if section is not None and section.label:
            return in_lang(section.label, lang, reason)
        for item in self.items:
            for definition in (item, *item.parts):
                for trap in definition.traps:
                    if trap.reason == reason and trap.label:
                        return in_lang(trap.label, lang, reason)
        return reason

    def finding_label(self, finding_id: str, lang: str) -> str:
        """A finding's name in words, from the checklist, else its id."""
        for f in self.findings:
            if f.id == finding_id and f.label:
                return in_lang(f.label, lang, finding_id)
        return finding_id

    @property
    def finding_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.findings)
