"""The stage is derived from dated events."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dvdesk.domain.facts import Event
from dvdesk.domain.pipeline import PIPELINE_ORDER, EventKind, Stage
from dvdesk.domain.stages import derive_stage, has_exited

K = EventKind


def ev(kind: EventKind, on: date, **kw: Any) -> Event:
    return Event(kind, on, **kw)


PATH = [
    ev(K.SYMPATHISER_LISTED, date(2024, 1, 10)),
    ev(K.CERTIFICATE, date(2024, 5, 20)),
    ev(K.APPLICATION, date(2025, 9, 1)),
    ev(K.CELL_VOTE, date(2026, 1, 15), votes_for=9, official_members=12),
    ev(K.DECISION, date(2026, 2, 2)),
    ev(K.CEREMONY, date(2026, 3, 10)),
    ev(K.RECOGNITION_VOTE, date(2027, 3, 15), votes_for=9, official_members=12),
    ev(K.RECOGNITION_DECISION, date(2027, 4, 1)),
]
EXPECTED = [
    Stage.SYMPATHISER,
    Stage.TRAINED,
    Stage.DOSSIER,
    Stage.PROPOSED,
    Stage.ADMITTED,
    Stage.PROBATION,
    Stage.RECOGNITION_PROPOSED,
    Stage.OFFICIAL,
]


def test_nothing_is_a_source() -> None:
    assert derive_stage([]) is Stage.SOURCE


def test_a_certificate_alone_means_trained() -> None:
    assert derive_stage([], has_certificate=True) is Stage.TRAINED
    assert derive_stage([PATH[0]], has_certificate=True) is Stage.TRAINED


@pytest.mark.parametrize("upto", range(1, len(PATH) + 1))
def test_along_the_pipeline(upto: int) -> None:
    assert derive_stage(PATH[:upto]) is EXPECTED[upto - 1]


def test_a_vote_below_two_thirds_stays_in_dossier() -> None:
    failed = ev(K.CELL_VOTE, date(2026, 1, 15), votes_for=7, official_members=12)
    assert derive_stage([*PATH[:3], failed]) is Stage.DOSSIER
    passed = ev(K.CELL_VOTE, date(2026, 1, 15), votes_for=8, official_members=12)
    assert derive_stage([*PATH[:3], passed]) is Stage.PROPOSED
    unknown = ev(K.CELL_VOTE, date(2026, 1, 15))
    assert derive_stage([*PATH[:3], unknown]) is Stage.PROPOSED


def test_a_failed_recognition_vote_stays_in_probation() -> None:
    failed = ev(K.RECOGNITION_VOTE, date(2027, 3, 15), votes_for=2, official_members=12)
    assert derive_stage([*PATH[:6], failed]) is Stage.PROBATION


@pytest.mark.parametrize(
    ("kind", "stage", "upto"),
    [
        (K.REMOVED, Stage.REMOVED, 2),
        (K.NOT_ADMITTED, Stage.NOT_ADMITTED, 4),
        (K.STRUCK_OFF, Stage.STRUCK_OFF, 6),
    ],
)
def test_an_exit_as_the_last_act(kind: EventKind, stage: Stage, upto: int) -> None:
    last = PATH[upto - 1].on
    assert derive_stage([*PATH[:upto], ev(kind, date(last.year + 1, 1, 1))]) is stage
    # On the same day as another act, the exit is taken as the later one.
    assert derive_stage([*PATH[:upto], ev(kind, last)]) is stage


def test_acts_after_an_exit_start_again() -> None:
    events = [
        ev(K.SYMPATHISER_LISTED, date(2020, 1, 1)),
        ev(K.APPLICATION, date(2020, 6, 1)),
        ev(K.REMOVED, date(2021, 1, 1)),
        ev(K.SYMPATHISER_LISTED, date(2023, 1, 1)),
    ]
    assert derive_stage(events) is Stage.SYMPATHISER
    # A certificate earned before the removal is kept.
    with_certificate = [*events, ev(K.CERTIFICATE, date(2020, 3, 1))]
    assert derive_stage(with_certificate) is Stage.TRAINED


def test_acts_recorded_out_of_order() -> None:
    # A certificate entered late (dated after the application) does not move back.
    events = [*PATH[:4], ev(K.CERTIFICATE, date(2026, 2, 1))]
    assert derive_stage(events) is Stage.PROPOSED


@given(st.permutations(PATH))
def test_the_order_of_the_list_does_not_matter(events: list[Event]) -> None:
    assert derive_stage(events) is Stage.OFFICIAL


random_events = st.lists(
    st.builds(
        Event,
        kind=st.sampled_from(list(EventKind)),
        on=st.dates(min_value=date(2024, 1, 1), max_value=date(2024, 3, 1)),
        votes_for=st.one_of(st.none(), st.integers(0, 12)),
        official_members=st.one_of(st.none(), st.integers(0, 12)),
    ),
    max_size=8,
)


@given(random_events)
def test_has_exited_agrees_with_derive_stage(events: list[Event]) -> None:
    stage = derive_stage(events)
    assert has_exited(events) is stage.is_exit
    assert stage in PIPELINE_ORDER or stage.is_exit
