"""The tables. Every record that travels between cell and office carries a UUID, its owning
unit, a version counter and a content hash (design.md, Data); `tracking.py` keeps the last two.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Batch migrations on SQLite copy constraints by name, so every constraint gets one from day one.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Tracked:
    """Columns every exchanged record has. `version` and `content_hash` are set on flush."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    owner_unit_id: Mapped[str | None] = mapped_column(String(36), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    # Columns computed from other data on this machine: never hashed, never exchanged.
    derived_columns: ClassVar[frozenset[str]] = frozenset()


class Unit(Tracked, Base):
    """A Party organisation: a chi bộ, a base committee, or the office above."""

    __tablename__ = "units"
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), default="chi_bo")
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"))
    term_start: Mapped[date | None] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date)
    # What its printed documents need: the place on the date line, the abbreviation after the
    # slash in "Số 12-NQ/CB", and who signs for it.
    place: Mapped[str] = mapped_column(String(100), default="")
    symbol: Mapped[str] = mapped_column(String(20), default="")
    secretary_name: Mapped[str] = mapped_column(String(120), default="")
    # Set by an office for the units below it: months after which people who left without
    # being admitted are purged of personal data (None: never).
    purge_after_months: Mapped[int | None] = mapped_column(Integer)


class Install(Base):
    """The single row saying who this copy of dvdesk belongs to and in which role."""

    __tablename__ = "install"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    role: Mapped[str] = mapped_column(String(10))  # "cell" or "office"
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Person(Tracked, Base):
    """Someone in the admission pipeline: the 2-KNĐ fields that rules and reports need."""

    __tablename__ = "people"
    derived_columns = frozenset(
        {
            "sort_key",
            "search_text",
            "stage",
            "next_due",
            "next_due_kind",
            "error_count",
            "warning_count",
        }
    )
    code: Mapped[str | None] = mapped_column(String(40), unique=True)  # "Mã" in the spreadsheet
    full_name: Mapped[str] = mapped_column(String(120))
    birth_name: Mapped[str] = mapped_column(String(120), default="")
    sort_key: Mapped[str] = mapped_column(String(300), index=True)
    search_text: Mapped[str] = mapped_column(String(400))
    sex: Mapped[str] = mapped_column(String(10), default="")  # "nam" / "nu"
    birth_date: Mapped[date | None] = mapped_column(Date)
    birth_place: Mapped[str] = mapped_column(String(300), default="")
    hometown: Mapped[str] = mapped_column(String(300), default="")
    residence: Mapped[str] = mapped_column(String(300), default="")
    cccd: Mapped[str | None] = mapped_column(String(12), unique=True)
    ethnicity: Mapped[str] = mapped_column(String(60), default="")
    religion: Mapped[str] = mapped_column(String(60), default="")
    education: Mapped[str] = mapped_column(String(20), default="")  # as written, e.g. "12/12"
    education_grade: Mapped[int | None] = mapped_column(Integer)
    occupation: Mapped[str] = mapped_column(String(120), default="")
    youth_union_member: Mapped[bool] = mapped_column(Boolean, default=False)
    youth_union_date: Mapped[date | None] = mapped_column(Date)
    trade_union_member: Mapped[bool] = mapped_column(Boolean, default=False)
    trade_union_date: Mapped[date | None] = mapped_column(Date)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), index=True)
    joined_unit_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    purged_on: Mapped[date | None] = mapped_column(Date)  # personal data erased (domain.purge)
    # Derived from events and rules by services; kept here so lists can sort and filter in SQL.
    stage: Mapped[str] = mapped_column(String(30), default="source", index=True)
    next_due: Mapped[date | None] = mapped_column(Date, index=True)
    next_due_kind: Mapped[str] = mapped_column(String(30), default="")
    error_count: Mapped[int] = mapped_column(Integer, default=0)  # rule errors, not lateness
    warning_count: Mapped[int] = mapped_column(Integer, default=0)

    family: Mapped[list[FamilyMember]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="FamilyMember.position"
    )
    events: Mapped[list[PipelineEvent]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="PipelineEvent.on_date"
    )
    certificates: Mapped[list[CertificateRecord]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
    consents: Mapped[list[Consent]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Consent.given_on"
    )
    classification: Mapped[Classification | None] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )


class Consent(Tracked, Base):
    """A person's consent to the processing of their data, under a version of the notice."""

    __tablename__ = "consents"
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    given_on: Mapped[date] = mapped_column(Date)
    notice_version: Mapped[str] = mapped_column(String(20))
    collected_by: Mapped[str] = mapped_column(String(120), default="")
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="consents")


class Classification(Tracked, Base):
    """The office's ruling that a person's dossier is a state secret ("Mật"): such a dossier
    prints with the secrecy mark and leaves dvdesk by no spreadsheet or file export."""

    __tablename__ = "classifications"
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), unique=True)
    level: Mapped[str] = mapped_column(String(20), default="mat")  # "mat" (Mật)
    ruled_on: Mapped[date] = mapped_column(Date)
    basis: Mapped[str] = mapped_column(Text, default="")  # the ruling, e.g. its number

    person: Mapped[Person] = relationship(back_populates="classification")


class FamilyMember(Tracked, Base):
    __tablename__ = "family_members"
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    relation: Mapped[str] = mapped_column(String(60))
    full_name: Mapped[str] = mapped_column(String(120))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    hometown: Mapped[str] = mapped_column(String(300), default="")
    residence: Mapped[str] = mapped_column(String(300), default="")
    occupation: Mapped[str] = mapped_column(String(120), default="")
    party_member: Mapped[bool] = mapped_column(Boolean, default=False)
    history: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="family")


class Member(Tracked, Base):
    """A Party member of the unit, who can introduce and help candidates."""

    __tablename__ = "members"
    derived_columns = frozenset({"sort_key", "search_text"})
    code: Mapped[str | None] = mapped_column(String(40), unique=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"))  # came through dvdesk
    full_name: Mapped[str] = mapped_column(String(120))
    sort_key: Mapped[str] = mapped_column(String(300), index=True)
    search_text: Mapped[str] = mapped_column(String(400))
    birth_date: Mapped[date | None] = mapped_column(Date)
    cccd: Mapped[str | None] = mapped_column(String(12), unique=True)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="official")  # or "probationary"
    admission_decision_date: Mapped[date | None] = mapped_column(Date)
    ceremony_date: Mapped[date | None] = mapped_column(Date)
    official_date: Mapped[date | None] = mapped_column(Date)
    card_number: Mapped[str] = mapped_column(String(20), default="")
    joined_cell_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    left_reason: Mapped[str] = mapped_column(String(20), default="")  # "transferred", "deceased"
    left_to: Mapped[str] = mapped_column(String(200), default="")  # where a transfer went
    notes: Mapped[str] = mapped_column(Text, default="")


class Assignment(Tracked, Base):
    """A member given to a person as introducer or helper, for a span of time."""

    __tablename__ = "assignments"
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))  # "introducer" or "helper"
    from_date: Mapped[date | None] = mapped_column(Date)
    to_date: Mapped[date | None] = mapped_column(Date)
    replacement: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="assignments")
    member: Mapped[Member] = relationship()


class PartyClass(Tracked, Base):
    """An awareness class or a new-member class."""

    __tablename__ = "classes"
    kind: Mapped[str] = mapped_column(String(20))  # "awareness" or "new_member"
    name: Mapped[str] = mapped_column(String(200))
    organiser: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    year: Mapped[int | None] = mapped_column(Integer)
    quarter: Mapped[int | None] = mapped_column(Integer)  # 1-4, as the yearly plan sets them
    place: Mapped[str] = mapped_column(String(200), default="")
    capacity: Mapped[int | None] = mapped_column(Integer)


class Enrolment(Tracked, Base):
    """A person's way through one class: nominated by the chi bộ, enrolled, attended, result."""

    __tablename__ = "enrolments"
    class_id: Mapped[str] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    # "nominated", "enrolled", "passed", "failed", "withdrawn"
    status: Mapped[str] = mapped_column(String(20), default="nominated")
    nominated_on: Mapped[date | None] = mapped_column(Date)
    enrolled_on: Mapped[date | None] = mapped_column(Date)
    attended_sessions: Mapped[int | None] = mapped_column(Integer)
    result_on: Mapped[date | None] = mapped_column(Date)
    score: Mapped[str] = mapped_column(String(20), default="")
    certificate_id: Mapped[str | None] = mapped_column(ForeignKey("certificates.id"))
    note: Mapped[str] = mapped_column(Text, default="")


class HelperNote(Tracked, Base):
    """A helper's dated note on the person they help; the notes feed the helper's review 11-KNĐ."""

    __tablename__ = "helper_notes"
    assignment_id: Mapped[str] = mapped_column(
        ForeignKey("assignments.id", ondelete="CASCADE"), index=True
    )
    on_date: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)


class CertificateRecord(Tracked, Base):
    __tablename__ = "certificates"
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    class_id: Mapped[str | None] = mapped_column(ForeignKey("classes.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="awareness")
    number: Mapped[str] = mapped_column(String(40), default="")
    issued_on: Mapped[date] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(String(200), default="")

    person: Mapped[Person] = relationship(back_populates="certificates")


class PipelineEvent(Tracked, Base):
    """A dated act in a person's file; the person's stage is derived from these."""

    __tablename__ = "events"
    # The reports count acts of one kind in a period across every person.
    __table_args__ = (Index("ix_events_kind_on_date", "kind", "on_date"),)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    on_date: Mapped[date] = mapped_column(Date)
    number: Mapped[str] = mapped_column(String(40), default="")
    official_members: Mapped[int | None] = mapped_column(Integer)
    present: Mapped[int | None] = mapped_column(Integer)
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    mass_org: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    override_reason: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="events")


class CalendarOverride(Base):
    """A day the working-day calendar treats differently from the public-holiday list."""

    __tablename__ = "calendar_overrides"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(200), default="")


class AuditEntry(Base):
    """Who changed what, when, from what to what, and why. Never updated, never deleted."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    before: Mapped[str] = mapped_column(Text, default="")  # JSON
    after: Mapped[str] = mapped_column(Text, default="")  # JSON
    reason: Mapped[str] = mapped_column(Text, default="")
    # The computer it was made at: on a shared server several desks write the same log.
    desk: Mapped[str] = mapped_column(String(80), default="", server_default="")


class OpenDeadline(Base):
    """A deadline not yet met, derived from a person's events by the rules engine.

    Derived data, rebuilt whenever the person's events or the calendar change; it lets the
    deadlines view and the lists sort and filter in SQL over 100,000 people.
    """

    __tablename__ = "open_deadlines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    start: Mapped[date] = mapped_column(Date)
    due: Mapped[date] = mapped_column(Date, index=True)
    overdue_code: Mapped[str] = mapped_column(String(40), default="")

    # Many-to-one only (no collection to load): it makes a flush insert the person first.
    person: Mapped[Person] = relationship()


class Setting(Base):
    """A setting of this installation that is not a unit's: page margins and the like."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class RegisteredDocument(Tracked, Base):
    """A numbered document in a unit's register (sổ đăng ký văn bản).

    Numbers run from 01 for each document type within the issuing committee's term and are never
    reused: a document issued by mistake is voided with a reason, never deleted.
    """

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("issuer_unit_id", "doc_type", "term_start", "number"),)
    issuer_unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    doc_type: Mapped[str] = mapped_column(String(6))  # "NQ", "QĐ", "KH", "BC", "CV"
    # The first day of the term the number belongs to; 1900-01-01 when no term is set, so that
    # the sequence then simply never restarts.
    term_start: Mapped[date] = mapped_column(Date)
    number: Mapped[int] = mapped_column(Integer)
    symbol: Mapped[str] = mapped_column(String(30))  # "NQ/CB": printed as "Số 12-NQ/CB"
    issued_on: Mapped[date] = mapped_column(Date)
    form_code: Mapped[str] = mapped_column(String(20), default="")
    subject: Mapped[str] = mapped_column(String(300), default="")
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    inputs: Mapped[str] = mapped_column(Text, default="")  # JSON: the free text typed to print
    created_at: Mapped[datetime] = mapped_column(DateTime)
    void_reason: Mapped[str] = mapped_column(Text, default="")


class YearPlan(Tracked, Base):
    """A unit's yearly plan for developing new members (kế hoạch phát triển đảng viên)."""

    __tablename__ = "year_plans"
    __table_args__ = (UniqueConstraint("unit_id", "year"),)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    admit_target: Mapped[int] = mapped_column(Integer, default=0)
    youth_union_share: Mapped[int] = mapped_column(Integer, default=0)  # percent of admissions
    awareness_trainees_target: Mapped[int] = mapped_column(Integer, default=0)
    new_member_trainees_target: Mapped[int] = mapped_column(Integer, default=0)
    awareness_classes_min: Mapped[int] = mapped_column(Integer, default=0)
    awareness_classes_max: Mapped[int] = mapped_column(Integer, default=0)
    new_member_classes_min: Mapped[int] = mapped_column(Integer, default=0)
    new_member_classes_max: Mapped[int] = mapped_column(Integer, default=0)
    review_cadence: Mapped[str] = mapped_column(String(20), default="monthly")
    base_plans_due: Mapped[date | None] = mapped_column(Date)
    half_year_report_due: Mapped[date | None] = mapped_column(Date)
    year_report_due: Mapped[date | None] = mapped_column(Date)
    purpose: Mapped[str] = mapped_column(Text, default="")  # mục đích, yêu cầu
    measures: Mapped[str] = mapped_column(Text, default="")  # nhiệm vụ, giải pháp
    organisation: Mapped[str] = mapped_column(Text, default="")  # tổ chức thực hiện
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"))

    targets: Mapped[list[PlanTarget]] = relationship(
        back_populates="plan", cascade="all, delete-orphan"
    )


class PlanTarget(Tracked, Base):
    """The share of a plan given to one unit below (giao chỉ tiêu)."""

    __tablename__ = "plan_targets"
    __table_args__ = (UniqueConstraint("plan_id", "unit_id"),)
    plan_id: Mapped[str] = mapped_column(ForeignKey("year_plans.id", ondelete="CASCADE"))
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    admit_target: Mapped[int] = mapped_column(Integer, default=0)
    awareness_trainees_target: Mapped[int] = mapped_column(Integer, default=0)

    plan: Mapped[YearPlan] = relationship(back_populates="targets")


class Correction(Tracked, Base):
    """A record the office sent back to the chi bộ for correction, with the reason. It stays in
    the chi bộ's to-do list until the chi bộ marks it done; both sides see it through the
    exchange."""

    __tablename__ = "corrections"
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    entity: Mapped[str] = mapped_column(String(30), default="people")  # what is to be corrected
    record_id: Mapped[str] = mapped_column(String(36), default="")
    reason: Mapped[str] = mapped_column(Text)
    returned_on: Mapped[date] = mapped_column(Date)
    due: Mapped[date | None] = mapped_column(Date)
    resolved_on: Mapped[date | None] = mapped_column(Date)
    resolution: Mapped[str] = mapped_column(Text, default="")


# --- exchange with the office above (local bookkeeping: never exchanged itself) -------------


class Deletion(Base):
    """A shared record deleted here, remembered so the deletion travels to the other side (a
    tombstone). Entity names are the table names."""

    __tablename__ = "deletions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    owner_unit_id: Mapped[str | None] = mapped_column(String(36))
    deleted_at: Mapped[datetime] = mapped_column(DateTime)


class Account(Base):
    """Someone who may sign in on this computer, and what they may do. Local: accounts never
    travel in bundles. Their passwords are not here but in the vault beside the database."""

    __tablename__ = "accounts"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)  # vault.account_key form
    full_name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(20))  # domain.accounts.Role
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(40), default="")
    last_sign_in: Mapped[datetime | None] = mapped_column(DateTime)
    # Only on the office's shared server (sync.password_hash); a local file's are in its vault.
    password_hash: Mapped[str | None] = mapped_column(String(200))


class OwnKey(Base):
    """This unit's key pairs; the private keys only as a passphrase-protected blob."""

    __tablename__ = "own_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    sign_public: Mapped[str] = mapped_column(String(64))  # hex
    box_public: Mapped[str] = mapped_column(String(64))  # hex
    sign_key_id: Mapped[str] = mapped_column(String(16), index=True)
    box_key_id: Mapped[str] = mapped_column(String(16), index=True)
    protected: Mapped[bytes] = mapped_column(LargeBinary)
    # The signed public-key file, made when the keys were: it can be exported without the
    # passphrase.
    public_file: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)  # replaced by a newer pair


class PeerKey(Base):
    """A pinned public key of another unit, imported from its key file and confirmed against
    the fingerprint printed on paper."""

    __tablename__ = "peer_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    role: Mapped[str] = mapped_column(String(10))
    sign_public: Mapped[str] = mapped_column(String(64))
    box_public: Mapped[str] = mapped_column(String(64))
    sign_key_id: Mapped[str] = mapped_column(String(16), index=True)
    fingerprint: Mapped[str] = mapped_column(String(80))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class ExchangePeer(Base):
    """Where the exchange with one other unit stands: sequence numbers both ways."""

    __tablename__ = "exchange_peers"
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), primary_key=True)
    out_seq: Mapped[int] = mapped_column(Integer, default=0)  # the last bundle we made for it
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)  # the last of ours it received
    in_seq: Mapped[int] = mapped_column(Integer, default=0)  # the highest of its we received
    last_in_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_out_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The last of our audit entries the peer is known to hold (carried by an acked bundle).
    audit_acked: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class BundleLedger(Base):
    """Every bundle made or taken in: a bundle id is taken in once only."""

    __tablename__ = "bundle_ledger"
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # "in" / "out"
    peer_unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    seq: Mapped[int] = mapped_column(Integer)
    ack_upto: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime)
    archive: Mapped[str] = mapped_column(String(400), default="")  # the file kept, encrypted
    summary: Mapped[str] = mapped_column(Text, default="")  # JSON
    audit_upto: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # out


class PeerAuditEntry(Base):
    """An audit entry of a unit below, as it came in its bundles: the office's copy of who
    did what there. Keyed by the unit and the entry's number in the unit's own log, so an entry
    sent twice is kept once."""

    __tablename__ = "peer_audit"
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), primary_key=True)
    entry_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    bundle_id: Mapped[str] = mapped_column(String(36))  # the bundle that first brought it


class OutboxItem(Base):
    """A record version sent in an outgoing bundle; when the peer acknowledges the bundle, the
    version becomes the common base of that record."""

    __tablename__ = "outbox_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bundle_id: Mapped[str] = mapped_column(
        ForeignKey("bundle_ledger.bundle_id", ondelete="CASCADE"), index=True
    )
    entity: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[str] = mapped_column(String(36))
    hash: Mapped[str] = mapped_column(String(64))


class SyncBase(Base):
    """The last version of a record both sides are known to hold (received from the peer, or
    sent and acknowledged). A record whose hash differs from its base goes in the next bundle;
    a record changed on both sides since its base is a conflict."""

    __tablename__ = "sync_base"
    peer_unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), primary_key=True)
    entity: Mapped[str] = mapped_column(String(30), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    hash: Mapped[str] = mapped_column(String(64))


class Conflict(Base):
    """A record changed on both sides since the last exchange: both versions kept, a person
    chooses. The owner's version stands until then."""

    __tablename__ = "conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    peer_unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    entity: Mapped[str] = mapped_column(String(30))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    ours: Mapped[str] = mapped_column(Text)  # JSON of the record's data here
    theirs: Mapped[str] = mapped_column(Text)  # JSON of the incoming data
    bundle_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str] = mapped_column(String(20), default="")  # "ours" / "theirs"
