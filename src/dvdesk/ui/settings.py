"""UI state kept between runs (QSettings, INI file, per user): window geometry, last tab, column
widths, language. Business settings live in the database, never here. Keys live in this file."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "dvdesk"
APPLICATION = "dvdesk"

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

KEY_LANGUAGE = "ui/language"
KEY_GEOMETRY = "main_window/geometry"
KEY_WINDOW_STATE = "main_window/state"
KEY_TAB = "main_window/tab"  # objectName of the current tab, robust to reordering
KEY_LAST_ACCOUNT = "security/last_account"  # offered again at the next sign-in


def filter_key(table: str, name: str) -> str:
    return f"tables/{table}/filters/{name}"


def splitter_key(table: str) -> str:
    return f"tables/{table}/splitter"


def header_key(table: str) -> str:
    return f"tables/{table}/header"


def open_settings() -> QSettings:
    """The user's settings file. Tests redirect it with QSettings.setPath(IniFormat, ...)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def read_str(settings: QSettings, key: str, default: str = "") -> str:
    value = settings.value(key, default)
    return value if isinstance(value, str) else default


def saved_language(settings: QSettings) -> str:
    lang = read_str(settings, KEY_LANGUAGE, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE
