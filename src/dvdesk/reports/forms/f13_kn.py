"""Mẫu 13-KNĐ: Nghị quyết đề nghị công nhận đảng viên chính thức (của chi bộ).

After 12 months of probation the chi bộ meets (RECOGNITION_VOTE), assesses the probationary
member and votes; at least 2/3 of the official members must agree (Charter Art. 5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from dvdesk.domain.dossier import PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.domain.pipeline import EventKind
from dvdesk.reports.forms.f6_kn import vote_sentence
from dvdesk.reports.pdf_layout import (
    Heading,
    Margins,
    PartyDocument,
    Signer,
    add_months,
    date_or_dots,
    int_input,
    int_or_dots,
    nfc,
    number_line,
    para,
    paragraphs,
    rich,
    text_or_dots,
    to_margins,
)

FORM_CODE = "13-KNĐ"
TYPE_NAME = "Nghị quyết"
SUBJECT = "Đề nghị công nhận đảng viên chính thức"
BLANK_LINE = "…" * 60


@dataclass(frozen=True)
class RecognitionResolution:
    """Everything printed on a 13-KNĐ."""

    superior_body: str
    cell_name: str
    number: int | None
    place: str
    issued_on: date
    meeting_on: date | None
    member_name: str
    member_birth_date: date | None
    admitted_on: date | None  # the ceremony: probation counts from it
    official_members: int | None
    probationary_members: int | None
    present_official: int | None
    present_probationary: int | None
    absent_reasons: str
    chair: str
    secretary: str
    assessment: tuple[str, ...]  # qualities, ethics, duties during probation
    votes_for: int | None
    votes_against: int | None
    proposed_to: str  # the committee above
    signer_name: str
    signer_authority: str = "T/M CHI BỘ"
    signer_position: str = "BÍ THƯ"
    symbol: str = "NQ/CB"
    readmitted: bool = False
    recipients: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        pairs = (
            (self.present_official, self.official_members),
            (self.present_probationary, self.probationary_members),
        )
        values = [
            self.official_members,
            self.probationary_members,
            self.present_official,
            self.present_probationary,
            self.votes_for,
            self.votes_against,
        ]
        if any(v is not None and v < 0 for v in values):
            raise ValueError("counts cannot be negative")
        for part, whole in pairs:
            if part is not None and whole is not None and part > whole:
                raise ValueError("more members present than the chi bộ has")
        votes = (self.votes_for or 0) + (self.votes_against or 0)
        if self.present_official is not None and votes > self.present_official:
            raise ValueError("more votes than official members present")

    @property
    def number_line(self) -> str:
        return number_line(self.number, self.symbol)

    @property
    def probation_ends(self) -> date | None:
        """12 months from the ceremony: the date from which the member is official."""
        return add_months(self.admitted_on, 12) if self.admitted_on else None

    def _total(self, a: int | None, b: int | None) -> int | None:
        return None if a is None or b is None else a + b

    @property
    def members(self) -> int | None:
        return self._total(self.official_members, self.probationary_members)

    @property
    def present(self) -> int | None:
        return self._total(self.present_official, self.present_probationary)

    @property
    def absent(self) -> int | None:
        if self.members is None or self.present is None:
            return None
        return self.members - self.present


def body(r: RecognitionResolution) -> list[Flowable]:
    name = nfc(r.member_name)
    cell = nfc(r.cell_name)
    absent = f"Vắng mặt: {int_or_dots(r.absent)} đồng chí"
    if r.absent:
        absent += f" (lý do: {text_or_dots(r.absent_reasons)})"
    admitted = "được kết nạp lại vào Đảng" if r.readmitted else "được kết nạp vào Đảng"
    items: list[Flowable] = [
        para(
            "Căn cứ Điều 5, Điều lệ Đảng Cộng sản Việt Nam và các quy định, hướng dẫn thi hành "
            "Điều lệ Đảng về việc công nhận đảng viên chính thức;"
        ),
        para(
            f"{date_or_dots(r.meeting_on).capitalize()}, {cell} đã họp xét, đề nghị công nhận "
            f"đảng viên dự bị {name} là đảng viên chính thức."
        ),
        para(
            f"Đồng chí {name}, sinh {date_or_dots(r.member_birth_date)}, {admitted} "
            f"{date_or_dots(r.admitted_on)}; thời gian dự bị 12 tháng, đến "
            f"{date_or_dots(r.probation_ends)} hết thời gian dự bị."
        ),
        para(
            f"Tổng số đảng viên của chi bộ: {int_or_dots(r.members)} đồng chí, trong đó chính "
            f"thức: {int_or_dots(r.official_members)} đồng chí, dự bị: "
            f"{int_or_dots(r.probationary_members)} đồng chí."
        ),
        para(
            f"Có mặt: {int_or_dots(r.present)} đồng chí (chính thức: "
            f"{int_or_dots(r.present_official)}, dự bị: {int_or_dots(r.present_probationary)}). "
            f"{absent}."
        ),
        para(f"Chủ trì hội nghị: đồng chí {text_or_dots(r.chair)}."),
        para(f"Thư ký hội nghị: đồng chí {text_or_dots(r.secretary)}."),
        rich(
            "Sau khi xem xét bản tự kiểm điểm của đảng viên dự bị, bản nhận xét của đảng viên "
            "chính thức được phân công giúp đỡ, ý kiến nhận xét của tổ chức đoàn thể nơi làm việc "
            f"và chi ủy nơi cư trú, {escape(cell)} <b>kết luận</b> như sau:"
        ),
        rich(
            "<b>1. Ưu, khuyết điểm chính về phẩm chất chính trị, đạo đức, lối sống, năng lực "
            "công tác và việc thực hiện nhiệm vụ đảng viên</b>"
        ),
    ]
    items += [para(t) for t in r.assessment if t.strip()] or [para(BLANK_LINE), para(BLANK_LINE)]
    items += [
        rich("<b>2. Kết quả biểu quyết</b>"),
        para(
            vote_sentence(
                f"công nhận đồng chí {name} là đảng viên chính thức",
                r.votes_for,
                r.votes_against,
                r.official_members,
            )
        ),
        rich(
            f"{escape(cell)} đề nghị {escape(text_or_dots(r.proposed_to))} xem xét, quyết định "
            f"công nhận đồng chí <b>{escape(name)}</b> là đảng viên chính thức kể từ "
            f"{escape(date_or_dots(r.probation_ends))}."
        ),
    ]
    return items


def document(r: RecognitionResolution, margins: Margins | None = None) -> PartyDocument:
    recipients = r.recipients or (f"{text_or_dots(r.proposed_to)},", "Lưu chi bộ.")
    return PartyDocument(
        heading=Heading(
            issuing_body=r.cell_name,
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
    r: RecognitionResolution, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """The 13-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)


INPUTS: tuple[FormInput, ...] = (
    FormInput("assessment", "Nhận xét ưu, khuyết điểm trong thời gian dự bị", "Assessment"),
    FormInput("chair", "Chủ trì hội nghị", "Meeting chair", multiline=False),
    FormInput("secretary", "Thư ký hội nghị", "Meeting secretary", multiline=False),
    FormInput(
        "probationary_members", "Số đảng viên dự bị của chi bộ", "Probationary members", False
    ),
    FormInput(
        "present_probationary", "Số đảng viên dự bị có mặt", "Probationary members present", False
    ),
    FormInput("absent_reasons", "Người vắng mặt và lý do", "Absentees and reasons"),
    FormInput("proposed_to", "Kính đề nghị (cấp ủy)", "Proposed to (committee)", False),
)


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> RecognitionResolution:
    """The 13-KNĐ of `dossier`: RECOGNITION_VOTE gives the meeting, CEREMONY the admission."""
    vote = dossier.last(EventKind.RECOGNITION_VOTE)
    ceremony = dossier.last(EventKind.CEREMONY)
    return RecognitionResolution(
        superior_body=ctx.superior_of_cell or ctx.committee_name,
        cell_name=ctx.cell_name or dossier.cell_name,
        number=ctx.number,
        place=ctx.place,
        issued_on=ctx.on,
        meeting_on=vote.on if vote else None,
        member_name=dossier.full_name,
        member_birth_date=dossier.birth_date,
        admitted_on=ceremony.on if ceremony else None,
        official_members=vote.official_members if vote else None,
        probationary_members=int_input(ctx.text("probationary_members")),
        present_official=vote.present if vote else None,
        present_probationary=int_input(ctx.text("present_probationary")),
        absent_reasons=ctx.text("absent_reasons"),
        chair=ctx.text("chair"),
        secretary=ctx.text("secretary"),
        assessment=paragraphs(ctx.text("assessment")),
        votes_for=vote.votes_for if vote else None,
        votes_against=vote.votes_against if vote else None,
        proposed_to=ctx.text("proposed_to") or ctx.committee_name,
        signer_name=ctx.cell_secretary,
        symbol=f"NQ/{ctx.cell_symbol}",
    )


def render_dossier(dossier: PersonDossier, ctx: PrintContext, *, invariant: bool = False) -> bytes:
    return render(from_dossier(dossier, ctx), to_margins(ctx.margins), invariant=invariant)
