"""Add or edit a person: the personal-history fields of 2-KNĐ that dvdesk keeps, and the family.

What is wrong shows under the field it concerns (an icon and red text naming the field, never
colour alone) as soon as the user leaves the field, and for every field when Save is pressed.
Nothing is written until the whole form is valid; a service error keeps the dialog open with
the user's input and the message shown.
"""

from __future__ import annotations

import getpass
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dvdesk.services import person_form
from dvdesk.services.concurrency import ChangedMeanwhile
from dvdesk.services.errors import UserError
from dvdesk.services.people import PersonInput
from dvdesk.services.person_form import FAMILY, FormText
from dvdesk.ui import changed_meanwhile
from dvdesk.ui.family_table_model import COL_RELATION, FamilyTableModel

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend

ERROR_COLOUR = "#a40000"
_TEXT_FIELDS = (
    "full_name",
    "code",
    "birth_date",
    "cccd",
    "ethnicity",
    "religion",
    "birth_place",
    "hometown",
    "residence",
    "education",
    "occupation",
    "youth_union_date",
    "trade_union_date",
    "joined_unit_on",
)
_DATE_FIELDS = ("birth_date", "youth_union_date", "trade_union_date", "joined_unit_on")


def current_actor() -> str:
    try:
        return getpass.getuser() or "dvdesk"
    except Exception:  # no user name in the environment
        return "dvdesk"


class ErrorLabel(QWidget):
    """A warning icon and red text; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.icon = QLabel(self)
        size = self.fontMetrics().height()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.icon.setPixmap(icon.pixmap(size, size))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self.setVisible(False)

    def show_message(self, message: str) -> None:
        self.text.setText(message)
        self.setVisible(bool(message))

    def message(self) -> str:
        return self.text.text() if not self.isHidden() else ""


class PersonDialog(QDialog):
    """`person_id` None: a new person. `saved_id` is set once the person is saved."""

    def __init__(
        self,
        backend: Backend,
        person_id: str | None = None,
        parent: QWidget | None = None,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person_dialog")
        self._backend = backend
        self._person_id = person_id
        self.started: PersonInput | None = None
        self._actor = actor or current_actor()
        self._touched: set[str] = set()
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Edit person") if person_id else self.tr("New person"))
        self.setSizeGripEnabled(True)

        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.field_widgets: dict[str, QWidget] = {}

        self.form_error = ErrorLabel(self)
        self.form_error.setObjectName("form_error")
        self._content = QWidget(self)

        personal = QGroupBox(self.tr("Personal details"), self._content)
        form = self._form(personal)
        self._line(form, "full_name", self.tr("&Full name*:"))
        self._line(form, "code", self.tr("C&ode:"))
        self.sex = QComboBox(personal)
        self.sex.setObjectName("sex")
        self.sex.addItem(self.tr("(not given)"), "")
        self.sex.addItem(self.tr("Male"), "nam")
        self.sex.addItem(self.tr("Female"), "nu")
        self._add(form, "sex", self.tr("Se&x:"), self.sex)
        self._line(form, "birth_date", self.tr("Date of &birth:"), date=True)
        self._line(form, "cccd", self.tr("CCC&D number:"))
        self.edits["cccd"].setMaxLength(20)
        self.edits["cccd"].setPlaceholderText(self.tr("12 digits"))
        self._line(form, "ethnicity", self.tr("&Ethnicity:"))
        self._line(form, "religion", self.tr("Rel&igion:"))
        self._line(form, "birth_place", self.tr("&Place of birth:"))
        self._line(form, "hometown", self.tr("&Home town:"))
        self._line(form, "residence", self.tr("Permanent &residence:"))

        education = QGroupBox(self.tr("Education and occupation"), self._content)
        form = self._form(education)
        self._line(form, "education", self.tr("General ed&ucation:"))
        self.edits["education"].setPlaceholderText(self.tr("e.g. 12/12"))
        self._line(form, "occupation", self.tr("O&ccupation:"))

        unions = QGroupBox(self.tr("Mass organisations"), self._content)
        form = self._form(unions)
        self.youth_member = QCheckBox(self.tr("&Youth Union member"), unions)
        self.youth_member.setObjectName("youth_union_member")
        form.addRow(self.youth_member)
        self._line(form, "youth_union_date", self.tr("Date &joined the Youth Union:"), date=True)
        self.trade_member = QCheckBox(self.tr("&Trade union member"), unions)
        self.trade_member.setObjectName("trade_union_member")
        form.addRow(self.trade_member)
        self._line(form, "trade_union_date", self.tr("Date joi&ned the trade union:"), date=True)

        unit_box = QGroupBox(self.tr("Unit"), self._content)
        form = self._form(unit_box)
        self.unit = QComboBox(unit_box)
        self.unit.setObjectName("unit_id")
        self.unit.addItem(self.tr("(none)"), None)
        for choice in person_form.unit_choices(backend.db):
            self.unit.addItem(choice.name, choice.id)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._add(form, "unit_id", self.tr("Party ce&ll:"), self.unit)
        self._line(form, "joined_unit_on", self.tr("Started &work at the unit on:"), date=True)

        family_box = QGroupBox(self.tr("Family"), self._content)
        self.family_model = FamilyTableModel(parent=self)
        self.family_view = QTableView(family_box)
        self.family_view.setObjectName("family_table")
        self.family_view.setModel(self.family_model)
        self.family_view.setAccessibleName(self.tr("Family members"))
        self.family_view.setTabKeyNavigation(False)
        self.family_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.family_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = self.family_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        chars = self.fontMetrics().averageCharWidth()
        for column, width in enumerate((11, 20, 9, 14, 20, 9)):
            self.family_view.setColumnWidth(column, width * chars + 12)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        total = sum(self.family_view.columnWidth(c) for c in range(6))
        self.family_view.setMinimumWidth(total + self.fontMetrics().horizontalAdvance("00") + 24)
        self.family_view.setMinimumHeight(self.fontMetrics().height() * 7)
        family_label = QLabel(self.tr("Family member&s:"), family_box)
        family_label.setBuddy(self.family_view)
        family_label.setObjectName("family_label")
        self.add_row_button = QPushButton(self.tr("&Add row"), family_box)
        self.add_row_button.setObjectName("add_family_row")
        self.remove_row_button = QPushButton(self.tr("Re&move row"), family_box)
        self.remove_row_button.setObjectName("remove_family_row")
        self.add_row_button.clicked.connect(self.add_family_row)
        self.remove_row_button.clicked.connect(self.remove_family_row)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(family_label)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.add_row_button)
        buttons_row.addWidget(self.remove_row_button)
        family_layout = QVBoxLayout(family_box)
        family_layout.addLayout(buttons_row)
        family_layout.addWidget(self.family_view, 1)
        self.errors[FAMILY] = ErrorLabel(family_box)
        self.errors[FAMILY].setObjectName("family_error")
        family_layout.addWidget(self.errors[FAMILY])

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S or Enter)"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)

        right = QVBoxLayout()
        right.addWidget(education)
        right.addWidget(unions)
        right.addWidget(unit_box)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(personal, 1)
        columns.addLayout(right, 1)
        content = QVBoxLayout(self._content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(columns)
        content.addWidget(family_box, 1)
        # On a small screen at a large scale the form scrolls instead of being squeezed.
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self._content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_error)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)

        self._set_tab_order()
        for key, edit in self.edits.items():
            edit.editingFinished.connect(lambda key=key: self._touch(key))
            edit.textChanged.connect(self._revalidate)
        self.youth_member.toggled.connect(self._sync_unions)
        self.trade_member.toggled.connect(self._sync_unions)
        self.family_model.dataChanged.connect(self._family_changed)
        self.family_model.rowsRemoved.connect(self._family_changed)

        self._load()
        self._sync_unions()
        self._fit_to_screen()
        self.edits["full_name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_to_screen(self, grow_only: bool = False) -> None:
        """As large as the form needs (nothing cut off), but never larger than the screen.
        `grow_only`: after error lines appeared, grow if needed but never shrink."""
        content = self._content.sizeHint().expandedTo(self._content.minimumSizeHint())
        margins = self.layout().contentsMargins()
        spacing = self.layout().spacing()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = content.width() + margins.left() + margins.right() + bar
        height = (
            content.height()
            + self.form_error.sizeHint().height()
            + self.buttons.sizeHint().height()
            + margins.top()
            + margins.bottom()
            + 2 * spacing
            + bar
        )
        screen = self.screen()
        if screen is not None:
            area = screen.availableGeometry()
            width = min(width, int(area.width() * 0.95))
            height = min(height, int(area.height() * 0.9))
        if grow_only:
            width, height = max(width, self.width()), max(height, self.height())
        self.resize(width, height)

    # --- building --------------------------------------------------------------------------

    def _form(self, box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def _add(self, form: QFormLayout, key: str, text: str, editor: QWidget) -> None:
        """A labelled field (label buddy = the editor) with its error line under it."""
        cell = QWidget(editor.parentWidget())
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        editor.setParent(cell)
        column.addWidget(editor)
        error = ErrorLabel(cell)
        error.setObjectName(f"{key}_error")
        column.addWidget(error)
        label = QLabel(text, editor.parentWidget())
        label.setBuddy(editor)
        label.setObjectName(f"{key}_label")
        form.addRow(label, cell)
        self.errors[key] = error
        self.field_widgets[key] = editor

    def _line(self, form: QFormLayout, key: str, text: str, date: bool = False) -> QLineEdit:
        edit = QLineEdit(form.parentWidget())
        edit.setObjectName(key)
        if date:
            edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
            edit.setMaxLength(10)
            width = edit.fontMetrics().horizontalAdvance("00/00/00000") + 24
            edit.setMinimumWidth(width)
        self.edits[key] = edit
        self._add(form, key, text, edit)
        return edit

    def tab_sequence(self) -> list[QWidget]:
        """The focus order: down the personal details, then the right column, then the family."""
        order: list[QWidget] = [
            self.edits["full_name"],
            self.edits["code"],
            self.sex,
            *(
                self.edits[k]
                for k in (
                    "birth_date",
                    "cccd",
                    "ethnicity",
                    "religion",
                    "birth_place",
                    "hometown",
                    "residence",
                    "education",
                    "occupation",
                )
            ),
            self.youth_member,
            self.edits["youth_union_date"],
            self.trade_member,
            self.edits["trade_union_date"],
            self.unit,
            self.edits["joined_unit_on"],
            self.add_row_button,
            self.remove_row_button,
            self.family_view,
            self.save_button,
            self.cancel_button,
        ]
        return order

    def _set_tab_order(self) -> None:
        order = self.tab_sequence()
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

    # --- data ------------------------------------------------------------------------------

    def _load(self) -> None:
        if self._person_id is None:
            own = person_form.default_unit(self._backend.db)
            self._select(self.unit, own)
            return
        # As opened: a save checks no other desk saved this person since (ChangedMeanwhile).
        self.started = person_form.person_input(self._backend.db, self._person_id)
        form = person_form.to_form(self.started)
        for key in _TEXT_FIELDS:
            self.edits[key].setText(getattr(form, key))
        self._select(self.sex, form.sex)
        self._select(self.unit, form.unit_id)
        self.youth_member.setChecked(form.youth_union_member)
        self.trade_member.setChecked(form.trade_union_member)
        self.family_model.set_rows(form.family)
        self._notes = form.notes

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def form_text(self) -> FormText:
        texts = {key: self.edits[key].text() for key in _TEXT_FIELDS}
        return FormText(
            **texts,
            sex=self.sex.currentData() or "",
            youth_union_member=self.youth_member.isChecked(),
            trade_union_member=self.trade_member.isChecked(),
            unit_id=self.unit.currentData(),
            notes=getattr(self, "_notes", ""),
            family=self.family_model.rows(),
        )

    # --- validation ------------------------------------------------------------------------

    def _touch(self, key: str) -> None:
        self._touched.add(key)
        self._revalidate()

    def _family_changed(self, *_: object) -> None:
        self._touched.add(FAMILY)
        self._revalidate()

    def _sync_unions(self, *_: object) -> None:
        self.edits["youth_union_date"].setEnabled(self.youth_member.isChecked())
        self.edits["trade_union_date"].setEnabled(self.trade_member.isChecked())
        self._revalidate()

    def _revalidate(self, *_args: object) -> dict[str, str]:
        """Check the whole form; show the problems of the fields the user has left."""
        _, problems = person_form.parse_form(
            self.form_text(), self._backend.today(), self._backend.lang
        )
        for key, label in self.errors.items():
            message = problems.get(key, "") if key in self._touched else ""
            label.show_message(message)
            widget = self.field_widgets.get(key, self.family_view if key == FAMILY else None)
            if widget is not None:
                widget.setAccessibleDescription(message)
        if self.isVisible():
            self._fit_to_screen(grow_only=True)
        return problems

    def error_messages(self) -> dict[str, str]:
        """What is shown under the fields now (for tests and for screen readers)."""
        return {k: v.message() for k, v in self.errors.items() if v.message()}

    # --- actions ---------------------------------------------------------------------------

    def add_family_row(self) -> None:
        row = self.family_model.rowCount()
        self.family_model.insertRows(row, 1)
        index = self.family_model.index(row, COL_RELATION)
        self.family_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.family_view.setCurrentIndex(index)
        self.family_view.edit(index)

    def remove_family_row(self) -> None:
        index = self.family_view.currentIndex()
        if index.isValid():
            self.family_model.removeRows(index.row(), 1)

    def save(self) -> None:
        """Check everything; save when valid, else show every problem and focus the first."""
        self._commit_open_editor()
        self._touched.update(self.errors)
        problems = self._revalidate()
        data, _ = person_form.parse_form(
            self.form_text(), self._backend.today(), self._backend.lang
        )
        if data is None:
            self.form_error.show_message(
                self.tr(
                    "Not saved: correct the fields marked below (%n problem(s)).", "", len(problems)
                )
            )
            self._fit_to_screen(grow_only=True)
            self._focus_first(problems)
            return
        try:
            self.saved_id = person_form.save_person(
                self._backend.db, self._person_id, data, self._actor, self.started
            )
        except ChangedMeanwhile as exc:
            self._changed_meanwhile(exc)
            return
        except UserError as exc:
            message = exc.message(self._backend.lang)
            if exc.field in self.errors:
                self.errors[exc.field].show_message(message)
                self.field_widgets[exc.field].setFocus(Qt.FocusReason.OtherFocusReason)
            self.form_error.show_message(self.tr("Not saved: {message}").format(message=message))
            self._fit_to_screen(grow_only=True)
            return
        self.accept()

    def _changed_meanwhile(self, exc: ChangedMeanwhile) -> None:
        """Another desk saved this person after the form opened: say what changed, and save
        over it only if the user says so (from the record as it is now)."""
        self.form_error.show_message(exc.message(self._backend.lang))
        self._fit_to_screen(grow_only=True)
        if self.ask_overwrite(exc.message(self._backend.lang)):
            self.started = exc.current
            # The notes are not on this form: the other desk's stay as they are.
            self._notes = exc.current.notes
            self.save()

    def ask_overwrite(self, message: str) -> bool:
        """Whether to save over the other desk's change (tests answer instead of a person)."""
        return changed_meanwhile.ask_overwrite(self, message)

    def _commit_open_editor(self) -> None:
        """A family cell still being edited (Ctrl+S pressed in it) counts as typed."""
        editor = QApplication.focusWidget()
        view = self.family_view
        if editor is not None and editor is not view and view.isAncestorOf(editor):
            view.commitData(editor)

    def _focus_first(self, problems: dict[str, str]) -> None:
        for widget in self.tab_sequence():
            key = widget.objectName()
            if key in problems:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        if FAMILY in problems:
            self.family_view.setFocus(Qt.FocusReason.OtherFocusReason)
