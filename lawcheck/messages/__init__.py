"""User-facing messages in Chinese (default) and English, by area.

The ground floor: this package imports nothing of lawcheck's. Keys are
stable (scripts and tests use them). Labels that belong to a checklist (its
sections' and traps' reasons, its findings) live in the checklist's YAML, not
here: the engine keeps no table of words for things it does not define.
"""

from __future__ import annotations

from lawcheck.messages.batch import BATCH_MESSAGES
from lawcheck.messages.core import CORE_MESSAGES
from lawcheck.messages.drafter import DRAFTER_MESSAGES
from lawcheck.messages.gate import GATE_MESSAGES
from lawcheck.messages.help import HELP_WORDS
from lawcheck.messages.history import HISTORY_MESSAGES
from lawcheck.messages.web import WEB_MESSAGES
from lawcheck.messages.read import READ_MESSAGES
from lawcheck.messages.safe import printable

LANGS = ("zh", "en")

MESSAGES: dict[str, dict[str, str]] = {**READ_MESSAGES, **CORE_MESSAGES, **DRAFTER_MESSAGES, **GATE_MESSAGES,
                                       **BATCH_MESSAGES, **HELP_WORDS,
                                       **HISTORY_MESSAGES, **WEB_MESSAGES}


def message(key: str, lang: str = "zh", **params: object) -> str:
    """Render message ``key`` in ``lang`` ("zh" or "en") with ``params``."""
    entry = MESSAGES.get(key)
    if entry is None:
        return f"{key}: {params}"
    template = entry.get(lang) or entry["zh"]
    # A file's name or a report's words never carry control codes into a message.
    return template.format(**{k: printable(v) if isinstance(v, str) else v for k, v in params.items()})


def in_lang(words: dict[str, str] | str | None, lang: str, fallback: str = "") -> str:
    """A ``{zh, en}`` label (or plain text) in ``lang``; ``fallback`` when there is none."""
    if not words:
        return fallback
    if isinstance(words, str):
        return words
    return words.get(lang) or words.get("zh") or fallback


def listed(values: object, lang: str) -> str:
    """Values joined as a list in ``lang``: 甲、乙 or a, b."""
    return ("、" if lang == "zh" else ", ").join(str(v) for v in values)  # type: ignore[attr-defined]


def quoted(terms: object, lang: str) -> str:
    """Terms quoted and joined: “甲”、“乙” or "a", "b"."""
    return listed(((f"“{t}”" if lang == "zh" else f'"{t}"') for t in terms), lang)  # type: ignore[attr-defined]
