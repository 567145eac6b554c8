"""Add or edit a Party member of the unit; record that one left (transferred out or deceased);
write a helper's dated note.

As in the person dialog, what is wrong shows under its field (icon and red text, never colour
alone); nothing is written until the service accepts it, and a service error keeps the dialog
open with the user's input.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
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
from dvdesk.services import mentors
from dvdesk.services.concurrency import ChangedMeanwhile
from dvdesk.services.errors import UserError
from dvdesk.ui import changed_meanwhile
from dvdesk.ui.person_dialog import ErrorLabel, current_actor

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend

_DATES = (
    "birth_date",
    "admission_decision_date",
    "ceremony_date",
    "official_date",
    "joined_cell_on",
)


class _FormDialog(QDialog):
    """A form of labelled fields, each with its error line; Save and Cancel. Its own strings
    use the fixed context "FormDialog" (a base class's self.tr() would be looked up under each
    subclass's name)."""

    def __init__(self, backend: Backend, parent: QWidget | None, actor: str | None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._actor = actor or current_actor()
        self.setSizeGripEnabled(True)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.field_widgets: dict[str, QWidget] = {}
        self.form_error = ErrorLabel(self)
        self.form_error.setObjectName("form_error")
        self._fields = QWidget(self)
        self.form = QFormLayout(self._fields)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _finish_layout(self, heading: str = "") -> None:
        layout = QVBoxLayout(self)
        if heading:
            label = QLabel(heading, self)
            label.setObjectName("heading")
            label.setWordWrap(True)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            layout.addWidget(label)
        layout.addWidget(self._fields)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.adjustSize()

    def _add(self, key: str, text: str, editor: QWidget) -> None:
        cell = QWidget(self._fields)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        editor.setParent(cell)
        editor.setObjectName(key)
        column.addWidget(editor)
        error = ErrorLabel(cell)
        error.setObjectName(f"{key}_error")
        column.addWidget(error)
        label = QLabel(text, self._fields)
        label.setBuddy(editor)
        label.setObjectName(f"{key}_label")
        self.form.addRow(label, cell)
        self.errors[key] = error
        self.field_widgets[key] = editor

    def _line(self, key: str, text: str, is_date: bool = False) -> QLineEdit:
        edit = QLineEdit()
        if is_date:
            edit.setPlaceholderText(QCoreApplication.translate("FormDialog", "dd/mm/yyyy"))
            edit.setMaxLength(10)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        self.edits[key] = edit
        self._add(key, text, edit)
        return edit

    def _text(self, key: str) -> str:
        return self.edits[key].text().strip()

    def _date(self, key: str, required: bool = False) -> date | None:
        """The date typed in `key`; a bad one is shown under the field and raises ValueError."""
        text = self._text(key)
        if not text:
            if required:
                self.errors[key].show_message(QCoreApplication.translate("FormDialog", "Required."))
                raise ValueError(key)
            return None
        try:
            return parse_date(text)
        except ValueError:
            self.errors[key].show_message(
                QCoreApplication.translate(
                    "FormDialog", "«{text}» is not a date; write dd/mm/yyyy."
                ).format(text=text)
            )
            raise

    def _clear(self) -> None:
        for label in self.errors.values():
            label.show_message("")
        self.form_error.show_message("")

    def _show_user_error(self, exc: UserError) -> None:
        message = exc.message(self._backend.lang)
        if exc.field in self.errors:
            self.errors[exc.field].show_message(message)
            self.field_widgets[exc.field].setFocus(Qt.FocusReason.OtherFocusReason)
        self.form_error.show_message(
            QCoreApplication.translate("FormDialog", "Not saved: {message}").format(message=message)
        )
        self.adjustSize()

    def _not_saved(self) -> None:
        self.form_error.show_message(
            QCoreApplication.translate("FormDialog", "Not saved: correct the fields marked below.")
        )
        for key, label in self.errors.items():
            if label.message():
                self.field_widgets[key].setFocus(Qt.FocusReason.OtherFocusReason)
                break
        self.adjustSize()

    def error_messages(self) -> dict[str, str]:
        return {k: v.message() for k, v in self.errors.items() if v.message()}

    def _overwrite_after(self, exc: ChangedMeanwhile) -> bool:
        """Another desk saved the record after the form opened it: show what changed under
        the form, and ask whether to save over it (what was typed stays in the form)."""
        message = exc.message(self._backend.lang)
        self.form_error.show_message(message)
        self.adjustSize()
        return self.ask_overwrite(message)

    def ask_overwrite(self, message: str) -> bool:
        """Whether to save over the other desk's change (tests answer instead of a person)."""
        return changed_meanwhile.ask_overwrite(self, message)

    def save(self) -> None:
        raise NotImplementedError


class MemberDialog(_FormDialog):
    """`member_id` None: a new member. `saved_id` is set once saved."""

    def __init__(
        self,
        backend: Backend,
        member_id: str | None = None,
        parent: QWidget | None = None,
        actor: str | None = None,
    ) -> None:
        super().__init__(backend, parent, actor)
        self.setObjectName("member_dialog")
        self._member_id = member_id
        self.saved_id: str | None = None
        self.setWindowTitle(
            self.tr("Edit Party member") if member_id else self.tr("New Party member")
        )
        self._line("full_name", self.tr("&Full name*:"))
        self._line("code", self.tr("C&ode:"))
        self._line("birth_date", self.tr("Date of &birth:"), is_date=True)
        self._line("cccd", self.tr("CCC&D number:")).setMaxLength(20)
        self.status = QComboBox()
        self.status.addItem(self.tr("Official"), "official")
        self.status.addItem(self.tr("Probationary"), "probationary")
        self._add("status", self.tr("S&tatus:"), self.status)
        self._line("admission_decision_date", self.tr("&Admission decision date:"), is_date=True)
        self._line("ceremony_date", self.tr("C&eremony date:"), is_date=True)
        self._line("official_date", self.tr("Official &since:"), is_date=True)
        self._line("card_number", self.tr("Party &card number:"))
        self._line("joined_cell_on", self.tr("&Joined this cell on:"), is_date=True)
        self._data = mentors.MemberInput(full_name="")
        # As opened: a save checks no other desk saved this member since (ChangedMeanwhile).
        self.started: mentors.MemberInput | None = None
        if member_id is not None:
            self._data = self.started = backend.member_input(member_id)
            for key, edit in self.edits.items():
                value = getattr(self._data, key)
                edit.setText(format_date(value) if key in _DATES else (value or ""))
            self.status.setCurrentIndex(max(0, self.status.findData(self._data.status)))
        self._finish_layout()
        self.edits["full_name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def member_input(self) -> mentors.MemberInput | None:
        """What is typed, or None with the unreadable fields marked."""
        self._clear()
        days: dict[str, date | None] = {}
        bad = False
        for key in _DATES:
            try:
                days[key] = self._date(key)
            except ValueError:
                bad = True
        if not self._text("full_name"):
            self.errors["full_name"].show_message(self.tr("Full name: required."))
            bad = True
        if bad:
            return None
        return replace(
            self._data,
            full_name=self._text("full_name"),
            code=self._text("code") or None,
            cccd=self._text("cccd") or None,
            status=self.status.currentData(),
            card_number=self._text("card_number"),
            **days,
        )

    def save(self) -> None:
        data = self.member_input()
        if data is None:
            self._not_saved()
            return
        try:
            if self._member_id is None:
                self.saved_id = mentors.add_member(self._backend.db, data, self._actor)
            else:
                mentors.update_member(
                    self._backend.db, self._member_id, data, self._actor, self.started
                )
                self.saved_id = self._member_id
        except ChangedMeanwhile as exc:
            if self._overwrite_after(exc):
                # From the member as saved there: the fields the form does not show (unit,
                # notes, the admission record) keep the other desk's values.
                self._data = self.started = exc.current
                self.save()
            return
        except UserError as exc:
            self._show_user_error(exc)
            return
        self.accept()


class LeftDialog(_FormDialog):
    """Record that a member left the cell: transferred out (where to) or deceased."""

    def __init__(
        self,
        backend: Backend,
        member_id: str,
        member_name: str,
        parent: QWidget | None = None,
        actor: str | None = None,
    ) -> None:
        super().__init__(backend, parent, actor)
        self.setObjectName("left_dialog")
        self._member_id = member_id
        self.result_left: mentors.LeftResult | None = None
        self.setWindowTitle(self.tr("Transferred out or deceased"))
        self._line("on", self.tr("&Date:"), is_date=True).setText(format_date(backend.today()))
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Transferred out"), "transferred")
        self.reason.addItem(self.tr("Deceased"), "deceased")
        self._add("reason", self.tr("&Reason:"), self.reason)
        self._line("to", self.tr("Transferred &to:"))
        self.reason.currentIndexChanged.connect(self._sync)
        hint = QLabel(
            self.tr("Their current introductions and help end on this date."), self._fields
        )
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self._finish_layout(self.tr("{name} leaves the cell").format(name=member_name))
        self._sync()

    def _sync(self, *_: object) -> None:
        self.edits["to"].setEnabled(self.reason.currentData() == "transferred")

    def save(self) -> None:
        self._clear()
        try:
            on = self._date("on", required=True)
        except ValueError:
            self._not_saved()
            return
        assert on is not None
        reason = self.reason.currentData()
        to = self._text("to") if reason == "transferred" else ""
        try:
            self.result_left = mentors.mark_left(
                self._backend.db, self._member_id, on, reason, to, self._actor
            )
        except UserError as exc:
            self._show_user_error(exc)
            return
        self.accept()


class NoteDialog(_FormDialog):
    """A helper's dated note on the person they help (it feeds the review form 11-KNĐ)."""

    def __init__(
        self,
        backend: Backend,
        assignment_id: str,
        heading: str,
        parent: QWidget | None = None,
        actor: str | None = None,
    ) -> None:
        super().__init__(backend, parent, actor)
        self.setObjectName("note_dialog")
        self._assignment_id = assignment_id
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Helper's note"))
        self._line("on", self.tr("&Date:"), is_date=True).setText(format_date(backend.today()))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.fontMetrics().height() * 6)
        self._add("text", self.tr("&Note:"), self.text)
        self._finish_layout(heading)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        self._clear()
        try:
            on = self._date("on", required=True)
        except ValueError:
            self._not_saved()
            return
        assert on is not None
        try:
            self.saved_id = mentors.add_helper_note(
                self._backend.db,
                self._assignment_id,
                on,
                self.text.toPlainText(),
                self._actor,
            )
        except UserError as exc:
            self._show_user_error(exc)
            return
        self.accept()
