"""The class-related warnings reach the screens: a lapsing awareness certificate and a probation
ending without the new-member class show in the Classes tab's flags and in the person's pane."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from pytestqt.qtbot import QtBot
from test_person_view import select_code
from ui_data import _certificate, _events, _person, wait_loaded

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.domain.pipeline import EventKind
from dvdesk.services.people import EventInput, PersonInput
from dvdesk.ui.app import Gui


def _unit(db: Database) -> str:
    with db.reader() as s:
        install = queries.install(s)
        assert install is not None
        return install.unit_id


def test_expiring_certificate_and_missing_class_are_shown(
    qtbot: QtBot, make_gui: Callable[..., Gui], db: Database
) -> None:
    unit = _unit(db)
    lapsing = _person(db, PersonInput(full_name="Phan Văn Hạn", code="W1"), unit)
    _events(db, lapsing, EventInput(EventKind.SYMPATHISER_LISTED, date(2021, 6, 1)))
    _certificate(db, lapsing, date(2021, 10, 1))  # lapses 01/10/2026, within 6 months of TODAY
    newcomer = _person(db, PersonInput(full_name="Kiều Thị Mới", code="W2"), unit)
    _events(db, newcomer, EventInput(EventKind.CEREMONY, date(2025, 8, 1)))  # ends 01/08/2026

    window = make_gui().window
    wait_loaded(qtbot, window)
    tab = window.candidates_tab
    select_code(qtbot, tab, "W1")
    assert "sẽ hết giá trị từ ngày 01/10/2026" in tab.person_view.text()
    select_code(qtbot, tab, "W2")
    assert "lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới" in tab.person_view.text()

    window.tabs.setCurrentWidget(window.classes_tab)
    classes = window.classes_tab
    qtbot.waitUntil(lambda: not classes.loading, timeout=10_000)
    qtbot.waitUntil(lambda: any("Phan Văn Hạn" in t for t in classes.flags.texts()))
    flags = " ".join(classes.flags.texts())
    assert "Kiều Thị Mới" in flags
