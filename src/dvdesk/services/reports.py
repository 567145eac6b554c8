"""The Reports tab's use cases: the half-year and year reports (sơ kết 6 tháng, tổng kết năm),
the procedure check, and printing the plan, the reports and the check (PDF) or exporting them
(.xlsx). Read-only, except that printing may take a number from the document register.

Scope: the install's unit (or `unit_id`) and every unit below it. For the office's own unit
that is every unit in the database (people without a unit included).

"Admitted in the period" means the admission ceremony falls in it (see domain.statistics for
every definition). Rule findings and open deadlines are derived data as of the last refresh
(today), so the procedure check of a past period shows what is still open now.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from dvdesk.db import queries
from dvdesk.db import report_queries as q
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import Unit
from dvdesk.domain.deadlines import DeadlineKind, OverdueCode
from dvdesk.domain.findings import Finding, Severity
from dvdesk.domain.forms import DocType
from dvdesk.domain.messages import deadline_label, finding_message, stage_label
from dvdesk.domain.rules import check
from dvdesk.domain.rulesets import rule_set_on
from dvdesk.domain.statistics import (
    ClassRecord,
    Period,
    PersonRecord,
    ProcedureItem,
    ProcedureSummary,
    ReportFigures,
    Targets,
    compute,
)
from dvdesk.domain.text import name_sort_key
from dvdesk.reports import plan_document, report_document, report_workbook
from dvdesk.reports.pdf_layout import Margins, number_line, to_margins
from dvdesk.services import audit, classification, plans
from dvdesk.services.derive import facts_for, load_calendar, today
from dvdesk.services.errors import NotFoundError, NotInitialisedError, UserError
from dvdesk.services.overview import STAGE_ORDER
from dvdesk.services.print_settings import read_settings
from dvdesk.services.register import issue, unit_symbol

HALF_YEAR = "half_year"
YEAR = "year"
KINDS = (HALF_YEAR, YEAR)
# Lateness codes: the procedure check lists them from the deadline table, with the due day.
_LATE = frozenset(code.value for code in OverdueCode)


@dataclass(frozen=True)
class StageRow:
    stage: str
    label: str
    count: int


@dataclass(frozen=True)
class ReportView:
    """A half-year or year report: the figures, the plan they are measured against, and who."""

    kind: str  # "half_year" / "year"
    year: int
    period: Period
    unit_id: str
    unit_name: str
    unit_kind: str  # "office" / "chi_bo"
    superior_name: str
    figures: ReportFigures
    plan: plans.PlanView | None
    unit_names: Mapping[str, str]  # every unit id in the figures → its name ("" → no unit)
    stages: tuple[StageRow, ...]  # people in scope per stage now (pipeline order)
    procedure: ProcedureSummary
    as_of: date  # the day derived data (stages, findings, deadlines) were read

    @property
    def title(self) -> str:
        if self.kind == HALF_YEAR:
            return f"Sơ kết 6 tháng đầu năm {self.year} công tác phát triển đảng viên"
        return f"Tổng kết công tác phát triển đảng viên năm {self.year}"


@dataclass(frozen=True)
class ProcedureCheck:
    start: date
    end: date
    as_of: date  # findings and lateness are as of this day: the end, or today if earlier
    unit_id: str
    unit_name: str
    items: tuple[ProcedureItem, ...]  # by unit name, then person, then due date
    summary: ProcedureSummary = field(default_factory=lambda: ProcedureSummary(0, 0, 0, ()))


@dataclass(frozen=True)
class _Scope:
    root: Any  # unit row
    role: str
    units: dict[str, Any]  # id → unit row, the root and everything below it
    unit_ids: list[str] | None  # None: every unit
    names: dict[str, str]
    superior: str

    def report_units(self) -> list[str]:
        """Units that get a per-unit row: those below the root, by name; the root alone when
        nothing is below it."""
        below = [u for uid, u in self.units.items() if uid != self.root.id]
        if not below:
            return [self.root.id]
        return [u.id for u in sorted(below, key=lambda u: (name_sort_key(u.name), u.id))]


def _scope(session: Session, unit_id: str | None) -> _Scope:
    install = queries.install(session)
    if install is None:
        raise NotInitialisedError(
            "Chưa khởi tạo đơn vị cho dữ liệu này.", "This database has no unit set up yet."
        )
    rows = q.unit_rows(session)
    by_id = {r.id: r for r in rows}
    root_id = unit_id or install.unit_id
    root = by_id.get(root_id)
    if root is None:
        raise NotFoundError("Không tìm thấy đơn vị.", "Unit not found.")
    children: dict[str | None, list[str]] = {}
    for r in rows:
        children.setdefault(r.parent_id, []).append(r.id)
    units: dict[str, Any] = {}
    stack = [root_id]
    while stack:
        current = stack.pop()
        if current in units:
            continue
        units[current] = by_id[current]
        stack += children.get(current, [])
    everything = install.role == "office" and root_id == install.unit_id
    parent = by_id.get(root.parent_id) if root.parent_id else None
    return _Scope(
        root=root,
        role=install.role,
        units=units,
        unit_ids=None if everything else list(units),
        names={r.id: r.name for r in rows},
        superior=parent.name if parent else "",
    )


def _targets(plan: plans.PlanView | None) -> Targets:
    if plan is None:
        return Targets()
    return Targets(
        admit=plan.admit_target,
        youth_union_share=plan.youth_union_share,
        awareness_trainees=plan.awareness_trainees_target,
        new_member_trainees=plan.new_member_trainees_target,
        awareness_classes_min=plan.awareness_classes_min,
        awareness_classes_max=plan.awareness_classes_max,
        new_member_classes_min=plan.new_member_classes_min,
        new_member_classes_max=plan.new_member_classes_max,
        per_unit={t.unit_id: t.admit_target for t in plan.targets},
    )


def _summary(
    session: Session, scope: _Scope, start: date, end: date, on: date, lang: str
) -> ProcedureSummary:
    people, errors, warnings = q.finding_totals(session, scope.unit_ids, start, end)
    overdue = Counter(r.kind for r in q.overdue_rows(session, scope.unit_ids, on))
    return ProcedureSummary(
        people_with_findings=people,
        errors=errors,
        warnings=warnings,
        overdue=tuple(
            (deadline_label(k, lang), overdue[k.value]) for k in DeadlineKind if overdue[k.value]
        ),
    )


def _report(
    session: Session,
    kind: str,
    year: int,
    unit_id: str | None,
    lang: str,
    on: date | None = None,
) -> ReportView:
    if kind not in KINDS:
        raise UserError(
            f"Loại báo cáo «{kind}» không hợp lệ.", f"Unknown report kind {kind!r}.", "kind"
        )
    if not plans.MIN_YEAR <= year <= plans.MAX_YEAR:
        raise UserError(
            f"Năm báo cáo phải từ {plans.MIN_YEAR} đến {plans.MAX_YEAR}.",
            f"The report year must be from {plans.MIN_YEAR} to {plans.MAX_YEAR}.",
            "year",
        )
    period = Period.half_year(year) if kind == HALF_YEAR else Period.whole_year(year)
    scope = _scope(session, unit_id)
    plan = plans.plan_view(session, scope.root.id, year)
    records = [
        PersonRecord(
            id=r.id,
            unit_id=r.unit_id,
            sex=r.sex or "",
            birth_date=r.birth_date,
            ethnicity=r.ethnicity or "",
            religion=r.religion or "",
            education=r.education or "",
            education_grade=r.education_grade,
            occupation=r.occupation or "",
            youth_union_member=bool(r.youth_union_member),
            ceremony_on=r.ceremony_on,
            recognised_on=r.recognised_on,
            struck_off_on=r.struck_off_on,
            listed_on=r.listed_on,
            removed_on=r.removed_on,
        )
        for r in q.person_rows(session, scope.unit_ids, period.start, period.end)
    ]
    classes = [
        ClassRecord(
            id=r.id,
            kind=r.kind,
            name=r.name,
            start_date=r.start_date,
            end_date=r.end_date,
            enrolled=int(r.enrolled),
            passed=int(r.passed),
        )
        for r in q.class_rows(session, scope.unit_ids, period.start, period.end)
    ]
    targets = _targets(plan)
    if plan is None:
        # No plan of its own: measure against the target the unit above gave it.
        given = q.assigned_target(session, scope.root.id, year)
        if given is not None:
            targets = Targets(
                admit=given.admit_target,
                awareness_trainees=given.awareness_trainees_target,
                per_unit={scope.root.id: given.admit_target},
            )
    figures = compute(records, classes, period, targets, scope.report_units())
    counts = q.stage_counts(session, scope.unit_ids)
    as_of = on or today()
    names = dict(scope.names)
    names[""] = "Chưa thuộc đơn vị nào" if lang == "vi" else "No unit"
    return ReportView(
        kind=kind,
        year=year,
        period=period,
        unit_id=scope.root.id,
        unit_name=scope.root.name,
        unit_kind=scope.root.kind,
        superior_name=scope.superior,
        figures=figures,
        plan=plan,
        unit_names=names,
        stages=tuple(
            StageRow(s.value, stage_label(s, lang), counts.get(s.value, 0)) for s in STAGE_ORDER
        ),
        procedure=_summary(session, scope, period.start, period.end, as_of, lang),
        as_of=as_of,
    )


def year_report(
    db: Database, year: int, unit_id: str | None = None, lang: str = "vi", on: date | None = None
) -> ReportView:
    """The year report (tổng kết năm): 1 January to 31 December of `year`."""
    with db.reader() as session:
        return _report(session, YEAR, year, unit_id, lang, on)


def half_year_report(
    db: Database, year: int, unit_id: str | None = None, lang: str = "vi", on: date | None = None
) -> ReportView:
    """The half-year report (sơ kết 6 tháng): 1 January to 30 June of `year`."""
    with db.reader() as session:
        return _report(session, HALF_YEAR, year, unit_id, lang, on)


def report(
    db: Database,
    kind: str,
    year: int,
    unit_id: str | None = None,
    lang: str = "vi",
    on: date | None = None,
) -> ReportView:
    """Either report by kind: "half_year" (or "half-year") or "year"."""
    with db.reader() as session:
        return _report(session, kind.replace("-", "_"), year, unit_id, lang, on)


def bench_year_report(db: Database, year: int) -> ReportView:
    """What the benchmark times: the year report of the install's whole scope."""
    return year_report(db, year)


# --- the procedure check -------------------------------------------------------------------


def _procedure(
    session: Session,
    start: date,
    end: date,
    unit_id: str | None,
    lang: str,
    on: date | None = None,
) -> ProcedureCheck:
    if end < start:
        raise UserError(
            "Ngày kết thúc kỳ kiểm tra trước ngày bắt đầu.",
            "The check period ends before it starts.",
            "end",
        )
    scope = _scope(session, unit_id)
    as_of = min(end, on or today())
    calendar = load_calendar(session)
    items: list[ProcedureItem] = []
    sort_keys: dict[str, str] = {}
    for row in q.overdue_rows(session, scope.unit_ids, as_of):
        kind = DeadlineKind(row.kind)
        basis = str(getattr(rule_set_on(row.start), f"basis_{kind.value}", ""))
        severity = Severity.ERROR if kind == DeadlineKind.CEREMONY else Severity.WARNING
        finding = Finding(
            row.overdue_code,
            severity,
            basis,
            {
                "kind": kind.value,
                "start": row.start.isoformat(),
                "due": row.due.isoformat(),
                "working_days": calendar.working_days_between(row.start, row.due),
                "days_overdue": (as_of - row.due).days,
                "working_days_overdue": calendar.working_days_between(row.due, as_of),
            },
        )
        sort_keys[row.person_id] = row.sort_key
        items.append(
            ProcedureItem(
                unit_id=row.unit_id or "",
                unit_name=row.unit_name or "",
                person_id=row.person_id,
                person_code=row.code or "",
                person_name=row.full_name,
                source="deadline",
                code=row.overdue_code,
                severity=severity.value,
                message=finding_message(finding, lang),
                due=row.due,
                days_late=(as_of - row.due).days,
                basis=basis,
            )
        )
    flagged = q.flagged_person_ids(session, scope.unit_ids, start, end)
    for person in queries.people_by_ids(session, flagged) if flagged else ():
        sort_keys[person.id] = person.sort_key
        for finding in check(facts_for(person), as_of, calendar):
            if finding.code in _LATE:
                continue  # the deadline rows above say it, with the day it was due
            items.append(
                ProcedureItem(
                    unit_id=person.unit_id or "",
                    unit_name=scope.names.get(person.unit_id or "", ""),
                    person_id=person.id,
                    person_code=person.code or "",
                    person_name=person.full_name,
                    source="finding",
                    code=finding.code,
                    severity=finding.severity.value,
                    message=finding_message(finding, lang),
                    basis=finding.basis,
                )
            )
    items.sort(
        key=lambda i: (
            name_sort_key(i.unit_name),
            sort_keys.get(i.person_id, ""),
            i.person_id,
            i.source,
            i.due or as_of,
            i.code,
        )
    )
    late = Counter(i.code for i in items if i.source == "deadline")
    summary = ProcedureSummary(
        people_with_findings=len({i.person_id for i in items if i.source == "finding"}),
        errors=sum(1 for i in items if i.source == "finding" and i.severity == "error"),
        warnings=sum(1 for i in items if i.source == "finding" and i.severity == "warning"),
        overdue=tuple(
            (deadline_label(k, lang), late[f"{k.value.upper()}_OVERDUE"])
            for k in DeadlineKind
            if late[f"{k.value.upper()}_OVERDUE"]
        ),
    )
    return ProcedureCheck(
        start=start,
        end=end,
        as_of=as_of,
        unit_id=scope.root.id,
        unit_name=scope.root.name,
        items=tuple(items),
        summary=summary,
    )


def procedure_check(
    db: Database,
    start: date,
    end: date,
    unit_id: str | None = None,
    lang: str = "vi",
    on: date | None = None,
) -> ProcedureCheck:
    """Every rule finding and overdue deadline in the period, by unit, for an inspection.

    - Overdue deadlines: every open deadline (not the end of probation) whose last day is
      before the check date (the period's end, or today if that is earlier), with the days
      late; a deadline that was met, even late, is no longer open and is not listed.
    - Rule findings: of the people with an act dated in the period, what the rules say as of
      the check date (errors and warnings, with the legal basis).

    `on` is today by default (the window passes its own day).
    """
    with db.reader() as session:
        return _procedure(session, start, end, unit_id, lang, on)


# --- printing and exporting ----------------------------------------------------------------


def _unit(session: Session, unit_id: str) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFoundError("Không tìm thấy đơn vị.", "Unit not found.")
    return unit


def _header(
    session: Session,
    unit: Unit,
    superior: str,
    doc_type: DocType,
    issued_on: date,
    register_number: bool,
    subject: str,
    inputs: Mapping[str, str],
    actor: str,
) -> tuple[report_document.Header, str | None]:
    """The heading and signer of a plan or report, with a register number if asked."""
    document_id: str | None = None
    if register_number:
        issued = issue(
            session,
            unit.id,
            doc_type,
            issued_on,
            subject=subject,
            inputs=inputs,
            actor=actor or audit.current_user(),
        )
        number = f"Số {issued.text}"
        document_id = issued.document_id
    else:
        number = number_line(None, f"{doc_type.value}/{unit_symbol(unit, session)}")
    office = unit.kind == "office"
    settings = read_settings(session)
    if office:
        # The office's board works for the committee; the committee issues and signs (the
        # names come from the print settings, as on decisions).
        header = report_document.Header(
            issuing_body=settings.committee_name or unit.name,
            superior_body=settings.committee_superior,
            number=number,
            place=settings.place or unit.place,
            issued_on=issued_on,
            signer_name=settings.committee_secretary,
            signer_authority=settings.committee_signs_as,
            signer_position="BÍ THƯ",
            level="office",
        )
    else:
        header = report_document.Header(
            issuing_body=unit.name,
            superior_body=superior,
            number=number,
            place=unit.place or settings.place,
            issued_on=issued_on,
            signer_name=unit.secretary_name,
            signer_authority="T/M CHI BỘ",
            signer_position="BÍ THƯ",
            level="cell",
        )
    return header, document_id


def _margins(session: Session, margins: Margins | None) -> Margins:
    """The margins asked for, else the print settings' (as on every printed form)."""
    return margins if margins is not None else to_margins(read_settings(session).margins)


def _superior(session: Session, unit: Unit) -> str:
    parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    return parent.name if parent else ""


def print_plan(
    db: Database,
    unit_id: str,
    year: int,
    issued_on: date,
    *,
    register_number: bool = False,
    actor: str = "",
    margins: Margins | None = None,
) -> bytes:
    """The unit's plan for the year as a KH document (PDF). With `register_number`, the next
    KH number is taken from the register and linked to the plan, in the same transaction."""
    with db.unit_of_work() as session:
        plan = plans.plan_view(session, unit_id, year)
        if plan is None:
            raise NotFoundError(
                f"Chưa có kế hoạch năm {year} của đơn vị này.",
                f"This unit has no plan for {year}.",
            )
        unit = _unit(session, unit_id)
        header, document_id = _header(
            session,
            unit,
            _superior(session, unit),
            DocType.PLAN,
            issued_on,
            register_number,
            f"Kế hoạch phát triển đảng viên năm {year}",
            {"year": str(year), "plan_id": plan.id},
            actor,
        )
        if document_id:
            plans.link_document(session, plan.id, document_id)
        return plan_document.render(_plan_print(plan), header, _margins(session, margins))


def _plan_print(plan: plans.PlanView) -> plan_document.PlanPrint:
    return plan_document.PlanPrint(
        year=plan.year,
        admit_target=plan.admit_target,
        youth_union_share=plan.youth_union_share,
        youth_union_admit=plan.youth_union_admit,
        awareness_trainees_target=plan.awareness_trainees_target,
        new_member_trainees_target=plan.new_member_trainees_target,
        awareness_classes=(plan.awareness_classes_min, plan.awareness_classes_max),
        new_member_classes=(plan.new_member_classes_min, plan.new_member_classes_max),
        review_cadence=plans.REVIEW_LABELS.get(plan.review_cadence, plan.review_cadence),
        base_plans_due=plan.base_plans_due,
        half_year_report_due=plan.half_year_report_due,
        year_report_due=plan.year_report_due,
        purpose=plan.purpose,
        measures=plan.measures,
        organisation=plan.organisation,
        unit_targets=tuple(
            (t.unit_name, t.admit_target, t.awareness_trainees_target) for t in plan.targets
        ),
    )


def print_report(
    db: Database,
    kind: str,
    year: int,
    issued_on: date,
    *,
    unit_id: str | None = None,
    register_number: bool = False,
    actor: str = "",
    margins: Margins | None = None,
) -> bytes:
    """The half-year or year report as a BC document (PDF), numbered from the register if
    asked (one transaction)."""
    with db.unit_of_work() as session:
        view = _report(session, kind.replace("-", "_"), year, unit_id, "vi")
        unit = _unit(session, view.unit_id)
        header, _ = _header(
            session,
            unit,
            view.superior_name,
            DocType.REPORT,
            issued_on,
            register_number,
            view.title,
            {"kind": view.kind, "year": str(year)},
            actor,
        )
        return report_document.render(_report_print(view), header, _margins(session, margins))


def _report_print(view: ReportView) -> report_document.ReportPrint:
    return report_document.ReportPrint(
        kind=view.kind,
        year=view.year,
        figures=view.figures,
        unit_names=dict(view.unit_names),
        procedure=view.procedure,
        youth_union_share_target=view.plan.youth_union_share if view.plan else 0,
        has_plan=view.plan is not None,
    )


def print_procedure_check(
    db: Database,
    start: date,
    end: date,
    issued_on: date,
    *,
    unit_id: str | None = None,
    register_number: bool = False,
    actor: str = "",
    margins: Margins | None = None,
) -> bytes:
    """The procedure check as a BC document with its list (PDF, landscape)."""
    with db.unit_of_work() as session:
        result = _procedure(session, start, end, unit_id, "vi")
        unit = _unit(session, result.unit_id)
        header, _ = _header(
            session,
            unit,
            _superior(session, unit),
            DocType.REPORT,
            issued_on,
            register_number,
            "Kết quả kiểm tra việc thực hiện quy trình kết nạp đảng viên",
            {"start": start.isoformat(), "end": end.isoformat()},
            actor,
        )
        audit.log(
            session,
            actor or audit.current_user(),
            "print",
            "procedure_check",
            result.unit_id,
            after=_use(start, end, result.items),
        )
        return report_document.render_procedure(
            report_document.ProcedurePrint(
                start=result.start,
                end=result.end,
                as_of=result.as_of,
                items=result.items,
                summary=result.summary,
            ),
            header,
            _margins(session, margins),
        )


def export_report(
    db: Database,
    kind: str,
    year: int,
    path: str | Path,
    *,
    unit_id: str | None = None,
    with_procedure: bool = True,
    actor: str = "",
) -> Path:
    """The report as an .xlsx workbook: headline figures, one sheet per breakdown, per unit,
    classes, and (by default) the procedure check of the same period, which names people: the
    export is logged."""
    audit.require_outward(db)
    with db.reader() as session:
        view = _report(session, kind.replace("-", "_"), year, unit_id, "vi")
        items = (
            _procedure(session, view.period.start, view.period.end, unit_id, "vi").items
            if with_procedure
            else ()
        )
    written = report_workbook.write(Path(path), _report_print(view), items, view.title)
    details: dict[str, Any] = {"report": view.kind, "year": view.year}
    details |= _use(view.period.start, view.period.end, items, written)
    audit.record(db, actor, "export", "report", view.unit_id, details)
    return written


def export_procedure_check(
    db: Database,
    start: date,
    end: date,
    path: str | Path,
    *,
    unit_id: str | None = None,
    actor: str = "",
) -> Path:
    """The procedure check alone as an .xlsx workbook; the export is logged (it names people)."""
    audit.require_outward(db)
    result = procedure_check(db, start, end, unit_id)
    with db.reader() as session:
        secret = classification.secret_ids(session, [i.person_id for i in result.items])
    # A secret dossier's lines keep their code and finding, never the person's name.
    items = [
        replace(i, person_name=classification.MASKED_NAME) if i.person_id in secret else i
        for i in result.items
    ]
    written = report_workbook.write_procedure(Path(path), items, result.as_of)
    details = _use(start, end, result.items, written)
    audit.record(db, actor, "export", "procedure_check", result.unit_id, details)
    return written


def _use(
    start: date, end: date, items: Sequence[ProcedureItem], path: Path | None = None
) -> dict[str, Any]:
    """What the audit log keeps of a print or an export that names people: the period, how
    many people, and the file."""
    details: dict[str, Any] = {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "people": len({i.person_id for i in items}),
    }
    if path is not None:
        details |= {"file": "xlsx", "path": str(path)}
    return details


# --- JSON for the command line -------------------------------------------------------------


def _pairs(breakdown: tuple[tuple[str, int], ...]) -> list[dict[str, object]]:
    return [{"label": label, "count": count} for label, count in breakdown]


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def report_json(view: ReportView) -> dict[str, Any]:
    """The report as plain JSON values (dates ISO), the same numbers as the window and print."""
    f = view.figures
    return {
        "kind": view.kind,
        "year": view.year,
        "period": {
            "start": _day(f.period.start),
            "end": _day(f.period.end),
            "label": f.period.label,
        },
        "unit": {"id": view.unit_id, "name": view.unit_name, "kind": view.unit_kind},
        "as_of": _day(view.as_of),
        "admitted": f.admitted,
        "target": f.target,
        "achieved": f.achieved,
        "youth_union": f.youth_union,
        "youth_union_target": f.youth_union_target,
        "youth_union_share": f.youth_union_share,
        "women": f.women,
        "ethnic_minority": f.ethnic_minority,
        "believers": f.believers,
        "aged_18_30": f.aged_18_30,
        "average_age": f.average_age,
        "admitted_by_month": list(f.admitted_by_month),
        "breakdowns": {
            "youth_union": _pairs(f.by_youth_union),
            "sex": _pairs(f.by_sex),
            "ethnicity_group": _pairs(f.by_ethnicity_group),
            "ethnicity": _pairs(f.by_ethnicity),
            "religion_group": _pairs(f.by_religion_group),
            "religion": _pairs(f.by_religion),
            "age_group": _pairs(f.by_age_group),
            "education": _pairs(f.by_education),
            "occupation": _pairs(f.by_occupation),
        },
        "recognised": f.recognised,
        "struck_off": f.struck_off,
        "sympathisers_added": f.sympathisers_added,
        "sympathisers_removed": f.sympathisers_removed,
        "classes": {
            summary.kind: {
                "held": summary.held,
                "enrolled": summary.enrolled,
                "passed": summary.passed,
                "items": [
                    {
                        "id": c.id,
                        "name": c.name,
                        "start": _day(c.start_date),
                        "end": _day(c.end_date),
                        "enrolled": c.enrolled,
                        "passed": c.passed,
                    }
                    for c in summary.classes
                ],
            }
            for summary in (f.awareness, f.new_member)
        },
        "trainee_targets": {
            "awareness": f.awareness_trainees_target,
            "new_member": f.new_member_trainees_target,
        },
        "units": [
            {
                "id": u.unit_id,
                "name": view.unit_names.get(u.unit_id, ""),
                "admitted": u.admitted,
                "target": u.target,
                "youth_union": u.youth_union,
                "recognised": u.recognised,
                "struck_off": u.struck_off,
                "sympathisers_added": u.sympathisers_added,
                "sympathisers_removed": u.sympathisers_removed,
            }
            for u in f.per_unit
        ],
        "stages": [{"stage": s.stage, "label": s.label, "count": s.count} for s in view.stages],
        "procedure": {
            "people_with_findings": view.procedure.people_with_findings,
            "errors": view.procedure.errors,
            "warnings": view.procedure.warnings,
            "overdue": _pairs(view.procedure.overdue),
        },
        "plan": None
        if view.plan is None
        else {
            "id": view.plan.id,
            "admit_target": view.plan.admit_target,
            "youth_union_share": view.plan.youth_union_share,
            "youth_union_admit": view.plan.youth_union_admit,
        },
    }


def plan_json(plan: plans.PlanView) -> dict[str, Any]:
    """The plan as plain JSON values, for `dvdesk report plan --json`."""
    return {
        "id": plan.id,
        "unit": {"id": plan.unit_id, "name": plan.unit_name},
        "year": plan.year,
        "admit_target": plan.admit_target,
        "youth_union_share": plan.youth_union_share,
        "youth_union_admit": plan.youth_union_admit,
        "awareness_trainees_target": plan.awareness_trainees_target,
        "new_member_trainees_target": plan.new_member_trainees_target,
        "awareness_classes": [plan.awareness_classes_min, plan.awareness_classes_max],
        "new_member_classes": [plan.new_member_classes_min, plan.new_member_classes_max],
        "review_cadence": plan.review_cadence,
        "base_plans_due": _day(plan.base_plans_due),
        "half_year_report_due": _day(plan.half_year_report_due),
        "year_report_due": _day(plan.year_report_due),
        "purpose": plan.purpose,
        "measures": plan.measures,
        "organisation": plan.organisation,
        "targets": [
            {
                "unit_id": t.unit_id,
                "unit_name": t.unit_name,
                "admit_target": t.admit_target,
                "awareness_trainees_target": t.awareness_trainees_target,
            }
            for t in plan.targets
        ],
    }
