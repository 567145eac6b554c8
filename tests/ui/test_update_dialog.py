"""Installing an update from the window: the installer is checked against the office's
signature, what was verified is shown, and only the verified copy is started."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from dvdesk.services import exchange, updates
from dvdesk.ui.app import Gui
from dvdesk.ui.backend import Backend
from dvdesk.ui.exchange_dialogs import fingerprint_lines
from dvdesk.ui.permissions import offered
from dvdesk.ui.update_dialog import UpdateDialog
from exchange_world import OFFICE_PASS, World, make_world

TODAY = date(2026, 11, 27)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    """A chi bộ that confirmed its office's key; verified copies go to this test's folder."""
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    made = make_world(tmp_path)
    yield made
    made.close()


def signed_installer(world: World, version: str = "0.2.0") -> Path:
    installer = world.folder / f"dvdesk-{version}-setup.exe"
    installer.write_bytes(b"MZ" + bytes(range(256)) * 9000)
    updates.sign_installer(world.office, installer, version, OFFICE_PASS)
    return installer


class Recorded(UpdateDialog):
    """The dialog with its one step that runs a program recorded instead."""

    started: list[Path]
    starts = True

    def launch(self, path: Path) -> bool:
        self.started = [*getattr(self, "started", []), path]
        return self.starts


def open_dialog(qtbot: QtBot, world: World, lang: str = "vi") -> Recorded:
    dialog = Recorded(Backend(world.cell, lang, lambda: TODAY), settings=None)
    qtbot.addWidget(dialog)
    return dialog


def checked(qtbot: QtBot, dialog: UpdateDialog, installer: Path) -> object:
    with qtbot.waitSignal(dialog.check_finished, timeout=20_000) as blocker:
        dialog.check(installer)
    return blocker.args[0] if blocker.args else None


def test_a_signed_installer_is_shown_then_its_verified_copy_is_started(
    qtbot: QtBot, world: World
) -> None:
    installer = signed_installer(world)
    dialog = open_dialog(qtbot, world)
    assert not dialog.install_button.isEnabled() and dialog.details.isHidden()
    result = checked(qtbot, dialog, installer)
    assert isinstance(result, updates.VerifiedUpdate)
    office = exchange.own_key(world.office)
    assert office is not None
    assert dialog.error.message() == ""
    assert dialog.version_value.text().startswith("0.2.0 (")
    assert "0.1.0" in dialog.version_value.text()
    assert dialog.signer_value.text() == "Ban Tổ chức Đảng ủy Khối (DUK)"
    assert dialog.fingerprint.text() == fingerprint_lines(office.fingerprint)
    assert dialog.key_value.text() == office.sign_key_id
    assert "MB" in dialog.size_value.text()
    assert str(result.copy) in dialog.ok_label.text()
    assert dialog.install_button.isEnabled()
    dialog.show()
    dialog.grab().save("/tmp/update_dialog.png")

    # The stick's file is swapped after the check: what starts is still the checked copy.
    genuine = installer.read_bytes()
    installer.write_bytes(b"MZ evil")
    assert dialog.install()
    assert dialog.started == [result.copy] and result.copy != installer
    assert result.copy.read_bytes() == genuine
    assert dialog.launched == result.copy
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_changed_installer_is_refused_naming_the_file_and_never_started(
    qtbot: QtBot, world: World
) -> None:
    installer = signed_installer(world)
    content = bytearray(installer.read_bytes())
    content[100] ^= 0x01
    installer.write_bytes(bytes(content))
    dialog = open_dialog(qtbot, world)
    assert isinstance(checked(qtbot, dialog, installer), Exception)
    message = dialog.error.message()
    # The service's words, in Vietnamese, under a heading naming the file.
    assert message.startswith(installer.name) and "SHA-256" in message
    assert "đã bị thay đổi sau khi ký" in message
    assert dialog.details.isHidden() and not dialog.install_button.isEnabled()
    assert not dialog.install() and not getattr(dialog, "started", [])
    dialog.show()
    dialog.grab().save("/tmp/update_dialog_refused.png")


def test_the_refusal_is_in_the_windows_language(qtbot: QtBot, world: World) -> None:
    installer = signed_installer(world, "0.1.0")  # the version already running
    dialog = open_dialog(qtbot, world, "en")
    checked(qtbot, dialog, installer)
    message = dialog.error.message()
    assert message.startswith(f"{installer.name} is not installed.")
    assert "the version already running" in message


def test_an_installer_that_will_not_start_is_said_and_dvdesk_stays(
    qtbot: QtBot, world: World
) -> None:
    dialog = open_dialog(qtbot, world, "en")
    dialog.starts = False
    checked(qtbot, dialog, signed_installer(world))
    assert not dialog.install()
    assert "could not be started" in dialog.error.message() and dialog.launched is None


def test_the_help_menu_installs_and_closes_the_program(qtbot: QtBot, world: World) -> None:
    installer = signed_installer(world)
    gui = Gui(world.cell, "en", today=lambda: TODAY)
    qtbot.addWidget(gui.window)
    window = gui.window
    window.show()
    started: list[Path] = []

    def drive(dialog: QDialog) -> int:
        assert isinstance(dialog, UpdateDialog)
        dialog.launch = lambda path: started.append(path) or True  # type: ignore[method-assign]
        checked(qtbot, dialog, installer)
        dialog.install()
        return dialog.result()

    window.run_dialog = drive  # type: ignore[method-assign]
    help_menu = window.menuBar().actions()[-1].menu()
    assert window.update_action in help_menu.actions()
    assert offered(window.update_action)
    window.update_action.trigger()
    assert len(started) == 1 and started[0].name == installer.name
    assert started[0].parent != installer.parent
    assert not window.isVisible()  # closed, so the installer can replace the program
    gui.shutdown()


def test_only_an_administrator_is_offered_to_install(
    qtbot: QtBot, signed_in_gui: Callable[..., Gui]
) -> None:
    for name, allowed in (("xem", False), ("thuky", False), ("quantri", True)):
        window = signed_in_gui(name).window
        assert offered(window.update_action) is allowed, name
        assert window.update_action.isEnabled() is allowed
        dialog = UpdateDialog(window._backend, window, settings=None)
        assert offered(dialog.choose_button) is allowed
        assert offered(dialog.install_button) is allowed
        dialog.deleteLater()
        window.close()
