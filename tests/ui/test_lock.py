"""The screen lock: after the idle time (or Ctrl+L) nothing of the data shows and nothing can be
done until the signed-in account's password is typed again; a wrong one is refused."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShortcutEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout
from pytestqt.qtbot import QtBot
from ui_data import ACCOUNT_PASSWORDS

from dvdesk.ui.app import Gui
from dvdesk.ui.lock import IdleLock


def _lock_of(gui: Gui) -> IdleLock:
    lock = gui.window.idle_lock
    assert lock is not None
    return lock


def test_the_window_locks_when_left_idle_and_opens_only_with_the_password(
    qtbot: QtBot, signed_in_gui: Callable[..., Gui]
) -> None:
    gui = signed_in_gui("thuky", "en")
    window = gui.window
    window.show()
    qtbot.waitExposed(window)
    lock = _lock_of(gui)
    assert not lock.locked and lock.timer.isActive()  # ten minutes by default
    lock.set_interval(50)
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    assert window.centralWidget().isHidden()
    assert not window.menuBar().isEnabled()
    form = lock.form
    assert form is not None and form.isVisible()
    assert "Lê Thị Thư (thuky, Editor)" in form.who.text()
    cover = form.parentWidget()
    assert cover is not None and cover.geometry() == window.rect()
    window.resize(window.width() - 40, window.height() - 30)
    assert cover.geometry() == window.rect()  # follows the window

    QTest.keyClicks(form.password, "doan bua")
    QTest.keyClick(form.password, Qt.Key.Key_Return)
    assert lock.locked and "Wrong password" in form.error.message()
    assert form.password.text() == ""

    form.password.setText(ACCOUNT_PASSWORDS["thuky"])
    form.unlock_button.click()
    assert not lock.locked
    assert not window.centralWidget().isHidden() and window.menuBar().isEnabled()
    assert lock.timer.isActive()  # counting again
    assert lock.form is None


def test_ctrl_l_locks_and_the_menus_shortcuts_do_nothing_while_locked(
    qtbot: QtBot, signed_in_gui: Callable[..., Gui]
) -> None:
    gui = signed_in_gui("quantri", "en")
    window = gui.window
    window.show()
    qtbot.waitExposed(window)
    lock = _lock_of(gui)
    window.lock_action.trigger()
    assert lock.locked
    added: list[bool] = []
    window.candidates_tab.add_person = lambda: added.append(True)  # type: ignore[method-assign]

    def press_ctrl_n() -> None:
        # What Qt's shortcut map sends the action when Ctrl+N is pressed in the window.
        event = QShortcutEvent(window.new_person_action.shortcut(), 0)
        QCoreApplication.sendEvent(window.new_person_action, event)

    press_ctrl_n()
    assert added == [] and lock.locked
    assert lock.unlock(ACCOUNT_PASSWORDS["quantri"])
    press_ctrl_n()
    assert added == [True]  # the same keys work again once unlocked


def test_a_dialog_open_when_the_lock_engages_is_covered_and_kept(
    qtbot: QtBot, signed_in_gui: Callable[..., Gui]
) -> None:
    gui = signed_in_gui("xem", "en")
    window = gui.window
    window.show()
    qtbot.waitExposed(window)
    dialog = QDialog(window)
    edit = QLineEdit(dialog)
    edit.setText("typed, not saved yet")
    QVBoxLayout(dialog).addWidget(edit)
    dialog.open()  # window-modal: input goes to it, so the form must go there too
    qtbot.waitExposed(dialog)
    lock = _lock_of(gui)
    lock.lock()
    form = lock.form
    assert form is not None and form.window() is dialog
    assert not edit.isEnabled() and dialog.isVisible()
    assert lock.unlock(ACCOUNT_PASSWORDS["xem"])
    assert edit.isEnabled() and edit.text() == "typed, not saved yet" and dialog.isVisible()
    dialog.reject()
    dialog.deleteLater()
