"""Importing people from a spreadsheet, and writing the empty template to fill in.

The chosen file is only read. It is first checked in full (a dry run) on the thread pool behind
a progress dialog that can be cancelled; the result dialog then shows what would change, or
every mistake by sheet, row and column with nothing written. Only from a clean check can the
user import, which runs the same way and then announces the change so the lists reload.

Tests pass a path to `create_template` and `import_file` instead of using the file dialogs.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QRunnable, QStandardPaths, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dvdesk.files import FileWriteError
from dvdesk.ui import bus as changes

if TYPE_CHECKING:
    from dvdesk.services.people_import import ImportResult, Issue
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus

log = logging.getLogger(__name__)

PROGRESS_DELAY_MS = 500  # a quick check never flashes a progress dialog
TEMPLATE_NAME = "mau_nhap_nguoi.xlsx"


class ImportSignals(QObject):
    progress = Signal(int, int)  # rows done, rows in all
    done = Signal(object)  # the ImportResult
    failed = Signal(object)  # the exception


class ImportJob(QRunnable):
    """One check or import on the thread pool; `cancel()` makes it stop and roll back."""

    def __init__(self, backend: Backend, path: Path, dry_run: bool) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the controller keeps the Python object
        self.signals = ImportSignals()
        self.path = path
        self.dry_run = dry_run
        self._backend = backend
        self._cancelled = threading.Event()
        self._done = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)

    def run(self) -> None:
        try:
            result = self._backend.import_people(
                self.path,
                self.dry_run,
                progress=self.signals.progress.emit,
                is_cancelled=self._cancelled.is_set,
            )
        except Exception as exc:
            log.exception("Importing %s failed", self.path)
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)
        finally:
            self._done.set()


class ImportResultDialog(QDialog):
    """What a check found (or an import did): the counts, then the errors or the warnings.

    With errors only Close is offered and nothing was written. After a clean check, Import
    (`import_requested`) writes the file for real."""

    import_requested = Signal()

    def __init__(self, result: ImportResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_result_dialog")
        self.result = result
        name = Path(result.file).name
        self.import_button: QPushButton | None = None
        layout = QVBoxLayout(self)

        self.heading = QLabel(self)
        self.heading.setObjectName("import_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("import_counts")
        self.counts_label.setWordWrap(True)
        layout.addWidget(self.counts_label)

        self.note = QLabel(self)
        self.note.setObjectName("import_note")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

        issues = result.errors or result.warnings
        self.table = self._issue_table(issues)
        layout.addWidget(self.table, 1)

        buttons = QDialogButtonBox(self)
        if result.errors:
            self.setWindowTitle(self.tr("The file cannot be imported"))
            self.heading.setText(
                self.tr(
                    "%n mistake(s) in {file}. Correct them in the file and import it again.",
                    "",
                    len(result.errors),
                ).format(file=name)
            )
            self.counts_label.hide()
            self.note.setText(self.tr("Nothing has been written to the database."))
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        elif result.dry_run:
            self.setWindowTitle(self.tr("Import from spreadsheet"))
            self.heading.setText(
                self.tr("{file} was checked and can be imported.").format(file=name)
            )
            self.counts_label.setText(
                self.tr(
                    "To create: {created}   To update: {updated}   Unchanged: {unchanged}"
                ).format(created=result.created, updated=result.updated, unchanged=result.unchanged)
            )
            self.note.setText(
                self.tr(
                    "Nothing has been written to the database yet. Check the warnings, "
                    "then choose Import."
                )
                if result.warnings
                else self.tr("Nothing has been written to the database yet.")
            )
            self.import_button = buttons.addButton(
                self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.import_button.setObjectName("import_button")
            self.import_button.setDefault(True)
            self.import_button.clicked.connect(self._on_import)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.setWindowTitle(self.tr("Import finished"))
            self.heading.setText(self.tr("{file} was imported.").format(file=name))
            self.counts_label.setText(
                self.tr("Created: {created}   Updated: {updated}   Unchanged: {unchanged}").format(
                    created=result.created, updated=result.updated, unchanged=result.unchanged
                )
            )
            self.note.setVisible(bool(result.warnings))
            self.note.setText(self.tr("Warnings:"))
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.table.setVisible(bool(issues))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 480 if issues else 200)

    def _issue_table(self, issues: list[Issue]) -> QTableWidget:
        table = QTableWidget(len(issues), 4, self)
        table.setObjectName("import_issues")
        table.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Message")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for row, issue in enumerate(issues):
            cells = [issue.sheet, "" if issue.row is None else str(issue.row), issue.column]
            for column, text in enumerate([*cells, issue.message]):
                item = QTableWidgetItem(text)
                item.setToolTip(issue.message)
                if column == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                table.setItem(row, column, item)
        return table

    def _on_import(self) -> None:
        self.accept()
        self.import_requested.emit()

    def issue_rows(self) -> list[list[str]]:
        """The table as text, for tests."""
        table = self.table
        return [
            [(item.text() if (item := table.item(r, c)) else "") for c in range(4)]
            for r in range(table.rowCount())
        ]


class ImportController(QObject):
    """The File menu's template and import actions, for the window `parent`."""

    message = Signal(str)  # a short line for the status bar
    finished = Signal(object)  # every job's ImportResult (tests wait on it)

    def __init__(self, backend: Backend, bus: Bus, parent: QWidget) -> None:
        super().__init__(parent)
        self._backend = backend
        self._bus = bus
        self.job: ImportJob | None = None
        self.progress: QProgressDialog | None = None
        self.result_dialog: ImportResultDialog | None = None
        self.notice: QMessageBox | None = None

    @property
    def _window(self) -> QWidget:
        # Asked of Qt each time: a Python reference would keep the window's wrapper alive
        # after the window is deleted (as when the language changes).
        return cast(QWidget, self.parent())

    @property
    def busy(self) -> bool:
        return self.job is not None

    # --- the template ----------------------------------------------------------------------

    def create_template(self, path: Path | None = None) -> Path | None:
        """Write the empty workbook to `path` (asked for when None); returns where, or None."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self._window,
                self.tr("Save the spreadsheet template"),
                str(_documents() / TEMPLATE_NAME),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            self._backend.write_template(path)
        except OSError as exc:  # open in Excel, read-only folder: the user can fix that
            log.warning("Could not write the template to %s: %s", path, exc)
            self._notify(
                QMessageBox.Icon.Warning,
                self.tr("Template not saved"),
                self.tr(
                    "The template could not be written to:\n{path}\n\n{error}\n\n"
                    "If the file is open in Excel, close it and try again, or choose another "
                    "folder."
                ).format(
                    path=str(path),
                    error=(
                        exc.message(self._backend.lang)
                        if isinstance(exc, FileWriteError)
                        else exc.strerror or str(exc)
                    ),
                ),
            )
            return None
        self.message.emit(self.tr("Template saved: {path}").format(path=str(path)))
        self._notify(
            QMessageBox.Icon.Information,
            self.tr("Template saved"),
            self.tr(
                "The spreadsheet template was saved to:\n{path}\n\n"
                "Fill in its sheets (the “Hướng dẫn” sheet explains every column), then choose "
                "File › Import from spreadsheet…"
            ).format(path=str(path)),
        )
        return path

    # --- the import ------------------------------------------------------------------------

    def import_file(self, path: Path | None = None) -> None:
        """Check `path` (asked for when None) and show what an import would do."""
        if self.busy:
            return
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self._window,
                self.tr("Import from spreadsheet"),
                str(_documents()),
                self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        self._start(path, dry_run=True)

    def run_import(self, path: Path) -> None:
        """Import `path` for real (after a clean check)."""
        if not self.busy:
            self._start(path, dry_run=False)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            if self.progress is not None:
                self.progress.setLabelText(self.tr("Stopping…"))

    def shutdown(self) -> None:
        job = self.job
        if job is not None:
            job.cancel()
            job.wait(10)

    def _start(self, path: Path, dry_run: bool) -> None:
        job = ImportJob(self._backend, path, dry_run)
        self.job = job
        text = (self.tr("Checking {file}…") if dry_run else self.tr("Importing {file}…")).format(
            file=path.name
        )
        progress = QProgressDialog(text, self.tr("Cancel"), 0, 0, self._window)
        progress.setObjectName("import_progress")
        progress.setWindowTitle(self.tr("Import from spreadsheet"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.canceled.connect(self.cancel)
        self.progress = progress
        job.signals.progress.connect(self._on_progress)
        job.signals.done.connect(self._on_done)
        job.signals.failed.connect(self._on_failed)
        job.start()

    def _on_progress(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is None or self.job is None or self.job.cancelled:
            return
        if progress.maximum() != total:
            progress.setMaximum(max(total, 1))
        progress.setValue(min(done, total))

    def _finish_job(self) -> ImportJob | None:
        job, self.job = self.job, None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        return job

    def _on_done(self, result: ImportResult) -> None:
        job = self._finish_job()
        if job is None:
            return
        if result.cancelled:
            self.message.emit(self.tr("Import cancelled; nothing was written."))
        elif not result.dry_run and not result.errors:
            self._bus.announce(changes.ALL)
            self.message.emit(
                self.tr("Imported {file}: {created} created, {updated} updated.").format(
                    file=job.path.name, created=result.created, updated=result.updated
                )
            )
            self._show_result(result, job.path)
        else:
            self._show_result(result, job.path)
        self.finished.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        self._finish_job()
        raise exc  # unexpected: the application's error handler logs and shows it

    def _show_result(self, result: ImportResult, path: Path) -> None:
        if self.result_dialog is not None:
            self.result_dialog.deleteLater()
        dialog = ImportResultDialog(result, self._window)
        dialog.import_requested.connect(lambda: self.run_import(path))
        self.result_dialog = dialog
        dialog.open()

    def _notify(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        if self.notice is not None:
            self.notice.deleteLater()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self._window)
        box.setObjectName("import_notice")
        self.notice = box
        box.open()


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()
