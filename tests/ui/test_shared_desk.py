"""An office desk working on the shared server: the window says where the data is, sign-in
offers no recovery key (the server has none), and the administrators' list offers none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui_data import TODAY, wait_loaded

from dvdesk.domain.accounts import Role
from dvdesk.services import accounts
from dvdesk.services.setup import SERVER_FILE, init_unit, open_data_dir
from dvdesk.ui.accounts_dialogs import AccountsDialog, SignInDialog
from dvdesk.ui.app import Gui
from dvdesk.ui.backend import Backend
from pg_cluster import find_bin

pytestmark = [
    pytest.mark.skipif(find_bin() is None, reason="PostgreSQL is not installed"),
    pytest.mark.own_server,
]


def test_a_desk_on_the_server_says_so_and_offers_no_recovery_key(
    qtbot: QtBot, pg_server: Any, tmp_path: Path
) -> None:
    with pg_server.admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS ui_shared WITH (FORCE)")
        conn.exec_driver_sql("CREATE DATABASE ui_shared")
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / SERVER_FILE).write_text(pg_server.url("ui_shared"), encoding="utf-8")
    made = accounts.set_up(desk, "quantri", "Nguyễn Văn Quản", "mật khẩu quản trị", open_data_dir)
    init_unit(made.db, "BTC", "Ban Tổ chức Đảng ủy Khối", "office")
    accounts.add_account(made.db, "xem", "", Role.VIEWER, "mật khẩu người xem")
    made.db.close()

    sign_in = SignInDialog(desk, "vi")
    qtbot.addWidget(sign_in)
    assert sign_in.forgot_button.isHidden()
    assert "127.0.0.1" in sign_in.findChild(QLabel, "intro").text()
    sign_in.name.setText("quantri")
    sign_in.password.setText("mật khẩu quản trị")
    sign_in.submit()
    db = sign_in.db
    assert db is not None and db.on_server
    gui = Gui(db, "vi", today=lambda: TODAY)
    try:
        qtbot.addWidget(gui.window)
        gui.window.show()
        wait_loaded(qtbot, gui.window)
        assert gui.window.data_location.isVisible()
        assert "127.0.0.1" in gui.window.data_location.text()
        assert not gui.window.storage_warning.isVisible()
        gui.window.grab().save(str(tmp_path.parent / "shared_desk.png"))
        listed = AccountsDialog(Backend(db, "vi", lambda: TODAY), gui.window)
        qtbot.addWidget(listed)
        assert listed.recovery_button.isHidden()
    finally:
        gui.window.close()
        gui.shutdown()
        db.close()
