"""The candidates list: what it shows, how it sorts, searches and filters, how it loads, and that
every model passes Qt's model tester."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_data import TODAY, wait_loaded

from dvdesk.db.engine import Database
from dvdesk.domain.text import name_sort_key, search_key
from dvdesk.services.derive import load_calendar
from dvdesk.services.overview import StageChoice
from dvdesk.services.people import PersonInput, PersonRow, create_person
from dvdesk.ui import bus as changes
from dvdesk.ui.app import Gui
from dvdesk.ui.bus import Bus
from dvdesk.ui.candidate_table_model import (
    COL_DAYS,
    COL_DUE,
    COL_FINDINGS,
    COL_NAME,
    COL_NEXT,
    COL_STAGE,
    CandidateTableModel,
)
from dvdesk.ui.candidates_tab import CandidatesTab
from dvdesk.ui.row_table_model import RowRole, SortRole


def names(tab: CandidatesTab) -> list[str]:
    proxy = tab.proxy
    return [proxy.index(r, COL_NAME).data() for r in range(proxy.rowCount())]


def test_lists_people_with_stage_and_next_deadline(make_gui: Callable[..., Gui]) -> None:
    tab = make_gui().window.candidates_tab
    assert tab.model.rowCount() == 4
    rows = {tab.model.row(r).code: r for r in range(tab.model.rowCount())}
    binh = rows["P2"]
    cell = lambda column: tab.model.index(binh, column)  # noqa: E731
    assert cell(COL_NAME).data() == "Đặng Thị Bình"
    assert cell(COL_STAGE).data() == "Chi bộ đề nghị kết nạp"
    assert cell(COL_NEXT).data() == "Quyết định kết nạp"
    row: PersonRow = cell(COL_NAME).data(RowRole)
    assert row.next_due is not None and row.next_due < TODAY
    assert cell(COL_DUE).data() == row.next_due.strftime("%d/%m/%Y")
    late = (TODAY - row.next_due).days
    # Overdue: text, an icon and a colour, never colour alone.
    assert cell(COL_DAYS).data() == f"Quá hạn {late} ngày"
    assert cell(COL_DAYS).data(Qt.ItemDataRole.DecorationRole) is not None
    assert cell(COL_NAME).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(COL_DAYS).data(SortRole) == -late
    # Someone with no open deadline has empty deadline cells and no overdue mark.
    an = rows["P1"]
    assert tab.model.index(an, COL_NEXT).data() == ""
    assert tab.model.index(an, COL_DAYS).data(Qt.ItemDataRole.DecorationRole) is None
    assert tab.model.index(an, COL_NAME).data(Qt.ItemDataRole.BackgroundRole) is None
    # Rule findings are counted in words.
    assert "lỗi" in tab.model.index(rows["P4"], COL_FINDINGS).data()


def test_names_sort_by_given_name_the_vietnamese_way(make_gui: Callable[..., Gui]) -> None:
    tab = make_gui().window.candidates_tab
    assert names(tab) == ["Nguyễn Văn An", "Lê Văn Bé", "Đặng Thị Bình", "Trần Minh Châu"]
    tab.view.sortByColumn(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert names(tab) == ["Trần Minh Châu", "Đặng Thị Bình", "Lê Văn Bé", "Nguyễn Văn An"]


def test_sorting_by_due_date_puts_the_overdue_first(make_gui: Callable[..., Gui]) -> None:
    tab = make_gui().window.candidates_tab
    tab.view.sortByColumn(COL_DUE, Qt.SortOrder.AscendingOrder)
    assert names(tab)[0] == "Đặng Thị Bình"
    # People without a deadline come last, in name order.
    assert names(tab)[1:] == ["Nguyễn Văn An", "Lê Văn Bé", "Trần Minh Châu"]


def test_typing_nguyen_finds_nguyen(qtbot: QtBot, make_gui: Callable[..., Gui]) -> None:
    tab = make_gui().window.candidates_tab
    qtbot.keyClicks(tab.search, "nguyen")
    qtbot.waitUntil(lambda: tab.proxy.rowCount() == 1)
    assert names(tab) == ["Nguyễn Văn An"]
    tab.search.clear()
    qtbot.keyClicks(tab.search, "dang")  # "d" finds "Đ"
    qtbot.waitUntil(lambda: names(tab) == ["Đặng Thị Bình"])
    tab.search.setText("THI binh")  # every word must match, in any case
    qtbot.waitUntil(lambda: names(tab) == ["Đặng Thị Bình"])
    tab.search.setText("van phong")  # the unit's name counts too
    qtbot.waitUntil(lambda: tab.proxy.rowCount() == 4)
    tab.search.setText("P3")  # by code
    qtbot.waitUntil(lambda: names(tab) == ["Trần Minh Châu"])
    assert "1" in tab.count_label.text() and "4" in tab.count_label.text()
    qtbot.keyClick(tab.search, Qt.Key.Key_Escape)  # Esc clears the search
    qtbot.waitUntil(lambda: tab.proxy.rowCount() == 4)


def test_stage_filter(qtbot: QtBot, make_gui: Callable[..., Gui]) -> None:
    tab = make_gui().window.candidates_tab
    combo = tab.stage_filter
    assert combo.itemData(0) is None  # "all stages" first
    combo.setCurrentIndex(combo.findData("sympathiser"))
    assert names(tab) == ["Trần Minh Châu"]
    tab.search.setText("nguyen")
    qtbot.waitUntil(lambda: tab.proxy.rowCount() == 0)
    combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: names(tab) == ["Nguyễn Văn An"])


def test_rows_are_selected_whole_and_never_edited(make_gui: Callable[..., Gui]) -> None:
    tab = make_gui().window.candidates_tab
    index = tab.proxy.index(0, COL_STAGE)
    assert not tab.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable
    tab.view.selectRow(2)
    assert [r.full_name for r in tab.selected_rows()] == ["Đặng Thị Bình"]


def test_reloads_when_the_bus_announces_a_change(
    qtbot: QtBot, make_gui: Callable[..., Gui], db: Database
) -> None:
    gui = make_gui()
    tab = gui.window.candidates_tab
    with db.unit_of_work() as s:
        create_person(
            s, PersonInput(full_name="Vũ Thị Yến", code="P5"), "test", load_calendar(s), None
        )
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        gui.bus.announce(changes.PEOPLE)
    assert tab.model.rowCount() == 5
    assert gui.window.people_status.text() == "5 người"


# --- loading in pages, off the GUI thread ------------------------------------------------------


def _fake_rows(n: int) -> list[PersonRow]:
    return [
        PersonRow(
            id=f"id{i:05d}",
            code=f"X{i:05d}",
            full_name=f"Người Số {i:05d}",
            sort_key=name_sort_key(f"Người Số {i:05d}"),
            search_text=search_key(f"Người Số {i:05d}", f"X{i:05d}"),
            unit="Chi bộ A",
            stage="proposed",
            stage_label="Chi bộ đề nghị kết nạp",
            next_due=TODAY + timedelta(days=i % 50 - 10),
            next_due_kind="decision",
            errors=i % 3,
            warnings=0,
            youth_union_member=False,
            occupation="",
        )
        for i in range(n)
    ]


@dataclass
class FakeBackend:
    """What CandidatesTab asks of the services, with a list instead of a database."""

    rows: list[PersonRow]
    lang: str = "vi"
    calls: list[tuple[int, int]] = field(default_factory=list)
    threads: set[int] = field(default_factory=set)

    def today(self) -> date:
        return TODAY

    def record_view(self, person_id: str) -> bool:
        return False  # no audit log behind a list

    def install_info(self) -> None:
        return None  # no unit: a chi bộ's menus

    def stage_choices(self) -> list[StageChoice]:
        return [StageChoice("proposed", "Chi bộ đề nghị kết nạp")]

    def deadline_kind_labels(self) -> dict[str, str]:
        return {"decision": "Quyết định kết nạp"}

    def people_page(self, offset: int, limit: int) -> list[PersonRow]:
        self.calls.append((offset, limit))
        self.threads.add(threading.get_ident())
        return self.rows[offset : offset + limit]

    def person_detail(self, person_id: str) -> object:
        raise AssertionError("no person is opened here")

    def todo(self, within: int = 7) -> list[object]:
        return []


def test_a_long_list_loads_in_growing_pages_off_the_gui_thread(qtbot: QtBot) -> None:
    backend = FakeBackend(sorted(_fake_rows(3000), key=lambda r: r.full_name))
    tab = CandidatesTab(backend, Bus())  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=10_000) as blocker:
        tab.activate()
    assert blocker.args == [3000]
    assert tab.model.rowCount() == 3000
    offsets = [offset for offset, _ in backend.calls]
    assert offsets[:3] == [0, 200, 600]  # pages of 200, 400, 800...
    assert threading.get_ident() not in backend.threads
    tab.search.setText("00042")
    qtbot.waitUntil(lambda: tab.proxy.rowCount() == 1)
    tab.shutdown()


def test_reload_drops_pages_of_the_load_it_replaces(qtbot: QtBot) -> None:
    backend = FakeBackend(_fake_rows(2000))
    tab = CandidatesTab(backend, Bus())  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    tab.reload()
    tab.reload()
    tab.reload()
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    QApplication.processEvents()
    assert tab.model.rowCount() == 2000
    assert len({r.id for r in tab.model.rows()}) == 2000
    tab.shutdown()


def test_sorting_while_pages_arrive_keeps_the_order(qtbot: QtBot) -> None:
    backend = FakeBackend(_fake_rows(1500))
    tab = CandidatesTab(backend, Bus())  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    tab.view.sortByColumn(COL_DAYS, Qt.SortOrder.AscendingOrder)
    tab.activate()
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)
    days = [tab.proxy.index(r, COL_DAYS).data(SortRole) for r in range(tab.proxy.rowCount())]
    assert days == sorted(days) and len(days) == 1500
    tab.shutdown()


# --- Qt's model tester ----------------------------------------------------------------------


def test_candidate_models_pass_the_model_tester(
    qtmodeltester: ModelTester, make_gui: Callable[..., Gui]
) -> None:
    tab = make_gui().window.candidates_tab
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
    tab.search.setText("van")
    tab.view.sortByColumn(COL_DUE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(tab.proxy)


def test_a_model_filled_while_the_tester_watches(qtmodeltester: ModelTester) -> None:
    model = CandidateTableModel(TODAY, ["proposed"], {"decision": "Quyết định kết nạp"})
    qtmodeltester.check(model)
    rows = _fake_rows(50)
    model.append_entries(model.prepare(rows[:20]))
    model.sort(COL_DUE, Qt.SortOrder.DescendingOrder)
    model.set_search("so 0001")
    model.append_entries(model.prepare(rows[20:]))
    assert model.rowCount() == 11 and model.total() == 50  # 00001, 00010 to 00019
    model.set_search("so 00012")  # typing on narrows what is shown
    assert [r.id for r in model.rows()] == ["id00012"]
    model.set_predicate("errors", lambda row: row.errors > 0)
    model.set_search("")
    assert model.rowCount() == len([r for r in rows if r.errors])
    model.set_predicate("errors", None)
    model.set_rows(rows[:5])
    model.clear()
    assert model.rowCount(QModelIndex()) == 0


def test_other_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, make_gui: Callable[..., Gui]
) -> None:
    window = make_gui().window
    window.tabs.setCurrentWidget(window.mentors_tab)
    window.tabs.setCurrentWidget(window.classes_tab)
    wait_loaded(qtbot, window)
    for model in (
        window.mentors_tab.model,
        window.mentors_tab.proxy,
        window.classes_tab.model,
        window.classes_tab.proxy,
        window.reports_tab.model,
    ):
        qtmodeltester.check(model)
