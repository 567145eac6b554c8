"""Mẫu 10-KNĐ: Bản tự kiểm điểm của đảng viên dự bị.

Written by the probationary member at the end of the 12 months: who they are, when they were
admitted (the ceremony) and under which decision, then strengths (political quality; ethics
and lifestyle; performance of duties), weaknesses and their causes, and the direction — each
from the print dialog's inputs or dotted lines to write on — and the request for recognition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from dvdesk.domain.dossier import PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.domain.pipeline import EventKind
from dvdesk.reports.pdf_layout import Margins, nfc, para, rich
from dvdesk.reports.personal_layout import (
    DotLines,
    PersonalDocument,
    date_or_dots,
    dots,
    field_line,
)

FORM_CODE = "10-KNĐ"
TITLE = "Bản tự kiểm điểm"
SUBTITLE = "(Dùng cho đảng viên dự bị đề nghị xét công nhận đảng viên chính thức)"

INPUTS: tuple[FormInput, ...] = (
    FormInput(
        "political",
        "Ưu điểm: phẩm chất chính trị",
        "Strengths: political quality",
    ),
    FormInput("ethics", "Ưu điểm: đạo đức, lối sống", "Strengths: ethics and lifestyle"),
    FormInput(
        "duties",
        "Ưu điểm: thực hiện chức trách, nhiệm vụ được giao và nhiệm vụ đảng viên",
        "Strengths: performance of duties",
    ),
    FormInput("weaknesses", "Khuyết điểm, hạn chế và nguyên nhân", "Weaknesses and causes"),
    FormInput("direction", "Phương hướng phấn đấu, khắc phục", "Direction"),
)


@dataclass(frozen=True)
class SelfReview:
    """Everything printed on the 10-KNĐ."""

    full_name: str
    birth_date: date | None
    admitted_on: date | None  # the admission ceremony (probation starts)
    decision_number: str  # "215-QĐ/ĐU" as recorded; may be empty
    decision_on: date | None
    cell_name: str
    committee_name: str
    political: str
    ethics: str
    duties: str
    weaknesses: str
    direction: str
    place: str
    on: date | None


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> SelfReview:
    ceremony = dossier.last(EventKind.CEREMONY)
    decision = dossier.last(EventKind.DECISION)
    return SelfReview(
        full_name=dossier.full_name,
        birth_date=dossier.birth_date,
        admitted_on=ceremony.on if ceremony else None,
        decision_number=decision.number if decision else "",
        decision_on=decision.on if decision else None,
        cell_name=ctx.cell_name or dossier.cell_name,
        committee_name=ctx.committee_name,
        political=ctx.text("political"),
        ethics=ctx.text("ethics"),
        duties=ctx.text("duties"),
        weaknesses=ctx.text("weaknesses"),
        direction=ctx.text("direction"),
        place=ctx.place,
        on=ctx.on,
    )


def written(value: str, lines: int) -> list[Flowable]:
    """The typed paragraphs, or dotted lines to write on."""
    text = nfc(value).strip()
    if not text:
        return [DotLines(lines)]
    return [para(p) for p in text.splitlines() if p.strip()]


def body(r: SelfReview) -> list[Flowable | str]:
    number = nfc(r.decision_number).strip()
    number = number.removeprefix("Số").strip() if number else dots(14)
    return [
        field_line("Họ và tên:", r.full_name, bold_value=True),
        field_line(f"Sinh {date_or_dots(r.birth_date)}", None),
        field_line(f"Vào Đảng (kết nạp) {date_or_dots(r.admitted_on)}", None),
        field_line(
            f"Theo Quyết định số {number} {date_or_dots(r.decision_on)}",
            None,
        ),
        field_line("Sinh hoạt tại:", r.cell_name),
        field_line("Thuộc:", r.committee_name),
        para(
            "Sau 12 tháng phấn đấu, rèn luyện trong thời kỳ dự bị, tôi tự kiểm điểm việc thực "
            "hiện nhiệm vụ đảng viên như sau:"
        ),
        rich("<b>1. Ưu điểm</b>"),
        rich("<i>a) Về phẩm chất chính trị:</i>"),
        *written(r.political, 3),
        rich("<i>b) Về đạo đức, lối sống:</i>"),
        *written(r.ethics, 3),
        rich("<i>c) Về thực hiện chức trách, nhiệm vụ được giao và nhiệm vụ đảng viên:</i>"),
        *written(r.duties, 3),
        rich("<b>2. Khuyết điểm, hạn chế và nguyên nhân</b>"),
        *written(r.weaknesses, 3),
        rich("<b>3. Phương hướng phấn đấu, khắc phục</b>"),
        *written(r.direction, 3),
        para(
            "Tôi tự nhận thấy đã đủ điều kiện trở thành đảng viên chính thức, đề nghị chi bộ "
            "xem xét, đề nghị cấp ủy có thẩm quyền công nhận tôi là đảng viên chính thức của "
            "Đảng Cộng sản Việt Nam."
        ),
    ]


def review_document(
    form_code: str,
    title: str,
    subtitle: str,
    *,
    signer: tuple[str, str],
    cell_name: str,
    place: str,
    on: date | None,
    pdf_title: str,
    margins: Margins | None,
) -> PersonalDocument:
    """A review at the end of probation (10-, 11-KNĐ): to the chi bộ, signed by `signer`
    (caption, name)."""
    caption, name = signer
    return PersonalDocument(
        title=title,
        subtitle=subtitle,
        form_code=form_code,
        place=place,
        on=on,
        signer_caption=(caption,),
        signer_name=name,
        addressees=(nfc(cell_name),),
        margins=margins or Margins(),
        pdf_title=pdf_title,
    )


def document(r: SelfReview, margins: Margins | None = None) -> PersonalDocument:
    return review_document(
        FORM_CODE,
        TITLE,
        SUBTITLE,
        signer=("Người tự kiểm điểm", r.full_name),
        cell_name=r.cell_name,
        place=r.place,
        on=r.on,
        pdf_title=f"{FORM_CODE} Bản tự kiểm điểm của đảng viên dự bị: {nfc(r.full_name)}",
        margins=margins,
    )


def render(r: SelfReview, margins: Margins | None = None, *, invariant: bool = False) -> bytes:
    """The 10-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)
