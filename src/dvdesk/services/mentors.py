"""The Mentors tab: the unit's Party members, and who introduces or helps whom.

Every write is one transaction, logged in the audit log; input that cannot be accepted raises
UserError naming the field, and nothing is written. Assigning runs the eligibility rules first
(domain.mentoring): an error finding blocks (BlockedError, as the pipeline actions do) unless an
override reason is given, which goes to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from dvdesk.db import mentor_queries, queries
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import Assignment, HelperNote, Member, Person, Unit, new_id
from dvdesk.domain.findings import Finding, Severity
from dvdesk.domain.mentoring import (
    MentorFacts,
    Role,
    WarningCode,
    check_eligibility,
    mentoring_message,
    warning_message,
)
from dvdesk.domain.pipeline import Stage
from dvdesk.domain.text import clean, name_sort_key, search_key
from dvdesk.domain.validation import FieldError, parse_cccd
from dvdesk.services import audit
from dvdesk.services.actions import BlockedError, _close_open, _person
from dvdesk.services.concurrency import refuse_if_changed, value_text
from dvdesk.services.derive import load_calendar, refresh, today
from dvdesk.services.errors import NotFoundError, UserError
from dvdesk.services.people import FindingView

LEFT_REASONS = ("transferred", "deceased")
MEMBER_STATUSES = ("official", "probationary")
MAX_INTRODUCERS = 2

# Candidates who should have a helper (entered the sympathiser list, not yet admitted) and
# probationary members (helped from the ceremony until recognised).
CANDIDATE_STAGES = (
    Stage.SYMPATHISER,
    Stage.TRAINED,
    Stage.DOSSIER,
    Stage.PROPOSED,
    Stage.ADMITTED,
)
PROBATION_STAGES = (Stage.PROBATION, Stage.RECOGNITION_PROPOSED)


def _fmt(day: date) -> str:
    return day.strftime("%d/%m/%Y")


_FIELDS: dict[str, tuple[str, str]] = {
    "full_name": ("Họ và tên", "Full name"),
    "code": ("Mã", "Code"),
    "cccd": ("Số CCCD", "CCCD"),
    "unit_id": ("Đơn vị", "Unit"),
    "status": ("Trạng thái", "Status"),
    "admission_decision_date": ("Ngày quyết định kết nạp", "Admission decision date"),
    "ceremony_date": ("Ngày kết nạp", "Ceremony date"),
    "official_date": ("Ngày chính thức", "Official date"),
    "joined_cell_on": ("Ngày về chi bộ", "Joined the cell on"),
    "birth_date": ("Ngày sinh", "Date of birth"),
    "member_id": ("Đảng viên", "Party member"),
    "person_id": ("Người được giới thiệu, giúp đỡ", "Person"),
    "role": ("Vai trò", "Role"),
    "on": ("Ngày", "Date"),
    "reason": ("Lý do", "Reason"),
    "to": ("Nơi chuyển đến", "Transferred to"),
    "replacement_of": ("Thay người giới thiệu", "Replaces introducer"),
    "assignment_id": ("Phân công", "Assignment"),
    "text": ("Nội dung", "Text"),
}


def _invalid(field_name: str, vi: str, en: str) -> UserError:
    name_vi, name_en = _FIELDS[field_name]
    return UserError(f"{name_vi}: {vi}", f"{name_en}: {en}", field_name)


def _check_day(field_name: str, on: date) -> None:
    if on > today():
        raise _invalid(field_name, "không được sau ngày hôm nay.", "cannot be in the future.")


# --- members ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberInput:
    """The editable fields of a Party member of the unit."""

    full_name: str
    code: str | None = None
    birth_date: date | None = None
    cccd: str | None = None
    unit_id: str | None = None  # None: the unit this copy of dvdesk belongs to
    status: str = "official"
    admission_decision_date: date | None = None
    ceremony_date: date | None = None
    official_date: date | None = None
    card_number: str = ""
    joined_cell_on: date | None = None
    person_id: str | None = None  # when the member came through dvdesk's pipeline
    notes: str = ""


_MEMBER_FIELDS = [f.name for f in fields(MemberInput)]


def _clean_member(session: Session, data: MemberInput, member_id: str | None) -> dict[str, Any]:
    """The values to store, NFC and checked; UserError naming the first bad field."""
    values: dict[str, Any] = {
        name: clean(v) if isinstance(v, str) else v
        for name, v in ((n, getattr(data, n)) for n in _MEMBER_FIELDS)
    }
    if not values["full_name"]:
        raise _invalid("full_name", "bắt buộc.", "is required.")
    values["code"] = values["code"] or None
    values["person_id"] = values["person_id"] or None
    try:
        values["cccd"] = parse_cccd(data.cccd or "")
    except FieldError as exc:
        raise UserError(exc.message("vi"), exc.message("en"), "cccd") from None
    if values["status"] not in MEMBER_STATUSES:
        raise _invalid(
            "status", "phải là chính thức hoặc dự bị.", "must be official or probationary."
        )
    if values["status"] == "probationary" and values["official_date"] is not None:
        raise _invalid(
            "status",
            "đảng viên dự bị chưa có ngày chính thức.",
            "a probationary member has no official date.",
        )
    for name in ("birth_date", "admission_decision_date", "ceremony_date", "official_date"):
        if values[name] is not None:
            _check_day(name, values[name])
    chain = ("admission_decision_date", "ceremony_date", "official_date")
    for i, later in enumerate(chain):
        for earlier in chain[:i]:
            a, b = values[earlier], values[later]
            if a is not None and b is not None and b < a:
                raise _invalid(
                    later,
                    f"không được trước {_FIELDS[earlier][0].lower()} ({_fmt(a)}).",
                    f"cannot be before the {_FIELDS[earlier][1].lower()} ({a.isoformat()}).",
                )
    if values["unit_id"] is None:
        installed = queries.install(session)
        values["unit_id"] = installed.unit_id if installed else None
    elif session.get(Unit, values["unit_id"]) is None:
        raise _invalid("unit_id", "không tìm thấy đơn vị.", "no such unit.")
    if values["code"] and mentor_queries.member_with_code(session, values["code"], member_id):
        raise _invalid(
            "code",
            f"«{values['code']}» đã là mã của đảng viên khác.",
            f"{values['code']!r} is another member's code.",
        )
    if values["cccd"] and mentor_queries.member_with_cccd(session, values["cccd"], member_id):
        raise _invalid(
            "cccd",
            f"«{values['cccd']}» đã là số CCCD của đảng viên khác.",
            f"{values['cccd']!r} is another member's CCCD.",
        )
    return values


def _member(session: Session, member_id: str) -> Member:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFoundError(
            f"Không tìm thấy đảng viên «{member_id}».",
            f"No Party member {member_id!r}.",
            "member_id",
        )
    return member


def _apply(member: Member, values: dict[str, Any]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(member, name, None) != value:
            setattr(member, name, value)
            changed = True
    member.sort_key = name_sort_key(member.full_name)
    member.search_text = search_key(member.full_name, member.code, member.cccd)
    return changed


def add_member(db: Database, data: MemberInput, actor: str) -> str:
    """Record a Party member of the unit; the new member's id."""
    with db.unit_of_work() as session:
        values = _clean_member(session, data, None)
        member = Member(id=new_id(), owner_unit_id=values["unit_id"])
        _apply(member, values)
        session.add(member)
        session.flush()
        audit.log(session, actor, "create", "member", member.id, after=audit.snapshot(member))
        return member.id


def _as_input(member: Member) -> MemberInput:
    return MemberInput(**{name: getattr(member, name) for name in _MEMBER_FIELDS})


def member_input(db: Database, member_id: str) -> MemberInput:
    """A member's editable fields, as the member form starts from them."""
    with db.reader() as session:
        return _as_input(_member(session, member_id))


_CHANGE_LABELS: dict[str, tuple[str, str]] = {
    **_FIELDS,
    "card_number": ("Số thẻ đảng viên", "Party card number"),
    "person_id": ("Hồ sơ kết nạp trong dvdesk", "Admission record in dvdesk"),
    "notes": ("Ghi chú", "Notes"),
}
_STATUS_WORDS = {"official": "chính thức", "probationary": "dự bị"}


def _change_words(session: Session) -> Callable[[str, object], str]:
    """How a member's field reads in a change list: the unit by name, the status in words."""

    def words(key: str, value: object) -> str:
        if key == "unit_id" and isinstance(value, str):
            unit = session.get(Unit, value)
            return unit.name if unit is not None else value
        if key == "status" and isinstance(value, str):
            return _STATUS_WORDS.get(value, value)
        return value_text(value)

    return words


def update_member(
    db: Database,
    member_id: str,
    data: MemberInput,
    actor: str,
    started_from: MemberInput | None = None,
) -> bool:
    """Change a member's fields; False when nothing changed (and nothing is logged).

    `started_from`: the member as the form opened them (member_input); if another desk saved
    since, concurrency.ChangedMeanwhile names each changed field and nothing is written."""
    with db.unit_of_work() as session:
        member = _member(session, member_id)
        if started_from is not None:
            refuse_if_changed(
                started_from,
                _as_input(member),
                _CHANGE_LABELS,
                (
                    f"đảng viên {member.full_name}",
                    f"the Party member {member.full_name}",
                ),
                _change_words(session),
            )
        values = _clean_member(session, data, member.id)
        before = audit.snapshot(member)
        if not _apply(member, values):
            return False
        session.flush()
        audit.log(
            session,
            actor,
            "update",
            "member",
            member.id,
            before=before,
            after=audit.snapshot(member),
        )
        return True


@dataclass(frozen=True)
class Lacking:
    """A person left short by a member's leaving: `open` of `role` remain."""

    person_id: str
    full_name: str
    stage: str
    role: str
    open: int


@dataclass(frozen=True)
class LeftResult:
    ended: tuple[str, ...]  # the assignment ids ended on the leaving day
    lacking: tuple[Lacking, ...]


def mark_left(
    db: Database, member_id: str, on: date, reason: str, to: str = "", actor: str = ""
) -> LeftResult:
    """Record that a member left the cell (transferred out, or deceased) on `on`: their open
    assignments end that day, and the people now short of a helper or introducer are named."""
    actor = actor or audit.current_user()
    to = clean(to)
    if reason not in LEFT_REASONS:
        raise _invalid(
            "reason", "phải là chuyển đi hoặc từ trần.", "must be transferred or deceased."
        )
    if reason == "transferred" and not to:
        raise _invalid("to", "bắt buộc khi chuyển sinh hoạt đi.", "is required for a transfer.")
    _check_day("on", on)
    with db.unit_of_work() as session:
        member = _member(session, member_id)
        if member.left_on is not None:
            raise _invalid(
                "on",
                f"đảng viên đã rời chi bộ ngày {_fmt(member.left_on)}.",
                f"the member already left on {member.left_on.isoformat()}.",
            )
        if member.joined_cell_on is not None and on < member.joined_cell_on:
            raise _invalid(
                "on",
                f"trước ngày về chi bộ ({_fmt(member.joined_cell_on)}).",
                f"is before the member joined the cell ({member.joined_cell_on.isoformat()}).",
            )
        people = [
            _person(session, pid)
            for pid in mentor_queries.open_person_ids_of_member(session, member.id)
        ]
        mine = [
            a
            for p in people
            for a in p.assignments
            if a.member_id == member.id and a.to_date is None
        ]
        for a in mine:
            if a.from_date is not None and on < a.from_date:
                raise _invalid(
                    "on",
                    f"trước ngày bắt đầu một phân công ({_fmt(a.from_date)}).",
                    f"is before an assignment began ({a.from_date.isoformat()}).",
                )
        before = audit.snapshot(member)
        member.left_on, member.left_reason = on, reason
        member.left_to = to if reason == "transferred" else ""
        session.flush()
        audit.log(
            session,
            actor,
            "mark_left",
            "member",
            member.id,
            before=before,
            after=audit.snapshot(member),
            reason=reason,
        )
        for a in mine:
            _end(session, a, on, reason, actor)
        session.flush()
        calendar = load_calendar(session)
        lacking = []
        for person in people:
            refresh(session, person, calendar)
            for role in sorted({a.role for a in mine if a.person_id == person.id}):
                left = sum(1 for a in person.assignments if a.role == role and a.to_date is None)
                needed = MAX_INTRODUCERS if role == Role.INTRODUCER else 1
                if left < needed:
                    lacking.append(Lacking(person.id, person.full_name, person.stage, role, left))
        return LeftResult(tuple(a.id for a in mine), tuple(lacking))


def _end(session: Session, a: Assignment, on: date, reason: str, actor: str) -> None:
    before = audit.snapshot(a)
    a.to_date = on
    if reason:
        a.reason = clean(reason)
    session.flush()
    audit.log(
        session,
        actor,
        "end",
        "assignment",
        a.id,
        before=before,
        after=audit.snapshot(a),
        reason=reason,
    )


# --- assignments -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AssignInput:
    """One assignment asked for (what `assign` and `preview_assignment` take)."""

    person_id: str
    member_id: str
    role: str
    on: date
    replacement_of: str | None = None  # the introducer assignment this one replaces
    reason: str = ""  # why the replaced introducer was replaced (required with replacement_of)


@dataclass(frozen=True)
class Plan:
    """A checked assignment, ready to write."""

    person: Person
    member: Member
    role: Role
    replaced: Assignment | None
    waived: bool  # replaces an introducer who left: the 12-month rule does not apply
    findings: list[Finding]


def _plan(session: Session, data: AssignInput) -> Plan:
    try:
        role = Role(data.role)
    except ValueError:
        raise _invalid(
            "role", "phải là giới thiệu hoặc giúp đỡ.", "must be introducer or helper."
        ) from None
    _check_day("on", data.on)
    person = _person(session, data.person_id)
    member = _member(session, data.member_id)
    if Stage(person.stage).is_exit:
        raise _invalid(
            "person_id",
            "người này đã ra khỏi quy trình.",
            "this person has left the pipeline.",
        )
    if person.birth_date is not None and data.on < person.birth_date:
        raise _invalid("on", "trước ngày sinh.", "is before the date of birth.")
    if member.person_id is not None and member.person_id == person.id:
        raise _invalid(
            "member_id", "không thể tự giới thiệu, giúp đỡ mình.", "cannot mentor themselves."
        )
    if member.left_on is not None and member.left_on <= data.on:
        raise _invalid(
            "member_id",
            f"{member.full_name} đã rời chi bộ ngày {_fmt(member.left_on)}.",
            f"{member.full_name} left the cell on {member.left_on.isoformat()}.",
        )
    current = [a for a in person.assignments if a.role == role and a.to_date is None]
    if any(a.member_id == member.id for a in current):
        raise _invalid(
            "member_id",
            f"{member.full_name} đang là {_role_vi(role)} của người này.",
            f"{member.full_name} is already this person's {role.value}.",
        )
    replaced: Assignment | None = None
    if data.replacement_of:
        if role is not Role.INTRODUCER:
            raise _invalid(
                "replacement_of",
                "chỉ dùng khi thay người giới thiệu.",
                "only for replacing an introducer.",
            )
        replaced = next(
            (
                a
                for a in person.assignments
                if a.id == data.replacement_of and a.role == Role.INTRODUCER
            ),
            None,
        )
        if replaced is None:
            raise _invalid(
                "replacement_of",
                "không phải người giới thiệu của người này.",
                "is not an introducer of this person.",
            )
        if not clean(data.reason):
            raise _invalid("reason", "bắt buộc khi thay người giới thiệu.", "is required.")
        if replaced.from_date is not None and data.on < replaced.from_date:
            raise _invalid(
                "on",
                f"trước ngày bắt đầu của người được thay ({_fmt(replaced.from_date)}).",
                f"is before the replaced assignment began ({replaced.from_date.isoformat()}).",
            )
    if role is Role.HELPER:
        for a in current:
            if a.from_date is not None and data.on < a.from_date:
                raise _invalid(
                    "on",
                    f"trước ngày bắt đầu của người giúp đỡ hiện tại ({_fmt(a.from_date)}).",
                    f"is before the current helper began ({a.from_date.isoformat()}).",
                )
    elif len(current) - (1 if replaced in current else 0) >= MAX_INTRODUCERS:
        raise _invalid(
            "member_id",
            f"người này đã có {MAX_INTRODUCERS} người giới thiệu; hãy chọn người được thay.",
            f"this person has {MAX_INTRODUCERS} introducers already; choose the one replaced.",
        )
    old = replaced.member if replaced is not None else None
    waived = old is not None and old.left_on is not None and old.left_on <= data.on
    findings = check_eligibility(
        MentorFacts(
            name=member.full_name,
            status=member.status,
            official_on=member.official_date,
            member_joined_cell_on=member.joined_cell_on,
            member_unit_id=member.unit_id,
            person_joined_unit_on=person.joined_unit_on,
            person_unit_id=person.unit_id,
            on=data.on,
            role=role,
            replacement=waived,
        )
    )
    return Plan(person, member, role, replaced, waived, findings)


def _role_vi(role: Role) -> str:
    return "người giới thiệu" if role is Role.INTRODUCER else "người giúp đỡ"


def _views(findings: Sequence[Finding], lang: str) -> list[FindingView]:
    return [
        FindingView(f.code, f.severity.value, mentoring_message(f, lang), f.basis) for f in findings
    ]


def preview_assignment(
    db: Database,
    person_id: str,
    member_id: str,
    role: str,
    on: date,
    replacement_of: str | None = None,
    reason: str = "",
    lang: str = "vi",
) -> list[FindingView]:
    """The eligibility findings were the assignment made; input errors raise UserError."""
    data = AssignInput(person_id, member_id, role, on, replacement_of, reason)
    with db.reader() as session:
        return _views(_plan(session, data).findings, lang)


@dataclass(frozen=True)
class AssignResult:
    assignment_id: str
    ended: tuple[str, ...]  # assignments ended by this one (the previous helper, the replaced)
    findings: list[FindingView]
    overridden: bool
    waived: bool


def assign(
    db: Database,
    person_id: str,
    member_id: str,
    role: str,
    on: date,
    actor: str,
    override_reason: str = "",
    replacement_of: str | None = None,
    reason: str = "",
    lang: str = "vi",
) -> AssignResult:
    """Give the person an introducer or a helper from `data.on`. Error findings block
    (BlockedError) unless `override_reason` is given; it goes to the audit log. A new helper ends
    the previous one; `replacement_of` (an introducer assignment) is ended with `reason`, and
    when its member has left the cell the new introducer is not held to the 12 months."""
    data = AssignInput(person_id, member_id, role, on, replacement_of, reason)
    override = clean(override_reason)
    with db.unit_of_work() as session:
        plan = _plan(session, data)
        views = _views(plan.findings, lang)
        errors = [
            v for v, f in zip(views, plan.findings, strict=True) if f.severity is Severity.ERROR
        ]
        if errors and not override:
            raise BlockedError(errors)
        person = plan.person
        ended: list[str] = []
        if plan.role is Role.HELPER:
            closed: list[tuple[str, date | None]] = []
            previous = {a.id: audit.snapshot(a) for a in person.assignments}
            _close_open(person, Role.HELPER, data.on, closed)
            session.flush()
            for assignment_id, _ in closed:
                row = next(a for a in person.assignments if a.id == assignment_id)
                audit.log(
                    session,
                    actor,
                    "end",
                    "assignment",
                    row.id,
                    before=previous[row.id],
                    after=audit.snapshot(row),
                )
                ended.append(row.id)
        elif plan.replaced is not None:
            if plan.replaced.to_date is None:
                _end(session, plan.replaced, data.on, data.reason, actor)
            ended.append(plan.replaced.id)
        row = Assignment(
            member_id=plan.member.id,
            role=plan.role.value,
            from_date=data.on,
            replacement=plan.waived,
            reason=clean(data.reason) if plan.replaced is not None else "",
            owner_unit_id=person.owner_unit_id,
        )
        row.member = plan.member
        person.assignments.append(row)
        session.flush()
        after = audit.snapshot(row)
        after["overridden"] = [v.code for v in errors]
        if plan.replaced is not None:
            after["replaces"] = plan.replaced.id
        audit.log(
            session,
            actor,
            "assign",
            "assignment",
            row.id,
            after=after,
            reason=override if errors else "",
        )
        refresh(session, person, load_calendar(session))
        return AssignResult(row.id, tuple(ended), views, bool(errors), plan.waived)


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssignmentView:
    id: str
    person_id: str
    person_code: str
    person_name: str
    person_stage: str
    member_id: str
    role: str
    from_date: date | None
    to_date: date | None
    replacement: bool
    reason: str


def _assignment_view(a: Assignment, person: Person) -> AssignmentView:
    return AssignmentView(
        id=a.id,
        person_id=person.id,
        person_code=person.code or "",
        person_name=person.full_name,
        person_stage=person.stage,
        member_id=a.member_id,
        role=a.role,
        from_date=a.from_date,
        to_date=a.to_date,
        replacement=a.replacement,
        reason=a.reason,
    )


@dataclass(frozen=True)
class MemberOverview:
    member_id: str
    full_name: str
    status: str
    left_on: date | None
    left_reason: str
    left_to: str
    current: tuple[AssignmentView, ...]  # who they introduce or help now
    history: tuple[AssignmentView, ...]  # ended assignments, newest first
    helping: int
    introducing: int

    @property
    def load(self) -> int:
        return len(self.current)


def member_overview(db: Database, member_id: str) -> MemberOverview:
    with db.reader() as session:
        member = _member(session, member_id)
        rows = [
            _assignment_view(a, a.person)
            for a in mentor_queries.assignments_of_member(session, member.id)
        ]
        current = tuple(r for r in rows if r.to_date is None)
        return MemberOverview(
            member_id=member.id,
            full_name=member.full_name,
            status=member.status,
            left_on=member.left_on,
            left_reason=member.left_reason,
            left_to=member.left_to,
            current=current,
            history=tuple(r for r in rows if r.to_date is not None),
            helping=sum(1 for r in current if r.role == Role.HELPER),
            introducing=sum(1 for r in current if r.role == Role.INTRODUCER),
        )


@dataclass(frozen=True)
class MentoringWarning:
    code: str
    person_id: str
    person_name: str
    member_id: str | None
    message: str


def mentoring_warnings(db: Database, lang: str = "vi") -> list[MentoringWarning]:
    """Candidates (sympathiser to admitted) and probationary members with no helper, and open
    assignments whose member has left the cell."""
    out: list[MentoringWarning] = []
    with db.reader() as session:
        for stages, code in (
            (CANDIDATE_STAGES, WarningCode.CANDIDATE_NO_HELPER),
            (PROBATION_STAGES, WarningCode.PROBATIONER_NO_HELPER),
        ):
            for r in mentor_queries.people_without_open_helper(session, [s.value for s in stages]):
                out.append(
                    MentoringWarning(
                        code.value,
                        r.id,
                        r.full_name,
                        None,
                        warning_message(code, {"person": r.full_name}, lang),
                    )
                )
        for a, person, member in mentor_queries.open_assignments_of_left_members(session):
            params: dict[str, object] = {
                "person": person.full_name,
                "member": member.full_name,
                "role": a.role,
                "left_on": member.left_on,
            }
            out.append(
                MentoringWarning(
                    WarningCode.MENTOR_LEFT.value,
                    person.id,
                    person.full_name,
                    member.id,
                    warning_message(WarningCode.MENTOR_LEFT, params, lang),
                )
            )
    return out


# --- helper notes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class HelperNoteView:
    id: str
    assignment_id: str
    member_id: str
    member_name: str
    on: date
    text: str


def add_helper_note(db: Database, assignment_id: str, on: date, text: str, actor: str = "") -> str:
    """A helper's dated note on the person they help; the note's id."""
    actor = actor or audit.current_user()
    text = clean(text)
    if not text:
        raise _invalid("text", "bắt buộc.", "is required.")
    _check_day("on", on)
    with db.unit_of_work() as session:
        a = mentor_queries.assignment(session, assignment_id)
        if a is None:
            raise _invalid("assignment_id", "không tìm thấy.", "not found.")
        if a.role != Role.HELPER:
            raise _invalid(
                "assignment_id", "không phải phân công giúp đỡ.", "is not a helper assignment."
            )
        if a.from_date is not None and on < a.from_date:
            raise _invalid(
                "on",
                f"trước ngày bắt đầu giúp đỡ ({_fmt(a.from_date)}).",
                f"is before the help began ({a.from_date.isoformat()}).",
            )
        if a.to_date is not None and on > a.to_date:
            raise _invalid(
                "on",
                f"sau ngày kết thúc giúp đỡ ({_fmt(a.to_date)}).",
                f"is after the help ended ({a.to_date.isoformat()}).",
            )
        note = HelperNote(
            id=new_id(),
            assignment_id=a.id,
            on_date=on,
            text=text,
            owner_unit_id=a.owner_unit_id,
        )
        session.add(note)
        session.flush()
        audit.log(session, actor, "create", "helper_note", note.id, after=audit.snapshot(note))
        return note.id


def helper_notes(db: Database, person_id: str) -> list[HelperNoteView]:
    """Every helper's notes on the person, oldest first."""
    with db.reader() as session:
        return [
            HelperNoteView(n.id, a.id, m.id, m.full_name, n.on_date, n.text)
            for n, a, m in mentor_queries.helper_notes_of_person(session, person_id)
        ]


__all__ = [
    "AssignInput",
    "AssignResult",
    "AssignmentView",
    "BlockedError",
    "HelperNoteView",
    "Lacking",
    "LeftResult",
    "MemberInput",
    "MemberOverview",
    "MentoringWarning",
    "add_helper_note",
    "add_member",
    "assign",
    "helper_notes",
    "mark_left",
    "member_input",
    "member_overview",
    "mentoring_warnings",
    "preview_assignment",
    "update_member",
]
