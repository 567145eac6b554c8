"""The exchange windows on a chi bộ and its office in two data folders, through real files."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from dvdesk.db.engine import Database
from dvdesk.db.models import Person
from dvdesk.services import exchange
from dvdesk.services.demo import make_demo
from dvdesk.services.setup import init_unit, open_data_dir
from dvdesk.ui.app import Gui
from dvdesk.ui.backend import Backend
from dvdesk.ui.bus import ALL, Bus
from dvdesk.ui.exchange_dialogs import (
    SILENT_BACKGROUND,
    ConflictsDialog,
    ExportDialog,
    ImportBundlesDialog,
    KeysDialog,
    UnitsDialog,
    fingerprint_lines,
)
from dvdesk.ui.person_dialog import ERROR_COLOUR
from pdf_text import pdf_text

TODAY = date(2026, 11, 27)
CELL_PASS = "mật khẩu chi bộ 1"
OFFICE_PASS = "mật khẩu văn phòng"
PEOPLE = 15


@dataclass
class World:
    cell: Database
    office: Database
    folder: Path
    cell_id: str = ""
    office_id: str = ""

    def backend(self, db: Database) -> Backend:
        return Backend(db, "vi", lambda: TODAY)

    def make_keys(self) -> None:
        exchange.init_keys(self.cell, CELL_PASS)
        exchange.init_keys(self.office, OFFICE_PASS)
        office_peer = exchange.import_peer_key(self.cell, exchange.export_public_key(self.office))
        cell_peer = exchange.import_peer_key(self.office, exchange.export_public_key(self.cell))
        exchange.confirm_peer_key(self.cell, office_peer.unit_id, office_peer.fingerprint)
        exchange.confirm_peer_key(self.office, cell_peer.unit_id, cell_peer.fingerprint)
        self.cell_id, self.office_id = cell_peer.unit_id, office_peer.unit_id

    def up(self, name: str) -> exchange.ImportResult:
        out = self.folder / f"{name}.dvb"
        exchange.export_bundle(self.cell, self.office_id, out, CELL_PASS)
        [result] = exchange.import_bundles(self.office, [out], OFFICE_PASS)
        assert result.ok, result.message
        return result

    def down(self, name: str) -> None:
        out = self.folder / f"{name}.dvb"
        exchange.export_bundle(self.office, self.cell_id, out, OFFICE_PASS)
        [result] = exchange.import_bundles(self.cell, [out], CELL_PASS)
        assert result.ok, result.message


@pytest.fixture
def units(tmp_path: Path) -> Iterator[World]:
    """A chi bộ with demo people and its office, without keys."""
    cell = open_data_dir(tmp_path / "cell")
    office = open_data_dir(tmp_path / "office")
    init_unit(cell, "CB01", "Chi bộ Văn phòng", "cell", "Đảng ủy Khối", actor="test")
    init_unit(office, "DUK", "Ban Tổ chức Đảng ủy Khối", "office", actor="test")
    make_demo(cell, people=PEOPLE, seed=4, today=TODAY, actor="test")
    folder = tmp_path / "stick"
    folder.mkdir()
    yield World(cell, office, folder)
    cell.close()
    office.close()


@pytest.fixture
def world(units: World) -> World:
    """The same, with keys made, exchanged and confirmed."""
    units.make_keys()
    return units


def office_people(world: World) -> int:
    with world.office.reader() as s:
        return s.query(Person).filter(Person.unit_id == world.cell_id).count()


def test_making_keys_checks_the_passphrase_then_shows_the_fingerprint(
    qtbot: QtBot, units: World, tmp_path: Path
) -> None:
    dialog = KeysDialog(units.backend(units.cell), settings=None)
    qtbot.addWidget(dialog)
    assert dialog.own_stack.currentIndex() == 0

    dialog.passphrase.setText("ngắn")
    dialog.passphrase_again.setText("ngắn")
    assert "4" in dialog.strength.text()  # "Too short: 4 of at least 8 characters."
    dialog.make_keys()
    assert "8" in dialog.passphrase_error.message()
    assert exchange.own_key(units.cell) is None

    dialog.passphrase.setText(CELL_PASS)
    dialog.passphrase_again.setText(CELL_PASS + "x")
    dialog.make_keys()
    assert dialog.passphrase_error.message() == ""
    assert dialog.passphrase_again_error.message()
    assert exchange.own_key(units.cell) is None

    dialog.passphrase_again.setText(CELL_PASS)
    dialog.make_keys()
    info = exchange.own_key(units.cell)
    assert info is not None
    assert dialog.own_stack.currentIndex() == 1
    assert dialog.fingerprint.text() == fingerprint_lines(info.fingerprint)
    assert dialog.fingerprint.text().split() == info.fingerprint.split()

    saved = dialog.save_public_key(tmp_path / "CB01.dvkey")
    assert saved is not None and saved.read_bytes() == exchange.export_public_key(units.cell)

    pdf = dialog.fingerprint_pdf()
    assert pdf is not None
    text = pdf_text(pdf)
    assert info.fingerprint in text and "Chi bộ Văn phòng" in text and "CB01" in text


def test_the_office_imports_a_key_file_and_confirms_it_from_the_paper(
    qtbot: QtBot, units: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    exchange.init_keys(units.cell, CELL_PASS)
    exchange.init_keys(units.office, OFFICE_PASS)
    key_file = units.folder / "CB01.dvkey"
    key_file.write_bytes(exchange.export_public_key(units.cell))
    cell_key = exchange.own_key(units.cell)
    assert cell_key is not None

    dialog = KeysDialog(units.backend(units.office))
    qtbot.addWidget(dialog)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(key_file), "")
    )  # the file dialog, answered
    peer = dialog.import_key_file()
    assert peer is not None and peer.unit_code == "CB01"
    confirm = dialog.confirm_dialog
    assert confirm is not None and confirm.isVisible()
    assert confirm.fingerprint.text() == fingerprint_lines(cell_key.fingerprint)
    assert dialog.peer_model.rows()[0].unit_code == "CB01"

    confirm.typed.setText("0000 0000 0000 0000 0000 0000 0000 0000")
    confirm.confirm()
    assert "không khớp" in confirm.typed_error.message()
    assert confirm.isVisible() and not exchange.peers(units.office)[0].confirmed

    confirm.typed.setText(cell_key.fingerprint.lower().replace(" ", ""))
    confirm.confirm()
    assert confirm.confirmed and not confirm.isVisible()
    [pinned] = exchange.peers(units.office)
    assert pinned.confirmed
    assert dialog.peer_model.display(dialog.peer_model.rows()[0], 4) == "✓ Confirmed"

    # A key file that is not one: the reason next to the list, nothing pinned.
    junk = units.folder / "junk.dvkey"
    junk.write_bytes(b"not a key")
    assert dialog.import_key_file(junk) is None
    assert "junk.dvkey" in dialog.peers_error.message()
    assert len(exchange.peers(units.office)) == 1


def receive(
    qtbot: QtBot, world: World, db: Database, passphrase: str, files: list[Path], bus: Bus
) -> ImportBundlesDialog:
    dialog = ImportBundlesDialog(world.backend(db), bus)
    qtbot.addWidget(dialog)
    dialog.add_paths(files)
    dialog.passphrase.setText(passphrase)
    with qtbot.waitSignal(dialog.job_finished, timeout=20_000):
        dialog.run()
    return dialog


def test_a_file_sent_by_the_cell_is_received_by_the_office(qtbot: QtBot, world: World) -> None:
    sender = ExportDialog(world.backend(world.cell))
    qtbot.addWidget(sender)
    sender.path_edit.setText(str(world.folder / "x.dvb"))
    sender.send()  # no passphrase: said next to the field, nothing started
    assert sender.passphrase_error.message() and not sender.busy
    assert not (world.folder / "x.dvb").exists()

    out = world.folder / "CB01-den-DUK-0001.dvb"
    assert sender.unit_combo.currentData() == "DUK"
    assert sender.default_path(sender.targets[0]).name == "CB01-den-DUK-0001.dvb"
    sender.passphrase.setText("sai mật khẩu rồi")
    sender.path_edit.setText(str(out))
    with qtbot.waitSignal(sender.job_finished, timeout=20_000):
        sender.send()
    assert "Sai mật khẩu" in sender.passphrase_error.message() and not out.exists()

    sender.passphrase.setText(CELL_PASS)
    with qtbot.waitSignal(sender.job_finished, timeout=20_000):
        sender.send()
    made = sender.export_result
    assert made is not None and out.exists() and made.seq == 1
    assert made.counts["people"] == PEOPLE
    assert (
        str(out) in sender.result_label.text() and f"{PEOPLE} people" in sender.result_label.text()
    )
    assert sender.path_edit.text().endswith("CB01-den-DUK-0002.dvb")  # the next number

    bus = Bus()
    announced: list[str] = []
    bus.changed.connect(announced.append)
    dialog = ImportBundlesDialog(world.backend(world.office), bus)
    qtbot.addWidget(dialog)
    dialog.add_paths([world.folder])  # a folder: its .dvb files
    assert dialog.paths == [out]
    dialog.passphrase.setText(OFFICE_PASS)
    dialog.dry_run.setChecked(True)
    with qtbot.waitSignal(dialog.job_finished, timeout=20_000):
        dialog.run()
    assert dialog.summary_rows()[0][3] == "Checked: can be imported"
    assert office_people(world) == 0 and announced == []

    dialog.dry_run.setChecked(False)
    with qtbot.waitSignal(dialog.job_finished, timeout=20_000):
        dialog.run()
    [result] = dialog.results
    [row] = dialog.summary_rows()
    assert row[:4] == ["CB01-den-DUK-0001.dvb", "Chi bộ Văn phòng", "1", "Imported"]
    assert row[4:8] == [str(result.new), str(result.updated), str(result.unchanged), "0"]
    taken = result.new + result.updated + result.unchanged + result.kept_ours + result.conflicts
    assert result.new >= PEOPLE and taken == made.records
    assert office_people(world) == PEOPLE
    assert announced == [ALL]
    assert not dialog.progress.isVisible() and dialog.progress.value() == 1


def test_a_damaged_file_is_refused_with_its_reason_and_writes_nothing(
    qtbot: QtBot, world: World
) -> None:
    out = world.folder / "good.dvb"
    exchange.export_bundle(world.cell, world.office_id, out, CELL_PASS)
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x40
    damaged = world.folder / "damaged.dvb"
    damaged.write_bytes(bytes(data))
    out.unlink()
    [expected] = exchange.import_bundles(world.office, [damaged], OFFICE_PASS, dry_run=True)
    assert expected.status == "refused"

    bus = Bus()
    announced: list[str] = []
    bus.changed.connect(announced.append)
    dialog = receive(qtbot, world, world.office, OFFICE_PASS, [damaged], bus)
    [row] = dialog.summary_rows()
    assert row[0] == "damaged.dvb" and row[3] == "Refused"
    assert row[8] == expected.message and any(ch in row[8] for ch in "ăâđêôơưạảếệịọộớụứ")
    assert expected.message in dialog.detail.text() and dialog.detail.isVisibleTo(dialog)
    item = dialog.table.item(0, 8)
    assert item is not None and item.foreground().color() == QColor(ERROR_COLOUR)
    assert office_people(world) == 0 and announced == []
    assert "refused: 1" in dialog.summary_label.text()


def make_conflict(world: World) -> str:
    world.up("01-up")
    world.down("02-down")
    with world.cell.unit_of_work() as s:
        person = s.query(Person).order_by(Person.sort_key).first()
        assert person is not None
        person.notes = "Chi bộ ghi"
        person_id = person.id
    with world.office.unit_of_work() as s:
        person = s.get(Person, person_id)
        assert person is not None
        person.notes = "Văn phòng ghi"
    assert world.up("03-up").conflicts == 1
    return person_id


def test_the_conflicts_dialog_shows_both_versions_and_takes_theirs(
    qtbot: QtBot, world: World
) -> None:
    person_id = make_conflict(world)
    bus = Bus()
    announced: list[str] = []
    bus.changed.connect(announced.append)
    dialog = ConflictsDialog(world.backend(world.office), bus)
    qtbot.addWidget(dialog)
    [listed] = dialog.model.rows()
    assert listed.unit_name == "Chi bộ Văn phòng" and listed.label
    assert dialog.current() == listed
    assert dialog.diff_rows() == [["Notes", "Văn phòng ghi", "Chi bộ ghi"]]
    header = dialog.diff_table.horizontalHeaderItem(2)
    assert header is not None and "✓" in header.text()  # the cell's version stands (it owns it)
    assert not dialog.empty_label.isVisibleTo(dialog)

    dialog.take_theirs_button.click()
    assert exchange.conflicts(world.office) == []
    assert dialog.model.rows() == [] and dialog.empty_label.isVisibleTo(dialog)
    assert not dialog.take_theirs_button.isEnabled()
    assert announced == [ALL]
    with world.office.reader() as s:
        person = s.get(Person, person_id)
        assert person is not None and person.notes == "Chi bộ ghi"


def test_the_units_dialog_shows_the_cell_with_its_numbers(qtbot: QtBot, world: World) -> None:
    world.up("01-up")
    world.down("02-down")
    world.up("03-up")
    dialog = UnitsDialog(world.backend(world.office))
    qtbot.addWidget(dialog)
    [row] = dialog.model.rows()
    shown = [dialog.model.display(row, c) for c in range(8)]
    assert shown[:3] == ["CB01", "Chi bộ Văn phòng", "✓ confirmed"]
    assert shown[4:7] == ["2", "1 / 1", "0"]  # received 2, sent 1, acknowledged 1, 0 days
    assert not row.silent
    index = dialog.proxy.index(0, 0)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None

    later = datetime.now() + timedelta(days=60)
    silent = UnitsDialog(world.backend(world.office), now=lambda: later)
    qtbot.addWidget(silent)
    [row] = silent.model.rows()
    assert row.silent and silent.model.display(row, 6) in ("59", "60")
    assert silent.proxy.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) == QColor(
        SILENT_BACKGROUND
    )
    assert "silent: 1" in silent.count_label.text()
    silent.days.setValue(90)  # a longer limit: no longer silent
    assert not silent.model.rows()[0].silent and "silent: 0" in silent.count_label.text()


def test_the_exchange_menu_sits_between_file_and_edit(qtbot: QtBot, world: World) -> None:
    for db, office in ((world.cell, False), (world.office, True)):
        gui = Gui(db, "en", today=lambda: TODAY)
        qtbot.addWidget(gui.window)
        window = gui.window
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[:3] == ["&File", "E&xchange", "&Edit"]
        assert (window.units_action is not None) is office
        assert window.conflicts_action.text() == "&Conflicts…"
        window.close()
        gui.shutdown()
    make_conflict(world)
    gui = Gui(world.office, "en", today=lambda: TODAY)
    qtbot.addWidget(gui.window)
    assert gui.window.conflicts_action.text() == "&Conflicts (1)…"
    gui.window.close()
    gui.shutdown()
