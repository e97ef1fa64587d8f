"""``lawcheck checklist test``: run a checklist's own examples, and labelled fixtures, like tests.

Each item (and part) may carry example sentences::

    examples:
      met: ["街道法律顾问全年审核合同328份。"]
      missing: ["下一步将充分发挥法律顾问作用。"]

Each example becomes a report of its own, a paragraph per line (so an example
can show a heading and the part under it), and the item alone is evaluated on
it; the case passes when the status is the one the example is filed under.
A fixtures folder holds reports and a ``labels.yaml`` in the labels format of
``lawcheck eval`` (an older ``expected.yaml`` is read too)
(``corpus/labels.yaml``): each labelled item status is one more case.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lawcheck.document import structure
from lawcheck.judge.checklist import Checklist, ItemDef
from lawcheck.judge.engine import Options, check_path, context_for
from lawcheck.errors import LawcheckError, ReadError
from lawcheck.workflows.labels import flatten, load_labels
from lawcheck.judge.matching import evaluate_item
from lawcheck.document.model import RawBlock, Source

LABELS = ("labels.yaml", "expected.yaml")  # the second: the name fixtures folders had before
STATUSES = ("met", "partial", "missing")


@dataclass(frozen=True)
class Case:
    """One expectation and what lawcheck said."""

    item: str
    want: tuple[str, ...]
    got: str
    text: str  # the example sentence, or the fixture file

    @property
    def passed(self) -> bool:
        return self.got in self.want


def status_of(item: ItemDef, example: str, checklist: Checklist) -> str:
    """The status of ``item`` in a report made of ``example`` alone (one paragraph per line)."""
    blocks = tuple(RawBlock(line, line=i) for i, line in enumerate(example.splitlines() or [""], start=1))
    doc = structure.build(Source(path="<example>", format="txt", blocks=blocks))
    ctx, _ = context_for(doc, checklist)
    return evaluate_item(item, ctx).status


def _with_parts(items: tuple[ItemDef, ...]) -> list[ItemDef]:
    return [d for item in items for d in (item, *item.parts)]


def example_cases(checklist: Checklist) -> list[Case]:
    """A case per example sentence of every item and part, in checklist order."""
    cases = []
    for item in _with_parts(checklist.items):
        for want in STATUSES:
            for sentence in item.examples.get(want, ()):
                cases.append(Case(item.id, (want,), status_of(item, sentence, checklist), sentence))
    return cases


def fixture_cases(checklist: Checklist, folder: Path, lang: str = "zh") -> list[Case]:
    """A case per labelled item status in ``folder/labels.yaml``."""
    expected = next((folder / name for name in LABELS if (folder / name).is_file()), folder / LABELS[0])
    if not expected.is_file():
        raise LawcheckError("checklist-test-fixtures", path=str(folder))
    labels = load_labels(expected)
    cases = []
    for name in sorted(labels):
        wanted = (labels[name] or {}).get("items") or {}
        try:
            got = flatten(check_path(folder / name, checklist, Options(lang=lang)).items)
        except ReadError as e:
            got = {}
            cases.append(Case("(read)", ("readable",), e.render(lang), name))
        for item_id, status in wanted.items():
            accepted = tuple(status) if isinstance(status, list) else (status,)
            cases.append(Case(item_id, accepted, got.get(item_id, "absent"), name))
    return cases
