"""Backups from the window: back up now, check the database, and restore (the window and the
database are closed, the backup put in place, and both opened again)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from ui_data import TODAY, wait_loaded

from dvdesk.db.engine import Database
from dvdesk.services import backups, exchange
from dvdesk.ui.app import Gui

PASS = "mật khẩu sao lưu"


def _people(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT count(*) FROM people").fetchone()[0])
    finally:
        con.close()


def test_back_up_check_and_restore_from_the_file_menu(qtbot: QtBot, db: Database) -> None:
    exchange.init_keys(db, PASS)
    gui = Gui(db, "en", today=lambda: TODAY)
    qtbot.addWidget(gui.window)
    wait_loaded(qtbot, gui.window)
    said: list[tuple[str, str]] = []
    actions = gui.window.backup
    actions.inform = lambda title, text: said.append((title, text))
    gui.window.backup_now_action.trigger()
    [made] = backups.list_backups(backups.folder_of(db.path))
    assert str(made.path) in said[-1][1]
    gui.window.check_action.trigger()
    assert "sound" in said[-1][1]

    people = _people(db.path)
    with db.unit_of_work() as session:
        session.execute(text("DELETE FROM open_deadlines"))
        session.execute(text("DELETE FROM people WHERE rowid % 2 = 0"))
    assert _people(db.path) < people

    old = gui.window
    asked: list[str] = []
    actions.ask_file = lambda: str(made.path)
    actions.ask_passphrase = lambda: PASS
    actions.confirm = lambda text: asked.append(text) or True
    gui.tell = lambda title, text: said.append((title, text))
    actions.restore()
    assert f"holds {people} people" in asked[0]
    assert gui.window is not old  # rebuilt on the restored database
    qtbot.addWidget(gui.window)
    wait_loaded(qtbot, gui.window)
    assert _people(gui.db.path) == people
    assert "sound" in said[-1][1]  # the restored database was checked
    assert gui.window.candidates_tab.model.rowCount() == people
    gui.window.close()
    gui.shutdown()
    gui.db.close()


def test_a_wrong_passphrase_restores_nothing(qtbot: QtBot, db: Database) -> None:
    exchange.init_keys(db, PASS)
    made = backups.make_backup(db)
    assert made is not None
    gui = Gui(db, "en", today=lambda: TODAY)
    qtbot.addWidget(gui.window)
    said: list[str] = []
    actions = gui.window.backup
    actions.inform = lambda title, text: said.append(text)
    actions.ask_file = lambda: str(made.path)
    actions.ask_passphrase = lambda: "sai"
    actions.confirm = lambda text: True
    old = gui.window
    actions.restore()
    assert gui.window is old and said and "passphrase" in said[0].lower()
    gui.window.close()
    gui.shutdown()


def test_a_database_on_a_network_share_is_warned_about_in_the_status_bar(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dvdesk.db import location

    mountinfo = f"36 1 0:40 / {db.path.parent.parent} rw - cifs //may-chu/du-lieu rw\n"
    real = location.storage_warning
    monkeypatch.setattr(
        location, "storage_warning", lambda path: real(path, system="linux", mountinfo=mountinfo)
    )
    gui = Gui(db, "vi", today=lambda: TODAY)
    qtbot.addWidget(gui.window)
    label = gui.window.storage_warning
    assert not label.isHidden() and "mạng" in label.text()
    gui.window.close()
    gui.shutdown()


def test_damaged_data_at_start_is_recovered_from_the_newest_backup(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from dvdesk.ui import app

    exchange.init_keys(db, PASS)
    assert backups.make_backup(db) is not None
    people = _people(db.path)
    db.close()
    raw = bytearray(db.path.read_bytes())
    raw[4096:8192] = b"\x00" * 4096
    db.path.write_bytes(bytes(raw))
    data_dir = db.path.parent
    problems = backups.damage(data_dir)
    assert problems

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    answers = iter([("sai rồi", True), (PASS, True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    assert app.run_recovery(data_dir, problems, "en")
    assert "passphrase" in told[0].lower()  # a wrong one is said, and asked again
    assert "restored" in told[-1] and "sound" in told[-1]
    assert backups.damage(data_dir) == [] and _people(db.path) == people


def test_at_start_the_window_erases_what_the_office_period_has_run_out_on(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from datetime import date

    from dvdesk.db.models import Person
    from dvdesk.domain.pipeline import EventKind
    from dvdesk.services import purge
    from dvdesk.services.derive import load_calendar
    from dvdesk.services.people import EventInput, add_event
    from exchange_world import make_world

    world = make_world(tmp_path)
    try:
        purge.set_period(world.office, 12)
        world.office_to_cell()
        left_on = date(2025, 10, 1)
        with world.cell.unit_of_work() as s:
            person = next(
                p
                for p in s.query(Person).filter(Person.stage == "sympathiser")
                if max(e.on_date for e in p.events) < left_on
            )
            add_event(s, person, EventInput(EventKind.REMOVED, left_on), "t", load_calendar(s))
            assert person.stage == "removed"
        gui = Gui(world.cell, "en", today=lambda: date(2026, 11, 27))
        qtbot.addWidget(gui.window)
        assert gui.purge_due() == 1
        assert "erased" in gui.window.statusBar().currentMessage()
        assert gui.purge_due() == 0
        gui.window.close()
        gui.shutdown()
    finally:
        world.close()
