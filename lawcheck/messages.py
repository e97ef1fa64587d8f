"""User-facing messages in Chinese (default) and English.

Keys are stable; each module that raises :class:`~lawcheck.errors.LawcheckError`
registers its messages here (readers keep theirs in ``readers/messages.py``).
"""

from __future__ import annotations

from lawcheck.readers.messages import READ_MESSAGES

MESSAGES: dict[str, dict[str, str]] = {
    **READ_MESSAGES,
}


def message(key: str, lang: str = "zh", **params: object) -> str:
    """Render message ``key`` in ``lang`` ("zh" or "en") with ``params``."""
    entry = MESSAGES.get(key)
    if entry is None:
        return f"{key}: {params}"
    template = entry.get(lang) or entry["zh"]
    return template.format(**params)
