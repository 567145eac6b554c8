"""The Classes tab: plan a class, nominate, enrol, record results, issue certificates; a
capacity overflow is refused with a message and nothing written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from ui_data import wait_loaded

from dvdesk.db.engine import Database
from dvdesk.services import classes
from dvdesk.services.candidates import person_detail
from dvdesk.ui.app import Gui
from dvdesk.ui.class_dialog import ClassDialog
from dvdesk.ui.class_roster import CertificatesDialog, NominateDialog, ResultsDialog
from pdf_text import pdf_text


def _open(qtbot: QtBot, make_gui: Callable[..., Gui]):  # type: ignore[no-untyped-def]
    gui = make_gui()
    window = gui.window
    window.tabs.setCurrentWidget(window.classes_tab)
    wait_loaded(qtbot, window)
    tab = window.classes_tab
    tab.set_year(2026)
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    return window, tab


def _person_id(db: Database, name: str) -> str:
    from dvdesk.services.people import list_people

    return next(p.id for p in list_people(db) if p.full_name == name)


def test_plan_nominate_enrol_results_certificates(
    qtbot: QtBot, make_gui: Callable[..., Gui], db: Database, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window, tab = _open(qtbot, make_gui)
    assert tab.model.rowCount() == 0
    assert any("2026" in t for t in tab.plan_notes.texts())

    def fill_and_save(dialog: ClassDialog) -> int:
        dialog.name.setText("Lớp nhận thức khóa 2/2026")
        dialog.start_date.setText("01/08/2025")  # outside the year: refused inline
        dialog.capacity.setValue(1)
        dialog.save()
        assert "start_date" in dialog.error_messages()
        assert dialog.isVisible() or dialog.result() == 0
        dialog.start_date.setText("03/08/2026")
        dialog.end_date.setText("07/08/2026")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ClassDialog, "exec", fill_and_save)
    tab.plan_class()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tab.roster.current is not None)
    summary = tab.roster.current
    assert summary.name == "Lớp nhận thức khóa 2/2026" and summary.quarter == 3

    chau = _person_id(db, "Trần Minh Châu")

    def pick(dialog: NominateDialog) -> int:
        dialog.check([chau])
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(NominateDialog, "exec", pick)
    tab.roster.nominate()
    assert [r.full_name for r in tab.roster.model.rows()] == ["Trần Minh Châu"]

    tab.roster.select_people([chau])
    tab.roster.enrol_selected()
    assert tab.roster.model.rows()[0].status == "enrolled"

    def results(dialog: ResultsDialog) -> int:
        dialog.set_result(0, True, 5, "8,5")
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(ResultsDialog, "exec", results)
    tab.roster.select_people([chau])
    tab.roster.record_results()
    row = tab.roster.model.rows()[0]
    assert (row.status, row.attended_sessions, row.score) == ("passed", 5, "8,5")

    def certificates(dialog: CertificatesDialog) -> int:
        dialog.first_number.setValue(41)
        dialog.pattern.setText("{n}/CN-ĐU")
        dialog.issuer.setText("Đảng ủy Khối")
        dialog.issue()
        return dialog.result()

    monkeypatch.setattr(CertificatesDialog, "exec", certificates)
    tab.roster.issue_certificates()
    assert tab.roster.model.rows()[0].certificate_number == "41/CN-ĐU"
    detail = person_detail(db, chau, window._backend.today(), "vi")
    assert detail.stage == "trained"
    assert [r.certificates for r in classes.classes_for(db, 2026)] == [1]

    # The roster and the certificate print for the class chosen.
    shown: list[object] = []
    tab.open_preview = shown.append
    roster = tab.print_class("DS-LOP")
    certificate = tab.print_class("CN-NTVĐ")
    assert roster is not None and certificate is not None and shown == [roster, certificate]
    assert "Trần Minh Châu" in pdf_text(roster.pdf)
    text = pdf_text(certificate.pdf)
    assert "GIẤY CHỨNG NHẬN" in text and "Trần Minh Châu" in text and "41/CN-ĐU" in text


def test_capacity_overflow_is_refused_and_nothing_written(
    qtbot: QtBot, make_gui: Callable[..., Gui], db: Database
) -> None:
    cid = classes.plan_class(
        db, classes.ClassInput("awareness", "Lớp nhỏ", 2026, 3, capacity=1), "test"
    )
    chau, be = _person_id(db, "Trần Minh Châu"), _person_id(db, "Lê Văn Bé")
    classes.nominate(db, cid, [chau, be], date(2026, 7, 1), "test")
    _, tab = _open(qtbot, make_gui)
    tab.select_class(cid)
    assert tab.roster.current is not None and tab.roster.current.id == cid
    before = classes.class_enrolments(db, cid)
    tab.roster.select_people([chau, be])
    assert tab.roster.enrol_button.isEnabled()
    tab.roster.enrol_selected()
    assert "Lớp chỉ còn 1 chỗ" in tab.roster.error.message()
    assert classes.class_enrolments(db, cid) == before
    assert {r.status for r in tab.roster.model.rows()} == {"nominated"}


def test_a_class_saved_by_another_desk_meanwhile_is_named_and_asked_about(
    qtbot: QtBot, db: Database
) -> None:
    """The dialog opens a class; another desk changes its place and saves; Save says what
    changed and asks: keep editing writes nothing and keeps the typing; saving over it goes
    through from the class as it is now."""
    from dataclasses import replace

    from PySide6.QtCore import Qt
    from ui_data import TODAY

    from dvdesk.ui.backend import Backend

    cid = classes.plan_class(
        db, classes.ClassInput("awareness", "Lớp khóa 1", 2026, 3, place="Hội trường A"), "test"
    )
    [summary] = [c for c in classes.classes_for(db, 2026) if c.id == cid]
    dialog = ClassDialog(Backend(db, "vi", today=lambda: TODAY), 2026, summary, actor="desk1")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Lớp khóa 1/2026")
    there = classes.class_input(db, cid)
    classes.update_class(db, cid, replace(there, place="Hội trường B"), "desk2", there)
    asked: list[str] = []
    answers = iter([False, True])

    def answer(message: str) -> bool:
        asked.append(message)
        return next(answers)

    dialog.ask_overwrite = answer  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_id is None and dialog.isVisible()
    assert "Địa điểm" in asked[0] and "Hội trường B" in asked[0]
    assert "Địa điểm" in dialog.form_error.message()
    assert dialog.name.text() == "Lớp khóa 1/2026"  # what was typed is kept
    assert classes.class_input(db, cid).name == "Lớp khóa 1"  # and not written
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and dialog.saved_id == cid
    assert classes.class_input(db, cid).name == "Lớp khóa 1/2026"


def test_results_recorded_by_another_desk_meanwhile_are_named_and_asked_about(
    qtbot: QtBot, make_gui: Callable[..., Gui], db: Database, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    cid = classes.plan_class(db, classes.ClassInput("awareness", "Lớp khóa 3", 2026, 3), "test")
    chau = _person_id(db, "Trần Minh Châu")
    classes.nominate(db, cid, [chau], date(2026, 7, 1), "test")
    classes.enrol(db, cid, [chau], date(2026, 7, 2), "test")
    _, tab = _open(qtbot, make_gui)
    tab.select_class(cid)
    tab.roster.select_people([chau])
    asked: list[str] = []
    answers = iter([False, True])

    def answer(message: str) -> bool:
        asked.append(message)
        return next(answers)

    def results(dialog: ResultsDialog) -> int:
        dialog.ask_overwrite = answer  # type: ignore[method-assign]
        dialog.set_result(0, False, 3, "4")
        # Meanwhile another desk records a pass with a score.
        classes.record_results(db, cid, {chau: (True, 6, "9")}, date(2026, 7, 20), "desk2")
        dialog._accept()
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert "Trần Minh Châu, điểm" in asked[0] and "«9»" in asked[0]
        assert "«9»" in dialog.error.message()
        assert dialog.table.item(0, 3).text() == "4"  # what was typed is kept
        assert classes.class_enrolments(db, cid)[0].score == "9"  # and nothing written
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(ResultsDialog, "exec", results)
    tab.roster.record_results()
    assert len(asked) == 2
    [row] = classes.class_enrolments(db, cid)
    assert (row.status, row.attended_sessions, row.score) == ("failed", 3, "4")
    assert [r.status for r in tab.roster.model.rows()] == ["failed"]
