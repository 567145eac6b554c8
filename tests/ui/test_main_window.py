"""The main window: four tabs in Vietnamese by default, English on request, the status bar,
keyboard access, what it remembers between runs, and the unexpected-error path."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from ui_data import TODAY, UNIT, wait_loaded

from dvdesk.ui.app import Gui, translation_file
from dvdesk.ui.errors import ErrorReporter, setup_logging, show_error
from dvdesk.ui.settings import KEY_LANGUAGE

VI_TABS = ["Người vào Đảng", "Đảng viên", "Lớp học", "Báo cáo"]
EN_TABS = ["Candidates", "Mentors", "Classes", "Reports"]


def test_translations_ship_inside_the_package() -> None:
    assert translation_file("vi").is_file()
    assert translation_file("en").is_file()


def test_opens_with_four_vietnamese_tabs_by_default(make_gui: Callable[..., Gui]) -> None:
    window = make_gui().window
    assert window.tab_labels() == VI_TABS
    assert window.tabs.currentWidget() is window.candidates_tab
    assert UNIT in window.windowTitle()
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Tệp", "Trao đổi", "Sửa", "Xem", "Trợ giúp"]


def test_status_bar_counts_people_and_overdue_steps(make_gui: Callable[..., Gui]) -> None:
    window = make_gui().window
    assert window.people_status.text() == "4 người"
    assert window.overdue_status.text() == "1 việc quá hạn"
    assert window.overdue_icon.isVisibleTo(window)  # an icon and text, not colour alone


def test_english_is_selectable(make_gui: Callable[..., Gui]) -> None:
    window = make_gui("en").window
    assert window.tab_labels() == EN_TABS
    assert window.people_status.text() == "4 people"
    header = window.candidates_tab.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Full name"


def test_switching_language_rebuilds_the_window_and_is_remembered(
    qtbot: QtBot, make_gui: Callable[..., Gui], user_settings: QSettings
) -> None:
    gui = make_gui()
    old = gui.window
    old.language_actions["en"].trigger()
    qtbot.addWidget(gui.window)
    assert gui.window is not old
    wait_loaded(qtbot, gui.window)
    assert gui.window.tab_labels() == EN_TABS
    assert gui.window.candidates_tab.model.row(0).stage_label == "Outstanding member of the masses"
    user_settings.sync()
    assert user_settings.value(KEY_LANGUAGE) == "en"
    gui.set_language("vi")
    qtbot.addWidget(gui.window)
    assert gui.window.tab_labels() == VI_TABS


def test_ctrl_f_focuses_the_search_box(qtbot: QtBot, make_gui: Callable[..., Gui]) -> None:
    window = make_gui().window
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    tab = window.candidates_tab
    tab.view.setFocus()
    qtbot.waitUntil(tab.view.hasFocus)
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(tab.search.hasFocus)
    # From a tab without a search box, Ctrl+F goes to the candidates' search.
    window.tabs.setCurrentWidget(window.reports_tab)
    window.reports_tab.view.setFocus()
    qtbot.keyClick(window.reports_tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is tab
    qtbot.waitUntil(tab.search.hasFocus)


def test_every_input_has_a_label_with_a_mnemonic(make_gui: Callable[..., Gui]) -> None:
    from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

    window = make_gui().window
    inputs = window.findChildren(QLineEdit) + window.findChildren(QComboBox)
    buddies = {
        label.buddy(): label.text() for label in window.findChildren(QLabel) if label.buddy()
    }
    for widget in inputs:
        if isinstance(widget.parent(), QComboBox):  # a combo box's own line edit
            continue
        assert widget in buddies, widget.objectName()
        assert "&" in buddies[widget]


def test_geometry_and_last_tab_are_remembered(qtbot: QtBot, make_gui: Callable[..., Gui]) -> None:
    first = make_gui().window
    first.show()
    qtbot.waitExposed(first)
    first.tabs.setCurrentWidget(first.classes_tab)
    # Narrowest width: the offscreen screen is 800 px wide, and a restored geometry wider than
    # the screen is clamped to it.
    first.resize(first.minimumSizeHint().width(), first.minimumSizeHint().height() + 20)
    size = first.size()
    assert size != first.sizeHint()
    first.close()
    second = make_gui().window
    assert second.tabs.currentWidget() is second.classes_tab
    assert second.size() == size


def test_reports_tab_counts_stages_and_deadlines(make_gui: Callable[..., Gui]) -> None:
    tab = make_gui().window.reports_tab
    summary = tab.summary
    assert summary is not None and summary.on == TODAY
    counts = {s.stage: s.count for s in summary.stages}
    assert counts["source"] == 1 and counts["proposed"] == 1 and sum(counts.values()) == 4
    assert tab.overdue_value.text() == "1 việc quá hạn (1 người)"
    assert tab.people_value.text() == "4 người"


def test_mentors_and_classes_tabs_load_when_first_shown(
    qtbot: QtBot, make_gui: Callable[..., Gui]
) -> None:
    window = make_gui().window
    assert not window.mentors_tab.activated and window.mentors_tab.model.rowCount() == 0
    window.tabs.setCurrentWidget(window.mentors_tab)
    window.tabs.setCurrentWidget(window.classes_tab)
    wait_loaded(qtbot, window)
    members = window.mentors_tab.model
    assert [members.display(members.row(r), 0) for r in range(members.rowCount())] == [
        "Hoàng Văn Đức",
        "Phạm Thị Hoa",
    ]
    assert members.display(members.row(1), 2) == "Chính thức"
    assert members.display(members.row(1), 4) == "19/05/2010"
    classes = window.classes_tab.model
    assert classes.rowCount() == 1
    row = classes.row(0)
    assert classes.display(row, 0) == "Bồi dưỡng nhận thức về Đảng"
    assert classes.display(row, 5) == "1"  # one certificate issued from this class


# --- unexpected errors -----------------------------------------------------------------------


def test_an_unexpected_error_is_logged_and_shown_once(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    log_path = setup_logging(tmp_path / "logs")
    shown: list[tuple[BaseException, str, Path | None]] = []
    reporter: ErrorReporter

    def fake_show(
        parent: QWidget | None, exc: BaseException, details: str, path: Path | None
    ) -> None:
        shown.append((exc, details, path))
        # A second error while the dialog is open is logged, not shown on top of it.
        reporter.report(RuntimeError("second"))

    reporter = ErrorReporter(log_path, fake_show)
    try:
        raise ValueError("boom")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR, logger="dvdesk"):
            reporter.excepthook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    exc, details, path = shown[0]
    assert str(exc) == "boom" and "ValueError: boom" in details and path == log_path
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_path.read_text(encoding="utf-8")
    assert "ValueError: boom" in text and "RuntimeError: second" in text


def test_the_error_dialog_names_the_log_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, str] = {}

    def fake_exec(box: QMessageBox) -> int:
        seen["text"] = box.informativeText()
        seen["details"] = box.detailedText()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    show_error(None, KeyError("x"), "Traceback ...", tmp_path / "dvdesk.log")
    assert str(tmp_path / "dvdesk.log") in seen["text"]
    assert seen["details"] == "Traceback ..."


def test_install_and_uninstall_excepthook(tmp_path: Path) -> None:
    import sys
    import threading

    before = (sys.excepthook, threading.excepthook)
    reporter = ErrorReporter(tmp_path / "x.log", lambda *a: None)
    reporter.install()
    try:
        assert sys.excepthook == reporter.excepthook
    finally:
        reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) != (
        reporter.excepthook,
        reporter.thread_excepthook,
    )
    sys.excepthook, threading.excepthook = before


def test_edit_menu_undoes_and_rows_offer_their_pipeline_steps(
    make_gui: Callable[..., Gui], qtbot: QtBot
) -> None:
    window = make_gui().window
    tab = window.candidates_tab
    edit = window.menuBar().actions()[2].menu()
    assert tab.pipeline.undo_action in edit.actions()
    assert not tab.pipeline.undo_action.isEnabled()  # nothing done yet
    wait_loaded(qtbot, window)
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.view.model().index(0, 0))
    row = tab.current_row()
    assert row is not None
    assert tab.view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    steps = [a.objectName() for a in tab.pipeline.menu_for(row.id, row.stage).actions()]
    assert any(name.startswith("action_") for name in steps)
