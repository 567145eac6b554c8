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
from dvdesk.reports.forms import f8_kn
from dvdesk.reports.forms.f8_kn import (
    check_counts,
    cited_resolution,
    committee_body,
    committee_document,
    committee_fields,
)
from dvdesk.reports.pdf_layout import (
    Margins,
    PartyDocument,
    add_months,
    date_or_dots,
    nfc,
    number_line,
    to_margins,
)

FORM_CODE = "15-KNĐ"
TYPE_NAME = "Nghị quyết"
SUBJECT = "Đề nghị công nhận đảng viên chính thức"


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
    cited = cited_resolution(r.cell_resolution_number, r.cell_resolution_date, r.cell_name)
    considered = (
        f"{cited} đề nghị công nhận đảng viên chính thức cho đồng chí {name}, sinh "
        f"{date_or_dots(r.member_birth_date)}, được kết nạp vào Đảng "
        f"{date_or_dots(r.admitted_on)}, hết thời gian dự bị "
        f"{date_or_dots(r.probation_ends)}, và hồ sơ của đảng viên dự bị"
    )
    return committee_body(
        r,
        f"công nhận đảng viên dự bị {name} là đảng viên chính thức",
        considered,
        f"việc công nhận đồng chí {name} là đảng viên chính thức",
        f"công nhận đồng chí <b>{escape(name)}</b> là đảng viên chính thức kể từ "
        f"{escape(date_or_dots(r.probation_ends))}.",
    )


def document(r: CommitteeRecognitionResolution, margins: Margins | None = None) -> PartyDocument:
    return committee_document(FORM_CODE, SUBJECT, r, r.member_name, margins)


def render(
    r: CommitteeRecognitionResolution, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """The 15-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)


# The 8-KNĐ's inputs: the applicant's workplace is not printed on a recognition.
INPUTS: tuple[FormInput, ...] = tuple(i for i in f8_kn.INPUTS if i.key != "workplace")


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> CommitteeRecognitionResolution:
    """The 15-KNĐ of `dossier`: RECOGNITION_VOTE is the cited 13-KNĐ, CEREMONY the admission."""
    vote = dossier.last(EventKind.RECOGNITION_VOTE)
    ceremony = dossier.last(EventKind.CEREMONY)
    return CommitteeRecognitionResolution(
        **committee_fields(dossier, ctx, vote),
        member_name=dossier.full_name,
        member_birth_date=dossier.birth_date,
        admitted_on=ceremony.on if ceremony else None,
    )


def render_dossier(dossier: PersonDossier, ctx: PrintContext, *, invariant: bool = False) -> bytes:
    return render(from_dossier(dossier, ctx), to_margins(ctx.margins), invariant=invariant)
