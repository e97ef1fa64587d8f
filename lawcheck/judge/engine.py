"""One report through the pipeline: read, structure, match, find, score."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from lawcheck import readers
from lawcheck.document import structure
from lawcheck.judge import waivers
from lawcheck.judge.checklist import Checklist
from lawcheck.judge.context import DocContext, find_parts
from lawcheck.judge.findings import FindingInput, find_all
from lawcheck.judge.matching import match_all
from lawcheck.document.metadata import block_years, read_meta, report_year
from lawcheck.document.model import Document, Meta, ReportResult, Source
from lawcheck.judge.scoring import passes, score
from lawcheck.judge.sections import PLANS, Body


@dataclass(frozen=True)
class Options:
    """What the user chose: the gate, the language, reading limits."""

    min_score: float | None = None
    fail_on: str = "required"
    lang: str = "zh"
    max_size: int = readers.DEFAULT_MAX_SIZE
    waivers: tuple[waivers.Waiver, ...] = ()  # from lawcheck.yaml, applied after scoring
    waiver_base: str = "."  # the folder the waivers' globs are relative to


def check_path(path: str | Path, checklist: Checklist, options: Options = Options()) -> ReportResult:
    """Read and check one report (raises ReadError for unreadable input)."""
    return check_source(readers.read(path, max_size=options.max_size), checklist, options)


def check_source(source: Source, checklist: Checklist, options: Options = Options()) -> ReportResult:
    """Check a report already read (a file, or standard input)."""
    return judge(structure.build(source), checklist, options)


def judge(doc: Document, checklist: Checklist, options: Options = Options()) -> ReportResult:
    """Check a structured report and apply the settings' waivers: what every command reports."""
    result = check_document(doc, checklist, options)
    if options.waivers:
        return waivers.apply(result, options.waivers, Path(options.waiver_base), options.fail_on, options.lang)
    return result


def context_for(doc: Document, checklist: Checklist) -> tuple[DocContext, Meta]:
    """The document context with the report's year settled, and the metadata."""
    years = block_years(doc, checklist.forms)
    meta = read_meta(doc, checklist.forms, years=years)
    body = Body(doc)
    # The plans part names next year; the year covered is counted without it. The parts are
    # found by headings that may name the year: those found for another year are found again.
    plans = find_parts(doc, checklist, meta.year, body, PLANS)
    settled = report_year(doc, meta, set().union(*(i.blocks for found in plans.values() for i in found)), years)
    if settled != meta.year:
        meta = replace(meta, year=settled)
        plans = {}
    return DocContext.build(doc, checklist, meta.year, body, plans), meta


def check_document(doc: Document, checklist: Checklist, options: Options = Options()) -> ReportResult:
    ctx, meta = context_for(doc, checklist)
    items = match_all(checklist, ctx)
    findings = find_all(FindingInput(ctx, meta, checklist.deadline, options.lang), checklist.finding_ids)
    value = score(items)
    threshold = checklist.pass_score if options.min_score is None else options.min_score
    return ReportResult(path=doc.path, score=value, passed=passes(items, value, threshold, options.fail_on), fail_on=options.fail_on,
                        threshold=threshold, meta=meta, items=items, findings=findings)


def with_gate(result: ReportResult, threshold: float, fail_on: str) -> ReportResult:
    """The same result judged by another gate."""
    return replace(result, threshold=threshold, fail_on=fail_on,
                   passed=passes(result.items, result.score, threshold, fail_on))
