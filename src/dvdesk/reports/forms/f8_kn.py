"""Mẫu 8-KNĐ: Nghị quyết đề nghị kết nạp đảng viên (của đảng ủy cơ sở).

The base committee's resolution after it has reviewed the chi bộ's 6-KNĐ: who attended, its
conclusion on the applicant, the committee members' vote, and the proposal to the committee
competent to decide. Issued "Số …-NQ/ĐU", signed T/M ĐẢNG ỦY / BÍ THƯ.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from dvdesk.domain.dossier import DossierEvent, PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.domain.pipeline import EventKind
from dvdesk.reports.pdf_layout import (
    LONG_DOTS,
    Margins,
    PartyDocument,
    Signer,
    date_input,
    date_or_dots,
    form_document,
    int_input,
    int_or_dots,
    nfc,
    number_line,
    para,
    paragraphs,
    percent,
    rich,
    short_date,
    text_or_dots,
    to_margins,
)

if TYPE_CHECKING:
    from dvdesk.reports.forms.f15_kn import CommitteeRecognitionResolution

FORM_CODE = "8-KNĐ"
TYPE_NAME = "Nghị quyết"
SUBJECT = "Đề nghị kết nạp đảng viên"
BLANK_LINE = "…" * 60


@dataclass(frozen=True)
class CommitteeAdmissionResolution:
    """Everything printed on an 8-KNĐ."""

    superior_body: str  # printed above the committee; may be empty
    committee_name: str  # "Đảng ủy phường Dịch Vọng"
    number: int | None
    place: str
    issued_on: date
    meeting_on: date | None
    cell_name: str
    cell_resolution_number: str  # "12-NQ/CB" as recorded; empty prints dots
    cell_resolution_date: date | None
    candidate_name: str
    candidate_birth_date: date | None
    candidate_hometown: str
    candidate_workplace: str
    committee_members: int | None  # đảng ủy viên
    present: int | None
    votes_for: int | None
    votes_against: int | None
    absent_reasons: str
    conclusions: tuple[str, ...]
    proposed_to: str  # "Ban Thường vụ Đảng ủy …" (the committee competent to decide)
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
    def absent(self) -> int | None:
        if self.committee_members is None or self.present is None:
            return None
        return self.committee_members - self.present


def check_counts(
    members: int | None, present: int | None, votes_for: int | None, against: int | None
) -> None:
    """Refuse counts that cannot be: negative, more present than members, more votes."""
    values = [v for v in (members, present, votes_for, against) if v is not None]
    if any(v < 0 for v in values):
        raise ValueError("counts cannot be negative")
    if members is not None and present is not None and present > members:
        raise ValueError("more committee members present than the committee has")
    votes = (votes_for or 0) + (against or 0)
    if present is not None and votes > present:
        raise ValueError("more votes than committee members present")


def cited_resolution(number: str, on: date | None, cell_name: str) -> str:
    """'Nghị quyết số 12-NQ/CB, ngày 04/03/2026 của Chi bộ Khu phố 3'."""
    return (
        f"Nghị quyết số {text_or_dots(number)}, ngày {short_date(on)} của {text_or_dots(cell_name)}"
    )


def committee_vote(
    action: str, votes_for: int | None, against: int | None, members: int | None
) -> str:
    """The committee's vote, as shares of all its members."""
    n = int_or_dots(members)

    def share(v: int | None) -> str:
        return percent(v, members) if v is not None and members else "……%"

    return (
        f"Số cấp ủy viên tán thành {action} là {int_or_dots(votes_for)}/{n} đồng chí, đạt "
        f"{share(votes_for)} so với tổng số cấp ủy viên; không tán thành "
        f"{int_or_dots(against)}/{n} đồng chí, chiếm {share(against)}."
    )


def attendance(members: int | None, present: int | None, absent: int | None, reasons: str) -> str:
    text = (
        f"Tổng số cấp ủy viên: {int_or_dots(members)} đồng chí; có mặt: "
        f"{int_or_dots(present)} đồng chí; vắng mặt: {int_or_dots(absent)} đồng chí"
    )
    if absent:
        text += f" (lý do: {text_or_dots(reasons)})"
    return text + "."


# The base committee's resolutions the helpers below fill (8-KNĐ, 15-KNĐ).
CommitteeMeeting: TypeAlias = "CommitteeAdmissionResolution | CommitteeRecognitionResolution"


def committee_body(
    r: CommitteeMeeting, proposal: str, considered: str, action: str, decision: str
) -> list[Flowable]:
    """The meeting ('… đã họp xét đề nghị <proposal>.'), the attendance, what was considered
    ('Sau khi xem xét <considered>, … kết luận:'), the conclusions, the vote on <action>, and
    the proposal to decide <decision> (ReportLab markup, escaped by the caller)."""
    committee = nfc(r.committee_name)
    items: list[Flowable] = [
        para(
            f"{date_or_dots(r.meeting_on).capitalize()}, {committee} đã họp xét đề nghị {proposal}."
        ),
        para(attendance(r.committee_members, r.present, r.absent, r.absent_reasons)),
        para(f"Sau khi xem xét {considered}, {committee} kết luận:"),
    ]
    items += [para(t) for t in r.conclusions if t.strip()] or [para(BLANK_LINE), para(BLANK_LINE)]
    items += [
        para(committee_vote(action, r.votes_for, r.votes_against, r.committee_members)),
        rich(
            f"{escape(committee)} đề nghị {escape(text_or_dots(r.proposed_to, LONG_DOTS))} "
            f"xem xét, quyết định {decision}"
        ),
    ]
    return items


def committee_document(
    form_code: str, subject: str, r: CommitteeMeeting, about: str, margins: Margins | None
) -> PartyDocument:
    """The committee's resolution in the Party frame, to the committee competent to decide."""
    recipients = r.recipients or (
        f"{text_or_dots(r.proposed_to)},",
        f"{nfc(r.cell_name)},",
        "Lưu Văn phòng Đảng ủy.",
    )
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
            authority=r.signer_authority,
        ),
        recipients=recipients,
        margins=margins,
        about=about,
    )


def committee_fields(
    dossier: PersonDossier, ctx: PrintContext, vote: DossierEvent | None
) -> dict[str, Any]:
    """The fields a committee resolution takes from the print dialog and the cited vote."""
    return dict(
        superior_body=ctx.superior_of_committee,
        committee_name=ctx.committee_name,
        number=ctx.number,
        place=ctx.place,
        issued_on=ctx.on,
        meeting_on=date_input(ctx.text("meeting_date")) or ctx.on,
        cell_name=ctx.cell_name or dossier.cell_name,
        cell_resolution_number=vote.number if vote else "",
        cell_resolution_date=vote.on if vote else None,
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


def body(r: CommitteeAdmissionResolution) -> list[Flowable]:
    name = nfc(r.candidate_name)
    cited = cited_resolution(r.cell_resolution_number, r.cell_resolution_date, r.cell_name)
    considered = (
        f"{cited} đề nghị kết nạp quần chúng {name}, sinh "
        f"{date_or_dots(r.candidate_birth_date)}; quê quán: {text_or_dots(r.candidate_hometown)}; "
        f"nghề nghiệp, nơi làm việc: {text_or_dots(r.candidate_workplace)}, và hồ sơ của người "
        "xin vào Đảng"
    )
    return committee_body(
        r,
        f"kết nạp quần chúng {name} vào Đảng Cộng sản Việt Nam",
        considered,
        f"việc kết nạp quần chúng {name} vào Đảng",
        f"kết nạp quần chúng <b>{escape(name)}</b> vào Đảng Cộng sản Việt Nam.",
    )


def document(r: CommitteeAdmissionResolution, margins: Margins | None = None) -> PartyDocument:
    return committee_document(FORM_CODE, SUBJECT, r, r.candidate_name, margins)


def render(
    r: CommitteeAdmissionResolution, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """The 8-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)


INPUTS: tuple[FormInput, ...] = (
    FormInput("meeting_date", "Ngày họp đảng ủy (dd/mm/yyyy)", "Committee meeting date", False),
    FormInput("committee_members", "Tổng số cấp ủy viên", "Committee members", False),
    FormInput("present", "Số cấp ủy viên có mặt", "Members present", False),
    FormInput("votes_for", "Số cấp ủy viên tán thành", "Votes for", False),
    FormInput("votes_against", "Số cấp ủy viên không tán thành", "Votes against", False),
    FormInput("absent_reasons", "Người vắng mặt và lý do", "Absentees and reasons"),
    FormInput("conclusions", "Kết luận của đảng ủy", "The committee's conclusions"),
    FormInput("workplace", "Nghề nghiệp, nơi làm việc", "Occupation and workplace", False),
    FormInput(
        "proposed_to", "Đề nghị cấp ủy nào quyết định", "Committee competent to decide", False
    ),
    FormInput("signer_position", "Chức vụ người ký (BÍ THƯ / PHÓ BÍ THƯ)", "Signer", False),
)


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> CommitteeAdmissionResolution:
    """The 8-KNĐ of `dossier`: the CELL_VOTE event is the cited chi bộ resolution."""
    vote = dossier.last(EventKind.CELL_VOTE)
    return CommitteeAdmissionResolution(
        **committee_fields(dossier, ctx, vote),
        candidate_name=dossier.full_name,
        candidate_birth_date=dossier.birth_date,
        candidate_hometown=dossier.hometown,
        candidate_workplace=ctx.text("workplace") or dossier.occupation,
    )


def render_dossier(dossier: PersonDossier, ctx: PrintContext, *, invariant: bool = False) -> bytes:
    return render(from_dossier(dossier, ctx), to_margins(ctx.margins), invariant=invariant)
