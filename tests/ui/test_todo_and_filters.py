"""The to-do panel (overdue and due this week, one click from the person) and the list's
filters (unit, overdue, Youth Union, student, rule findings), which survive a restart."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_data import TODAY, UNIT, _person

from dvdesk.db.engine import Database
from dvdesk.db.models import Unit
from dvdesk.services.people import PersonInput
from dvdesk.ui.app import Gui
from dvdesk.ui.candidate_table_model import COL_NAME
from dvdesk.ui.candidates_tab import CandidatesTab
from dvdesk.ui.todo_panel import T_NAME, T_WHEN, TodoTableModel

STUDENT_UNIT = "Chi bộ Sinh viên"


def names(tab: CandidatesTab) -> list[str]:
    return [tab.proxy.index(r, COL_NAME).data() for r in range(tab.proxy.rowCount())]


def wait_todo(qtbot: QtBot, tab: CandidatesTab) -> None:
    qtbot.waitUntil(lambda: tab.todo.activated and not tab.todo.loading)


def add_student(db: Database) -> None:
    """A fifth person, a student and Youth Union member, in a second unit."""
    with db.unit_of_work() as s:
        unit = Unit(code="CB02", name=STUDENT_UNIT, kind="chi_bo")
        s.add(unit)
        s.flush()
        unit_id = unit.id
    _person(
        db,
        PersonInput(
            full_name="Vũ Thị Dung",
            code="P5",
            occupation="Sinh viên năm thứ ba",
            youth_union_member=True,
        ),
        unit_id,
    )


def test_todo_lists_the_overdue_and_a_click_selects_the_person(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    window = make_gui().window
    tab = window.candidates_tab
    wait_todo(qtbot, tab)
    items = tab.todo.items()
    binh = next(i for i in items if i.person == "P2")
    assert binh.status == "overdue" and binh.due < TODAY
    row = items.index(binh)
    cell = tab.todo.proxy.index(row, T_WHEN)
    # Overdue in words, with an icon, not by colour alone.
    assert cell.data().startswith("Quá hạn ") and "ngày" in cell.data()
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    assert tab.todo.proxy.index(row, T_NAME).data() == "Đặng Thị Bình"

    window.show()
    qtbot.waitExposed(window)
    rect = tab.todo.view.visualRect(tab.todo.proxy.index(row, T_NAME))
    qtbot.mouseClick(tab.todo.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = tab.current_row()
    assert current is not None and current.code == "P2"
    assert [r.code for r in tab.selected_rows()] == ["P2"]
    view = tab.person_view
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.id == current.id)
    assert view.title.text() == "Đặng Thị Bình"


def test_enter_on_a_todo_line_selects_a_person_hidden_by_the_filters(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    window = make_gui().window
    tab = window.candidates_tab
    wait_todo(qtbot, tab)
    tab.stage_filter.setCurrentIndex(tab.stage_filter.findData("sympathiser"))
    assert names(tab) == ["Trần Minh Châu"]
    window.show()
    qtbot.waitExposed(window)
    row = [i.person for i in tab.todo.items()].index("P2")
    tab.todo.view.setFocus()
    tab.todo.view.setCurrentIndex(tab.todo.proxy.index(row, 0))
    qtbot.keyClick(tab.todo.view, Qt.Key.Key_Return)
    # The filters that hid her are cleared, and she is selected and shown.
    assert tab.stage_filter.currentIndex() == 0
    assert len(names(tab)) == 4
    current = tab.current_row()
    assert current is not None and current.code == "P2"
    qtbot.waitUntil(lambda: tab.person_view.title.text() == "Đặng Thị Bình")


def test_each_filter_narrows_the_list(
    qtbot: QtBot, db: Database, make_gui: Callable[..., Gui]
) -> None:
    add_student(db)
    tab = make_gui().window.candidates_tab
    everyone = names(tab)
    assert len(everyone) == 5

    tab.overdue_filter.setChecked(True)
    assert names(tab) == ["Đặng Thị Bình"]
    tab.overdue_filter.setChecked(False)

    tab.youth_union_filter.setChecked(True)
    assert sorted(names(tab)) == ["Vũ Thị Dung", "Đặng Thị Bình"]
    tab.youth_union_filter.setChecked(False)

    tab.student_filter.setChecked(True)
    assert names(tab) == ["Vũ Thị Dung"]
    tab.student_filter.setChecked(False)

    tab.has_findings_filter.setChecked(True)
    with_findings = names(tab)
    assert "Lê Văn Bé" in with_findings and "Nguyễn Văn An" not in with_findings
    tab.has_findings_filter.setChecked(False)

    units = [tab.unit_filter.itemText(i) for i in range(tab.unit_filter.count())]
    assert units == ["Tất cả chi bộ", STUDENT_UNIT, UNIT]
    tab.unit_filter.setCurrentIndex(tab.unit_filter.findData(STUDENT_UNIT))
    assert names(tab) == ["Vũ Thị Dung"]
    tab.unit_filter.setCurrentIndex(tab.unit_filter.findData(UNIT))
    assert len(names(tab)) == 4

    # Filters combine with each other and with the search.
    tab.youth_union_filter.setChecked(True)
    assert names(tab) == ["Đặng Thị Bình"]
    tab.search.setText("chau")
    qtbot.waitUntil(lambda: tab.proxy.rowCount() == 0)
    tab.clear_filters()
    assert names(tab) == everyone


def test_filter_state_is_restored_in_a_new_window(
    qtbot: QtBot, db: Database, make_gui: Callable[..., Gui]
) -> None:
    add_student(db)
    first = make_gui().window
    tab = first.candidates_tab
    tab.unit_filter.setCurrentIndex(tab.unit_filter.findData(UNIT))
    tab.stage_filter.setCurrentIndex(tab.stage_filter.findData("proposed"))
    tab.has_findings_filter.setChecked(True)
    shown = names(tab)
    assert 0 < len(shown) < 5
    first.close()

    tab = make_gui().window.candidates_tab
    assert tab.unit_filter.currentData() == UNIT
    assert tab.stage_filter.currentData() == "proposed"
    assert tab.has_findings_filter.isChecked()
    assert not tab.overdue_filter.isChecked() and not tab.student_filter.isChecked()
    assert names(tab) == shown
    # The unit list is filled in, with the saved unit still chosen.
    assert tab.unit_filter.findData(STUDENT_UNIT) > 0


def test_filters_and_todo_are_reachable_by_keyboard(make_gui: Callable[..., Gui]) -> None:
    tab = make_gui().window.candidates_tab
    chain = [tab.search, tab.stage_filter, tab.unit_filter, tab.overdue_filter]
    chain += [tab.youth_union_filter, tab.student_filter, tab.has_findings_filter]
    chain += [tab.view, tab.todo.view, tab.person_view.body]
    for before, after in pairwise(chain):
        assert before.nextInFocusChain() is after or _next_focusable(before) is after
    for box in (tab.overdue_filter, tab.youth_union_filter, tab.student_filter):
        assert "&" in box.text()
    assert tab.todo.label.buddy() is tab.todo.view
    assert tab.person_view.title_label.buddy() is tab.person_view.body


def _next_focusable(widget: object) -> object:
    nxt = widget.nextInFocusChain()  # type: ignore[attr-defined]
    while nxt is not widget and not (
        nxt.focusPolicy() & Qt.FocusPolicy.TabFocus and nxt.isEnabled()
    ):
        nxt = nxt.nextInFocusChain()
    return nxt


def test_todo_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, make_gui: Callable[..., Gui]
) -> None:
    tab = make_gui().window.candidates_tab
    wait_todo(qtbot, tab)
    items = tab.todo.items()
    assert items
    qtmodeltester.check(tab.todo.model)
    qtmodeltester.check(tab.todo.proxy)
    tab.todo.view.sortByColumn(T_NAME, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(tab.todo.proxy)

    model = TodoTableModel()
    qtmodeltester.check(model)
    model.set_rows(items)
    model.sort(T_WHEN, Qt.SortOrder.AscendingOrder)
    model.set_predicate("overdue", lambda row: row.status == "overdue")
    assert 1 <= model.rowCount() <= len(items)
    model.clear()
    assert model.rowCount() == 0
