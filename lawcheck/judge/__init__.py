"""Judging a document against a checklist: patterns, sections, context, reasons, clauses, matching, findings, score."""
