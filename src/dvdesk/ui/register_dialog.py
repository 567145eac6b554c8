"""The document register (sổ đăng ký văn bản): every number issued, newest first, with what it
was given to. A mistaken document is voided with a reason, never deleted, and its number is not
given again; a person's document prints again exactly as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.accounts import Permission
from dvdesk.domain.dates import format_date
from dvdesk.domain.text import fold
from dvdesk.services import printing, register
from dvdesk.services.errors import UserError
from dvdesk.services.register import RegisterEntry
from dvdesk.ui.marks import QT_TRANSLATE_NOOP
from dvdesk.ui.permissions import offer_only_if, offered
from dvdesk.ui.person_dialog import current_actor
from dvdesk.ui.row_table_model import RowFilterProxy, RowTableModel
from dvdesk.ui.views import setup_table_view

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.print_actions import PrintActions

COL_DATE, COL_NUMBER, COL_FORM, COL_SUBJECT, COL_VOID = range(5)
VOID_COLOUR = "#808080"


class RegisterModel(RowTableModel):
    CONTEXT = "RegisterModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("RegisterModel", "Date"),
        QT_TRANSLATE_NOOP("RegisterModel", "Number"),
        QT_TRANSLATE_NOOP("RegisterModel", "Form"),
        QT_TRANSLATE_NOOP("RegisterModel", "Subject"),
        QT_TRANSLATE_NOOP("RegisterModel", "Voided"),
    )

    def display(self, row: RegisterEntry, column: int) -> str:
        return (
            format_date(row.issued_on),
            row.number_text,
            row.form_code,
            row.subject,
            row.void_reason,
        )[column]

    def sort_keys(self, row: RegisterEntry) -> tuple[Any, ...]:
        return (
            row.issued_on.toordinal(),
            (row.doc_type, row.number),
            row.form_code or "~",
            fold(row.subject),
            (0, fold(row.void_reason)) if row.void_reason else (1, ""),
        )

    def search_text(self, row: RegisterEntry) -> str:
        return fold(f"{row.number_text} {row.form_code} {row.subject} {row.void_reason}")

    def extra_data(self, row: RegisterEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.void_reason:
            return QColor(VOID_COLOUR)
        return None


class RegisterDialog(QDialog):
    def __init__(
        self,
        backend: Backend,
        printer: PrintActions,
        parent: QWidget | None = None,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("register_dialog")
        self.setWindowTitle(self.tr("Document register"))
        self.setSizeGripEnabled(True)
        self._backend = backend
        self._printer = printer
        self._actor = actor or current_actor()
        # Tests replace this to answer the reason prompt.
        self.ask_reason = self._ask_reason

        self.model = RegisterModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("register_view")
        self.view.setModel(self.proxy)
        setup_table_view(self.view, {COL_DATE: 10, COL_NUMBER: 12, COL_FORM: 8, COL_SUBJECT: 50})
        self.view.doubleClicked.connect(lambda _index: self.reprint())
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Number, form or name; accents optional"))
        self.search.textChanged.connect(self.proxy.set_search)
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        self.count = QLabel(self)

        self.reprint_button = QPushButton(self.tr("&Print again…"), self)
        self.reprint_button.clicked.connect(self.reprint)
        self.void_button = QPushButton(self.tr("&Void…"), self)
        self.void_button.setToolTip(
            self.tr("Mark a document issued by mistake; its number is never given again.")
        )
        self.void_button.clicked.connect(self.void)
        offer_only_if(backend, Permission.EXPORT, self.reprint_button)
        offer_only_if(backend, Permission.EDIT, self.void_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        actions = QHBoxLayout()
        actions.addWidget(self.reprint_button)
        actions.addWidget(self.void_button)
        actions.addStretch(1)
        actions.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self.resize(780, 480)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(register.entries(self._backend.db))
        self.count.setText(self.tr("{count} documents").format(count=self.model.total()))

    def current(self) -> RegisterEntry | None:
        row = self.proxy.row_at(self.view.currentIndex())
        return row if isinstance(row, RegisterEntry) else None

    def _ask_reason(self, entry: RegisterEntry) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Void {number}").format(number=entry.number_text),
            self.tr("Why is this document void? (The number stays used.)"),
        )
        return text if ok else None

    def void(self) -> None:
        entry = self.current()
        if entry is None or entry.void_reason:
            return
        reason = self.ask_reason(entry)
        if reason is None:
            return
        try:
            register.void(self._backend.db, entry.document_id, reason, self._actor)
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message(self._backend.lang))
            return
        self.reload()

    def reprint(self) -> None:
        entry = self.current()
        if entry is None or not offered(self.reprint_button):
            return
        if entry.void_reason:
            QMessageBox.information(
                self,
                self.windowTitle(),
                self.tr(
                    "This document is void. Print the form again from the person's menu in the "
                    "Candidates tab: it gets a new number."
                ),
            )
            return
        if entry.person_id is None or entry.form_code not in printing.FORM_MODULES:
            QMessageBox.information(
                self,
                self.windowTitle(),
                self.tr("Print plans and reports again from the Reports tab."),
            )
            return
        try:
            printed = printing.print_person_form(
                self._backend.db, entry.form_code, entry.person_id, actor=self._actor
            )
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message(self._backend.lang))
            return
        self._printer.show_preview(printed)
