"""Plan a class, or change one: kind, name, organiser, year, quarter, dates, place, capacity.

A mistake shows under the field it concerns (icon and red text); the service's own refusals
(a capacity below the seats taken, a date outside the year...) come back the same way, and the
dialog stays open with the user's input.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.dates import format_date, parse_date
from dvdesk.services import classes
from dvdesk.services.classes import ClassInput, ClassSummary
from dvdesk.services.concurrency import ChangedMeanwhile
from dvdesk.services.errors import UserError
from dvdesk.ui import changed_meanwhile
from dvdesk.ui.person_dialog import ErrorLabel, current_actor

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend

_FIELDS = (
    "kind",
    "name",
    "organiser",
    "year",
    "quarter",
    "start_date",
    "end_date",
    "place",
    "capacity",
)


class ClassDialog(QDialog):
    """`existing` None: a new class for `year`. `saved_id` is set once saved."""

    def __init__(
        self,
        backend: Backend,
        year: int,
        existing: ClassSummary | None = None,
        parent: QWidget | None = None,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("class_dialog")
        self._backend = backend
        self._existing = existing
        self._actor = actor or current_actor()
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Edit class") if existing else self.tr("Plan a class"))
        self.setSizeGripEnabled(True)
        self.errors: dict[str, ErrorLabel] = {}
        self.field_widgets: dict[str, QWidget] = {}

        self.form_error = ErrorLabel(self)
        self.form_error.setObjectName("form_error")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Party awareness class (candidates)"), "awareness")
        self.kind.addItem(self.tr("Political theory class for new members"), "new_member")
        self._add(form, "kind", self.tr("&Kind:"), self.kind)
        self.name = QLineEdit(self)
        self._add(form, "name", self.tr("&Name*:"), self.name)
        self.organiser = QLineEdit(self)
        self.organiser.setPlaceholderText(self.tr("e.g. Political training centre"))
        self._add(form, "organiser", self.tr("&Organiser:"), self.organiser)
        self.year = QSpinBox(self)
        self.year.setRange(classes.MIN_YEAR, classes.MAX_YEAR)
        self.year.setValue(year)
        self._add(form, "year", self.tr("&Year:"), self.year)
        self.quarter = QComboBox(self)
        for q, label in ((1, "I"), (2, "II"), (3, "III"), (4, "IV")):
            self.quarter.addItem(label, q)
        self._add(form, "quarter", self.tr("&Quarter:"), self.quarter)
        self.start_date = self._date_edit()
        self._add(form, "start_date", self.tr("&Starts on:"), self.start_date)
        self.end_date = self._date_edit()
        self._add(form, "end_date", self.tr("&Ends on:"), self.end_date)
        self.place = QLineEdit(self)
        self._add(form, "place", self.tr("&Place:"), self.place)
        self.capacity = QSpinBox(self)
        self.capacity.setRange(0, 10_000)
        self.capacity.setSpecialValueText(self.tr("no limit"))
        self._add(form, "capacity", self.tr("&Capacity:"), self.capacity)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.form_error)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        # As opened: a save checks no other desk saved this class since (ChangedMeanwhile).
        self.started: ClassInput | None = None
        if existing is not None:
            self.started = classes.class_input(backend.db, existing.id)
            self._load(self.started)
        else:
            self.quarter.setCurrentIndex((backend.today().month - 1) // 3)
        width = self.fontMetrics().averageCharWidth() * 70
        self.resize(max(width, self.sizeHint().width()), self.sizeHint().height())
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _date_edit(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        edit.setMaxLength(10)
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        return edit

    def _add(self, form: QFormLayout, key: str, text: str, editor: QWidget) -> None:
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        editor.setParent(cell)
        editor.setObjectName(key)
        column.addWidget(editor)
        error = ErrorLabel(cell)
        error.setObjectName(f"{key}_error")
        column.addWidget(error)
        label = QLabel(text, self)
        label.setBuddy(editor)
        form.addRow(label, cell)
        self.errors[key] = error
        self.field_widgets[key] = editor

    def _load(self, row: ClassInput) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(row.kind), 0))
        self.name.setText(row.name)
        self.organiser.setText(row.organiser)
        if row.year:
            self.year.setValue(row.year)
        if row.quarter:
            self.quarter.setCurrentIndex(row.quarter - 1)
        self.start_date.setText(format_date(row.start_date))
        self.end_date.setText(format_date(row.end_date))
        self.place.setText(row.place)
        self.capacity.setValue(row.capacity or 0)

    def _date(self, key: str, edit: QLineEdit) -> tuple[date | None, bool]:
        text = edit.text().strip()
        if not text:
            return None, True
        try:
            return parse_date(text), True
        except ValueError:
            self.errors[key].show_message(self.tr("Not a date: write it as dd/mm/yyyy."))
            return None, False

    def class_input(self) -> ClassInput | None:
        """The form as a ClassInput; None (with the errors shown) when a date is unreadable."""
        for error in self.errors.values():
            error.show_message("")
        start, ok_start = self._date("start_date", self.start_date)
        end, ok_end = self._date("end_date", self.end_date)
        if not (ok_start and ok_end):
            return None
        return ClassInput(
            kind=str(self.kind.currentData()),
            name=self.name.text(),
            year=self.year.value(),
            quarter=int(self.quarter.currentData()),
            organiser=self.organiser.text(),
            start_date=start,
            end_date=end,
            place=self.place.text(),
            capacity=self.capacity.value() or None,
        )

    def error_messages(self) -> dict[str, str]:
        return {k: v.message() for k, v in self.errors.items() if v.message()}

    def save(self) -> None:
        data = self.class_input()
        if data is None:
            self.form_error.show_message(self.tr("Not saved: correct the fields marked below."))
            return
        try:
            if self._existing is None:
                self.saved_id = classes.plan_class(self._backend.db, data, self._actor)
            else:
                classes.update_class(
                    self._backend.db, self._existing.id, data, self._actor, self.started
                )
                self.saved_id = self._existing.id
        except ChangedMeanwhile as exc:
            self._changed_meanwhile(exc)
            return
        except UserError as exc:
            message = exc.message(self._backend.lang)
            if exc.field in self.errors:
                self.errors[exc.field].show_message(message)
                self.field_widgets[exc.field].setFocus(Qt.FocusReason.OtherFocusReason)
            self.form_error.show_message(self.tr("Not saved: {message}").format(message=message))
            self.adjustSize()
            return
        self.accept()

    def _changed_meanwhile(self, exc: ChangedMeanwhile) -> None:
        """Another desk saved this class after the form opened: say what changed, and save
        over it only if the user says so (from the class as it is now)."""
        message = exc.message(self._backend.lang)
        self.form_error.show_message(message)
        self.adjustSize()
        if self.ask_overwrite(message):
            self.started = exc.current
            self.save()

    def ask_overwrite(self, message: str) -> bool:
        """Whether to save over the other desk's change (tests answer instead of a person)."""
        return changed_meanwhile.ask_overwrite(self, message)
