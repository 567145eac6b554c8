"""The office's targets for the units below it: sharing the year's target out, and target
against actual per unit and for the whole bloc, ranked for the emulation review.

The units ranked are the office's direct children (the base organisations); each counts the
people of every unit below it, and its target is the one the office's plan gave it (or, when
the plan gave targets to the units below it instead, their sum).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from dvdesk.db import report_queries as q
from dvdesk.db.engine import Database
from dvdesk.domain.emulation import RankedUnit, UnitStanding, rank_units, share_out
from dvdesk.domain.pipeline import Stage
from dvdesk.services import reports
from dvdesk.services.derive import today
from dvdesk.services.errors import UserError
from dvdesk.services.review import plan_submissions
from dvdesk.services.roles import require_office

# The people a unit could still admit this year: its pool, which the target is shared by.
POOL_STAGES = (
    Stage.SOURCE.value,
    Stage.SYMPATHISER.value,
    Stage.TRAINED.value,
    Stage.DOSSIER.value,
    Stage.PROPOSED.value,
)


@dataclass(frozen=True)
class Standings:
    year: int
    as_of: date
    target: int  # the office plan's admissions for the year (0: no plan)
    youth_union_share: int  # percent, from the plan
    youth_union_target: int  # admissions the share means
    given: int  # the targets given to the units, added up
    admitted: int  # admitted in the year, the whole bloc
    youth_union: int
    units: tuple[RankedUnit, ...]

    @property
    def achieved(self) -> float | None:
        return self.admitted / self.target if self.target else None


def _office(db: Database) -> str:
    with db.reader() as session:
        return require_office(
            session,
            "Chỉ cơ quan cấp trên giao chỉ tiêu và bình xét thi đua các đơn vị.",
            "Only the office above gives targets and ranks the units.",
        )


def _top_units(db: Database, office_id: str) -> tuple[dict[str, str], dict[str, str]]:
    """(direct child id → name, every unit below → the direct child it belongs to)."""
    with db.reader() as session:
        rows = q.unit_rows(session)
    parent = {r.id: r.parent_id for r in rows}
    children = {r.id: r.name for r in rows if r.parent_id == office_id}
    top: dict[str, str] = {}
    for r in rows:
        current, seen = r.id, set()
        while current is not None and current not in seen:
            seen.add(current)
            if current in children:
                top[r.id] = current
                break
            current = parent.get(current)
    return children, top


def _rolled(counts: Mapping[str, int], top: Mapping[str, str]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for unit_id, n in counts.items():
        if unit_id in top:
            out[top[unit_id]] += n
    return out


def standings(db: Database, year: int, on: date | None = None, lang: str = "vi") -> Standings:
    """Target against actual for the bloc and each unit below the office, in emulation order."""
    office_id = _office(db)
    on = on or today()
    report = reports.year_report(db, year, office_id, lang, on)
    children, top = _top_units(db, office_id)
    plan = report.plan
    given_direct = {t.unit_id: t.admit_target for t in plan.targets} if plan else {}
    given = _rolled(given_direct, top)
    for unit_id in children:
        if unit_id in given_direct:
            given[unit_id] = given_direct[unit_id]  # its own target, not its units' sum
    admitted = _rolled({u.unit_id: u.admitted for u in report.figures.per_unit}, top)
    youth = _rolled({u.unit_id: u.youth_union for u in report.figures.per_unit}, top)
    with db.reader() as session:
        errors = _rolled(q.errors_by_unit(session), top)
        overdue = _rolled(q.overdue_by_unit(session, on), top)
    submitted = {p.unit_id: p for p in plan_submissions(db, year, on)}
    units = [
        UnitStanding(
            unit_id=unit_id,
            unit_name=name,
            target=given.get(unit_id, 0),
            admitted=admitted.get(unit_id, 0),
            youth_union=youth.get(unit_id, 0),
            errors=errors.get(unit_id, 0),
            overdue=overdue.get(unit_id, 0),
            plan_received=unit_id in submitted and submitted[unit_id].received,
            plan_late=unit_id in submitted and submitted[unit_id].late,
        )
        for unit_id, name in children.items()
    ]
    figures = report.figures
    return Standings(
        year=year,
        as_of=on,
        target=figures.target,
        youth_union_share=plan.youth_union_share if plan else 0,
        youth_union_target=figures.youth_union_target,
        given=sum(u.target for u in units),
        admitted=figures.admitted,
        youth_union=figures.youth_union,
        units=tuple(rank_units(units)),
    )


def proposed_shares(db: Database, total: int) -> dict[str, int]:
    """`total` admissions shared among the units directly below the office in proportion to
    the people each could still admit (its pool: from the masses to the chi bộ's vote)."""
    if total < 0:
        raise UserError(
            "Chỉ tiêu không được âm.", "The target must not be negative.", "admit_target"
        )
    office_id = _office(db)
    children, top = _top_units(db, office_id)
    with db.reader() as session:
        pool = _rolled(q.per_unit_counts(session, POOL_STAGES), top)
    return share_out(total, {unit_id: pool.get(unit_id, 0) for unit_id in children})
