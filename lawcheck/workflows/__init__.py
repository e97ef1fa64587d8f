"""What users do with judgements: batches, annotated copies, letters, templates, labels, comparisons, self-tests."""
