"""Mẫu 3-KNĐ: Giấy giới thiệu người vào Đảng.

One letter per introducing official member (`introducer_index` picks from
`dossier.introducers`, current ones first): who the introducer is, since when they have worked
with the applicant (the assignment's start), the applicant, the introducer's assessment
(input "assessment"; dotted lines when empty) and the proposal, signed by the introducer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from dvdesk.domain.dossier import MemberRef, PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.reports.pdf_layout import Margins, nfc, para, rich
from dvdesk.reports.personal_layout import (
    DotLines,
    PersonalDocument,
    date_or_dots,
    dots,
    field_line,
    or_dots,
)

FORM_CODE = "3-KNĐ"
TITLE = "Giấy giới thiệu người vào Đảng"

INPUTS: tuple[FormInput, ...] = (
    FormInput(
        "assessment",
        "Nhận xét về lý lịch, phẩm chất chính trị, đạo đức, lối sống, năng lực, quan hệ quần chúng",
        "Assessment of the applicant",
    ),
    FormInput("weaknesses", "Khuyết điểm, nhược điểm chính", "Main weaknesses"),
)


@dataclass(frozen=True)
class IntroducerLetter:
    """Everything printed on one 3-KNĐ."""

    introducer_name: str
    introducer_admitted_on: date | None  # vào Đảng (admission decision date)
    introducer_official_on: date | None
    introducer_cell: str
    committee_name: str
    together_since: date | None  # from when the introducer has worked with the applicant
    months_together: int | None
    replacement: bool
    applicant_name: str
    applicant_birth_date: date | None
    applicant_hometown: str
    applicant_occupation: str
    cell_name: str  # the chi bộ the letter goes to
    assessment: str
    weaknesses: str
    place: str
    on: date | None


def months_between(start: date, end: date) -> int:
    """Whole months from `start` to `end` (0 when end is earlier)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day:
        months -= 1
    return max(0, months)


def from_dossier(
    dossier: PersonDossier, ctx: PrintContext, introducer_index: int = 0
) -> IntroducerLetter:
    intro: MemberRef | None = None
    if 0 <= introducer_index < len(dossier.introducers):
        intro = dossier.introducers[introducer_index]
    since = intro.from_date if intro else None
    return IntroducerLetter(
        introducer_name=intro.full_name if intro else "",
        introducer_admitted_on=intro.admission_decision_date if intro else None,
        introducer_official_on=intro.official_date if intro else None,
        introducer_cell=(intro.cell_name if intro else "") or ctx.cell_name,
        committee_name=ctx.committee_name,
        together_since=since,
        months_together=months_between(since, ctx.on) if since else None,
        replacement=bool(intro and intro.replacement),
        applicant_name=dossier.full_name,
        applicant_birth_date=dossier.birth_date,
        applicant_hometown=dossier.hometown,
        applicant_occupation=dossier.occupation,
        cell_name=ctx.cell_name or dossier.cell_name,
        assessment=ctx.text("assessment"),
        weaknesses=ctx.text("weaknesses"),
        place=ctx.place,
        on=ctx.on,
    )


def _paragraphs(value: str, lines: int) -> list[Flowable]:
    text = nfc(value).strip()
    if not text:
        return [DotLines(lines)]
    return [para(p) for p in text.splitlines() if p.strip()]


def body(r: IntroducerLetter) -> list[Flowable | str]:
    applicant = or_dots(r.applicant_name, 30)
    since = f"từ {date_or_dots(r.together_since)} đến nay"
    if r.months_together is not None:
        since += f" ({r.months_together} tháng)"
    items: list[Flowable | str] = [
        field_line("Tôi là:", r.introducer_name, bold_value=True),
        field_line(
            f"Vào Đảng {date_or_dots(r.introducer_admitted_on)}, chính thức "
            f"{date_or_dots(r.introducer_official_on)}",
            None,
        ),
        field_line("Hiện sinh hoạt tại:", r.introducer_cell),
        field_line("Thuộc:", r.committee_name),
        para(
            f"Đã công tác (làm việc, học tập, cư trú) cùng với quần chúng {applicant} {since}"
            + (
                "; được chi bộ phân công theo dõi, giúp đỡ thay người giới thiệu trước."
                if r.replacement
                else "."
            )
        ),
        rich(
            f"Tôi giới thiệu quần chúng <b>{escape_text(applicant)}</b>, sinh "
            f"{date_or_dots(r.applicant_birth_date)}; quê quán: "
            f"{escape_text(or_dots(r.applicant_hometown))}; nghề nghiệp: "
            f"{escape_text(or_dots(r.applicant_occupation))} vào Đảng Cộng sản Việt Nam. Tôi "
            "xin báo cáo với chi bộ những vấn đề chính về người xin vào Đảng như sau:"
        ),
        rich(
            "<b>1. Về lý lịch; phẩm chất chính trị, đạo đức, lối sống; năng lực công tác; "
            "quan hệ quần chúng:</b>",
            indent=True,
        ),
        *_paragraphs(r.assessment, 4),
        rich("<b>2. Những khuyết điểm, nhược điểm chính:</b>", indent=True),
        *_paragraphs(r.weaknesses, 2),
        para(
            f"Tôi đề nghị {nfc(r.cell_name).strip() or 'chi bộ ' + dots(20)} xem xét, đề nghị "
            f"cấp ủy cấp trên kết nạp quần chúng {applicant} vào Đảng Cộng sản Việt Nam. Tôi "
            "xin chịu trách nhiệm trước Đảng về sự giới thiệu của mình."
        ),
    ]
    return items


def escape_text(value: str) -> str:
    return escape(nfc(value))


def document(r: IntroducerLetter, margins: Margins | None = None) -> PersonalDocument:
    return PersonalDocument(
        title=TITLE,
        form_code=FORM_CODE,
        place=r.place,
        on=r.on,
        signer_caption=("Người giới thiệu",),
        signer_name=r.introducer_name,
        addressees=(nfc(r.cell_name),),
        margins=margins or Margins(),
        pdf_title=f"{FORM_CODE} {TITLE}: {nfc(r.applicant_name)}",
    )


def render(
    r: IntroducerLetter, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """One 3-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)
