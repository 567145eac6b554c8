"""The office's monthly review: what the chi bộ sent up, ready or not, and the decisions."""

from __future__ import annotations

import pytest

from dvdesk.db.models import Person, PipelineEvent
from dvdesk.services import register, review
from dvdesk.services.errors import UserError
from exchange_world import EXCHANGE_DAY, World
from pdf_text import pdf_text


def test_the_review_sorts_ready_dossiers_first_and_says_what_the_others_lack(
    world: World,
) -> None:
    world.cell_to_office()
    items = review.monthly_review(world.office, EXCHANGE_DAY)
    with world.office.reader() as s:
        waiting = {p.id for p in s.query(Person) if p.stage in ("proposed", "recognition_proposed")}
    assert {i.person_id for i in items} == waiting and items
    ready = [i for i in items if i.ready]
    not_ready = [i for i in items if not i.ready]
    assert items[: len(ready)] == ready  # ready ones first
    for item in not_ready:
        assert item.missing or item.errors  # and each says why
    for item in ready:
        assert not item.errors and not item.missing and item.vote_on is not None


def test_the_meeting_issues_numbered_decisions_that_go_down_to_the_cell(world: World) -> None:
    world.cell_to_office()
    ready = [i for i in review.monthly_review(world.office, EXCHANGE_DAY) if i.ready]
    assert ready, "the demo has dossiers ready for a decision"
    chosen = [i.person_id for i in ready[:2]]
    issued, pdf = review.issue_decisions(world.office, chosen, EXCHANGE_DAY, actor="test")
    assert [d.person_id for d in issued] == chosen
    numbers = [d.number for d in issued]
    assert all(n.endswith(("-QĐ/ĐU",)) for n in numbers) and len(set(numbers)) == len(numbers)
    assert pdf is not None
    text = pdf_text(pdf)
    for decision in issued:
        assert decision.name in text and f"Số {decision.number}" in text
    assert {e.form_code for e in register.entries(world.office)} <= {"9-KNĐ", "16-KNĐ"}
    world.office_to_cell()
    with world.cell.reader() as s:
        for decision in issued:
            kinds = {
                e.kind: e.number
                for e in s.query(PipelineEvent).filter_by(person_id=decision.person_id)
            }
            assert decision.number in kinds.values()
    # Decided people leave the review; deciding again is refused.
    assert not {d.person_id for d in issued} & {
        i.person_id for i in review.monthly_review(world.office, EXCHANGE_DAY)
    }
    with pytest.raises(UserError):
        review.issue_decisions(world.office, chosen, EXCHANGE_DAY)


def test_a_chi_bo_cannot_issue_decisions(world: World) -> None:
    with pytest.raises(UserError) as refused:
        review.issue_decisions(world.cell, [], EXCHANGE_DAY)
    assert refused.value.field == "role"


def test_the_office_sees_which_units_sent_their_plan_and_what_it_commits_to(
    world: World,
) -> None:
    from dataclasses import replace
    from datetime import date

    from dvdesk.services import plans

    year = EXCHANGE_DAY.year
    founding = plans.founding_plan_input(world.office_id, year)
    plans.save_plan(
        world.office,
        replace(founding, targets=(plans.UnitTarget(world.cell_id, admit_target=5),)),
    )
    [before] = review.plan_submissions(world.office, year, date(year, 3, 6))
    assert (before.unit_code, before.received, before.given, before.late) == (
        "CB01",
        False,
        5,
        True,
    )
    assert not review.plan_submissions(world.office, year, date(year, 3, 5))[0].late
    own = replace(
        plans.founding_plan_input(world.cell_id, year), admit_target=4, youth_union_share=50
    )
    plans.save_plan(world.cell, own)
    world.cell_to_office()
    [after] = review.plan_submissions(world.office, year, date(year, 3, 6))
    assert (after.received, after.committed, after.given, after.late, after.short) == (
        True,
        4,
        5,
        False,
        True,
    )
