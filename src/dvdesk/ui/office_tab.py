"""Cơ quan: the office's own work, shown only on an office's install (role `office`).

Three pages, over the units below the office:

- Monthly review (Xét hồ sơ hằng tháng): the dossiers the chi bộ have sent up and that wait for
  the office's decision, ready ones first; for the others, what is missing and which rules they
  break. The meeting's date is chosen at the top. Several dossiers may be selected and decided
  at once: the decisions are numbered in the register, printed as one PDF (shown in the
  preview), and the change is announced on the bus. A dossier that is not ready is refused
  before anything is written. A double-click (or Enter) asks for the person in the Candidates
  tab (`person_requested`).
- Plans (Kế hoạch của các đơn vị): which units have sent their yearly plan by the office's date,
  and what each commits to against the target it was given.
- Targets and emulation (Chỉ tiêu và thi đua): the bloc's target against what was admitted, and
  the units ranked for the emulation review, with the rule of the order spelled out.

The year at the top is the one the plans and the ranking speak of. Everything is read on the
thread pool while the tab says it is busy; the tab loads when first shown and again when the
bus announces a change (at once when it is on screen, else when it is next shown).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QDate, QItemSelection, QItemSelectionModel, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.accounts import Permission
from dvdesk.domain.dates import format_date
from dvdesk.domain.emulation import MET, NO_TARGET, RankedUnit
from dvdesk.domain.text import fold, name_sort_key
from dvdesk.services import plans, review, targets
from dvdesk.services.errors import UserError
from dvdesk.services.review import IssuedDecision, PlanSubmission, ReviewItem
from dvdesk.services.targets import Standings
from dvdesk.ui import bus as changes
from dvdesk.ui.marks import QT_TRANSLATE_NOOP
from dvdesk.ui.pdf_preview import PdfPreviewDialog
from dvdesk.ui.permissions import offer_only_if
from dvdesk.ui.person_dialog import ERROR_COLOUR, ErrorLabel, current_actor
from dvdesk.ui.person_view import RunningTasks, Task
from dvdesk.ui.report_widgets import BusyStrip, YearBox, percent
from dvdesk.ui.row_table_model import LAST, RowFilterProxy, RowTableModel
from dvdesk.ui.views import restore_header, save_header, setup_table_view

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus

PAGE_REVIEW, PAGE_PLANS, PAGE_RANKING = range(3)
RELOAD_ON = (changes.PEOPLE, changes.CLASSES, changes.PLANS, changes.ALL)
GOOD_COLOUR = "#1a6b2f"
WARNING_COLOUR = "#8a4b00"
MUTED_COLOUR = "#5a5a5a"
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)


def fit_columns(
    view: QTableView,
    model: RowTableModel,
    stretch: int,
    caps: dict[int, int] | None = None,
) -> None:
    """Each column as wide as its header (its widest line) or its widest cell, `caps` giving
    some a most in average characters; column `stretch` takes the room left."""
    header = view.horizontalHeader()
    heading, cells = header.fontMetrics(), view.fontMetrics()
    char = max(1, cells.averageCharWidth())
    rows = model.rows()
    for column in range(model.columnCount()):
        if column == stretch:
            continue
        lines = model.header_text(column).split("\n")
        needed = max(heading.horizontalAdvance(line) for line in lines) + heading.height()
        widest = max(
            (cells.horizontalAdvance(model.display(row, column)) for row in rows), default=0
        )
        widest += cells.height() // 2 + 8
        if caps and column in caps:
            widest = min(widest, caps[column] * char)
        header.resizeSection(column, max(needed, widest))
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _wrapping(label: QLabel, name: str = "") -> QLabel:
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


# --- the monthly review --------------------------------------------------------------------

RCOL_READY, RCOL_UNIT, RCOL_CODE, RCOL_NAME, RCOL_KIND, RCOL_VOTE, RCOL_NOTES = range(7)


class ReviewModel(RowTableModel):
    CONTEXT = "ReviewModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("ReviewModel", "Dossier"),
        QT_TRANSLATE_NOOP("ReviewModel", "Unit"),
        QT_TRANSLATE_NOOP("ReviewModel", "Code"),
        QT_TRANSLATE_NOOP("ReviewModel", "Full name"),
        QT_TRANSLATE_NOOP("ReviewModel", "Proposal"),
        QT_TRANSLATE_NOOP("ReviewModel", "Chi bộ\nvote"),
        QT_TRANSLATE_NOOP("ReviewModel", "Missing or wrong"),
    )

    def kind_text(self, kind: str) -> str:
        return self.tr("Admission") if kind == "admission" else self.tr("Recognition")

    def notes(self, row: ReviewItem) -> str:
        """What is missing, the rule errors and the warnings, in one line."""
        parts: list[str] = []
        if row.missing:
            parts.append(self.tr("Missing: {papers}").format(papers="; ".join(row.missing)))
        parts.extend(row.errors)
        parts.extend(row.warnings)
        return " · ".join(parts)

    def details(self, row: ReviewItem) -> str:
        """Everything about the dossier's state, a line each: the tooltip."""
        lines = [f"{row.name} — {row.unit}"]
        if row.ready:
            lines.append(self.tr("Ready for the decision: nothing missing, no rule errors."))
        for heading, items in (
            (self.tr("Missing papers:"), row.missing),
            (self.tr("Rule errors:"), row.errors),
            (self.tr("Warnings:"), row.warnings),
        ):
            if items:
                lines.append(heading)
                lines.extend(f"• {item}" for item in items)
        return "\n".join(lines)

    def display(self, row: ReviewItem, column: int) -> str:
        if column == RCOL_READY:
            return self.tr("✓ ready") if row.ready else self.tr("✗ not ready")
        if column == RCOL_UNIT:
            return row.unit
        if column == RCOL_CODE:
            return row.code
        if column == RCOL_NAME:
            return row.name
        if column == RCOL_KIND:
            return self.kind_text(row.kind)
        if column == RCOL_VOTE:
            return format_date(row.vote_on)
        if column == RCOL_NOTES:
            return self.notes(row)
        return ""

    def sort_keys(self, row: ReviewItem) -> tuple[Any, ...]:
        person = (name_sort_key(row.name), row.person_id)
        unit = fold(row.unit)
        return (
            (int(not row.ready), unit, person),
            (unit, person),
            (row.code, person),
            person,
            (row.kind, person),
            (row.vote_on.toordinal() if row.vote_on else LAST, person),
            (fold(self.notes(row)), person),
        )

    def search_text(self, row: ReviewItem) -> str:
        return fold(" ".join((row.unit, row.code, row.name, *row.missing, *row.errors)))

    def extra_data(self, row: ReviewItem, column: int, role: int) -> Any:
        blocked = bool(row.missing or row.errors)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == RCOL_READY:
                return QColor(GOOD_COLOUR if row.ready else ERROR_COLOUR)
            if column == RCOL_NOTES:
                if blocked:
                    return QColor(ERROR_COLOUR)
                return QColor(WARNING_COLOUR) if row.warnings else None
        if role == Qt.ItemDataRole.DecorationRole and column == RCOL_NOTES:
            if blocked:
                pixmap = QStyle.StandardPixmap.SP_MessageBoxCritical
            elif row.warnings:
                pixmap = QStyle.StandardPixmap.SP_MessageBoxWarning
            else:
                return None
            return QApplication.style().standardIcon(pixmap)
        if role == Qt.ItemDataRole.ToolTipRole and column in (RCOL_READY, RCOL_NOTES):
            return self.details(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == RCOL_VOTE:
            return RIGHT
        return None


# --- the units' plans ----------------------------------------------------------------------

PCOL_CODE, PCOL_UNIT, PCOL_RECEIVED, PCOL_COMMITTED, PCOL_GIVEN, PCOL_STATUS = range(6)
LATE, SHORT, WAITING, RECEIVED = range(4)


def plan_state(row: PlanSubmission) -> int:
    if row.late:
        return LATE
    if not row.received:
        return WAITING
    return SHORT if row.short else RECEIVED


class PlanModel(RowTableModel):
    CONTEXT = "PlanModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("PlanModel", "Code"),
        QT_TRANSLATE_NOOP("PlanModel", "Unit"),
        QT_TRANSLATE_NOOP("PlanModel", "Plan\nreceived"),
        QT_TRANSLATE_NOOP("PlanModel", "Plan\ncommits to"),
        QT_TRANSLATE_NOOP("PlanModel", "Target\ngiven"),
        QT_TRANSLATE_NOOP("PlanModel", "Status"),
    )
    NUMERIC = frozenset({PCOL_COMMITTED, PCOL_GIVEN})

    def status(self, row: PlanSubmission) -> str:
        state = plan_state(row)
        if state == LATE:
            return self.tr("Late: due {date}").format(date=format_date(row.due))
        if state == SHORT:
            assert row.committed is not None and row.given is not None
            return self.tr("Short of the target by {count}").format(count=row.given - row.committed)
        if state == RECEIVED:
            return self.tr("Received")
        if row.due is not None:
            return self.tr("Waiting until {date}").format(date=format_date(row.due))
        return self.tr("Waiting")

    def display(self, row: PlanSubmission, column: int) -> str:
        if column == PCOL_CODE:
            return row.unit_code
        if column == PCOL_UNIT:
            return row.unit_name
        if column == PCOL_RECEIVED:
            return "✓" if row.received else "—"
        if column == PCOL_COMMITTED:
            return "—" if row.committed is None else str(row.committed)
        if column == PCOL_GIVEN:
            return "—" if row.given is None else str(row.given)
        if column == PCOL_STATUS:
            return self.status(row)
        return ""

    def sort_keys(self, row: PlanSubmission) -> tuple[Any, ...]:
        code = row.unit_code
        return (
            code,
            (fold(row.unit_name), code),
            (int(row.received), code),
            (-1 if row.committed is None else row.committed, code),
            (-1 if row.given is None else row.given, code),
            (plan_state(row), code),
        )

    def search_text(self, row: PlanSubmission) -> str:
        return fold(f"{row.unit_code} {row.unit_name}")

    def extra_data(self, row: PlanSubmission, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in self.NUMERIC:
                return RIGHT
            if column == PCOL_RECEIVED:
                return CENTRE
        if role == Qt.ItemDataRole.ForegroundRole and column in (PCOL_STATUS, PCOL_RECEIVED):
            state = plan_state(row)
            if state == LATE:
                return QColor(ERROR_COLOUR)
            if state == SHORT and column == PCOL_STATUS:
                return QColor(WARNING_COLOUR)
            if state == RECEIVED:
                return QColor(GOOD_COLOUR)
        short = plan_state(row) == SHORT
        if role == Qt.ItemDataRole.ToolTipRole and column == PCOL_STATUS and short:
            return self.tr(
                "The unit's plan commits to {committed} admissions; it was given {given}."
            ).format(committed=row.committed, given=row.given)
        return None


# --- the ranking ---------------------------------------------------------------------------

(
    KCOL_RANK,
    KCOL_UNIT,
    KCOL_TARGET,
    KCOL_ADMITTED,
    KCOL_ACHIEVED,
    KCOL_YOUTH,
    KCOL_ERRORS,
    KCOL_OVERDUE,
    KCOL_PLAN,
    KCOL_RESULT,
) = range(10)
EXCEEDED = "exceeded"


def result_of(ranked: RankedUnit) -> str:
    """The domain's result, with "met" split into exceeded and met (Vượt / Đạt)."""
    s = ranked.standing
    if s.result == MET and s.admitted > s.target:
        return EXCEEDED
    return s.result


class RankingModel(RowTableModel):
    CONTEXT = "RankingModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("RankingModel", "Rank"),
        QT_TRANSLATE_NOOP("RankingModel", "Unit"),
        QT_TRANSLATE_NOOP("RankingModel", "Target"),
        QT_TRANSLATE_NOOP("RankingModel", "Admitted"),
        QT_TRANSLATE_NOOP("RankingModel", "% of\ntarget"),
        QT_TRANSLATE_NOOP("RankingModel", "Youth\nUnion %"),
        QT_TRANSLATE_NOOP("RankingModel", "Rule\nerrors"),
        QT_TRANSLATE_NOOP("RankingModel", "Overdue"),
        QT_TRANSLATE_NOOP("RankingModel", "Plan\nsent"),
        QT_TRANSLATE_NOOP("RankingModel", "Result"),
    )
    NUMERIC = frozenset(
        {
            KCOL_RANK,
            KCOL_TARGET,
            KCOL_ADMITTED,
            KCOL_ACHIEVED,
            KCOL_YOUTH,
            KCOL_ERRORS,
            KCOL_OVERDUE,
        }
    )

    def __init__(self, parent: Any = None, lang: str = "vi") -> None:
        super().__init__(parent)
        self.lang = lang

    def result_text(self, result: str) -> str:
        return {
            EXCEEDED: self.tr("Exceeded"),
            MET: self.tr("Met"),
            NO_TARGET: self.tr("No target given"),
        }.get(result, self.tr("Not met"))

    def display(self, row: RankedUnit, column: int) -> str:
        s = row.standing
        if column == KCOL_RANK:
            return str(row.rank)
        if column == KCOL_UNIT:
            return s.unit_name
        if column == KCOL_TARGET:
            return str(s.target) if s.target else "—"
        if column == KCOL_ADMITTED:
            return str(s.admitted)
        if column == KCOL_ACHIEVED:
            achieved = s.achieved
            return "—" if achieved is None else percent(float(achieved), self.lang)
        if column == KCOL_YOUTH:
            return percent(float(s.youth_union_share), self.lang) if s.admitted else "—"
        if column == KCOL_ERRORS:
            return str(s.errors)
        if column == KCOL_OVERDUE:
            return str(s.overdue)
        if column == KCOL_PLAN:
            if s.plan_received:
                return "✓"
            return self.tr("✗ late") if s.plan_late else "—"
        if column == KCOL_RESULT:
            return self.result_text(result_of(row))
        return ""

    def sort_keys(self, row: RankedUnit) -> tuple[Any, ...]:
        s = row.standing
        order = (row.rank, name_sort_key(s.unit_name))
        result_rank = {EXCEEDED: 0, MET: 1, NO_TARGET: 3}.get(result_of(row), 2)
        return (
            order,
            (fold(s.unit_name), order),
            (s.target, order),
            (s.admitted, order),
            (s.achieved if s.achieved is not None else -1, order),
            (s.youth_union_share if s.admitted else -1, order),
            (s.errors, order),
            (s.overdue, order),
            ((2 if s.plan_received else 0 if s.plan_late else 1), order),
            (result_rank, order),
        )

    def search_text(self, row: RankedUnit) -> str:
        return fold(row.standing.unit_name)

    def extra_data(self, row: RankedUnit, column: int, role: int) -> Any:
        s = row.standing
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in self.NUMERIC:
                return RIGHT
            if column == KCOL_PLAN:
                return CENTRE
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == KCOL_RESULT:
                result = result_of(row)
                if result in (EXCEEDED, MET):
                    return QColor(GOOD_COLOUR)
                if result == NO_TARGET:
                    return QColor(MUTED_COLOUR)
                return QColor(ERROR_COLOUR)
            if column == KCOL_PLAN and s.plan_late:
                return QColor(ERROR_COLOUR)
            if column == KCOL_ERRORS and s.errors:
                return QColor(ERROR_COLOUR)
            if column == KCOL_OVERDUE and s.overdue:
                return QColor(WARNING_COLOUR)
        good = column == KCOL_RESULT and result_of(row) in (EXCEEDED, MET)
        if role == Qt.ItemDataRole.FontRole and good:
            font = QApplication.font()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == KCOL_YOUTH and s.admitted:
            return self.tr("{youth} of the {admitted} admitted are Youth Union members").format(
                youth=s.youth_union, admitted=s.admitted
            )
        return None


# --- the tab -------------------------------------------------------------------------------


class OfficeTab(QWidget):
    person_requested = Signal(str)  # a person's id, to show in the Candidates tab
    loaded = Signal()  # every page is up to date
    issued = Signal(list)  # the IssuedDecision of the last meeting
    REVIEW_TABLE = "office_review"
    PLANS_TABLE = "office_plans"
    RANKING_TABLE = "office_ranking"

    def __init__(
        self,
        backend: Backend,
        bus: Bus,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("office_tab")
        self._backend = backend
        self._bus = bus
        self._actor = current_actor()
        self.activated = False
        self._stale = False
        self._generations: dict[str, int] = {}
        self._pending: set[str] = set()  # loads running
        self._tasks = RunningTasks()
        self._fitted: set[str] = set()
        self.items: list[ReviewItem] = []
        self.submissions: list[PlanSubmission] = []
        self.standings: Standings | None = None
        self.last_issued: list[IssuedDecision] = []
        # What tests (and nothing else) replace: the modal steps.
        self.run_dialog: Callable[[QDialog], int] = lambda d: d.exec()
        self.open_preview: Callable[[bytes, str, str], None] = self._open_preview
        self.confirm: Callable[[str, str, str], bool] = self._confirm

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_year_bar())
        self.error = ErrorLabel(self)
        self.error.setObjectName("office_error")
        layout.addWidget(self.error)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("office_pages")
        self.pages.addTab(self._build_review_page(settings), self.tr("Monthly review"))
        self.pages.addTab(self._build_plans_page(settings), self.tr("Plans"))
        self.pages.addTab(self._build_ranking_page(settings), self.tr("Targets and emulation"))
        self.pages.setTabToolTip(
            PAGE_REVIEW,
            self.tr("The dossiers the chi bộ have sent up, for the meeting's decisions"),
        )
        self.pages.setTabToolTip(
            PAGE_PLANS, self.tr("Which units have sent their yearly plan, and what it commits to")
        )
        self.pages.setTabToolTip(
            PAGE_RANKING, self.tr("The target against what was admitted, and the units ranked")
        )
        layout.addWidget(self.pages, 1)
        self._update_buttons()
        bus.changed.connect(self._on_changed)

    # --- building --------------------------------------------------------------------------

    def _build_year_bar(self) -> QHBoxLayout:
        today = self._backend.today()
        self.year = YearBox(plans.MIN_YEAR, today.year + 1, self)
        self.year.setObjectName("office_year")
        self.year.setValue(today.year)
        self.year.setToolTip(self.tr("The year of the plans, the targets and the ranking"))
        year_label = QLabel(self.tr("&Year:"), self)
        year_label.setBuddy(self.year)
        self._strip = BusyStrip(self, "office_message")
        self.busy_bar, self.busy_label = self._strip.bar, self._strip.label
        self.message = self._strip.message
        row = QHBoxLayout()
        row.addWidget(year_label)
        row.addWidget(self.year)
        row.addSpacing(12)
        self._strip.add_to(row)
        self.year.currentIndexChanged.connect(self._on_year_changed)
        return row

    def _table(
        self, page: QWidget, name: str, model: RowTableModel, settings: QSettings | None
    ) -> tuple[QTableView, RowFilterProxy]:
        proxy = RowFilterProxy(self)
        proxy.setSourceModel(model)
        view = QTableView(page)
        view.setObjectName(name)
        view.setModel(proxy)
        setup_table_view(view, {})
        view.sortByColumn(*model.NATURAL_SORT)
        restore_header(view, settings, name)
        return view, proxy

    def _build_review_page(self, settings: QSettings | None) -> QWidget:
        page = QWidget(self)
        page.setObjectName("review_page")
        self.meeting = QDateEdit(page)
        self.meeting.setObjectName("meeting_date")
        self.meeting.setCalendarPopup(True)
        self.meeting.setDisplayFormat("dd/MM/yyyy")
        self.meeting.setDate(QDate(self._backend.today()))
        self.meeting.setToolTip(self.tr("The date of the office's meeting: the decisions bear it"))
        meeting_label = QLabel(self.tr("Meeting &date:"), page)
        meeting_label.setBuddy(self.meeting)
        self.meeting.dateChanged.connect(self._on_meeting_changed)
        self.review_count = QLabel(page)
        self.review_count.setObjectName("review_count")
        self.select_ready_button = QPushButton(self.tr("Select &all ready"), page)
        self.select_ready_button.setObjectName("select_ready_button")
        self.select_ready_button.setToolTip(self.tr("Select every dossier marked ✓"))
        self.select_ready_button.clicked.connect(self.select_ready)
        top = QHBoxLayout()
        top.addWidget(meeting_label)
        top.addWidget(self.meeting)
        top.addSpacing(12)
        top.addWidget(self.review_count, 1)
        top.addWidget(self.select_ready_button)

        self.review_empty = QLabel(self.tr("No dossier is waiting for the office's decision."))
        self.review_empty.setObjectName("review_empty")
        self.review_empty.setVisible(False)

        self.review_model = ReviewModel(self)
        self.review_view, self.review_proxy = self._table(
            page, self.REVIEW_TABLE, self.review_model, settings
        )
        self.review_view.setAccessibleName(self.tr("Dossiers waiting for a decision"))
        self.review_view.setToolTip(self.tr("Double-click or press Enter to open the person"))
        self.review_view.activated.connect(self._on_review_activated)
        self.review_view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.review_error = ErrorLabel(page)
        self.review_error.setObjectName("review_error")
        self.issued_label = _wrapping(QLabel(page), "issued_label")
        self.issued_label.setVisible(False)

        self.issue_button = QPushButton(self.tr("&Issue decisions for the selected…"), page)
        self.issue_button.setObjectName("issue_button")
        self.issue_button.setToolTip(
            self.tr(
                "Record the office's decision for each selected dossier, number it in the "
                "register and print it (9-KNĐ, or 16-KNĐ for recognition)"
            )
        )
        self.issue_button.clicked.connect(self.issue_selected)
        for needed in (Permission.EDIT, Permission.EXPORT):  # decisions are recorded and printed
            offer_only_if(self._backend, needed, self.issue_button, self.select_ready_button)
        hint = QLabel(self.tr("Double-click a line to open the person in the Candidates tab."))
        hint.setToolTip(hint.text())
        # One line, cut at the window's edge rather than widening it.
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        buttons = QHBoxLayout()
        buttons.addWidget(self.issue_button)
        buttons.addWidget(hint, 1)

        column = QVBoxLayout(page)
        column.addLayout(top)
        column.addWidget(self.review_empty)
        column.addWidget(self.review_view, 1)
        column.addWidget(self.review_error)
        column.addWidget(self.issued_label)
        column.addLayout(buttons)
        return page

    def _build_plans_page(self, settings: QSettings | None) -> QWidget:
        page = QWidget(self)
        page.setObjectName("plans_page")
        self.plans_count = _wrapping(QLabel(page), "plans_count")
        self.plans_model = PlanModel(self)
        self.plans_view, self.plans_proxy = self._table(
            page, self.PLANS_TABLE, self.plans_model, settings
        )
        self.plans_view.setAccessibleName(self.tr("The units' yearly plans"))
        legend = _wrapping(
            QLabel(
                self.tr(
                    "Plan commits to: the admissions in the unit's own plan. Target given: "
                    "the share of the office's target in the office's plan (Reports tab, "
                    "Plan). A plan short of the target commits to fewer."
                ),
                page,
            ),
            "plans_legend",
        )
        column = QVBoxLayout(page)
        column.addWidget(self.plans_count)
        column.addWidget(self.plans_view, 1)
        column.addWidget(legend)
        return page

    def _build_ranking_page(self, settings: QSettings | None) -> QWidget:
        page = QWidget(self)
        page.setObjectName("ranking_page")
        self.bloc_box = QGroupBox(self.tr("All units"), page)
        self.bloc_box.setObjectName("bloc_box")
        grid = QGridLayout(self.bloc_box)
        grid.setHorizontalSpacing(12)
        self.bloc_values: dict[str, QLabel] = {}
        pairs = (
            ("target", self.tr("Target:")),
            ("admitted", self.tr("Admitted:")),
            ("given", self.tr("Given to the units:")),
            ("youth_union", self.tr("Youth Union members:")),
        )
        for index, (key, text) in enumerate(pairs):
            caption = QLabel(text, self.bloc_box)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value = _bold(_wrapping(QLabel(self.bloc_box), f"bloc_{key}"))
            self.bloc_values[key] = value
            grid.addWidget(caption, index // 2, 2 * (index % 2))
            grid.addWidget(value, index // 2, 2 * (index % 2) + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.bloc_line = _wrapping(QLabel(self.bloc_box), "bloc_line")
        grid.addWidget(self.bloc_line, 2, 0, 1, 4)

        self.ranking_model = RankingModel(self, self._backend.lang)
        self.ranking_view, self.ranking_proxy = self._table(
            page, self.RANKING_TABLE, self.ranking_model, settings
        )
        self.ranking_view.setAccessibleName(self.tr("The units ranked for the emulation review"))
        self.legend = _wrapping(
            QLabel(
                self.tr(
                    "How the order is made: units given a target come first; then the larger "
                    "share of the target admitted; then the larger share of Youth Union members "
                    "among those admitted; then fewer rule errors; then fewer overdue acts; then "
                    "more people admitted. Units equal on all of these share a rank. The order "
                    "informs the emulation review; it decides no reward."
                ),
                page,
            ),
            "ranking_legend",
        )
        self.legend.setStyleSheet(f"color: {MUTED_COLOUR};")
        column = QVBoxLayout(page)
        column.addWidget(self.bloc_box)
        column.addWidget(self.ranking_view, 1)
        column.addWidget(self.legend)
        return page

    # --- loading ---------------------------------------------------------------------------

    def activate(self) -> None:
        """Load when first shown (the main window calls this)."""
        if not self.activated:
            self.activated = True
            self.reload()

    def reload(self, *_: Any) -> None:
        self._stale = False
        self.load_review()
        self.load_year()

    @property
    def loading(self) -> bool:
        return bool(self._pending)

    @property
    def busy(self) -> bool:
        """Work is running on the thread pool (loading or issuing decisions)."""
        return bool(self._tasks)

    def meeting_date(self) -> date:
        return self.meeting.date().toPython()

    def load_review(self) -> None:
        db, lang, on = self._backend.db, self._backend.lang, self.meeting_date()
        self._load("review", lambda: review.monthly_review(db, on, lang), self._show_review)

    def load_year(self) -> None:
        db, lang, year = self._backend.db, self._backend.lang, self.year.value()
        on = self._backend.today()

        def work() -> tuple[list[PlanSubmission], Standings]:
            return (
                review.plan_submissions(db, year, on),
                targets.standings(db, year, on, lang),
            )

        self._load("year", work, self._show_year)

    def _load(self, key: str, work: Callable[[], Any], show: Callable[[Any], None]) -> None:
        """Run `work` on the thread pool; the newest request of each `key` wins."""
        generation = self._generations.get(key, 0) + 1
        self._generations[key] = generation
        self._pending.add(key)
        self.error.show_message("")
        self._set_busy("load", self.tr("Reading the units' figures…"))

        def done(gen: int, result: Any) -> None:
            if gen != self._generations.get(key):
                return
            self._finish_load(key)
            show(result)
            if not self._pending:
                self.loaded.emit()

        def failed(gen: int, exc: BaseException) -> None:
            if gen != self._generations.get(key):
                return
            self._finish_load(key)
            self._failed(exc, self.error)

        self._tasks.start(Task(work, generation), done, failed)

    def _finish_load(self, key: str) -> None:
        self._pending.discard(key)
        if not self._pending:
            self._set_busy("load", None)
        self._update_buttons()

    def _failed(self, exc: BaseException, where: ErrorLabel) -> None:
        if isinstance(exc, UserError):
            where.show_message(exc.message(self._backend.lang))
            return
        raise exc  # the application's error reporter logs it and shows the one dialog

    def _set_busy(self, key: str, text: str | None) -> None:
        self._strip.set(key, text)
        self._update_buttons()

    def _update_buttons(self, *_: Any) -> None:
        issuing = "issue" in self._strip.jobs
        chosen = bool(self.review_view.selectionModel().selectedRows())
        self.issue_button.setEnabled(chosen and not issuing and "review" not in self._pending)
        self.select_ready_button.setEnabled(any(i.ready for i in self.items) and not issuing)

    def _on_year_changed(self, *_: Any) -> None:
        if self.activated:
            self.load_year()

    def _on_meeting_changed(self, *_: Any) -> None:
        if self.activated:
            self.load_review()

    def _on_changed(self, what: str) -> None:
        if what not in RELOAD_ON or not self.activated:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True  # read again when next shown

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.activated:
            self.reload()

    # --- showing ---------------------------------------------------------------------------

    def _fit_once(
        self,
        name: str,
        view: QTableView,
        model: RowTableModel,
        stretch: int,
        caps: dict[int, int] | None = None,
    ) -> None:
        if name not in self._fitted and model.rowCount():
            self._fitted.add(name)
            fit_columns(view, model, stretch, caps)

    def _show_review(self, items: list[ReviewItem]) -> None:
        chosen = set(self.selected_ids())
        self.items = items
        self.review_model.set_rows(items)
        self._fit_once(
            self.REVIEW_TABLE,
            self.review_view,
            self.review_model,
            RCOL_NOTES,
            {RCOL_UNIT: 14, RCOL_NAME: 18, RCOL_KIND: 12},
        )
        ready = sum(1 for i in items if i.ready)
        self.review_count.setText(
            self.tr("{ready} ready, {incomplete} incomplete").format(
                ready=ready, incomplete=len(items) - ready
            )
        )
        self.review_empty.setVisible(not items)
        self.review_view.setVisible(bool(items))
        if chosen:
            self.select_people(chosen)
        self._update_buttons()

    def _show_year(self, loaded: tuple[list[PlanSubmission], Standings]) -> None:
        self.submissions, self.standings = loaded
        self._show_plans()
        self._show_ranking()

    def _show_plans(self) -> None:
        rows = self.submissions
        self.plans_model.set_rows(rows)
        self._fit_once(self.PLANS_TABLE, self.plans_view, self.plans_model, PCOL_STATUS)
        year = self.year.value()
        if not rows:
            self.plans_count.setText(self.tr("No units below this office yet."))
            return
        received = sum(1 for r in rows if r.received)
        due = next((r.due for r in rows if r.due is not None), None)
        if due is not None:
            text = self.tr(
                "{received} of {total} units have sent their plan for {year}; due {date}."
            )
            text = text.format(received=received, total=len(rows), year=year, date=format_date(due))
        else:
            text = self.tr(
                "{received} of {total} units have sent their plan for {year}; the office's plan "
                "sets no date."
            ).format(received=received, total=len(rows), year=year)
        late = sum(1 for r in rows if r.late)
        if late:
            text += " " + self.tr("{late} late.").format(late=late)
        self.plans_count.setText(text)
        self.plans_count.setStyleSheet(f"color: {ERROR_COLOUR};" if late else "")

    def _show_ranking(self) -> None:
        s = self.standings
        if s is None:
            return
        lang = self._backend.lang
        self.ranking_model.set_rows(s.units)
        self._fit_once(self.RANKING_TABLE, self.ranking_view, self.ranking_model, KCOL_UNIT)
        v = self.bloc_values
        if s.target:
            v["target"].setText(self.tr("{count} people").format(count=s.target))
            v["admitted"].setText(
                self.tr("{admitted} ({percent} of the target)").format(
                    admitted=s.admitted, percent=percent(s.achieved or 0.0, lang)
                )
            )
            v["given"].setText(
                self.tr("{given} of {target}").format(given=s.given, target=s.target)
            )
            v["youth_union"].setText(
                self.tr("{count} of a target of {target} ({share}%)").format(
                    count=s.youth_union, target=s.youth_union_target, share=s.youth_union_share
                )
            )
            line = self.tr("The year {year}, as of {date}.")
        else:
            v["target"].setText(self.tr("none"))
            v["admitted"].setText(str(s.admitted))
            v["given"].setText(str(s.given))
            v["youth_union"].setText(str(s.youth_union))
            line = self.tr(
                "The year {year}, as of {date}. The office has no plan for {year}: no target to "
                "measure against (Reports tab, Plan)."
            )
        self.bloc_line.setText(line.format(year=s.year, date=format_date(s.as_of)))

    # --- the review's actions --------------------------------------------------------------

    def selected_items(self) -> list[ReviewItem]:
        rows = self.review_view.selectionModel().selectedRows()
        found = (self.review_proxy.row_at(index) for index in rows)
        chosen = [row for row in found if isinstance(row, ReviewItem)]
        # In the table's order, the order the decisions are numbered in.
        order = {id(row): n for n, row in enumerate(self.review_model.rows())}
        return sorted(chosen, key=lambda row: order.get(id(row), 0))

    def selected_ids(self) -> list[str]:
        return [row.person_id for row in self.selected_items()]

    def select_people(self, person_ids: Sequence[str] | set[str]) -> None:
        """Select the rows of these people (and no others)."""
        wanted = set(person_ids)
        selection = QItemSelection()
        for row in range(self.review_proxy.rowCount()):
            index = self.review_proxy.index(row, 0)
            item = self.review_proxy.row_at(index)
            if item is not None and item.person_id in wanted:
                selection.select(index, index)
        model = self.review_view.selectionModel()
        model.select(
            selection,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._update_buttons()

    def select_ready(self) -> None:
        self.select_people({i.person_id for i in self.items if i.ready})
        self.review_view.setFocus()

    def _on_review_activated(self, index: Any) -> None:
        row = self.review_proxy.row_at(index)
        if row is not None:
            self.person_requested.emit(row.person_id)

    def _confirm(self, title: str, text: str, details: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setInformativeText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        try:
            return self.run_dialog(box) == QMessageBox.StandardButton.Yes
        finally:
            box.deleteLater()

    def _open_preview(self, pdf: bytes, title: str, file_name: str) -> None:
        preview = PdfPreviewDialog(pdf, title, file_name, self)
        try:
            self.run_dialog(preview)
        finally:
            preview.pages.close()
            preview.deleteLater()

    def issue_selected(self) -> None:
        """Decide the selected dossiers: refused when one is not ready, else confirmed, then
        recorded, numbered and printed on the thread pool."""
        self.review_error.show_message("")
        chosen = self.selected_items()
        if not chosen:
            self.review_error.show_message(self.tr("Choose the dossiers to decide first."))
            return
        not_ready = [row for row in chosen if not row.ready]
        if not_ready:
            self.review_error.show_message(
                self.tr(
                    "Nothing issued: these dossiers are not ready: {names}. Choose only "
                    "dossiers marked ✓ (the reason is in the last column)."
                ).format(names=", ".join(row.name for row in not_ready))
            )
            return
        on = self.meeting_date()
        names = "\n".join(
            f"• {row.name} — {self.review_model.kind_text(row.kind)} ({row.unit})" for row in chosen
        )
        if not self.confirm(
            self.tr("Issue decisions"),
            self.tr(
                "Issue decisions for {count} people, dated {date}? Each takes the next number "
                "in the register."
            ).format(count=len(chosen), date=format_date(on)),
            names,
        ):
            return
        db, actor, lang = self._backend.db, self._actor, self._backend.lang
        ids = [row.person_id for row in chosen]
        self.issued_label.setVisible(False)
        self._set_busy("issue", self.tr("Issuing the decisions…"))

        def work() -> tuple[list[IssuedDecision], bytes | None]:
            return review.issue_decisions(db, ids, on, actor, lang)

        def done(_: int, result: tuple[list[IssuedDecision], bytes | None]) -> None:
            self._set_busy("issue", None)
            self._on_issued(on, *result)

        def failed(_: int, exc: BaseException) -> None:
            self._set_busy("issue", None)
            self._failed(exc, self.review_error)
            self.load_review()  # some may have been decided before the failure

        self._tasks.start(Task(work, 0), done, failed)

    def _on_issued(self, on: date, decisions: list[IssuedDecision], pdf: bytes | None) -> None:
        self.last_issued = decisions
        lines = [f"{d.number} — {d.name} ({d.code})" for d in decisions]
        if len(decisions) <= 3:
            text = self.tr("Decisions issued on {date}: {decisions}").format(
                date=format_date(on), decisions="; ".join(lines)
            )
        else:  # a long list would push the table away: the numbers' range, the rest on hover
            text = self.tr(
                "{count} decisions issued on {date}, numbers {first} to {last} (hover for the "
                "list)."
            ).format(
                count=len(decisions),
                date=format_date(on),
                first=decisions[0].number,
                last=decisions[-1].number,
            )
        self.issued_label.setText(text)
        self.issued_label.setToolTip("\n".join(lines))
        self.issued_label.setVisible(bool(decisions))
        self.issued.emit(decisions)
        self._bus.announce(changes.PEOPLE)  # every tab reads its people again, this one too
        if not self.isVisible():
            self.reload()  # at once, not when next shown: the decided leave the list
        if pdf is not None:
            title = self.tr("Decisions of {date}").format(date=format_date(on))
            self.open_preview(pdf, title, f"QD_{on:%Y%m%d}.pdf")

    # --- state -----------------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        save_header(self.review_view, settings, self.REVIEW_TABLE)
        save_header(self.plans_view, settings, self.PLANS_TABLE)
        save_header(self.ranking_view, settings, self.RANKING_TABLE)

    def shutdown(self) -> None:
        for key in self._generations:
            self._generations[key] += 1
        self._tasks.wait_all()
