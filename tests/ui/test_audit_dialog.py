"""The audit log dialog: filters narrow the list (read in SQL, a page at a time), the pane shows
the selected entry field by field, Export writes what the filters keep; and opening a person's
file in the candidates list is logged, once."""

from __future__ import annotations

import ast
import socket
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_person_view import select_code
from ui_data import TODAY

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.db.models import PeerAuditEntry, Unit
from dvdesk.reports import audit_workbook
from dvdesk.services import audit
from dvdesk.ui.app import Gui, install_translators, remove_translators
from dvdesk.ui.audit_dialog import (
    ACTION_LABELS,
    ENTITY_LABELS,
    AuditDialog,
    AuditModel,
    time_text,
)
from dvdesk.ui.backend import Backend

T0 = datetime(2026, 5, 4, 2, 0)  # UTC


def _person_id(db: Database, code: str) -> str:
    with db.reader() as s:
        person = queries.person_by_key(s, code)
        assert person is not None
        return person.id


@pytest.fixture
def logged(db: Database) -> Database:
    """The small database's own entries (by "test") and a dozen more by two users."""
    binh = _person_id(db, "P2")
    with db.unit_of_work() as s:
        for n in range(12):
            audit.log(
                s,
                ("lan", "minh")[n % 2],
                "update",
                "person",
                binh,
                before={"residence": f"Số {n} phố Huế", "occupation": "Giáo viên"},
                after={"residence": f"Số {n + 1} phố Huế", "occupation": "Giáo viên"},
                at=T0 + timedelta(hours=n),
                reason="chuyển nhà" if n == 11 else "",
            )
    return db


Open = Callable[..., AuditDialog]


@pytest.fixture
def open_dialog(qtbot: QtBot, db: Database) -> Iterator[Open]:
    """Open the dialog on the test database; closed (its work waited for) before the database."""
    opened: list[AuditDialog] = []

    def make(**kwargs: object) -> AuditDialog:
        dialog = AuditDialog(Backend(db, "vi", lambda: TODAY), **kwargs)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.resize(800, 600)
        dialog.show()
        _wait(qtbot, dialog)
        opened.append(dialog)
        return dialog

    yield make
    for dialog in opened:
        dialog.done(0)


def _wait(qtbot: QtBot, dialog: AuditDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.loading and dialog.actor.count() > 1, timeout=10_000)


def test_the_dialog_lists_the_log_newest_first_and_filters_narrow_it(
    qtbot: QtBot, logged: Database, open_dialog: Open, qtmodeltester: ModelTester
) -> None:
    dialog = open_dialog()
    every = audit.entries(logged, limit=1000)
    assert dialog.objectName() == "audit_dialog"
    assert [r.entry_id for r in dialog.model.rows()] == [r.entry_id for r in every]
    assert dialog.view.isColumnHidden(AuditModel.COL_UNIT)  # a chi bộ: no units below
    assert not dialog.units_switch.isVisible()
    qtmodeltester.check(dialog.model)

    dialog.actor.setCurrentIndex(dialog.actor.findData("lan"))
    _wait(qtbot, dialog)
    assert {r.actor for r in dialog.model.rows()} == {"lan"} and dialog.model.total() == 6
    # Who did it shows the account; on hover, the computer it was done at as well.
    who = dialog.model.index(0, AuditModel.COL_WHO)
    assert dialog.model.data(who) == "lan"
    assert socket.gethostname()[:80] in dialog.model.data(who, Qt.ItemDataRole.ToolTipRole)

    dialog.action.setCurrentIndex(dialog.action.findData("update"))
    dialog.since.setText("04/05/2026")
    dialog.apply_filters()
    _wait(qtbot, dialog)
    assert all(r.action == "update" and r.actor == "lan" for r in dialog.model.rows())

    dialog.actor.setCurrentIndex(0)  # everyone
    dialog.action.setCurrentIndex(0)
    dialog.since.clear()
    dialog.text.setFocus()
    qtbot.keyClicks(dialog.text, "dang thi binh")  # the person's name, without diacritics
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # filters at once; no button is pressed
    _wait(qtbot, dialog)
    assert dialog.isVisible() and not dialog.exporting
    rows = dialog.model.rows()
    assert rows and all(r.subject == "Đặng Thị Bình (P2)" for r in rows)

    dialog.text.clear()
    dialog.since.setText("31/02/2026")  # not a date: said plainly, the list stays
    shown = dialog.model.total()
    dialog.apply_filters()
    assert dialog.filter_error.message() and "31/02/2026" in dialog.filter_error.message()
    assert dialog.model.total() == shown

    dialog.since.setText("01/01/2030")
    dialog.apply_filters()
    _wait(qtbot, dialog)
    assert not dialog.filter_error.message() and dialog.model.total() == 0
    assert dialog.detail_text()  # the pane says to choose an entry, nothing stale


def test_the_pane_shows_the_selected_entry_before_and_after(
    qtbot: QtBot, logged: Database, open_dialog: Open
) -> None:
    dialog = open_dialog()
    # The newest entry is selected on opening, and shown in the pane.
    assert dialog.current() == dialog.model.rows()[0]
    assert time_text(dialog.model.rows()[0]) in dialog.detail_text()
    moved = next(i for i, r in enumerate(dialog.model.rows()) if r.reason == "chuyển nhà")
    dialog.view.selectRow(moved)
    text = dialog.detail_text()
    assert "Số 11 phố Huế" in text and "Số 12 phố Huế" in text
    assert "chuyển nhà" in text and "minh" in text
    assert "Đặng Thị Bình (P2)" in text
    assert "occupation" not in text  # unchanged fields are not shown
    change = dialog.proxy.index(moved, AuditModel.COL_CHANGE).data()
    assert change == "residence: Số 11 phố Huế → Số 12 phố Huế"

    create = next(i for i, r in enumerate(dialog.model.rows()) if r.action == "create")
    dialog.view.selectRow(create)
    text = dialog.detail_text()
    assert (
        "Full name" in text
        and "full_name" not in text
        and dialog.model.rows()[create].subject in text
    )


def test_the_list_loads_a_page_at_a_time(qtbot: QtBot, logged: Database, open_dialog: Open) -> None:
    total = len(audit.entries(logged, limit=1000))
    dialog = open_dialog(page_size=5)
    assert dialog.model.total() == 5 and dialog.more_button.isEnabled()
    dialog.load_more()
    qtbot.waitUntil(lambda: dialog.model.total() == 10 and not dialog.loading)
    while dialog.more_button.isEnabled():
        dialog.more_button.click()
        qtbot.waitUntil(lambda: not dialog.loading)
    assert dialog.model.total() == total
    every = [r.entry_id for r in audit.entries(logged, limit=1000)]
    assert [r.entry_id for r in dialog.model.rows()] == every


def test_scrolling_to_the_end_loads_the_next_page(
    qtbot: QtBot, logged: Database, open_dialog: Open
) -> None:
    dialog = open_dialog(page_size=8)
    assert dialog.model.total() == 8
    dialog.view.setFixedHeight(120)  # fewer rows than a page fit: the list scrolls
    bar = dialog.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: dialog.model.total() == 16 and not dialog.loading)


def test_export_writes_what_the_filters_keep_through_the_injected_chooser(
    qtbot: QtBot, logged: Database, open_dialog: Open, tmp_path: Path
) -> None:
    asked: list[str] = []

    def choose(suggested: str) -> Path:
        asked.append(suggested)
        return tmp_path / "nhat_ky"  # no suffix: .xlsx is added

    dialog = open_dialog(ask_save_path=choose)
    dialog.actor.setCurrentIndex(dialog.actor.findData("minh"))
    _wait(qtbot, dialog)
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as written:
        dialog.export_button.click()
    path = written.args[0]
    assert path == tmp_path / "nhat_ky.xlsx" and asked[0].endswith(".xlsx")
    book = openpyxl.load_workbook(path)
    header, *rows = list(book[audit_workbook.SHEET].iter_rows(values_only=True))
    assert list(header) == [*audit_workbook.HEADERS, audit_workbook.DESK_HEADER]
    assert len(rows) == 6 and {r[1] for r in rows} == {"minh"}
    assert str(path) in dialog.message.text()
    # The export is itself in the log, and the list (everyone's now) shows it.
    [export] = audit.entries(logged, action="export")
    assert export.entity == "audit_log" and export.after["rows"] == 6
    dialog.actor.setCurrentIndex(0)
    _wait(qtbot, dialog)
    qtbot.waitUntil(lambda: any(r.action == "export" for r in dialog.model.rows()))


def test_a_cancelled_chooser_exports_nothing(
    qtbot: QtBot, logged: Database, open_dialog: Open
) -> None:
    dialog = open_dialog(ask_save_path=lambda _name: None)
    dialog.export()
    assert not dialog.exporting and audit.entries(logged, action="export") == []


def test_the_office_reads_the_units_entries_apart(
    qtbot: QtBot, logged: Database, open_dialog: Open
) -> None:
    binh = _person_id(logged, "P2")
    with logged.unit_of_work() as s:
        install = queries.install(s)
        assert install is not None
        install.role = "office"
        for code in ("CB07", "CB08"):
            s.add(Unit(id=f"u-{code}", code=code, name=f"Chi bộ {code}", owner_unit_id=None))
        s.flush()
        for n in range(6):
            s.add(
                PeerAuditEntry(
                    unit_id=("u-CB07", "u-CB08")[n % 2],
                    entry_id=n + 1,
                    at=T0 + timedelta(minutes=n),
                    actor="thu",
                    action="print" if n % 2 else "view",
                    entity="person",
                    entity_id=binh,
                    after='{"form": "6-KNĐ", "people": 1}' if n % 2 else "",
                    bundle_id="b",
                )
            )
    dialog = open_dialog()
    assert dialog.is_office and not dialog.units_switch.isHidden()
    assert not dialog.unit.isEnabled()
    dialog.units_switch.setChecked(True)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.unit.count() == 3)
    assert not dialog.view.isColumnHidden(AuditModel.COL_UNIT)
    assert dialog.model.total() == 6 and {r.unit_code for r in dialog.model.rows()} == {
        "CB07",
        "CB08",
    }
    assert dialog.actor.findData("thu") > 0 and dialog.actor.findData("lan") < 0
    dialog.unit.setCurrentIndex(dialog.unit.findData("u-CB08"))
    qtbot.waitUntil(lambda: not dialog.loading and dialog.model.total() == 3)
    assert {r.unit_code for r in dialog.model.rows()} == {"CB08"}
    assert dialog.proxy.index(0, AuditModel.COL_UNIT).data() == "CB08"
    assert "CB08" in dialog.detail_text()
    dialog.units_switch.setChecked(False)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.actor.findData("lan") > 0)
    assert all(r.unit_code == "" for r in dialog.model.rows())


@pytest.mark.parametrize("office", [False, True])
def test_the_dialog_fits_an_800_pixel_screen_in_vietnamese(
    qtbot: QtBot, logged: Database, open_dialog: Open, office: bool
) -> None:
    if office:
        with logged.unit_of_work() as s:
            install = queries.install(s)
            assert install is not None
            install.role = "office"
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translators(app, "vi")
    try:
        dialog = open_dialog()
        assert dialog.units_switch.isVisible() == office
        assert dialog.minimumSizeHint().width() <= 800
        assert dialog.width() <= 800
        header = dialog.view.horizontalHeader()
        columns = [c for c in range(AuditModel.COL_CHANGE) if not dialog.view.isColumnHidden(c)]
        assert sum(header.sectionSize(c) for c in columns) < 600  # the change keeps room
    finally:
        remove_translators(app, translators)


def test_the_labels_match_the_workbooks() -> None:
    assert set(ACTION_LABELS) == set(audit_workbook.ACTION_LABELS)
    assert set(ENTITY_LABELS) == set(audit_workbook.ENTITY_LABELS)


def test_every_action_the_services_log_has_words() -> None:
    """Each audit.log call written with literal codes: its action and entity are labelled (a
    new action would otherwise show in the log as its bare code)."""
    actions, entities = set(), set()
    for source in Path(audit.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            call = node if isinstance(node, ast.Call) else None
            if call is None or not isinstance(call.func, ast.Attribute) or call.func.attr != "log":
                continue
            if not (isinstance(call.func.value, ast.Name) and call.func.value.id == "audit"):
                continue
            args = call.args
            if len(args) >= 4 and isinstance(args[2], ast.Constant):
                actions.add(args[2].value)
            if len(args) >= 4 and isinstance(args[3], ast.Constant):
                entities.add(args[3].value)
    assert {"sign_in", "init", "print"} <= actions  # the scan finds the calls
    assert actions <= set(ACTION_LABELS), actions - set(ACTION_LABELS)
    assert entities <= set(ENTITY_LABELS), entities - set(ENTITY_LABELS)


# --- opening a dossier is logged -------------------------------------------------------------


def test_opening_a_dossier_in_the_list_is_logged_once_an_hour(
    qtbot: QtBot, db: Database, make_gui: Callable[..., Gui]
) -> None:
    tab = make_gui().window.candidates_tab
    first = select_code(qtbot, tab, "P3")
    qtbot.waitUntil(lambda: len(audit.entries(db, action="view")) == 1)
    select_code(qtbot, tab, "P1")
    qtbot.waitUntil(lambda: len(audit.entries(db, action="view")) == 2)
    select_code(qtbot, tab, "P3")  # again within the hour: not logged again
    tab.person_view.reload()
    qtbot.waitUntil(lambda: not tab.person_view.loading)
    views = audit.entries(db, action="view")
    assert len(views) == 2
    assert views[1].entity_id == first and views[1].subject.startswith("Trần Minh Châu")
    assert {v.actor for v in views} == {audit.current_user()}
