"""A class for the whole bloc, through the real exchange: the office plans it, the chi bộ
nominates its people, the office enrols them, records results and issues certificates, and the
chi bộ sees each person trained."""

from __future__ import annotations

from datetime import date

from dvdesk.db.models import CertificateRecord, Enrolment, PartyClass, Person
from dvdesk.services import classes
from dvdesk.services.classes import ClassInput, Result
from exchange_world import World

TODAY = date(2026, 11, 27)


def test_a_bloc_class_gathers_nominees_from_the_cell_and_sends_back_certificates(
    world: World,
) -> None:
    world.cell_to_office()
    world.office_to_cell()
    class_id = classes.plan_class(
        world.office,
        ClassInput(
            kind="awareness",
            name="Lớp bồi dưỡng nhận thức về Đảng khóa 4/2026",
            year=2026,
            quarter=4,
            organiser="Trung tâm Chính trị",
            start_date=date(2026, 12, 7),
            end_date=date(2026, 12, 11),
        ),
        "office",
    )
    down = world.office_to_cell()
    assert down.new >= 1
    with world.cell.reader() as s:
        planned = s.get(PartyClass, class_id)
        assert planned is not None and planned.owner_unit_id == world.office_id
        sympathisers = [
            p.id for p in s.query(Person).filter_by(stage="sympathiser").order_by(Person.sort_key)
        ][:3]
    assert len(sympathisers) == 3

    # The chi bộ proposes three of its sympathisers; the office sees them as nominees.
    classes.nominate(world.cell, class_id, sympathisers, TODAY, "cell")
    up = world.cell_to_office()
    assert up.conflicts == 0
    nominees = {r.person_id for r in classes.class_enrolments(world.office, class_id)}
    assert nominees == set(sympathisers)

    # The office runs the class: enrols, records results, numbers the certificates.
    classes.enrol(world.office, class_id, sympathisers, date(2026, 12, 7), "office")
    classes.record_results(
        world.office,
        class_id,
        {
            sympathisers[0]: Result(True, 5),
            sympathisers[1]: Result(True, 5),
            sympathisers[2]: Result(False, 2),
        },
        date(2026, 12, 11),
        "office",
    )
    issued = classes.issue_certificates(
        world.office, class_id, 41, "Trung tâm Chính trị", date(2026, 12, 12), "office", "{n}/CN"
    )
    assert [c.number for c in issued] != [] and len(issued) == 2
    back = world.office_to_cell()
    assert back.conflicts == 0 and not back.warnings

    with world.cell.reader() as s:
        statuses = {e.person_id: e.status for e in s.query(Enrolment).filter_by(class_id=class_id)}
        certificates = {
            c.person_id: c.number for c in s.query(CertificateRecord).filter_by(class_id=class_id)
        }
        stages = {pid: s.get(Person, pid).stage for pid in sympathisers}  # type: ignore[union-attr]
    assert statuses == {
        sympathisers[0]: "passed",
        sympathisers[1]: "passed",
        sympathisers[2]: "failed",
    }
    assert certificates == {c.person_id: c.number for c in issued}
    assert stages[sympathisers[0]] == stages[sympathisers[1]] == "trained"
    assert stages[sympathisers[2]] == "sympathiser"
