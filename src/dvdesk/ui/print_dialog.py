"""Print one of a person's forms: the date, the register number, the free text, then a preview.

The text typed here is kept with the document (numbered forms) or with the person (the others),
so the next print of the same form starts from it. A mistake shows next to its field and the
dialog stays open with everything typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.dates import format_date, parse_date
from dvdesk.services import printing
from dvdesk.services.errors import UserError
from dvdesk.ui.person_dialog import ErrorLabel, current_actor

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend


class PrintFormDialog(QDialog):
    """`printed` holds the PrintedForm once printed; the caller shows the preview."""

    def __init__(
        self,
        backend: Backend,
        code: str,
        person_id: str,
        parent: QWidget | None = None,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("print_form_dialog")
        self._backend = backend
        self._person_id = person_id
        self._actor = actor or current_actor()
        self.printed: printing.PrintedForm | None = None
        self.plan = printing.plan_print(backend.db, code, person_id)
        plan = self.plan
        self.setWindowTitle(self.tr("Print {code}").format(code=plan.code))
        self.setSizeGripEnabled(True)
        self.errors: dict[str, ErrorLabel] = {}
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}

        heading = QLabel(f"<b>{plan.code}</b> — {plan.title}<br>{plan.person_name}", self)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.form_error = ErrorLabel(self)
        self.form_error.setObjectName("form_error")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.date = QLineEdit(format_date(plan.on), self)
        self.date.setObjectName("print_date")
        self.date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self._add(form, "issued_on", self.tr("Document &date:"), self.date)
        if plan.numbered:
            text = (
                self.tr("Số {number} (already in the register; printed again as it was)").format(
                    number=plan.number_text
                )
                if plan.number_text
                else self.tr("The next number of the register is given when you print.")
            )
            self.number_label = QLabel(text, self)
            self.number_label.setObjectName("number_label")
            self.number_label.setWordWrap(True)
            form.addRow(self.tr("Number:"), self.number_label)
            self.number_it = QCheckBox(self.tr("Enter it in the document &register"), self)
            self.number_it.setObjectName("number_it")
            self.number_it.setChecked(True)
            self.number_it.setToolTip(
                self.tr("Unticked, the form prints with a blank number to write by hand.")
            )
            form.addRow("", self.number_it)
        for item in plan.inputs:
            label = item.label_en if backend.lang == "en" else item.label_vi
            widget: QLineEdit | QPlainTextEdit
            if item.multiline:
                widget = QPlainTextEdit(self)
                widget.setTabChangesFocus(True)
                widget.setPlainText(plan.saved.get(item.key, ""))
                line = widget.fontMetrics().lineSpacing()
                widget.setMinimumHeight(3 * line)
                widget.setMaximumHeight(5 * line)
            else:
                widget = QLineEdit(plan.saved.get(item.key, ""), self)
            widget.setObjectName(f"input_{item.key}")
            self.fields[item.key] = widget
            self._add(form, item.key, f"{label}:", widget)
        hint = QLabel(self.tr("A field left empty prints dotted lines to fill in by hand."), self)
        hint.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.preview_button = buttons.addButton(
            self.tr("&Preview and print…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.preview_button.setObjectName("preview_button")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.print_form)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.form_error)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(660, self.sizeHint().height())

    def _add(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        error = ErrorLabel(self)
        box = QVBoxLayout()
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        box.addWidget(error)
        self.errors[key] = error
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        form.addRow(caption, box)

    def inputs(self) -> dict[str, str]:
        out = {}
        for key, widget in self.fields.items():
            out[key] = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        return out

    def print_form(self) -> None:
        for error in self.errors.values():
            error.show_message("")
        self.form_error.show_message("")
        try:
            on = parse_date(self.date.text())
        except ValueError:
            self.errors["issued_on"].show_message(
                self.tr("Write the date as dd/mm/yyyy, e.g. 05/03/2026.")
            )
            self.date.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            self.printed = printing.print_person_form(
                self._backend.db,
                self.plan.code,
                self._person_id,
                on=on,
                inputs=self.inputs(),
                number_it=not self.plan.numbered or self.number_it.isChecked(),
                actor=self._actor,
            )
        except UserError as exc:
            message = exc.message(self._backend.lang)
            if exc.field in self.errors:
                self.errors[exc.field].show_message(message)
            self.form_error.show_message(self.tr("Not printed: {message}").format(message=message))
            return
        self.accept()
