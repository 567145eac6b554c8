"""What the rules engine knows about one person: plain values, filled in by services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from dvdesk.domain.pipeline import EventKind


class MemberStatus(StrEnum):
    PROBATIONARY = "probationary"
    OFFICIAL = "official"


class MassOrg(StrEnum):
    """Which mass organisation's executive committee introduces the applicant, if any."""

    YOUTH_UNION = "youth_union"
    TRADE_UNION = "trade_union"


@dataclass(frozen=True)
class Event:
    kind: EventKind
    on: date
    number: str = ""  # document number, e.g. "12-NQ/CB"
    official_members: int | None = None  # for votes: official members of the chi bộ
    present: int | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    extended: bool = False  # a decision granted the special extension (+30 working days)
    mass_org: MassOrg | None = None  # for MASS_ORG_RESOLUTION
    reason: str = ""


@dataclass(frozen=True)
class Certificate:
    kind: str  # "awareness" or "new_member"
    issued_on: date
    number: str = ""


@dataclass(frozen=True)
class Introducer:
    """A Party member assigned to introduce the person, as the rules need to see them."""

    name: str
    status: MemberStatus
    official_on: date | None  # day they became an official member, when known
    joined_cell_on: date | None  # day they joined this chi bộ, when known
    assigned_on: date | None = None
    replacement: bool = False  # assigned after the first introducer left: 12-month rule waived


@dataclass(frozen=True)
class CandidateFacts:
    birth_date: date | None
    education_grade: int | None  # years of general education completed, 9 = lower secondary
    youth_union_member: bool = False
    trade_union_member: bool = False
    joined_unit_on: date | None = None  # day the person started in the unit
    certificates: tuple[Certificate, ...] = ()
    introducers: tuple[Introducer, ...] = ()
    events: tuple[Event, ...] = field(default_factory=tuple)

    def last(self, kind: EventKind) -> Event | None:
        """The latest event of a kind; events of one kind may repeat (a dossier redone)."""
        found = [e for e in self.events if e.kind == kind]
        return max(found, key=lambda e: e.on) if found else None
