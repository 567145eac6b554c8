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
from dvdesk.reports.forms import f9_kn
from dvdesk.reports.forms.f9_kn import (
    BAN_THUONG_VU,
    decider_name,
    decision_document,
    decision_fields,
    decision_grounds,
    decision_items,
)
from dvdesk.reports.pdf_layout import (
    Margins,
    PartyDocument,
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
    return decision_grounds(r, _proposal(r))


def _proposal(r: RecognitionDecision) -> str:
    return f"công nhận đảng viên chính thức cho đồng chí {nfc(r.member_name)}"


def body(r: RecognitionDecision) -> list[Flowable]:
    name = nfc(r.member_name)
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
    ]
    return decision_items(r, _proposal(r), f"đồng chí {name}", articles)


def document(r: RecognitionDecision, margins: Margins | None = None) -> PartyDocument:
    return decision_document(FORM_CODE, SUBJECT, r, r.member_name, margins)


def render(
    r: RecognitionDecision, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """The recognition decision as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)


INPUTS: tuple[FormInput, ...] = f9_kn.INPUTS


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> RecognitionDecision:
    """RECOGNITION_VOTE is the cited 13-KNĐ, CEREMONY starts probation, DECISION gives party
    age; the RECOGNITION_DECISION event's number is used if one was recorded."""
    vote = dossier.last(EventKind.RECOGNITION_VOTE)
    ceremony = dossier.last(EventKind.CEREMONY)
    admission = dossier.last(EventKind.DECISION)
    recorded = dossier.last(EventKind.RECOGNITION_DECISION)
    return RecognitionDecision(
        **decision_fields(dossier, ctx, vote, recorded.number if recorded else ""),
        member_name=dossier.full_name,
        member_birth_date=dossier.birth_date,
        member_hometown=dossier.hometown,
        ceremony_on=ceremony.on if ceremony else None,
        admission_decision_number=admission.number if admission else "",
        admission_decision_date=admission.on if admission else None,
    )


def render_dossier(dossier: PersonDossier, ctx: PrintContext, *, invariant: bool = False) -> bytes:
    return render(from_dossier(dossier, ctx), to_margins(ctx.margins), invariant=invariant)
