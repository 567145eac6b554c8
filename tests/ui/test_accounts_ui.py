"""Accounts in the window: each role is offered only what it may do, signing in (and the
recovery key), the first administrator at first run, the recovery key shown once, the
administrators' list and changing one's own password."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot
from ui_data import ACCOUNT_PASSWORDS, build_small_db

from dvdesk.db.engine import DB_FILE_NAME, forget_key
from dvdesk.domain.accounts import Role
from dvdesk.services import accounts
from dvdesk.services.setup import open_data_dir
from dvdesk.ui.accounts_dialogs import (
    AccountsDialog,
    AddAccountDialog,
    ChangePasswordDialog,
    RecoverDialog,
    RecoveryKeyDialog,
    SignInDialog,
)
from dvdesk.ui.app import DEMO_ACCOUNT, DEMO_PASSWORD, Gui, open_at_start
from dvdesk.ui.audit_dialog import AuditDialog
from dvdesk.ui.exchange_dialogs import ConflictsDialog
from dvdesk.ui.main_window import MainWindow
from dvdesk.ui.permissions import offered
from dvdesk.ui.register_dialog import RegisterDialog
from pdf_text import pdf_text


def _changes(window: MainWindow) -> list[QAction | QWidget]:
    """What changes the data, from the menus and every tab."""
    roster = window.classes_tab.roster
    return [
        window.new_person_action,
        window.import_action,
        window.template_action,
        window.print_settings_action,
        window.receive_action,
        window.candidates_tab.pipeline.undo_action,
        window.edit_menu.menuAction(),
        window.mentors_tab.add_button,
        window.mentors_tab.edit_button,
        window.mentors_tab.assign_button,
        window.mentors_tab.note_button,
        window.classes_tab.plan_button,
        window.classes_tab.edit_button,
        roster.nominate_button,
        roster.enrol_button,
        roster.results_button,
        roster.certificates_button,
        roster.withdraw_button,
        window.reports_tab.edit_plan_button,
    ]


def _outward(window: MainWindow) -> list[QAction | QWidget]:
    """What prints or writes personal data to a file."""
    reports = window.reports_tab
    return [
        window.register_print_action,
        window.send_action,
        window.classes_tab.print_button,
        reports.print_plan_button,
        reports.print_report_button,
        reports.export_report_button,
        reports.print_check_button,
        reports.export_check_button,
    ]


def _row_menu(window: MainWindow) -> list[QAction]:
    tab = window.candidates_tab
    tab.view.selectRow(0)
    row = tab.current_row()
    assert row is not None
    menu = tab.action_menu(row)
    return [a for a in menu.actions() if not a.isSeparator() and offered(a)]


def test_a_viewer_is_offered_nothing_that_changes_prints_or_exports(
    signed_in_gui: Callable[..., Gui],
) -> None:
    window = signed_in_gui("xem").window
    for thing in _changes(window) + _outward(window):
        assert not offered(thing), thing.objectName() or thing.text()
    for action in (window.new_person_action, window.receive_action, window.send_action):
        assert not action.isEnabled()  # and so their shortcuts do nothing
    assert not offered(window.restore_action) and not offered(window.accounts_action)
    assert not offered(window.keys_action)
    assert _row_menu(window) == []  # no step, no form, no consent
    # Looking stays: search, refresh, the audit log, the check, the keys and conflicts lists.
    for action in (
        window.find_action,
        window.refresh_action,
        window.audit_action,
        window.check_action,
        window.conflicts_action,
        window.lock_action,
        window.change_password_action,
    ):
        assert offered(action), action.text()
    assert "Trần Văn Xem" in window.windowTitle() and "Chỉ xem" in window.windowTitle()
    assert window.account_status.text() == "Trần Văn Xem (xem, Chỉ xem)"


def test_a_viewer_opens_every_view_it_is_offered_without_a_refusal(
    qtbot: QtBot, signed_in_gui: Callable[..., Gui]
) -> None:
    window = signed_in_gui("xem", "en").window
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: not window.reports_tab.loading, timeout=10_000)
    window.candidates_tab.view.selectRow(0)
    qtbot.waitUntil(lambda: window.candidates_tab.person_view.detail is not None, timeout=10_000)
    ConflictsDialog(window._backend, window._bus, window).deleteLater()
    AuditDialog(window._backend, window).deleteLater()
    register = RegisterDialog(window._backend, window.candidates_tab.printing, window)
    assert not offered(register.reprint_button) and not offered(register.void_button)
    register.deleteLater()


def test_an_editor_does_the_daily_work_but_not_accounts_or_restore(
    signed_in_gui: Callable[..., Gui],
) -> None:
    window = signed_in_gui("thuky", "en").window
    for thing in _changes(window) + _outward(window):
        assert offered(thing), thing.objectName() or thing.text()
    assert not offered(window.restore_action)
    assert not offered(window.accounts_action)
    assert offered(window.lock_action) and offered(window.change_password_action)
    labels = [a.text().replace("&", "") for a in _row_menu(window)]
    assert "Print form" in labels and len(labels) > 2
    assert "Editor" in window.windowTitle()


def test_an_administrator_is_offered_everything(signed_in_gui: Callable[..., Gui]) -> None:
    window = signed_in_gui("quantri").window
    for thing in _changes(window) + _outward(window):
        assert offered(thing)
    assert offered(window.restore_action) and offered(window.accounts_action)
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Tệp", "Trao đổi", "Sửa", "Xem", "Tài khoản", "Trợ giúp"]


def test_without_accounts_nothing_is_taken_away_and_there_is_no_account_menu(
    make_gui: Callable[..., Gui],
) -> None:
    window = make_gui().window
    for thing in _changes(window) + _outward(window):
        assert offered(thing)
    assert window.idle_lock is None and window.accounts_action is None
    assert "—" not in window.windowTitle()


# --- signing in --------------------------------------------------------------------------------


def test_signing_in_refuses_a_wrong_password_and_opens_with_the_right_one(
    qtbot: QtBot, accounts_dir: Path
) -> None:
    dialog = SignInDialog(accounts_dir, "vi", name="thuky")
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "thuky"
    dialog.password.setText("sai mật khẩu rồi")
    dialog.submit()
    assert dialog.db is None and dialog.result() != QDialog.DialogCode.Accepted
    assert "mật khẩu" in dialog.errors["password"].message()
    assert dialog.password.text() == ""
    dialog.password.setText(ACCOUNT_PASSWORDS["thuky"])
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.db is not None
    try:
        assert dialog.db.account.name == "thuky" and dialog.db.account.role is Role.EDITOR
    finally:
        dialog.db.close()


def test_every_password_lost_the_recovery_key_opens_the_data(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    build_small_db(folder).close()
    made = accounts.set_up(folder, "quantri", "", "mật khẩu đã quên", open_data_dir)
    made.db.close()
    forget_key(folder / DB_FILE_NAME)
    try:
        dialog = SignInDialog(folder, "en")
        qtbot.addWidget(dialog)
        seen: list[RecoverDialog] = []

        def fill(sub: QDialog) -> int:
            assert isinstance(sub, RecoverDialog)
            seen.append(sub)
            sub.recovery_key.setText("AAAA-" * 7 + "AAAA")
            sub.name.setText("quantri")
            sub.password.setText("mới tinh 2026")
            sub.repeat.setText("mới tinh 2026")
            sub.submit()
            assert "recovery key" in sub.errors["recovery_key"].message()
            sub.recovery_key.setText(made.recovery_key.lower().replace("-", " "))
            sub.submit()
            return sub.result()

        dialog.run_dialog = fill  # type: ignore[method-assign]
        dialog.forgot_button.click()
        assert seen and dialog.result() == QDialog.DialogCode.Accepted
        assert dialog.db is not None and dialog.db.account.role is Role.ADMIN
        dialog.db.close()
        forget_key(folder / DB_FILE_NAME)
        accounts.sign_in(folder, "quantri", "mới tinh 2026", open_data_dir).close()
    finally:
        forget_key(folder / DB_FILE_NAME)


# --- the first run -----------------------------------------------------------------------------


def test_the_demo_makes_its_accounts_and_signs_in_without_asking(
    tmp_path: Path, user_settings: QSettings
) -> None:
    folder = tmp_path / "demo"
    build_small_db(folder).close()
    try:
        started = open_at_start(folder, "vi", user_settings, demo=True)
        assert started is not None and started.import_path is None
        db = started.db
        assert db.account is not None and db.account.name == DEMO_ACCOUNT
        assert db.account.role is Role.ADMIN and accounts.protected(folder)
        db.close()
        forget_key(folder / DB_FILE_NAME)
        again = open_at_start(folder, "vi", user_settings, demo=True)  # the same folder again
        assert again is not None and again.db.account is not None
        assert again.db.account.name == DEMO_ACCOUNT
        again.db.close()
    finally:
        forget_key(folder / DB_FILE_NAME)
    accounts.sign_in(folder, DEMO_ACCOUNT, DEMO_PASSWORD, open_data_dir).close()
    forget_key(folder / DB_FILE_NAME)


def test_the_recovery_key_is_saved_whole_and_must_be_put_away(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    build_small_db(folder).close()
    made = accounts.set_up(folder, "quantri", "Nguyễn Văn Quản", "mật khẩu 2026", open_data_dir)
    try:
        shown = RecoveryKeyDialog(made.recovery_key, None, "vi")
        qtbot.addWidget(shown)
        for group in made.recovery_key.split("-"):
            assert group in shown.key_label.text()
        assert not shown.close_button.isEnabled()
        path = shown.save_as(tmp_path / "khoa.pdf")
        assert path is not None
        text = pdf_text(path.read_bytes())
        assert all(group in text for group in made.recovery_key.split("-"))
        shown.kept.setChecked(True)
        assert shown.close_button.isEnabled()
    finally:
        made.db.close()
        forget_key(folder / DB_FILE_NAME)


def test_the_recovery_key_dialog_stays_open_until_the_key_is_put_away(qtbot: QtBot) -> None:
    shown = RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567")
    qtbot.addWidget(shown)
    shown.show()
    shown.reject()
    assert shown.isVisible()
    shown.kept.setChecked(True)
    qtbot.mouseClick(shown.close_button, Qt.MouseButton.LeftButton)
    assert not shown.isVisible() and shown.result() == QDialog.DialogCode.Accepted


# --- the administrators' list and one's own password -------------------------------------------


def test_an_administrator_adds_an_account_changes_its_role_and_disables_it(
    signed_in_gui: Callable[..., Gui],
) -> None:
    gui = signed_in_gui("quantri", "en")
    backend = gui.window._backend
    dialog = AccountsDialog(backend, gui.window)
    try:
        assert [r.name for r in dialog.rows] == ["quantri", "thuky", "xem"]

        def fill(sub: QDialog) -> int:
            assert isinstance(sub, AddAccountDialog)
            sub.name.setText("moi")
            sub.full_name.setText("Phạm Văn Mới")
            sub.role.setCurrentIndex(sub.role.findData("viewer"))
            sub.password.setText("tài khoản mới 1")
            sub.repeat.setText("tài khoản mới 1")
            sub.submit()
            return sub.result()

        dialog.run_dialog = fill  # type: ignore[method-assign]
        dialog.add_button.click()
        names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        assert "moi" in names and dialog.current() is not None
        assert dialog.current().name == "moi"
        assert dialog.table.item(names.index("moi"), 2).text() == "Viewer"

        dialog.ask_role = lambda row: Role.EDITOR  # type: ignore[method-assign]
        dialog.role_button.click()
        assert {r.name: r.role for r in accounts.accounts(backend.db)}["moi"] is Role.EDITOR

        dialog.confirm = lambda title, text: True  # type: ignore[method-assign]
        dialog.disable_button.click()
        assert not {r.name: r.active for r in accounts.accounts(backend.db)}["moi"]

        dialog.select("quantri")  # the last administrator: refused, said why
        dialog.disable_button.click()
        assert "last administrator" in dialog.error.message()

        dialog.lock_minutes.setValue(3)
        assert accounts.lock_minutes(backend.db) == 3
        assert gui.window.idle_lock is not None
    finally:
        dialog.deleteLater()


def test_the_idle_minutes_reach_the_window(signed_in_gui: Callable[..., Gui]) -> None:
    window = signed_in_gui("quantri").window
    lock = window.idle_lock
    assert lock is not None and lock.minutes == accounts.DEFAULT_LOCK_MINUTES

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, AccountsDialog)
        dialog.lock_minutes.setValue(0)
        return 0

    window.run_dialog = fill  # type: ignore[method-assign]
    window.accounts_action.trigger()
    assert lock.minutes == 0 and not lock.timer.isActive()


def test_changing_ones_own_password(signed_in_gui: Callable[..., Gui], accounts_dir: Path) -> None:
    window = signed_in_gui("xem", "en").window
    results: list[str] = []

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, ChangePasswordDialog)
        dialog.old.setText("not my password")
        dialog.password.setText("mật khẩu mới 9")
        dialog.repeat.setText("mật khẩu mới 9")
        dialog.submit()
        results.append(dialog.errors["old"].message())
        dialog.old.setText(ACCOUNT_PASSWORDS["xem"])
        dialog.password.setText("mật khẩu mới 9")
        dialog.repeat.setText("mật khẩu mới 8")
        dialog.submit()
        results.append(dialog.errors["repeat"].message())
        dialog.repeat.setText("mật khẩu mới 9")
        dialog.submit()
        return dialog.result()

    window.run_dialog = fill  # type: ignore[method-assign]
    window.change_password_action.trigger()
    assert "password" in results[0].lower() and "not the same" in results[1]
    with pytest.raises(accounts.UserError):
        accounts.sign_in(accounts_dir, "xem", ACCOUNT_PASSWORDS["xem"], open_data_dir)
    accounts.sign_in(accounts_dir, "xem", "mật khẩu mới 9", open_data_dir).close()
