"""Two desks editing the same record: the second save is refused, with what changed.

A form remembers the record as it opened it (its editable fields, as a frozen dataclass). The
save compares that with the record as it is now, inside the writer's transaction (one writer at
a time on either engine, so nothing can slip in between); if they differ, someone else saved in
the meantime and `ChangedMeanwhile` names each field, as it was and as it is now. Nothing is
written. The form keeps what its user typed and may save again knowingly, from the new state.

Comparing the fields the form shows, not only a version number, means a change the form does
not show (a step recorded in the pipeline) does not stop an edit of the personal history.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from dvdesk.services.errors import UserError


@dataclass(frozen=True)
class FieldChange:
    key: str
    label_vi: str
    label_en: str
    then: str  # as the form opened it
    now: str  # as another desk saved it


class ChangedMeanwhile(UserError):
    """Someone saved this record after the form opened it; `current` is the record now."""

    def __init__(self, what_vi: str, what_en: str, changes: list[FieldChange], current: Any):
        lines_vi = [f"- {c.label_vi}: «{c.then}» → «{c.now}»" for c in changes]
        lines_en = [f"- {c.label_en}: «{c.then}» → «{c.now}»" for c in changes]
        super().__init__(
            f"Trong lúc bạn sửa, người khác đã lưu thay đổi {what_vi}:\n"
            + "\n".join(lines_vi)
            + "\nChưa ghi gì. Những gì bạn nhập vẫn còn trong biểu mẫu.",
            f"While you were editing, someone else saved changes to {what_en}:\n"
            + "\n".join(lines_en)
            + "\nNothing was written. What you typed is still in the form.",
            "changed_meanwhile",
        )
        self.changes = changes
        self.current = current


def value_text(value: Any) -> str:
    """A field's value in a change list: a date as dd/mm/yyyy, nothing as a dash."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "có" if value else "không"
    if hasattr(value, "strftime"):
        return str(value.strftime("%d/%m/%Y"))
    return str(value)


def changes_between(
    started: Any,
    current: Any,
    labels: Mapping[str, tuple[str, str]],
    show: Callable[[str, Any], str] | None = None,
) -> list[FieldChange]:
    """Each field of `started` whose value differs in `current` (the same dataclass), worded
    for the change list. For a form that saves several records at once: their changes go in
    one ChangedMeanwhile."""
    if started == current:
        return []
    words = show or (lambda _key, value: value_text(value))
    return [
        FieldChange(
            f.name,
            *labels.get(f.name, (f.name, f.name)),
            words(f.name, getattr(started, f.name)),
            words(f.name, getattr(current, f.name)),
        )
        for f in fields(started)
        if getattr(started, f.name) != getattr(current, f.name)
    ]


def refuse_if_changed(
    started: Any,
    current: Any,
    labels: Mapping[str, tuple[str, str]],
    what: tuple[str, str],
    show: Callable[[str, Any], str] | None = None,
) -> None:
    """Raise ChangedMeanwhile when `current` differs from `started` (the same dataclass).
    `labels`: field -> (vi, en); `show(field, value)` words a value (default: plain text)."""
    changes = changes_between(started, current, labels, show)
    if changes:
        raise ChangedMeanwhile(what[0], what[1], changes, current)
