"""The person pane beside the candidates list: selecting a row shows that person in full."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_data import UNIT, _events

from dvdesk.db.engine import Database
from dvdesk.domain.pipeline import EventKind
from dvdesk.services.people import EventInput
from dvdesk.ui import bus as changes
from dvdesk.ui.app import Gui
from dvdesk.ui.candidate_table_model import COL_NAME
from dvdesk.ui.candidates_tab import CandidatesTab


def select_code(qtbot: QtBot, tab: CandidatesTab, code: str) -> str:
    """Click the row of the person with this code; wait for their file; their id."""
    rows = {tab.proxy.index(r, COL_NAME).data(): r for r in range(tab.proxy.rowCount())}
    person = next(r for r in tab.model.rows() if r.code == code)
    row = rows[person.full_name]
    rect = tab.view.visualRect(tab.proxy.index(row, COL_NAME))
    tab.view.show()
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = tab.person_view
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.id == person.id)
    return person.id


def test_selecting_a_row_shows_checklist_and_findings(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    tab = make_gui().window.candidates_tab
    view = tab.person_view
    assert view.detail is None and "Chưa chọn ai" in view.text()

    select_code(qtbot, tab, "P4")  # Lê Văn Bé: under 18, no certificate, vote too short
    text = view.text()
    assert view.title.text() == "Lê Văn Bé"
    assert "P4" in view.subtitle.text() and UNIT in view.subtitle.text()
    assert "Đang hoàn thiện hồ sơ" in view.subtitle.text()
    # The dossier checklist: every paper with its state in words (an icon beside it).
    assert "Danh mục hồ sơ" in text
    assert "Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng: còn thiếu" in text
    assert "Đơn xin vào Đảng, lý lịch (1-KNĐ, 2-KNĐ): còn thiếu" in text
    assert view.body.toHtml().count("icon:missing") >= 2
    # Findings with their legal basis.
    assert view.detail is not None and view.detail.findings
    assert "Lỗi:" in text and "Căn cứ: " in text
    assert any(f.basis and f.basis in text for f in view.detail.findings)

    select_code(qtbot, tab, "P2")  # Đặng Thị Bình: certificate, application, overdue decision
    text = view.text()
    assert "Giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng: đã có, ngày 07/04/2025" in text
    assert "Đơn xin vào Đảng, lý lịch (1-KNĐ, 2-KNĐ): đã có, ngày 01/09/2025" in text
    assert "Quyết định kết nạp" in text and "quá hạn" in text  # an open deadline, days late
    assert "15/01/2026" in text  # the vote, on the timeline
    assert "Lớp bồi dưỡng nhận thức về Đảng: giấy chứng nhận số 12/CN" in text


def test_the_pane_reloads_when_people_change(
    qtbot: QtBot, make_gui: Callable[..., Gui], db: Database
) -> None:
    gui = make_gui()
    tab = gui.window.candidates_tab
    pid = select_code(qtbot, tab, "P3")
    view = tab.person_view
    assert view.detail is not None and len(view.detail.timeline) == 1
    _events(db, pid, EventInput(EventKind.CERTIFICATE, date(2026, 3, 1)))
    gui.bus.announce(changes.PEOPLE)
    qtbot.waitUntil(lambda: view.detail is not None and len(view.detail.timeline) == 2)
    assert "01/03/2026" in view.text()


def test_the_view_says_whether_consent_is_signed(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    from dvdesk.services import consent

    gui = make_gui("en")
    tab = gui.window.candidates_tab
    view = tab.person_view
    person_id = select_code(qtbot, tab, "P2")
    assert "No signed consent" in view.text() and "SECRET" not in view.subtitle.text()
    consent.record(gui.db, person_id, date(2026, 11, 20), "Lê Văn Giao")
    gui.bus.announce(changes.PEOPLE)
    qtbot.waitUntil(lambda: "Consent signed on 20/11/2026" in view.text())
