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
from ui_data import ACCOUNT_PASSWORDS, TODAY, build_small_db, wait_loaded

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


# --- accounts set up ---------------------------------------------------------------------------


@pytest.fixture
def accounts_dir(tmp_path: Path) -> Iterator[Path]:
    """The small database with accounts set up (and so encrypted): an administrator
    (quantri), an editor (thuky) and a viewer (xem); closed, its key forgotten."""
    from dvdesk.db.engine import DB_FILE_NAME, forget_key
    from dvdesk.domain.accounts import Role
    from dvdesk.services import accounts
    from dvdesk.services.setup import open_data_dir

    folder = tmp_path / "protected"
    build_small_db(folder).close()
    made = accounts.set_up(
        folder, "quantri", "Nguyễn Văn Quản", ACCOUNT_PASSWORDS["quantri"], open_data_dir
    )
    accounts.add_account(made.db, "thuky", "Lê Thị Thư", Role.EDITOR, ACCOUNT_PASSWORDS["thuky"])
    accounts.add_account(made.db, "xem", "Trần Văn Xem", Role.VIEWER, ACCOUNT_PASSWORDS["xem"])
    made.db.close()
    forget_key(folder / DB_FILE_NAME)
    yield folder
    forget_key(folder / DB_FILE_NAME)


@pytest.fixture
def signed_in_gui(qtbot: QtBot, accounts_dir: Path) -> Iterator[Callable[..., Gui]]:
    """Open the window signed in as one of the accounts of `accounts_dir`."""
    from dvdesk.services import accounts
    from dvdesk.services.setup import open_data_dir

    opened: list[Gui] = []

    def make(name: str, lang: str = "vi") -> Gui:
        database = accounts.sign_in(accounts_dir, name, ACCOUNT_PASSWORDS[name], open_data_dir)
        gui = Gui(database, lang, today=lambda: TODAY)
        qtbot.addWidget(gui.window)
        wait_loaded(qtbot, gui.window)
        opened.append(gui)
        return gui

    yield make
    for gui in opened:
        gui.window.close()
        gui.shutdown()
        gui.db.close()
