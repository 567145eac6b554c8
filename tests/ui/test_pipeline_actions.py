"""The pipeline actions driven as a user would: a person walked from source to official through
the dialogs, a rule error blocking the chi bộ vote, the override with a reason, Ctrl+Z, and the
database and the audit log checked after each step."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from ui_data import TODAY

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.db.models import Member
from dvdesk.domain.text import name_sort_key, search_key
from dvdesk.services.actions import ActionInput, ActionKind, perform
from dvdesk.services.derive import load_calendar
from dvdesk.services.people import PersonInput, create_person
from dvdesk.ui.action_dialog import ActionDialog
from dvdesk.ui.app import create_app, install_translators
from dvdesk.ui.backend import Backend
from dvdesk.ui.bus import Bus
from dvdesk.ui.pipeline_actions import PipelineActions

A = ActionKind
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


@dataclass
class World:
    db: Database
    window: QWidget
    bus: Bus
    pipeline: PipelineActions
    person: str
    members: dict[str, str]
    announced: list[str]

    def stage(self) -> str:
        with self.db.reader() as s:
            person = queries.person_by_key(s, self.person)
            assert person is not None
            return person.stage

    def events(self) -> list[tuple[str, date, str]]:
        with self.db.reader() as s:
            person = queries.person_by_key(s, self.person)
            assert person is not None
            return sorted((e.kind, e.on_date, e.override_reason) for e in person.events)

    def audit(self) -> list[tuple[str, str, str]]:
        with self.db.reader() as s:
            return [(e.action, e.actor, e.reason) for e in queries.audit_entries(s, self.person)]


def _member(db: Database, name: str) -> str:
    with db.unit_of_work() as s:
        m = Member(
            full_name=name,
            sort_key=name_sort_key(name),
            search_text=search_key(name),
            status="official",
            official_date=date(2010, 1, 1),
            joined_cell_on=date(2015, 1, 1),
        )
        s.add(m)
        s.flush()
        return m.id


@pytest.fixture
def world(qtbot: QtBot, db: Database, vietnamese: None) -> World:
    members = {
        "Trần Văn Bình": _member(db, "Trần Văn Bình"),
        "Lê Thị Cúc": _member(db, "Lê Thị Cúc"),
    }
    data = PersonInput(
        full_name="Vũ Thị Hạnh",
        birth_date=date(2000, 1, 1),
        education_grade=12,
        joined_unit_on=date(2021, 1, 1),
    )
    with db.unit_of_work() as s:
        pid = create_person(s, data, "test", load_calendar(s), owner=None).id
    window = QWidget()
    window.setWindowTitle("dvdesk")
    qtbot.addWidget(window)
    window.resize(400, 300)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    bus = Bus()
    announced: list[str] = []
    bus.changed.connect(announced.append)
    backend = Backend(db, "vi", today=lambda: TODAY)
    pipeline = PipelineActions(backend, bus, ACTOR, parent=window)
    return World(db, window, bus, pipeline, pid, members, announced)


def open_action(qtbot: QtBot, w: World, kind: ActionKind) -> ActionDialog:
    """Pick the action from the person's menu, as offered at their stage."""
    menu = w.pipeline.menu_for(w.person, w.stage(), w.window)
    offered = {a.data(): a for a in menu.actions() if a.data()}
    assert kind.value in offered, (kind, w.stage(), list(offered))
    offered[kind.value].trigger()
    dialog = w.pipeline.dialog
    assert dialog is not None and dialog.kind is kind
    qtbot.waitExposed(dialog)
    return dialog


def type_in(qtbot: QtBot, dialog: ActionDialog, key: str, text: str) -> QLineEdit:
    edit = dialog.edits[key]
    edit.setFocus()
    edit.selectAll()
    key_clicks(qtbot, edit, text)
    return edit


def choose(dialog: ActionDialog, key: str, member_id: str | None) -> None:
    combo = dialog.combos[key]
    combo.setCurrentIndex(combo.findData(member_id))


def press_enter(qtbot: QtBot, dialog: ActionDialog, edit: QWidget) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=3000):
        qtbot.keyClick(edit, Qt.Key.Key_Return)


def record(
    qtbot: QtBot,
    w: World,
    kind: ActionKind,
    on: str,
    expected_stage: str,
    texts: dict[str, str] | None = None,
    combos: dict[str, str | None] | None = None,
) -> ActionDialog:
    """Open the action, fill it in, check the rules find no error, press Enter, check the file."""
    events_before = len(w.events())
    audit_before = len(w.audit())
    dialog = open_action(qtbot, w, kind)
    last = type_in(qtbot, dialog, "on", on)
    for key, member in (combos or {}).items():
        choose(dialog, key, member)
    for key, text in (texts or {}).items():
        last = type_in(qtbot, dialog, key, text)
    findings = dialog.refresh_preview()
    assert findings is not None
    assert not [f for f in findings if f.severity == "error"], (kind, findings)
    assert not dialog.override_box.isVisible()
    press_enter(qtbot, dialog, last)
    assert dialog.recorded is not None and dialog.recorded.stage == expected_stage
    assert w.stage() == expected_stage
    creates_event = kind not in (A.CERTIFICATE, A.INTRODUCERS)
    assert len(w.events()) == events_before + creates_event
    audit = w.audit()[audit_before:]
    assert (f"action:{kind.value}", ACTOR, "") in audit
    assert w.pipeline.undo_stack.peek() == dialog.recorded.token
    assert w.announced[-1] in ("people", "members", "classes")
    return dialog


def test_source_to_official_with_a_blocked_vote_overridden_and_undone(
    qtbot: QtBot, world: World
) -> None:
    w = world
    binh, cuc = w.members["Trần Văn Bình"], w.members["Lê Thị Cúc"]
    assert w.stage() == "source"
    assert not w.pipeline.undo_action.isEnabled()

    record(qtbot, w, A.LIST_SYMPATHISER, "10/01/2022", "sympathiser", combos={"helper_id": binh})
    record(qtbot, w, A.CERTIFICATE, "01/03/2022", "trained", texts={"number": "GCN-1"})
    record(qtbot, w, A.APPLICATION, "01/04/2022", "dossier")
    record(
        qtbot,
        w,
        A.INTRODUCERS,
        "05/04/2022",
        "dossier",
        combos={"introducer_ids": binh, "introducer_2": cuc},
    )
    record(qtbot, w, A.VERIFICATION, "01/05/2022", "dossier")
    record(qtbot, w, A.OPINIONS, "10/05/2022", "dossier")
    assert w.pipeline.undo_action.isEnabled()
    assert "Ghi tổng hợp ý kiến nhận xét" in w.pipeline.undo_action.text()

    # The chi bộ vote: 5 of 9 is short of two thirds. The rules say so as the user types.
    events_before, audit_before = w.events(), w.audit()
    dialog = open_action(qtbot, w, A.CELL_VOTE)
    type_in(qtbot, dialog, "on", "01/06/2022")
    type_in(qtbot, dialog, "official_members", "9")
    type_in(qtbot, dialog, "present", "9")
    last = type_in(qtbot, dialog, "votes_for", "5")
    qtbot.waitUntil(lambda: dialog.override_box.isVisible(), timeout=3000)
    errors = [f for f in dialog.findings.findings if f.severity == "error"]
    assert errors, dialog.findings.findings
    shown = dialog.findings.texts()
    assert any(t.startswith("Error: ") or t.startswith("Lỗi: ") for t in shown), shown
    assert all(f.basis for f in errors)
    assert dialog.findings.findChildren(QWidget, "finding_icon_error")  # icon, not colour alone

    # Enter: refused, the reason is asked for next to its field, nothing written.
    qtbot.keyClick(last, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.recorded is None
    assert dialog.error_messages().get("override_reason")
    assert QApplication.focusWidget() is dialog.override_reason
    assert w.events() == events_before and w.audit() == audit_before

    # A service error (more votes than official members) shows next to its field.
    type_in(qtbot, dialog, "votes_for", "12")
    dialog.refresh_preview(force=True)
    assert "Số tán thành" in dialog.error_messages().get("votes_for", "")
    type_in(qtbot, dialog, "votes_for", "5")
    dialog.refresh_preview()
    assert "votes_for" not in dialog.error_messages()

    reason = "Chi bộ họp lại ngày 02/06/2022, Đảng ủy đã đồng ý bằng văn bản"
    edit = type_in(qtbot, dialog, "override_reason", reason)
    press_enter(qtbot, dialog, edit)
    assert dialog.recorded is not None and dialog.recorded.overridden
    # Recorded, but a vote short of two thirds does not propose the person.
    assert w.stage() == dialog.recorded.stage == "dossier"
    vote = [e for e in w.events() if e[0] == "cell_vote"]
    assert vote == [("cell_vote", date(2022, 6, 1), reason)]
    assert ("action:cell_vote", ACTOR, reason) in w.audit()
    logged = json.loads([e for e in _audit_rows(w) if e.action == "action:cell_vote"][-1].after)
    assert logged["overridden"] == [f.code for f in errors]

    # Ctrl+Z undoes it: the vote is gone, the stage is back, the undo is in the audit log.
    announced = len(w.announced)
    w.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w.window, timeout=3000)
    qtbot.keyClick(w.window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.stage() == "dossier"
    assert w.events() == events_before
    assert [a[0] for a in w.audit()].count("action:cell_vote") == 1
    assert w.audit()[-1][:2] == ("undo", ACTOR)
    assert "people" in w.announced[announced:]
    assert "Ghi tổng hợp ý kiến nhận xét" in w.pipeline.undo_action.text()

    # The vote again, this time unanimous: no error, no override asked.
    record(
        qtbot,
        w,
        A.CELL_VOTE,
        "01/06/2022",
        "proposed",
        texts={"official_members": "9", "present": "9", "votes_for": "9", "votes_against": "0"},
    )
    record(qtbot, w, A.DECISION, "01/07/2022", "admitted", texts={"number": "123-QĐ/ĐU"})
    record(qtbot, w, A.DECISION_RECEIVED, "05/07/2022", "admitted")
    record(qtbot, w, A.CEREMONY, "20/07/2022", "probation", combos={"helper_id": binh})
    record(
        qtbot,
        w,
        A.RECOGNITION_VOTE,
        "25/07/2023",
        "recognition_proposed",
        texts={"official_members": "9", "present": "8", "votes_for": "8"},
    )
    record(qtbot, w, A.RECOGNITION_DECISION, "10/08/2023", "official", texts={"number": "45-QĐ"})
    assert w.pipeline.menu_for(w.person, "official").actions()[0].isEnabled() is False
    assert len(w.pipeline.undo_stack) == 12


def _audit_rows(w: World) -> list:  # type: ignore[type-arg]
    with w.db.reader() as s:
        rows = list(queries.audit_entries(s, w.person))
        s.expunge_all()
        return rows


def test_esc_cancels_and_writes_nothing(qtbot: QtBot, world: World) -> None:
    w = world
    dialog = open_action(qtbot, w, A.LIST_SYMPATHISER)
    audit = w.audit()
    with qtbot.waitSignal(dialog.rejected, timeout=3000):
        qtbot.keyClick(dialog.edits["on"], Qt.Key.Key_Escape)
    assert dialog.recorded is None and w.stage() == "source" and w.audit() == audit
    assert not w.pipeline.undo_action.isEnabled()


def test_inline_errors_and_required_reason(qtbot: QtBot, world: World) -> None:
    w = world
    record(qtbot, w, A.LIST_SYMPATHISER, "10/01/2022", "sympathiser")
    dialog = open_action(qtbot, w, A.REMOVE)
    assert set(dialog.edits) == {"on", "reason", "override_reason"}  # only what the step needs
    assert dialog.combos == {}
    edit = type_in(qtbot, dialog, "on", "31/02/2022")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "31/02/2022" in dialog.error_messages()["on"]
    assert dialog.recorded is None
    type_in(qtbot, dialog, "on", "01/01/2021")  # before the listing
    qtbot.keyClick(dialog.edits["on"], Qt.Key.Key_Return)
    assert "trước hành động trước đó" in dialog.error_messages()["on"]
    type_in(qtbot, dialog, "on", "01/03/2022")
    qtbot.keyClick(dialog.edits["on"], Qt.Key.Key_Return)
    assert "Lý do" in dialog.error_messages()["reason"]
    assert dialog.recorded is None and w.stage() == "sympathiser"
    edit = type_in(qtbot, dialog, "reason", "Chuyển công tác")
    press_enter(qtbot, dialog, edit)
    assert w.stage() == "removed"
    assert ("action:remove", ACTOR, "") in w.audit()


def test_under_18_at_the_vote_blocks_until_overridden(
    qtbot: QtBot, db: Database, world: World
) -> None:
    w = world
    binh, cuc = w.members["Trần Văn Bình"], w.members["Lê Thị Cúc"]
    with db.unit_of_work() as s:
        w.person = create_person(
            s,
            PersonInput(full_name="Lê Văn Út", birth_date=date(2004, 9, 1), education_grade=12),
            "test",
            load_calendar(s),
            owner=None,
        ).id
    for step in (
        ActionInput(A.LIST_SYMPATHISER, date(2022, 1, 10), helper_id=binh),
        ActionInput(A.CERTIFICATE, date(2022, 3, 1), number="GCN-2"),
        ActionInput(A.APPLICATION, date(2022, 4, 1)),
        ActionInput(A.INTRODUCERS, date(2022, 4, 5), introducer_ids=(binh, cuc)),
        ActionInput(A.VERIFICATION, date(2022, 5, 1)),
        ActionInput(A.OPINIONS, date(2022, 5, 10)),
    ):
        perform(db, w.person, step, "test")
    dialog = open_action(qtbot, w, A.CELL_VOTE)
    type_in(qtbot, dialog, "on", "01/06/2022")
    type_in(qtbot, dialog, "official_members", "9")
    edit = type_in(qtbot, dialog, "votes_for", "9")
    dialog.refresh_preview()
    assert "AGE_UNDER_18" in [f.code for f in dialog.findings.findings if f.severity == "error"]
    assert any("17" in t for t in dialog.findings.texts())
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.recorded is None and w.stage() == "dossier"
    edit = type_in(qtbot, dialog, "override_reason", "Theo văn bản đồng ý của Đảng ủy")
    press_enter(qtbot, dialog, edit)
    assert w.stage() == "proposed"
    assert ("action:cell_vote", ACTOR, "Theo văn bản đồng ý của Đảng ủy") in w.audit()
    assert w.pipeline.undo_last() is not None
    assert w.stage() == "dossier"
