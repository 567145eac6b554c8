"""Mẫu 9-KNĐ: Quyết định kết nạp đảng viên.

Issued by the committee competent to admit ("Số 30-QĐ/ĐU"): the grounds (Party Charter, the
regulation implementing it in force on the decision's date, the chi bộ's resolution), then
"BAN THƯỜNG VỤ … QUYẾT ĐỊNH" (or "ĐẢNG ỦY … QUYẾT ĐỊNH" for an authorised base committee) and
three articles. Signed T/M BAN THƯỜNG VỤ (or T/M ĐẢNG ỦY) / BÍ THƯ.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from dvdesk.domain.dossier import DossierEvent, PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.domain.pipeline import EventKind
from dvdesk.reports.pdf_layout import (
    BODY_SIZE,
    BOLD,
    Margins,
    PartyDocument,
    Signer,
    _style,
    caps,
    form_document,
    nfc,
    number_line,
    para,
    parse_number,
    rich,
    short_date,
    text_or_dots,
    to_margins,
)

if TYPE_CHECKING:
    from dvdesk.reports.forms.f16_kn import RecognitionDecision

FORM_CODE = "9-KNĐ"
TYPE_NAME = "Quyết định"
SUBJECT = "kết nạp đảng viên"

# The regulation implementing the Charter, by the date it took effect (domain research §0).
RULE_SETS: tuple[tuple[date, str], ...] = (
    (date(2016, 7, 25), "Quy định số 29-QĐ/TW, ngày 25/7/2016 của Ban Chấp hành Trung ương"),
    (date(2021, 7, 30), "Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương"),
    (date(2025, 1, 20), "Quy định số 232-QĐ/TW, ngày 20/01/2025 của Ban Chấp hành Trung ương"),
    (date(2025, 7, 1), "Quy định số 294-QĐ/TW, ngày 26/5/2025 của Ban Chấp hành Trung ương"),
)


def rule_in_force(on: date) -> str:
    """'Quy định số 294-QĐ/TW, … về thi hành Điều lệ Đảng' for a document dated `on`."""
    current = RULE_SETS[0][1]
    for since, text in RULE_SETS:
        if on >= since:
            current = text
    return f"{current} về thi hành Điều lệ Đảng"


BAN_THUONG_VU = "Ban Thường vụ"
DANG_UY = "Đảng ủy"


def decider_kind(text: str) -> str:
    """The input 'decided_by' read as Ban Thường vụ (default) or the full Đảng ủy."""
    plain = nfc(text).strip().lower()
    if plain in ("đảng ủy", "đảng uỷ", "du", "đu", "dang uy"):
        return DANG_UY
    return BAN_THUONG_VU


def decider_name(kind: str, committee_name: str) -> str:
    """'Ban Thường vụ Đảng ủy phường Dịch Vọng' or 'Đảng ủy phường Dịch Vọng'."""
    name = nfc(committee_name).strip()
    return f"{BAN_THUONG_VU} {name}" if kind == BAN_THUONG_VU else name


def authority(kind: str) -> str:
    return "T/M BAN THƯỜNG VỤ" if kind == BAN_THUONG_VU else "T/M ĐẢNG ỦY"


# The committee's decisions the helpers below fill (9-KNĐ, 16-KNĐ).
Decision: TypeAlias = "AdmissionDecision | RecognitionDecision"


def decision_body(
    grounds: Sequence[str], decider: str, articles: Sequence[tuple[str, str]]
) -> list[Flowable]:
    """Grounds ('- Căn cứ …;'), the centred 'X QUYẾT ĐỊNH', then 'Điều n.' articles."""
    items: list[Flowable] = [para(f"- {g}") for g in grounds]
    items.append(Spacer(1, 2 * mm))
    items.append(
        Paragraph(
            escape(f"{caps(decider)} QUYẾT ĐỊNH"),
            _style("decides", BOLD, BODY_SIZE, align=TA_CENTER, space_after=6),
        )
    )
    for index, (first, rest) in enumerate(articles, start=1):
        text = f"<b>Điều {index}.</b> {escape(nfc(first))}"
        items.append(rich(text))
        if rest:
            items.append(para(rest))
    return items


@dataclass(frozen=True)
class AdmissionDecision:
    """Everything printed on a 9-KNĐ."""

    superior_body: str
    committee_name: str  # "Đảng ủy phường Dịch Vọng"
    number: int | None
    place: str
    issued_on: date
    rule_basis: str  # rule_in_force(issued_on)
    cell_name: str
    cell_resolution_number: str  # "12-NQ/CB"
    cell_resolution_date: date | None
    candidate_name: str
    candidate_birth_date: date | None
    candidate_hometown: str
    decided_by: str = BAN_THUONG_VU  # or DANG_UY
    working_rules: str = ""  # "Quy chế làm việc của …" (printed as a ground when given)
    further_grounds: str = ""  # "Xét đề nghị của Ban Tổ chức …" (printed when given)
    executors: str = ""  # Điều 3; default: the office, the chi bộ and the person
    signer_name: str = ""
    signer_position: str = "BÍ THƯ"
    symbol: str = "QĐ/ĐU"
    recipients: tuple[str, ...] = ()

    @property
    def number_line(self) -> str:
        return number_line(self.number, self.symbol)

    @property
    def decider(self) -> str:
        return decider_name(self.decided_by, self.committee_name)


def decision_grounds(r: Decision, proposal: str) -> list[str]:
    """The Charter, the rule in force, the working rules, then the cited chi bộ resolution
    ('… đề nghị <proposal>') and any further grounds."""
    items = ["Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", f"Căn cứ {nfc(r.rule_basis)};"]
    if r.working_rules.strip():
        items.append(f"Căn cứ {nfc(r.working_rules.strip()).rstrip(';')};")
    cited = (
        f"Xét nghị quyết số {text_or_dots(r.cell_resolution_number)}, ngày "
        f"{short_date(r.cell_resolution_date)} của {text_or_dots(r.cell_name)} đề nghị "
        f"{proposal}"
    )
    if r.further_grounds.strip():
        cited += f"; {nfc(r.further_grounds.strip()).rstrip('.,;')}"
    items.append(cited + ",")
    return items


def decision_items(
    r: Decision, proposal: str, person: str, articles: Sequence[tuple[str, str]]
) -> list[Flowable]:
    """The whole body: grounds, 'X QUYẾT ĐỊNH', `articles`, then who carries it out (by default
    the office, the organisation board, the chi bộ and `person`)."""
    executors = r.executors.strip() or (
        f"Văn phòng cấp ủy, Ban Tổ chức, {nfc(r.cell_name)} và {person}"
    )
    last = (f"{nfc(executors)} chịu trách nhiệm thi hành quyết định này.", "")
    return decision_body(decision_grounds(r, proposal), r.decider, [*articles, last])


def decision_document(
    form_code: str, subject: str, r: Decision, about: str, margins: Margins | None
) -> PartyDocument:
    """The committee's decision in the Party frame, signed for the body that decided."""
    recipients = r.recipients or ("Như Điều 3,", "Lưu Văn phòng cấp ủy, hồ sơ đảng viên.")
    return form_document(
        form_code,
        TYPE_NAME,
        subject,
        issuing_body=r.committee_name,
        number=r.number_line,
        place=r.place,
        issued_on=r.issued_on,
        superior_body=r.superior_body,
        signer=Signer(
            name=text_or_dots(r.signer_name),
            position=r.signer_position,
            authority=authority(r.decided_by),
        ),
        recipients=recipients,
        margins=margins,
        about=about,
    )


def decision_fields(
    dossier: PersonDossier, ctx: PrintContext, vote: DossierEvent | None, recorded: str
) -> dict[str, Any]:
    """The fields a decision takes from the context and the cited vote; the recorded event
    number ('30-QĐ/ĐU') is used if there is one."""
    number, symbol = decision_number(recorded, ctx)
    return dict(
        superior_body=ctx.superior_of_committee,
        committee_name=ctx.committee_name,
        number=number,
        symbol=symbol,
        place=ctx.place,
        issued_on=ctx.on,
        rule_basis=rule_in_force(ctx.on),
        cell_name=ctx.cell_name or dossier.cell_name,
        cell_resolution_number=vote.number if vote else "",
        cell_resolution_date=vote.on if vote else None,
        decided_by=decider_kind(ctx.text("decided_by")),
        working_rules=ctx.text("working_rules"),
        further_grounds=ctx.text("further_grounds"),
        executors=ctx.text("executors"),
        signer_name=ctx.committee_secretary,
        signer_position=ctx.text("signer_position") or "BÍ THƯ",
    )


def grounds(r: AdmissionDecision) -> list[str]:
    return decision_grounds(r, f"kết nạp quần chúng {nfc(r.candidate_name)} vào Đảng")


def body(r: AdmissionDecision) -> list[Flowable]:
    name = nfc(r.candidate_name)
    articles = [
        (
            f"Kết nạp quần chúng {name}, sinh ngày {short_date(r.candidate_birth_date)}, "
            f"quê quán: {text_or_dots(r.candidate_hometown)}, vào Đảng Cộng sản Việt Nam.",
            "Thời gian dự bị 12 tháng kể từ ngày chi bộ tổ chức lễ kết nạp.",
        ),
        (
            f"{nfc(r.cell_name)} có trách nhiệm tổ chức lễ kết nạp cho quần chúng {name} theo "
            "đúng quy định của Điều lệ Đảng; phân công đảng viên chính thức giúp đỡ, tiếp tục "
            "giáo dục, rèn luyện để đồng chí trở thành đảng viên chính thức.",
            "",
        ),
    ]
    proposal = f"kết nạp quần chúng {name} vào Đảng"
    return decision_items(r, proposal, f"quần chúng {name}", articles)


def document(r: AdmissionDecision, margins: Margins | None = None) -> PartyDocument:
    return decision_document(FORM_CODE, SUBJECT, r, r.candidate_name, margins)


def render(
    r: AdmissionDecision, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """The 9-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)


INPUTS: tuple[FormInput, ...] = (
    FormInput(
        "decided_by",
        "Cấp quyết định: 'Ban Thường vụ' hoặc 'Đảng ủy'",
        "Deciding body: standing committee or full committee",
        False,
    ),
    FormInput("working_rules", "Căn cứ quy chế làm việc (nếu có)", "Working rules cited", False),
    FormInput(
        "further_grounds", "Xét đề nghị khác (Ban Tổ chức …)", "Further grounds cited", False
    ),
    FormInput("executors", "Điều 3: các cơ quan thi hành", "Article 3: who carries it out"),
    FormInput("signer_position", "Chức vụ người ký (BÍ THƯ / PHÓ BÍ THƯ)", "Signer", False),
)


def decision_number(recorded: str, ctx: PrintContext) -> tuple[int | None, str]:
    """The recorded event number ('30-QĐ/ĐU') if there is one, else the context's number."""
    number, symbol = parse_number(recorded)
    if number is not None:
        return number, symbol
    return ctx.number, f"QĐ/{ctx.committee_symbol}"


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> AdmissionDecision:
    """The 9-KNĐ of `dossier`: the CELL_VOTE event is the cited resolution; the DECISION
    event's number is used if one was recorded."""
    vote = dossier.last(EventKind.CELL_VOTE)
    decision = dossier.last(EventKind.DECISION)
    return AdmissionDecision(
        **decision_fields(dossier, ctx, vote, decision.number if decision else ""),
        candidate_name=dossier.full_name,
        candidate_birth_date=dossier.birth_date,
        candidate_hometown=dossier.hometown,
    )


def render_dossier(dossier: PersonDossier, ctx: PrintContext, *, invariant: bool = False) -> bytes:
    return render(from_dossier(dossier, ctx), to_margins(ctx.margins), invariant=invariant)
