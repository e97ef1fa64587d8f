"""The report as read: its blocks and sentences (model), normalised text, structure, metadata and whose it is."""
