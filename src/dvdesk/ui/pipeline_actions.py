"""The pipeline actions of a person, as QActions: each opens its dialog, records the act, keeps
its undo token, and announces the change. Ctrl+Z (`undo_action`) undoes the last act of this run.

Wiring (e.g. in the candidates tab):

    self.pipeline = PipelineActions(backend, bus, actor, parent=self)
    window.edit_menu.addAction(self.pipeline.undo_action)      # Ctrl+Z, window-wide
    menu = self.pipeline.menu_for(row.id, row.stage)            # context menu of a row
    menu.exec(self.view.viewport().mapToGlobal(pos))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from dvdesk.domain.accounts import Permission
from dvdesk.services.actions import (
    ActionKind,
    ActionResult,
    UndoResult,
    UndoStack,
    action_label,
    available_actions,
)
from dvdesk.services.errors import UserError
from dvdesk.ui import bus as changes
from dvdesk.ui.action_dialog import ActionDialog
from dvdesk.ui.permissions import offer_only_if
from dvdesk.ui.person_dialog import current_actor

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus

UNDO_LIMIT = 50


class PipelineActions(QObject):
    """One per window. `performed` carries the ActionResult, `undone` the UndoResult, `message`
    a sentence for the status bar."""

    performed = Signal(object)
    undone = Signal(object)
    message = Signal(str)

    def __init__(
        self,
        backend: Backend,
        bus: Bus,
        actor: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._bus = bus
        self._actor = actor or current_actor()
        self._parent = parent
        self.undo_stack = UndoStack(UNDO_LIMIT)
        self.dialog: ActionDialog | None = None  # the dialog open now, if any
        self.undo_action = QAction(self.tr("&Undo"), parent or self)
        self.undo_action.setObjectName("undo_action")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.undo_action.triggered.connect(self.undo_last)
        if parent is not None:
            parent.addAction(self.undo_action)
        offer_only_if(backend, Permission.EDIT, self.undo_action)
        self._sync_undo()

    # --- offering the actions ----------------------------------------------------------------

    def actions_for(
        self, person_id: str, stage: str, parent: QObject | None = None
    ) -> list[QAction]:
        """One QAction per action the stage allows; triggering it opens the dialog."""
        out = []
        for kind in available_actions(stage):
            action = QAction(action_label(kind, self._backend.lang) + "…", parent or self)
            action.setObjectName(f"action_{kind.value}")
            action.setData(kind.value)
            action.triggered.connect(lambda _checked=False, kind=kind: self.start(person_id, kind))
            out.append(action)
        return out

    def menu_for(self, person_id: str, stage: str, parent: QWidget | None = None) -> QMenu:
        """A menu of the stage's actions, then Undo; empty stages say so (disabled line)."""
        menu = QMenu(self.tr("Pipeline &actions"), parent or self._parent)
        menu.setObjectName("pipeline_menu")
        actions = self.actions_for(person_id, stage, menu)
        for action in actions:
            menu.addAction(action)
        if not actions:
            none = menu.addAction(self.tr("No action at this stage"))
            none.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.undo_action)
        offer_only_if(self._backend, Permission.EDIT, *menu.actions())
        return menu

    # --- running one -----------------------------------------------------------------------

    def make_dialog(self, person_id: str, kind: ActionKind) -> ActionDialog:
        return ActionDialog(self._backend, person_id, kind, self._parent, self._actor)

    def start(self, person_id: str, kind: ActionKind) -> ActionDialog:
        """Open the dialog window-modally without blocking; the act is kept when it is saved."""
        dialog = self.make_dialog(person_id, kind)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._finished(dialog))
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: ActionDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _finished(self, dialog: ActionDialog) -> None:
        result = dialog.recorded
        if result is not None:
            self.record(result)

    def record(self, result: ActionResult) -> None:
        """Keep the undo token of an act just recorded, and announce it."""
        self.undo_stack.push(result.token)
        self._sync_undo()
        self._announce(result.token.created)
        self.message.emit(
            self.tr("Recorded: {action}. Stage now: {stage}.").format(
                action=result.token.label(self._backend.lang), stage=result.stage_label
            )
        )
        self.performed.emit(result)

    # --- undo ------------------------------------------------------------------------------

    def undo_last(self) -> UndoResult | None:
        """Ctrl+Z: undo the newest act of this run. A refusal (the file changed since) is
        explained in a message box and the act stays on the stack."""
        token = self.undo_stack.peek()
        if token is None:
            return None
        try:
            result = self.undo_stack.undo(self._backend.db, self._actor, self._backend.lang)
        except UserError as exc:
            self.show_refusal(exc.message(self._backend.lang))
            return None
        self._sync_undo()
        self._announce(token.created)
        if result is not None:
            self.message.emit(
                self.tr("Undone: {action}. Stage now: {stage}.").format(
                    action=token.label(self._backend.lang), stage=result.stage_label
                )
            )
            self.undone.emit(result)
        return result

    def show_refusal(self, text: str) -> None:
        QMessageBox.warning(self._parent, self.tr("Cannot undo"), text)

    def _sync_undo(self) -> None:
        token = self.undo_stack.peek()
        if token is None:
            self.undo_action.setText(self.tr("&Undo"))
            self.undo_action.setEnabled(False)
            self.undo_action.setToolTip(self.tr("Nothing to undo"))
            return
        label = token.label(self._backend.lang)
        self.undo_action.setText(self.tr("&Undo: {action}").format(action=label))
        self.undo_action.setToolTip(self.tr("Undo: {action} (Ctrl+Z)").format(action=label))
        self.undo_action.setEnabled(True)

    def _announce(self, created: tuple[tuple[str, str], ...]) -> None:
        self._bus.announce(changes.PEOPLE)
        if any(entity == "assignment" for entity, _ in created):
            self._bus.announce(changes.MEMBERS)  # helpers and introducers show there
        if any(entity == "certificate" for entity, _ in created):
            self._bus.announce(changes.CLASSES)
