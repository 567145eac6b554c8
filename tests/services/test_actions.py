"""Pipeline actions: the rules run first, errors block unless overridden, and undo reverses."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.db.models import Assignment, AuditEntry, CertificateRecord, Member, PipelineEvent
from dvdesk.domain.facts import MassOrg
from dvdesk.domain.text import name_sort_key, search_key
from dvdesk.services.actions import (
    ActionInput,
    ActionKind,
    BlockedError,
    UndoStack,
    available_actions,
    perform,
    preview,
    undo,
)
from dvdesk.services.derive import load_calendar
from dvdesk.services.errors import UserError
from dvdesk.services.people import PersonInput, create_person

A = ActionKind


def make_member(db: Database, name: str, status: str = "official") -> str:
    with db.unit_of_work() as s:
        m = Member(
            full_name=name,
            sort_key=name_sort_key(name),
            search_text=search_key(name),
            status=status,
            official_date=date(2010, 1, 1) if status == "official" else None,
            joined_cell_on=date(2015, 1, 1),
        )
        s.add(m)
        s.flush()
        return m.id


def make_person(db: Database, name: str, born: date, **kw: Any) -> str:
    data = PersonInput(
        full_name=name,
        birth_date=born,
        education_grade=12,
        joined_unit_on=date(2021, 1, 1),
        **kw,
    )
    with db.unit_of_work() as s:
        return create_person(s, data, "thu.ky", load_calendar(s), owner=None).id


def counts(db: Database) -> tuple[int, int, int]:
    with db.reader() as s:
        return (
            s.scalar(select(func.count()).select_from(PipelineEvent)) or 0,
            s.scalar(select(func.count()).select_from(CertificateRecord)) or 0,
            s.scalar(select(func.count()).select_from(Assignment)) or 0,
        )


def stage_of(db: Database, pid: str) -> str:
    with db.reader() as s:
        person = queries.person_by_key(s, pid)
        assert person is not None
        return person.stage


def dossier_steps(m1: str, m2: str) -> list[ActionInput]:
    return [
        ActionInput(A.LIST_SYMPATHISER, date(2022, 1, 10), helper_id=m1),
        ActionInput(A.CERTIFICATE, date(2022, 3, 1), number="GCN-1"),
        ActionInput(A.APPLICATION, date(2022, 4, 1)),
        ActionInput(A.INTRODUCERS, date(2022, 4, 5), introducer_ids=(m1, m2)),
        ActionInput(A.VERIFICATION, date(2022, 5, 1)),
        ActionInput(A.OPINIONS, date(2022, 5, 10)),
    ]


def vote(on: date, votes_for: int = 9, official: int = 9) -> ActionInput:
    return ActionInput(
        A.CELL_VOTE, on, official_members=official, present=official, votes_for=votes_for
    )


AFTER_VOTE = [
    ActionInput(A.DECISION, date(2022, 7, 1), number="123-QĐ/ĐU"),
    ActionInput(A.DECISION_RECEIVED, date(2022, 7, 5)),
    ActionInput(A.CEREMONY, date(2022, 7, 20)),
    ActionInput(A.RECOGNITION_VOTE, date(2023, 7, 25), official_members=9, present=8, votes_for=8),
    ActionInput(A.RECOGNITION_DECISION, date(2023, 8, 10), number="45-QĐ/ĐU"),
]

EXPECTED_STAGES = [
    "sympathiser",
    "trained",
    "dossier",
    "dossier",
    "dossier",
    "dossier",
    "proposed",
    "admitted",
    "admitted",
    "probation",
    "recognition_proposed",
    "official",
]


def test_source_to_official_then_undo(db: Database) -> None:
    m1, m2 = make_member(db, "Trần Văn Bình"), make_member(db, "Lê Thị Cúc")
    pid = make_person(db, "Nguyễn Văn An", date(2000, 1, 1))
    stack = UndoStack()
    snapshots = []
    steps = [*dossier_steps(m1, m2), vote(date(2022, 6, 1)), *AFTER_VOTE]
    for step, expected in zip(steps, EXPECTED_STAGES, strict=True):
        assert available_actions(stage_of(db, pid)) is not None
        snapshots.append((counts(db), stage_of(db, pid)))
        assert not [f for f in preview(db, pid, step) if f.severity == "error"], step.kind
        result = perform(db, pid, step, "thu.ky")
        assert result.stage == expected, step.kind
        assert not result.overridden
        stack.push(result.token)
    assert counts(db) == (10, 1, 3)
    with db.reader() as s:
        actions = [e.action for e in queries.audit_entries(s, pid)]
    assert actions.count("action:cell_vote") == 1

    # An older action cannot be undone past a later one.
    oldest = list(stack)[-1]
    with pytest.raises(UserError):
        undo(db, oldest, "thu.ky")

    # Undo the last four, one by one: rows and stage come back exactly.
    for _ in range(4):
        result_undo = stack.undo(db, "thu.ky")
        assert result_undo is not None
        before_counts, before_stage = snapshots.pop()
        assert counts(db) == before_counts
        assert stage_of(db, pid) == before_stage
    assert stage_of(db, pid) == "admitted"
    assert len(stack) == len(steps) - 4
    with db.reader() as s:
        undos = [e for e in queries.audit_entries(s, pid) if e.action == "undo"]
        deletes = s.scalars(select(AuditEntry).where(AuditEntry.action == "delete")).all()
    assert len(undos) == 4
    assert len(deletes) == 4
    assert all(e.actor == "thu.ky" for e in undos)


def test_undo_introducers_reopens_the_replaced_ones(db: Database) -> None:
    m1, m2, m3 = (make_member(db, n) for n in ("Trần Văn Bình", "Lê Thị Cúc", "Phạm Văn Dũng"))
    pid = make_person(db, "Nguyễn Văn An", date(2000, 1, 1))
    for step in dossier_steps(m1, m2)[:4]:
        perform(db, pid, step, "thu.ky")
    token = perform(
        db,
        pid,
        ActionInput(A.INTRODUCERS, date(2022, 4, 20), introducer_ids=(m3,), replacement=True),
        "thu.ky",
    ).token
    with db.reader() as s:
        open_ids = s.scalars(
            select(Assignment.member_id).where(
                Assignment.role == "introducer", Assignment.to_date.is_(None)
            )
        ).all()
    assert list(open_ids) == [m3]
    undo(db, token, "thu.ky")
    with db.reader() as s:
        open_ids = s.scalars(
            select(Assignment.member_id).where(
                Assignment.role == "introducer", Assignment.to_date.is_(None)
            )
        ).all()
    assert sorted(open_ids) == sorted([m1, m2])


def test_under_18_blocks_until_overridden(db: Database) -> None:
    m1, m2 = make_member(db, "Trần Văn Bình"), make_member(db, "Lê Thị Cúc")
    pid = make_person(db, "Hoàng Thị Mai", date(2005, 1, 1))
    for step in dossier_steps(m1, m2):
        perform(db, pid, step, "thu.ky")
    before = counts(db)
    action = vote(date(2022, 6, 1), votes_for=5)
    codes = {f.code for f in preview(db, pid, action) if f.severity == "error"}
    assert codes == {"AGE_UNDER_18", "VOTE_BELOW_TWO_THIRDS"}
    with pytest.raises(BlockedError) as blocked:
        perform(db, pid, action, "thu.ky")
    assert {f.code for f in blocked.value.findings} == codes
    assert blocked.value.field == "override_reason"
    assert counts(db) == before

    result = perform(db, pid, action, "thu.ky", override_reason="Cấp ủy cấp trên đồng ý")
    assert result.overridden
    with db.reader() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "action:cell_vote")).one()
        event = s.scalars(select(PipelineEvent).where(PipelineEvent.kind == "cell_vote")).one()
    assert entry.reason == "Cấp ủy cấp trên đồng ý"
    assert "AGE_UNDER_18" in entry.after
    assert event.override_reason == "Cấp ủy cấp trên đồng ý"


def test_probationary_introducer_is_an_error_at_the_vote(db: Database) -> None:
    m1, m2 = make_member(db, "Trần Văn Bình"), make_member(db, "Lê Thị Cúc", "probationary")
    pid = make_person(db, "Nguyễn Văn An", date(2000, 1, 1))
    steps = dossier_steps(m1, m2)
    for step in steps[:3]:
        perform(db, pid, step, "thu.ky")
    # Before the vote it only warns.
    found = preview(db, pid, steps[3])
    assert [(f.code, f.severity) for f in found] == [("INTRODUCER_NOT_OFFICIAL", "warning")]
    for step in steps[3:]:
        perform(db, pid, step, "thu.ky")
    with pytest.raises(BlockedError):
        perform(db, pid, vote(date(2022, 6, 1)), "thu.ky")


@pytest.mark.parametrize(
    ("action", "field"),
    [
        (vote(date(2022, 6, 1), votes_for=10), "votes_for"),
        (
            ActionInput(A.CELL_VOTE, date(2022, 6, 1), official_members=9, present=10, votes_for=8),
            "present",
        ),
        (vote(date(2022, 5, 1)), "on"),
        (ActionInput(A.REMOVE, date(2022, 6, 1), reason="  "), "reason"),
        (ActionInput(A.INTRODUCERS, date(2022, 6, 1), introducer_ids=("nope",)), "introducer_ids"),
        (ActionInput(A.OPINIONS, date(2999, 1, 1)), "on"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    db: Database, action: ActionInput, field: str
) -> None:
    m1, m2 = make_member(db, "Trần Văn Bình"), make_member(db, "Lê Thị Cúc")
    pid = make_person(db, "Nguyễn Văn An", date(2000, 1, 1))
    for step in dossier_steps(m1, m2):
        perform(db, pid, step, "thu.ky")
    before = counts(db)
    with db.reader() as s:
        audit_before = len(queries.audit_entries(s))
    with pytest.raises(UserError) as err:
        perform(db, pid, action, "thu.ky")
    assert err.value.field == field
    assert err.value.vi and err.value.en and err.value.vi != err.value.en
    assert counts(db) == before
    with db.reader() as s:
        assert len(queries.audit_entries(s)) == audit_before


def test_exits_and_relisting(db: Database) -> None:
    m1 = make_member(db, "Trần Văn Bình")
    pid = make_person(db, "Nguyễn Văn An", date(2000, 1, 1), youth_union_member=True)
    perform(db, pid, ActionInput(A.LIST_SYMPATHISER, date(2022, 1, 10), helper_id=m1), "x")
    result = perform(
        db, pid, ActionInput(A.REMOVE, date(2022, 2, 1), reason="Chuyển công tác"), "x"
    )
    assert result.stage == "removed"
    with pytest.raises(UserError):
        perform(db, pid, ActionInput(A.APPLICATION, date(2022, 3, 1)), "x")
    again = perform(db, pid, ActionInput(A.LIST_SYMPATHISER, date(2022, 3, 1)), "x")
    assert again.stage == "sympathiser"
    res = perform(
        db,
        pid,
        ActionInput(
            A.MASS_ORG_RESOLUTION,
            date(2022, 3, 2),
            mass_org=MassOrg.YOUTH_UNION,
            introducer_ids=(m1,),
        ),
        "x",
    )
    assert res.stage == "dossier"


def test_undo_stack_keeps_the_last_entries() -> None:
    from dvdesk.services.actions import UndoToken

    stack = UndoStack(limit=20)
    for i in range(25):
        stack.push(UndoToken(i, "p", A.APPLICATION, "vi", "en", (), (), frozenset()))
    assert len(stack) == 20
    top = stack.peek()
    assert top is not None and top.serial == 24
    assert top.label("en") == "en"
