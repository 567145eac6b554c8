"""Page margins and the names printed on documents: the committee, its superior, who signs,
and this unit's own place, symbol and secretary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.dossier import MarginsMM
from dvdesk.services import print_settings
from dvdesk.services.concurrency import ChangedMeanwhile
from dvdesk.services.errors import UserError
from dvdesk.services.print_settings import MARGIN_RANGE, PrintPage, PrintSettings, UnitPrintInfo
from dvdesk.ui import changed_meanwhile
from dvdesk.ui.person_dialog import ErrorLabel, current_actor

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend

SIGNS_AS = ("T/M BAN THƯỜNG VỤ", "T/M ĐẢNG ỦY")


class PrintSettingsDialog(QDialog):
    def __init__(
        self, backend: Backend, parent: QWidget | None = None, actor: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("print_settings_dialog")
        self.setWindowTitle(self.tr("Print settings"))
        self._backend = backend
        self._actor = actor or current_actor()
        self.saved = False
        # As opened: a save checks no other desk saved these since (ChangedMeanwhile).
        self.started = print_settings.print_page(backend.db)
        current = self.started.settings
        self._unit: UnitPrintInfo | None = self.started.unit
        self.form_error = ErrorLabel(self)

        committee = QGroupBox(self.tr("The committee above the chi bộ"), self)
        form = QFormLayout(committee)
        self.committee_name = QLineEdit(current.committee_name, self)
        self.committee_name.setObjectName("committee_name")
        form.addRow(self.tr("Committee &name:"), self.committee_name)
        self.committee_superior = QLineEdit(current.committee_superior, self)
        form.addRow(self.tr("Printed &above it:"), self.committee_superior)
        self.committee_symbol = QLineEdit(current.committee_symbol, self)
        form.addRow(self.tr("&Symbol (Số 01-QĐ/…):"), self.committee_symbol)
        self.committee_secretary = QLineEdit(current.committee_secretary, self)
        form.addRow(self.tr("Se&cretary who signs:"), self.committee_secretary)
        self.signs_as = QComboBox(self)
        self.signs_as.setEditable(True)
        self.signs_as.addItems(SIGNS_AS)
        self.signs_as.setCurrentText(current.committee_signs_as)
        form.addRow(self.tr("Signs decisions &as:"), self.signs_as)
        self.place = QLineEdit(current.place, self)
        self.place.setObjectName("place")
        form.addRow(self.tr("&Place on the date line:"), self.place)

        own = QGroupBox(self.tr("This unit"), self)
        own_form = QFormLayout(own)
        self.unit_place = QLineEdit(self._unit.place if self._unit else "", self)
        self.unit_symbol = QLineEdit(self._unit.symbol if self._unit else "", self)
        self.unit_symbol.setObjectName("unit_symbol")
        self.unit_symbol_error = ErrorLabel(self)
        self.unit_secretary = QLineEdit(self._unit.secretary_name if self._unit else "", self)
        own_form.addRow(self.tr("Unit:"), QLabel(self._unit.name if self._unit else "—", self))
        own_form.addRow(self.tr("P&lace:"), self.unit_place)
        own_form.addRow(self.tr("S&ymbol (Số 01-NQ/…):"), self.unit_symbol)
        own_form.addRow("", self.unit_symbol_error)
        own_form.addRow(self.tr("Secretary who si&gns:"), self.unit_secretary)
        own.setEnabled(self._unit is not None)

        margins = QGroupBox(self.tr("Page margins (mm)"), self)
        grid = QGridLayout(margins)
        self.margins: dict[str, QDoubleSpinBox] = {}
        labels = {
            "top": self.tr("Top"),
            "bottom": self.tr("Bottom"),
            "left": self.tr("Left"),
            "right": self.tr("Right"),
        }
        for i, side in enumerate(("top", "bottom", "left", "right")):
            box = QDoubleSpinBox(self)
            box.setObjectName(f"margin_{side}")
            box.setRange(*MARGIN_RANGE)
            box.setDecimals(1)
            box.setValue(getattr(current.margins, side))
            self.margins[side] = box
            grid.addWidget(QLabel(labels[side], self), i // 2, (i % 2) * 2)
            grid.addWidget(box, i // 2, (i % 2) * 2 + 1)
        note = QLabel(
            self.tr(
                "36-HD/VPTW sources differ on margins; use the values of your own copy of the "
                "guidance."
            ),
            self,
        )
        note.setWordWrap(True)
        grid.addWidget(note, 2, 0, 1, 4)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_error)
        layout.addWidget(committee)
        layout.addWidget(own)
        layout.addWidget(margins)
        layout.addWidget(buttons)

    def settings(self) -> PrintSettings:
        return PrintSettings(
            margins=MarginsMM(**{side: box.value() for side, box in self.margins.items()}),
            place=self.place.text(),
            committee_name=self.committee_name.text(),
            committee_symbol=self.committee_symbol.text(),
            committee_superior=self.committee_superior.text(),
            committee_secretary=self.committee_secretary.text(),
            committee_signs_as=self.signs_as.currentText(),
        )

    def page(self) -> PrintPage:
        """What the form holds: the settings, and this unit's print details if it has a unit."""
        unit = None
        if self._unit is not None:
            unit = UnitPrintInfo(
                self._unit.unit_id,
                self._unit.name,
                self.unit_place.text(),
                self.unit_symbol.text(),
                self.unit_secretary.text(),
            )
        return PrintPage(self.settings(), unit)

    def save(self) -> None:
        self.unit_symbol_error.show_message("")
        self.form_error.show_message("")
        try:
            print_settings.save_print_page(self._backend.db, self.page(), self._actor, self.started)
        except ChangedMeanwhile as exc:
            self._changed_meanwhile(exc)
            return
        except UserError as exc:
            message = exc.message(self._backend.lang)
            if exc.field == "symbol":
                self.unit_symbol_error.show_message(message)
                self.unit_symbol.setFocus(Qt.FocusReason.OtherFocusReason)
            self.form_error.show_message(self.tr("Not saved: {message}").format(message=message))
            return
        self.saved = True
        self.accept()

    def _changed_meanwhile(self, exc: ChangedMeanwhile) -> None:
        """Another desk saved print settings after the form opened: say what changed, and
        save over it only if the user says so (from the settings as they are now)."""
        message = exc.message(self._backend.lang)
        self.form_error.show_message(message)
        if self.ask_overwrite(message):
            self.started = exc.current
            self.save()

    def ask_overwrite(self, message: str) -> bool:
        """Whether to save over the other desk's change (tests answer instead of a person)."""
        return changed_meanwhile.ask_overwrite(self, message)
