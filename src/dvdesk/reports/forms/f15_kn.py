"""Mẫu 15-KNĐ: Nghị quyết đề nghị công nhận đảng viên chính thức (của đảng ủy cơ sở).

The base committee reviews the chi bộ's 13-KNĐ and proposes recognition to the committee
competent to decide. Same frame as the 8-KNĐ. (The code 15 is from a 2017-era list; the
catalogue prints it, the content does not depend on it.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from dvdesk.domain.dossier import PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.domain.pipeline import EventKind
from dvdesk.reports.forms.f8_kn import attendance, check_counts, cited_resolution, committee_vote
from dvdesk.reports.pdf_layout import (
    LONG_DOTS,
    Heading,
    Margins,
    PartyDocument,
    Signer,
    add_months,
    date_input,
    date_or_dots,
    int_input,
    nfc,
    number_line,
    para,
    paragraphs,
    rich,
    text_or_dots,
    to_margins,
)

FORM_CODE = "15-KNĐ"
TYPE_NAME = "Nghị quyết"
SUBJECT = "Đề nghị công nhận đảng viên chính thức"
BLANK_LINE = "…" * 60


@dataclass(frozen=True)
class CommitteeRecognitionResolution:
    """Everything printed on a 15-KNĐ."""

    superior_body: str
    committee_name: str
    number: int | None
    place: str
    issued_on: date
    meeting_on: date | None
    cell_name: str
    cell_resolution_number: str  # the 13-KNĐ as recorded
    cell_resolution_date: date | None
    member_name: str
    member_birth_date: date | None
    admitted_on: date | None  # ceremony
    committee_members: int | None
    present: int | None
    votes_for: int | None
    votes_against: int | None
    absent_reasons: str
    conclusions: tuple[str, ...]
    proposed_to: str
    signer_name: str
    signer_authority: str = "T/M ĐẢNG ỦY"
    signer_position: str = "BÍ THƯ"
    symbol: str = "NQ/ĐU"
    recipients: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_counts(self.committee_members, self.present, self.votes_for, self.votes_against)

    @property
    def number_line(self) -> str:
        return number_line(self.number, self.symbol)

    @property
    def probation_ends(self) -> date | None:
        return add_months(self.admitted_on, 12) if self.admitted_on else None

    @property
    def absent(self) -> int | None:
        if self.committee_members is None or self.present is None:
            return None
        return self.committee_members - self.present


def body(r: CommitteeRecognitionResolution) -> list[Flowable]:
    name = nfc(r.member_name)
    committee = nfc(r.committee_name)
    cited = cited_resolution(r.cell_resolution_number, r.cell_resolution_date, r.cell_name)
    items: list[Flowable] = [
        para(
            f"{date_or_dots(r.meeting_on).capitalize()}, {committee} đã họp xét đề nghị công "
            f"nhận đảng viên dự bị {name} là đảng viên chính thức."
        ),
        para(attendance(r.committee_members, r.present, r.absent, r.absent_reasons)),
        para(
            f"Sau khi xem xét {cited} đề nghị công nhận đảng viên chính thức cho đồng chí "
            f"{name}, sinh {date_or_dots(r.member_birth_date)}, được kết nạp vào Đảng "
            f"{date_or_dots(r.admitted_on)}, hết thời gian dự bị "
            f"{date_or_dots(r.probation_ends)}, và hồ sơ của đảng viên dự bị, {committee} "
            "kết luận:"
        ),
    ]
    items += [para(t) for t in r.conclusions if t.strip()] or [para(BLANK_LINE), para(BLANK_LINE)]
    items += [
        para(
            committee_vote(
                f"việc công nhận đồng chí {name} là đảng viên chính thức",
                r.votes_for,
                r.votes_against,
                r.committee_members,
            )
        ),
        rich(
            f"{escape(committee)} đề nghị {escape(text_or_dots(r.proposed_to, LONG_DOTS))} "
            f"xem xét, quyết định công nhận đồng chí <b>{escape(name)}</b> là đảng viên chính "
            f"thức kể từ {escape(date_or_dots(r.probation_ends))}."
        ),
    ]
    return items


def document(r: CommitteeRecognitionResolution, margins: Margins | None = None) -> PartyDocument:
    recipients = r.recipients or (
        f"{text_or_dots(r.proposed_to)},",
        f"{nfc(r.cell_name)},",
        "Lưu Văn phòng Đảng ủy.",
    )
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
            authority=r.signer_authority,
        ),
        recipients=recipients,
        margins=margins or Margins(),
        form_code=FORM_CODE,
        title=f"{FORM_CODE} {TYPE_NAME} {SUBJECT.lower()}: {nfc(r.member_name)}",
    )


def render(
    r: CommitteeRecognitionResolution, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """The 15-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)


INPUTS: tuple[FormInput, ...] = (
    FormInput("meeting_date", "Ngày họp đảng ủy (dd/mm/yyyy)", "Committee meeting date", False),
    FormInput("committee_members", "Tổng số cấp ủy viên", "Committee members", False),
    FormInput("present", "Số cấp ủy viên có mặt", "Members present", False),
    FormInput("votes_for", "Số cấp ủy viên tán thành", "Votes for", False),
    FormInput("votes_against", "Số cấp ủy viên không tán thành", "Votes against", False),
    FormInput("absent_reasons", "Người vắng mặt và lý do", "Absentees and reasons"),
    FormInput("conclusions", "Kết luận của đảng ủy", "The committee's conclusions"),
    FormInput(
        "proposed_to", "Đề nghị cấp ủy nào quyết định", "Committee competent to decide", False
    ),
    FormInput("signer_position", "Chức vụ người ký (BÍ THƯ / PHÓ BÍ THƯ)", "Signer", False),
)


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> CommitteeRecognitionResolution:
    """The 15-KNĐ of `dossier`: RECOGNITION_VOTE is the cited 13-KNĐ, CEREMONY the admission."""
    vote = dossier.last(EventKind.RECOGNITION_VOTE)
    ceremony = dossier.last(EventKind.CEREMONY)
    return CommitteeRecognitionResolution(
        superior_body=ctx.superior_of_committee,
        committee_name=ctx.committee_name,
        number=ctx.number,
        place=ctx.place,
        issued_on=ctx.on,
        meeting_on=date_input(ctx.text("meeting_date")) or ctx.on,
        cell_name=ctx.cell_name or dossier.cell_name,
        cell_resolution_number=vote.number if vote else "",
        cell_resolution_date=vote.on if vote else None,
        member_name=dossier.full_name,
        member_birth_date=dossier.birth_date,
        admitted_on=ceremony.on if ceremony else None,
        committee_members=int_input(ctx.text("committee_members")),
        present=int_input(ctx.text("present")),
        votes_for=int_input(ctx.text("votes_for")),
        votes_against=int_input(ctx.text("votes_against")),
        absent_reasons=ctx.text("absent_reasons"),
        conclusions=paragraphs(ctx.text("conclusions")),
        proposed_to=ctx.text("proposed_to"),
        signer_name=ctx.committee_secretary,
        signer_position=ctx.text("signer_position") or "BÍ THƯ",
        symbol=f"NQ/{ctx.committee_symbol}",
    )


def render_dossier(dossier: PersonDossier, ctx: PrintContext, *, invariant: bool = False) -> bytes:
    return render(from_dossier(dossier, ctx), to_margins(ctx.margins), invariant=invariant)
