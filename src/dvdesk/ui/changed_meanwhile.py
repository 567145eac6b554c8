"""The question every edit form asks when another desk saved the same record after the form
opened it (services.concurrency.ChangedMeanwhile): save over the other desk's change, or keep
editing. The message names each changed field, as it was and as it is now."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_overwrite(parent: QWidget | None, message: str) -> bool:
    """Whether to save over the other desk's change; "Keep editing" is the safe answer."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ChangedMeanwhile", "Changed meanwhile"),
        message,
        parent=parent,
    )
    overwrite = box.addButton(
        QCoreApplication.translate("ChangedMeanwhile", "&Save mine over it"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    keep = box.addButton(
        QCoreApplication.translate("ChangedMeanwhile", "&Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is overwrite
