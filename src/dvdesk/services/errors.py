"""Errors a user can fix. Each names what is wrong in both languages; nothing was written."""

from __future__ import annotations


class UserError(Exception):
    """An expected failure with a message for the person at the keyboard."""

    def __init__(self, vi: str, en: str, field: str = "") -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en
        self.field = field

    def message(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en


class NotFoundError(UserError):
    pass


class NotInitialisedError(UserError):
    pass
