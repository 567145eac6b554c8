"""The person dialog driven as a user would: typing, inline errors, saving, editing, Esc, the
tab order, and the family table model under Qt's model tester."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QLineEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from ui_data import TODAY

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.db.models import AuditEntry, Person
from dvdesk.services.person_form import FamilyText
from dvdesk.ui.app import Gui, create_app, install_translators
from dvdesk.ui.backend import Backend
from dvdesk.ui.family_table_model import COL_MEMBER, COL_YEAR, FamilyTableModel
from dvdesk.ui.person_dialog import PersonDialog


@pytest.fixture
def vietnamese() -> Iterator[None]:
    app = create_app()
    installed = install_translators(app, "vi")
    yield
    for translator in installed:
        app.removeTranslator(translator)


@pytest.fixture
def open_dialog(qtbot: QtBot, db: Database, vietnamese: None) -> Callable[..., PersonDialog]:
    def make(person_id: str | None = None) -> PersonDialog:
        backend = Backend(db, "vi", today=lambda: TODAY)
        dialog = PersonDialog(backend, person_id, actor="thu.ky")
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        return dialog

    return make


def _people(db: Database) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Person)) or 0)


def key_clicks(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """qtbot.keyClicks, also for letters outside Latin-1 (QTest aborts on those): each is sent
    as a key press carrying the character, as a Vietnamese keyboard (Unikey) delivers it."""
    for char in text:
        if ord(char) < 0x80:
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _type(qtbot: QtBot, dialog: PersonDialog, key: str, text: str) -> None:
    edit = dialog.edits[key]
    edit.setFocus()
    edit.selectAll()
    key_clicks(qtbot, edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)  # leaving the field shows its problems


def test_add_person_with_inline_errors_then_save(
    qtbot: QtBot, db: Database, open_dialog: Callable[..., PersonDialog]
) -> None:
    before = _people(db)
    dialog = open_dialog()
    assert dialog.windowTitle() == "Thêm người"
    _type(qtbot, dialog, "full_name", "Vũ Thị Hạnh")
    # The name typed decomposed (as some keyboards send it) is stored composed.
    dialog.edits["full_name"].setText(unicodedata.normalize("NFD", "Vũ  Thị Hạnh "))
    _type(qtbot, dialog, "code", "P9")
    _type(qtbot, dialog, "birth_date", "30/02/2001")
    _type(qtbot, dialog, "cccd", "12345")
    errors = dialog.error_messages()
    assert errors["cccd"] == "Số CCCD phải gồm đúng 12 chữ số (đang ghi «12345»)."
    assert errors["birth_date"] == "Ngày sinh: Không có ngày «30/02/2001»."
    assert dialog.errors["cccd"].icon.pixmap() is not None  # an icon, not colour alone
    assert dialog.edits["cccd"].accessibleDescription() == errors["cccd"]

    # Save refuses while anything is wrong, and writes nothing.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.saved_id is None
    assert "Chưa lưu" in dialog.form_error.message()
    assert _people(db) == before

    _type(qtbot, dialog, "cccd", "001301234567")
    _type(qtbot, dialog, "birth_date", "28/02/2001")
    assert dialog.error_messages() == {}
    _type(qtbot, dialog, "ethnicity", "Kinh")
    dialog.youth_member.setChecked(True)
    _type(qtbot, dialog, "youth_union_date", "26/03/2016")
    qtbot.mouseClick(dialog.add_row_button, Qt.MouseButton.LeftButton)
    model = dialog.family_model
    model.setData(model.index(0, 0), unicodedata.normalize("NFD", "Mẹ đẻ"))
    model.setData(model.index(0, 1), "Lê Thị Hoa")
    model.setData(model.index(0, COL_YEAR), "1975")
    model.setData(model.index(0, COL_MEMBER), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    qtbot.mouseClick(dialog.add_row_button, Qt.MouseButton.LeftButton)
    model.setData(model.index(1, 0), "Bố đẻ")  # no name: the family row is refused
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_messages()["family"] == "Gia đình, dòng 2: thiếu họ và tên."
    assert dialog.saved_id is None
    model.setData(model.index(1, 1), "Vũ Văn Nam")

    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.edits["ethnicity"], Qt.Key.Key_Return)  # Enter saves
    assert dialog.saved_id is not None
    with db.reader() as s:
        person = queries.person_by_key(s, dialog.saved_id)
        assert person is not None
        assert person.full_name == "Vũ Thị Hạnh"
        assert unicodedata.is_normalized("NFC", person.full_name)
        assert person.cccd == "001301234567"
        assert person.youth_union_member and person.youth_union_date is not None
        family = sorted(person.family, key=lambda m: m.position)
        assert [(m.relation, m.full_name, m.birth_year, m.party_member) for m in family] == [
            ("Mẹ đẻ", "Lê Thị Hoa", 1975, True),
            ("Bố đẻ", "Vũ Văn Nam", None, False),
        ]
        assert unicodedata.is_normalized("NFC", family[0].relation)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == person.id)).one()
        assert (entry.action, entry.actor) == ("create", "thu.ky")


def test_edit_existing_person(
    qtbot: QtBot, db: Database, open_dialog: Callable[..., PersonDialog]
) -> None:
    with db.reader() as s:
        binh = queries.person_by_key(s, "P2")
        assert binh is not None
        pid = binh.id
    dialog = open_dialog(pid)
    assert dialog.windowTitle() == "Sửa thông tin cá nhân"
    assert dialog.edits["full_name"].text() == "Đặng Thị Bình"
    assert dialog.edits["birth_date"].text() == "03/02/1998"
    assert dialog.youth_member.isChecked()
    assert dialog.unit.currentText() == "Chi bộ Văn phòng"
    _type(qtbot, dialog, "occupation", "Giáo viên")
    _type(qtbot, dialog, "code", "P1")  # someone else's code: the service refuses
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_id is None and dialog.isVisible()
    assert dialog.error_messages()["code"].startswith("Mã «P1» đã có người khác dùng")
    assert dialog.edits["occupation"].text() == "Giáo viên"  # the input is kept
    _type(qtbot, dialog, "code", "P2")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with db.reader() as s:
        person = s.get(Person, pid)
        assert person is not None
        assert (person.occupation, person.code) == ("Giáo viên", "P2")


def test_a_save_after_another_desk_saved_says_what_changed_and_asks(
    qtbot: QtBot, db: Database, open_dialog: Callable[..., PersonDialog]
) -> None:
    from dataclasses import replace

    from dvdesk.services import person_form

    with db.reader() as s:
        binh = queries.person_by_key(s, "P2")
        assert binh is not None
        pid = binh.id
    dialog = open_dialog(pid)
    _type(qtbot, dialog, "residence", "Hà Tĩnh")
    # Meanwhile another desk changes the occupation and saves.
    there = person_form.person_input(db, pid)
    person_form.save_person(
        db, pid, replace(there, occupation="Bác sĩ", notes="Ghi chú bàn kia"), "desk2", there
    )
    asked: list[str] = []
    answers = iter([False, True])

    def answer(message: str) -> bool:
        asked.append(message)
        return next(answers)

    dialog.ask_overwrite = answer  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_id is None and dialog.isVisible()
    assert "Nghề nghiệp" in asked[0] and "Bác sĩ" in asked[0]
    assert "Nghề nghiệp" in dialog.form_error.message()
    assert dialog.edits["residence"].text() == "Hà Tĩnh"  # what was typed is kept
    assert person_form.person_input(db, pid).residence != "Hà Tĩnh"  # and not written
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = person_form.person_input(db, pid)
    assert saved.residence == "Hà Tĩnh"
    assert saved.notes == "Ghi chú bàn kia"  # not on this form: kept, not reverted


def test_escape_cancels_and_writes_nothing(
    qtbot: QtBot, db: Database, open_dialog: Callable[..., PersonDialog]
) -> None:
    before = _people(db)
    dialog = open_dialog()
    _type(qtbot, dialog, "full_name", "Người Sẽ Bị Hủy")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.edits["code"], Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert _people(db) == before


def test_tab_order_follows_the_layout_and_labels_have_buddies(
    qtbot: QtBot, open_dialog: Callable[..., PersonDialog]
) -> None:
    dialog = open_dialog()
    dialog.youth_member.setChecked(True)
    dialog.trade_member.setChecked(True)
    expected = [w.objectName() for w in dialog.tab_sequence()]
    dialog.edits["full_name"].setFocus()
    seen = []
    for _ in expected:
        widget = QApplication.focusWidget()
        assert widget is not None
        seen.append(widget.objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert seen == expected
    assert seen[:4] == ["full_name", "code", "sex", "birth_date"]
    labels = [lbl for lbl in dialog.findChildren(QLabel) if lbl.objectName().endswith("_label")]
    assert len(labels) == 17
    for label in labels:
        assert label.buddy() is not None, label.text()
        assert "&" in label.text(), label.text()
    for button in dialog.findChildren(QAbstractButton):
        if button.objectName().startswith("qt_"):  # the table's corner button
            continue
        assert button.text() or button.accessibleName()
    # Alt+mnemonic moves to the field.
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.edits["cccd"]


def test_family_model_passes_model_tester(qtmodeltester: ModelTester) -> None:
    model = FamilyTableModel((FamilyText("Mẹ đẻ", "Lê Thị Hoa", "1975", "", "", True),))
    qtmodeltester.check(model)
    assert model.insertRows(1, 2)
    assert model.rowCount() == 3
    assert model.setData(model.index(2, 1), "Vũ Văn Nam")
    assert model.removeRows(0, 1)
    assert [r.full_name for r in model.rows()] == ["", "Vũ Văn Nam"]
    assert not model.removeRows(5, 1, QModelIndex())
    qtmodeltester.check(model)


def test_ctrl_n_adds_a_person_and_the_list_reloads(
    qtbot: QtBot, db: Database, make_gui: Callable[..., Gui]
) -> None:
    window = make_gui().window
    tab = window.candidates_tab
    rows = tab.model.rowCount()

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PersonDialog)
        name = dialog.findChild(QLineEdit, "full_name")
        assert name is not None
        key_clicks(qtbot, name, "Hồ Thị Mai")
        qtbot.keyClick(name, Qt.Key.Key_Return)

    assert window.new_person_action.shortcut() == QKeySequence("Ctrl+N")
    QTimer.singleShot(0, fill_in)
    window.new_person_action.trigger()
    qtbot.waitUntil(lambda: tab.model.rowCount() == rows + 1, timeout=10_000)
    assert "Hồ Thị Mai" in [tab.model.row(r).full_name for r in range(tab.model.rowCount())]


def test_enter_on_a_row_edits_that_person(
    qtbot: QtBot, db: Database, make_gui: Callable[..., Gui]
) -> None:
    window = make_gui().window
    tab = window.candidates_tab
    seen: list[str] = []

    def look_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PersonDialog)
        seen.append(dialog.edits["full_name"].text())
        dialog.reject()

    tab.focus_table()
    index = tab.view.currentIndex()
    expected = tab.proxy.row_at(index).full_name
    QTimer.singleShot(0, look_and_cancel)
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert seen == [expected]


def test_screenshot(qtbot: QtBot, tmp_path: Path, open_dialog: Callable[..., PersonDialog]) -> None:
    """Renders at its natural size without error (the PNG is for looking at by hand)."""
    dialog = open_dialog()
    _type(qtbot, dialog, "cccd", "12345")
    dialog.adjustSize()
    target = tmp_path / "person_dialog.png"
    assert dialog.grab().save(str(target))
    assert target.stat().st_size > 0
