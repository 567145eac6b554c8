"""The "Print form" menu of the people lists: one person opens the print dialog and then the
preview; several people print in the background, merged into one PDF (e.g. every 6-KNĐ for this
month's meeting)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu, QMessageBox, QWidget

from dvdesk.domain.accounts import Permission
from dvdesk.domain.forms import FormSpec, Subject
from dvdesk.domain.privacy import FORM_CODE
from dvdesk.services import consent, printing
from dvdesk.services.errors import UserError
from dvdesk.ui import bus as changes
from dvdesk.ui.batch_print import run_batch
from dvdesk.ui.pdf_preview import PdfPreviewDialog
from dvdesk.ui.permissions import offer_only_if
from dvdesk.ui.person_dialog import current_actor
from dvdesk.ui.print_dialog import PrintFormDialog

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus


class PrintActions(QObject):
    """`printed` carries each PrintedForm (for the status bar and tests)."""

    printed = Signal(object)

    def __init__(
        self, backend: Backend, bus: Bus, parent: QWidget | None = None, actor: str | None = None
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._bus = bus
        self._parent = parent
        self._actor = actor or current_actor()
        # Tests replace these to look at a dialog without a modal loop.
        self.run_dialog: Callable[[QDialog], int] = lambda d: d.exec()
        self.batch: Callable[
            [QWidget | None, str, Sequence[tuple[str, Callable[[], bytes]]], str], bytes | None
        ] = lambda parent, title, jobs, name: run_batch(parent, title, jobs, name)
        self.ask_text: Callable[[str, str], str | None] = self._ask_text

    def forms(self) -> list[FormSpec]:
        return printing.printable_forms(Subject.PERSON, self._backend.today())

    def menu_for(self, person_ids: Sequence[str], parent: QWidget | None = None) -> QMenu:
        menu = QMenu(self.tr("&Print form"), parent or self._parent)
        menu.setObjectName("print_menu")
        ids = list(person_ids)
        for spec in self.forms():
            title = spec.title_en if self._backend.lang == "en" else spec.title
            action = menu.addAction(f"{spec.code}  {title}")
            action.setData(spec.code)
            action.triggered.connect(
                lambda _checked=False, code=spec.code: self.print_for(code, ids)
            )
        menu.addSeparator()
        notice = menu.addAction(self.tr("TB-DLCN  Privacy notice and consent"))
        notice.setData(FORM_CODE)
        notice.triggered.connect(lambda _checked=False: self.print_notice(ids))
        signed = menu.addAction(self.tr("Record the signed consent…"))
        signed.setObjectName("record_consent")
        signed.triggered.connect(lambda _checked=False: self.record_consent(ids))
        offer_only_if(self._backend, Permission.EDIT, signed)
        offer_only_if(self._backend, Permission.EXPORT, menu.menuAction())
        menu.setEnabled(bool(ids))
        return menu

    def print_notice(self, person_ids: Sequence[str]) -> bytes | None:
        """The privacy notice to read and sign (TB-DLCN), one page a person."""
        db, today = self._backend.db, self._backend.today()
        jobs = [
            (pid, lambda pid=pid: consent.print_notice(db, pid, today, actor=self._actor))
            for pid in person_ids
        ]
        if not jobs:
            return None
        if len(jobs) == 1:
            pdf = jobs[0][1]()
        else:
            title = self.tr("{code} for {count} people").format(code=FORM_CODE, count=len(jobs))
            merged = self.batch(self._parent, title, jobs, f"{FORM_CODE} ({len(jobs)}).pdf")
            if merged is None:
                return None
            pdf = merged
        preview = PdfPreviewDialog(pdf, FORM_CODE, f"{FORM_CODE}.pdf", self._parent)
        try:
            self.run_dialog(preview)
        finally:
            preview.pages.close()
            preview.deleteLater()
        return pdf

    def record_consent(self, person_ids: Sequence[str]) -> int:
        """The people signed the notice today: who handed it over is asked once for all."""
        if not person_ids:
            return 0
        collector = self.ask_text(
            self.tr("Record the signed consent"),
            self.tr("Who handed the notice over and took the signature?"),
        )
        if collector is None:
            return 0
        today = self._backend.today()
        try:
            for pid in person_ids:
                consent.record(self._backend.db, pid, today, collector, self._actor)
        except UserError as exc:
            QMessageBox.warning(
                self._parent, self.tr("Record the signed consent"), exc.message(self._backend.lang)
            )
            return 0
        self._bus.announce(changes.PEOPLE)
        return len(person_ids)

    def _ask_text(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getText(self._parent, title, label, text=self._actor)
        return text if ok else None

    def print_for(self, code: str, person_ids: Sequence[str]) -> None:
        if len(person_ids) == 1:
            self.print_one(code, person_ids[0])
        elif person_ids:
            self.print_many(code, person_ids)

    def print_one(self, code: str, person_id: str) -> printing.PrintedForm | None:
        try:
            dialog = PrintFormDialog(self._backend, code, person_id, self._parent, self._actor)
        except UserError as exc:
            QMessageBox.warning(self._parent, self.tr("Print"), exc.message(self._backend.lang))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        try:
            if self.run_dialog(dialog) != QDialog.DialogCode.Accepted or dialog.printed is None:
                return None
            printed = dialog.printed
        finally:
            dialog.deleteLater()
        self._after(printed)
        self.show_preview(printed)
        return printed

    def show_preview(self, printed: printing.PrintedForm) -> None:
        number = f" — Số {printed.number_text}" if printed.number_text else ""
        preview = PdfPreviewDialog(
            printed.pdf, f"{printed.code}{number}", printed.file_name, self._parent
        )
        try:
            self.run_dialog(preview)
        finally:
            preview.pages.close()
            preview.deleteLater()

    def print_many(self, code: str, person_ids: Sequence[str]) -> bytes | None:
        jobs = printing.batch_jobs(self._backend.db, code, person_ids, actor=self._actor)
        title = self.tr("{code} for {count} people").format(code=code, count=len(jobs))
        merged = self.batch(self._parent, title, jobs, f"{code} ({len(jobs)}).pdf")
        self._bus.announce(changes.PEOPLE)  # numbers were written on the events
        return merged

    def _after(self, printed: printing.PrintedForm) -> None:
        if printed.number_text:
            self._bus.announce(changes.PEOPLE)
        self.printed.emit(printed)
