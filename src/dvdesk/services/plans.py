"""The yearly plan for developing new members (kế hoạch phát triển đảng viên): read, write, and
the founding plan of the bloc as a ready-made input.

A plan belongs to one unit and one year. Its targets (people to admit, the Youth Union share of
them, people to send to each kind of class, classes to hold) may be divided among the units
below it (giao chỉ tiêu). Saving validates everything first and writes nothing on bad input.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date

from dvdesk.db import register_queries
from dvdesk.db import report_queries as q
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import PlanTarget, Unit, YearPlan
from dvdesk.domain.text import nfc
from dvdesk.services import audit
from dvdesk.services.concurrency import refuse_if_changed, value_text
from dvdesk.services.errors import NotFoundError, UserError

MIN_YEAR = 2000
MAX_YEAR = 2100
REVIEW_CADENCES = ("monthly", "quarterly")
REVIEW_LABELS = {"monthly": "hằng tháng", "quarterly": "hằng quý"}


@dataclass(frozen=True)
class UnitTarget:
    """The share of the plan given to one unit below (giao chỉ tiêu)."""

    unit_id: str
    admit_target: int
    awareness_trainees_target: int = 0


@dataclass(frozen=True)
class PlanInput:
    """Everything a yearly plan holds, as typed in. Free text keeps its line breaks: each
    non-empty line prints as a paragraph; a line starting with "- " as an item."""

    unit_id: str
    year: int
    admit_target: int = 0
    youth_union_share: int = 0  # percent of the admissions
    awareness_trainees_target: int = 0  # people to send to the awareness class
    new_member_trainees_target: int = 0  # people to send to the new-member class
    awareness_classes_min: int = 0
    awareness_classes_max: int = 0
    new_member_classes_min: int = 0
    new_member_classes_max: int = 0
    review_cadence: str = "monthly"  # "monthly" / "quarterly"
    base_plans_due: date | None = None  # the units below send their own plans by this day
    half_year_report_due: date | None = None
    year_report_due: date | None = None
    purpose: str = ""  # I. Mục đích, yêu cầu
    measures: str = ""  # III. Nhiệm vụ, giải pháp
    organisation: str = ""  # IV. Tổ chức thực hiện (before the deadlines, which print anyway)
    targets: tuple[UnitTarget, ...] = ()


@dataclass(frozen=True)
class UnitTargetView:
    unit_id: str
    unit_name: str
    admit_target: int
    awareness_trainees_target: int


@dataclass(frozen=True)
class PlanView:
    id: str
    unit_id: str
    unit_name: str
    unit_kind: str  # "office" / "chi_bo"
    year: int
    admit_target: int
    youth_union_share: int
    youth_union_admit: int  # the admissions the share means, rounded up
    awareness_trainees_target: int
    new_member_trainees_target: int
    awareness_classes_min: int
    awareness_classes_max: int
    new_member_classes_min: int
    new_member_classes_max: int
    review_cadence: str
    base_plans_due: date | None
    half_year_report_due: date | None
    year_report_due: date | None
    purpose: str
    measures: str
    organisation: str
    targets: tuple[UnitTargetView, ...]
    document_id: str | None
    version: int

    def as_input(self) -> PlanInput:
        """The plan as an input to edit and save again."""
        return PlanInput(
            unit_id=self.unit_id,
            year=self.year,
            admit_target=self.admit_target,
            youth_union_share=self.youth_union_share,
            awareness_trainees_target=self.awareness_trainees_target,
            new_member_trainees_target=self.new_member_trainees_target,
            awareness_classes_min=self.awareness_classes_min,
            awareness_classes_max=self.awareness_classes_max,
            new_member_classes_min=self.new_member_classes_min,
            new_member_classes_max=self.new_member_classes_max,
            review_cadence=self.review_cadence,
            base_plans_due=self.base_plans_due,
            half_year_report_due=self.half_year_report_due,
            year_report_due=self.year_report_due,
            purpose=self.purpose,
            measures=self.measures,
            organisation=self.organisation,
            targets=tuple(
                UnitTarget(t.unit_id, t.admit_target, t.awareness_trainees_target)
                for t in self.targets
            ),
        )


# --- the founding plan ---------------------------------------------------------------------

FOUNDING_PURPOSE = "\n".join(
    (
        "Tiếp tục quán triệt, thực hiện nghiêm túc các quy định, hướng dẫn của Trung ương về công "
        "tác kết nạp đảng viên; nâng cao nhận thức, trách nhiệm của cấp ủy, chi bộ và đảng viên "
        "đối với công tác phát triển đảng viên, coi đây là nhiệm vụ quan trọng, thường xuyên của "
        "tổ chức đảng.",
        "Công tác phát triển đảng viên phải bảo đảm tiêu chuẩn, điều kiện, đúng nguyên tắc, thủ "
        "tục và quy trình; coi trọng chất lượng, không chạy theo số lượng; gắn với việc xây dựng, "
        "củng cố tổ chức cơ sở đảng trong sạch, vững mạnh.",
        "Chú trọng phát triển đảng viên là đoàn viên Thanh niên Cộng sản Hồ Chí Minh, nữ, người "
        "dân tộc thiểu số, cán bộ trẻ có trình độ chuyên môn; phấn đấu hoàn thành và vượt chỉ "
        "tiêu kết nạp đảng viên được giao.",
    )
)

FOUNDING_MEASURES = "\n".join(
    (
        "- Các cấp ủy, chi bộ xây dựng kế hoạch phát triển đảng viên của đơn vị, giao nhiệm vụ cụ "
        "thể cho từng cấp ủy viên, đảng viên; phân công đảng viên chính thức giúp đỡ quần chúng "
        "ưu tú phấn đấu vào Đảng.",
        "- Phát huy vai trò của Đoàn Thanh niên Cộng sản Hồ Chí Minh, Công đoàn trong việc giáo "
        "dục, rèn luyện, phát hiện và giới thiệu đoàn viên ưu tú cho Đảng xem xét, bồi dưỡng; tạo "
        "nguồn từ các phong trào thi đua, các nhiệm vụ chuyên môn.",
        "- Lập danh sách quần chúng cảm tình Đảng; cử quần chúng đủ điều kiện tham dự lớp bồi "
        "dưỡng nhận thức về Đảng; cử đảng viên mới kết nạp học lớp bồi dưỡng lý luận chính trị "
        "dành cho đảng viên mới đúng thời hạn.",
        "- Làm tốt công tác thẩm tra, xác minh lý lịch; hoàn thiện hồ sơ kết nạp đảng viên đúng "
        "quy định; tổ chức lễ kết nạp trang trọng, đúng thời hạn sau khi có quyết định.",
        "- Quản lý, giúp đỡ đảng viên dự bị trong thời gian dự bị; xét công nhận đảng viên chính "
        "thức đúng thời hạn, bảo đảm chất lượng.",
    )
)

FOUNDING_ORGANISATION = "\n".join(
    (
        "Ban Tổ chức Đảng ủy chủ trì, phối hợp với các cơ quan tham mưu, giúp việc của Đảng ủy "
        "hướng dẫn, theo dõi, đôn đốc, kiểm tra việc thực hiện kế hoạch; tổng hợp, báo cáo Ban "
        "Thường vụ Đảng ủy.",
        "Cấp ủy, chi bộ cơ sở căn cứ kế hoạch này xây dựng kế hoạch phát triển đảng viên của đơn "
        "vị; định kỳ sơ kết, tổng kết và báo cáo kết quả về Đảng ủy (qua Ban Tổ chức).",
    )
)


def founding_plan_input(unit_id: str, year: int) -> PlanInput:
    """The bloc's founding plan: 200 admissions, 70% of them Youth Union members, 3–4
    awareness classes and 2–3 new-member classes, monthly reviews, the base organisations'
    own plans by 5 March, the half-year report by 15 June and the year report by 15 December
    (our choice of report days: mid-month, so the office can sum up before the month ends).

    The founding document sets no number of people to send to classes; the new-member
    trainees are set to the admissions (every new member takes the class) and the awareness
    trainees are left for the office to fill in (0 = not set).
    """
    return PlanInput(
        unit_id=unit_id,
        year=year,
        admit_target=200,
        youth_union_share=70,
        awareness_trainees_target=0,
        new_member_trainees_target=200,
        awareness_classes_min=3,
        awareness_classes_max=4,
        new_member_classes_min=2,
        new_member_classes_max=3,
        review_cadence="monthly",
        base_plans_due=date(year, 3, 5),
        half_year_report_due=date(year, 6, 15),
        year_report_due=date(year, 12, 15),
        purpose=FOUNDING_PURPOSE,
        measures=FOUNDING_MEASURES,
        organisation=FOUNDING_ORGANISATION,
    )


# --- validation ----------------------------------------------------------------------------


def _text(value: str) -> str:
    """NFC, each line stripped, runs of blank lines folded."""
    lines = [" ".join(line.split()) for line in nfc(value or "").splitlines()]
    return "\n".join(line for line in lines if line)


def _non_negative(value: int, field_name: str, vi: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UserError(
            f"{vi} phải là số nguyên không âm (đang là {value!r}).",
            f"{field_name} must be a whole number of at least 0 (got {value!r}).",
            field_name,
        )


def _validate(plan: PlanInput) -> None:
    if isinstance(plan.year, bool) or not isinstance(plan.year, int):
        raise UserError("Năm kế hoạch không hợp lệ.", "The plan year is not a number.", "year")
    if not MIN_YEAR <= plan.year <= MAX_YEAR:
        raise UserError(
            f"Năm kế hoạch phải từ {MIN_YEAR} đến {MAX_YEAR} (đang là {plan.year}).",
            f"The plan year must be from {MIN_YEAR} to {MAX_YEAR} (got {plan.year}).",
            "year",
        )
    for name, vi in (
        ("admit_target", "Chỉ tiêu kết nạp"),
        ("youth_union_share", "Tỷ lệ đoàn viên"),
        ("awareness_trainees_target", "Số người cử đi học lớp nhận thức về Đảng"),
        ("new_member_trainees_target", "Số người cử đi học lớp đảng viên mới"),
        ("awareness_classes_min", "Số lớp nhận thức về Đảng (tối thiểu)"),
        ("awareness_classes_max", "Số lớp nhận thức về Đảng (tối đa)"),
        ("new_member_classes_min", "Số lớp đảng viên mới (tối thiểu)"),
        ("new_member_classes_max", "Số lớp đảng viên mới (tối đa)"),
    ):
        _non_negative(getattr(plan, name), name, vi)
    if plan.youth_union_share > 100:
        raise UserError(
            f"Tỷ lệ đoàn viên phải từ 0 đến 100% (đang là {plan.youth_union_share}%).",
            f"The Youth Union share must be 0–100% (got {plan.youth_union_share}%).",
            "youth_union_share",
        )
    for kind, vi in (("awareness", "nhận thức về Đảng"), ("new_member", "đảng viên mới")):
        low = getattr(plan, f"{kind}_classes_min")
        high = getattr(plan, f"{kind}_classes_max")
        if low > high:
            raise UserError(
                f"Số lớp {vi}: tối thiểu ({low}) lớn hơn tối đa ({high}).",
                f"{kind} classes: the minimum ({low}) is above the maximum ({high}).",
                f"{kind}_classes_min",
            )
    if plan.review_cadence not in REVIEW_CADENCES:
        raise UserError(
            f"Chu kỳ sơ kết «{plan.review_cadence}» không hợp lệ: chọn hằng tháng hoặc hằng quý.",
            f"Unknown review cadence {plan.review_cadence!r}: use monthly or quarterly.",
            "review_cadence",
        )
    # Inside the year, or near it: a plan may be adopted in the autumn before, and the year
    # report may be due early in the next year.
    earliest, latest = date(plan.year - 1, 10, 1), date(plan.year + 1, 3, 31)
    for name, vi in (
        ("base_plans_due", "Hạn các đơn vị gửi kế hoạch"),
        ("half_year_report_due", "Hạn báo cáo sơ kết 6 tháng"),
        ("year_report_due", "Hạn báo cáo tổng kết năm"),
    ):
        day = getattr(plan, name)
        if day is not None and not earliest <= day <= latest:
            raise UserError(
                f"{vi} ({day:%d/%m/%Y}) phải nằm trong năm {plan.year} hoặc gần đó "
                f"(từ {earliest:%d/%m/%Y} đến {latest:%d/%m/%Y}).",
                f"{name} ({day:%d/%m/%Y}) must fall in {plan.year} or near it "
                f"({earliest:%d/%m/%Y} – {latest:%d/%m/%Y}).",
                name,
            )
    if (
        plan.half_year_report_due
        and plan.year_report_due
        and plan.half_year_report_due > plan.year_report_due
    ):
        raise UserError(
            "Hạn báo cáo sơ kết 6 tháng không thể sau hạn báo cáo tổng kết năm.",
            "The half-year report cannot be due after the year report.",
            "half_year_report_due",
        )
    seen: set[str] = set()
    for target in plan.targets:
        _non_negative(target.admit_target, "targets", "Chỉ tiêu kết nạp của đơn vị")
        _non_negative(target.awareness_trainees_target, "targets", "Số người cử đi học của đơn vị")
        if target.unit_id in seen:
            raise UserError(
                "Một đơn vị được giao chỉ tiêu hai lần.",
                "A unit is given a target twice.",
                "targets",
            )
        seen.add(target.unit_id)


def _units_below(session: Session, unit_id: str) -> dict[str, str]:
    """The unit and every unit below it: id → name."""
    return {u.id: u.name for u in register_queries.units_under(session, unit_id)}


def units_below(db: Database, unit_id: str) -> list[tuple[str, str]]:
    """(id, name) of every unit below `unit_id` (not itself), by name: who can get a target."""
    with db.reader() as session:
        below = _units_below(session, unit_id)
    below.pop(unit_id, None)
    return sorted(below.items(), key=lambda pair: (pair[1], pair[0]))


# --- read and write ------------------------------------------------------------------------


def _view(session: Session, plan: YearPlan) -> PlanView:
    unit = session.get(Unit, plan.unit_id)
    names = {r.id: r.name for r in q.unit_rows(session)}
    targets = sorted(plan.targets, key=lambda t: (names.get(t.unit_id, ""), t.unit_id))
    return PlanView(
        id=plan.id,
        unit_id=plan.unit_id,
        unit_name=unit.name if unit else "",
        unit_kind=unit.kind if unit else "",
        year=plan.year,
        admit_target=plan.admit_target,
        youth_union_share=plan.youth_union_share,
        youth_union_admit=-(-plan.admit_target * plan.youth_union_share // 100),
        awareness_trainees_target=plan.awareness_trainees_target,
        new_member_trainees_target=plan.new_member_trainees_target,
        awareness_classes_min=plan.awareness_classes_min,
        awareness_classes_max=plan.awareness_classes_max,
        new_member_classes_min=plan.new_member_classes_min,
        new_member_classes_max=plan.new_member_classes_max,
        review_cadence=plan.review_cadence,
        base_plans_due=plan.base_plans_due,
        half_year_report_due=plan.half_year_report_due,
        year_report_due=plan.year_report_due,
        purpose=plan.purpose,
        measures=plan.measures,
        organisation=plan.organisation,
        targets=tuple(
            UnitTargetView(
                t.unit_id, names.get(t.unit_id, ""), t.admit_target, t.awareness_trainees_target
            )
            for t in targets
        ),
        document_id=plan.document_id,
        version=plan.version,
    )


def plan_view(session: Session, unit_id: str, year: int) -> PlanView | None:
    """Inside a caller's session (the reports use it)."""
    plan = q.year_plan(session, unit_id, year)
    return _view(session, plan) if plan else None


def get_plan(db: Database, unit_id: str, year: int) -> PlanView | None:
    """The unit's plan for the year, or None when it has none."""
    with db.reader() as session:
        return plan_view(session, unit_id, year)


_PLAN_FIELDS = (
    "admit_target",
    "youth_union_share",
    "awareness_trainees_target",
    "new_member_trainees_target",
    "awareness_classes_min",
    "awareness_classes_max",
    "new_member_classes_min",
    "new_member_classes_max",
    "review_cadence",
    "base_plans_due",
    "half_year_report_due",
    "year_report_due",
)


def _plan_snapshot(plan: YearPlan) -> dict[str, object]:
    data = audit.snapshot(plan)
    data["targets"] = sorted(
        (
            {
                "unit_id": t.unit_id,
                "admit_target": t.admit_target,
                "awareness_trainees_target": t.awareness_trainees_target,
            }
            for t in plan.targets
        ),
        key=lambda d: str(d["unit_id"]),
    )
    return data


def _as_input(plan: YearPlan) -> PlanInput:
    values = {name: getattr(plan, name) for name in _PLAN_FIELDS}
    return PlanInput(
        unit_id=plan.unit_id,
        year=plan.year,
        **values,
        purpose=plan.purpose,
        measures=plan.measures,
        organisation=plan.organisation,
        targets=tuple(
            UnitTarget(t.unit_id, t.admit_target, t.awareness_trainees_target)
            for t in sorted(plan.targets, key=lambda t: t.unit_id)
        ),
    )


def _stored_input(session: Session, unit_id: str, year: int) -> PlanInput:
    row = q.year_plan(session, unit_id, year)
    # No plan yet: a blank one, so that a plan another desk saves meanwhile differs from it.
    return _as_input(row) if row is not None else PlanInput(unit_id=unit_id, year=year)


def plan_input(db: Database, unit_id: str, year: int) -> PlanInput:
    """The unit's plan for the year as the plan form starts from it (a blank plan when it has
    none yet)."""
    with db.reader() as session:
        return _stored_input(session, unit_id, year)


_CHANGE_LABELS: dict[str, tuple[str, str]] = {
    "unit_id": ("Đơn vị", "Unit"),
    "year": ("Năm", "Year"),
    "admit_target": ("Chỉ tiêu kết nạp", "People to admit"),
    "youth_union_share": ("Tỷ lệ đoàn viên (%)", "Youth Union share (%)"),
    "awareness_trainees_target": (
        "Số người cử đi học lớp nhận thức về Đảng",
        "People to send to the awareness class",
    ),
    "new_member_trainees_target": (
        "Số người cử đi học lớp đảng viên mới",
        "People to send to the new-member class",
    ),
    "awareness_classes_min": ("Số lớp nhận thức về Đảng (tối thiểu)", "Awareness classes (min)"),
    "awareness_classes_max": ("Số lớp nhận thức về Đảng (tối đa)", "Awareness classes (max)"),
    "new_member_classes_min": ("Số lớp đảng viên mới (tối thiểu)", "New-member classes (min)"),
    "new_member_classes_max": ("Số lớp đảng viên mới (tối đa)", "New-member classes (max)"),
    "review_cadence": ("Sơ kết", "Progress reviews"),
    "base_plans_due": ("Hạn các đơn vị gửi kế hoạch", "Units send their plans by"),
    "half_year_report_due": ("Hạn báo cáo sơ kết 6 tháng", "Half-year report due"),
    "year_report_due": ("Hạn báo cáo tổng kết năm", "Year report due"),
    "purpose": ("I. Mục đích, yêu cầu", "I. Purpose and requirements"),
    "measures": ("III. Nhiệm vụ, giải pháp", "III. Tasks and measures"),
    "organisation": ("IV. Tổ chức thực hiện", "IV. Organising the work"),
    "targets": ("Chỉ tiêu giao cho các đơn vị", "Targets given to the units"),
}
_SHOWN_TEXT = 80  # characters of a paragraph field shown in a change list


def _change_words(names: dict[str, str]) -> Callable[[str, object], str]:
    """How a plan's field reads in a change list: units by name, long texts cut short."""

    def words(key: str, value: object) -> str:
        if key == "targets" and isinstance(value, tuple):
            given = [
                f"{names.get(t.unit_id, t.unit_id)} {t.admit_target}"
                + (f" ({t.awareness_trainees_target})" if t.awareness_trainees_target else "")
                for t in value
            ]
            return "; ".join(given) or value_text(None)
        if key == "review_cadence" and isinstance(value, str):
            return REVIEW_LABELS.get(value, value)
        if isinstance(value, str) and value and key in ("purpose", "measures", "organisation"):
            text = " / ".join(value.splitlines())
            return text if len(text) <= _SHOWN_TEXT else text[: _SHOWN_TEXT - 1] + "…"
        return value_text(value)

    return words


def save_plan(
    db: Database, plan: PlanInput, actor: str = "", started_from: PlanInput | None = None
) -> PlanView:
    """Create or replace the unit's plan for the year, in one transaction, audit logged.

    Bad input raises UserError naming the field, before anything is written. Targets may go
    only to the plan's unit or units below it. `started_from`: the plan as the form opened it
    (plan_input); if another desk saved the plan since, concurrency.ChangedMeanwhile names
    each changed field and nothing is written.
    """
    _validate(plan)
    actor = actor or audit.current_user()
    with db.unit_of_work() as session:
        unit = session.get(Unit, plan.unit_id)
        if unit is None:
            raise NotFoundError("Không tìm thấy đơn vị.", "Unit not found.")
        below = _units_below(session, plan.unit_id)
        if started_from is not None:
            refuse_if_changed(
                started_from,
                _stored_input(session, plan.unit_id, plan.year),
                _CHANGE_LABELS,
                (
                    f"kế hoạch phát triển đảng viên năm {plan.year} của {unit.name}",
                    f"the {plan.year} plan for developing new members of {unit.name}",
                ),
                _change_words(below),
            )
        for target in plan.targets:
            if target.unit_id not in below:
                raise UserError(
                    "Chỉ giao chỉ tiêu cho đơn vị trực thuộc.",
                    "Targets can go only to units below the plan's unit.",
                    "targets",
                )
        row = q.year_plan(session, plan.unit_id, plan.year)
        before = _plan_snapshot(row) if row else None
        if row is None:
            row = YearPlan(unit_id=plan.unit_id, year=plan.year, owner_unit_id=plan.unit_id)
            session.add(row)
        values = asdict(plan)
        for name in _PLAN_FIELDS:
            setattr(row, name, values[name])
        row.purpose = _text(plan.purpose)
        row.measures = _text(plan.measures)
        row.organisation = _text(plan.organisation)
        existing = {t.unit_id: t for t in row.targets}
        wanted = {t.unit_id: t for t in plan.targets}
        for unit_id, old in existing.items():
            if unit_id not in wanted:
                row.targets.remove(old)
        for unit_id, target in wanted.items():
            current = existing.get(unit_id)
            if current is None:
                current = PlanTarget(unit_id=unit_id, owner_unit_id=plan.unit_id)
                row.targets.append(current)
            current.admit_target = target.admit_target
            current.awareness_trainees_target = target.awareness_trainees_target
        session.flush()
        audit.log(
            session,
            actor,
            "update" if before else "create",
            "year_plan",
            row.id,
            before=before,
            after=_plan_snapshot(row),
        )
        session.flush()
        return _view(session, row)


def link_document(session: Session, plan_id: str, document_id: str) -> None:
    """Record the register entry of the printed plan on the plan (inside the caller's
    transaction)."""
    row = session.get(YearPlan, plan_id)
    if row is not None:
        row.document_id = document_id
