"""Báo cáo: the year's plan, the half-year and year reports with charts, and the procedure check,
each printable (PDF preview); the report and the check export to Excel too.

At the top: today's situation (people, overdue steps, steps due this month), then the year and
the period (the first six months, or the whole year) the three pages below speak of:

- Plan (Kế hoạch): the year's targets, classes and deadlines, or a plain "no plan yet"; the
  button opens the PlanDialog; Print makes the KH document.
- Report (Báo cáo): the headline numbers against the plan, admissions month by month against
  the target, the pipeline by stage, the breakdowns, and (for the office) a row per unit.
- Procedure check (Kiểm tra thủ tục): every rule finding and overdue deadline, by unit; a
  double-click (or Enter) asks for the person in the Candidates tab (`person_requested`).

The report and the check are computed on the thread pool (the year report over 100,000 people
takes seconds) while the tab says it is busy; printing and exporting too. The tab loads when it
is first shown, and again when the bus announces a change to people or classes (at once when it
is on screen, else when it is next shown).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.accounts import Permission
from dvdesk.domain.dates import format_date
from dvdesk.domain.statistics import Period
from dvdesk.reports.pdf_layout import to_margins
from dvdesk.services import plans, print_settings, reports
from dvdesk.services.errors import UserError
from dvdesk.services.overview import Summary
from dvdesk.services.plans import PlanView
from dvdesk.services.reports import HALF_YEAR, YEAR, ProcedureCheck, ReportView
from dvdesk.ui import bus as changes
from dvdesk.ui.charts import BarChart, ProgressChart
from dvdesk.ui.pdf_preview import PdfPreviewDialog
from dvdesk.ui.permissions import offer_only_if
from dvdesk.ui.person_dialog import ErrorLabel, current_actor
from dvdesk.ui.person_view import RunningTasks, Task
from dvdesk.ui.plan_dialog import PlanDialog
from dvdesk.ui.report_widgets import (
    COL_DUE,
    COL_KIND,
    COL_LATE,
    COL_PERSON,
    COL_UNIT,
    COL_WHAT,
    KIND_ERROR,
    KIND_OVERDUE,
    KIND_WARNING,
    UCOL_ACHIEVED,
    UCOL_ADMITTED,
    UCOL_RECOGNISED,
    UCOL_STRUCK,
    UCOL_SYMPATHISERS,
    UCOL_TARGET,
    UCOL_UNIT,
    UCOL_YOUTH,
    BusyStrip,
    PrintOptionsDialog,
    ProcedureModel,
    UnitFiguresModel,
    YearBox,
    item_kind,
    percent,
)
from dvdesk.ui.row_table_model import RowFilterProxy
from dvdesk.ui.views import SearchField, restore_header, save_header, setup_table_view

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus

log = logging.getLogger(__name__)

OVERDUE_COLOUR = "#a40000"
PAGE_PLAN, PAGE_REPORT, PAGE_CHECK = range(3)
RELOAD_ON = (changes.PEOPLE, changes.CLASSES, changes.ALL)
# The breakdowns charted, in the order shown: (key, ReportFigures field).
BREAKDOWNS = (
    ("youth_union", "by_youth_union"),
    ("sex", "by_sex"),
    ("age_group", "by_age_group"),
    ("ethnicity", "by_ethnicity"),
    ("religion", "by_religion_group"),
    ("education", "by_education"),
    ("occupation", "by_occupation"),
)


@dataclass(frozen=True)
class Loaded:
    """What one load computes off the GUI thread."""

    report: ReportView
    check: ProcedureCheck


def period_of(kind: str, year: int) -> Period:
    return Period.half_year(year) if kind == HALF_YEAR else Period.whole_year(year)


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = label.font()
    font.setBold(True)
    if scale != 1.0 and font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class ReportsTab(QWidget):
    person_requested = Signal(str)  # a person's id, to show in the Candidates tab
    loaded = Signal()  # the report and the procedure check on screen are up to date
    TABLE_NAME = "procedure_check"
    UNITS_TABLE_NAME = "report_units"

    def __init__(
        self,
        backend: Backend,
        bus: Bus,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reports_tab")
        self._backend = backend
        self._bus = bus
        self._actor = current_actor()
        self.info = backend.install_info()
        self.unit_id: str | None = self.info.unit_id if self.info else None
        self.office = bool(self.info and self.info.role == "office")
        self.activated = False
        self.loading = False
        self._stale = False
        self._generation = 0
        self._tasks = RunningTasks()
        self.summary: Summary | None = None
        self.plan: PlanView | None = None
        self.report: ReportView | None = None
        self.check: ProcedureCheck | None = None
        # What tests (and nothing else) replace: the modal steps.
        self.run_dialog: Callable[[QDialog], int] = lambda d: d.exec()
        self.open_preview: Callable[[bytes, str, str], None] = self._open_preview
        self.ask_print_options: Callable[[str], tuple[date, bool] | None] = self._ask_print_options

        layout = QVBoxLayout(self)
        layout.addWidget(self._build_situation())
        layout.addLayout(self._build_period_bar())
        self.error = ErrorLabel(self)
        self.error.setObjectName("report_error")
        layout.addWidget(self.error)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("report_pages")
        self.pages.addTab(self._build_plan_page(), self.tr("Plan"))
        self.pages.addTab(self._build_report_page(settings), self.tr("Report"))
        self.pages.addTab(self._build_check_page(settings), self.tr("Procedure check"))
        self.pages.setTabToolTip(PAGE_PLAN, self.tr("The year's targets, classes and deadlines"))
        self.pages.setTabToolTip(PAGE_REPORT, self.tr("The half-year or year report, with charts"))
        self.pages.setTabToolTip(
            PAGE_CHECK, self.tr("Rule findings and overdue deadlines, by unit, for an inspection")
        )
        layout.addWidget(self.pages, 1)
        self.pages.setCurrentIndex(PAGE_REPORT)
        self._update_buttons()

        bus.changed.connect(self._on_changed)
        self.refresh_summary()

    # --- building --------------------------------------------------------------------------

    def _build_situation(self) -> QWidget:
        self.heading = _bold(QLabel(self))
        self.heading.setObjectName("heading")
        self.people_value = QLabel(self)
        self.people_value.setObjectName("people_value")
        self.overdue_icon = QLabel(self)
        self.overdue_value = QLabel(self)
        self.overdue_value.setObjectName("overdue_value")
        self.due_label = QLabel(self)
        self.due_value = QLabel(self)
        self.due_value.setObjectName("due_value")
        strip = QWidget(self)
        strip.setObjectName("situation")
        # Never wider than the window: on a narrow screen the end of the line is cut instead.
        strip.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(strip)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.heading)
        row.addSpacing(6)
        row.addWidget(self.people_value)
        row.addWidget(QLabel("·", self))
        row.addWidget(self.overdue_icon)
        row.addWidget(self.overdue_value)
        row.addWidget(QLabel("·", self))
        row.addWidget(self.due_label)
        row.addWidget(self.due_value)
        row.addStretch(1)
        return strip

    def _build_period_bar(self) -> QHBoxLayout:
        today = self._backend.today()
        self.year = YearBox(plans.MIN_YEAR, today.year + 1, self)
        self.year.setObjectName("report_year")
        self.year.setValue(today.year)
        year_label = QLabel(self.tr("&Year:"), self)
        year_label.setBuddy(self.year)
        self.period = QComboBox(self)
        self.period.setObjectName("report_period")
        self.period.addItem(self.tr("First six months"), HALF_YEAR)
        self.period.addItem(self.tr("Whole year"), YEAR)
        self.period.setCurrentIndex(1)
        period_label = QLabel(self.tr("Peri&od:"), self)
        period_label.setBuddy(self.period)
        self._strip = BusyStrip(self, "report_message")
        self.busy_bar, self.busy_label = self._strip.bar, self._strip.label
        self.message = self._strip.message
        row = QHBoxLayout()
        row.addWidget(year_label)
        row.addWidget(self.year)
        row.addSpacing(12)
        row.addWidget(period_label)
        row.addWidget(self.period)
        row.addSpacing(12)
        self._strip.add_to(row)
        self.year.currentIndexChanged.connect(self._on_period_changed)
        self.period.currentIndexChanged.connect(self._on_period_changed)
        return row

    def _build_plan_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("plan_page")
        self.plan_title = _bold(_selectable(QLabel(page)), 1.15)
        self.plan_title.setObjectName("plan_title")
        self.plan_hint = _selectable(QLabel(page))
        self.plan_hint.setObjectName("plan_hint")
        self.plan_box = QGroupBox(self.tr("Targets"), page)
        form = QFormLayout(self.plan_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.plan_values: dict[str, QLabel] = {}
        for key, text in (
            ("admit", self.tr("People to admit:")),
            ("youth_union", self.tr("of them Youth Union members:")),
            ("awareness", self.tr("Awareness classes:")),
            ("new_member", self.tr("New-member classes:")),
            ("review", self.tr("Progress reviewed:")),
            ("base_plans_due", self.tr("Units send their own plans by:")),
            ("half_year_report_due", self.tr("Half-year report due:")),
            ("year_report_due", self.tr("Year report due:")),
            ("units", self.tr("Given to the units:")),
        ):
            value = _selectable(QLabel(self.plan_box))
            value.setObjectName(f"plan_{key}")
            self.plan_values[key] = value
            form.addRow(text, value)
        self._plan_form = form
        self.edit_plan_button = QPushButton(page)
        self.edit_plan_button.setObjectName("edit_plan_button")
        self.edit_plan_button.clicked.connect(self.edit_plan)
        self.print_plan_button = QPushButton(self.tr("&Print the plan (KH)…"), page)
        self.print_plan_button.setObjectName("print_plan_button")
        self.print_plan_button.setToolTip(
            self.tr("The plan as a KH document, to preview, print or save as PDF")
        )
        self.print_plan_button.clicked.connect(self.print_plan)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_plan_button)
        buttons.addWidget(self.print_plan_button)
        buttons.addStretch(1)
        column = QVBoxLayout(page)
        column.addWidget(self.plan_title)
        column.addWidget(self.plan_hint)
        column.addWidget(self.plan_box)
        column.addLayout(buttons)
        column.addStretch(1)
        return page

    def _build_report_page(self, settings: QSettings | None) -> QWidget:
        page = QWidget(self)
        page.setObjectName("report_page")
        self.print_report_button = QPushButton(self.tr("&Print the report (BC)…"), page)
        self.print_report_button.setObjectName("print_report_button")
        self.print_report_button.setToolTip(
            self.tr("The report as a BC document, to preview, print or save as PDF")
        )
        self.print_report_button.clicked.connect(self.print_report)
        self.export_report_button = QPushButton(self.tr("E&xport to Excel…"), page)
        self.export_report_button.setObjectName("export_report_button")
        self.export_report_button.setToolTip(
            self.tr("Every figure and breakdown, per unit and the procedure check, as .xlsx")
        )
        self.export_report_button.clicked.connect(self.export_report)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_report_button)
        buttons.addWidget(self.export_report_button)
        offer_only_if(self._backend, Permission.EDIT, self.edit_plan_button)
        offer_only_if(
            self._backend,
            Permission.EXPORT,
            self.print_plan_button,
            self.print_report_button,
            self.export_report_button,
        )
        buttons.addStretch(1)

        content = QWidget()
        content.setObjectName("report_content")
        body = QVBoxLayout(content)
        self.report_title = _bold(_selectable(QLabel(content)), 1.15)
        self.report_title.setObjectName("report_title")
        self.report_subtitle = _selectable(QLabel(content))
        self.report_subtitle.setObjectName("report_subtitle")
        body.addWidget(self.report_title)
        body.addWidget(self.report_subtitle)

        headline = QGroupBox(self.tr("In the period"), content)
        grid = QGridLayout(headline)
        grid.setHorizontalSpacing(12)
        self.figure_values: dict[str, QLabel] = {}
        rows = (
            ("admitted", self.tr("Admitted:")),
            ("youth_union", self.tr("Youth Union members:")),
            ("recognised", self.tr("Recognised as full members:")),
            ("struck_off", self.tr("Struck off the probationary list:")),
            ("sympathisers", self.tr("Sympathisers:")),
            ("awareness", self.tr("Awareness classes:")),
            ("new_member", self.tr("New-member classes:")),
            ("women", self.tr("Women:")),
            ("ethnic_minority", self.tr("Ethnic minorities:")),
            ("aged_18_30", self.tr("Aged 18 to 30:")),
        )
        self._headline_grid = grid
        self._headline: list[tuple[QLabel, QLabel]] = []
        self._headline_columns = 0
        for key, text in rows:
            caption = QLabel(text, headline)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value = _bold(_selectable(QLabel(headline)))
            value.setObjectName(f"figure_{key}")
            self.figure_values[key] = value
            self._headline.append((caption, value))
        self._arrange_headline(2)
        body.addWidget(headline)

        self.progress_chart = ProgressChart(content)
        self.progress_chart.setObjectName("progress_chart")
        self.progress_chart.setMinimumHeight(self.progress_chart.minimumSizeHint().height())
        body.addWidget(self.progress_chart)
        self.pipeline_chart = BarChart(content)
        self.pipeline_chart.setObjectName("pipeline_chart")
        body.addWidget(self.pipeline_chart)

        self.breakdown_box = QGroupBox(self.tr("The people admitted"), content)
        breakdown_layout = QVBoxLayout(self.breakdown_box)
        self.nobody_label = QLabel(
            self.tr("Nobody was admitted in this period: there is nothing to break down."),
            self.breakdown_box,
        )
        self.nobody_label.setWordWrap(True)
        breakdown_layout.addWidget(self.nobody_label)
        charts = QGridLayout()
        self.breakdown_charts: dict[str, BarChart] = {}
        for index, (key, _) in enumerate(BREAKDOWNS):
            chart = BarChart(self.breakdown_box)
            chart.setObjectName(f"{key}_chart")
            self.breakdown_charts[key] = chart
            charts.addWidget(chart, index // 2, index % 2)
        breakdown_layout.addLayout(charts)
        body.addWidget(self.breakdown_box)

        self.units_box = QGroupBox(self.tr("Per unit"), content)
        units_layout = QVBoxLayout(self.units_box)
        self.units_model = UnitFiguresModel(self, self._backend.lang)
        self.units_proxy = RowFilterProxy(self)
        self.units_proxy.setSourceModel(self.units_model)
        self.units_view = QTableView(self.units_box)
        self.units_view.setObjectName("units_table")
        self.units_view.setAccessibleName(self.tr("Figures per unit"))
        self.units_view.setModel(self.units_proxy)
        setup_table_view(
            self.units_view,
            {
                UCOL_UNIT: 26,
                UCOL_ADMITTED: 6,
                UCOL_TARGET: 6,
                UCOL_ACHIEVED: 6,
                UCOL_YOUTH: 6,
                UCOL_RECOGNISED: 6,
                UCOL_STRUCK: 6,
                UCOL_SYMPATHISERS: 8,
            },
        )
        self.units_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        restore_header(self.units_view, settings, self.UNITS_TABLE_NAME)
        units_layout.addWidget(self.units_view)
        body.addWidget(self.units_box)

        self.procedure_line = _selectable(QLabel(content))
        self.procedure_line.setObjectName("procedure_line")
        self.see_check_button = QPushButton(self.tr("See the &list…"), content)
        self.see_check_button.clicked.connect(lambda: self.pages.setCurrentIndex(PAGE_CHECK))
        line = QHBoxLayout()
        line.addWidget(self.procedure_line, 1)
        line.addWidget(self.see_check_button)
        body.addLayout(line)
        body.addStretch(1)

        self.report_scroll = QScrollArea(page)
        self.report_scroll.setObjectName("report_scroll")
        self.report_scroll.setWidgetResizable(True)
        self.report_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.report_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.report_scroll.setWidget(content)
        column = QVBoxLayout(page)
        column.addLayout(buttons)
        column.addWidget(self.report_scroll, 1)
        return page

    def _build_check_page(self, settings: QSettings | None) -> QWidget:
        page = QWidget(self)
        page.setObjectName("check_page")
        self.search = SearchField(page)
        self.search.setObjectName("check_search")
        self.search.setPlaceholderText(self.tr("Name, Mã, unit or words of the finding"))
        search_label = QLabel(self.tr("Fin&d:"), page)
        search_label.setBuddy(self.search)
        self.kind_filter = QComboBox(page)
        self.kind_filter.setObjectName("check_kind")
        self.kind_filter.addItem(self.tr("Everything"), "")
        self.kind_filter.addItem(self.tr("Errors"), KIND_ERROR)
        self.kind_filter.addItem(self.tr("Warnings"), KIND_WARNING)
        self.kind_filter.addItem(self.tr("Overdue deadlines"), KIND_OVERDUE)
        kind_label = QLabel(self.tr("&Show:"), page)
        kind_label.setBuddy(self.kind_filter)
        self.check_count = QLabel(page)
        self.check_count.setObjectName("check_count")
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addWidget(kind_label)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.check_count)

        self.check_period = _selectable(QLabel(page))
        self.check_period.setObjectName("check_period")
        self.check_empty = QLabel(
            self.tr("Nothing to report: no rule findings and no overdue deadlines."), page
        )
        self.check_empty.setObjectName("check_empty")
        self.check_empty.setVisible(False)

        self.model = ProcedureModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(page)
        self.view.setObjectName("procedure_table")
        self.view.setAccessibleName(self.tr("Rule findings and overdue deadlines"))
        self.view.setModel(self.proxy)
        setup_table_view(
            self.view,
            {COL_UNIT: 14, COL_PERSON: 16, COL_WHAT: 30, COL_KIND: 11, COL_DUE: 10, COL_LATE: 4},
            stretch_last=False,
        )
        header = self.view.horizontalHeader()
        header.moveSection(COL_WHAT, COL_LATE)  # the long text last, taking the room left
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
        restore_header(self.view, settings, self.TABLE_NAME)
        self.view.activated.connect(self._on_activated)
        self.view.setToolTip(self.tr("Double-click or press Enter to open the person"))

        self.print_check_button = QPushButton(self.tr("&Print…"), page)
        self.print_check_button.setObjectName("print_check_button")
        self.print_check_button.setToolTip(
            self.tr("The list as a BC document (landscape), to preview, print or save as PDF")
        )
        self.print_check_button.clicked.connect(self.print_check)
        self.export_check_button = QPushButton(self.tr("E&xport to Excel…"), page)
        self.export_check_button.setObjectName("export_check_button")
        self.export_check_button.clicked.connect(self.export_check)
        hint = QLabel(self.tr("Double-click a line to open the person in the Candidates tab."))
        hint.setWordWrap(True)
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_check_button)
        buttons.addWidget(self.export_check_button)
        offer_only_if(
            self._backend, Permission.EXPORT, self.print_check_button, self.export_check_button
        )
        buttons.addWidget(hint, 1)

        self.search.textChanged.connect(self._on_filter)
        self.search.down_pressed.connect(self._focus_list)
        self.kind_filter.currentIndexChanged.connect(self._on_filter)

        column = QVBoxLayout(page)
        column.addLayout(filters)
        column.addWidget(self.check_period)
        column.addWidget(self.check_empty)
        column.addWidget(self.view, 1)
        column.addLayout(buttons)
        return page

    # --- loading ---------------------------------------------------------------------------

    def activate(self) -> None:
        """Load when first shown (the main window calls this)."""
        if not self.activated:
            self.activated = True
            self.reload()

    def reload(self, *_: Any) -> None:
        self._stale = False
        self.refresh_summary()
        self.load_plan()
        self.load_report()

    def kind(self) -> str:
        return str(self.period.currentData())

    def current_period(self) -> Period:
        return period_of(self.kind(), self.year.value())

    def refresh_summary(self) -> None:
        summary = self._backend.summary()
        self.summary = summary
        self.heading.setText(self.tr("Situation on {date}").format(date=format_date(summary.on)))
        self.people_value.setText(self.tr("%n person(s)", "", summary.people))
        if summary.overdue:
            text = self.tr("%n overdue step(s)", "", summary.overdue)
            text += " " + self.tr("(%n person(s))", "", summary.overdue_people)
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            size = self.fontMetrics().height()
            self.overdue_icon.setPixmap(icon.pixmap(size, size))
            self.overdue_icon.setVisible(True)
            self.overdue_value.setStyleSheet(f"color: {OVERDUE_COLOUR}; font-weight: bold;")
        else:
            text = self.tr("Nothing overdue")
            self.overdue_icon.setVisible(False)
            self.overdue_value.setStyleSheet("")
        self.overdue_value.setText(text)
        self.due_label.setText(self.tr("Due this month:"))
        self.due_label.setToolTip(
            self.tr("Due from today to {date}:").format(date=format_date(summary.month_end))
        )
        self.due_value.setText(self.tr("%n step(s)", "", summary.due_this_month))

    def load_plan(self) -> None:
        year = self.year.value()
        self.plan = plans.get_plan(self._backend.db, self.unit_id, year) if self.unit_id else None
        self._show_plan()

    def load_report(self) -> None:
        """Compute the report and the procedure check of the chosen period on the thread pool;
        the newest request wins."""
        if self.unit_id is None:
            return
        self._generation += 1
        self.loading = True
        self.error.show_message("")
        db, lang, unit_id = self._backend.db, self._backend.lang, self.unit_id
        kind, year, on = self.kind(), self.year.value(), self._backend.today()
        period = period_of(kind, year)

        def work() -> Loaded:
            return Loaded(
                reports.report(db, kind, year, unit_id, lang, on),
                reports.procedure_check(db, period.start, period.end, unit_id, lang, on),
            )

        self._set_busy("load", self.tr("Computing the figures…"))
        self._tasks.start(Task(work, self._generation), self._on_loaded, self._on_load_failed)

    def _on_loaded(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self._set_busy("load", None)
        self.report = loaded.report
        self.check = loaded.check
        self._show_report()
        self._show_check()
        self.loaded.emit()

    def _on_load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self._set_busy("load", None)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.error.show_message(exc.message(self._backend.lang))
            return
        raise exc  # the application's error reporter logs it and shows the one dialog

    def _set_busy(self, key: str, text: str | None) -> None:
        self._strip.set(key, text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.report is not None and not self.loading
        working = any(key != "load" for key in self._strip.jobs)
        self.edit_plan_button.setEnabled(self.unit_id is not None)
        self.print_plan_button.setEnabled(self.plan is not None and not working)
        for button in (self.print_report_button, self.export_report_button):
            button.setEnabled(ready and not working)
        for button in (self.print_check_button, self.export_check_button):
            button.setEnabled(self.check is not None and not self.loading and not working)

    def _on_period_changed(self, *_: Any) -> None:
        if self.activated:
            self.load_plan()
            self.load_report()

    def _on_changed(self, what: str) -> None:
        if what not in RELOAD_ON:
            return
        self.refresh_summary()
        if not self.activated:
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

    def _show_plan(self) -> None:
        plan, year = self.plan, self.year.value()
        values = self.plan_values
        if plan is None:
            self.plan_title.setText(self.tr("No plan for {year} yet").format(year=year))
            self.plan_hint.setText(
                self.tr(
                    "Write the year's plan: the people to admit, the share of Youth Union "
                    "members, the classes and the deadlines. The reports are measured against it."
                )
            )
            self.plan_hint.setVisible(True)
            self.plan_box.setVisible(False)
            self.edit_plan_button.setText(self.tr("&Write the plan…"))
            self._update_buttons()
            return
        self.plan_title.setText(
            self.tr("Plan for developing new members, {year} — {unit}").format(
                year=year, unit=plan.unit_name
            )
        )
        self.plan_hint.setVisible(False)
        self.plan_box.setVisible(True)
        self.edit_plan_button.setText(self.tr("Edit the pla&n…"))
        values["admit"].setText(self.tr("{count} people").format(count=plan.admit_target))
        values["youth_union"].setText(
            self.tr("{share}% ({count} people)").format(
                share=plan.youth_union_share, count=plan.youth_union_admit
            )
        )
        values["awareness"].setText(
            self._classes_text(
                plan.awareness_classes_min,
                plan.awareness_classes_max,
                plan.awareness_trainees_target,
            )
        )
        values["new_member"].setText(
            self._classes_text(
                plan.new_member_classes_min,
                plan.new_member_classes_max,
                plan.new_member_trainees_target,
            )
        )
        values["review"].setText(
            self.tr("every month") if plan.review_cadence == "monthly" else self.tr("every quarter")
        )
        for key in ("base_plans_due", "half_year_report_due", "year_report_due"):
            day = getattr(plan, key)
            values[key].setText(format_date(day) if day else self.tr("not set"))
        units = "; ".join(f"{t.unit_name}: {t.admit_target}" for t in plan.targets)
        values["units"].setText(units)
        self._plan_form.setRowVisible(values["units"], bool(plan.targets))
        self._update_buttons()

    def _classes_text(self, low: int, high: int, people: int) -> str:
        if not high:
            classes = self.tr("no number set")
        elif low == high:
            classes = self.tr("%n class(es)", "", high)
        else:
            classes = self.tr("{low}–{high} classes").format(low=low, high=high)
        if people:
            classes += "; " + self.tr("%n person(s) to send", "", people)
        return classes

    def _show_report(self) -> None:
        view = self.report
        if view is None:
            return
        f, lang = view.figures, self._backend.lang
        year = view.year
        if view.kind == HALF_YEAR:
            title = self.tr("First six months of {year}: developing new members")
        else:
            title = self.tr("The year {year}: developing new members")
        self.report_title.setText(title.format(year=year) + f" — {view.unit_name}")
        subtitle = self.tr("From {start} to {end}. Stages, findings and deadlines as of {day}.")
        subtitle = subtitle.format(
            start=format_date(view.period.start),
            end=format_date(view.period.end),
            day=format_date(view.as_of),
        )
        if not f.target:
            subtitle += " " + self.tr("No plan for {year}: no target to measure against.").format(
                year=year
            )
        self.report_subtitle.setText(subtitle)

        v = self.figure_values
        if f.target:
            v["admitted"].setText(
                self.tr("{admitted} of a target of {target} ({percent})").format(
                    admitted=f.admitted, target=f.target, percent=percent(f.achieved or 0, lang)
                )
            )
        else:
            v["admitted"].setText(str(f.admitted))
        youth = self._count_share(f.youth_union, f.youth_union_share)
        share_target = view.plan.youth_union_share if view.plan else 0
        if share_target:
            youth += " — " + self.tr("target {share}% ({count})").format(
                share=share_target, count=f.youth_union_target
            )
        v["youth_union"].setText(youth)
        v["recognised"].setText(str(f.recognised))
        v["struck_off"].setText(str(f.struck_off))
        v["sympathisers"].setText(
            self.tr("{added} added, {removed} removed").format(
                added=f.sympathisers_added, removed=f.sympathisers_removed
            )
        )
        target_plan = view.plan
        for key, summary in (("awareness", f.awareness), ("new_member", f.new_member)):
            text = self.tr("{held} held; {passed} of {enrolled} passed").format(
                held=summary.held, passed=summary.passed, enrolled=summary.enrolled
            )
            if target_plan is not None:
                low = getattr(target_plan, f"{key}_classes_min")
                high = getattr(target_plan, f"{key}_classes_max")
                if high:
                    planned = f"{low}–{high}" if low != high else str(high)
                    text += " — " + self.tr("plan {classes}").format(classes=planned)
            v[key].setText(text)
        v["women"].setText(self._count_share(f.women, f.women_share))
        v["ethnic_minority"].setText(self._count_share(f.ethnic_minority, f.ethnic_minority_share))
        v["aged_18_30"].setText(self._count_share(f.aged_18_30, f.aged_18_30_share))

        today = self._backend.today()
        through = 12 if year < today.year else (today.month if year == today.year else 0)
        if view.kind == HALF_YEAR:
            through = min(through, 6)
        self.progress_chart.set_data(
            f.admitted_by_month,
            f.target,
            self.tr("Admitted so far, month by month"),
            None,
            through,
        )
        self.pipeline_chart.set_data(
            [(s.label, s.count) for s in view.stages], self.tr("People at each stage today")
        )
        self.pipeline_chart.setMinimumHeight(self.pipeline_chart.sizeHint().height())
        titles = {
            "youth_union": self.tr("Youth Union membership"),
            "sex": self.tr("Sex"),
            "age_group": self.tr("Age at admission"),
            "ethnicity": self.tr("Ethnicity"),
            "religion": self.tr("Religion"),
            "education": self.tr("General education"),
            "occupation": self.tr("Occupation"),
        }
        for key, field_name in BREAKDOWNS:
            chart = self.breakdown_charts[key]
            chart.set_data(getattr(f, field_name), titles[key])
            chart.setMinimumHeight(chart.sizeHint().height())
            chart.setVisible(bool(f.admitted))
        self.nobody_label.setVisible(not f.admitted)

        shown_units = self.office or len(f.per_unit) > 1
        self.units_box.setVisible(shown_units)
        self.units_model.set_figures(list(f.per_unit), view.unit_names)
        self._fit_height(self.units_view)

        p = view.procedure
        self.procedure_line.setText(
            self.tr(
                "Procedure check: {errors} error(s) and {warnings} warning(s) "
                "for {people} person(s); {overdue} overdue deadline(s)."
            ).format(
                errors=p.errors,
                warnings=p.warnings,
                people=p.people_with_findings,
                overdue=p.overdue_total,
            )
        )
        self._update_buttons()

    def _arrange_headline(self, pairs: int) -> None:
        """The headline figures in one or two columns of (caption, value)."""
        if pairs == self._headline_columns:
            return
        self._headline_columns = pairs
        grid = self._headline_grid
        for caption, value in self._headline:
            grid.removeWidget(caption)
            grid.removeWidget(value)
        per_column = -(-len(self._headline) // pairs)
        for index, (caption, value) in enumerate(self._headline):
            row, pair = index % per_column, index // per_column
            grid.addWidget(caption, row, 2 * pair)
            grid.addWidget(value, row, 2 * pair + 1)
        for column in range(4):
            grid.setColumnStretch(column, 1 if column % 2 and column // 2 < pairs else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Two columns of figures need room; on a narrow window one column reads better.
        wide = self.width() >= 70 * self.fontMetrics().averageCharWidth() * 2
        self._arrange_headline(2 if wide else 1)

    def _count_share(self, count: int, share: float) -> str:
        if not self.report or not self.report.figures.admitted:
            return str(count)
        return f"{count} ({percent(share, self._backend.lang)})"

    def _fit_height(self, view: QTableView) -> None:
        """As tall as its rows: inside the scrolling page, a table does not scroll itself."""
        rows = view.model().rowCount()
        height = view.horizontalHeader().sizeHint().height()
        height += max(rows, 1) * view.verticalHeader().defaultSectionSize()
        scroll = view.horizontalScrollBar().sizeHint().height()
        view.setFixedHeight(height + 2 * view.frameWidth() + scroll + 2)

    def _show_check(self) -> None:
        check = self.check
        if check is None:
            return
        self.model.set_rows(check.items)
        self.check_period.setText(
            self.tr("From {start} to {end}, as of {day}: {unit} and the units below it.").format(
                start=format_date(check.start),
                end=format_date(check.end),
                day=format_date(check.as_of),
                unit=check.unit_name,
            )
        )
        self.check_empty.setVisible(not check.items)
        self._update_count()
        self._update_buttons()

    def _on_filter(self, *_: Any) -> None:
        self.proxy.set_search(self.search.text())
        wanted = self.kind_filter.currentData()
        self.proxy.set_predicate("kind", (lambda row: item_kind(row) == wanted) if wanted else None)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if shown == total:
            self.check_count.setText(self.tr("%n line(s)", "", total))
        else:
            self.check_count.setText(
                self.tr("{shown} of {total} lines").format(shown=shown, total=total)
            )

    def _focus_list(self) -> None:
        self.view.setFocus()
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def _on_activated(self, index: Any) -> None:
        row = self.proxy.row_at(index)
        if row is not None:
            self.person_requested.emit(row.person_id)

    # --- the plan --------------------------------------------------------------------------

    def edit_plan(self) -> None:
        if self.unit_id is None:
            return
        dialog = PlanDialog(
            self._backend, self.unit_id, self.year.value(), self.plan, self.office, self
        )
        try:
            accepted = self.run_dialog(dialog) == QDialog.DialogCode.Accepted
            saved = dialog.saved
        finally:
            dialog.deleteLater()
        if not accepted or saved is None:
            return
        self.plan = saved
        self._show_plan()
        self.message.setText(self.tr("The plan for {year} is saved.").format(year=saved.year))
        self._bus.announce(changes.PLANS)  # the office's targets per unit may have changed
        if self.activated:
            self.load_report()  # measured against the new targets

    # --- printing and exporting ------------------------------------------------------------

    def _ask_print_options(self, title: str) -> tuple[date, bool] | None:
        dialog = PrintOptionsDialog(title, self._backend.today(), parent=self)
        try:
            if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return None
            return dialog.chosen
        finally:
            dialog.deleteLater()

    def _open_preview(self, pdf: bytes, title: str, file_name: str) -> None:
        preview = PdfPreviewDialog(pdf, title, file_name, self)
        try:
            self.run_dialog(preview)
        finally:
            preview.pages.close()
            preview.deleteLater()

    def _job(
        self, key: str, busy: str, work: Callable[[], Any], done: Callable[[Any], None]
    ) -> None:
        """Run `work` on the thread pool, the tab busy meanwhile; `done` gets its result."""
        self.error.show_message("")
        self._set_busy(key, busy)

        def on_done(_: int, result: Any) -> None:
            self._set_busy(key, None)
            done(result)

        def on_failed(_: int, exc: BaseException) -> None:
            self._set_busy(key, None)
            self._failed(exc)

        self._tasks.start(Task(work, 0), on_done, on_failed)

    def _margins(self) -> Any:
        return to_margins(print_settings.print_settings(self._backend.db).margins)

    def print_plan(self) -> None:
        if self.plan is None or self.unit_id is None:
            return
        year = self.year.value()
        title = self.tr("Plan for developing new members, {year}").format(year=year)
        options = self.ask_print_options(title)
        if options is None:
            return
        on, numbered = options
        db, unit_id, actor = self._backend.db, self.unit_id, self._actor

        def work() -> bytes:
            return reports.print_plan(
                db,
                unit_id,
                year,
                on,
                register_number=numbered,
                actor=actor,
                margins=self._margins(),
            )

        def done(pdf: bytes) -> None:
            if numbered:
                self.load_plan()
            self.open_preview(pdf, title, f"KH_phat_trien_dang_vien_{year}.pdf")

        self._job("print", self.tr("Making the document…"), work, done)

    def print_report(self) -> None:
        if self.unit_id is None:
            return
        kind, year = self.kind(), self.year.value()
        title = self.report_title.text() or str(year)
        options = self.ask_print_options(title)
        if options is None:
            return
        on, numbered = options
        db, unit_id, actor = self._backend.db, self.unit_id, self._actor

        def work() -> bytes:
            return reports.print_report(
                db,
                kind,
                year,
                on,
                unit_id=unit_id,
                register_number=numbered,
                actor=actor,
                margins=self._margins(),
            )

        name = "BC_so_ket_6_thang" if kind == HALF_YEAR else "BC_tong_ket_nam"
        self._job(
            "print",
            self.tr("Making the document…"),
            work,
            lambda pdf: self.open_preview(pdf, title, f"{name}_{year}.pdf"),
        )

    def print_check(self) -> None:
        if self.unit_id is None:
            return
        period = self.current_period()
        title = self.tr("Procedure check {start} – {end}").format(
            start=format_date(period.start), end=format_date(period.end)
        )
        options = self.ask_print_options(title)
        if options is None:
            return
        on, numbered = options
        db, unit_id, actor = self._backend.db, self.unit_id, self._actor

        def work() -> bytes:
            return reports.print_procedure_check(
                db,
                period.start,
                period.end,
                on,
                unit_id=unit_id,
                register_number=numbered,
                actor=actor,
                margins=self._margins(),
            )

        self._job(
            "print",
            self.tr("Making the document…"),
            work,
            lambda pdf: self.open_preview(pdf, title, f"BC_kiem_tra_thu_tuc_{period.year}.pdf"),
        )

    def _save_path(self, caption: str, name: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self,
            caption,
            str(Path(folder or Path.home()) / name),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not path:
            return None
        chosen = Path(path)
        return (
            chosen if chosen.suffix.lower() == ".xlsx" else chosen.with_name(chosen.name + ".xlsx")
        )

    def _saved(self, path: Path) -> None:
        self.message.setText(self.tr("Saved to {path}").format(path=str(path)))
        self.message.setToolTip(str(path))

    def export_report(self) -> None:
        if self.unit_id is None:
            return
        kind, year = self.kind(), self.year.value()
        name = "so_ket_6_thang" if kind == HALF_YEAR else "tong_ket_nam"
        path = self._save_path(self.tr("Export the report"), f"bao_cao_{name}_{year}.xlsx")
        if path is None:
            return
        db, unit_id = self._backend.db, self.unit_id
        self._job(
            "export",
            self.tr("Writing the workbook…"),
            lambda: reports.export_report(db, kind, year, path, unit_id=unit_id),
            self._saved,
        )

    def export_check(self) -> None:
        if self.unit_id is None:
            return
        period = self.current_period()
        path = self._save_path(
            self.tr("Export the procedure check"), f"kiem_tra_thu_tuc_{period.year}.xlsx"
        )
        if path is None:
            return
        db, unit_id = self._backend.db, self.unit_id
        self._job(
            "export",
            self.tr("Writing the workbook…"),
            lambda: reports.export_procedure_check(
                db, period.start, period.end, path, unit_id=unit_id
            ),
            self._saved,
        )

    # --- state -----------------------------------------------------------------------------

    def save_state(self, settings: QSettings) -> None:
        save_header(self.view, settings, self.TABLE_NAME)
        save_header(self.units_view, settings, self.UNITS_TABLE_NAME)

    def shutdown(self) -> None:
        self._generation += 1
        self._tasks.wait_all()

    @property
    def busy(self) -> bool:
        """Work is running on the thread pool (loading, printing or exporting)."""
        return bool(self._tasks)
