"""Sharing a target out and ranking the units for the emulation review."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dvdesk.domain.emulation import (
    MET,
    NO_TARGET,
    NONE,
    SHORT,
    UnitStanding,
    rank_units,
    share_out,
)


def test_the_founding_200_is_shared_in_proportion_and_adds_up() -> None:
    parts = share_out(200, {"a": 50, "b": 30, "c": 20})
    assert parts == {"a": 100, "b": 60, "c": 40}
    # 200 over three equal pools: 67, 67, 66; the odd one goes by key, not at random.
    assert share_out(200, {"x": 1, "y": 1, "z": 1}) == {"x": 67, "y": 67, "z": 66}


def test_units_with_nobody_in_their_pool_share_evenly_only_when_all_are_empty() -> None:
    assert share_out(10, {"a": 0, "b": 5}) == {"a": 0, "b": 10}
    assert share_out(10, {"a": 0, "b": 0}) == {"a": 5, "b": 5}
    assert share_out(10, {}) == {}


def test_a_negative_total_or_weight_is_refused() -> None:
    with pytest.raises(ValueError):
        share_out(-1, {"a": 1})
    with pytest.raises(ValueError):
        share_out(1, {"a": -1})


@given(
    st.integers(0, 5000),
    st.dictionaries(st.text(min_size=1, max_size=4), st.integers(0, 10_000), max_size=30),
)
def test_shares_add_up_and_each_is_within_one_of_its_exact_share(
    total: int, weights: dict[str, int]
) -> None:
    parts = share_out(total, weights)
    assert set(parts) == set(weights)
    if not weights:
        return
    assert sum(parts.values()) == total
    weight_sum = sum(weights.values())
    for key, part in parts.items():
        exact = (
            Fraction(total * weights[key], weight_sum)
            if weight_sum
            else Fraction(total, len(weights))
        )
        assert exact - 1 < part < exact + 1


def _unit(
    name: str,
    target: int,
    admitted: int,
    youth: int = 0,
    errors: int = 0,
    overdue: int = 0,
) -> UnitStanding:
    return UnitStanding(name, name, target, admitted, youth, errors, overdue, True, False)


def test_units_rank_by_share_of_target_then_youth_union_then_fewer_errors() -> None:
    ranked = rank_units(
        [
            _unit("Không giao", 0, 9),
            _unit("Đạt một nửa", 10, 5),
            _unit("Vượt", 10, 12),
            _unit("Đủ, ít đoàn viên", 10, 10, youth=5),
            _unit("Đủ, nhiều đoàn viên", 10, 10, youth=8, errors=3),
            _unit("Đủ, nhiều đoàn viên, không lỗi", 10, 10, youth=8),
        ]
    )
    assert [(r.rank, r.standing.unit_name) for r in ranked] == [
        (1, "Vượt"),
        (2, "Đủ, nhiều đoàn viên, không lỗi"),
        (3, "Đủ, nhiều đoàn viên"),
        (4, "Đủ, ít đoàn viên"),
        (5, "Đạt một nửa"),
        (6, "Không giao"),
    ]
    assert [r.standing.result for r in ranked] == [MET, MET, MET, MET, SHORT, NO_TARGET]


def test_equal_units_share_a_rank_and_the_next_rank_skips() -> None:
    ranked = rank_units([_unit("B", 4, 2), _unit("A", 4, 2), _unit("C", 4, 0)])
    assert [(r.rank, r.standing.unit_name) for r in ranked] == [(1, "A"), (1, "B"), (3, "C")]
    assert ranked[2].standing.result == NONE
    assert ranked[0].standing.achieved == Fraction(1, 2)
