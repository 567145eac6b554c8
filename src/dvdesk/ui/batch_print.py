"""Printing many documents at once: each job makes one PDF on the thread pool, behind a progress
dialog ("3 / 500 — Nguyễn Văn A") that can be cancelled; the PDFs are then merged into one and
shown in the preview, from which the user prints or saves them.

A job that fails does not stop the batch: its label and message are collected and shown at the
end, and the other documents are still merged. Cancelling stops after the job being made and
gives nothing back.

`BatchPrinter` is the controller (tests drive it and wait on `finished`); `run_batch` wraps it
for callers that want the whole thing in one call.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from dvdesk.reports.pdf_merge import merge_pdfs
from dvdesk.ui.pdf_preview import PdfPreviewDialog

log = logging.getLogger(__name__)

BatchJob = tuple[str, Callable[[], bytes]]  # (label shown while it runs, makes one PDF)
DEFAULT_FILE_NAME = "in_hang_loat.pdf"
FAILURES_SHOWN = 10  # in the message; the details list them all


@dataclass
class BatchResult:
    pdf: bytes | None = None  # every successful job's pages, merged; None when none or cancelled
    done: int = 0  # jobs that made a PDF
    failures: list[tuple[str, str]] = field(default_factory=list)  # (label, message)
    cancelled: bool = False


class BatchSignals(QObject):
    progress = Signal(int, int, str)  # jobs finished, jobs in all, the label of the next one
    merging = Signal(int)  # documents being merged
    done = Signal(object)  # the BatchResult
    failed = Signal(object)  # the exception (the merge itself failed)


class BatchWorker(QRunnable):
    """Runs the jobs one after another, then merges; `cancel()` stops after the current job."""

    def __init__(self, jobs: Sequence[BatchJob]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the controller keeps the Python object
        self.signals = BatchSignals()
        self.jobs = list(jobs)
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
        result = BatchResult()
        pdfs: list[bytes] = []
        total = len(self.jobs)
        try:
            for position, (label, make) in enumerate(self.jobs):
                if self.cancelled:
                    break
                self.signals.progress.emit(position, total, label)
                try:
                    pdf = make()
                except Exception as exc:
                    log.exception("Batch job %r failed", label)
                    result.failures.append((label, str(exc) or type(exc).__name__))
                    continue
                pdfs.append(pdf)
            result.done = len(pdfs)
            if self.cancelled:
                result.cancelled = True
            elif pdfs:
                self.signals.merging.emit(len(pdfs))
                result.pdf = merge_pdfs(pdfs)
        except Exception as exc:
            log.exception("Batch printing failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)
        finally:
            self._done.set()


class BatchPrinter(QObject):
    """Runs `jobs` behind a progress dialog titled `title`; emits `finished(BatchResult)`."""

    finished = Signal(object)

    def __init__(self, title: str, jobs: Sequence[BatchJob], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.jobs = list(jobs)
        self.worker: BatchWorker | None = None
        self.progress: QProgressDialog | None = None
        self.result: BatchResult | None = None
        self.error: BaseException | None = None

    @property
    def _window(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    @property
    def busy(self) -> bool:
        return self.worker is not None

    def start(self) -> None:
        if self.busy:
            return
        worker = BatchWorker(self.jobs)
        self.worker = worker
        progress = QProgressDialog(
            self.tr("Preparing…"), self.tr("Cancel"), 0, max(len(self.jobs), 1), self._window
        )
        progress.setObjectName("batch_progress")
        progress.setWindowTitle(self.title)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setMinimumDuration(0)  # a batch is never instant; block the window at once
        progress.setMinimumWidth(420)
        progress.canceled.connect(self.cancel)
        progress.setValue(0)
        self.progress = progress
        worker.signals.progress.connect(self._on_progress)
        worker.signals.merging.connect(self._on_merging)
        worker.signals.done.connect(self._on_done)
        worker.signals.failed.connect(self._on_failed)
        worker.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            if self.progress is not None:
                self.progress.setLabelText(self.tr("Stopping after the current document…"))

    def shutdown(self) -> None:
        worker = self.worker
        if worker is not None:
            worker.cancel()
            worker.wait(30)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        progress = self.progress
        if progress is None or self.worker is None or self.worker.cancelled:
            return
        progress.setValue(done)
        progress.setLabelText(
            self.tr("{current} / {total} — {label}").format(
                current=done + 1, total=total, label=label
            )
        )

    def _on_merging(self, count: int) -> None:
        progress = self.progress
        if progress is None or self.worker is None or self.worker.cancelled:
            return
        progress.setValue(progress.maximum())
        progress.setCancelButton(None)  # the merge cannot stop halfway
        progress.setLabelText(self.tr("Joining %n document(s)…", "", count))

    def _finish(self) -> None:
        self.worker = None
        if self.progress is not None:
            self.progress.canceled.disconnect(self.cancel)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _on_done(self, result: BatchResult) -> None:
        self._finish()
        self.result = result
        self.finished.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        self.error = exc
        self.result = BatchResult()
        self.finished.emit(self.result)


def failures_box(
    parent: QWidget | None, title: str, failures: Sequence[tuple[str, str]]
) -> QMessageBox:
    """The message listing the documents that could not be made (label and message)."""
    box = QMessageBox(parent)
    box.setObjectName("batch_failures")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    # lupdate only sees a plural count given as a plain name, not as a call.
    failed = len(failures)
    box.setText(
        QCoreApplication.translate(
            "BatchPrinter",
            "%n document(s) could not be made. The others were joined as usual.",
            "",
            failed,
        )
    )
    lines = [f"• {label}: {message}" for label, message in failures]
    shown = lines[:FAILURES_SHOWN]
    if len(lines) > len(shown):
        more = len(lines) - len(shown)
        shown.append(
            QCoreApplication.translate("BatchPrinter", "… and %n more (see the details).", "", more)
        )
    box.setInformativeText("\n".join(shown))
    box.setDetailedText("\n".join(lines))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def run_batch(
    parent: QWidget | None,
    title: str,
    jobs: Sequence[BatchJob],
    file_name: str = DEFAULT_FILE_NAME,
    preview: bool = True,
) -> bytes | None:
    """Make every job's PDF, merge them and show the result in the preview (unless `preview`
    is False). Returns the merged PDF, or None when cancelled or nothing could be made.
    Failed jobs are listed to the user at the end."""
    printer = BatchPrinter(title, jobs, parent)
    loop = QEventLoop()
    printer.finished.connect(loop.quit)
    printer.start()
    if printer.busy:
        loop.exec()
    result = printer.result or BatchResult()
    printer.deleteLater()
    if printer.error is not None:
        raise printer.error  # unexpected: the application's error handler logs and shows it
    if result.cancelled:
        return None
    if result.failures:
        failures_box(parent, title, result.failures).exec()
    if result.pdf is not None and preview:
        dialog = PdfPreviewDialog(result.pdf, title, file_name, parent)
        dialog.exec()
        dialog.pages.close()
        dialog.deleteLater()
    return result.pdf
