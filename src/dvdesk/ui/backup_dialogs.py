"""Backups in the window: one every half hour while the data changes and one on exit (in the
background, never in the way), and the File menu's "Back up now", "Check the database" and
"Restore from a backup…". All of them go through services.backups, which backs up a database
file or the office's database on its server alike."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from dvdesk.services import backups
from dvdesk.services.errors import UserError
from dvdesk.ui.person_view import RunningTasks, Task

if TYPE_CHECKING:
    from dvdesk.db.backup import IntegrityReport
    from dvdesk.ui.backend import Backend

log = logging.getLogger(__name__)
EVERY_MS = 30 * 60 * 1000


class BackupKeeper(QObject):
    """Makes the automatic backups. A failure is logged and shown in the status bar, once."""

    message = Signal(str)

    def __init__(self, backend: Backend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._tasks = RunningTasks()
        self.made: list[Path] = []
        self.timer = QTimer(self)
        self.timer.setInterval(EVERY_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def use(self, backend: Backend) -> None:
        """Back up another database from now on (the one a restore opened)."""
        self._backend = backend
        self.timer.start()

    def tick(self) -> None:
        if self._tasks:
            return  # the last one is still being written
        db = self._backend.db
        task = Task(lambda: backups.make_backup(db, "auto", only_if_changed=True), 0)
        self._tasks.start(task, self._done, self._failed)

    def _done(self, _: int, made: Any) -> None:
        if made is not None:
            self.made.append(made.path)
            self.message.emit(
                self.tr("Backed up at {time}.").format(time=f"{made.created_at:%H:%M}")
            )

    def _failed(self, _: int, exc: BaseException) -> None:
        log.warning("automatic backup failed: %s", exc)
        if isinstance(exc, UserError):
            self.message.emit(exc.message(self._backend.lang))

    def shutdown(self) -> None:
        """Stop the timer and take the backup on exit (skipped when nothing changed)."""
        self.timer.stop()
        self._tasks.wait_all(60)
        try:
            made = backups.make_backup(self._backend.db, "exit", only_if_changed=True)
        except (UserError, OSError) as exc:
            log.warning("backup on exit failed: %s", exc)
            return
        if made is not None:
            self.made.append(made.path)


def report_text(report: IntegrityReport) -> str:
    if report.ok:
        return QCoreApplication.translate(
            "BackupReport", "The database is sound: no damage and no broken references."
        )
    lines = [QCoreApplication.translate("BackupReport", "The database has problems:")]
    lines += report.problems[:10]
    lines += [
        QCoreApplication.translate("BackupReport", "Broken reference: {what}").format(what=f)
        for f in report.foreign_keys[:10]
    ]
    lines.append(
        QCoreApplication.translate(
            "BackupReport", "Restore the newest backup (File → Restore from a backup…)."
        )
    )
    return "\n".join(lines)


class BackupActions(QObject):
    """What the File menu's backup entries do; `ask_*` are replaced by tests."""

    restore_requested = Signal(str, str)  # the backup file, the passphrase

    def __init__(self, backend: Backend, parent: QWidget) -> None:
        super().__init__(parent)
        self._backend = backend
        self.ask_file: Callable[[], str] = self._ask_file
        self.ask_passphrase: Callable[[], str | None] = self._ask_passphrase
        self.confirm: Callable[[str], bool] = self._confirm
        self.inform: Callable[[str, str], None] = self._inform

    def _window(self) -> QWidget:
        # Asked of Qt each time: holding the window here would keep a closed one alive.
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    def _ask_file(self) -> str:
        folder = backups.folder_of(self._backend.db.path)
        name, _ = QFileDialog.getOpenFileName(
            self._window(),
            self.tr("Restore from a backup"),
            str(folder),
            self.tr("dvdesk backups (*.dvbak)"),
        )
        return name

    def _ask_passphrase(self) -> str | None:
        text, ok = QInputDialog.getText(
            self._window(),
            self.tr("Restore from a backup"),
            self.tr("The unit's key passphrase:"),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else None

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self._window(), self.tr("Restore from a backup"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _inform(self, title: str, text: str) -> None:
        QMessageBox.information(self._window(), title, text)

    def back_up_now(self) -> Path | None:
        try:
            made = backups.make_backup(self._backend.db, "manual")
        except (UserError, OSError) as exc:
            text = exc.message(self._backend.lang) if isinstance(exc, UserError) else str(exc)
            self.inform(self.tr("Back up now"), text)
            return None
        assert made is not None
        self.inform(
            self.tr("Back up now"),
            self.tr("The backup is written to {path}. Copy it to a USB stick now and then.").format(
                path=made.path
            ),
        )
        return made.path

    def check(self) -> None:
        report = backups.verify(self._backend.db)
        self.inform(self.tr("Check the database"), report_text(report))

    def restore(self) -> None:
        name = self.ask_file()
        if not name:
            return
        passphrase = self.ask_passphrase()
        if passphrase is None:
            return
        data_dir = self._backend.db.path.parent  # the data folder, for a file or a server
        try:
            seen = backups.preview(Path(name), passphrase, data_dir)
            backups.check_fits(seen, data_dir)  # a server's backup never goes into a file
        except UserError as exc:
            self.inform(self.tr("Restore from a backup"), exc.message(self._backend.lang))
            return
        counts = seen.info.counts
        details = {
            "unit": seen.info.unit_name or seen.info.unit_code,
            "when": f"{seen.created_at:%d/%m/%Y %H:%M}",
            "people": counts.get("people", 0),
            "members": counts.get("members", 0),
            "events": counts.get("events", 0),
            "last": seen.info.last_change[:16].replace("T", " ") or "—",
        }
        if self._backend.db.on_server:
            text = self.tr(
                "The backup of {unit} made on {when} holds {people} people, {members} Party "
                "members and {events} recorded steps; the last change in it was on {last}.\n\n"
                "Put it in place of the data on the server {server} now? Every desk working on "
                "the server sees the restored data at once. The data as it is now is backed up "
                "first."
            ).format(server=self._backend.db.location, **details)
        else:
            text = self.tr(
                "The backup of {unit} made on {when} holds {people} people, {members} Party "
                "members and {events} recorded steps; the last change in it was on {last}.\n\n"
                "Put it in place of the data now? The data as it is now is backed up and kept "
                "aside first."
            ).format(**details)
        if self.confirm(text):
            self.restore_requested.emit(name, passphrase)
