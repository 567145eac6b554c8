"""UI tests run offscreen with pytest-qt, on a small database built through the services, with
the date fixed and the user's settings redirected to a temporary folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from ui_data import TODAY, build_small_db, wait_loaded

from dvdesk.db.engine import Database
from dvdesk.ui.app import Gui


@pytest.fixture(autouse=True)
def user_settings(tmp_path: Path) -> Iterator[QSettings]:
    """Keep the user's real settings out of the tests."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "dvdesk", "dvdesk")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = build_small_db(tmp_path / "data")
    yield database
    database.close()


@pytest.fixture
def make_gui(qtbot: QtBot, db: Database) -> Iterator[Callable[..., Gui]]:
    """Open the window on the small database, the date fixed at TODAY, and wait for the list."""
    opened: list[Gui] = []

    def make(lang: str = "vi") -> Gui:
        gui = Gui(db, lang, today=lambda: TODAY)
        qtbot.addWidget(gui.window)
        wait_loaded(qtbot, gui.window)
        opened.append(gui)
        return gui

    yield make
    for gui in opened:
        gui.window.close()
        gui.shutdown()
