"""Printing from the people list: the print dialog numbers the form once, keeps what was typed,
shows the preview; several selected people print as one batch."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QPlainTextEdit
from pytestqt.qtbot import QtBot

from dvdesk.services import printing, register
from dvdesk.ui.app import Gui
from dvdesk.ui.pdf_preview import PdfPreviewDialog
from dvdesk.ui.print_dialog import PrintFormDialog
from dvdesk.ui.print_settings_dialog import PrintSettingsDialog


def _person_id(gui: Gui, code: str) -> str:
    tab = gui.window.candidates_tab
    row = next(r for r in tab.model.rows() if r.code == code)
    return row.id


def test_printing_a_resolution_numbers_it_once_and_keeps_the_typed_text(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    gui = make_gui()
    tab = gui.window.candidates_tab
    person = _person_id(gui, "P2")
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        if isinstance(dialog, PrintFormDialog):
            field = dialog.fields["conclusions"]
            assert isinstance(field, QPlainTextEdit)
            if not field.toPlainText():
                field.setPlainText("Lý lịch rõ ràng, có nhận thức đúng về Đảng.")
            dialog.print_form()
            return int(dialog.result())
        assert isinstance(dialog, PdfPreviewDialog)
        assert dialog.page_count() >= 1
        return 0

    tab.printing.run_dialog = run
    printed = tab.printing.print_one("6-KNĐ", person)
    assert printed is not None and printed.number_text == "01-NQ/CB"
    assert [type(d).__name__ for d in seen] == ["PrintFormDialog", "PdfPreviewDialog"]
    entries = register.entries(gui.db)
    assert [(e.number_text, e.form_code, e.person_id) for e in entries] == [
        ("01-NQ/CB", "6-KNĐ", person)
    ]
    assert entries[0].inputs["conclusions"].startswith("Lý lịch rõ ràng")

    # Printed again: the same number, and the dialog starts from the text typed the first time.
    seen.clear()
    again = tab.printing.print_one("6-KNĐ", person)
    assert again is not None and again.number_text == "01-NQ/CB"
    dialog = seen[0]
    assert isinstance(dialog, PrintFormDialog)
    assert "01-NQ/CB" in dialog.number_label.text()
    assert len(register.entries(gui.db)) == 1


def test_a_bad_date_is_shown_next_to_the_field_and_nothing_is_numbered(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    gui = make_gui()
    dialog = PrintFormDialog(gui.window._backend, "6-KNĐ", _person_id(gui, "P2"), gui.window)
    qtbot.addWidget(dialog)
    dialog.date.setText("31/02/2026")
    dialog.print_form()
    assert dialog.printed is None
    assert dialog.errors["issued_on"].message()
    assert register.entries(gui.db) == []


def test_several_selected_people_print_as_one_batch(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    gui = make_gui()
    tab = gui.window.candidates_tab
    ids = [_person_id(gui, "P2"), _person_id(gui, "P4")]
    calls: list[tuple[str, int]] = []

    def batch(parent: object, title: str, jobs: list, name: str) -> bytes | None:
        pdfs = [job() for _label, job in jobs]
        calls.append((title, len(pdfs)))
        return pdfs[0]

    tab.printing.batch = batch
    tab.printing.print_for("6-KNĐ", ids)
    assert calls and calls[0][1] == 2
    numbers = sorted(e.number_text for e in register.entries(gui.db))
    assert numbers == ["01-NQ/CB", "02-NQ/CB"]


def test_the_row_menu_offers_the_forms(qtbot: QtBot, make_gui: Callable[..., Gui]) -> None:
    gui = make_gui()
    tab = gui.window.candidates_tab
    row = next(r for r in tab.model.rows() if r.code == "P2")
    menu = tab.action_menu(row)
    print_menu = next(
        a.menu()
        for a in menu.actions()
        if a.menu() is not None and a.menu().objectName() == "print_menu"
    )
    codes = [a.data() for a in print_menu.actions()]
    assert "6-KNĐ" in codes and "2-KNĐ" in codes and "9-KNĐ" in codes


def test_print_settings_are_saved_and_used_on_the_next_form(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    gui = make_gui()
    dialog = PrintSettingsDialog(gui.window._backend, gui.window)
    qtbot.addWidget(dialog)
    dialog.place.setText("Vinh")
    dialog.margins["left"].setValue(35)
    dialog.unit_symbol.setText("C B")
    dialog.save()
    assert not dialog.saved and dialog.unit_symbol_error.message()
    dialog.unit_symbol.setText("CBVP")
    dialog.save()
    assert dialog.saved
    printed = printing.print_person_form(gui.db, "6-KNĐ", _person_id(gui, "P2"))
    assert printed.number_text == "01-NQ/CBVP"


def test_print_settings_saved_by_another_desk_meanwhile_are_named_and_asked_about(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    from dataclasses import replace

    from dvdesk.services import print_settings

    gui = make_gui()
    dialog = PrintSettingsDialog(gui.window._backend, gui.window)
    qtbot.addWidget(dialog)
    dialog.place.setText("Vinh")
    dialog.unit_symbol.setText("CBVP")
    there = print_settings.print_page(gui.db)
    assert there.unit is not None
    theirs = replace(there, unit=replace(there.unit, secretary_name="Trần Thị Bình"))
    print_settings.save_print_page(gui.db, theirs, "desk2", there)
    asked: list[str] = []
    answers = iter([False, True])

    def answer(message: str) -> bool:
        asked.append(message)
        return next(answers)

    dialog.ask_overwrite = answer  # type: ignore[method-assign]
    dialog.save()
    assert not dialog.saved and "Trần Thị Bình" in asked[0]
    assert "Trần Thị Bình" in dialog.form_error.message()
    assert dialog.place.text() == "Vinh"  # what was typed is kept
    assert print_settings.print_page(gui.db).settings.place != "Vinh"  # and nothing written
    dialog.save()
    assert dialog.saved and len(asked) == 2
    saved = print_settings.print_page(gui.db)
    assert saved.settings.place == "Vinh"
    assert saved.unit is not None and saved.unit.symbol == "CBVP"


def test_unticking_the_register_prints_without_a_number(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    gui = make_gui()
    dialog = PrintFormDialog(gui.window._backend, "6-KNĐ", _person_id(gui, "P2"), gui.window)
    qtbot.addWidget(dialog)
    dialog.number_it.setChecked(False)
    dialog.print_form()
    assert dialog.printed is not None and dialog.printed.number_text == ""
    assert register.entries(gui.db) == []


def test_the_register_dialog_lists_voids_and_reprints(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    from dvdesk.ui.register_dialog import RegisterDialog

    gui = make_gui()
    tab = gui.window.candidates_tab
    first = printing.print_person_form(gui.db, "6-KNĐ", _person_id(gui, "P2"))
    printing.print_person_form(gui.db, "6-KNĐ", _person_id(gui, "P4"))
    previews: list[QDialog] = []
    tab.printing.run_dialog = lambda d: previews.append(d) or 0
    dialog = RegisterDialog(gui.window._backend, tab.printing, gui.window)
    qtbot.addWidget(dialog)
    assert dialog.model.total() == 2
    numbers = [dialog.model.row(i).number_text for i in range(2)]
    row = numbers.index(first.number_text)
    dialog.view.setCurrentIndex(dialog.proxy.index(row, 0))
    dialog.reprint()
    assert len(previews) == 1 and isinstance(previews[0], PdfPreviewDialog)
    dialog.ask_reason = lambda entry: "In nhầm ngày"
    dialog.void()
    voided = [e for e in register.entries(gui.db) if e.void_reason]
    assert [(e.number_text, e.void_reason) for e in voided] == [(first.number_text, "In nhầm ngày")]
    # Printed again after the void: a new number, never the voided one.
    again = printing.print_person_form(gui.db, "6-KNĐ", _person_id(gui, "P2"))
    assert again.number_text == "03-NQ/CB"


def test_the_privacy_notice_prints_and_the_signed_consent_is_recorded(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    from dvdesk.services import consent
    from pdf_text import pdf_text

    gui = make_gui()
    tab = gui.window.candidates_tab
    ids = [_person_id(gui, "P2"), _person_id(gui, "P4")]
    seen: list[object] = []
    tab.printing.run_dialog = lambda d: seen.append(d) or 0
    pdf = tab.printing.print_notice(ids[:1])
    assert pdf is not None and "dữ liệu cá nhân nhạy cảm" in pdf_text(pdf)
    assert isinstance(seen[0], PdfPreviewDialog)

    tab.printing.ask_text = lambda title, label: None  # cancelled: nothing written
    assert tab.printing.record_consent(ids) == 0
    assert not consent.has_consent(gui.db, ids[0])
    tab.printing.ask_text = lambda title, label: "Lê Văn Giao"
    assert tab.printing.record_consent(ids) == 2
    assert all(consent.has_consent(gui.db, pid) for pid in ids)
    row = next(r for r in tab.model.rows() if r.code == "P2")
    print_menu = next(
        a.menu()
        for a in tab.action_menu(row).actions()
        if a.menu() is not None and a.menu().objectName() == "print_menu"
    )
    assert "TB-DLCN" in [a.data() for a in print_menu.actions()]
