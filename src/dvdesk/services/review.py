"""The office's monthly review: the dossiers the chi bộ have sent up, which are ready for a
decision and which are not (and why), and the decisions the meeting issues.

A dossier is ready when the chi bộ has voted (admission or recognition), no paper is missing
or out of date, and the rules find no error. The meeting's decisions are recorded as the
office's own acts, numbered in its register and printed (9-KNĐ, or 16-KNĐ for recognition);
they go down to the chi bộ with the next bundle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.domain.pipeline import Stage
from dvdesk.reports.pdf_merge import merge_pdfs
from dvdesk.services import plans, printing
from dvdesk.services.actions import ActionInput, ActionKind, perform
from dvdesk.services.candidates import person_detail
from dvdesk.services.errors import UserError
from dvdesk.services.people import list_people
from dvdesk.services.roles import require_office

# What the meeting decides for a person at each stage, and the form it prints.
_DECIDES = {
    Stage.PROPOSED.value: ("admission", ActionKind.DECISION, "9-KNĐ"),
    Stage.RECOGNITION_PROPOSED.value: ("recognition", ActionKind.RECOGNITION_DECISION, "16-KNĐ"),
}


@dataclass(frozen=True)
class ReviewItem:
    person_id: str
    code: str
    name: str
    unit: str
    kind: str  # "admission" / "recognition"
    vote_on: date | None  # the chi bộ's resolution
    ready: bool
    missing: tuple[str, ...]  # papers missing or out of date
    errors: tuple[str, ...]  # rule errors, in words
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class IssuedDecision:
    person_id: str
    name: str
    number: str  # "07-QĐ/ĐU"
    code: str  # the form printed


def monthly_review(db: Database, on: date, lang: str = "vi") -> list[ReviewItem]:
    """Every dossier waiting for the office's decision, ready ones first, then by unit, name."""
    items: list[ReviewItem] = []
    for stage in _DECIDES:
        for row in list_people(db, stage=stage, lang=lang):
            detail = person_detail(db, row.id, on, lang)
            kind = _DECIDES[stage][0]
            vote_kind = "cell_vote" if kind == "admission" else "recognition_vote"
            votes = [t.on for t in detail.timeline if t.kind == vote_kind]
            missing = (
                tuple(p.label for p in detail.checklist if p.status != "present")
                if kind == "admission"
                else ()
            )
            errors = tuple(f.message for f in detail.findings if f.severity == "error")
            warnings = tuple(f.message for f in detail.findings if f.severity != "error")
            items.append(
                ReviewItem(
                    person_id=row.id,
                    code=row.code or "",
                    name=row.full_name,
                    unit=row.unit,
                    kind=kind,
                    vote_on=max(votes) if votes else None,
                    ready=not missing and not errors,
                    missing=missing,
                    errors=errors,
                    warnings=warnings,
                )
            )
    items.sort(key=lambda i: (not i.ready, i.unit, i.name))
    return items


def issue_decisions(
    db: Database, person_ids: Sequence[str], on: date, actor: str = "", lang: str = "vi"
) -> tuple[list[IssuedDecision], bytes | None]:
    """Record the meeting's decision for each person, number and print it; one PDF of all.

    Only this installation's office may decide. A person not waiting for a decision, or whose
    dossier the rules block, is refused before anything is written for them; the others are
    decided one by one (each in its own transaction)."""
    with db.reader() as session:
        require_office(
            session,
            "Chỉ cơ quan cấp trên ra quyết định kết nạp và công nhận đảng viên chính thức.",
            "Only the office above issues admission and recognition decisions.",
        )
    waiting = {i.person_id: i for i in monthly_review(db, on, lang)}
    unknown = [p for p in person_ids if p not in waiting]
    if unknown:
        raise UserError(
            f"{len(unknown)} người không ở bước chờ cấp trên quyết định.",
            f"{len(unknown)} of them are not waiting for the office's decision.",
            "person",
        )
    blocked = [waiting[p].name for p in person_ids if waiting[p].errors]
    if blocked:
        raise UserError(
            "Hồ sơ còn lỗi, chưa thể quyết định: " + ", ".join(blocked),
            "The rules block these dossiers: " + ", ".join(blocked),
            "person",
        )
    issued: list[IssuedDecision] = []
    pdfs: list[bytes] = []
    for person_id in person_ids:
        item = waiting[person_id]
        stage = Stage.PROPOSED if item.kind == "admission" else Stage.RECOGNITION_PROPOSED
        _kind, action, form = _DECIDES[stage.value]
        perform(db, person_id, ActionInput(kind=action, on=on), actor, lang=lang)
        printed = printing.print_person_form(db, form, person_id, on=on, actor=actor)
        issued.append(IssuedDecision(person_id, item.name, printed.number_text, form))
        pdfs.append(printed.pdf)
    return issued, (merge_pdfs(pdfs) if pdfs else None)


# --- the units' yearly plans --------------------------------------------------------------


@dataclass(frozen=True)
class PlanSubmission:
    unit_id: str
    unit_code: str
    unit_name: str
    received: bool  # the unit's own plan for the year has reached the office
    committed: int | None  # the admissions its plan commits to
    given: int | None  # the target the office's plan gave it
    due: date | None  # the office's date for the units' plans
    late: bool  # no plan and the date has passed

    @property
    def short(self) -> bool:
        return self.committed is not None and self.given is not None and self.committed < self.given


def plan_submissions(db: Database, year: int, on: date) -> list[PlanSubmission]:
    """For each unit below the office: has its yearly plan arrived, and does it commit to the
    target the office gave it (by the date of the office's own plan, 5 March in the founding
    plan)."""
    with db.reader() as session:
        install = queries.install(session)
        if install is None:
            return []
        units = [u for u in queries.all_units(session) if u.parent_id == install.unit_id]
    own = plans.get_plan(db, install.unit_id, year)
    given = {t.unit_id: t.admit_target for t in own.targets} if own else {}
    due = own.base_plans_due if own else None
    out: list[PlanSubmission] = []
    for unit in sorted(units, key=lambda u: u.code):
        plan = plans.get_plan(db, unit.id, year)
        out.append(
            PlanSubmission(
                unit_id=unit.id,
                unit_code=unit.code,
                unit_name=unit.name,
                received=plan is not None,
                committed=plan.admit_target if plan else None,
                given=given.get(unit.id),
                due=due,
                late=plan is None and due is not None and on > due,
            )
        )
    return out
