"""Lớp học: the awareness classes and the new-member classes of a year (or of every year), the
year's plan checked against the founding plan, the roster of the selected class with its bulk
actions, and the class-related flags (certificates expiring, new members without the class)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.accounts import Permission
from dvdesk.domain.dates import format_date
from dvdesk.domain.text import fold
from dvdesk.services import printing
from dvdesk.services.classes import ClassSummary
from dvdesk.services.errors import UserError
from dvdesk.services.overview import ClassRow
from dvdesk.ui import bus as changes
from dvdesk.ui.class_dialog import ClassDialog
from dvdesk.ui.class_roster import ClassRoster
from dvdesk.ui.list_tab import ListTab
from dvdesk.ui.marks import QT_TRANSLATE_NOOP
from dvdesk.ui.pdf_preview import PdfPreviewDialog
from dvdesk.ui.permissions import offer_only_if
from dvdesk.ui.row_table_model import LAST, RowTableModel

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus

COL_KIND = 0
COL_NAME = 1
COL_ORGANISER = 2
COL_START = 3
COL_END = 4
COL_CERTIFICATES = 5
COL_QUARTER = 6
COL_SEATS = 7
COL_NOMINATED = 8
COL_PASSED = 9
_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}

KIND_LABELS = {
    "awareness": QT_TRANSLATE_NOOP("ClassTableModel", "Party awareness"),
    "new_member": QT_TRANSLATE_NOOP("ClassTableModel", "New-member political theory"),
}
KIND_ORDER = ("awareness", "new_member")


def _day(value: Any) -> int:
    return value.toordinal() if value else LAST


class ClassTableModel(RowTableModel):
    CONTEXT = "ClassTableModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("ClassTableModel", "Kind"),
        QT_TRANSLATE_NOOP("ClassTableModel", "Class"),
        QT_TRANSLATE_NOOP("ClassTableModel", "Organiser"),
        QT_TRANSLATE_NOOP("ClassTableModel", "From"),
        QT_TRANSLATE_NOOP("ClassTableModel", "To"),
        QT_TRANSLATE_NOOP("ClassTableModel", "Certificates"),
        QT_TRANSLATE_NOOP("ClassTableModel", "Quarter"),
        QT_TRANSLATE_NOOP("ClassTableModel", "Enrolled / capacity"),
        QT_TRANSLATE_NOOP("ClassTableModel", "Nominated"),
        QT_TRANSLATE_NOOP("ClassTableModel", "Passed"),
    )
    # Newest first, as the service returns them.
    NATURAL_SORT = (COL_START, Qt.SortOrder.DescendingOrder)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # Translated here, on the GUI thread; `search_text` runs on the loading thread.
        self._folded_kinds = {
            kind: fold(QCoreApplication.translate(self.CONTEXT, label))
            for kind, label in KIND_LABELS.items()
        }

    def kind_text(self, row: ClassRow) -> str:
        label = KIND_LABELS.get(row.kind)
        return QCoreApplication.translate(self.CONTEXT, label) if label else row.kind

    def display(self, row: ClassRow, column: int) -> str:
        if column == COL_KIND:
            return self.kind_text(row)
        if column == COL_NAME:
            return row.name
        if column == COL_ORGANISER:
            return row.organiser
        if column == COL_START:
            return format_date(row.start_date)
        if column == COL_END:
            return format_date(row.end_date)
        if column == COL_CERTIFICATES:
            return str(row.certificates)
        # Rows of "every year" (overview.ClassRow) carry no counts.
        if column == COL_QUARTER:
            return _QUARTERS.get(getattr(row, "quarter", None) or 0, "")
        if not hasattr(row, "nominated"):
            return ""
        if column == COL_SEATS:
            seated = row.enrolled + row.passed + row.failed
            return f"{seated} / {row.capacity}" if row.capacity else str(seated)
        if column == COL_NOMINATED:
            return str(row.nominated)
        if column == COL_PASSED:
            return str(row.passed)
        return ""

    def sort_keys(self, row: ClassRow) -> tuple[Any, ...]:
        name = (fold(row.name), row.id)
        kind = KIND_ORDER.index(row.kind) if row.kind in KIND_ORDER else len(KIND_ORDER)
        return (
            (kind, *name),
            name,
            (fold(row.organiser), *name),
            (_day(row.start_date), *name),
            (_day(row.end_date), *name),
            (row.certificates, *name),
            (getattr(row, "quarter", None) or 9, *name),
            (getattr(row, "enrolled", 0) + getattr(row, "passed", 0), *name),
            (getattr(row, "nominated", 0), *name),
            (getattr(row, "passed", 0), *name),
        )

    def search_text(self, row: ClassRow) -> str:
        kind = self._folded_kinds.get(row.kind, "")
        return f"{fold(row.name)} {fold(row.organiser)} {kind}"

    def extra_data(self, row: ClassRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= COL_CERTIFICATES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ClassesTab(ListTab):
    """Every year's classes by default; choosing a year shows its classes with their counts
    and how they meet the yearly plan."""

    def __init__(
        self,
        backend: Backend,
        bus: Bus,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._backend = backend
        self.year: int | None = None  # None: every year
        super().__init__(
            "classes",
            ClassTableModel(),
            self._fetch,
            (changes.CLASSES, changes.ALL),
            bus,
            settings,
            {
                COL_KIND: 30,
                COL_NAME: 40,
                COL_ORGANISER: 24,
                COL_START: 12,
                COL_END: 12,
                COL_CERTIFICATES: 10,
                COL_QUARTER: 6,
                COL_SEATS: 10,
                COL_NOMINATED: 8,
                COL_PASSED: 8,
            },
            parent,
            stretch_last=False,
        )
        self._bus = bus
        self.view.setAccessibleName(self.tr("Classes"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.plan_button = QPushButton(self.tr("&Plan a class…"), self)
        self.plan_button.setObjectName("plan_button")
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("edit_button")
        self.plan_button.clicked.connect(self.plan_class)
        self.edit_button.clicked.connect(self.edit_class)
        self.bar.addWidget(self.plan_button)
        self.bar.addWidget(self.edit_button)
        # One button with a menu: the bar must still fit an 800-pixel screen.
        self.print_button = QPushButton(self.tr("P&rint"), self)
        self.print_button.setObjectName("class_print_button")
        print_menu = QMenu(self.print_button)
        self.roster_print_action = print_menu.addAction(self.tr("Class &roster…"))
        self.roster_print_action.triggered.connect(lambda: self.print_class("DS-LOP"))
        self.certificates_action = print_menu.addAction(self.tr("&Certificates…"))
        self.certificates_action.setToolTip(
            self.tr("One certificate per person who passed, to print on A5 landscape")
        )
        self.certificates_action.triggered.connect(lambda: self.print_class("CN-NTVĐ"))
        self.print_button.setMenu(print_menu)
        self.bar.addWidget(self.print_button)
        offer_only_if(backend, Permission.EDIT, self.plan_button, self.edit_button)
        offer_only_if(backend, Permission.EXPORT, self.print_button)
        # Tests replace this to look at the preview without a modal loop.
        self.open_preview: Callable[[printing.PrintedForm], None] = self._preview

        self.plan_notes = NoteList(self)
        self.plan_notes.setObjectName("plan_notes")
        self.roster = ClassRoster(backend, bus, self)
        self.roster.changed.connect(self._roster_changed)
        self.flags = NoteList(self)
        self.flags.setObjectName("class_flags")
        flags_box = QGroupBox(self.tr("Flags"), self)
        flags_layout = QVBoxLayout(flags_box)
        flags_layout.addWidget(self.flags)
        flags_layout.addStretch(1)
        flags_scroll = QScrollArea(self)
        flags_scroll.setWidget(flags_box)
        flags_scroll.setWidgetResizable(True)
        flags_scroll.setFrameShape(QFrame.Shape.NoFrame)

        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.removeWidget(self.view)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.plan_notes)
        top_layout.addWidget(self.view, 1)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(top)
        left.addWidget(self.roster)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(flags_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        chars = self.fontMetrics().averageCharWidth()
        self.splitter.setSizes([chars * 110, chars * 34])
        layout.addWidget(self.splitter, 1)

        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.loaded.connect(self._after_load)
        self._sync_buttons()

    # --- the bar ---------------------------------------------------------------------------

    def add_filters(self, bar: QHBoxLayout) -> None:
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("year_combo")
        self.year_combo.addItem(self.tr("Every year"), None)
        this_year = self._backend.today().year
        for year in range(this_year + 1, this_year - 9, -1):
            self.year_combo.addItem(str(year), year)
        label = QLabel(self.tr("&Year:"), self)
        label.setBuddy(self.year_combo)
        bar.addWidget(label)
        bar.addWidget(self.year_combo)
        self.year_combo.currentIndexChanged.connect(self._year_changed)

    def set_year(self, year: int | None) -> None:
        index = self.year_combo.findData(year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    def _year_changed(self, _index: int) -> None:
        self.year = self.year_combo.currentData()
        self.reload()

    def _fetch(self, offset: int, limit: int) -> list[Any]:
        year = self.year
        if year is None:
            return list(self._backend.classes_page(offset, limit))
        return self._backend.classes_of_year(year)[offset : offset + limit]

    # --- loading ---------------------------------------------------------------------------

    def before_load(self) -> None:
        year = self.year if self.year is not None else self._backend.today().year
        notes = self._backend.year_plan_notes(year)
        header = self.tr("Plan for {year}:").format(year=year)
        if notes:
            self.plan_notes.set_notes([f"{header} {n.message}" for n in notes], warning=True)
        else:
            self.plan_notes.set_notes(
                [self.tr("{header} the classes meet the yearly plan.").format(header=header)],
                warning=False,
            )
        self._load_flags()

    def _load_flags(self) -> None:
        expiring, missing = self._backend.class_flags()
        lines = []
        for w in expiring:
            lines.append(
                self.tr("{name}: awareness certificate valid until {day}.").format(
                    name=w.full_name, day=format_date(w.expires_on - timedelta(days=1))
                )
            )
        for m in missing:
            lines.append(
                self.tr("{name}: probation ends {day}, new-member class not passed.").format(
                    name=m.full_name, day=format_date(m.probation_end)
                )
            )
        if not lines:
            self.flags.set_notes([self.tr("Nothing to flag.")], warning=False)
        else:
            self.flags.set_notes(lines, warning=True)

    def _after_load(self, _total: int) -> None:
        # Keep the roster on the class it showed, if it is still listed.
        shown = self.roster.current
        if shown is not None:
            for r in range(self.proxy.rowCount()):
                row = self.proxy.row_at(self.proxy.index(r, 0))
                if row.id == shown.id:
                    self.view.setCurrentIndex(self.proxy.index(r, 0))
                    self._show_roster(row)
                    return
        self._show_roster(None)

    # --- the selected class ----------------------------------------------------------------

    def select_class(self, class_id: str) -> None:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if self.proxy.row_at(index).id == class_id:
                self.view.setCurrentIndex(index)
                return

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_roster(self.proxy.row_at(current))

    def _show_roster(self, row: Any) -> None:
        summary = row if isinstance(row, ClassSummary) else None
        if row is not None and summary is None:  # a row of "every year": fetch its details
            summary = self._summary_of(row)
        self.roster.set_class(summary)
        self._sync_buttons()

    def _summary_of(self, row: Any) -> ClassSummary | None:
        year = getattr(row, "year", None) or (row.start_date.year if row.start_date else None)
        if year is None:
            return None
        for summary in self._backend.classes_of_year(year):
            if summary.id == row.id:
                return summary
        return None

    def _sync_buttons(self) -> None:
        chosen = self.roster.current is not None
        for button in (self.edit_button, self.print_button):
            button.setEnabled(chosen)

    # --- printing --------------------------------------------------------------------------

    def print_class(self, code: str) -> printing.PrintedForm | None:
        current = self.roster.current
        if current is None:
            return None
        try:
            printed = printing.print_class_form(
                self._backend.db, code, current.id, on=self._backend.today()
            )
        except UserError as exc:
            QMessageBox.information(self, self.tr("Print"), exc.message(self._backend.lang))
            return None
        self.open_preview(printed)
        return printed

    def _preview(self, printed: printing.PrintedForm) -> None:
        dialog = PdfPreviewDialog(printed.pdf, printed.title, printed.file_name, self)
        try:
            dialog.exec()
        finally:
            dialog.pages.close()
            dialog.deleteLater()

    def _roster_changed(self) -> None:
        self._load_flags()

    # --- planning --------------------------------------------------------------------------

    def plan_class(self) -> None:
        year = self.year if self.year is not None else self._backend.today().year
        dialog = ClassDialog(self._backend, year, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id:
            self.roster.current = None
            self._after_plan(dialog.saved_id)

    def edit_class(self) -> None:
        current = self.roster.current
        if current is None:
            return
        dialog = ClassDialog(
            self._backend, current.year or self._backend.today().year, current, self
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id:
            self._after_plan(dialog.saved_id)

    def _after_plan(self, class_id: str) -> None:
        def select(_total: int) -> None:
            self.loaded.disconnect(select)
            self.select_class(class_id)

        self.loaded.connect(select)
        self._bus.announce(changes.CLASSES)

    def count_text(self, shown: int, total: int) -> str:
        if self._failed or (self.loading and total == 0):
            return super().count_text(shown, total)
        if self.loading:
            return self.tr("Loading… %n class(es) so far", "", total)
        if shown == total:
            return self.tr("%n class(es)", "", total)
        return self.tr("Showing {shown} of %n class(es)", "", total).format(shown=shown)


class NoteList(QWidget):
    """Lines of notes, each with an icon (warning or information) and text: never colour alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)

    def set_notes(self, lines: list[str], warning: bool) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        pixmap = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if warning
            else QStyle.StandardPixmap.SP_MessageBoxInformation
        )
        size = self.fontMetrics().height()
        icon = self.style().standardIcon(pixmap).pixmap(size, size)
        for line in lines:
            row = QWidget(self)
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            mark = QLabel(row)
            mark.setPixmap(icon)
            mark.setAlignment(Qt.AlignmentFlag.AlignTop)
            text = QLabel(line, row)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            h.addWidget(mark)
            h.addWidget(text, 1)
            self._layout.addWidget(row)

    def texts(self) -> list[str]:
        out = []
        for i in range(self._layout.count()):
            item = self._layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None and not widget.property("deleted"):
                labels = [w for w in widget.findChildren(QLabel) if w.text()]
                out.extend(w.text() for w in labels)
        return out
