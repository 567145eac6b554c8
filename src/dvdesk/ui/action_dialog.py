"""One pipeline action: a small dialog that asks only for what the step needs.

The fields come from the ActionKind (a date always; a document number, the helper, the
introducers, the vote counts or a reason only where the step has them). As the user types, the
rules run on the act as if it were recorded and their findings show under the fields, each with
a severity icon, a severity word, the message and its legal basis. An error finding blocks Save
until the user writes an override reason (that field appears only then); the reason goes to the
audit log with the act. A service error shows next to the field it concerns.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon, QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.dates import format_date, parse_date
from dvdesk.domain.facts import MassOrg
from dvdesk.services import overview, person_form
from dvdesk.services.actions import (
    ActionInput,
    ActionKind,
    ActionResult,
    BlockedError,
    action_label,
    perform,
    preview,
)
from dvdesk.services.errors import UserError
from dvdesk.services.people import FindingView
from dvdesk.ui.person_dialog import ErrorLabel, current_actor

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend

A = ActionKind
_NUMBERED = frozenset({A.CERTIFICATE, A.MASS_ORG_RESOLUTION, A.DECISION, A.RECOGNITION_DECISION})
_HELPER = frozenset({A.LIST_SYMPATHISER, A.CEREMONY})
_VOTES = frozenset({A.CELL_VOTE, A.RECOGNITION_VOTE})
_REASON = frozenset({A.REMOVE, A.STRIKE_OFF, A.NOT_ADMITTED})
_REASON_REQUIRED = frozenset({A.REMOVE, A.STRIKE_OFF})
_COUNTS = ("official_members", "present", "votes_for", "votes_against")
PREVIEW_DELAY_MS = 250


class _Unparsed(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class FindingsPanel(QWidget):
    """What the rules say about the act: one line per finding, icon + severity word + text +
    legal basis (never colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.lines: list[QLabel] = []
        self.findings: list[FindingView] = []
        self._empty = QLabel(self)
        self._empty.setWordWrap(True)
        self._layout.addWidget(self._empty)

    def show_findings(self, findings: list[FindingView] | None) -> None:
        """None: the rules could not run yet (the input is incomplete)."""
        self.findings = list(findings or [])
        for row in self.findChildren(QWidget, "finding_row"):
            self._layout.removeWidget(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self.lines = []
        if findings is None:
            self._empty.setText(self.tr("The rules run once the fields above are filled in."))
        elif not findings:
            self._empty.setText(self.tr("The rules find nothing against this step."))
        self._empty.setVisible(not findings)
        size = self.fontMetrics().height()
        for finding in self.findings:
            row = QWidget(self)
            row.setObjectName("finding_row")
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            icon = QLabel(row)
            icon.setObjectName(f"finding_icon_{finding.severity}")
            icon.setPixmap(self._icon(finding.severity).pixmap(size, size))
            icon.setAlignment(Qt.AlignmentFlag.AlignTop)
            text = QLabel(self._text(finding), row)
            text.setObjectName("finding_text")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if finding.severity == "error":
                text.setStyleSheet("color: #a40000;")
            line.addWidget(icon)
            line.addWidget(text, 1)
            self._layout.addWidget(row)
            row.show()  # now, so that the dialog measures it before it fits itself
            self.lines.append(text)
        self.setAccessibleDescription("\n".join(line.text() for line in self.lines))

    def _icon(self, severity: str) -> QIcon:
        pixmap = {
            "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
            "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
        }.get(severity, QStyle.StandardPixmap.SP_MessageBoxInformation)
        return self.style().standardIcon(pixmap)

    def _text(self, finding: FindingView) -> str:
        word = {
            "error": self.tr("Error"),
            "warning": self.tr("Warning"),
        }.get(finding.severity, self.tr("Note"))
        text = self.tr("{severity}: {message}").format(severity=word, message=finding.message)
        if finding.basis:
            text += "\n" + self.tr("Legal basis: {basis}").format(basis=finding.basis)
        return text

    def texts(self) -> list[str]:
        return [line.text() for line in self.lines]


class ActionDialog(QDialog):
    """Record one pipeline action for one person. `recorded` is set once the act is recorded."""

    def __init__(
        self,
        backend: Backend,
        person_id: str,
        kind: ActionKind,
        parent: QWidget | None = None,
        actor: str | None = None,
        person_name: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("action_dialog")
        self._backend = backend
        self.person_id = person_id
        self.kind = kind
        self._actor = actor or current_actor()
        self._touched: set[str] = set()
        self.recorded: ActionResult | None = None
        self.errors: dict[str, ErrorLabel] = {}
        self.field_widgets: dict[str, QWidget] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.combos: dict[str, QComboBox] = {}
        self._order: list[QWidget] = []
        self._preview_errors = False
        self._closing = False
        if person_name is None:
            person_name = person_form.person_input(backend.db, person_id).full_name
        title = action_label(kind, backend.lang)
        self.setWindowTitle(title)
        self.setSizeGripEnabled(True)

        heading = QLabel(
            self.tr("{action} for {name}").format(action=title, name=person_name), self
        )
        heading.setObjectName("heading")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.form_error = ErrorLabel(self)
        self.form_error.setObjectName("form_error")

        fields = QWidget(self)
        form = QFormLayout(fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._build_fields(form)

        rules = QGroupBox(self.tr("What the rules say"), self)
        rules_layout = QVBoxLayout(rules)
        self.findings = FindingsPanel(rules)
        rules_layout.addWidget(self.findings)
        self.override_box = QWidget(rules)
        override_form = QFormLayout(self.override_box)
        override_form.setContentsMargins(0, 0, 0, 0)
        override_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.override_hint = QLabel(
            self.tr(
                "An error blocks this step. To record it anyway, write why; "
                "the reason is kept in the audit log."
            ),
            self.override_box,
        )
        self.override_hint.setWordWrap(True)
        override_form.addRow(self.override_hint)
        self.override_reason = self._line(
            override_form, "override_reason", self.tr("O&verride reason:")
        )
        rules_layout.addWidget(self.override_box)
        self.override_box.setVisible(False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAutoDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        # On a small screen at a large scale the dialog scrolls instead of cutting lines off.
        self._content = QWidget(self)
        content = QVBoxLayout(self._content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addWidget(heading)
        content.addWidget(fields)
        content.addWidget(rules)
        content.addWidget(self.form_error)
        content.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self._content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.buttons)

        order = [*self._order, self.save_button, self.cancel_button]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        for key, edit in self.edits.items():
            if key != "override_reason":
                edit.textChanged.connect(self._changed)
                edit.editingFinished.connect(lambda key=key: self._touch(key))
        self.override_reason.textChanged.connect(
            lambda _text: self.errors["override_reason"].show_message("")
        )
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self._changed)
        for box in (getattr(self, "replacement", None), getattr(self, "extended", None)):
            if box is not None:
                box.toggled.connect(self._changed)

        self.setMinimumWidth(min(self.fontMetrics().averageCharWidth() * 76, self._screen_width()))
        self.refresh_preview()
        self.resize(self.minimumWidth(), 0)
        self._fit(grow_only=False)
        self._order[0].setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building --------------------------------------------------------------------------

    def _add(self, form: QFormLayout, key: str, text: str, editor: QWidget) -> None:
        """A labelled field (label buddy = the editor) with its error line under it."""
        parent = form.parentWidget()
        cell = QWidget(parent)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        editor.setParent(cell)
        column.addWidget(editor)
        error = ErrorLabel(cell)
        error.setObjectName(f"{key}_error")
        column.addWidget(error)
        label = QLabel(text, parent)
        label.setBuddy(editor)
        label.setObjectName(f"{key}_label")
        form.addRow(label, cell)
        self.errors[key] = error
        self.field_widgets[key] = editor
        self._order.append(editor)

    def _line(self, form: QFormLayout, key: str, text: str) -> QLineEdit:
        edit = QLineEdit(form.parentWidget())
        edit.setObjectName(key)
        self.edits[key] = edit
        self._add(form, key, text, edit)
        return edit

    def _count(self, form: QFormLayout, key: str, text: str) -> QLineEdit:
        edit = self._line(form, key, text)
        edit.setValidator(QIntValidator(0, 99999, edit))
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("000000") + 24)
        return edit

    def _member_combo(self, form: QFormLayout, key: str, text: str, none: str) -> QComboBox:
        combo = QComboBox(form.parentWidget())
        combo.setObjectName(key)
        combo.addItem(none, None)
        for member in self._members():
            status = self.tr("official") if member.status == "official" else self.tr("probationary")
            combo.addItem(f"{member.full_name} ({status})", member.id)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combos[key] = combo
        self._add(form, key, text, combo)
        return combo

    def _members(self) -> list[overview.MemberRow]:
        if not hasattr(self, "_member_rows"):
            rows = overview.list_members(self._backend.db)
            self._member_rows = [m for m in rows if m.left_on is None]
        return self._member_rows

    def _build_fields(self, form: QFormLayout) -> None:
        kind = self.kind
        date_label = {
            A.LIST_SYMPATHISER: self.tr("&Date listed:"),
            A.CERTIFICATE: self.tr("&Date issued:"),
            A.APPLICATION: self.tr("&Date of the application:"),
            A.INTRODUCERS: self.tr("&Date of the introduction:"),
            A.MASS_ORG_RESOLUTION: self.tr("&Date of the resolution:"),
            A.VERIFICATION: self.tr("&Date of the verification result:"),
            A.OPINIONS: self.tr("&Date of the summary of opinions:"),
            A.CELL_VOTE: self.tr("&Date of the meeting:"),
            A.DECISION: self.tr("&Date of the decision:"),
            A.DECISION_RECEIVED: self.tr("&Date received:"),
            A.CEREMONY: self.tr("&Date of the ceremony:"),
            A.RECOGNITION_VOTE: self.tr("&Date of the meeting:"),
            A.RECOGNITION_DECISION: self.tr("&Date of the decision:"),
        }.get(kind, self.tr("&Date:"))
        on = self._line(form, "on", date_label)
        on.setPlaceholderText(self.tr("dd/mm/yyyy"))
        on.setMaxLength(10)
        on.setMinimumWidth(on.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        on.setText(format_date(self._backend.today()))
        if kind in _NUMBERED:
            number_label = {
                A.CERTIFICATE: self.tr("Certificate &number:"),
                A.MASS_ORG_RESOLUTION: self.tr("Resolution &number:"),
            }.get(kind, self.tr("Decision &number:"))
            self._line(form, "number", number_label)
        if kind is A.CERTIFICATE:
            self._line(form, "issuer", self.tr("&Issued by:"))
        if kind in _HELPER:
            self._member_combo(form, "helper_id", self.tr("&Helper:"), self.tr("(none)"))
        if kind is A.MASS_ORG_RESOLUTION:
            combo = QComboBox(form.parentWidget())
            combo.setObjectName("mass_org")
            combo.addItem(self.tr("Youth Union"), MassOrg.YOUTH_UNION)
            combo.addItem(self.tr("Trade union"), MassOrg.TRADE_UNION)
            self.combos["mass_org"] = combo
            self._add(form, "mass_org", self.tr("&Organisation:"), combo)
            self._member_combo(
                form, "introducer_ids", self.tr("&Member introducing:"), self.tr("(none)")
            )
        if kind is A.INTRODUCERS:
            self._member_combo(
                form, "introducer_ids", self.tr("&First introducer:"), self.tr("(choose)")
            )
            self._member_combo(
                form, "introducer_2", self.tr("&Second introducer:"), self.tr("(none)")
            )
            self.replacement = QCheckBox(
                self.tr("&Replaces an introducer who left (12-month rule waived)"), self
            )
            self.replacement.setObjectName("replacement")
            form.addRow(self.replacement)
            self._order.append(self.replacement)
        if kind in _VOTES:
            self._count(form, "official_members", self.tr("&Official members of the cell:"))
            self._count(form, "present", self.tr("&Present:"))
            self._count(form, "votes_for", self.tr("Votes &for:"))
            self._count(form, "votes_against", self.tr("Votes &against:"))
            self.extended = QCheckBox(self.tr("The decision may take the special &extension"))
            self.extended.setObjectName("extended")
            form.addRow(self.extended)
            self._order.append(self.extended)
        if kind in _REASON:
            label = (
                self.tr("&Reason (required):") if kind in _REASON_REQUIRED else self.tr("&Reason:")
            )
            self._line(form, "reason", label)

    # --- input -----------------------------------------------------------------------------

    def _text(self, key: str) -> str:
        edit = self.edits.get(key)
        return edit.text().strip() if edit is not None else ""

    def _int(self, key: str) -> int | None:
        text = self._text(key)
        return int(text) if text else None

    def action_input(self) -> ActionInput:
        """What the user typed, as the service takes it; _Unparsed names a field it cannot read."""
        text = self._text("on")
        if not text:
            raise _Unparsed("on", self.tr("Date: required."))
        try:
            on = parse_date(text)
        except ValueError:
            raise _Unparsed(
                "on", self.tr("Date: «{text}» is not a date; write dd/mm/yyyy.").format(text=text)
            ) from None
        introducers: tuple[str, ...] = ()
        if self.kind in (A.INTRODUCERS, A.MASS_ORG_RESOLUTION):
            ids = [
                self.combos[k].currentData()
                for k in ("introducer_ids", "introducer_2")
                if k in self.combos
            ]
            introducers = tuple(i for i in ids if i)
        helper = self.combos["helper_id"].currentData() if "helper_id" in self.combos else None
        mass_org = self.combos["mass_org"].currentData() if "mass_org" in self.combos else None
        box = getattr(self, "replacement", None)
        ext = getattr(self, "extended", None)
        return ActionInput(
            kind=self.kind,
            on=on,
            number=self._text("number"),
            helper_id=helper,
            introducer_ids=introducers,
            replacement=bool(box is not None and box.isChecked()),
            mass_org=mass_org,
            official_members=self._int("official_members"),
            present=self._int("present"),
            votes_for=self._int("votes_for"),
            votes_against=self._int("votes_against"),
            extended=bool(ext is not None and ext.isChecked()),
            reason=self._text("reason"),
            issuer=self._text("issuer"),
        )

    def _incomplete(self) -> bool:
        """Nothing worth asking the rules yet: a vote without its counts, say."""
        if self.kind in _VOTES:
            return not (self._text("official_members") and self._text("votes_for"))
        if self.kind is A.INTRODUCERS:
            return self.combos["introducer_ids"].currentData() is None
        return False

    # --- the rules as the user types ----------------------------------------------------------

    def _changed(self, *_: object) -> None:
        if not self._closing and shiboken6.isValid(self):
            self._timer.start()

    def _touch(self, key: str) -> None:
        if self._closing or not shiboken6.isValid(self):
            return  # focus leaves the fields as the dialog goes away
        self._touched.add(key)
        self.refresh_preview()

    def done(self, code: int) -> None:
        self._closing = True
        self._timer.stop()
        super().done(code)

    def _show_field_error(self, field: str, message: str, force: bool = False) -> bool:
        """Show `message` under its field; False when the field is not in this dialog."""
        key = "introducer_ids" if field == "introducer_2" else field
        if key not in self.errors:
            return False
        shown = message if (force or key in self._touched or key == "override_reason") else ""
        self.errors[key].show_message(shown)
        self.field_widgets[key].setAccessibleDescription(shown)
        return True

    def _clear_errors(self) -> None:
        for key, label in self.errors.items():
            if key != "override_reason":
                label.show_message("")
                self.field_widgets[key].setAccessibleDescription("")
        self.form_error.show_message("")

    def refresh_preview(self, force: bool = False) -> list[FindingView] | None:
        """Run the rules on what is typed; show the findings, or what keeps them from running."""
        self._timer.stop()
        self._clear_errors()
        findings: list[FindingView] | None = None
        try:
            action = self.action_input()
            if not self._incomplete() or force:
                findings = preview(self._backend.db, self.person_id, action, self._backend.lang)
        except _Unparsed as exc:
            self._show_field_error(exc.field, exc.message, force)
        except UserError as exc:
            message = exc.message(self._backend.lang)
            if not self._show_field_error(exc.field, message, force=True):
                self.form_error.show_message(message)
        self._set_findings(findings)
        return findings

    def _set_findings(self, findings: list[FindingView] | None) -> None:
        self.findings.show_findings(findings)
        self._preview_errors = any(f.severity == "error" for f in findings or [])
        self.override_box.setVisible(self._preview_errors)
        self._fit()

    def _fit(self, grow_only: bool = True) -> None:
        """Tall enough for every line at the current width (wrapped text included), never taller
        than the screen (the content scrolls then). `grow_only`: never shrink while open."""
        if self._closing or not shiboken6.isValid(self):
            return
        layout = self.layout()
        inner = self._content.layout()
        if layout is None or inner is None:
            return
        inner.activate()
        margins = layout.contentsMargins()
        width = max(self.width(), self.minimumWidth())
        inner_width = width - margins.left() - margins.right()
        if inner.hasHeightForWidth():
            needed = inner.totalHeightForWidth(inner_width)
        else:
            needed = inner.totalSizeHint().height()
        height = (
            needed
            + self.buttons.sizeHint().height()
            + layout.spacing()
            + margins.top()
            + margins.bottom()
        )
        if grow_only:
            height = max(height, self.height())
        screen = self.screen()
        if screen is not None:
            height = min(height, int(screen.availableGeometry().height() * 0.9))
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)

    def _screen_width(self) -> int:
        screen = self.screen()
        return int(screen.availableGeometry().width() * 0.9) if screen is not None else 10_000

    def error_messages(self) -> dict[str, str]:
        return {k: v.message() for k, v in self.errors.items() if v.message()}

    # --- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        """Record the act; refused (with the reason shown) while anything is wrong."""
        self._touched.update(self.errors)
        findings = self.refresh_preview(force=True)
        problems = {k for k in self.error_messages() if k != "override_reason"}
        if problems or self.form_error.message() or findings is None:
            self._focus_first_error()
            return
        reason = self.override_reason.text().strip() if self._preview_errors else ""
        if self._preview_errors and not reason:
            self._refuse_without_reason()
            return
        self._perform(reason)

    def _refuse_without_reason(self) -> None:
        self.override_box.setVisible(True)
        self.errors["override_reason"].show_message(
            self.tr("Not saved: an error blocks this step. Write the override reason.")
        )
        self._fit()
        self.override_reason.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll_area.ensureWidgetVisible(self.errors["override_reason"])

    def _perform(self, reason: str) -> None:
        try:
            action = self.action_input()
            self.recorded = perform(
                self._backend.db,
                self.person_id,
                action,
                self._actor,
                override_reason=reason,
                lang=self._backend.lang,
            )
        except BlockedError as exc:  # the file changed since the preview
            self._set_findings(exc.findings)
            self._refuse_without_reason()
            return
        except UserError as exc:
            message = exc.message(self._backend.lang)
            if not self._show_field_error(exc.field, message, force=True):
                self.form_error.show_message(
                    self.tr("Not saved: {message}").format(message=message)
                )
            self._fit()
            self._focus_first_error()
            return
        self.accept()

    def _focus_first_error(self) -> None:
        shown = self.error_messages()
        for widget in self._order:
            if widget.objectName() in shown:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                self.scroll_area.ensureWidgetVisible(widget)
                return
