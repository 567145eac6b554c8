"""Targets shared out to the units below and the emulation ranking (bình xét thi đua) of the
units against them.

The ranking is a published order, so every step of it is spelled out here and shown to the
user: a unit with a target comes before one without; then the larger share of its target
admitted; then the larger share of Youth Union members among those admitted; then fewer rule
errors, then fewer overdue acts; then more people admitted. Units equal on all of these share
a rank ("1, 2, 2, 4"). Nothing here decides a reward: the office reads the order and decides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

MET = "met"  # admitted at least the target
SHORT = "short"  # some admitted, fewer than the target
NONE = "none"  # nobody admitted against a target
NO_TARGET = "no_target"


def share_out(total: int, weights: Mapping[str, int]) -> dict[str, int]:
    """`total` split in proportion to `weights` (largest remainder; ties by key), so the parts
    add up to the total exactly. With no weight anywhere the split is as even as it can be."""
    if total < 0:
        raise ValueError("total must not be negative")
    if any(w < 0 for w in weights.values()):
        raise ValueError("weights must not be negative")
    keys = sorted(weights)
    if not keys:
        return {}
    weight_sum = sum(weights.values())
    exact = {
        k: (Fraction(total * weights[k], weight_sum) if weight_sum else Fraction(total, len(keys)))
        for k in keys
    }
    parts = {k: int(exact[k]) for k in keys}
    left = total - sum(parts.values())
    by_remainder = sorted(keys, key=lambda k: (-(exact[k] - parts[k]), k))
    for k in by_remainder[:left]:
        parts[k] += 1
    return parts


@dataclass(frozen=True)
class UnitStanding:
    """What one unit has done in the year against what it was given."""

    unit_id: str
    unit_name: str
    target: int  # admissions given (0: none)
    admitted: int
    youth_union: int  # of the admitted, Youth Union members
    errors: int  # rule errors on its people (derived, as of today)
    overdue: int  # acts past their deadline today
    plan_received: bool  # its own yearly plan reached the office
    plan_late: bool  # no plan and the office's date has passed

    @property
    def achieved(self) -> Fraction | None:
        return Fraction(self.admitted, self.target) if self.target else None

    @property
    def youth_union_share(self) -> Fraction:
        return Fraction(self.youth_union, self.admitted) if self.admitted else Fraction(0)

    @property
    def result(self) -> str:
        if not self.target:
            return NO_TARGET
        if self.admitted >= self.target:
            return MET
        return SHORT if self.admitted else NONE


@dataclass(frozen=True)
class RankedUnit:
    rank: int
    standing: UnitStanding


def _key(s: UnitStanding) -> tuple[object, ...]:
    return (
        0 if s.target else 1,
        -(s.achieved or Fraction(0)),
        -s.youth_union_share,
        s.errors,
        s.overdue,
        -s.admitted,
    )


def rank_units(standings: Sequence[UnitStanding]) -> list[RankedUnit]:
    """The units in emulation order; equal units share a rank and are listed by name."""
    ordered = sorted(standings, key=lambda s: (_key(s), s.unit_name, s.unit_id))
    out: list[RankedUnit] = []
    for position, standing in enumerate(ordered, start=1):
        same = out and _key(out[-1].standing) == _key(standing)
        out.append(RankedUnit(out[-1].rank if same else position, standing))
    return out
