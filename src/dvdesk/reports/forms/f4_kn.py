"""Mẫu 4-KNĐ: Nghị quyết giới thiệu đoàn viên ưu tú vào Đảng.

Issued by the executive committee of the base Youth Union (BCH Đoàn cơ sở), which numbers it in
its own books: the number is the 4-KNĐ event's `number` when one was recorded, otherwise a
blank "Số     -NQ/ĐTN" for the Youth Union office to write in. The Youth Union's heading is the
Party frame's with "ĐOÀN TNCS HỒ CHÍ MINH" at the top right.

When the event's mass organisation is the trade union, the trade-union variant is printed:
issued by the base trade union's executive committee (BCH Công đoàn cơ sở), under the state
heading the trade union uses ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh
phúc"), number "Số:     /NQ-CĐCS", signed "TM. BAN CHẤP HÀNH / CHỦ TỊCH".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from dvdesk.domain.dossier import PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.domain.pipeline import EventKind
from dvdesk.reports.pdf_layout import (
    BOLD,
    BOLD_ITALIC,
    REGULAR,
    Margins,
    PartyDocument,
    Signer,
    caps,
    form_code_line,
    form_document,
    nfc,
    para,
    rich,
)
from dvdesk.reports.personal_layout import (
    CentredRule,
    DotLines,
    HeadLine,
    TwoColumnHeading,
    build_pdf,
    date_or_dots,
    dots,
    frame_width,
    or_dots,
    place_date_or_dots,
    signature_block,
    text,
)

FORM_CODE = "4-KNĐ"
TYPE_NAME = "Nghị quyết"
YOUTH = "youth_union"
TRADE = "trade_union"
YOUTH_HEADING = "ĐOÀN TNCS HỒ CHÍ MINH"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

INPUTS: tuple[FormInput, ...] = (
    FormInput(
        "mass_org_name",
        "Tên tổ chức ra nghị quyết (BCH Đoàn cơ sở … / BCH Công đoàn cơ sở …)",
        "Issuing executive committee",
        multiline=False,
    ),
    FormInput(
        "mass_org_superior", "Tổ chức cấp trên trực tiếp", "Body directly above", multiline=False
    ),
    FormInput(
        "mass_org_secretary",
        "Người ký (Bí thư Đoàn / Chủ tịch Công đoàn)",
        "Signer (secretary / chair)",
        multiline=False,
    ),
    FormInput("members_total", "Tổng số ủy viên Ban Chấp hành", "Committee members", False),
    FormInput("members_present", "Số ủy viên có mặt", "Members present", False),
    FormInput(
        "strengths",
        "Ưu điểm (phẩm chất chính trị, đạo đức, lối sống, năng lực, quan hệ quần chúng)",
        "Strengths",
    ),
    FormInput("weaknesses", "Khuyết điểm", "Weaknesses"),
)


@dataclass(frozen=True)
class MassOrgResolution:
    """Everything printed on the 4-KNĐ (Youth Union or trade-union variant)."""

    mass_org: str  # "youth_union" / "trade_union"
    org_name: str  # "BCH Đoàn cơ sở Trường Tiểu học Dịch Vọng"; may be empty
    superior: str
    number: str  # "07-NQ/ĐTN" as recorded, or "" for a blank to write in
    place: str
    issued_on: date
    meeting_on: date | None
    members_total: str  # as a number or typed; "" prints dots
    members_present: str
    votes_for: int | None
    votes_against: int | None
    candidate_name: str
    candidate_birth_date: date | None
    candidate_hometown: str
    candidate_occupation: str
    joined_on: date | None  # ngày vào Đoàn / Công đoàn
    strengths: str
    weaknesses: str
    cell_name: str  # the chi bộ the resolution goes to
    signer_name: str

    @property
    def youth(self) -> bool:
        return self.mass_org != TRADE


def _count(value: int | None, typed: str) -> str:
    return str(value) if value is not None else nfc(typed).strip()


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> MassOrgResolution:
    event = dossier.last(EventKind.MASS_ORG_RESOLUTION)
    mass_org = (event.mass_org if event else None) or YOUTH
    youth = mass_org != TRADE
    return MassOrgResolution(
        mass_org=mass_org,
        org_name=ctx.text("mass_org_name"),
        superior=ctx.text("mass_org_superior"),
        number=(event.number if event else "").strip(),
        place=ctx.place,
        issued_on=ctx.on,
        meeting_on=event.on if event else None,
        members_total=_count(event.official_members if event else None, ctx.text("members_total")),
        members_present=_count(event.present if event else None, ctx.text("members_present")),
        votes_for=event.votes_for if event else None,
        votes_against=event.votes_against if event else None,
        candidate_name=dossier.full_name,
        candidate_birth_date=dossier.birth_date,
        candidate_hometown=dossier.hometown,
        candidate_occupation=dossier.occupation,
        joined_on=dossier.youth_union_date if youth else dossier.trade_union_date,
        strengths=ctx.text("strengths"),
        weaknesses=ctx.text("weaknesses"),
        cell_name=ctx.cell_name or dossier.cell_name,
        signer_name=ctx.text("mass_org_secretary"),
    )


def percent(part: int, whole: int) -> str:
    """'88,9%' (one decimal, comma), '100%'."""
    if whole <= 0:
        return "0%"
    value = round(part * 1000 / whole) / 10
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",") + "%"


def org_name(r: MassOrgResolution) -> str:
    name = nfc(r.org_name).strip()
    if name:
        return name
    return f"BCH Đoàn cơ sở {dots(20)}" if r.youth else f"BCH Công đoàn cơ sở {dots(20)}"


def number_line(r: MassOrgResolution) -> str:
    number = nfc(r.number).strip().removeprefix("Số").lstrip(": ").strip()
    if r.youth:
        return f"Số {number}" if number else "Số      -NQ/ĐTN"
    return f"Số: {number}" if number else "Số:      /NQ-CĐCS"


def subject(r: MassOrgResolution) -> str:
    if r.youth:
        return "Giới thiệu đoàn viên ưu tú vào Đảng"
    return "Giới thiệu đoàn viên công đoàn ưu tú vào Đảng"


def _written(value: str, lines: int) -> list[Flowable]:
    text_ = nfc(value).strip()
    if not text_:
        return [DotLines(lines)]
    return [para(p) for p in text_.splitlines() if p.strip()]


def body(r: MassOrgResolution) -> list[Flowable]:
    member = "đoàn viên" if r.youth else "đoàn viên công đoàn"
    charter = "Điều lệ Đoàn TNCS Hồ Chí Minh" if r.youth else "Điều lệ Công đoàn Việt Nam"
    org = org_name(r)
    name = or_dots(r.candidate_name)
    total = nfc(r.members_total).strip() or dots(6)
    present = nfc(r.members_present).strip() or dots(6)
    try:
        whole = int(total)
    except ValueError:
        whole = 0
    joined = "vào Đoàn" if r.youth else "vào Công đoàn"
    items: list[Flowable] = [
        para(f"Căn cứ Điều lệ Đảng Cộng sản Việt Nam và {charter};"),
        para(
            f"{date_or_dots(r.meeting_on).capitalize()}, Ban Chấp hành {_strip_bch(org)} đã họp "
            f"để xét, giới thiệu {member} {name} vào Đảng Cộng sản Việt Nam."
        ),
        para(f"Tổng số ủy viên Ban Chấp hành: {total} đồng chí; có mặt: {present} đồng chí."),
        para(
            f"{member.capitalize()} {name}, sinh {date_or_dots(r.candidate_birth_date)}; quê "
            f"quán: {or_dots(r.candidate_hometown)}; nghề nghiệp: "
            f"{or_dots(r.candidate_occupation)}; {joined} {date_or_dots(r.joined_on)}."
        ),
        para("Ban Chấp hành nhất trí nhận xét như sau:"),
        rich(
            "<b>1. Ưu điểm</b> <i>(về phẩm chất chính trị, đạo đức, lối sống, năng lực công "
            "tác, quan hệ quần chúng)</i><b>:</b>"
        ),
        *_written(r.strengths, 3),
        rich("<b>2. Khuyết điểm:</b>"),
        *_written(r.weaknesses, 2),
        rich("<b>3. Kết quả biểu quyết:</b>"),
    ]
    if r.votes_for is not None and whole:
        against = r.votes_against or 0
        items.append(
            para(
                f"Số ủy viên Ban Chấp hành tán thành việc giới thiệu {member} {name} vào Đảng là "
                f"{r.votes_for}/{whole} đồng chí, đạt {percent(r.votes_for, whole)}; không tán "
                f"thành {against}/{whole} đồng chí, chiếm {percent(against, whole)}."
            )
        )
    else:
        items.append(
            para(
                f"Số ủy viên Ban Chấp hành tán thành việc giới thiệu {member} {name} vào Đảng là "
                f"{dots(6)}/{total} đồng chí, đạt {dots(6)}%; không tán thành {dots(6)}/{total} "
                f"đồng chí, chiếm {dots(6)}%."
            )
        )
    cell = nfc(r.cell_name).strip() or f"Chi bộ {dots(20)}"
    items.append(
        rich(
            f"Ban Chấp hành {escape(_strip_bch(org))} giới thiệu {member} <b>{escape(name)}</b> "
            f"vào Đảng Cộng sản Việt Nam và đề nghị {escape(cell)} xem xét, kết nạp."
        )
    )
    return items


def _strip_bch(name: str) -> str:
    """'BCH Đoàn cơ sở X' → 'Đoàn cơ sở X' (the body says 'Ban Chấp hành …' itself)."""
    text_ = nfc(name).strip()
    for prefix in ("Ban Chấp hành ", "Ban chấp hành ", "BCH "):
        if text_.startswith(prefix):
            return text_[len(prefix) :]
    return text_


def recipients(r: MassOrgResolution) -> tuple[str, ...]:
    cell = nfc(r.cell_name).strip() or f"Chi bộ {dots(20)}"
    return (f"{cell},", "Lưu văn phòng.")


def document(r: MassOrgResolution, margins: Margins | None = None) -> PartyDocument:
    """The Youth Union variant in the Party frame (see `render` for the trade union's)."""
    return form_document(
        FORM_CODE,
        TYPE_NAME,
        subject(r),
        issuing_body=org_name(r),
        number=number_line(r),
        place=r.place,
        issued_on=r.issued_on,
        superior_body=r.superior,
        top_heading=YOUTH_HEADING,
        signer=Signer(
            name=nfc(r.signer_name).strip() or dots(30),
            position="BÍ THƯ",
            authority="T/M BAN CHẤP HÀNH",
        ),
        recipients=recipients(r),
        margins=margins,
        about=r.candidate_name,
    )


def _trade_union_story(r: MassOrgResolution, margins: Margins) -> list[Flowable]:
    width = frame_width(margins)
    left = []
    if r.superior.strip():
        left.append(HeadLine(caps(r.superior), REGULAR, 13))
    left.append(HeadLine(caps(org_name(r)), BOLD, 13, rule=True))
    right = [HeadLine(NATION, BOLD, 12.5), HeadLine(MOTTO, BOLD, 13.5, rule=True)]
    heading = TwoColumnHeading(
        left, right, number_line(r), place_date_or_dots(r.place, r.issued_on), left_share=0.42
    )
    rec = [text("Nơi nhận:", BOLD_ITALIC, 12)]
    rec += [text(f"- {x}", REGULAR, 11) for x in recipients(r)]
    items = body(r)
    story: list[Flowable] = [
        form_code_line(FORM_CODE),
        heading,
        Spacer(1, 4 * mm),
        text(caps(TYPE_NAME), BOLD, 15, align=TA_CENTER, space_after=2),
        text(subject(r), BOLD, 14, align=TA_CENTER),
        Spacer(1, 1.5 * mm),
        CentredRule(30 * mm),
        Spacer(1, 3 * mm),
        *items[:-1],
        KeepTogether(
            [
                *items[-1:],
                Spacer(1, 2 * mm),
                signature_block(
                    width,
                    ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"],
                    r.signer_name,
                    note="",
                    left=rec,
                ),
            ]
        ),
    ]
    return story


def render(
    r: MassOrgResolution, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """The 4-KNĐ as PDF bytes (the variant follows `r.mass_org`)."""
    m = margins or Margins()
    if r.youth:
        return document(r, m).render(body(r), invariant=invariant)
    return build_pdf(
        _trade_union_story(r, m),
        m,
        title=f"{FORM_CODE} {TYPE_NAME} {subject(r).lower()}: {nfc(r.candidate_name)}",
        invariant=invariant,
    )
