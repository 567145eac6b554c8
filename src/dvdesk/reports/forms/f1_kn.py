"""Mẫu 1-KNĐ: Đơn xin vào Đảng.

The applicant writes the application by hand; dvdesk prints a pre-filled draft to copy from,
marked as such at the top. Filled from the person's file (`PersonDossier`) and the print
context; the paragraph on the applicant's understanding of the Party and motive is free text
(input "motive"), dotted lines when empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from dvdesk.domain.dossier import PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.reports.pdf_layout import Margins, nfc, para
from dvdesk.reports.personal_layout import (
    DotLines,
    PersonalDocument,
    date_or_dots,
    field_line,
    field_pair,
)

FORM_CODE = "1-KNĐ"
TITLE = "Đơn xin vào Đảng"
DRAFT_NOTE = "Bản nháp để người xin vào Đảng tự viết tay"

INPUTS: tuple[FormInput, ...] = (
    FormInput(
        "motive",
        "Nhận thức về Đảng và động cơ xin vào Đảng",
        "Understanding of the Party and motive",
    ),
    FormInput(
        "workplace",
        "Đơn vị công tác, học tập (để trống: chi bộ nơi sinh hoạt)",
        "Workplace or school (empty: the chi bộ)",
        multiline=False,
    ),
)

PLEDGE = (
    "Tôi tự nguyện làm đơn này xin vào Đảng Cộng sản Việt Nam. Nếu được đứng vào hàng ngũ của "
    "Đảng, tôi xin hứa: tuyệt đối trung thành với mục đích, lý tưởng cách mạng của Đảng; chấp "
    "hành nghiêm chỉnh Cương lĩnh chính trị, Điều lệ Đảng, nghị quyết, chỉ thị của Đảng, chính "
    "sách, pháp luật của Nhà nước; hoàn thành tốt nhiệm vụ được giao; giữ gìn phẩm chất đạo "
    "đức, lối sống trong sạch, lành mạnh; gắn bó mật thiết với nhân dân; phục tùng tổ chức, "
    "kỷ luật của Đảng, giữ gìn đoàn kết thống nhất trong Đảng."
)


@dataclass(frozen=True)
class Application:
    """Everything printed on the 1-KNĐ draft."""

    cell_name: str  # "Chi bộ Khu phố 3" → "Chi ủy Chi bộ Khu phố 3"
    committee_name: str  # "Đảng ủy phường Dịch Vọng"
    full_name: str
    birth_date: date | None
    birth_place: str
    hometown: str
    ethnicity: str
    religion: str
    education: str
    residence: str
    occupation: str
    workplace: str  # đơn vị công tác / học tập, or the chi bộ where the applicant is active
    youth_union_date: date | None
    motive: str  # may be empty: dotted lines
    place: str
    on: date | None


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> Application:
    return Application(
        cell_name=ctx.cell_name or dossier.cell_name,
        committee_name=ctx.committee_name,
        full_name=dossier.full_name,
        birth_date=dossier.birth_date,
        birth_place=dossier.birth_place,
        hometown=dossier.hometown,
        ethnicity=dossier.ethnicity,
        religion=dossier.religion,
        education=dossier.education,
        residence=dossier.residence,
        occupation=dossier.occupation,
        workplace=ctx.text("workplace") or dossier.cell_name,
        youth_union_date=dossier.youth_union_date if dossier.youth_union_member else None,
        motive=ctx.text("motive"),
        place=ctx.place,
        on=ctx.on,
    )


def _chi_uy(cell_name: str) -> str:
    name = nfc(cell_name).strip()
    return f"Chi ủy {name}" if name else ""


def body(a: Application) -> list[Flowable | str]:
    items: list[Flowable | str] = [
        field_line("Tôi là:", a.full_name, bold_value=True),
        field_line(f"Sinh {date_or_dots(a.birth_date)}", None),
        field_line("Nơi sinh:", a.birth_place),
        field_line("Quê quán:", a.hometown),
        field_pair(field_line("Dân tộc:", a.ethnicity), field_line("Tôn giáo:", a.religion)),
        field_line("Trình độ học vấn:", a.education),
        field_line("Nơi cư trú:", a.residence),
        field_line("Nghề nghiệp:", a.occupation),
        field_line("Đơn vị công tác, học tập (chi bộ nơi sinh hoạt):", a.workplace),
    ]
    if a.youth_union_date:
        items.append(
            field_line(f"Ngày vào Đoàn TNCS Hồ Chí Minh: {date_or_dots(a.youth_union_date)}", None)
        )
    items.append(Spacer(1, 2 * mm))
    items.append(
        para(
            "Sau khi được học tập, nghiên cứu Cương lĩnh chính trị, Điều lệ Đảng Cộng sản Việt "
            "Nam và qua lớp bồi dưỡng nhận thức về Đảng, tôi nhận thức được mục đích, lý tưởng "
            "của Đảng và động cơ xin vào Đảng của mình như sau:"
        )
    )
    motive = nfc(a.motive).strip()
    if motive:
        items += [para(p) for p in motive.splitlines() if p.strip()]
    else:
        items.append(DotLines(6))
    items.append(para(PLEDGE))
    return items


def document(a: Application, margins: Margins | None = None) -> PersonalDocument:
    return PersonalDocument(
        title=TITLE,
        form_code=FORM_CODE,
        place=a.place,
        on=a.on,
        signer_caption=("Người làm đơn",),
        signer_name=a.full_name,
        addressees=(_chi_uy(a.cell_name), nfc(a.committee_name)),
        draft_note=DRAFT_NOTE,
        margins=margins or Margins(),
        pdf_title=f"{FORM_CODE} {TITLE}: {nfc(a.full_name)}",
    )


def render(a: Application, margins: Margins | None = None, *, invariant: bool = False) -> bytes:
    """The 1-KNĐ draft as PDF bytes."""
    return document(a, margins).render(body(a), invariant=invariant)
