"""The errors lawcheck reports to users.

Every user-facing failure is a :class:`LawcheckError` carrying a message key and
parameters; the CLI renders it in the user's language (see ``lawcheck.messages``) and
maps it to exit code 2. Nothing else should reach the user as a traceback.
"""

from __future__ import annotations

from lawcheck.messages import message


class LawcheckError(Exception):
    """A failure the user can act on: bad input, bad checklist, bad usage."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def render(self, lang: str = "zh") -> str:
        return message(self.key, lang, **self.params)

    def __str__(self) -> str:
        return self.render("en")


class ReadError(LawcheckError):
    """A report file that cannot be read (missing, empty, corrupt, hostile...).

    ``path`` is always among the params so the message names the file.
    """


class ChecklistError(LawcheckError):
    """A checklist file that does not load or validate."""
