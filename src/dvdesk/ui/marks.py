"""Marking strings for translation where `tr()` cannot be called at once (column headers,
label tables): lupdate finds `QT_TRANSLATE_NOOP("Context", "text")` by its name, and the code
translates the text later with `QCoreApplication.translate("Context", text)`."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return `text` untranslated; the call only marks it for lupdate under `context`."""
    return text
