"""Mẫu 5-KNĐ: Tổng hợp ý kiến nhận xét của tổ chức đoàn thể chính trị - xã hội nơi làm việc
và chi ủy (chi bộ) nơi cư trú đối với người xin vào Đảng.

Issued by the chi ủy (CHI BỘ heading block, unnumbered), signed T/M CHI ỦY / BÍ THƯ. The
opinions themselves and the counts are typed in the print dialog; anything missing prints dots.
12-KNĐ (the same compilation for a probationary member) is built by the same code with other
words (see f12_kn).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from dvdesk.domain.dossier import PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.reports.pdf_layout import Margins, PartyDocument, Signer, form_document, nfc, para, rich
from dvdesk.reports.personal_layout import DotLines, date_or_dots, dots, or_dots

FORM_CODE = "5-KNĐ"
TYPE_NAME = "Tổng hợp ý kiến nhận xét"
SUBJECT = (
    "của tổ chức đoàn thể chính trị - xã hội nơi làm việc và chi ủy (chi bộ) nơi cư trú "
    "đối với người xin vào Đảng"
)

INPUTS: tuple[FormInput, ...] = (
    FormInput(
        "work_org",
        "Tổ chức đoàn thể nơi làm việc (Chi đoàn …, Công đoàn …)",
        "Mass organisation at work",
        multiline=False,
    ),
    FormInput("work_consulted", "Nơi làm việc: số người được hỏi ý kiến", "Work: consulted", False),
    FormInput("work_agreed", "Nơi làm việc: số người tán thành", "Work: in favour", False),
    FormInput("work_opinion", "Ý kiến nhận xét của tổ chức đoàn thể nơi làm việc", "Work opinion"),
    FormInput(
        "residence_org",
        "Chi ủy (chi bộ) nơi cư trú",
        "Chi bộ where the person lives",
        multiline=False,
    ),
    FormInput(
        "residence_consulted", "Nơi cư trú: số người được hỏi ý kiến", "Residence: consulted", False
    ),
    FormInput("residence_agreed", "Nơi cư trú: số người tán thành", "Residence: in favour", False),
    FormInput("residence_opinion", "Ý kiến nhận xét của chi ủy nơi cư trú", "Residence opinion"),
    FormInput("conclusion", "Kết luận của chi ủy", "The chi ủy's conclusion"),
)


@dataclass(frozen=True)
class OpinionSummary:
    """Everything printed on a 5-KNĐ (or a 12-KNĐ: `probationary` set)."""

    superior_body: str  # printed above the chi bộ
    cell_name: str
    place: str
    issued_on: date
    person_name: str
    birth_date: date | None
    hometown: str
    occupation: str
    residence: str
    admitted_on: date | None  # 12-KNĐ: the ceremony date
    work_org: str
    work_consulted: str
    work_agreed: str
    work_opinion: str
    residence_org: str
    residence_consulted: str
    residence_agreed: str
    residence_opinion: str
    conclusion: str
    committee_name: str  # the recipient above
    signer_name: str
    probationary: bool = False


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> OpinionSummary:
    return summary_from_dossier(dossier, ctx, probationary=False)


def summary_from_dossier(
    dossier: PersonDossier,
    ctx: PrintContext,
    *,
    probationary: bool,
    admitted_on: date | None = None,
) -> OpinionSummary:
    return OpinionSummary(
        superior_body=ctx.superior_of_cell,
        cell_name=ctx.cell_name or dossier.cell_name,
        place=ctx.place,
        issued_on=ctx.on,
        person_name=dossier.full_name,
        birth_date=dossier.birth_date,
        hometown=dossier.hometown,
        occupation=dossier.occupation,
        residence=dossier.residence,
        admitted_on=admitted_on,
        work_org=ctx.text("work_org"),
        work_consulted=ctx.text("work_consulted"),
        work_agreed=ctx.text("work_agreed"),
        work_opinion=ctx.text("work_opinion"),
        residence_org=ctx.text("residence_org"),
        residence_consulted=ctx.text("residence_consulted"),
        residence_agreed=ctx.text("residence_agreed"),
        residence_opinion=ctx.text("residence_opinion"),
        conclusion=ctx.text("conclusion"),
        committee_name=ctx.committee_name,
        signer_name=ctx.cell_secretary,
        probationary=probationary,
    )


def _written(value: str, lines: int) -> list[Flowable]:
    text = nfc(value).strip()
    if not text:
        return [DotLines(lines)]
    return [para(p) for p in text.splitlines() if p.strip()]


def _counts(consulted: str, agreed: str) -> str:
    c = nfc(consulted).strip() or dots(6)
    a = nfc(agreed).strip() or dots(6)
    return f"Số người được hỏi ý kiến: {c}; số người tán thành: {a}."


def body(r: OpinionSummary) -> list[Flowable]:
    who = "đảng viên dự bị" if r.probationary else "quần chúng"
    name = or_dots(r.person_name)
    cell = nfc(r.cell_name).strip() or f"Chi bộ {dots(20)}"
    work_org = nfc(r.work_org).strip() or dots(40)
    res_org = nfc(r.residence_org).strip() or dots(40)
    intro = (
        f"Thực hiện quy định của Điều lệ Đảng, chi ủy {cell} đã lấy ý kiến nhận xét của tổ "
        f"chức đoàn thể chính trị - xã hội nơi làm việc và chi ủy (chi bộ) nơi cư trú đối với "
        f"{who} {name}, sinh {date_or_dots(r.birth_date)}; quê quán: {or_dots(r.hometown)}; "
        f"nghề nghiệp: {or_dots(r.occupation)}; nơi cư trú: {or_dots(r.residence)}"
    )
    if r.probationary:
        intro += f"; kết nạp vào Đảng {date_or_dots(r.admitted_on)}"
    items: list[Flowable] = [
        para(intro + "."),
        para("Kết quả như sau:"),
        rich("<b>1. Ý kiến nhận xét của tổ chức đoàn thể nơi làm việc</b>"),
        para(f"Tổ chức: {work_org}. " + _counts(r.work_consulted, r.work_agreed)),
        *_written(r.work_opinion, 2),
        rich("<b>2. Ý kiến nhận xét của chi ủy (chi bộ) nơi cư trú</b>"),
        para(f"Chi ủy (chi bộ): {res_org}. " + _counts(r.residence_consulted, r.residence_agreed)),
        *_written(r.residence_opinion, 2),
        rich("<b>3. Kết luận của chi ủy</b>"),
        *_written(r.conclusion, 2),
    ]
    proposal = (
        f"Chi ủy báo cáo chi bộ xem xét, đề nghị cấp ủy có thẩm quyền công nhận đồng chí "
        f"{name} là đảng viên chính thức."
        if r.probationary
        else f"Chi ủy báo cáo chi bộ xem xét, đề nghị kết nạp quần chúng {name} vào Đảng Cộng "
        "sản Việt Nam."
    )
    items.append(para(proposal))
    return items


def document(
    r: OpinionSummary,
    margins: Margins | None = None,
    *,
    form_code: str = FORM_CODE,
    subject: str = SUBJECT,
) -> PartyDocument:
    committee = nfc(r.committee_name).strip() or f"Đảng ủy {dots(20)}"
    return form_document(
        form_code,
        TYPE_NAME,
        subject,
        issuing_body=r.cell_name,
        number="",
        place=r.place,
        issued_on=r.issued_on,
        superior_body=r.superior_body,
        signer=Signer(
            name=nfc(r.signer_name).strip() or dots(30),
            position="BÍ THƯ",
            authority="T/M CHI ỦY",
        ),
        recipients=(f"{committee},", "Lưu chi bộ."),
        margins=margins,
        title=f"{form_code} {TYPE_NAME}: {nfc(r.person_name)}",
    )


def render(r: OpinionSummary, margins: Margins | None = None, *, invariant: bool = False) -> bytes:
    """The 5-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)
