"""Write or change the year's plan for developing new members (kế hoạch phát triển đảng viên).

Three pages: the targets (people to admit, the Youth Union share, classes, reviews, deadlines),
the plan's text (purpose, measures, organisation), and, for the office, the share of the target
given to each unit below, which "Share out" fills in proportion to the people each unit could
still admit (its pool; each share can still be changed before saving). "Fill in the founding
bloc plan" puts the bloc's founding plan in the form (200 admissions, 70% Youth Union, 3–4 and
2–3 classes, monthly review, base plans due 5 March). A mistake shows under its field, on its
page, and nothing is saved.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.dates import format_date, parse_date
from dvdesk.services import plans
from dvdesk.services.concurrency import ChangedMeanwhile
from dvdesk.services.errors import UserError
from dvdesk.services.plans import PlanInput, PlanView, UnitTarget
from dvdesk.services.targets import proposed_shares
from dvdesk.ui import changed_meanwhile
from dvdesk.ui.person_dialog import ErrorLabel, current_actor

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend

PAGE_TARGETS, PAGE_TEXT, PAGE_UNITS = range(3)
MAX_PEOPLE = 100_000
DATE_FIELDS = ("base_plans_due", "half_year_report_due", "year_report_due")


class PlanDialog(QDialog):
    """`saved` holds the PlanView once saved."""

    def __init__(
        self,
        backend: Backend,
        unit_id: str,
        year: int,
        existing: PlanView | None = None,
        office: bool = False,
        parent: QWidget | None = None,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("plan_dialog")
        self._backend = backend
        self._unit_id = unit_id
        self._year = year
        self._actor = actor or current_actor()
        self.saved: PlanView | None = None
        self.setWindowTitle(
            self.tr("Plan for developing new members, {year}").format(year=year)
            if existing is None
            else self.tr("Edit the plan for {year}").format(year=year)
        )
        self.setSizeGripEnabled(True)
        self.errors: dict[str, ErrorLabel] = {}
        self.field_widgets: dict[str, QWidget] = {}
        self.field_pages: dict[str, int] = {}

        self.form_error = ErrorLabel(self)
        self.form_error.setObjectName("form_error")
        self.founding_button = QPushButton(self.tr("Fill in the &founding bloc plan"), self)
        self.founding_button.setObjectName("founding_button")
        self.founding_button.setToolTip(
            self.tr(
                "200 admissions, 70% of them Youth Union members, 3–4 awareness classes and "
                "2–3 new-member classes, a review every month, base plans due 5 March"
            )
        )
        self.founding_button.clicked.connect(self.fill_founding)
        top = QHBoxLayout()
        top.addWidget(self.founding_button)
        top.addStretch(1)

        self.pages = QTabWidget(self)
        self.pages.setObjectName("plan_pages")
        self.pages.addTab(self._targets_page(), self.tr("Targets and deadlines"))
        self.pages.addTab(self._text_page(), self.tr("Text of the plan"))
        self.units = plans.units_below(backend.db, unit_id) if office else []
        self.unit_spins: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        if self.units:
            self.pages.addTab(self._units_page(), self.tr("Targets per unit"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("save_button")
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.form_error)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        # As opened (the plan as stored now, or a blank one): a save checks no other desk
        # saved this plan since (ChangedMeanwhile).
        self.started = plans.plan_input(backend.db, unit_id, year)
        self.load(self.started)
        char, line = self.fontMetrics().averageCharWidth(), self.fontMetrics().height()
        self.resize(
            max(char * 90, self.sizeHint().width()), min(self.sizeHint().height(), 34 * line)
        )
        self.admit_target.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building --------------------------------------------------------------------------

    def _cell(self, key: str, editor: QWidget, page: int, parent: QWidget) -> QWidget:
        """The editor with its error label under it."""
        cell = QWidget(parent)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        editor.setParent(cell)
        column.addWidget(editor)
        error = ErrorLabel(cell)
        error.setObjectName(f"{key}_error")
        column.addWidget(error)
        self.errors[key] = error
        self.field_widgets[key] = editor
        self.field_pages[key] = page
        return cell

    def _add(
        self, form: QFormLayout, key: str, text: str, editor: QWidget, page: int, parent: QWidget
    ) -> None:
        editor.setObjectName(key)
        cell = self._cell(key, editor, page, parent)
        label = QLabel(text, parent)
        label.setBuddy(editor)
        form.addRow(label, cell)

    def _spin(self, high: int = MAX_PEOPLE, suffix: str = "") -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, high)
        spin.setSuffix(suffix)
        spin.setAccelerated(True)
        spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000000") + 40)
        spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return spin

    def _range_row(
        self, form: QFormLayout, kind: str, text: str, page: int, parent: QWidget
    ) -> tuple[QSpinBox, QSpinBox]:
        low, high = self._spin(100), self._spin(100)
        low.setObjectName(f"{kind}_classes_min")
        high.setObjectName(f"{kind}_classes_max")
        low.setAccessibleName(self.tr("At least"))
        high.setAccessibleName(self.tr("At most"))
        box = QWidget(parent)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(low)
        row.addWidget(QLabel(self.tr("to"), box))
        row.addWidget(high)
        row.addWidget(QLabel(self.tr("classes"), box))
        row.addStretch(1)
        low.setParent(box)
        high.setParent(box)
        cell = self._cell(f"{kind}_classes_min", box, page, parent)
        self.errors[f"{kind}_classes_max"] = self.errors[f"{kind}_classes_min"]
        self.field_widgets[f"{kind}_classes_min"] = low
        self.field_widgets[f"{kind}_classes_max"] = high
        self.field_pages[f"{kind}_classes_max"] = page
        label = QLabel(text, parent)
        label.setBuddy(low)
        form.addRow(label, cell)
        return low, high

    def _date_edit(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        edit.setMaxLength(10)
        edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        return edit

    def _targets_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        # The cells grow (their errors have room); the editors keep their own width.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        p = PAGE_TARGETS
        self.admit_target = self._spin()
        self.admit_target.setSuffix(self.tr(" people"))
        self._add(form, "admit_target", self.tr("People to &admit:"), self.admit_target, p, page)
        # Up to 999, not 100: a mistyped share is told, not silently cut to 100.
        self.youth_union_share = self._spin(999, "%")
        self._add(
            form,
            "youth_union_share",
            self.tr("of them &Youth Union members:"),
            self.youth_union_share,
            p,
            page,
        )
        self.youth_union_hint = QLabel(page)
        self.youth_union_hint.setObjectName("youth_union_hint")
        form.addRow("", self.youth_union_hint)
        self.awareness_trainees_target = self._spin()
        self.awareness_trainees_target.setSpecialValueText(self.tr("not set"))
        self._add(
            form,
            "awareness_trainees_target",
            self.tr("People to send to the a&wareness class:"),
            self.awareness_trainees_target,
            p,
            page,
        )
        self.new_member_trainees_target = self._spin()
        self.new_member_trainees_target.setSpecialValueText(self.tr("not set"))
        self._add(
            form,
            "new_member_trainees_target",
            self.tr("People to send to the &new-member class:"),
            self.new_member_trainees_target,
            p,
            page,
        )
        self.awareness_classes_min, self.awareness_classes_max = self._range_row(
            form, "awareness", self.tr("Awareness &classes to hold:"), p, page
        )
        self.new_member_classes_min, self.new_member_classes_max = self._range_row(
            form, "new_member", self.tr("New-&member classes to hold:"), p, page
        )
        self.review_cadence = QComboBox()
        self.review_cadence.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.review_cadence.addItem(self.tr("every month"), "monthly")
        self.review_cadence.addItem(self.tr("every quarter"), "quarterly")
        self._add(
            form, "review_cadence", self.tr("&Review progress:"), self.review_cadence, p, page
        )
        self.date_edits: dict[str, QLineEdit] = {}
        for key, text in (
            ("base_plans_due", self.tr("Units send their own plans &by:")),
            ("half_year_report_due", self.tr("&Half-year report due:")),
            ("year_report_due", self.tr("Year report d&ue:")),
        ):
            edit = self._date_edit()
            self.date_edits[key] = edit
            self._add(form, key, text, edit, p, page)
        self.admit_target.valueChanged.connect(self._update_hints)
        self.youth_union_share.valueChanged.connect(self._update_hints)
        return page

    def _text_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        hint = QLabel(
            self.tr(
                'Each line prints as a paragraph; a line starting with "- " prints as an item.'
            ),
            page,
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.texts: dict[str, QPlainTextEdit] = {}
        for key, text in (
            ("purpose", self.tr("I. &Purpose and requirements:")),
            ("measures", self.tr("III. &Tasks and measures:")),
            ("organisation", self.tr("IV. &Organising the work:")),
        ):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(4 * edit.fontMetrics().lineSpacing())
            self.texts[key] = edit
            self._add(form, key, text, edit, PAGE_TEXT, page)
        return page

    def _units_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr("The share of the target given to each unit below (0: none given)."), page
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.share_button = QPushButton(self.tr("&Share out by each unit's pool"), page)
        self.share_button.setObjectName("share_button")
        self.share_button.setToolTip(
            self.tr(
                "Share the people to admit among the units in proportion to the people each "
                "could still admit (from the outstanding masses up to the chi bộ's vote). "
                "Check the numbers, change any you wish, then Save."
            )
        )
        self.share_button.clicked.connect(self.share_out)
        share_row = QHBoxLayout()
        share_row.addWidget(self.share_button)
        share_row.addStretch(1)
        layout.addLayout(share_row)
        self.units_table = QTableWidget(len(self.units), 3, page)
        self.units_table.setObjectName("units_table")
        self.units_table.setHorizontalHeaderLabels(
            [self.tr("Unit"), self.tr("People to admit"), self.tr("To the awareness class")]
        )
        self.units_table.verticalHeader().setVisible(False)
        self.units_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.units_table.setTabKeyNavigation(False)
        header = self.units_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, (unit_id, name) in enumerate(self.units):
            item = QTableWidgetItem(name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.units_table.setItem(row, 0, item)
            admit, aware = self._spin(), self._spin()
            admit.setAccessibleName(self.tr("People to admit: {unit}").format(unit=name))
            aware.setAccessibleName(self.tr("To the awareness class: {unit}").format(unit=name))
            admit.valueChanged.connect(self._update_hints)
            self.units_table.setCellWidget(row, 1, admit)
            self.units_table.setCellWidget(row, 2, aware)
            self.unit_spins[unit_id] = (admit, aware)
        self.units_table.setWordWrap(False)
        self.units_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.units_table.verticalHeader().setDefaultSectionSize(
            self._spin().sizeHint().height() + 4
        )
        self.units_sum = QLabel(page)
        self.units_sum.setObjectName("units_sum")
        cell = self._cell("targets", self.units_table, PAGE_UNITS, page)
        layout.addWidget(cell, 1)
        layout.addWidget(self.units_sum)
        return page

    # --- filling ---------------------------------------------------------------------------

    def load(self, plan: PlanInput) -> None:
        self.admit_target.setValue(plan.admit_target)
        self.youth_union_share.setValue(plan.youth_union_share)
        self.awareness_trainees_target.setValue(plan.awareness_trainees_target)
        self.new_member_trainees_target.setValue(plan.new_member_trainees_target)
        self.awareness_classes_min.setValue(plan.awareness_classes_min)
        self.awareness_classes_max.setValue(plan.awareness_classes_max)
        self.new_member_classes_min.setValue(plan.new_member_classes_min)
        self.new_member_classes_max.setValue(plan.new_member_classes_max)
        self.review_cadence.setCurrentIndex(
            max(self.review_cadence.findData(plan.review_cadence), 0)
        )
        for key, date_edit in self.date_edits.items():
            date_edit.setText(format_date(getattr(plan, key)))
        for key, text_edit in self.texts.items():
            text_edit.setPlainText(getattr(plan, key))
        given = {t.unit_id: t for t in plan.targets}
        for unit_id, (admit, aware) in self.unit_spins.items():
            target = given.get(unit_id)
            admit.setValue(target.admit_target if target else 0)
            aware.setValue(target.awareness_trainees_target if target else 0)
        self._update_hints()

    def fill_founding(self) -> None:
        """The bloc's founding plan in the form; units' targets are kept."""
        founding = plans.founding_plan_input(self._unit_id, self._year)
        current = self.plan_input(check_dates=False)
        targets = current.targets if current is not None else ()
        self.load(replace(founding, targets=targets))  # keep what the units were given
        self.form_error.show_message("")

    def share_out(self) -> None:
        """Fill each unit's people to admit with its share of the target, by its pool; a unit
        the share leaves out (one further down) gets none. Nothing is saved yet."""
        self.form_error.show_message("")
        self.errors["targets"].show_message("")
        total = self.admit_target.value()
        if not total:
            self.errors["targets"].show_message(
                self.tr("Write the people to admit (first page) before sharing them out.")
            )
            return
        try:
            shares = proposed_shares(self._backend.db, total)
        except UserError as exc:
            self.errors["targets"].show_message(exc.message(self._backend.lang))
            return
        for unit_id, (admit, _aware) in self.unit_spins.items():
            admit.setValue(shares.get(unit_id, 0))

    def _update_hints(self, *_: object) -> None:
        admit, share = self.admit_target.value(), self.youth_union_share.value()
        self.youth_union_hint.setText(
            self.tr("= {count} of the people admitted").format(count=-(-admit * share // 100))
            if admit and share <= 100
            else ""
        )
        self.youth_union_hint.setVisible(bool(self.youth_union_hint.text()))
        if self.unit_spins:
            given = sum(a.value() for a, _ in self.unit_spins.values())
            self.units_sum.setText(
                self.tr("Given to the units: {given} of {target} people").format(
                    given=given, target=admit
                )
            )

    # --- reading and saving ----------------------------------------------------------------

    def plan_input(self, check_dates: bool = True) -> PlanInput | None:
        """The form as a PlanInput; None (with the errors shown) when a date is unreadable."""
        days: dict[str, date | None] = {}
        ok = True
        for key, edit in self.date_edits.items():
            text = edit.text().strip()
            if not text:
                days[key] = None
                continue
            try:
                days[key] = parse_date(text)
            except ValueError:
                days[key] = None
                if check_dates:
                    self.errors[key].show_message(self.tr("Not a date: write it as dd/mm/yyyy."))
                    ok = False
        if not ok:
            return None
        return PlanInput(
            unit_id=self._unit_id,
            year=self._year,
            admit_target=self.admit_target.value(),
            youth_union_share=self.youth_union_share.value(),
            awareness_trainees_target=self.awareness_trainees_target.value(),
            new_member_trainees_target=self.new_member_trainees_target.value(),
            awareness_classes_min=self.awareness_classes_min.value(),
            awareness_classes_max=self.awareness_classes_max.value(),
            new_member_classes_min=self.new_member_classes_min.value(),
            new_member_classes_max=self.new_member_classes_max.value(),
            review_cadence=str(self.review_cadence.currentData()),
            base_plans_due=days["base_plans_due"],
            half_year_report_due=days["half_year_report_due"],
            year_report_due=days["year_report_due"],
            purpose=self.texts["purpose"].toPlainText(),
            measures=self.texts["measures"].toPlainText(),
            organisation=self.texts["organisation"].toPlainText(),
            targets=tuple(
                UnitTarget(unit_id, admit.value(), aware.value())
                for unit_id, (admit, aware) in self.unit_spins.items()
                if admit.value() or aware.value()
            ),
        )

    def error_messages(self) -> dict[str, str]:
        seen: set[int] = set()
        out = {}
        for key, label in self.errors.items():
            if id(label) in seen or not label.message():
                continue
            seen.add(id(label))
            out[key] = label.message()
        return out

    def _show_field(self, key: str) -> None:
        self.pages.setCurrentIndex(self.field_pages.get(key, PAGE_TARGETS))
        self.field_widgets[key].setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        for error in self.errors.values():
            error.show_message("")
        self.form_error.show_message("")
        data = self.plan_input()
        if data is None:
            self.form_error.show_message(self.tr("Not saved: correct the fields marked below."))
            first = next(k for k in self.date_edits if self.errors[k].message())
            self._show_field(first)
            return
        try:
            self.saved = plans.save_plan(self._backend.db, data, self._actor, self.started)
        except ChangedMeanwhile as exc:
            self._changed_meanwhile(exc)
            return
        except UserError as exc:
            message = exc.message(self._backend.lang)
            if exc.field in self.errors:
                self.errors[exc.field].show_message(message)
                self._show_field(exc.field)
            self.form_error.show_message(self.tr("Not saved: {message}").format(message=message))
            return
        self.accept()

    def _changed_meanwhile(self, exc: ChangedMeanwhile) -> None:
        """Another desk saved this plan after the form opened: say what changed, and save
        over it only if the user says so (from the plan as it is now)."""
        message = exc.message(self._backend.lang)
        self.form_error.show_message(message)
        if self.ask_overwrite(message):
            self.started = exc.current
            self.save()

    def ask_overwrite(self, message: str) -> bool:
        """Whether to save over the other desk's change (tests answer instead of a person)."""
        return changed_meanwhile.ask_overwrite(self, message)
