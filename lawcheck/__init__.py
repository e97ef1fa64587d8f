"""lawcheck: check annual rule-of-law government reports against a checklist."""

__version__ = "0.1.0"
