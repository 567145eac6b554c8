"""The Reports tab: the plan and its dialog, the report with its charts, the procedure check, and
printing and exporting each, offscreen, on the small database and on demo data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_data import TODAY

from dvdesk.db.engine import Database
from dvdesk.db.models import Person, PipelineEvent
from dvdesk.domain.pipeline import EventKind
from dvdesk.services import demo, plans, reports
from dvdesk.services.setup import open_data_dir
from dvdesk.ui.app import Gui
from dvdesk.ui.backend import Backend
from dvdesk.ui.bus import CLASSES, MEMBERS, PEOPLE, Bus
from dvdesk.ui.plan_dialog import PlanDialog
from dvdesk.ui.report_widgets import COL_PERSON, KIND_ERROR, item_kind
from dvdesk.ui.reports_tab import PAGE_CHECK, ReportsTab

YEAR = TODAY.year


def wait_report(qtbot: QtBot, tab: ReportsTab) -> None:
    qtbot.waitUntil(lambda: not tab.loading and not tab.busy, timeout=20_000)


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    db = open_data_dir(tmp_path / "demo")
    demo.make_demo(db, units=3, people=120, seed=2, today=TODAY)
    yield db
    db.close()


@pytest.fixture
def make_tab(qtbot: QtBot, demo_db: Database) -> Iterator[Callable[[], ReportsTab]]:
    """The tab alone on demo data (an office with three chi bộ), loaded."""
    made: list[ReportsTab] = []

    def make() -> ReportsTab:
        tab = ReportsTab(Backend(demo_db, "vi", today=lambda: TODAY), Bus())
        qtbot.addWidget(tab)
        tab.resize(1000, 700)
        tab.activate()
        wait_report(qtbot, tab)
        made.append(tab)
        return tab

    yield make
    for tab in made:
        tab.shutdown()


def cell_tab(qtbot: QtBot, make_gui: Callable[..., Gui]) -> ReportsTab:
    tab = make_gui().window.reports_tab
    tab.activate()
    wait_report(qtbot, tab)
    return tab


# --- the plan ------------------------------------------------------------------------------


def test_the_founding_plan_is_saved_and_shown(qtbot: QtBot, make_gui: Callable[..., Gui]) -> None:
    tab = cell_tab(qtbot, make_gui)
    assert tab.plan is None and tab.plan_box.isHidden() and not tab.plan_hint.isHidden()
    assert not tab.print_plan_button.isEnabled()

    def fill_and_save(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanDialog)
        dialog.fill_founding()
        dialog.save()
        return dialog.result()

    tab.run_dialog = fill_and_save
    tab.edit_plan()
    saved = plans.get_plan(tab._backend.db, tab.unit_id, YEAR)
    assert saved is not None
    assert (saved.admit_target, saved.youth_union_share) == (200, 70)
    assert saved.base_plans_due == date(YEAR, 3, 5)
    assert (saved.awareness_classes_min, saved.awareness_classes_max) == (3, 4)
    assert not tab.plan_box.isHidden()
    assert "200" in tab.plan_values["admit"].text()
    assert "70%" in tab.plan_values["youth_union"].text()
    assert "140" in tab.plan_values["youth_union"].text()
    assert tab.plan_values["base_plans_due"].text() == "05/03/2026"
    assert tab.print_plan_button.isEnabled()
    # The report is measured against the new target.
    wait_report(qtbot, tab)
    assert tab.report is not None and tab.report.figures.target == 200
    assert "200" in tab.figure_values["admitted"].text()
    assert tab.progress_chart.target == 200


def test_a_bad_value_shows_next_to_its_field_and_nothing_is_saved(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    tab = cell_tab(qtbot, make_gui)
    dialog = PlanDialog(tab._backend, tab.unit_id, YEAR, None, False, tab)
    qtbot.addWidget(dialog)
    dialog.fill_founding()
    dialog.youth_union_share.setValue(150)
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert set(dialog.error_messages()) == {"youth_union_share"}
    assert "100" in dialog.errors["youth_union_share"].message()
    assert dialog.form_error.message()
    assert plans.get_plan(tab._backend.db, tab.unit_id, YEAR) is None

    # An unreadable date: told under that date, on its page, before the service is asked.
    dialog.youth_union_share.setValue(70)
    dialog.date_edits["base_plans_due"].setText("31/02/2026")
    dialog.save()
    assert set(dialog.error_messages()) == {"base_plans_due"}
    assert plans.get_plan(tab._backend.db, tab.unit_id, YEAR) is None

    # Minimum above maximum: the classes row says so.
    dialog.date_edits["base_plans_due"].setText("05/03/2026")
    dialog.new_member_classes_min.setValue(5)
    dialog.save()
    assert set(dialog.error_messages()) == {"new_member_classes_min"}
    assert plans.get_plan(tab._backend.db, tab.unit_id, YEAR) is None

    dialog.new_member_classes_min.setValue(2)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.saved is not None and dialog.saved.admit_target == 200


def test_the_office_gives_targets_to_its_units(make_tab: Callable[[], ReportsTab]) -> None:
    tab = make_tab()
    assert tab.office and tab.plan is not None  # the demo office has the founding plan
    dialog = PlanDialog(tab._backend, tab.unit_id, YEAR, tab.plan, True, tab)
    assert len(dialog.unit_spins) == 3
    assert dialog.admit_target.value() == 200  # the existing plan is loaded
    first, second, third = list(dialog.unit_spins)
    assert sum(dialog.unit_spins[u][0].value() for u in dialog.unit_spins) == 200  # shared out
    dialog.unit_spins[first][0].setValue(120)
    dialog.unit_spins[second][0].setValue(80)
    dialog.unit_spins[third][0].setValue(0)
    assert "200" in dialog.units_sum.text()
    dialog.save()
    assert dialog.saved is not None
    assert {t.unit_id: t.admit_target for t in dialog.saved.targets} == {first: 120, second: 80}
    dialog.deleteLater()


def test_a_plan_saved_by_another_desk_meanwhile_is_named_and_asked_about(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    """Both desks open the plan before it exists; the other saves first; Save says what the
    other desk wrote and asks: keep editing writes nothing; saving over it goes through."""
    from dataclasses import replace

    tab = cell_tab(qtbot, make_gui)
    db = tab._backend.db
    dialog = PlanDialog(tab._backend, tab.unit_id, YEAR, None, False, tab)
    qtbot.addWidget(dialog)
    dialog.fill_founding()
    there = plans.plan_input(db, tab.unit_id, YEAR)
    plans.save_plan(db, replace(there, admit_target=12), "desk2", there)
    asked: list[str] = []
    answers = iter([False, True])

    def answer(message: str) -> bool:
        asked.append(message)
        return next(answers)

    dialog.ask_overwrite = answer  # type: ignore[method-assign]
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.saved is None
    assert "Chỉ tiêu kết nạp: «0» → «12»" in asked[0]
    assert "Chỉ tiêu kết nạp" in dialog.form_error.message()
    assert dialog.admit_target.value() == 200  # what was typed is kept
    assert plans.plan_input(db, tab.unit_id, YEAR).admit_target == 12  # and not written
    dialog.save()
    assert len(asked) == 2 and dialog.result() == QDialog.DialogCode.Accepted
    assert plans.plan_input(db, tab.unit_id, YEAR).admit_target == 200


# --- the report ----------------------------------------------------------------------------


def _independent_counts(db: Database, start: date, end: date) -> dict[str, int]:
    """What the report should say, counted straight from the events table."""

    def people(kind: EventKind) -> set[str]:
        with db.reader() as s:
            rows = s.execute(
                select(PipelineEvent.person_id).where(
                    PipelineEvent.kind == kind.value,
                    PipelineEvent.on_date >= start,
                    PipelineEvent.on_date <= end,
                )
            )
            return {r[0] for r in rows}

    admitted = people(EventKind.CEREMONY)
    with db.reader() as s:
        youth = s.execute(
            select(Person.id).where(Person.id.in_(admitted), Person.youth_union_member)
        ).all()
        women = s.execute(select(Person.id).where(Person.id.in_(admitted), Person.sex == "nu"))
        women_count = len(women.all())
    return {
        "admitted": len(admitted),
        "youth_union": len(youth),
        "women": women_count,
        "recognised": len(people(EventKind.RECOGNITION_DECISION)),
        "struck_off": len(people(EventKind.STRUCK_OFF)),
        "added": len(people(EventKind.SYMPATHISER_LISTED)),
        "removed": len(people(EventKind.REMOVED)),
    }


def test_the_report_shows_what_the_service_and_the_database_say(
    qtbot: QtBot, make_tab: Callable[[], ReportsTab], demo_db: Database
) -> None:
    tab = make_tab()
    assert tab.kind() == reports.YEAR and tab.year.value() == YEAR
    expected = reports.report(demo_db, "year", YEAR, tab.unit_id, "vi", TODAY)
    f = tab.report.figures if tab.report else None
    assert f == expected.figures

    counts = _independent_counts(demo_db, date(YEAR, 1, 1), date(YEAR, 12, 31))
    assert counts["admitted"] > 0  # the demo admits people this year
    assert (f.admitted, f.youth_union, f.women) == (
        counts["admitted"],
        counts["youth_union"],
        counts["women"],
    )
    assert (f.recognised, f.struck_off) == (counts["recognised"], counts["struck_off"])
    assert (f.sympathisers_added, f.sympathisers_removed) == (counts["added"], counts["removed"])

    values = {k: v.text() for k, v in tab.figure_values.items()}
    assert values["admitted"].startswith(f"{f.admitted} ")
    assert "200" in values["admitted"]
    assert values["youth_union"].startswith(f"{f.youth_union} (")
    assert "70%" in values["youth_union"]
    assert values["recognised"] == str(counts["recognised"])
    assert values["struck_off"] == str(counts["struck_off"])
    assert str(counts["added"]) in values["sympathisers"]
    assert str(counts["removed"]) in values["sympathisers"]
    assert values["women"].startswith(f"{counts['women']} (")
    assert str(f.awareness.held) in values["awareness"]

    # The charts get the service's numbers.
    assert tab.progress_chart.monthly == list(f.admitted_by_month)
    assert sum(tab.progress_chart.monthly) == counts["admitted"]
    assert tab.progress_chart.target == 200
    assert tab.progress_chart.through_month == TODAY.month
    assert tab.pipeline_chart.data == [(s.label, s.count) for s in expected.stages]
    assert tab.breakdown_charts["sex"].data == list(f.by_sex)
    assert tab.breakdown_charts["youth_union"].data == list(f.by_youth_union)
    assert tab.breakdown_charts["age_group"].data == list(f.by_age_group)
    assert sum(n for _, n in tab.breakdown_charts["occupation"].data) == f.admitted
    # The office sees a row per unit.
    assert not tab.units_box.isHidden()
    assert tab.units_model.rowCount() == len(f.per_unit)
    assert sum(r.admitted for r in tab.units_model.rows()) == f.admitted

    # The first six months.
    tab.period.setCurrentIndex(tab.period.findData(reports.HALF_YEAR))
    wait_report(qtbot, tab)
    half = reports.report(demo_db, "half_year", YEAR, tab.unit_id, "vi", TODAY).figures
    assert tab.report is not None and tab.report.figures == half
    counts = _independent_counts(demo_db, date(YEAR, 1, 1), date(YEAR, 6, 30))
    assert half.admitted == counts["admitted"]
    assert tab.figure_values["admitted"].text().startswith(f"{counts['admitted']} ")
    assert tab.progress_chart.through_month == 6


def test_a_year_without_admissions_says_so(
    qtbot: QtBot, make_tab: Callable[[], ReportsTab]
) -> None:
    tab = make_tab()
    tab.year.setValue(YEAR - 5)
    wait_report(qtbot, tab)
    assert tab.report is not None and tab.report.figures.admitted == 0
    assert tab.plan is None and tab.plan_box.isHidden()
    assert not tab.nobody_label.isHidden()
    assert all(chart.isHidden() for chart in tab.breakdown_charts.values())
    assert tab.figure_values["admitted"].text() == "0"


def test_the_tab_reloads_when_people_or_classes_change(
    qtbot: QtBot, make_tab: Callable[[], ReportsTab]
) -> None:
    tab = make_tab()
    bus: Bus = tab._bus
    assert tab.busy_bar.isHidden() and tab.print_report_button.isEnabled()
    tab.load_report()
    # Busy while the figures are computed: said so, and nothing to print meanwhile.
    assert tab.loading and not tab.busy_label.isHidden() and tab.busy_label.text()
    assert not tab.print_report_button.isEnabled() and not tab.export_check_button.isEnabled()
    wait_report(qtbot, tab)
    assert tab.busy_bar.isHidden() and tab.print_report_button.isEnabled()
    tab.show()
    qtbot.waitExposed(tab)
    with qtbot.waitSignal(tab.loaded, timeout=20_000):
        bus.announce(PEOPLE)
    with qtbot.waitSignal(tab.loaded, timeout=20_000):
        bus.announce(CLASSES)
    bus.announce(MEMBERS)  # not counted in the report
    assert not tab.loading
    tab.hide()
    bus.announce(PEOPLE)
    assert not tab.loading and tab._stale  # read again when shown
    with qtbot.waitSignal(tab.loaded, timeout=20_000):
        tab.show()


# --- the procedure check -------------------------------------------------------------------


def test_the_procedure_list_opens_the_person(
    qtbot: QtBot, make_tab: Callable[[], ReportsTab], demo_db: Database
) -> None:
    tab = make_tab()
    check = reports.procedure_check(
        demo_db, date(YEAR, 1, 1), date(YEAR, 12, 31), tab.unit_id, "vi", TODAY
    )
    assert check.items
    assert sorted(tab.model.rows(), key=repr) == sorted(check.items, key=repr)
    assert tab.model.total() == len(check.items)

    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData(KIND_ERROR))
    errors = [i for i in check.items if item_kind(i) == KIND_ERROR]
    assert tab.proxy.rowCount() == len(errors)
    assert all(item_kind(r) == KIND_ERROR for r in tab.model.rows())
    tab.kind_filter.setCurrentIndex(0)
    name = check.items[0].person_name
    tab.search.setText(name)
    assert 0 < tab.proxy.rowCount() < len(check.items) or len(check.items) == 1
    assert all(r.person_name == name or name in r.message for r in tab.model.rows())
    tab.search.clear()

    tab.show()
    tab.pages.setCurrentIndex(PAGE_CHECK)
    qtbot.waitExposed(tab)
    index = tab.proxy.index(2, COL_PERSON)
    wanted = tab.proxy.row_at(index).person_id
    tab.view.scrollTo(index)
    rect = tab.view.visualRect(index)
    received: list[str] = []
    tab.person_requested.connect(received.append)
    # A real double-click: press, release, then the double-click.
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(tab.person_requested) as signal:
        qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert received == [wanted]  # once
    assert signal.args == [wanted]
    # Enter does the same.
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.proxy.index(0, 0))
    with qtbot.waitSignal(tab.person_requested) as signal:
        qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert signal.args == [tab.proxy.row_at(tab.proxy.index(0, 0)).person_id]


# --- printing and exporting ----------------------------------------------------------------


def test_print_makes_pdfs_and_can_number_the_plan(
    qtbot: QtBot, make_tab: Callable[[], ReportsTab], demo_db: Database
) -> None:
    tab = make_tab()
    shown: list[tuple[bytes, str, str]] = []
    tab.open_preview = lambda pdf, title, name: shown.append((pdf, title, name))
    tab.ask_print_options = lambda title: (TODAY, False)
    tab.print_plan()
    qtbot.waitUntil(lambda: len(shown) == 1 and not tab.busy, timeout=20_000)
    tab.print_report()
    qtbot.waitUntil(lambda: len(shown) == 2 and not tab.busy, timeout=20_000)
    tab.print_check()
    qtbot.waitUntil(lambda: len(shown) == 3 and not tab.busy, timeout=20_000)
    assert all(pdf.startswith(b"%PDF") for pdf, _, _ in shown)
    assert [name for _, _, name in shown] == [
        "KH_phat_trien_dang_vien_2026.pdf",
        "BC_tong_ket_nam_2026.pdf",
        "BC_kiem_tra_thu_tuc_2026.pdf",
    ]
    assert tab.plan is not None and tab.plan.document_id is None  # a draft: no number

    tab.ask_print_options = lambda title: (TODAY, True)
    tab.print_plan()
    qtbot.waitUntil(lambda: len(shown) == 4 and not tab.busy, timeout=20_000)
    assert tab.plan is not None and tab.plan.document_id is not None  # in the register now

    # Cancelled: nothing made.
    tab.ask_print_options = lambda title: None
    tab.print_report()
    assert not tab.busy and len(shown) == 4


def test_export_writes_workbooks(
    qtbot: QtBot,
    make_tab: Callable[[], ReportsTab],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab = make_tab()
    answers = iter([str(tmp_path / "bao_cao"), str(tmp_path / "kiem_tra.xlsx"), ""])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    tab.export_report()
    report_path = tmp_path / "bao_cao.xlsx"  # the suffix is added
    qtbot.waitUntil(lambda: not tab.busy and report_path.exists(), timeout=20_000)
    book = openpyxl.load_workbook(report_path)
    assert len(book.sheetnames) > 1
    assert str(report_path) in tab.message.text()

    tab.export_check()
    check_path = tmp_path / "kiem_tra.xlsx"
    qtbot.waitUntil(lambda: not tab.busy and check_path.exists(), timeout=20_000)
    sheet = openpyxl.load_workbook(check_path).active
    assert sheet is not None and sheet.max_row > len(tab.check.items if tab.check else ())

    tab.export_report()  # cancelled in the file dialog: nothing happens
    assert not tab.busy


def test_a_person_from_the_procedure_check_opens_in_the_candidates_tab(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    window = make_gui().window
    person = next(r for r in window.candidates_tab.model.rows() if r.code == "P4")
    window.tabs.setCurrentWidget(window.reports_tab)
    window.reports_tab.person_requested.emit(person.id)
    assert window.tabs.currentWidget() is window.candidates_tab
    assert window.candidates_tab.current_row() == person
