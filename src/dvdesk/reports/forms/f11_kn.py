"""Mẫu 11-KNĐ: Bản nhận xét đảng viên dự bị (của đảng viên chính thức được phân công giúp đỡ).

Written by the current helper: who they are, whom they helped and since when, the assessment
and the proposal. When the print dialog's "assessment" is empty, the helper's dated notes kept
over the year (`helper_notes`) are printed instead, so what the helper wrote down reaches the
paper; with neither, dotted lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from dvdesk.domain.dossier import MemberRef, PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.domain.pipeline import EventKind
from dvdesk.reports.forms.f10_kn import review_document, written
from dvdesk.reports.pdf_layout import Margins, nfc, para, rich
from dvdesk.reports.personal_layout import (
    PersonalDocument,
    date_or_dots,
    dots,
    field_line,
    or_dots,
    short_date_or_dots,
)

FORM_CODE = "11-KNĐ"
TITLE = "Bản nhận xét đảng viên dự bị"
SUBTITLE = "(Của đảng viên chính thức được phân công giúp đỡ)"

INPUTS: tuple[FormInput, ...] = (
    FormInput(
        "assessment",
        "Nhận xét (để trống: in các ghi chép của người giúp đỡ)",
        "Assessment (empty: print the helper's notes)",
    ),
    FormInput("weaknesses", "Khuyết điểm, hạn chế", "Weaknesses"),
    FormInput(
        "proposal",
        "Đề nghị (công nhận hay không công nhận đảng viên chính thức)",
        "Proposal (recognise or not)",
        multiline=False,
    ),
)


@dataclass(frozen=True)
class HelperReview:
    """Everything printed on the 11-KNĐ."""

    helper_name: str
    helper_cell: str
    helped_since: date | None
    member_name: str
    member_birth_date: date | None
    admitted_on: date | None  # the admission ceremony
    cell_name: str
    assessment: tuple[str, ...]  # paragraphs (typed, or "Ngày 15/03/2026: note" lines)
    from_notes: bool
    weaknesses: str
    proposal: str
    place: str
    on: date | None


def current_helper(helpers: tuple[MemberRef, ...]) -> MemberRef | None:
    """The helper now assigned: the first without an end date, else the first listed."""
    for h in helpers:
        if h.to_date is None:
            return h
    return helpers[0] if helpers else None


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> HelperReview:
    helper = current_helper(dossier.helpers)
    ceremony = dossier.last(EventKind.CEREMONY)
    typed = ctx.text("assessment")
    if typed:
        assessment = tuple(p.strip() for p in typed.splitlines() if p.strip())
    else:
        assessment = tuple(
            f"Ngày {short_date_or_dots(day)}: {nfc(note).strip()}"
            for day, note in sorted(dossier.helper_notes, key=lambda n: n[0])
            if note.strip()
        )
    return HelperReview(
        helper_name=helper.full_name if helper else "",
        helper_cell=(helper.cell_name if helper else "") or ctx.cell_name,
        helped_since=helper.from_date if helper else None,
        member_name=dossier.full_name,
        member_birth_date=dossier.birth_date,
        admitted_on=ceremony.on if ceremony else None,
        cell_name=ctx.cell_name or dossier.cell_name,
        assessment=assessment,
        from_notes=not typed and bool(assessment),
        weaknesses=ctx.text("weaknesses"),
        proposal=ctx.text("proposal"),
        place=ctx.place,
        on=ctx.on,
    )


def body(r: HelperReview) -> list[Flowable | str]:
    member = or_dots(r.member_name, 30)
    items: list[Flowable | str] = [
        field_line("Tôi là:", r.helper_name, bold_value=True),
        field_line("Đảng viên chính thức, sinh hoạt tại:", r.helper_cell),
        para(
            f"Được chi bộ phân công giúp đỡ đảng viên dự bị {member}, sinh "
            f"{date_or_dots(r.member_birth_date)}, kết nạp vào Đảng "
            f"{date_or_dots(r.admitted_on)}; thời gian giúp đỡ từ "
            f"{date_or_dots(r.helped_since)} đến nay."
        ),
        para(
            f"Tôi xin báo cáo với chi bộ kết quả theo dõi, giúp đỡ đồng chí {member} trong thời "
            "kỳ dự bị như sau:"
        ),
        rich(
            "<b>1. Về phẩm chất chính trị, đạo đức, lối sống, ý thức tổ chức kỷ luật; việc "
            "thực hiện chức trách, nhiệm vụ được giao và nhiệm vụ đảng viên:</b>"
        ),
    ]
    if r.assessment:
        items += [para(p) for p in r.assessment]
    else:
        items.append(written("", 5)[0])
    items.append(rich("<b>2. Khuyết điểm, hạn chế:</b>"))
    items += written(r.weaknesses, 2)
    items.append(rich("<b>3. Đề nghị:</b>"))
    proposal = nfc(r.proposal).strip()
    if proposal:
        items.append(para(proposal))
    else:
        items.append(
            para(
                f"Đề nghị chi bộ xem xét, đề nghị cấp ủy có thẩm quyền {dots(24)} (công nhận / "
                f"không công nhận) đồng chí {member} là đảng viên chính thức."
            )
        )
    return items


def document(r: HelperReview, margins: Margins | None = None) -> PersonalDocument:
    return review_document(
        FORM_CODE,
        TITLE,
        SUBTITLE,
        signer=("Người giúp đỡ", r.helper_name),
        cell_name=r.cell_name,
        place=r.place,
        on=r.on,
        pdf_title=f"{FORM_CODE} {TITLE}: {nfc(r.member_name)}",
        margins=margins,
    )


def render(r: HelperReview, margins: Margins | None = None, *, invariant: bool = False) -> bytes:
    """The 11-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)
