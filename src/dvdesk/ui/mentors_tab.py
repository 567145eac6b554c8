"""Đảng viên: the unit's Party members, who introduce and help candidates.

Above, the list of members; under it the actions (add, edit, left the cell, assign), the
selected member's introductions and help (current and past, with their load), the helper's notes
on the person of the selected help, and the warnings of the whole unit (a candidate without a
helper, a helper who left). Every change is announced on the bus (PEOPLE as well as MEMBERS: the
candidates' findings and stages depend on their introducers and helpers)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.accounts import Permission
from dvdesk.domain.dates import format_date
from dvdesk.domain.mentoring import Role, role_label
from dvdesk.domain.text import fold, name_sort_key
from dvdesk.services.mentors import AssignmentView, MemberOverview
from dvdesk.services.overview import MemberRow
from dvdesk.ui import bus as changes
from dvdesk.ui.assign_dialog import AssignDialog
from dvdesk.ui.list_tab import ListTab
from dvdesk.ui.marks import QT_TRANSLATE_NOOP
from dvdesk.ui.member_dialog import LeftDialog, MemberDialog, NoteDialog
from dvdesk.ui.permissions import offer_only_if, offered
from dvdesk.ui.row_table_model import LAST, RowTableModel

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus

COL_NAME = 0
COL_UNIT = 1
COL_STATUS = 2
COL_ADMITTED = 3
COL_OFFICIAL = 4
COL_CARD = 5
COL_JOINED = 6

STATUS_LABELS = {
    "official": QT_TRANSLATE_NOOP("MemberTableModel", "Official"),
    "probationary": QT_TRANSLATE_NOOP("MemberTableModel", "Probationary"),
}
STATUS_ORDER = ("official", "probationary")


def _day(value: Any) -> int:
    return value.toordinal() if value else LAST


class MemberTableModel(RowTableModel):
    CONTEXT = "MemberTableModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("MemberTableModel", "Full name"),
        QT_TRANSLATE_NOOP("MemberTableModel", "Unit"),
        QT_TRANSLATE_NOOP("MemberTableModel", "Status"),
        QT_TRANSLATE_NOOP("MemberTableModel", "Admitted on"),
        QT_TRANSLATE_NOOP("MemberTableModel", "Official since"),
        QT_TRANSLATE_NOOP("MemberTableModel", "Card number"),
        QT_TRANSLATE_NOOP("MemberTableModel", "In this cell since"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._folded_units: dict[str, str] = {}

    def status_text(self, row: MemberRow) -> str:
        if row.left_on is not None:
            return QCoreApplication.translate("MemberTableModel", "Left on {date}").format(
                date=format_date(row.left_on)
            )
        label = STATUS_LABELS.get(row.status)
        return QCoreApplication.translate(self.CONTEXT, label) if label else row.status

    def display(self, row: MemberRow, column: int) -> str:
        if column == COL_NAME:
            return row.full_name
        if column == COL_UNIT:
            return row.unit
        if column == COL_STATUS:
            return self.status_text(row)
        if column == COL_ADMITTED:
            return format_date(row.admission_decision_date)
        if column == COL_OFFICIAL:
            return format_date(row.official_date)
        if column == COL_CARD:
            return row.card_number
        if column == COL_JOINED:
            return format_date(row.joined_cell_on)
        return ""

    def sort_keys(self, row: MemberRow) -> tuple[Any, ...]:
        name = (row.sort_key or name_sort_key(row.full_name), row.id)
        status = STATUS_ORDER.index(row.status) if row.status in STATUS_ORDER else len(STATUS_ORDER)
        return (
            name,
            (fold(row.unit), *name),
            (1 if row.left_on else 0, status, *name),
            (_day(row.admission_decision_date), *name),
            (_day(row.official_date), *name),
            (row.card_number or "\uffff", *name),
            (_day(row.joined_cell_on), *name),
        )

    def search_text(self, row: MemberRow) -> str:
        found_by = row.search_text or fold(f"{row.full_name} {row.code}")
        return f"{found_by} {row.card_number} {self._fold_unit(row.unit)}"

    def _fold_unit(self, unit: str) -> str:
        folded = self._folded_units.get(unit)
        if folded is None:
            folded = self._folded_units.setdefault(unit, fold(unit))
        return folded

    def extra_data(self, row: MemberRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.left_on is not None:
            return QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None


class MentorsTab(ListTab):
    def __init__(
        self,
        backend: Backend,
        bus: Bus,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "mentors",
            MemberTableModel(),
            backend.members_page,
            (changes.MEMBERS, changes.ALL),
            bus,
            settings,
            {
                COL_NAME: 24,
                COL_UNIT: 24,
                COL_STATUS: 16,
                COL_ADMITTED: 12,
                COL_OFFICIAL: 12,
                COL_CARD: 12,
                COL_JOINED: 12,
            },
            parent,
        )
        self.view.setAccessibleName(self.tr("Party members of the unit"))
        self._backend = backend
        self._bus = bus
        self._overview: MemberOverview | None = None
        self._build_panels()
        self.view.selectionModel().currentRowChanged.connect(self._show_selected)
        self.proxy.modelReset.connect(self._show_selected)
        self.row_activated.connect(lambda _row: self.edit_member())
        self.loaded.connect(lambda _total: self._reselect())

    def exec_dialog(self, dialog: QDialog) -> int:
        """Run a dialog modally (tests replace this to drive the dialog)."""
        return dialog.exec()

    # --- building --------------------------------------------------------------------------

    def _build_panels(self) -> None:
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        buttons = QHBoxLayout()
        self.add_button = self._button("add_member", self.tr("&Add Party member…"), buttons)
        self.edit_button = self._button("edit_member", self.tr("&Edit…"), buttons)
        self.left_button = self._button(
            "mark_left", self.tr("&Transferred out / deceased…"), buttons
        )
        self.assign_button = self._button(
            "assign", self.tr("Assign &introducer / helper…"), buttons
        )
        buttons.addStretch(1)
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.left_button.clicked.connect(self.mark_left)
        self.assign_button.clicked.connect(self.assign)

        detail_box = QGroupBox(self.tr("Selected member"), self)
        detail = QVBoxLayout(detail_box)
        self.detail_label = QLabel(detail_box)
        self.detail_label.setObjectName("member_detail")
        self.detail_label.setWordWrap(True)
        self.assignments = QListWidget(detail_box)
        self.assignments.setObjectName("member_assignments")
        self.assignments.setAccessibleName(self.tr("Introductions and help"))
        detail.addWidget(self.detail_label)
        detail.addWidget(self.assignments, 1)

        notes_box = QGroupBox(self.tr("Helper's notes"), self)
        notes = QVBoxLayout(notes_box)
        self.notes_label = QLabel(notes_box)
        self.notes_label.setWordWrap(True)
        self.notes = QListWidget(notes_box)
        self.notes.setObjectName("helper_notes")
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName(self.tr("Helper's notes"))
        self.note_button = QPushButton(self.tr("Add &note…"), notes_box)
        self.note_button.setObjectName("add_note")
        self.note_button.clicked.connect(self.add_note)
        offer_only_if(
            self._backend,
            Permission.EDIT,
            self.add_button,
            self.edit_button,
            self.left_button,
            self.assign_button,
            self.note_button,
        )
        notes.addWidget(self.notes_label)
        notes.addWidget(self.notes, 1)
        notes.addWidget(self.note_button, 0, Qt.AlignmentFlag.AlignLeft)

        warnings_box = QGroupBox(self.tr("Warnings"), self)
        warnings = QVBoxLayout(warnings_box)
        self.warnings = QListWidget(warnings_box)
        self.warnings.setObjectName("mentoring_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName(self.tr("Mentoring warnings"))
        warnings.addWidget(self.warnings)

        bottom = QWidget(self)
        row = QHBoxLayout(bottom)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(detail_box, 4)
        row.addWidget(notes_box, 3)
        row.addWidget(warnings_box, 3)
        self.assignments.currentRowChanged.connect(self._show_notes)

        layout.removeWidget(self.view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("mentors_splitter")
        splitter.setChildrenCollapsible(False)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view, 1)
        top_layout.addLayout(buttons)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self._show_selected()

    def _button(self, name: str, text: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        row.addWidget(button)
        return button

    # --- showing ---------------------------------------------------------------------------

    def reload(self) -> None:
        row = self.current_row()
        if isinstance(row, MemberRow):
            self._keep_id = row.id
        super().reload()
        self._show_warnings()

    def _reselect(self) -> None:
        """After a reload, the member selected before stays selected."""
        keep = getattr(self, "_keep_id", None)
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            row = self.proxy.row_at(index)
            if row is not None and row.id == keep:
                self.view.setCurrentIndex(index)
                break
        self._show_selected()

    def select_member(self, member_id: str) -> None:
        self._keep_id = member_id
        self._reselect()

    def _show_selected(self, *_: object) -> None:
        row = self.current_row()
        has = isinstance(row, MemberRow)
        self.edit_button.setEnabled(has)
        self.left_button.setEnabled(has and row.left_on is None)
        self.assignments.clear()
        self._overview = None
        if not has:
            self.detail_label.setText(
                self.tr("Select a member to see whom they help or introduce.")
            )
            self._show_notes()
            return
        ov = self._backend.member_overview(row.id)
        self._overview = ov
        text = self.tr(
            "{name}: introduces {introducing}, helps {helping} now (load {load})."
        ).format(name=ov.full_name, introducing=ov.introducing, helping=ov.helping, load=ov.load)
        if ov.left_on is not None:
            text += " " + self.tr("Left the cell on {date}.").format(date=format_date(ov.left_on))
        self.detail_label.setText(text)
        for a in ov.current:
            self._add_assignment(a, False)
        for a in ov.history:
            self._add_assignment(a, True)
        if not ov.current and not ov.history:
            self.assignments.addItem(self.tr("(no introductions or help yet)"))
        self.assignments.setCurrentRow(0)
        self._show_notes()

    def _add_assignment(self, a: AssignmentView, ended: bool) -> None:
        role = role_label(Role(a.role), self._backend.lang)
        if ended:
            text = self.tr("{person} — {role}, {start} to {end}").format(
                person=a.person_name,
                role=role,
                start=format_date(a.from_date),
                end=format_date(a.to_date),
            )
            if a.reason:
                text += f" ({a.reason})"
        else:
            text = self.tr("{person} — {role} since {start}").format(
                person=a.person_name, role=role, start=format_date(a.from_date)
            )
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, a)
        if ended:
            item.setForeground(
                QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            )
        self.assignments.addItem(item)

    def selected_assignment(self) -> AssignmentView | None:
        item = self.assignments.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, AssignmentView) else None

    def _show_notes(self, *_: object) -> None:
        self.notes.clear()
        a = self.selected_assignment()
        helper = a is not None and a.role == Role.HELPER
        self.note_button.setEnabled(helper)
        if a is None or not helper:
            self.notes_label.setText(self.tr("Select a help above to see its notes."))
            return
        self.notes_label.setText(self.tr("Notes on {person}:").format(person=a.person_name))
        for note in self._backend.helper_notes(a.person_id):
            self.notes.addItem(
                self.tr("{date} ({helper}): {text}").format(
                    date=format_date(note.on), helper=note.member_name, text=note.text
                )
            )
        if self.notes.count() == 0:
            self.notes.addItem(self.tr("(no notes yet)"))

    def _show_warnings(self) -> None:
        self.warnings.clear()
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        found = self._backend.mentoring_warnings()
        for w in found:
            item = QListWidgetItem(icon, self.tr("Warning: {message}").format(message=w.message))
            item.setData(Qt.ItemDataRole.UserRole, w)
            self.warnings.addItem(item)
        if not found:
            self.warnings.addItem(self.tr("No warnings: every candidate has a helper."))

    def warning_texts(self) -> list[str]:
        return [self.warnings.item(i).text() for i in range(self.warnings.count())]

    # --- actions ---------------------------------------------------------------------------

    def _changed(self) -> None:
        self._bus.announce(changes.MEMBERS)
        self._bus.announce(changes.PEOPLE)
        if not self.activated:
            self.reload()

    def add_member(self) -> None:
        dialog = MemberDialog(self._backend, parent=self)
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._changed()

    def edit_member(self) -> None:
        row = self.current_row()
        if not isinstance(row, MemberRow) or not offered(self.edit_button):
            return
        dialog = MemberDialog(self._backend, row.id, parent=self)
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._changed()

    def mark_left(self) -> None:
        row = self.current_row()
        if not isinstance(row, MemberRow) or row.left_on is not None:
            return
        dialog = LeftDialog(self._backend, row.id, row.full_name, parent=self)
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._changed()

    def assign(self) -> None:
        row = self.current_row()
        member_id = row.id if isinstance(row, MemberRow) and row.left_on is None else None
        dialog = AssignDialog(self._backend, member_id=member_id, parent=self)
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._changed()

    def add_note(self) -> None:
        a = self.selected_assignment()
        if a is None or a.role != Role.HELPER:
            return
        heading = self.tr("Note on {person}").format(person=a.person_name)
        dialog = NoteDialog(self._backend, a.id, heading, parent=self)
        if self.exec_dialog(dialog) == QDialog.DialogCode.Accepted:
            self._show_notes()

    def count_text(self, shown: int, total: int) -> str:
        if self._failed or (self.loading and total == 0):
            return super().count_text(shown, total)
        if self.loading:
            return self.tr("Loading… %n member(s) so far", "", total)
        if shown == total:
            return self.tr("%n member(s)", "", total)
        return self.tr("Showing {shown} of %n member(s)", "", total).format(shown=shown)
