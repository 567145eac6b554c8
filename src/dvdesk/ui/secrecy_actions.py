"""The office's ruling that a dossier is secret (Mật), from a person's row menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from dvdesk.domain.accounts import Permission
from dvdesk.services import classification
from dvdesk.services.errors import UserError
from dvdesk.ui import bus as changes
from dvdesk.ui.permissions import offer_only_if

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus


class SecrecyActions(QObject):
    """`ask_text(title, label)` is what tests replace (None: cancelled)."""

    def __init__(self, backend: Backend, bus: Bus, parent: QWidget, actor: str) -> None:
        super().__init__(parent)
        self._backend = backend
        self._bus = bus
        self._actor = actor
        self.ask_text: Callable[[str, str], str | None] = self._ask_text

    def action_for(self, person_id: str, parent: QObject) -> QAction:
        if classification.is_secret(self._backend.db, person_id):
            action = QAction(self.tr("Lift the secrecy ruling (Mật)…"), parent)
            action.triggered.connect(lambda _checked=False: self.lift(person_id))
        else:
            action = QAction(self.tr("Rule the dossier secret (Mật)…"), parent)
            action.triggered.connect(lambda _checked=False: self.rule(person_id))
        action.setObjectName("secrecy_action")
        offer_only_if(self._backend, Permission.EDIT, action)
        return action

    def rule(self, person_id: str) -> bool:
        basis = self.ask_text(
            self.tr("Rule the dossier secret"),
            self.tr("The basis of the ruling (the document's number and date):"),
        )
        if basis is None:
            return False
        return self._do(
            lambda: classification.classify(
                self._backend.db,
                person_id,
                self._backend.today(),
                basis,
                self._actor,
                shown=True,  # offered as not secret: another desk may have ruled since
            )
        )

    def lift(self, person_id: str) -> bool:
        reason = self.ask_text(self.tr("Lift the secrecy ruling"), self.tr("Why:"))
        if reason is None:
            return False
        return self._do(
            lambda: classification.declassify(self._backend.db, person_id, reason, self._actor)
        )

    def _do(self, act: Callable[[], object]) -> bool:
        try:
            act()
        except UserError as exc:
            parent = self.parent()
            QMessageBox.warning(
                parent if isinstance(parent, QWidget) else None,
                self.tr("Secret dossier"),
                exc.message(self._backend.lang),
            )
            return False
        self._bus.announce(changes.PEOPLE)
        return True

    def _ask_text(self, title: str, label: str) -> str | None:
        parent = self.parent()
        text, ok = QInputDialog.getText(
            parent if isinstance(parent, QWidget) else None, title, label
        )
        return text if ok else None
