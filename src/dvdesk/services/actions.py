"""The pipeline actions of the Candidates tab: preview the rules as if the act were recorded,
perform it (an error finding blocks unless an override reason is given), and undo it.

Each action is one transaction. `perform` returns an `UndoToken` naming exactly the rows it
created and the rows it changed; `undo` reverses them, provided the person's file has not
changed since (a later act, certificate or assignment), and logs it.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from dvdesk.db import candidate_queries, queries
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import Assignment, CertificateRecord, Member, Person, PipelineEvent
from dvdesk.domain.calendar import WorkCalendar
from dvdesk.domain.deadlines import OverdueCode
from dvdesk.domain.facts import (
    CandidateFacts,
    Certificate,
    Event,
    Introducer,
    MassOrg,
    MemberStatus,
)
from dvdesk.domain.findings import Finding, Severity
from dvdesk.domain.messages import finding_message, stage_label
from dvdesk.domain.pipeline import EventKind, Stage
from dvdesk.domain.rules import check, check_admission, check_recognition
from dvdesk.domain.text import clean
from dvdesk.services import audit
from dvdesk.services.derive import facts_for, load_calendar, refresh, today
from dvdesk.services.errors import NotFoundError, UserError
from dvdesk.services.people import EventInput, FindingView, add_certificate, add_event


class ActionKind(StrEnum):
    LIST_SYMPATHISER = "list_sympathiser"
    CERTIFICATE = "certificate"
    APPLICATION = "application"
    INTRODUCERS = "introducers"
    MASS_ORG_RESOLUTION = "mass_org_resolution"
    VERIFICATION = "verification"
    OPINIONS = "opinions"
    CELL_VOTE = "cell_vote"
    DECISION = "decision"
    DECISION_RECEIVED = "decision_received"
    CEREMONY = "ceremony"
    RECOGNITION_VOTE = "recognition_vote"
    RECOGNITION_DECISION = "recognition_decision"
    REMOVE = "remove"
    STRIKE_OFF = "strike_off"
    NOT_ADMITTED = "not_admitted"


# The event each action records (INTRODUCERS and CERTIFICATE record other rows).
_EVENT_OF: dict[ActionKind, EventKind] = {
    ActionKind.LIST_SYMPATHISER: EventKind.SYMPATHISER_LISTED,
    ActionKind.APPLICATION: EventKind.APPLICATION,
    ActionKind.MASS_ORG_RESOLUTION: EventKind.MASS_ORG_RESOLUTION,
    ActionKind.VERIFICATION: EventKind.VERIFICATION,
    ActionKind.OPINIONS: EventKind.OPINIONS,
    ActionKind.CELL_VOTE: EventKind.CELL_VOTE,
    ActionKind.DECISION: EventKind.DECISION,
    ActionKind.DECISION_RECEIVED: EventKind.DECISION_RECEIVED,
    ActionKind.CEREMONY: EventKind.CEREMONY,
    ActionKind.RECOGNITION_VOTE: EventKind.RECOGNITION_VOTE,
    ActionKind.RECOGNITION_DECISION: EventKind.RECOGNITION_DECISION,
    ActionKind.REMOVE: EventKind.REMOVED,
    ActionKind.STRIKE_OFF: EventKind.STRUCK_OFF,
    ActionKind.NOT_ADMITTED: EventKind.NOT_ADMITTED,
}

_VOTES = frozenset({ActionKind.CELL_VOTE, ActionKind.RECOGNITION_VOTE})
_REASON_REQUIRED = frozenset({ActionKind.REMOVE, ActionKind.STRIKE_OFF})

# Which actions make sense at which stage; the UI offers these (the services accept any order
# the dates allow, since old files are often entered out of order).
_AVAILABLE: dict[Stage, tuple[ActionKind, ...]] = {
    Stage.SOURCE: (ActionKind.LIST_SYMPATHISER, ActionKind.CERTIFICATE),
    Stage.SYMPATHISER: (ActionKind.CERTIFICATE, ActionKind.APPLICATION, ActionKind.REMOVE),
    Stage.TRAINED: (
        ActionKind.APPLICATION,
        ActionKind.INTRODUCERS,
        ActionKind.MASS_ORG_RESOLUTION,
        ActionKind.REMOVE,
    ),
    Stage.DOSSIER: (
        ActionKind.APPLICATION,
        ActionKind.INTRODUCERS,
        ActionKind.MASS_ORG_RESOLUTION,
        ActionKind.VERIFICATION,
        ActionKind.OPINIONS,
        ActionKind.CERTIFICATE,
        ActionKind.CELL_VOTE,
        ActionKind.REMOVE,
    ),
    Stage.PROPOSED: (ActionKind.DECISION, ActionKind.NOT_ADMITTED),
    Stage.ADMITTED: (ActionKind.DECISION_RECEIVED, ActionKind.CEREMONY),
    Stage.PROBATION: (ActionKind.RECOGNITION_VOTE, ActionKind.STRIKE_OFF),
    Stage.RECOGNITION_PROPOSED: (ActionKind.RECOGNITION_DECISION, ActionKind.STRIKE_OFF),
    Stage.OFFICIAL: (),
    Stage.REMOVED: (ActionKind.LIST_SYMPATHISER,),
    Stage.NOT_ADMITTED: (),
    Stage.STRUCK_OFF: (),
}


def available_actions(stage: str) -> tuple[ActionKind, ...]:
    """The actions the person view offers for a stage."""
    return _AVAILABLE[Stage(stage)]


@dataclass(frozen=True)
class ActionInput:
    """What one action needs; only the fields of that action are read."""

    kind: ActionKind
    on: date
    number: str = ""  # document number (decisions, resolutions, certificate number)
    helper_id: str | None = None  # LIST_SYMPATHISER, CEREMONY: the member who helps
    introducer_ids: tuple[str, ...] = ()  # INTRODUCERS, MASS_ORG_RESOLUTION (one, optional)
    replacement: bool = False  # INTRODUCERS: replacing one who left (12-month rule waived)
    mass_org: MassOrg | None = None  # MASS_ORG_RESOLUTION
    official_members: int | None = None  # votes
    present: int | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    extended: bool = False  # votes: the decision may take the special extension
    reason: str = ""  # REMOVE, STRIKE_OFF (required), NOT_ADMITTED
    issuer: str = ""  # CERTIFICATE


class BlockedError(UserError):
    """The rules found errors and no override reason was given; nothing was written."""

    def __init__(self, findings: Sequence[FindingView]) -> None:
        vi = "Hành động bị chặn bởi quy định: " + "; ".join(f.message for f in findings)
        en = "Blocked by the rules: " + "; ".join(f.code for f in findings)
        super().__init__(vi, en, field="override_reason")
        self.findings = list(findings)


@dataclass(frozen=True)
class UndoToken:
    """Names exactly what one `perform` did, so that `undo` can reverse it."""

    serial: int
    person_id: str
    kind: ActionKind
    label_vi: str
    label_en: str
    created: tuple[tuple[str, str], ...]  # (entity, id): "event", "certificate", "assignment"
    # Assignments closed by the action: (id, to_date before the action).
    closed: tuple[tuple[str, date | None], ...]
    records_after: frozenset[str]  # the person's record ids right after the action

    def label(self, lang: str = "vi") -> str:
        return self.label_vi if lang == "vi" else self.label_en


@dataclass(frozen=True)
class ActionResult:
    person_id: str
    stage: str
    stage_label: str
    findings: list[FindingView]
    overridden: bool
    token: UndoToken


@dataclass(frozen=True)
class UndoResult:
    person_id: str
    stage: str
    stage_label: str


_serials = itertools.count(1)

_ACTION_LABELS: dict[ActionKind, tuple[str, str]] = {
    ActionKind.LIST_SYMPATHISER: ("Đưa vào danh sách cảm tình Đảng", "Add to sympathiser list"),
    ActionKind.CERTIFICATE: ("Ghi giấy chứng nhận lớp bồi dưỡng", "Record class certificate"),
    ActionKind.APPLICATION: ("Ghi đơn xin vào Đảng và lý lịch", "Record application"),
    ActionKind.INTRODUCERS: ("Ghi người giới thiệu", "Record introducers"),
    ActionKind.MASS_ORG_RESOLUTION: (
        "Ghi nghị quyết giới thiệu của Đoàn/Công đoàn",
        "Record mass-organisation resolution",
    ),
    ActionKind.VERIFICATION: ("Ghi kết quả thẩm tra lý lịch", "Record verification"),
    ActionKind.OPINIONS: ("Ghi tổng hợp ý kiến nhận xét", "Record opinions"),
    ActionKind.CELL_VOTE: ("Ghi biểu quyết của chi bộ", "Record Party cell vote"),
    ActionKind.DECISION: ("Ghi quyết định kết nạp", "Record admission decision"),
    ActionKind.DECISION_RECEIVED: ("Ghi ngày nhận quyết định", "Record decision received"),
    ActionKind.CEREMONY: ("Ghi lễ kết nạp", "Record ceremony"),
    ActionKind.RECOGNITION_VOTE: (
        "Ghi biểu quyết công nhận chính thức",
        "Record recognition vote",
    ),
    ActionKind.RECOGNITION_DECISION: (
        "Ghi quyết định công nhận chính thức",
        "Record recognition decision",
    ),
    ActionKind.REMOVE: ("Đưa ra khỏi danh sách cảm tình Đảng", "Remove from sympathiser list"),
    ActionKind.STRIKE_OFF: ("Xóa tên khỏi danh sách dự bị", "Strike from probation"),
    ActionKind.NOT_ADMITTED: ("Ghi không được kết nạp", "Record not admitted"),
}


def action_label(kind: ActionKind, lang: str = "vi") -> str:
    vi, en = _ACTION_LABELS[kind]
    return vi if lang == "vi" else en


# --- reading the person ----------------------------------------------------------------------


def _person(session: Session, person_id: str) -> Person:
    person = queries.person_by_key(session, person_id)
    if person is None:
        raise NotFoundError(
            f"Không tìm thấy người có id «{person_id}».", f"No person with id {person_id!r}."
        )
    return person


def _member(session: Session, member_id: str, field_name: str) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise UserError(
            f"{_FIELDS[field_name][0]}: không tìm thấy đảng viên «{member_id}».",
            f"{_FIELDS[field_name][1]}: no Party member {member_id!r}.",
            field_name,
        )
    return member


_FIELDS: dict[str, tuple[str, str]] = {
    "on": ("Ngày", "Date"),
    "helper_id": ("Người giúp đỡ", "Helper"),
    "introducer_ids": ("Người giới thiệu", "Introducers"),
    "official_members": ("Số đảng viên chính thức", "Official members"),
    "present": ("Số có mặt", "Present"),
    "votes_for": ("Số tán thành", "Votes for"),
    "votes_against": ("Số không tán thành", "Votes against"),
    "reason": ("Lý do", "Reason"),
    "mass_org": ("Tổ chức đoàn thể", "Mass organisation"),
}


def _invalid(field_name: str, vi: str, en: str) -> UserError:
    name_vi, name_en = _FIELDS[field_name]
    return UserError(f"{name_vi}: {vi}", f"{name_en}: {en}", field_name)


def _fmt(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _validate(session: Session, person: Person, action: ActionInput) -> None:
    """Refuse impossible input with a message naming the field; nothing is written."""
    kind = action.kind
    if action.on > today():
        raise _invalid("on", "không được sau ngày hôm nay.", "cannot be in the future.")
    if person.birth_date is not None and action.on < person.birth_date:
        raise _invalid("on", "trước ngày sinh.", "is before the date of birth.")
    facts_events = [(e.on_date, e.kind) for e in person.events]
    stage = Stage(person.stage)
    if stage.is_exit and not (stage is Stage.REMOVED and kind is ActionKind.LIST_SYMPATHISER):
        raise UserError(
            "Người này đã ra khỏi quy trình; không thể ghi thêm.",
            "This person has left the pipeline; nothing more can be recorded.",
            "kind",
        )
    if kind is not ActionKind.CERTIFICATE and facts_events:
        last_on, last_kind = max(facts_events)
        if action.on < last_on:
            raise _invalid(
                "on",
                f"không được trước hành động trước đó ({_fmt(last_on)}).",
                f"cannot be before the previous act ({last_on.isoformat()}, {last_kind}).",
            )
    if kind in _REASON_REQUIRED and not clean(action.reason):
        raise _invalid("reason", "bắt buộc phải ghi lý do.", "a reason is required.")
    if kind in _VOTES:
        _validate_votes(action)
    if kind in (ActionKind.LIST_SYMPATHISER, ActionKind.CEREMONY) and action.helper_id:
        _member(session, action.helper_id, "helper_id")
    if kind is ActionKind.INTRODUCERS and not 1 <= len(action.introducer_ids) <= 2:
        raise _invalid(
            "introducer_ids", "cần một hoặc hai người.", "one or two members are needed."
        )
    if kind is ActionKind.MASS_ORG_RESOLUTION and len(action.introducer_ids) > 1:
        raise _invalid(
            "introducer_ids",
            "cùng nghị quyết của đoàn thể chỉ cần một đảng viên giới thiệu.",
            "with a mass-organisation resolution, one member introduces.",
        )
    if kind in (ActionKind.INTRODUCERS, ActionKind.MASS_ORG_RESOLUTION):
        if len(set(action.introducer_ids)) != len(action.introducer_ids):
            raise _invalid("introducer_ids", "bị trùng.", "listed twice.")
        for member_id in action.introducer_ids:
            member = _member(session, member_id, "introducer_ids")
            if member.person_id is not None and member.person_id == person.id:
                raise _invalid(
                    "introducer_ids",
                    "không thể tự giới thiệu mình.",
                    "a person cannot introduce themselves.",
                )


def _validate_votes(action: ActionInput) -> None:
    official, present = action.official_members, action.present
    votes_for, against = action.votes_for, action.votes_against
    if official is None or official <= 0:
        raise _invalid("official_members", "phải lớn hơn 0.", "must be more than 0.")
    if votes_for is None:
        raise _invalid("votes_for", "bắt buộc.", "is required.")
    for name, value in (("present", present), ("votes_for", votes_for), ("votes_against", against)):
        if value is not None and value < 0:
            raise _invalid(name, "không được âm.", "cannot be negative.")
    if present is not None and present > official:
        raise _invalid(
            "present",
            f"không được lớn hơn số đảng viên chính thức ({official}).",
            f"cannot exceed the official members ({official}).",
        )
    if votes_for > official:
        raise _invalid(
            "votes_for",
            f"không được lớn hơn số đảng viên chính thức ({official}).",
            f"cannot exceed the official members ({official}).",
        )
    if present is not None and votes_for + (against or 0) > present:
        raise _invalid(
            "votes_for",
            f"tổng tán thành và không tán thành vượt số có mặt ({present}).",
            f"for plus against exceed those present ({present}).",
        )


# --- the rules as if the act were recorded ---------------------------------------------------


def _event_of(action: ActionInput) -> Event | None:
    kind = _EVENT_OF.get(action.kind)
    if kind is None:
        return None
    return Event(
        kind=kind,
        on=action.on,
        number=clean(action.number),
        official_members=action.official_members,
        present=action.present,
        votes_for=action.votes_for,
        votes_against=action.votes_against,
        extended=action.extended,
        mass_org=action.mass_org,
        reason=clean(action.reason),
    )


def _introducer_facts(session: Session, action: ActionInput) -> tuple[Introducer, ...]:
    out = []
    for member_id in action.introducer_ids:
        member = session.get(Member, member_id)
        if member is None:
            continue
        out.append(
            Introducer(
                name=member.full_name,
                status=MemberStatus(member.status),
                official_on=member.official_date,
                joined_cell_on=member.joined_cell_on,
                assigned_on=action.on,
                replacement=action.replacement,
            )
        )
    return tuple(out)


def _facts_after(session: Session, before: CandidateFacts, action: ActionInput) -> CandidateFacts:
    facts = before
    event = _event_of(action)
    if event is not None:
        facts = replace(facts, events=(*facts.events, event))
    if action.kind is ActionKind.CERTIFICATE:
        cert = Certificate(kind="awareness", issued_on=action.on, number=clean(action.number))
        facts = replace(facts, certificates=(*facts.certificates, cert))
    if action.kind is ActionKind.INTRODUCERS:
        # New introducers take the place of the current ones.
        facts = replace(facts, introducers=_introducer_facts(session, action))
    elif action.kind is ActionKind.MASS_ORG_RESOLUTION and action.introducer_ids:
        facts = replace(facts, introducers=_introducer_facts(session, action))
    return facts


def _key(finding: Finding) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return (
        finding.code,
        finding.severity.value,
        tuple(sorted((k, str(v)) for k, v in finding.params.items())),
    )


_LATE = frozenset(code.value for code in OverdueCode)


def _findings(
    session: Session, person: Person, action: ActionInput, calendar: WorkCalendar
) -> list[Finding]:
    """What the rules say about the act: for a vote, every check of that vote; for any act,
    the deadline it meets late and the findings it brings that were not there before."""
    before = facts_for(person)
    after = _facts_after(session, before, action)
    if action.kind in (ActionKind.REMOVE, ActionKind.STRIKE_OFF, ActionKind.NOT_ADMITTED):
        return []
    out: list[Finding] = []
    if action.kind is ActionKind.CELL_VOTE:
        out += check_admission(after, action.on)
    elif action.kind is ActionKind.RECOGNITION_VOTE:
        out += check_recognition(after)
    old = check(before, action.on, calendar)
    new = check(after, action.on, calendar)
    new_keys = {_key(f) for f in new}
    old_keys = {_key(f) for f in old}
    # A deadline this act meets, but late (a late ceremony needs the upper committee's consent).
    out += [f for f in old if f.code in _LATE and _key(f) not in new_keys]
    if action.kind not in _VOTES:
        out += [f for f in new if _key(f) not in old_keys and f.code not in _LATE]
    seen: set[tuple[str, str, tuple[tuple[str, str], ...]]] = set()
    unique = []
    for f in out:
        if _key(f) not in seen:
            seen.add(_key(f))
            unique.append(f)
    return unique


def _views(findings: Sequence[Finding], lang: str) -> list[FindingView]:
    return [
        FindingView(f.code, f.severity.value, finding_message(f, lang), f.basis) for f in findings
    ]


def preview(
    db: Database, person_id: str, action: ActionInput, lang: str = "vi"
) -> list[FindingView]:
    """The findings the rules would report were the act recorded; input errors raise UserError."""
    with db.reader() as session:
        person = _person(session, person_id)
        _validate(session, person, action)
        return _views(_findings(session, person, action, load_calendar(session)), lang)


# --- recording -------------------------------------------------------------------------------


def _close_open(person: Person, role: str, on: date, closed: list[tuple[str, date | None]]) -> None:
    for a in person.assignments:
        if a.role == role and a.to_date is None:
            closed.append((a.id, a.to_date))
            a.to_date = on


def _assign(
    session: Session,
    person: Person,
    member_id: str,
    role: str,
    action: ActionInput,
    actor: str,
    created: list[tuple[str, str]],
) -> None:
    row = Assignment(
        member_id=member_id,
        role=role,
        from_date=action.on,
        replacement=action.replacement if role == "introducer" else False,
        owner_unit_id=person.owner_unit_id,
    )
    row.member = _member(
        session, member_id, "introducer_ids" if role == "introducer" else "helper_id"
    )
    person.assignments.append(row)
    session.flush()
    audit.log(session, actor, "assign", "assignment", row.id, after=audit.snapshot(row))
    created.append(("assignment", row.id))


def perform(
    db: Database,
    person_id: str,
    action: ActionInput,
    actor: str,
    override_reason: str = "",
    lang: str = "vi",
) -> ActionResult:
    """Record the act. Error findings block it (BlockedError) unless `override_reason` is given;
    the reason goes to the audit log and to the event's override_reason."""
    reason = clean(override_reason)
    with db.unit_of_work() as session:
        person = _person(session, person_id)
        _validate(session, person, action)
        calendar = load_calendar(session)
        findings = _findings(session, person, action, calendar)
        views = _views(findings, lang)
        errors = [v for v, f in zip(views, findings, strict=True) if f.severity is Severity.ERROR]
        if errors and not reason:
            raise BlockedError(errors)
        created: list[tuple[str, str]] = []
        closed: list[tuple[str, date | None]] = []
        stage_before = person.stage
        kind = action.kind

        if kind is ActionKind.CERTIFICATE:
            cert = add_certificate(
                session, person, action.on, action.number, actor, calendar, issuer=action.issuer
            )
            created.append(("certificate", cert.id))
        if kind in (ActionKind.INTRODUCERS, ActionKind.MASS_ORG_RESOLUTION) and (
            action.introducer_ids
        ):
            _close_open(person, "introducer", action.on, closed)
            for member_id in action.introducer_ids:
                _assign(session, person, member_id, "introducer", action, actor, created)
        if kind in (ActionKind.LIST_SYMPATHISER, ActionKind.CEREMONY) and action.helper_id:
            _close_open(person, "helper", action.on, closed)
            _assign(session, person, action.helper_id, "helper", action, actor, created)
        event_kind = _EVENT_OF.get(kind)
        if event_kind is not None:
            row = add_event(
                session,
                person,
                EventInput(
                    kind=event_kind,
                    on=action.on,
                    number=action.number,
                    official_members=action.official_members,
                    present=action.present,
                    votes_for=action.votes_for,
                    votes_against=action.votes_against,
                    extended=action.extended,
                    mass_org=action.mass_org.value if action.mass_org else None,
                    reason=action.reason,
                ),
                actor,
                calendar,
                override_reason=reason if errors else "",
            )
            created.append(("event", row.id))
        session.flush()
        refresh(session, person, calendar)
        audit.log(
            session,
            actor,
            f"action:{kind.value}",
            "person",
            person.id,
            before={"stage": stage_before},
            after={
                "stage": person.stage,
                "on": action.on.isoformat(),
                "created": [list(c) for c in created],
                "overridden": [v.code for v in errors],
            },
            reason=reason if errors else "",
        )
        session.flush()
        token = UndoToken(
            serial=next(_serials),
            person_id=person.id,
            kind=kind,
            label_vi=f"{action_label(kind, 'vi')}: {person.full_name}",
            label_en=f"{action_label(kind, 'en')}: {person.full_name}",
            created=tuple(created),
            closed=tuple(closed),
            records_after=candidate_queries.record_ids(session, person.id),
        )
        return ActionResult(
            person_id=person.id,
            stage=person.stage,
            stage_label=stage_label(Stage(person.stage), lang),
            findings=views,
            overridden=bool(errors),
            token=token,
        )


_ENTITY_ROWS: dict[str, type[Any]] = {
    "event": PipelineEvent,
    "certificate": CertificateRecord,
    "assignment": Assignment,
}


def undo(db: Database, token: UndoToken, actor: str, lang: str = "vi") -> UndoResult:
    """Reverse exactly the action of `token`: delete what it created, reopen what it closed.
    Refused when the person's file changed since (a later act, certificate or assignment)."""
    with db.unit_of_work() as session:
        person = _person(session, token.person_id)
        if candidate_queries.record_ids(session, person.id) != token.records_after:
            raise UserError(
                "Không thể hoàn tác: hồ sơ của người này đã thay đổi sau hành động đó "
                "(hãy hoàn tác các thay đổi sau trước).",
                "Cannot undo: this person's file changed after that action "
                "(undo the later changes first).",
                "undo",
            )
        closed = dict(token.closed)
        for a in person.assignments:
            if a.id in closed and a.to_date is None:
                raise UserError(
                    "Không thể hoàn tác: phân công đã được mở lại.",
                    "Cannot undo: the assignment was reopened since.",
                    "undo",
                )
        stage_before = person.stage
        created = {row_id for _, row_id in token.created}
        for collection, entity in (
            (person.events, "event"),
            (person.certificates, "certificate"),
            (person.assignments, "assignment"),
        ):
            for row in [r for r in collection if r.id in created]:
                audit.log(session, actor, "delete", entity, row.id, before=audit.snapshot(row))
                collection.remove(row)  # type: ignore[arg-type]
        for a in person.assignments:
            if a.id in closed:
                before = audit.snapshot(a)
                a.to_date = closed[a.id]
                audit.log(
                    session,
                    actor,
                    "reopen",
                    "assignment",
                    a.id,
                    before=before,
                    after=audit.snapshot(a),
                )
        session.flush()
        refresh(session, person, load_calendar(session))
        audit.log(
            session,
            actor,
            "undo",
            "person",
            person.id,
            before={"stage": stage_before, "action": token.kind.value},
            after={"stage": person.stage, "removed": [list(c) for c in token.created]},
        )
        return UndoResult(person.id, person.stage, stage_label(Stage(person.stage), lang))


class UndoStack:
    """The last actions of this run, newest on top, for Ctrl+Z (plain Python, no Qt)."""

    def __init__(self, limit: int = 50) -> None:
        self._items: deque[UndoToken] = deque(maxlen=limit)

    def push(self, token: UndoToken) -> None:
        self._items.append(token)

    def peek(self) -> UndoToken | None:
        return self._items[-1] if self._items else None

    def can_undo(self) -> bool:
        return bool(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[UndoToken]:
        return reversed(self._items)

    def undo(self, db: Database, actor: str, lang: str = "vi") -> UndoResult | None:
        """Undo the newest action; it leaves the stack only when the undo succeeded."""
        token = self.peek()
        if token is None:
            return None
        result = undo(db, token, actor, lang)
        self._items.pop()
        return result

    def clear(self) -> None:
        self._items.clear()


__all__ = [
    "ActionInput",
    "ActionKind",
    "ActionResult",
    "BlockedError",
    "UndoResult",
    "UndoStack",
    "UndoToken",
    "action_label",
    "available_actions",
    "perform",
    "preview",
    "undo",
]
