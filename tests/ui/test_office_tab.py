"""The office's own tab: the monthly review and its decisions, the units' plans, the targets and
the emulation ranking, and sharing the target out in the plan dialog; offscreen, on demo data
(an office with three chi bộ)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui_data import TODAY

from dvdesk.db.engine import Database
from dvdesk.db.models import Person
from dvdesk.domain.text import fold, name_sort_key
from dvdesk.services import demo, plans, register, review, targets
from dvdesk.services.setup import install_info, open_data_dir
from dvdesk.ui.app import Gui
from dvdesk.ui.backend import Backend
from dvdesk.ui.bus import ALL, PEOPLE, PLANS, Bus
from dvdesk.ui.office_tab import (
    KCOL_ACHIEVED,
    KCOL_ADMITTED,
    KCOL_RANK,
    KCOL_RESULT,
    KCOL_TARGET,
    KCOL_UNIT,
    KCOL_YOUTH,
    PAGE_REVIEW,
    PCOL_STATUS,
    RCOL_NOTES,
    RCOL_READY,
    WARNING_COLOUR,
    OfficeTab,
)
from dvdesk.ui.person_dialog import ERROR_COLOUR
from dvdesk.ui.plan_dialog import PlanDialog
from dvdesk.ui.report_widgets import percent

YEAR = TODAY.year


@pytest.fixture
def office_db(tmp_path: Path) -> Iterator[Database]:
    db = open_data_dir(tmp_path / "office")
    demo.make_demo(db, units=3, people=120, seed=2, today=TODAY)
    yield db
    db.close()


def wait_tab(qtbot: QtBot, tab: OfficeTab) -> None:
    qtbot.waitUntil(lambda: not tab.loading and not tab.busy, timeout=20_000)


@pytest.fixture
def make_tab(qtbot: QtBot, office_db: Database) -> Iterator[Callable[[], OfficeTab]]:
    """The tab alone on the office's demo data, loaded, its modal steps never opened."""
    made: list[OfficeTab] = []

    def make() -> OfficeTab:
        tab = OfficeTab(Backend(office_db, "en", today=lambda: TODAY), Bus())
        qtbot.addWidget(tab)
        tab.resize(800, 600)
        tab.confirm = lambda *_: pytest.fail("asked to confirm")
        tab.open_preview = lambda *_: pytest.fail("a preview opened")
        tab.activate()
        wait_tab(qtbot, tab)
        made.append(tab)
        return tab

    yield make
    for tab in made:
        tab.shutdown()


def mnemonic(text: str) -> str:
    """The letter after a single "&", lower case; "" when there is none."""
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if 0 <= at < len(plain) - 1 else ""


def stage_of(db: Database, person_id: str) -> str:
    with db.reader() as s:
        return str(s.execute(select(Person.stage).where(Person.id == person_id)).scalar_one())


# --- where the tab shows -------------------------------------------------------------------


def test_the_tab_is_there_for_an_office_and_not_for_a_cell(
    qtbot: QtBot, office_db: Database, make_gui: Callable[..., Gui]
) -> None:
    cell = make_gui("en").window
    assert cell.office_tab is None and cell.findChild(OfficeTab) is None
    assert "Office" not in cell.tab_labels()

    gui = Gui(office_db, "en", today=lambda: TODAY)
    qtbot.addWidget(gui.window)
    try:
        window = gui.window
        assert window.tab_labels()[-2:] == ["Reports", "Office"]
        assert window.office_tab is not None and window.office_tab.objectName() == "office_tab"
        assert not window.office_tab.activated  # read only when first shown
        window.tabs.setCurrentWidget(window.office_tab)
        assert window.office_tab.activated
        wait_tab(qtbot, window.office_tab)
        # Still usable on an 800-pixel screen.
        assert window.minimumSizeHint().width() <= 800
        # Every input has a label, and no two keys on screen clash, on any page.
        tab = window.office_tab
        labels = tab.findChildren(QLabel)
        buddies = {label.buddy() for label in labels if "&" in label.text()}
        assert {tab.year, tab.meeting} <= buddies
        shared = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        shared += [a.text() for a in window.menuBar().actions()]
        for page in range(tab.pages.count()):
            tab.pages.setCurrentIndex(page)
            shown = [w.text() for w in labels if w.isVisibleTo(window) and w.buddy()]
            shown += [b.text() for b in tab.findChildren(QPushButton) if b.isVisibleTo(window)]
            keys = [mnemonic(text) for text in shared + shown if mnemonic(text)]
            assert len(keys) == len(set(keys)), keys
        tab.pages.setCurrentIndex(PAGE_REVIEW)
        # A person asked for from the review opens in the Candidates tab.
        item = window.office_tab.items[0]
        window.office_tab.person_requested.emit(item.person_id)
        assert window.tabs.currentWidget() is window.candidates_tab
    finally:
        gui.window.close()
        gui.shutdown()


# --- the monthly review --------------------------------------------------------------------


def test_the_review_lists_what_waits_for_a_decision(
    qtbot: QtBot, make_tab: Callable[[], OfficeTab], office_db: Database
) -> None:
    tab = make_tab()
    expected = review.monthly_review(office_db, TODAY, "en")
    assert expected and any(i.ready for i in expected) and not all(i.ready for i in expected)
    assert tab.meeting_date() == TODAY
    rows = tab.review_model.rows()
    assert sorted(rows, key=repr) == sorted(expected, key=repr)
    # Ready ones first, then by unit, then by name the Vietnamese way (given name first).
    assert rows == sorted(
        expected, key=lambda i: (not i.ready, fold(i.unit), name_sort_key(i.name))
    )
    ready = sum(1 for i in expected if i.ready)
    assert tab.review_count.text() == f"{ready} ready, {len(expected) - ready} incomplete"

    model = tab.review_model
    blocked = next(i for i in expected if i.errors)
    row = model.rows().index(blocked)
    assert model.index(row, RCOL_READY).data() == "✗ not ready"
    notes = model.index(row, RCOL_NOTES)
    assert blocked.errors[0] in notes.data()
    tooltip = notes.data(Qt.ItemDataRole.ToolTipRole)
    assert all(error in tooltip for error in blocked.errors)
    assert all(paper in tooltip for paper in blocked.missing)
    assert notes.data(Qt.ItemDataRole.ForegroundRole) == QColor(ERROR_COLOUR)
    first = model.index(0, RCOL_READY)
    assert first.data() == "✓ ready"

    # Enter on a line asks for the person.
    tab.show()
    qtbot.waitExposed(tab)
    tab.review_view.setFocus()
    tab.review_view.setCurrentIndex(tab.review_proxy.index(1, 0))
    with qtbot.waitSignal(tab.person_requested) as signal:
        qtbot.keyClick(tab.review_view, Qt.Key.Key_Return)
    assert signal.args == [rows[1].person_id]


def test_issuing_decisions_numbers_them_and_moves_the_people_on(
    qtbot: QtBot, make_tab: Callable[[], OfficeTab], office_db: Database
) -> None:
    tab = make_tab()
    ready = [i for i in tab.items if i.ready]
    admission = next(i for i in ready if i.kind == "admission")
    recognition = next(i for i in ready if i.kind == "recognition")
    chosen = [admission, recognition]
    tab.select_people({i.person_id for i in chosen})
    assert tab.issue_button.isEnabled()
    asked: list[tuple[str, str, str]] = []
    shown: list[tuple[bytes, str, str]] = []
    announced: list[str] = []
    tab._bus.changed.connect(announced.append)

    def confirm(title: str, text: str, details: str) -> bool:
        asked.append((title, text, details))
        return True

    tab.confirm = confirm
    tab.open_preview = lambda pdf, title, name: shown.append((pdf, title, name))
    tab.issue_selected()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    wait_tab(qtbot, tab)

    assert len(asked) == 1 and "2 people" in asked[0][1] and admission.name in asked[0][2]
    pdf, _title, name = shown[0]
    assert pdf.startswith(b"%PDF") and name == f"QD_{TODAY:%Y%m%d}.pdf"
    assert PEOPLE in announced
    # Numbered in the register, one decision each, and the numbers are shown.
    for item, form in ((admission, "9-KNĐ"), (recognition, "16-KNĐ")):
        [entry] = register.entries(office_db, person_id=item.person_id, doc_type=None)
        assert entry.form_code == form and entry.issued_on == TODAY
        assert entry.number_text in tab.issued_label.text()
        assert item.name in tab.issued_label.text()
    # Numbered in the table's order.
    assert [d.person_id for d in tab.last_issued] == [
        i.person_id for i in ready if i in (admission, recognition)
    ]
    numbers = [int(d.number.split("-")[0]) for d in tab.last_issued]
    assert numbers[1] == numbers[0] + 1
    # The people moved on, and left the review.
    assert stage_of(office_db, admission.person_id) == "admitted"
    assert stage_of(office_db, recognition.person_id) == "official"
    assert not {i.person_id for i in chosen} & {i.person_id for i in tab.items}
    assert sorted(tab.review_model.rows(), key=repr) == sorted(
        review.monthly_review(office_db, TODAY, "en"), key=repr
    )


def test_a_dossier_that_is_not_ready_is_refused_and_nothing_is_written(
    qtbot: QtBot, make_tab: Callable[[], OfficeTab], office_db: Database
) -> None:
    tab = make_tab()
    ready = next(i for i in tab.items if i.ready)
    not_ready = next(i for i in tab.items if not i.ready)
    before = register.entries(office_db)
    tab.select_people({ready.person_id, not_ready.person_id})
    tab.issue_selected()  # the fixture fails the test if a confirmation is asked
    assert not tab.busy
    message = tab.review_error.message()
    assert not_ready.name in message and ready.name not in message
    assert register.entries(office_db) == before
    assert stage_of(office_db, ready.person_id) == "proposed" or ready.kind == "recognition"
    assert stage_of(office_db, not_ready.person_id) in ("proposed", "recognition_proposed")
    assert tab.issued_label.isHidden()

    # Cancelled at the confirmation: nothing written either.
    asked: list[str] = []
    tab.confirm = lambda title, text, details: asked.append(text) is not None
    tab.select_people({ready.person_id})
    tab.issue_selected()
    assert asked and not tab.busy and not tab.review_error.message()
    assert register.entries(office_db) == before

    # Nothing selected: told so.
    tab.review_view.clearSelection()
    assert not tab.issue_button.isEnabled()
    tab.issue_selected()
    assert tab.review_error.message()


def test_select_all_ready_takes_only_the_ready_ones(make_tab: Callable[[], OfficeTab]) -> None:
    tab = make_tab()
    tab.select_ready()
    assert set(tab.selected_ids()) == {i.person_id for i in tab.items if i.ready}
    assert tab.selected_ids()


# --- the plans -----------------------------------------------------------------------------


def test_the_plans_page_shows_late_and_short_units(
    qtbot: QtBot, make_tab: Callable[[], OfficeTab], office_db: Database
) -> None:
    tab = make_tab()
    expected = review.plan_submissions(office_db, YEAR, TODAY)
    assert expected and all(p.late for p in expected)  # due 5 March, nothing sent
    assert tab.plans_model.rows() == expected
    for row in range(tab.plans_model.rowCount()):
        status = tab.plans_model.index(row, PCOL_STATUS)
        assert status.data() == "Late: due 05/03/2026"
        assert status.data(Qt.ItemDataRole.ForegroundRole) == QColor(ERROR_COLOUR)
    count = tab.plans_count.text()
    assert f"0 of {len(expected)} units" in count and "05/03/2026" in count
    assert f"{len(expected)} late" in count

    # One unit sends a plan that commits to less than it was given.
    unit = expected[0]
    assert unit.given
    own = replace(plans.founding_plan_input(unit.unit_id, YEAR), admit_target=unit.given - 3)
    plans.save_plan(office_db, own, "test")
    tab.show()
    qtbot.waitExposed(tab)
    with qtbot.waitSignal(tab.loaded, timeout=20_000):
        tab._bus.announce(ALL)
    rows = {r.unit_id: r for r in tab.plans_model.rows()}
    sent = rows[unit.unit_id]
    assert (sent.received, sent.committed, sent.late, sent.short) == (
        True,
        unit.given - 3,
        False,
        True,
    )
    row = tab.plans_model.rows().index(sent)
    status = tab.plans_model.index(row, PCOL_STATUS)
    assert status.data() == "Short of the target by 3"
    assert status.data(Qt.ItemDataRole.ForegroundRole) == QColor(WARNING_COLOUR)
    count = tab.plans_count.text()
    assert f"1 of {len(expected)} units" in count and f"{len(expected) - 1} late" in count


# --- targets and the ranking ---------------------------------------------------------------


def test_the_ranking_shows_the_standings_in_rank_order(
    make_tab: Callable[[], OfficeTab], office_db: Database
) -> None:
    tab = make_tab()
    standings = targets.standings(office_db, YEAR, TODAY, "en")
    model = tab.ranking_model
    assert model.rows() == list(standings.units)
    assert [model.index(r, KCOL_RANK).data() for r in range(model.rowCount())] == [
        str(u.rank) for u in standings.units
    ]
    for row, ranked in enumerate(standings.units):
        s = ranked.standing
        assert model.index(row, KCOL_UNIT).data() == s.unit_name
        assert model.index(row, KCOL_TARGET).data() == str(s.target)
        assert model.index(row, KCOL_ADMITTED).data() == str(s.admitted)
        assert model.index(row, KCOL_ACHIEVED).data() == percent(s.admitted / s.target, "en")
        if s.admitted:
            assert model.index(row, KCOL_YOUTH).data() == percent(s.youth_union / s.admitted, "en")
        result = model.index(row, KCOL_RESULT).data()
        assert result == ("Met" if s.admitted >= s.target else "Not met")
    # The order follows the published rule: here every unit has a target, so the share of it
    # admitted never rises down the table.
    shares = [u.standing.admitted / u.standing.target for u in model.rows()]
    assert all(u.standing.target for u in model.rows())
    assert shares == sorted(shares, reverse=True)
    values = {k: v.text() for k, v in tab.bloc_values.items()}
    assert values["target"].startswith(str(standings.target))
    assert values["admitted"].startswith(f"{standings.admitted} (")
    assert values["given"] == f"{standings.given} of {standings.target}"
    assert values["youth_union"].startswith(
        f"{standings.youth_union} of a target of {standings.youth_union_target}"
    )
    assert "the larger share of the target admitted" in tab.legend.text()

    # Sorted by a column, then back to the rank.
    tab.ranking_view.sortByColumn(KCOL_UNIT, Qt.SortOrder.AscendingOrder)
    names = [model.index(r, KCOL_UNIT).data() for r in range(model.rowCount())]
    assert names == sorted(names)
    tab.ranking_view.sortByColumn(KCOL_RANK, Qt.SortOrder.AscendingOrder)
    assert model.rows() == list(standings.units)


def test_a_year_without_a_plan_says_there_is_no_target(
    qtbot: QtBot, make_tab: Callable[[], OfficeTab]
) -> None:
    tab = make_tab()
    tab.year.setValue(YEAR + 1)
    wait_tab(qtbot, tab)
    assert tab.standings is not None and tab.standings.target == 0
    assert tab.bloc_values["target"].text() == "none"
    assert "no plan" in tab.bloc_line.text()
    assert all(
        tab.ranking_model.index(r, KCOL_RESULT).data() == "No target given"
        for r in range(tab.ranking_model.rowCount())
    )
    assert "sets no date" in tab.plans_count.text()


# --- the plan dialog's share-out -----------------------------------------------------------


def test_share_out_fills_the_units_in_proportion_to_their_pool(
    qtbot: QtBot, office_db: Database
) -> None:
    info = install_info(office_db)
    assert info is not None
    backend = Backend(office_db, "en", today=lambda: TODAY)
    plan = plans.get_plan(office_db, info.unit_id, YEAR)
    dialog = PlanDialog(backend, info.unit_id, YEAR, plan, True)
    qtbot.addWidget(dialog)
    for admit, _ in dialog.unit_spins.values():
        admit.setValue(0)
    dialog.admit_target.setValue(150)
    dialog.share_button.click()
    given = {unit_id: admit.value() for unit_id, (admit, _) in dialog.unit_spins.items()}
    assert sum(given.values()) == 150
    assert given == targets.proposed_shares(office_db, 150)
    assert len(set(given.values())) > 1  # by pool, not evenly
    assert "150 of 150" in dialog.units_sum.text()
    # Nothing saved until Save.
    saved = plans.get_plan(office_db, info.unit_id, YEAR)
    assert saved is not None and saved.admit_target == 200
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = plans.get_plan(office_db, info.unit_id, YEAR)
    assert saved is not None and {t.unit_id: t.admit_target for t in saved.targets} == given

    # No people to admit yet: told where, and the spins are left alone.
    dialog = PlanDialog(backend, info.unit_id, YEAR, saved, True)
    qtbot.addWidget(dialog)
    dialog.admit_target.setValue(0)
    dialog.share_button.click()
    assert dialog.errors["targets"].message()
    assert {u: a.value() for u, (a, _) in dialog.unit_spins.items()} == given


def test_the_tab_loads_when_first_shown_and_again_on_a_change(
    qtbot: QtBot, office_db: Database
) -> None:
    bus = Bus()
    tab = OfficeTab(Backend(office_db, "en", today=lambda: TODAY), bus)
    qtbot.addWidget(tab)
    try:
        bus.announce(PEOPLE)
        assert not tab.loading and tab.review_model.rowCount() == 0  # not read before shown
        tab.activate()
        wait_tab(qtbot, tab)
        assert tab.review_model.rowCount() and tab.ranking_model.rowCount()
        assert tab.pages.currentIndex() == PAGE_REVIEW
        bus.announce(PEOPLE)  # hidden: read again when next shown
        assert tab._stale and not tab.loading
        with qtbot.waitSignal(tab.loaded, timeout=20_000):
            tab.show()
        with qtbot.waitSignal(tab.loaded, timeout=20_000):
            bus.announce(ALL)
        with qtbot.waitSignal(tab.loaded, timeout=20_000):
            bus.announce(PLANS)  # a plan saved in the Reports tab: new targets to rank by
    finally:
        tab.shutdown()


def test_the_office_rules_a_dossier_secret_from_its_row_menu(
    qtbot: QtBot, office_db: Database
) -> None:
    from dvdesk.services import classification
    from dvdesk.ui.app import Gui

    gui = Gui(office_db, "en", today=lambda: TODAY)
    qtbot.addWidget(gui.window)
    tab = gui.window.candidates_tab
    qtbot.waitUntil(lambda: not tab.loading and tab.model.rowCount() > 0, timeout=10_000)
    row = tab.model.row(0)
    assert tab.secrecy is not None

    def secrecy_action(menu: object) -> object:
        return next(a for a in menu.actions() if a.objectName() == "secrecy_action")  # type: ignore[attr-defined]

    action = secrecy_action(tab.action_menu(row))
    assert "Rule" in action.text()
    tab.secrecy.ask_text = lambda title, label: None  # cancelled
    action.trigger()
    assert not classification.is_secret(office_db, row.id)
    tab.secrecy.ask_text = lambda title, label: "Công văn 12-CV/ĐU ngày 20/11/2026"
    action.trigger()
    assert classification.is_secret(office_db, row.id)
    lift = secrecy_action(tab.action_menu(row))
    assert "Lift" in lift.text()
    tab.secrecy.ask_text = lambda title, label: "Hết căn cứ"
    lift.trigger()
    assert not classification.is_secret(office_db, row.id)
    gui.window.close()
    gui.shutdown()


def test_the_office_sets_the_retention_period_from_the_file_menu(
    qtbot: QtBot, office_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from dvdesk.services import purge
    from dvdesk.ui.app import Gui

    gui = Gui(office_db, "en", today=lambda: TODAY)
    qtbot.addWidget(gui.window)
    window = gui.window
    asked: list[int] = []
    window.ask_int = lambda title, label, value: asked.append(value) or 36
    window.purge_action.trigger()
    assert asked == [0] and purge.period(office_db) == 36
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    window.ask_int = lambda title, label, value: 3  # too short: said, nothing changed
    assert not window.set_purge_period()
    assert warned and "12" in warned[0] and purge.period(office_db) == 36
    window.ask_int = lambda title, label, value: 0
    assert window.set_purge_period() and purge.period(office_db) is None
    window.close()
    gui.shutdown()


def test_a_retention_period_set_by_another_desk_meanwhile_is_named_and_asked_about(
    qtbot: QtBot, office_db: Database
) -> None:
    """The box opens; meanwhile another desk sets the period; the save says so and asks: keep
    editing opens the box again with the number typed; saving over it writes it."""
    from dvdesk.services import purge
    from dvdesk.ui.app import Gui

    purge.set_period(office_db, 24)
    gui = Gui(office_db, "vi", today=lambda: TODAY)
    qtbot.addWidget(gui.window)
    window = gui.window
    shown: list[int] = []

    def ask_int(title: str, label: str, value: int) -> int:
        shown.append(value)
        if len(shown) == 1:
            purge.set_period(office_db, 48, "desk2")  # the other desk, while the box is open
        return 36

    asked: list[str] = []
    answers = iter([False, True])

    def answer(message: str) -> bool:
        asked.append(message)
        return next(answers)

    window.ask_int = ask_int  # type: ignore[method-assign]
    window.ask_overwrite = answer  # type: ignore[method-assign]
    assert window.set_purge_period()
    assert shown == [24, 36]  # opened again with what was typed
    assert len(asked) == 2 and "«24» → «48»" in asked[0]
    assert purge.period(office_db) == 36
    window.close()
    gui.shutdown()
