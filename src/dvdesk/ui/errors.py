"""Unexpected errors: written to the log file, then shown once in a dialog with the details and
the log's path; the program keeps running. Expected errors (a user's mistake) never come here:
they are shown next to the field they concern.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("dvdesk")

LOG_FILE_NAME = "dvdesk.log"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
ShowError = Callable[[QWidget | None, BaseException, str, Path | None], None]


def setup_logging(log_dir: Path) -> Path:
    """Log to `log_dir/dvdesk.log` (rotated at 1 MB, three old files kept); returns the path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return path


def show_error(
    parent: QWidget | None, exc: BaseException, details: str, log_path: Path | None
) -> None:
    """The one dialog for an unexpected error: what happened, where the log is, the details."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Unexpected error"))
    box.setText(
        QCoreApplication.translate(
            "ErrorDialog",
            "Something went wrong and the last action may not have finished. "
            "The program keeps running; your saved data is safe.",
        )
    )
    info = QCoreApplication.translate("ErrorDialog", "Error: {error}").format(
        error=f"{type(exc).__name__}: {exc}"
    )
    if log_path is not None:
        info += "\n\n" + QCoreApplication.translate(
            "ErrorDialog", "The details were written to the log file:\n{path}"
        ).format(path=str(log_path))
    box.setInformativeText(info)
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.exec()


class ErrorReporter(QObject):
    """Logs unexpected errors and shows them, one dialog at a time, on the GUI thread.

    Errors raised on other threads arrive through the queued `_report` signal; while a dialog is
    open, further errors are logged but not shown, so a failing timer cannot flood the screen.
    """

    _report = Signal(object, str)

    def __init__(self, log_path: Path | None, show: ShowError = show_error) -> None:
        super().__init__()
        self.log_path = log_path
        self._show = show
        self._showing = False
        self._report.connect(self._present)

    def report(self, exc: BaseException, tb: TracebackType | None = None) -> None:
        details = "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))
        log.error("Unexpected error\n%s", details)
        self._report.emit(exc, details)  # queued when called from another thread

    def _present(self, exc: BaseException, details: str) -> None:
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            self._show(QApplication.activeWindow(), exc, details, self.log_path)
        except Exception:  # the error dialog itself must never take the program down
            log.exception("Could not show the error dialog")
        finally:
            self._showing = False

    # sys.excepthook and threading.excepthook

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.report(args.exc_value, args.exc_traceback)

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = sys.__excepthook__
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = threading.__excepthook__
