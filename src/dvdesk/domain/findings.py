"""A finding is what a rule says about a person: a stable code, a severity, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # blocks the action unless the user records an override reason
    WARNING = "warning"  # informs


@dataclass(frozen=True)
class Finding:
    code: str  # e.g. "AGE_UNDER_18"; stable, used by tests, exchange and translations
    severity: Severity
    basis: str  # legal basis, e.g. "Quy định 294-QĐ/TW, 3.1"
    # Values the message fills in; left out of the hash so findings can go in sets.
    params: dict[str, object] = field(default_factory=dict, hash=False)
