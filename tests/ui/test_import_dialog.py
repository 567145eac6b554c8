"""File ▸ template and import: the file dialogs are bypassed by passing a path; the check and
the import run on the thread pool behind a progress dialog, and a bad file writes nothing."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from dvdesk.db.engine import Database
from dvdesk.db.models import Base
from dvdesk.reports.people_workbook import write_template
from dvdesk.services import people_import
from dvdesk.services.people_import import ImportResult
from dvdesk.ui.app import Gui
from dvdesk.ui.import_dialog import ImportController
from dvdesk.ui.main_window import MainWindow

PEOPLE = "Người vào Đảng"

CLEAN = [
    {"Mã": "N1", "Họ và tên": "Vũ Thị Hạnh", "Ngày sinh": "04/03/2000", "Giới tính": "Nữ"},
    {"Mã": "N2", "Họ và tên": "Ngô Văn Khải", "Ngày vào danh sách cảm tình Đảng": "01/02/2026"},
    {"Mã": "P1", "Họ và tên": "Nguyễn Văn An", "Nghề nghiệp": "Kỹ sư"},  # already stored
]
BAD = [
    {"Họ và tên": "Không Có Mã"},  # neither code nor CCCD
    {"Mã": "N3", "Họ và tên": "Đinh Văn Lâm", "Ngày sinh": "31/02/2001"},
]


def workbook(path: Path, rows: Sequence[Mapping[str, object]]) -> Path:
    write_template(path)
    book = openpyxl.load_workbook(path)
    sheet = book[PEOPLE]
    headers = [c.value for c in sheet[1]]
    for row in rows:
        sheet.append([row.get(str(h)) for h in headers])
    book.save(path)
    return path


def counts(db: Database) -> dict[str, int]:
    with db.reader() as s:
        return {
            t.name: s.scalar(select(func.count()).select_from(t)) or 0
            for t in Base.metadata.sorted_tables
        }


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def names(window: MainWindow) -> set[str]:
    model = window.candidates_tab.model
    return {model.row(r).full_name for r in range(model.rowCount())}


def run(qtbot: QtBot, importer: ImportController, start: Callable[[], None]) -> ImportResult:
    with qtbot.waitSignal(importer.finished, timeout=20_000) as blocker:
        start()
    result = blocker.args[0]
    assert isinstance(result, ImportResult)
    assert not importer.busy
    return result


@pytest.fixture
def window(make_gui: Callable[..., Gui]) -> MainWindow:
    window = make_gui().window
    window.show()
    return window


def test_file_menu_offers_template_and_import(window: MainWindow) -> None:
    menu = window.menuBar().actions()[0].menu()
    texts = [a.text().replace("&", "") for a in menu.actions()]  # type: ignore[union-attr]
    assert "Tạo mẫu bảng tính…" in texts and "Nhập từ bảng tính…" in texts


def test_template_is_written_where_asked(window: MainWindow, tmp_path: Path) -> None:
    importer = window.importer
    written = importer.create_template(tmp_path / "mau")
    assert written == tmp_path / "mau.xlsx" and written.is_file()
    assert openpyxl.load_workbook(written)[PEOPLE]["A1"].value is not None
    assert importer.notice is not None and str(written) in importer.notice.text()
    assert str(written) in window.statusBar().currentMessage()
    importer.notice.close()


def test_template_that_cannot_be_written_says_so(window: MainWindow, tmp_path: Path) -> None:
    importer = window.importer
    taken = tmp_path / "mau.xlsx"
    taken.mkdir()  # a folder where the file should go: writing fails as when Excel holds it
    assert importer.create_template(taken) is None
    assert importer.notice is not None
    assert "Không ghi được mẫu" in importer.notice.text() and str(taken) in importer.notice.text()
    importer.notice.close()


def test_bad_file_shows_every_mistake_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, db: Database, tmp_path: Path
) -> None:
    path = workbook(tmp_path / "sai.xlsx", BAD)
    before, original = counts(db), digest(path)
    importer = window.importer
    result = run(qtbot, importer, lambda: importer.import_file(path))
    assert result.dry_run and result.errors
    dialog = importer.result_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.import_button is None  # only Close
    assert "Chưa ghi gì vào cơ sở dữ liệu" in dialog.note.text()
    rows = dialog.issue_rows()
    assert len(rows) == len(result.errors) >= 2
    assert rows[0][:3] == [PEOPLE, "2", "Mã"]
    assert rows[1][:3] == [PEOPLE, "3", "Ngày sinh"] and rows[1][3]
    dialog.reject()
    assert counts(db) == before and digest(path) == original


def test_clean_file_is_checked_then_imported(
    qtbot: QtBot, window: MainWindow, db: Database, tmp_path: Path
) -> None:
    path = workbook(tmp_path / "dung.xlsx", CLEAN)
    before, original = counts(db), digest(path)
    importer = window.importer
    run(qtbot, importer, lambda: importer.import_file(path))
    dialog = importer.result_dialog
    assert dialog is not None and dialog.import_button is not None
    assert "Sẽ tạo mới: 2" in dialog.counts_label.text()
    assert "Sẽ cập nhật: 1" in dialog.counts_label.text()
    assert "Không đổi: 0" in dialog.counts_label.text()
    assert counts(db) == before  # the check wrote nothing

    result = run(qtbot, importer, dialog.import_button.click)
    assert not result.dry_run and (result.created, result.updated) == (2, 1)
    assert not dialog.isVisible()
    done = importer.result_dialog
    assert done is not None and done is not dialog and done.import_button is None
    assert "Đã tạo mới: 2" in done.counts_label.text()
    qtbot.waitUntil(lambda: {"Vũ Thị Hạnh", "Ngô Văn Khải"} <= names(window), timeout=10_000)
    assert window.people_status.text() == "6 người"
    assert digest(path) == original
    done.reject()


def test_cancelling_the_import_writes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = [{"Mã": f"N{i}", "Họ và tên": f"Người Số {i}"} for i in range(40)]
    path = workbook(tmp_path / "dai.xlsx", rows)
    before = counts(db)
    person = people_import._Writer._person

    def slow_person(self: object, *args: object) -> None:
        time.sleep(0.05)  # 40 people: two seconds, long enough to cancel half-way
        person(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(people_import._Writer, "_person", slow_person)
    importer = window.importer
    importer.run_import(path)
    progress = importer.progress
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=5_000)  # shown after the short delay
    qtbot.waitUntil(lambda: progress.value() > progress.maximum() // 2, timeout=10_000)
    (cancel,) = progress.findChildren(QPushButton)
    assert cancel.text() == "Hủy"
    with qtbot.waitSignal(importer.finished, timeout=20_000) as blocker:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert isinstance(result, ImportResult) and result.cancelled
    assert importer.progress is None and importer.result_dialog is None
    assert "chưa ghi gì" in window.statusBar().currentMessage()
    assert counts(db) == before


def test_unexpected_failure_goes_to_the_error_handler(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> ImportResult:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(people_import, "import_people", broken)
    importer = window.importer
    with qtbot.capture_exceptions() as raised:
        importer.import_file(workbook(tmp_path / "a.xlsx", CLEAN))
        qtbot.waitUntil(lambda: not importer.busy, timeout=10_000)
    assert [str(exc) for _, exc, _ in raised] == ["disk on fire"]
    assert importer.progress is None and importer.result_dialog is None
