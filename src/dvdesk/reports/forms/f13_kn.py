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
from dvdesk.reports.forms import f6_kn
from dvdesk.reports.forms.f6_kn import (
    attendance,
    cell_document,
    cell_vote_fields,
    conclusions_and_vote,
    total,
)
from dvdesk.reports.pdf_layout import (
    Margins,
    PartyDocument,
    add_months,
    date_or_dots,
    nfc,
    number_line,
    para,
    paragraphs,
    text_or_dots,
    to_margins,
)

FORM_CODE = "13-KNĐ"
TYPE_NAME = "Nghị quyết"
SUBJECT = "Đề nghị công nhận đảng viên chính thức"


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

    @property
    def members(self) -> int | None:
        return total(self.official_members, self.probationary_members)

    @property
    def present(self) -> int | None:
        return total(self.present_official, self.present_probationary)

    @property
    def absent(self) -> int | None:
        if self.members is None or self.present is None:
            return None
        return self.members - self.present


def body(r: RecognitionResolution) -> list[Flowable]:
    name = nfc(r.member_name)
    admitted = "được kết nạp lại vào Đảng" if r.readmitted else "được kết nạp vào Đảng"
    items: list[Flowable] = [
        para(
            "Căn cứ Điều 5, Điều lệ Đảng Cộng sản Việt Nam và các quy định, hướng dẫn thi hành "
            "Điều lệ Đảng về việc công nhận đảng viên chính thức;"
        ),
        para(
            f"{date_or_dots(r.meeting_on).capitalize()}, {nfc(r.cell_name)} đã họp xét, đề nghị "
            f"công nhận đảng viên dự bị {name} là đảng viên chính thức."
        ),
        para(
            f"Đồng chí {name}, sinh {date_or_dots(r.member_birth_date)}, {admitted} "
            f"{date_or_dots(r.admitted_on)}; thời gian dự bị 12 tháng, đến "
            f"{date_or_dots(r.probation_ends)} hết thời gian dự bị."
        ),
        *attendance(r),
    ]
    return items + conclusions_and_vote(
        r,
        "bản tự kiểm điểm của đảng viên dự bị, bản nhận xét của đảng viên chính thức được phân "
        "công giúp đỡ, ý kiến nhận xét của tổ chức đoàn thể nơi làm việc và chi ủy nơi cư trú",
        "Ưu, khuyết điểm chính về phẩm chất chính trị, đạo đức, lối sống, năng lực công tác và "
        "việc thực hiện nhiệm vụ đảng viên",
        r.assessment,
        f"công nhận đồng chí {name} là đảng viên chính thức",
        f"quyết định công nhận đồng chí <b>{escape(name)}</b> là đảng viên chính thức kể từ "
        f"{escape(date_or_dots(r.probation_ends))}.",
    )


def document(r: RecognitionResolution, margins: Margins | None = None) -> PartyDocument:
    return cell_document(FORM_CODE, SUBJECT, r, text_or_dots(r.signer_name), r.member_name, margins)


def render(
    r: RecognitionResolution, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """The 13-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)


# The 6-KNĐ's meeting inputs; the assessment takes the place of the conclusions.
INPUTS: tuple[FormInput, ...] = (
    FormInput("assessment", "Nhận xét ưu, khuyết điểm trong thời gian dự bị", "Assessment"),
    *(i for i in f6_kn.INPUTS if i.key not in ("conclusions", "workplace")),
)


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> RecognitionResolution:
    """The 13-KNĐ of `dossier`: RECOGNITION_VOTE gives the meeting, CEREMONY the admission."""
    vote = dossier.last(EventKind.RECOGNITION_VOTE)
    ceremony = dossier.last(EventKind.CEREMONY)
    return RecognitionResolution(
        **cell_vote_fields(dossier, ctx, vote),
        member_name=dossier.full_name,
        member_birth_date=dossier.birth_date,
        admitted_on=ceremony.on if ceremony else None,
        assessment=paragraphs(ctx.text("assessment")),
    )


def render_dossier(dossier: PersonDossier, ctx: PrintContext, *, invariant: bool = False) -> bytes:
    return render(from_dossier(dossier, ctx), to_margins(ctx.margins), invariant=invariant)
