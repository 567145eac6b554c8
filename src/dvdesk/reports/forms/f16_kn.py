"""Mẫu 16-KNĐ: Quyết định công nhận đảng viên chính thức.

Like the 9-KNĐ. The member is official from the end of 12 months of probation counted from the
ceremony (ceremony + 12 months), and party age (tuổi đảng) counts from the date of the admission
decision (Charter Art. 5): the decision states both. (The code 16 is uncertain, domain §2.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from dvdesk.domain.dossier import PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.domain.pipeline import EventKind
from dvdesk.reports.forms.f9_kn import (
    BAN_THUONG_VU,
    authority,
    decider_kind,
    decider_name,
    decision_body,
    decision_number,
    rule_in_force,
)
from dvdesk.reports.pdf_layout import (
    Heading,
    Margins,
    PartyDocument,
    Signer,
    add_months,
    nfc,
    number_line,
    short_date,
    text_or_dots,
    to_margins,
)

FORM_CODE = "16-KNĐ"
TYPE_NAME = "Quyết định"
SUBJECT = "công nhận đảng viên chính thức"


@dataclass(frozen=True)
class RecognitionDecision:
    """Everything printed on the recognition decision."""

    superior_body: str
    committee_name: str
    number: int | None
    place: str
    issued_on: date
    rule_basis: str
    cell_name: str
    cell_resolution_number: str  # the 13-KNĐ
    cell_resolution_date: date | None
    member_name: str
    member_birth_date: date | None
    member_hometown: str
    ceremony_on: date | None  # probation starts
    admission_decision_number: str  # "30-QĐ/ĐU"
    admission_decision_date: date | None  # party age counts from it
    decided_by: str = BAN_THUONG_VU
    working_rules: str = ""
    further_grounds: str = ""
    executors: str = ""
    signer_name: str = ""
    signer_position: str = "BÍ THƯ"
    symbol: str = "QĐ/ĐU"
    recipients: tuple[str, ...] = ()

    @property
    def number_line(self) -> str:
        return number_line(self.number, self.symbol)

    @property
    def official_from(self) -> date | None:
        """The end of 12 months of probation: ceremony + 12 months."""
        return add_months(self.ceremony_on, 12) if self.ceremony_on else None

    @property
    def decider(self) -> str:
        return decider_name(self.decided_by, self.committee_name)


def grounds(r: RecognitionDecision) -> list[str]:
    items = [
        "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
        f"Căn cứ {nfc(r.rule_basis)};",
    ]
    if r.working_rules.strip():
        items.append(f"Căn cứ {nfc(r.working_rules.strip()).rstrip(';')};")
    cited = (
        f"Xét nghị quyết số {text_or_dots(r.cell_resolution_number)}, ngày "
        f"{short_date(r.cell_resolution_date)} của {text_or_dots(r.cell_name)} đề nghị công "
        f"nhận đảng viên chính thức cho đồng chí {nfc(r.member_name)}"
    )
    if r.further_grounds.strip():
        cited += f"; {nfc(r.further_grounds.strip()).rstrip('.,;')}"
    items.append(cited + ",")
    return items


def body(r: RecognitionDecision) -> list[Flowable]:
    name = nfc(r.member_name)
    executors = r.executors.strip() or (
        f"Văn phòng cấp ủy, Ban Tổ chức, {nfc(r.cell_name)} và đồng chí {name}"
    )
    admission = (
        f"quyết định kết nạp số {text_or_dots(r.admission_decision_number)}, ngày "
        f"{short_date(r.admission_decision_date)}"
    )
    articles = [
        (
            f"Công nhận đồng chí {name}, sinh ngày {short_date(r.member_birth_date)}, quê quán: "
            f"{text_or_dots(r.member_hometown)}, đảng viên dự bị thuộc {nfc(r.cell_name)}, "
            f"được kết nạp vào Đảng ngày {short_date(r.ceremony_on)}, là đảng viên chính thức "
            f"kể từ ngày {short_date(r.official_from)}.",
            f"Tuổi đảng của đồng chí {name} được tính từ ngày "
            f"{short_date(r.admission_decision_date)} (ngày ghi trong {admission}).",
        ),
        (
            f"{nfc(r.cell_name)} có trách nhiệm công bố quyết định này, tiếp tục giáo dục, "
            f"rèn luyện đồng chí {name} thực hiện tốt nhiệm vụ đảng viên.",
            "",
        ),
        (f"{nfc(executors)} chịu trách nhiệm thi hành quyết định này.", ""),
    ]
    return decision_body(grounds(r), r.decider, articles)


def document(r: RecognitionDecision, margins: Margins | None = None) -> PartyDocument:
    recipients = r.recipients or ("Như Điều 3,", "Lưu Văn phòng cấp ủy, hồ sơ đảng viên.")
    return PartyDocument(
        heading=Heading(
            issuing_body=r.committee_name,
            number=r.number_line,
            place=r.place,
            issued_on=r.issued_on,
            superior_body=r.superior_body,
        ),
        type_name=TYPE_NAME,
        subject=SUBJECT,
        signer=Signer(
            name=text_or_dots(r.signer_name),
            position=r.signer_position,
            authority=authority(r.decided_by),
        ),
        recipients=recipients,
        margins=margins or Margins(),
        form_code=FORM_CODE,
        title=f"{FORM_CODE} {TYPE_NAME} {SUBJECT}: {nfc(r.member_name)}",
    )


def render(
    r: RecognitionDecision, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """The recognition decision as PDF bytes."""
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


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> RecognitionDecision:
    """RECOGNITION_VOTE is the cited 13-KNĐ, CEREMONY starts probation, DECISION gives party
    age; the RECOGNITION_DECISION event's number is used if one was recorded."""
    vote = dossier.last(EventKind.RECOGNITION_VOTE)
    ceremony = dossier.last(EventKind.CEREMONY)
    admission = dossier.last(EventKind.DECISION)
    recorded = dossier.last(EventKind.RECOGNITION_DECISION)
    number, symbol = decision_number(recorded.number if recorded else "", ctx)
    return RecognitionDecision(
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
        member_name=dossier.full_name,
        member_birth_date=dossier.birth_date,
        member_hometown=dossier.hometown,
        ceremony_on=ceremony.on if ceremony else None,
        admission_decision_number=admission.number if admission else "",
        admission_decision_date=admission.on if admission else None,
        decided_by=decider_kind(ctx.text("decided_by")),
        working_rules=ctx.text("working_rules"),
        further_grounds=ctx.text("further_grounds"),
        executors=ctx.text("executors"),
        signer_name=ctx.committee_secretary,
        signer_position=ctx.text("signer_position") or "BÍ THƯ",
    )


def render_dossier(dossier: PersonDossier, ctx: PrintContext, *, invariant: bool = False) -> bytes:
    return render(from_dossier(dossier, ctx), to_margins(ctx.margins), invariant=invariant)
