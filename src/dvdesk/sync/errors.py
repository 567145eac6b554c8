"""Errors raised by the key and bundle code, each with a code and a message in two languages.

`code` is stable and meant for programs (tests, the JSON import summary); `vi` is shown to the
person (NFC Vietnamese, naming what is wrong); `en` is for logs and the English interface.
"""

from __future__ import annotations

import unicodedata
from typing import Any, TypeVar


class SyncError(Exception):
    """Base of the exchange errors: a stable `code`, a Vietnamese and an English message."""

    def __init__(self, code: str, vi: str, en: str) -> None:
        self.code = code
        self.vi = unicodedata.normalize("NFC", vi)
        self.en = en
        super().__init__(f"[{code}] {en}")


class KeyFileError(SyncError):
    """A key file (private or public) cannot be used."""


class BundleError(SyncError):
    """A bundle (.dvb) is refused; nothing has been read from it into the database."""


E = TypeVar("E", bound=SyncError)


def make(cls: type[E], templates: dict[str, tuple[str, str]], code: str, **kw: Any) -> E:
    """Build an error of `cls` from the (vi, en) template registered for `code`."""
    vi, en = templates[code]
    return cls(code, vi.format(**kw), en.format(**kw))
