"""The Mentors tab driven as a user would: add a member, assign an introducer past a blocking
finding with an override reason, replace an introducer who left, see the warning for a candidate
without a helper, add a helper's note; the database checked after each step."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_data import TODAY, build_small_db

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.db.models import Assignment, AuditEntry, HelperNote, Member
from dvdesk.services import mentors
from dvdesk.ui.app import create_app, install_translators
from dvdesk.ui.assign_dialog import AssignDialog
from dvdesk.ui.backend import Backend
from dvdesk.ui.bus import Bus
from dvdesk.ui.member_dialog import LeftDialog, MemberDialog, NoteDialog
from dvdesk.ui.mentors_tab import MentorsTab

ACTOR = "thu.ky"


@pytest.fixture
def vietnamese() -> Iterator[None]:
    app = create_app()
    installed = install_translators(app, "vi")
    yield
    for translator in installed:
        app.removeTranslator(translator)


def key_clicks(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """qtbot.keyClicks, also for letters outside Latin-1 (QTest aborts on those)."""
    for char in text:
        if ord(char) < 0x80:
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _type(qtbot: QtBot, dialog: QDialog, key: str, text: str) -> None:
    edit = dialog.edits[key]  # type: ignore[attr-defined]
    edit.setFocus()
    edit.selectAll()
    key_clicks(qtbot, edit, text)


def _choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


class Opened:
    """The tab with its dialogs run by `drive` instead of exec()."""

    def __init__(self, qtbot: QtBot, db: Database) -> None:
        self.db = db
        self.bus = Bus()
        self.announced: list[str] = []
        self.bus.changed.connect(self.announced.append)
        self.backend = Backend(db, "vi", today=lambda: TODAY)
        self.tab = MentorsTab(self.backend, self.bus)
        qtbot.addWidget(self.tab)
        self.tab.resize(1200, 800)
        self.tab.show()
        self.drive: Callable[[QDialog], None] = lambda d: None
        self.seen: list[QDialog] = []

        def run(dialog: QDialog) -> int:
            self.seen.append(dialog)
            self.drive(dialog)
            return dialog.result()

        self.tab.exec_dialog = run  # type: ignore[method-assign]
        self.tab.activate()
        qtbot.waitUntil(lambda: not self.tab.loading, timeout=10_000)
        self.qtbot = qtbot

    def wait(self) -> None:
        self.qtbot.waitUntil(lambda: not self.tab.loading, timeout=10_000)

    def member_id(self, name: str) -> str:
        with self.db.reader() as s:
            return s.scalars(select(Member.id).where(Member.full_name == name)).one()

    def person_id(self, code: str) -> str:
        with self.db.reader() as s:
            person = queries.person_by_key(s, code)
            assert person is not None
            return person.id

    def assignments(self, person_id: str) -> list[tuple[str, str, date | None, date | None]]:
        with self.db.reader() as s:
            rows = s.scalars(select(Assignment).where(Assignment.person_id == person_id)).all()
            return sorted((a.member.full_name, a.role, a.from_date, a.to_date) for a in rows)


@pytest.fixture
def opened(qtbot: QtBot, db: Database, vietnamese: None) -> Opened:
    return Opened(qtbot, db)


def test_add_member_then_edit(qtbot: QtBot, opened: Opened) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MemberDialog)
        dialog.save()  # empty: refused, the name marked
        assert "full_name" in dialog.error_messages()
        _type(qtbot, dialog, "full_name", "Vũ Thị Lan")
        _type(qtbot, dialog, "official_date", "32/13/2020")
        dialog.save()
        assert "official_date" in dialog.error_messages()
        _type(qtbot, dialog, "official_date", "03/02/2015")
        _type(qtbot, dialog, "joined_cell_on", "01/06/2016")
        _type(qtbot, dialog, "card_number", "09123456")
        dialog.save()

    opened.drive = fill
    opened.tab.add_member()
    assert opened.seen[-1].result() == QDialog.DialogCode.Accepted
    opened.wait()
    with opened.db.reader() as s:
        lan = s.scalars(select(Member).where(Member.full_name == "Vũ Thị Lan")).one()
        assert (lan.status, lan.official_date, lan.joined_cell_on, lan.card_number) == (
            "official",
            date(2015, 2, 3),
            date(2016, 6, 1),
            "09123456",
        )
    assert "members" in opened.announced and "people" in opened.announced
    assert any(r.full_name == "Vũ Thị Lan" for r in opened.tab.model.rows())

    opened.tab.select_member(lan.id)

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, MemberDialog)
        assert dialog.edits["official_date"].text() == "03/02/2015"
        _type(qtbot, dialog, "code", "DV9")
        dialog.save()

    opened.drive = edit
    opened.tab.edit_member()
    with opened.db.reader() as s:
        assert s.get(Member, lan.id).code == "DV9"  # type: ignore[union-attr]


def test_a_member_saved_by_another_desk_meanwhile_is_named_and_asked_about(
    qtbot: QtBot, opened: Opened
) -> None:
    """The dialog opens the member; another desk changes the card number and saves; Save says
    what changed and asks: keep editing writes nothing and keeps the typing; saving over it
    writes the typed fields and keeps the other desk's change where the user typed nothing."""
    from dataclasses import replace

    duc = opened.member_id("Hoàng Văn Đức")
    dialog = MemberDialog(opened.backend, duc, actor=ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(qtbot, dialog, "code", "DV7")
    there = mentors.member_input(opened.db, duc)
    mentors.update_member(opened.db, duc, replace(there, notes="Chuyển đến từ Hà Tĩnh"), "desk2")
    asked: list[str] = []
    answers = iter([False, True])

    def answer(message: str) -> bool:
        asked.append(message)
        return next(answers)

    dialog.ask_overwrite = answer  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_id is None and dialog.isVisible()
    assert "Ghi chú" in asked[0] and "Chuyển đến từ Hà Tĩnh" in asked[0]
    assert "Ghi chú" in dialog.form_error.message()
    assert dialog.edits["code"].text() == "DV7"  # what was typed is kept
    assert mentors.member_input(opened.db, duc).code != "DV7"  # and not written
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    saved = mentors.member_input(opened.db, duc)
    assert (saved.code, saved.notes) == ("DV7", "Chuyển đến từ Hà Tĩnh")


def test_assign_introducer_blocked_then_overridden(qtbot: QtBot, opened: Opened) -> None:
    chau, duc = opened.person_id("P3"), opened.member_id("Hoàng Văn Đức")
    opened.tab.select_member(duc)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AssignDialog)
        assert dialog.member.currentData() == duc  # the selected member, chosen already
        _choose(dialog.person, chau)
        _choose(dialog.role, "introducer")
        findings = dialog.refresh_preview()
        assert findings is not None
        assert any(f.severity == "error" for f in findings)  # a probationary member
        assert dialog.override_box.isVisibleTo(dialog)
        assert any(t.startswith("Lỗi") for t in dialog.findings.texts())
        dialog.save()  # no reason: refused
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.override_error.message()
        assert opened.assignments(chau) == []
        key_clicks(qtbot, dialog.override_reason, "Chi bộ đã xem xét")
        dialog.save()

    opened.drive = fill
    opened.tab.assign()
    assert opened.seen[-1].result() == QDialog.DialogCode.Accepted
    assert opened.assignments(chau) == [("Hoàng Văn Đức", "introducer", TODAY, None)]
    with opened.db.reader() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "assign")).one()
        assert entry.reason == "Chi bộ đã xem xét"
    opened.wait()
    assert "Trần Minh Châu" in opened.tab.detail_label.text() or any(
        "Trần Minh Châu" in opened.tab.assignments.item(i).text()
        for i in range(opened.tab.assignments.count())
    )


def test_replace_introducer_who_left(qtbot: QtBot, opened: Opened) -> None:
    chau = opened.person_id("P3")
    hoa = opened.member_id("Phạm Thị Hoa")
    mentors.assign(opened.db, chau, hoa, "introducer", date(2026, 3, 1), ACTOR, "ghi nhận")
    new = mentors.add_member(
        opened.db,
        mentors.MemberInput(
            full_name="Vũ Văn Nam", official_date=date(2020, 1, 1), joined_cell_on=date(2026, 5, 1)
        ),
        ACTOR,
    )
    opened.tab.reload()
    opened.wait()
    opened.tab.select_member(hoa)

    def leave(dialog: QDialog) -> None:
        assert isinstance(dialog, LeftDialog)
        _choose(dialog.reason, "transferred")
        dialog.edits["to"].clear()
        dialog.save()  # a transfer needs where to
        assert "to" in dialog.error_messages()
        _type(qtbot, dialog, "on", "15/06/2026")
        _type(qtbot, dialog, "to", "Chi bộ Kỹ thuật")
        dialog.save()

    opened.drive = leave
    opened.tab.mark_left()
    with opened.db.reader() as s:
        m = s.get(Member, hoa)
        assert m is not None
        assert (m.left_on, m.left_reason, m.left_to) == (
            date(2026, 6, 15),
            "transferred",
            "Chi bộ Kỹ thuật",
        )
    assert opened.assignments(chau) == [
        ("Phạm Thị Hoa", "introducer", date(2026, 3, 1), date(2026, 6, 15))
    ]
    opened.wait()

    def replace(dialog: QDialog) -> None:
        assert isinstance(dialog, AssignDialog)
        _choose(dialog.person, chau)
        _choose(dialog.member, new)
        _choose(dialog.role, "introducer")
        findings = dialog.refresh_preview()
        assert findings is not None and any(f.severity == "error" for f in findings)  # 2 months
        assert dialog.replaces.count() == 2
        _choose(dialog.replaces, dialog.replaces.itemData(1))
        dialog.save()  # the replacement reason is required
        assert "reason" in dialog.error_messages()
        _type(qtbot, dialog, "reason", "Người giới thiệu chuyển sinh hoạt")
        findings = dialog.refresh_preview()
        assert findings is not None and not any(f.severity == "error" for f in findings)
        dialog.save()

    opened.drive = replace
    opened.tab.assign()
    assert opened.seen[-1].result() == QDialog.DialogCode.Accepted
    assert opened.assignments(chau) == [
        ("Phạm Thị Hoa", "introducer", date(2026, 3, 1), date(2026, 6, 15)),
        ("Vũ Văn Nam", "introducer", TODAY, None),
    ]
    with opened.db.reader() as s:
        row = s.scalars(select(Assignment).where(Assignment.member_id == new)).one()
        assert row.replacement and row.reason == "Người giới thiệu chuyển sinh hoạt"


def test_warning_for_candidate_without_helper_then_note(qtbot: QtBot, opened: Opened) -> None:
    assert any("Trần Minh Châu" in t for t in opened.tab.warning_texts())
    chau, hoa = opened.person_id("P3"), opened.member_id("Phạm Thị Hoa")
    opened.tab.select_member(hoa)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, AssignDialog)
        _choose(dialog.person, chau)
        _choose(dialog.role, "helper")
        _type(qtbot, dialog, "on", "01/03/2026")
        findings = dialog.refresh_preview()
        assert findings is not None and not any(f.severity == "error" for f in findings)
        assert not dialog.edits["reason"].isEnabled()
        dialog.save()

    opened.drive = fill
    opened.tab.assign()
    assert opened.assignments(chau) == [("Phạm Thị Hoa", "helper", date(2026, 3, 1), None)]
    opened.wait()
    assert not any("Trần Minh Châu" in t for t in opened.tab.warning_texts())
    assert any("Đặng Thị Bình" in t for t in opened.tab.warning_texts())

    view = opened.tab.selected_assignment()
    assert view is not None and view.role == "helper" and view.person_id == chau
    assert opened.tab.note_button.isEnabled()

    def note(dialog: QDialog) -> None:
        assert isinstance(dialog, NoteDialog)
        dialog.save()  # empty note refused
        assert "text" in dialog.error_messages()
        _type(qtbot, dialog, "on", "20/06/2026")
        dialog.text.setFocus()
        key_clicks(qtbot, dialog.text, "Tích cực, đúng giờ")
        dialog.save()

    opened.drive = note
    opened.tab.add_note()
    with opened.db.reader() as s:
        notes = s.scalars(select(HelperNote)).all()
        assert [(n.on_date, n.text) for n in notes] == [(date(2026, 6, 20), "Tích cực, đúng giờ")]
    texts = [opened.tab.notes.item(i).text() for i in range(opened.tab.notes.count())]
    assert texts == ["20/06/2026 (Phạm Thị Hoa): Tích cực, đúng giờ"]


def test_grab_screenshot(qtbot: QtBot, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Not an assertion of looks: writes /tmp/mentors_tab.png to be looked at."""
    db = build_small_db(tmp_path_factory.mktemp("shot"))
    try:
        app = create_app()
        installed = install_translators(app, "vi")
        opened = Opened(qtbot, db)
        chau, hoa = opened.person_id("P3"), opened.member_id("Phạm Thị Hoa")
        mentors.assign(db, chau, hoa, "helper", date(2026, 3, 1), ACTOR)
        with db.reader() as s:
            a = s.scalars(select(Assignment)).one()
        mentors.add_helper_note(db, a.id, date(2026, 6, 1), "Tích cực học tập", ACTOR)
        opened.tab.reload()
        opened.wait()
        opened.tab.select_member(hoa)
        opened.tab.grab().save("/tmp/mentors_tab.png")
        for app_translator in installed:
            app.removeTranslator(app_translator)
    finally:
        db.close()
