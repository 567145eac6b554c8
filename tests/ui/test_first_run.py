"""The first-run wizard: every page in Vietnamese order, a wrong field named on its page with
nothing written, then the accounts, the unit, the keys made at once, the recovery key and the
fingerprint page to print, and the spreadsheet offered to the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from ui_data import TODAY

from dvdesk.db.engine import DB_FILE_NAME, Database, forget_key
from dvdesk.services import accounts, exchange
from dvdesk.services.setup import SERVER_FILE, install_info, open_data_dir
from dvdesk.ui.app import open_at_start
from dvdesk.ui.first_run import FingerprintPage, FirstRunWizard, ImportPage, RecoveryPage
from dvdesk.ui.settings import KEY_LAST_ACCOUNT
from pdf_text import pdf_text
from pg_cluster import find_bin

PASSWORD = "mật khẩu quản trị"
PASSPHRASE = "cụm mật khẩu của chi bộ"


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    data = tmp_path / "data"
    yield data
    forget_key(data / DB_FILE_NAME)


def _wizard(qtbot: QtBot, folder: Path, db: Database | None = None) -> FirstRunWizard:
    wizard = FirstRunWizard(folder, "vi", db, today=lambda: TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _fill_unit(wizard: FirstRunWizard) -> None:
    page = wizard.unit_page
    page.unit_code.setText("CB07")
    page.unit_name.setText("Chi bộ Sở Tư pháp")
    page.parent_name.setText("Đảng ủy Khối các cơ quan tỉnh")
    page.place.setText("Hà Tĩnh")
    page.term_start.setText("16/06/2025")


def _fill_account(wizard: FirstRunWizard) -> None:
    page = wizard.account_page
    page.name.setText("quantri")
    page.full_name.setText("Nguyễn Văn Quản")
    page.password.setText(PASSWORD)
    page.repeat.setText(PASSWORD)


def _set_up_office_from_the_unit_page(wizard: FirstRunWizard) -> None:
    """The office's unit, the administrator and the keys, through to the commit."""
    _fill_unit(wizard)
    wizard.unit_page.unit_code.setText("BTC")
    wizard.unit_page.unit_name.setText("Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh")
    wizard.next()
    _fill_account(wizard)
    wizard.next()
    wizard.keys_page.passphrase.setText(PASSPHRASE)
    wizard.keys_page.passphrase_again.setText(PASSPHRASE)
    wizard.next()


def test_a_cell_is_set_up_from_nothing(qtbot: QtBot, folder: Path, tmp_path: Path) -> None:
    wizard = _wizard(qtbot, folder)
    assert wizard.currentId() == wizard.ROLE and wizard.role() == "cell"
    wizard.next()
    assert wizard.currentId() == wizard.UNIT
    _fill_unit(wizard)
    # The board is offered from the committee's name.
    assert wizard.unit_page.board_name.text() == "Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh"
    wizard.unit_page.term_end.setText("01/01/2025")
    wizard.next()
    assert wizard.currentId() == wizard.UNIT
    assert "phải sau ngày bắt đầu" in wizard.unit_page.errors["term_end"].message()
    wizard.unit_page.term_end.setText("")
    wizard.next()
    assert wizard.currentId() == wizard.ACCOUNT
    _fill_account(wizard)
    wizard.account_page.name.setText("Quản Trị")
    wizard.next()
    assert wizard.currentId() == wizard.ACCOUNT
    assert "Tên tài khoản" in wizard.account_page.errors["name"].message()
    wizard.account_page.name.setText("quantri")
    wizard.next()
    assert wizard.currentId() == wizard.KEYS
    keys = wizard.keys_page
    keys.passphrase.setText("ngắn")
    keys.passphrase_again.setText("ngắn")
    wizard.next()
    assert wizard.currentId() == wizard.KEYS and keys.errors["passphrase"].message()
    # Refused on every page so far: nothing was written, not even an empty database.
    assert not folder.exists() or not any(folder.iterdir())
    keys.passphrase.setText(PASSPHRASE)
    keys.passphrase_again.setText(PASSPHRASE)
    wizard.next()

    # Made at once: encrypted, signed in, the unit with its term, the keys.
    assert wizard.committed and wizard.currentId() == wizard.RECOVERY
    db = wizard.db
    assert db is not None and accounts.protected(folder)
    assert db.account is not None and db.account.name == "quantri"
    info = install_info(db)
    assert info is not None and (info.unit_code, info.role) == ("CB07", "cell")
    assert info.board_name == "Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh"
    key = exchange.own_key(db)
    assert key is not None

    # The recovery key holds the wizard until it is put away; closing does not leave it.
    recovery = wizard.currentPage()
    assert isinstance(recovery, RecoveryPage) and recovery.panel is not None
    assert not recovery.isComplete()
    wizard.reject()
    assert wizard.isVisible()
    assert wizard.made is not None
    saved = recovery.panel.save_as(tmp_path / "khoa.pdf")
    assert saved is not None
    assert all(
        group in pdf_text(saved.read_bytes()) for group in wizard.made.recovery_key.split("-")
    )
    recovery.panel.kept.setChecked(True)
    assert recovery.isComplete()
    wizard.next()

    fingerprint = wizard.currentPage()
    assert isinstance(fingerprint, FingerprintPage)
    assert key.fingerprint.split()[0] in fingerprint.fingerprint.text()
    assert "Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh" in fingerprint.intro.text()
    page = fingerprint.pdf()
    assert page is not None
    printed = pdf_text(page)
    assert "Chi bộ Sở Tư pháp" in printed and "Kính gửi" in printed
    assert all(group in printed for group in key.fingerprint.split())
    public = fingerprint.save_public_key(tmp_path / "CB07.dvkey")
    assert public is not None and public.stat().st_size > 0
    wizard.next()

    offer = wizard.currentPage()
    assert isinstance(offer, ImportPage)
    template = offer.save_template(tmp_path / "mau.xlsx")
    assert template is not None and template.stat().st_size > 0
    offer.choose(template)
    assert wizard.import_path == template
    wizard.accept()
    db.close()


def test_cancelling_before_the_keys_page_writes_nothing(qtbot: QtBot, folder: Path) -> None:
    wizard = _wizard(qtbot, folder)
    wizard.next()
    _fill_unit(wizard)
    wizard.next()
    _fill_account(wizard)
    wizard.next()
    wizard.reject()
    assert not wizard.isVisible() and wizard.db is None
    assert not accounts.protected(folder)
    assert not folder.exists() or not any(folder.iterdir())


def test_the_office_names_its_committee_and_no_board_above(qtbot: QtBot, folder: Path) -> None:
    wizard = _wizard(qtbot, folder)
    wizard.role_page.office.setChecked(True)
    wizard.next()
    assert wizard.unit_page.board_name.isHidden()
    _set_up_office_from_the_unit_page(wizard)
    db = wizard.db
    assert db is not None
    info = install_info(db)
    assert info is not None and info.role == "office" and info.parent_name == ""
    db.close()


def test_a_start_that_stopped_after_the_accounts_asks_only_for_the_rest(
    qtbot: QtBot, folder: Path
) -> None:
    made = accounts.set_up(folder, "quantri", "", PASSWORD, open_data_dir)
    wizard = _wizard(qtbot, folder, made.db)
    assert not wizard.need_account and wizard.need_unit and wizard.need_keys
    assert wizard.pageIds() == [
        wizard.ROLE,
        wizard.UNIT,
        wizard.KEYS,
        wizard.FINGERPRINT,
        wizard.IMPORT,
    ]
    wizard.next()
    _fill_unit(wizard)
    wizard.next()
    wizard.keys_page.passphrase.setText(PASSPHRASE)
    wizard.keys_page.passphrase_again.setText(PASSPHRASE)
    wizard.next()
    assert wizard.currentId() == wizard.FINGERPRINT and wizard.made is None
    assert install_info(made.db) is not None and exchange.own_key(made.db) is not None
    made.db.close()


def test_the_program_starts_with_the_wizard_and_opens_on_what_it_made(
    qtbot: QtBot, folder: Path, tmp_path: Path, user_settings: QSettings
) -> None:
    """open_at_start on an empty folder runs the wizard (modal, as at a real first run)."""
    spreadsheet = tmp_path / "nguoi.xlsx"

    def drive() -> None:
        wizard = QApplication.activeModalWidget()
        if not isinstance(wizard, FirstRunWizard):
            QTimer.singleShot(20, drive)
            return
        wizard.next()
        _fill_unit(wizard)
        wizard.next()
        _fill_account(wizard)
        wizard.next()
        wizard.keys_page.passphrase.setText(PASSPHRASE)
        wizard.keys_page.passphrase_again.setText(PASSPHRASE)
        wizard.next()
        recovery = wizard.currentPage()
        assert isinstance(recovery, RecoveryPage) and recovery.panel is not None
        recovery.panel.kept.setChecked(True)
        wizard.next()
        wizard.next()
        offer = wizard.currentPage()
        assert isinstance(offer, ImportPage)
        offer.choose(spreadsheet)
        wizard.accept()

    QTimer.singleShot(0, drive)
    started = open_at_start(folder, "vi", user_settings)
    assert started is not None and started.import_path == spreadsheet
    assert started.db.account is not None and started.db.account.name == "quantri"
    assert user_settings.value(KEY_LAST_ACCOUNT) == "quantri"
    info = install_info(started.db)
    assert info is not None and info.unit_code == "CB07"
    started.db.close()


@pytest.mark.own_server
@pytest.mark.skipif(find_bin() is None, reason="PostgreSQL is not installed")
def test_an_office_desk_on_the_shared_server_is_set_up_without_a_recovery_key(
    qtbot: QtBot, tmp_path: Path, pg_server: Any
) -> None:
    with pg_server.admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS wizard_shared WITH (FORCE)")
        conn.exec_driver_sql("CREATE DATABASE wizard_shared")
    desk = tmp_path / "desk1"
    desk.mkdir()
    (desk / SERVER_FILE).write_text(pg_server.url("wizard_shared"), encoding="utf-8")
    wizard = _wizard(qtbot, desk)
    assert wizard.RECOVERY not in wizard.pageIds()
    wizard.role_page.office.setChecked(True)
    wizard.next()
    _set_up_office_from_the_unit_page(wizard)
    assert wizard.currentId() == wizard.FINGERPRINT
    db = wizard.db
    assert db is not None and db.on_server and not (desk / DB_FILE_NAME).exists()
    db.close()
    # Another desk of the office now signs in to what the first set up.
    other = tmp_path / "desk2"
    other.mkdir()
    (other / SERVER_FILE).write_text(pg_server.url("wizard_shared"), encoding="utf-8")
    assert accounts.protected(other)
    signed = accounts.sign_in(other, "quantri", PASSWORD, open_data_dir)
    info = install_info(signed)
    assert info is not None and info.unit_code == "BTC"
    signed.close()


@pytest.mark.own_server
@pytest.mark.skipif(find_bin() is None, reason="PostgreSQL is not installed")
def test_the_wizard_puts_an_office_on_a_shared_server_and_a_second_desk_joins_it(
    qtbot: QtBot, tmp_path: Path, pg_server: Any
) -> None:
    with pg_server.admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS wizard_join WITH (FORCE)")
        conn.exec_driver_sql("CREATE DATABASE wizard_join")
    url = pg_server.url("wizard_join")
    first = tmp_path / "desk1"
    wizard = _wizard(qtbot, first)
    wizard.role_page.office.setChecked(True)
    assert wizard.role_page.server_box.isVisible()
    wizard.role_page.server.setText(
        "postgresql+psycopg://dvdesk@127.0.0.1:1/none?connect_timeout=2"
    )
    wizard.next()
    assert wizard.currentId() == wizard.ROLE
    assert "127.0.0.1:1" in wizard.role_page.server_error.message()
    wizard.role_page.server.setText(url)
    wizard.next()
    assert wizard.currentId() == wizard.UNIT and not (first / SERVER_FILE).exists()
    _set_up_office_from_the_unit_page(wizard)
    assert wizard.currentId() == wizard.FINGERPRINT  # no recovery key on the server
    assert wizard.db is not None and wizard.db.on_server
    assert (first / SERVER_FILE).read_text(encoding="utf-8").strip() == url
    wizard.db.close()

    second = tmp_path / "desk2"
    joining = _wizard(qtbot, second)
    told: list[str] = []
    joining.tell = told.append  # type: ignore[method-assign]
    joining.role_page.office.setChecked(True)
    joining.role_page.server.setText(url)
    joining.next()
    assert joining.join_server == url and joining.result() == QDialog.DialogCode.Accepted
    assert "Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh" in told[0]
    assert joining.db is None and not second.exists()  # nothing written: the start signs in
