"""Give a candidate or a probationary member an introducer or a helper.

The eligibility rules run as the user chooses (preview_assignment) and their findings show in
the same panel as the pipeline actions'. An error finding blocks Save until an override reason is
written; it goes to the audit log. A new introducer may replace one (who left, say): the reason is
asked for, and when the replaced member has left the cell the 12-month rule is waived.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from dvdesk.domain.dates import format_date
from dvdesk.domain.pipeline import Stage
from dvdesk.services import mentors, overview, people
from dvdesk.services.errors import UserError
from dvdesk.services.people import FindingView
from dvdesk.ui.action_dialog import FindingsPanel
from dvdesk.ui.member_dialog import _FormDialog
from dvdesk.ui.person_dialog import ErrorLabel

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend

PREVIEW_DELAY_MS = 250


class AssignDialog(_FormDialog):
    """`result` is set once the assignment is recorded."""

    def __init__(
        self,
        backend: Backend,
        member_id: str | None = None,
        person_id: str | None = None,
        parent: QWidget | None = None,
        actor: str | None = None,
    ) -> None:
        super().__init__(backend, parent, actor)
        self.setObjectName("assign_dialog")
        self.result_assigned: mentors.AssignResult | None = None
        self._closing = False
        self._preview_errors = False
        self.setWindowTitle(self.tr("Assign an introducer or helper"))

        self.person = QComboBox()
        self.person.addItem(self.tr("(choose)"), None)
        for row in people.list_people(backend.db, lang=backend.lang):
            if not Stage(row.stage).is_exit:
                self.person.addItem(f"{row.full_name} — {row.stage_label}", row.id)
        self._add("person_id", self.tr("&Person:"), self.person)
        self.member = QComboBox()
        self.member.addItem(self.tr("(choose)"), None)
        for m in overview.list_members(backend.db):
            if m.left_on is None:
                status = self.tr("official") if m.status == "official" else self.tr("probationary")
                self.member.addItem(f"{m.full_name} ({status})", m.id)
        self._add("member_id", self.tr("Party &member:"), self.member)
        self.role = QComboBox()
        self.role.addItem(self.tr("Introducer"), "introducer")
        self.role.addItem(self.tr("Helper"), "helper")
        self._add("role", self.tr("&Role:"), self.role)
        self._line("on", self.tr("&From:"), is_date=True).setText(format_date(backend.today()))
        self.replaces = QComboBox()
        self._add("replacement_of", self.tr("R&eplaces introducer:"), self.replaces)
        self._line("reason", self.tr("Reason for the re&placement:"))
        for combo in (self.person, self.member, self.role):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        rules = QGroupBox(self.tr("What the rules say"), self)
        rules_layout = QVBoxLayout(rules)
        self.findings = FindingsPanel(rules)
        rules_layout.addWidget(self.findings)
        self.override_box = QWidget(rules)
        override_layout = QVBoxLayout(self.override_box)
        override_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "An error blocks this assignment. To record it anyway, write why; "
                "the reason is kept in the audit log."
            ),
            self.override_box,
        )
        hint.setWordWrap(True)
        override_layout.addWidget(hint)
        self.override_reason = QLineEdit(self.override_box)
        self.override_reason.setObjectName("override_reason")
        label = QLabel(self.tr("O&verride reason:"), self.override_box)
        label.setBuddy(self.override_reason)
        override_layout.addWidget(label)
        override_layout.addWidget(self.override_reason)
        self.override_error = ErrorLabel(self.override_box)
        self.override_error.setObjectName("override_reason_error")
        override_layout.addWidget(self.override_error)
        rules_layout.addWidget(self.override_box)
        self.override_box.setVisible(False)
        self.form.addRow(rules)

        if member_id is not None:
            self.member.setCurrentIndex(max(0, self.member.findData(member_id)))
        if person_id is not None:
            self.person.setCurrentIndex(max(0, self.person.findData(person_id)))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.person.currentIndexChanged.connect(self._person_changed)
        for combo in (self.member, self.role, self.replaces):
            combo.currentIndexChanged.connect(self._changed)
        for edit in self.edits.values():
            edit.textChanged.connect(self._changed)
        self.override_reason.textChanged.connect(lambda _t: self.override_error.show_message(""))
        self._finish_layout()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self._person_changed()
        self.person.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- input -----------------------------------------------------------------------------

    def _person_changed(self, *_: object) -> None:
        self.replaces.blockSignals(True)
        self.replaces.clear()
        self.replaces.addItem(self.tr("(none: an added introducer)"), None)
        person_id = self.person.currentData()
        if person_id:
            for c in self._backend.introducer_assignments(person_id):
                if c.member_left_on is not None:
                    state = self.tr("left the cell {date}").format(
                        date=format_date(c.member_left_on)
                    )
                elif c.to_date is not None:
                    state = self.tr("until {date}").format(date=format_date(c.to_date))
                else:
                    state = self.tr("current")
                self.replaces.addItem(f"{c.member_name} ({state})", c.assignment_id)
        self.replaces.blockSignals(False)
        self._changed()

    def _sync(self) -> None:
        introducer = self.role.currentData() == "introducer"
        self.replaces.setEnabled(introducer and self.replaces.count() > 1)
        self.edits["reason"].setEnabled(introducer and self.replaces.currentData() is not None)

    def _changed(self, *_: object) -> None:
        self._sync()
        if not self._closing and shiboken6.isValid(self):
            self._timer.start()

    def done(self, code: int) -> None:
        self._closing = True
        self._timer.stop()
        super().done(code)

    def _args(self) -> dict[str, object] | None:
        person_id, member_id = self.person.currentData(), self.member.currentData()
        try:
            on = self._date("on", required=True)
        except ValueError:
            return None
        if not person_id or not member_id:
            return None
        introducer = self.role.currentData() == "introducer"
        replaced = self.replaces.currentData() if introducer else None
        return {
            "person_id": person_id,
            "member_id": member_id,
            "role": self.role.currentData(),
            "on": on,
            "replacement_of": replaced,
            "reason": self._text("reason") if replaced else "",
        }

    def refresh_preview(self) -> list[FindingView] | None:
        self._timer.stop()
        self._clear()
        findings: list[FindingView] | None = None
        args = self._args()
        if args is not None:
            try:
                findings = mentors.preview_assignment(
                    self._backend.db,
                    lang=self._backend.lang,
                    **args,  # type: ignore[arg-type]
                )
            except UserError as exc:
                message = exc.message(self._backend.lang)
                if exc.field in self.errors:
                    self.errors[exc.field].show_message(message)
                else:
                    self.form_error.show_message(message)
        self._set_findings(findings)
        return findings

    def _set_findings(self, findings: list[FindingView] | None) -> None:
        self.findings.show_findings(findings)
        self._preview_errors = any(f.severity == "error" for f in findings or [])
        self.override_box.setVisible(self._preview_errors)
        if shiboken6.isValid(self) and not self._closing:
            self.adjustSize()

    # --- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        findings = self.refresh_preview()
        args = self._args()
        if args is None:
            for key, combo in (("person_id", self.person), ("member_id", self.member)):
                if combo.currentData() is None:
                    self.errors[key].show_message(self.tr("Required."))
            self._not_saved()
            return
        if findings is None or self.error_messages() or self.form_error.message():
            self._not_saved()
            return
        reason = self.override_reason.text().strip() if self._preview_errors else ""
        if self._preview_errors and not reason:
            self._refuse_without_reason()
            return
        try:
            self.result_assigned = mentors.assign(
                self._backend.db,
                actor=self._actor,
                override_reason=reason,
                lang=self._backend.lang,
                **args,  # type: ignore[arg-type]
            )
        except mentors.BlockedError as exc:
            self._set_findings(exc.findings)
            self._refuse_without_reason()
            return
        except UserError as exc:
            self._show_user_error(exc)
            return
        self.accept()

    def _refuse_without_reason(self) -> None:
        self.override_box.setVisible(True)
        self.override_error.show_message(
            self.tr("Not saved: an error blocks this assignment. Write the override reason.")
        )
        self.adjustSize()
        self.override_reason.setFocus(Qt.FocusReason.OtherFocusReason)
