"""One change bus: after a service call succeeds the UI announces what changed, and the tabs
concerned reload. Nothing polls."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

# What `changed` carries: the kind of record that changed. Listeners reload on the kinds they
# show; ALL means "everything may have changed" (import, demo data, calendar overrides).
PEOPLE = "people"
MEMBERS = "members"
CLASSES = "classes"
PLANS = "plans"  # a yearly plan or the targets it gives
ALL = "all"


class Bus(QObject):
    changed = Signal(str)

    def announce(self, what: str) -> None:
        self.changed.emit(what)
