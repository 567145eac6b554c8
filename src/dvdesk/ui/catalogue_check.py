"""The self-test's look at the Vietnamese catalogue (Qt lives in ui/, so the check does too)."""

from __future__ import annotations

from PySide6.QtCore import QTranslator

from dvdesk.ui.app import translation_file


def vietnamese_catalogue() -> str:
    """What the catalogue says for the File menu; AssertionError if it is missing or empty."""
    path = translation_file("vi")
    translator = QTranslator()
    if not translator.load(str(path)):
        raise AssertionError(f"{path} does not load")
    said = translator.translate("MainWindow", "&File")
    if not said or said == "&File":
        raise AssertionError("the Vietnamese catalogue has no 'File' menu")
    return f"Vietnamese catalogue loaded ({path.stat().st_size // 1024} KB): {said!r}"
