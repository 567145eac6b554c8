"""Mẫu 2-KNĐ: Lý lịch của người xin vào Đảng.

Laid out like the printed booklet: a cover page (title, name, hometown, the record-number
box), then items 1–15 with every field dvdesk keeps filled in (the name in use in capitals, as
the rule asks), the sections dvdesk does not keep as headed sections with dotted lines or
empty ruled tables to write in, the family (filled from the file), the declaration with the
applicant's signature, the chi ủy's comment and the base committee's certification with room
to sign and stamp. Page numbers from page 2.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from dvdesk.domain.dossier import CertificateEntry, FamilyEntry, PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.reports.pdf_layout import (
    BOLD,
    ITALIC,
    PARTY_HEADING,
    REGULAR,
    Margins,
    caps,
    form_code_line,
    nfc,
)
from dvdesk.reports.personal_layout import (
    CentredRule,
    DotLines,
    FieldLine,
    build_pdf,
    date_or_dots,
    dots,
    field_line,
    field_pair,
    frame_width,
    place_date_or_dots,
    signature_block,
    style,
    text,
)

FORM_CODE = "2-KNĐ"
TITLE = "Lý lịch của người xin vào Đảng"
SIZE = 13  # the booklet's body size
TABLE_SIZE = 10.5
HAND = 20  # points between dotted lines

INPUTS: tuple[FormInput, ...] = (
    FormInput("record_number", "Số lý lịch", "Record number", multiline=False),
    FormInput("aliases", "Các bí danh", "Other names", multiline=False),
    FormInput("temporary_residence", "Nơi tạm trú", "Temporary residence", multiline=False),
    FormInput(
        "youth_union_place", "Nơi vào Đoàn TNCS Hồ Chí Minh", "Where joined the Youth Union", False
    ),
    FormInput("trade_union_place", "Nơi vào Công đoàn", "Where joined the trade union", False),
)

DECLARATION = (
    "Tôi cam đoan đã khai đầy đủ, rõ ràng và chịu trách nhiệm trước Đảng về những nội dung "
    "đã khai trong lý lịch."
)


@dataclass(frozen=True)
class FamilyRow:
    relation: str
    full_name: str
    birth_year: int | None
    hometown: str
    residence: str
    occupation: str
    party_member: bool
    history: str


@dataclass(frozen=True)
class TrainingRow:
    school: str
    course: str
    mode: str
    period: str
    diploma: str


@dataclass(frozen=True)
class PersonalHistory:
    """Everything printed on the 2-KNĐ (what dvdesk keeps; the rest is left to write in)."""

    record_number: str
    full_name: str  # printed in capitals
    sex: str  # "Nam" / "Nữ" / ""
    birth_name: str
    aliases: str
    birth_date: date | None
    cccd: str
    birth_place: str
    hometown: str
    residence: str
    temporary_residence: str
    ethnicity: str
    religion: str
    occupation: str
    education: str  # giáo dục phổ thông, "12/12"
    youth_union_member: bool
    youth_union_date: date | None
    youth_union_place: str
    trade_union_member: bool
    trade_union_date: date | None
    trade_union_place: str
    training: tuple[TrainingRow, ...]
    family: tuple[FamilyRow, ...]
    cell_name: str
    committee_name: str
    place: str
    on: date | None  # the applicant's declaration date
    cell_secretary: str
    committee_secretary: str


def _period(start: date | None, end: date | None) -> str:
    def my(d: date | None) -> str:
        return f"{d.month:02d}/{d.year}" if d else "……"

    if not start and not end:
        return ""
    return f"{my(start)} – {my(end)}"


def _training(c: CertificateEntry) -> TrainingRow:
    course = {
        "awareness": "Lớp bồi dưỡng nhận thức về Đảng",
        "new_member": "Lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới",
    }.get(c.kind, c.class_name)
    if c.class_name and c.class_name != course:
        course = f"{course} ({c.class_name})"
    return TrainingRow(
        school=c.issuer,
        course=course,
        mode="Tập trung",
        period=_period(c.class_start, c.class_end or c.issued_on),
        diploma=f"Giấy chứng nhận số {c.number}" if c.number else "Giấy chứng nhận",
    )


def _family(f: FamilyEntry) -> FamilyRow:
    return FamilyRow(
        relation=f.relation,
        full_name=f.full_name,
        birth_year=f.birth_year,
        hometown=f.hometown,
        residence=f.residence,
        occupation=f.occupation,
        party_member=f.party_member,
        history=f.history,
    )


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> PersonalHistory:
    return PersonalHistory(
        record_number=ctx.text("record_number"),
        full_name=dossier.full_name,
        sex=dossier.sex_label,
        birth_name=dossier.birth_name or dossier.full_name,
        aliases=ctx.text("aliases"),
        birth_date=dossier.birth_date,
        cccd=dossier.cccd or "",
        birth_place=dossier.birth_place,
        hometown=dossier.hometown,
        residence=dossier.residence,
        temporary_residence=ctx.text("temporary_residence"),
        ethnicity=dossier.ethnicity,
        religion=dossier.religion,
        occupation=dossier.occupation,
        education=dossier.education,
        youth_union_member=dossier.youth_union_member,
        youth_union_date=dossier.youth_union_date,
        youth_union_place=ctx.text("youth_union_place"),
        trade_union_member=dossier.trade_union_member,
        trade_union_date=dossier.trade_union_date,
        trade_union_place=ctx.text("trade_union_place"),
        training=tuple(
            _training(c) for c in sorted(dossier.certificates, key=lambda c: c.issued_on)
        ),
        family=tuple(_family(f) for f in dossier.family),
        cell_name=ctx.cell_name or dossier.cell_name,
        committee_name=ctx.committee_name,
        place=ctx.place,
        on=ctx.on,
        cell_secretary=ctx.cell_secretary,
        committee_secretary=ctx.committee_secretary,
    )


# --- pieces ----------------------------------------------------------------------------------


def _fl(label: str, value: str | None = None, *, bold: bool = False) -> FieldLine:
    return field_line(label, value, size=SIZE, bold_value=bold)


def _section(title: str) -> list[Flowable]:
    """A section heading, kept with what follows (never alone at the foot of a page)."""
    return [
        CondPageBreak(40 * mm),
        Spacer(1, 4 * mm),
        text(caps(title), BOLD, 14, align=TA_CENTER, space_after=3 * mm),
    ]


def _cell(value: str, *, bold: bool = False, align: int = TA_CENTER) -> Paragraph:
    st = style("cell", BOLD if bold else REGULAR, TABLE_SIZE, align=align, leading=TABLE_SIZE * 1.2)
    return Paragraph(escape(nfc(value)), st)


def _grid(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    blank_rows: int,
    *,
    row_height: float = 9 * mm,
) -> Table:
    """A ruled table: a bold header row, the filled rows, then empty rows to write in."""
    data: list[list[Paragraph | str]] = [[_cell(h, bold=True) for h in header]]
    data += [[_cell(v, align=TA_CENTER if i == 0 else 0) for i, v in enumerate(r)] for r in rows]
    data += [[""] * len(header) for _ in range(blank_rows)]
    heights = [None] * (1 + len(rows)) + [row_height] * blank_rows
    table = Table(data, colWidths=list(widths), rowHeights=heights, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


class _Box(Flowable):
    """A ruled box with centred text lines (the photo frame)."""

    def __init__(self, width: float, height: float, lines: Sequence[str]) -> None:
        super().__init__()
        self.width, self.height, self.lines = width, height, [nfc(x) for x in lines]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.6)
        c.rect(0, 0, self.width, self.height)
        c.setFont(ITALIC, 11)
        y = self.height / 2 + 6 * (len(self.lines) - 1) - 4
        for line in self.lines:
            c.drawCentredString(self.width / 2, y, line)
            y -= 13


# --- the pages -------------------------------------------------------------------------------


def _cover(p: PersonalHistory, width: float) -> list[Flowable]:
    record = nfc(p.record_number).strip() or dots(22)
    box = Table(
        [[text(f"Số lý lịch: {record}", REGULAR, 12, align=TA_CENTER)]],
        colWidths=[68 * mm],
        rowHeights=[12 * mm],
        hAlign="RIGHT",
    )
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    heading = caps(PARTY_HEADING)
    story: list[Flowable] = [
        form_code_line(FORM_CODE),
        Spacer(1, 6 * mm),
        text(heading, BOLD, 15, align=TA_CENTER),
        CentredRule(stringWidth(heading, BOLD, 15)),
        Spacer(1, 8 * mm),
        box,
        Spacer(1, 40 * mm),
        text("LÝ LỊCH", BOLD, 34, align=TA_CENTER, leading=40),
        Spacer(1, 3 * mm),
        text("CỦA NGƯỜI XIN VÀO ĐẢNG", BOLD, 20, align=TA_CENTER, leading=24),
        Spacer(1, 40 * mm),
    ]
    inner = [
        field_line("Họ và tên đang dùng:", caps(p.full_name), size=15, bold_value=True),
        field_line("Họ và tên khai sinh:", p.birth_name, size=15),
        field_line("Quê quán:", p.hometown, size=15),
    ]
    block = Table([[inner]], colWidths=[width - 16 * mm], hAlign="CENTER")
    block.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story += [block, PageBreak()]
    return story


def _cover_frame(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    """A double rule round the cover, as on the booklet."""
    canvas.saveState()
    w, h = A4
    x0, y0 = doc.leftMargin - 8 * mm, doc.bottomMargin - 6 * mm
    x1, y1 = w - doc.rightMargin + 6 * mm, h - doc.topMargin + 6 * mm
    canvas.setLineWidth(2)
    canvas.rect(x0, y0, x1 - x0, y1 - y0)
    canvas.setLineWidth(0.6)
    canvas.rect(x0 + 2 * mm, y0 + 2 * mm, x1 - x0 - 4 * mm, y1 - y0 - 4 * mm)
    canvas.restoreState()


def _union_line(member: bool, on: date | None, place: str) -> str:
    if not member and not on:
        return "Không"
    return f"{date_or_dots(on)}, tại: {nfc(place).strip()}".strip()


def _items(p: PersonalHistory, width: float) -> list[Flowable]:
    top = [
        _fl("1) Họ và tên đang dùng:", caps(p.full_name), bold=True),
        _fl("2) Nam, nữ:", p.sex),
        _fl("3) Họ và tên khai sinh:", p.birth_name),
        _fl("4) Các bí danh:", p.aliases),
        _fl(f"5) Sinh {date_or_dots(p.birth_date)}"),
        _fl("Số CCCD:", p.cccd),
    ]
    photo = _Box(30 * mm, 40 * mm, ["Ảnh màu", "3 × 4 cm"])
    head = Table([[photo, top]], colWidths=[36 * mm, width - 36 * mm])
    head.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    education = [
        _fl("   - Giáo dục phổ thông:", p.education),
        _fl("   - Giáo dục nghề nghiệp:"),
        _fl("   - Giáo dục đại học và sau đại học:"),
        _fl("   - Học hàm:"),
        _fl("   - Lý luận chính trị:"),
        _fl("   - Ngoại ngữ:"),
        _fl("   - Tin học:"),
        _fl("   - Tiếng dân tộc thiểu số:"),
    ]
    return [
        text("I. SƠ LƯỢC LÝ LỊCH", BOLD, 14, align=TA_CENTER, space_after=4 * mm),
        head,
        Spacer(1, 2 * mm),
        _fl("6) Nơi sinh:", p.birth_place),
        _fl("7) Quê quán:", p.hometown),
        _fl("8) Nơi thường trú:", p.residence),
        _fl("    Nơi tạm trú:", p.temporary_residence),
        field_pair(_fl("9) Dân tộc:", p.ethnicity), _fl("10) Tôn giáo:", p.religion)),
        _fl("11) Nghề nghiệp hiện nay:", p.occupation),
        _fl("12) Trình độ:", None),
        *education,
        _fl(
            "13) Ngày và nơi vào Đoàn TNCS Hồ Chí Minh:",
            _union_line(p.youth_union_member, p.youth_union_date, p.youth_union_place),
        ),
        _fl(
            "14) Ngày và nơi tham gia các tổ chức chính trị - xã hội (Công đoàn, Hội Phụ nữ, "
            "Hội Cựu chiến binh…):"
        ),
        _fl(
            "   - Công đoàn:",
            _union_line(p.trade_union_member, p.trade_union_date, p.trade_union_place),
        ),
        _fl("   - Tổ chức khác:"),
        field_pair(_fl("15) Ngày nhập ngũ:"), _fl("Ngày xuất ngũ:")),
    ]


def _family_table(p: PersonalHistory, width: float) -> Table:
    shares = (0.12, 0.18, 0.08, 0.18, 0.18, 0.14, 0.12)
    widths = [width * s for s in shares]
    header = [
        "Quan hệ",
        "Họ và tên",
        "Năm sinh",
        "Quê quán",
        "Nơi cư trú",
        "Nghề nghiệp",
        "Đảng viên",
    ]
    data: list[list[Paragraph | str]] = [[_cell(h, bold=True) for h in header]]
    spans = []
    for f in p.family:
        left = 0
        data.append(
            [
                _cell(f.relation, bold=True),
                _cell(f.full_name, align=left),
                _cell(str(f.birth_year) if f.birth_year else "……"),
                _cell(f.hometown or "……", align=left),
                _cell(f.residence or "……", align=left),
                _cell(f.occupation or "……", align=left),
                _cell("Có" if f.party_member else "Không"),
            ]
        )
        history = nfc(f.history).strip() or dots(90)
        row = len(data)
        data.append(
            [
                _cell(
                    f"Lịch sử chính trị, việc chấp hành chủ trương, chính sách của Đảng và "
                    f"pháp luật của Nhà nước: {history}",
                    align=TA_JUSTIFY,
                ),
                *[""] * 6,
            ]
        )
        spans.append(("SPAN", (0, row), (-1, row)))
    blank = 3
    first_blank = len(data)
    data += [[""] * 7 for _ in range(blank)]
    heights = [None] * first_blank + [9 * mm] * blank
    table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                *spans,
            ]
        )
    )
    return table


def _sections(p: PersonalHistory, width: float) -> list[Flowable]:
    story: list[Flowable] = []
    story += _sections_part(
        "II. Lịch sử bản thân",
        [
            text(
                "(Tóm tắt quá trình từ nhỏ đến nay: sống ở đâu, làm gì, học ở đâu, tham gia "
                "những tổ chức nào.)",
                ITALIC,
                12,
                align=TA_JUSTIFY,
                space_after=2 * mm,
            ),
            DotLines(10, SIZE, HAND),
        ],
    )
    story += _sections_part(
        "III. Những công tác và chức vụ đã qua",
        [
            _grid(
                ["Từ tháng, năm đến tháng, năm", "Làm công việc gì, ở đâu? Giữ chức vụ gì?"],
                [],
                [width * 0.28, width * 0.72],
                8,
            )
        ],
    )
    story += _sections_part(
        "IV. Đặc điểm lịch sử",
        [
            text(
                "(Có bị bắt, bị tù không, thời gian, ở đâu, khai báo những gì; có làm việc gì "
                "cho chế độ cũ; có tham gia hoặc có quan hệ với tổ chức chính trị, kinh tế, xã "
                "hội nào ở nước ngoài.)",
                ITALIC,
                12,
                align=TA_JUSTIFY,
                space_after=2 * mm,
            ),
            DotLines(5, SIZE, HAND),
        ],
    )
    training = [(t.school, t.course, t.mode, t.period, t.diploma) for t in p.training]
    story += _sections_part(
        "V. Những lớp đào tạo, bồi dưỡng đã qua",
        [
            _grid(
                [
                    "Tên trường",
                    "Ngành học hoặc tên lớp học",
                    "Hình thức học",
                    "Từ tháng, năm đến tháng, năm",
                    "Văn bằng, chứng chỉ",
                ],
                training,
                [width * s for s in (0.24, 0.28, 0.13, 0.16, 0.19)],
                max(3, 6 - len(training)),
            )
        ],
    )
    story += _sections_part(
        "VI. Đi nước ngoài",
        [
            _grid(
                ["Từ tháng, năm đến tháng, năm", "Nội dung đi nước ngoài", "Đi nước nào"],
                [],
                [width * 0.28, width * 0.5, width * 0.22],
                3,
            )
        ],
    )
    for title, what in (("VII. Khen thưởng", "khen thưởng"), ("VIII. Kỷ luật", "kỷ luật")):
        story += _sections_part(
            title,
            [
                _grid(
                    ["Tháng, năm", f"Lý do, hình thức {what}", "Cấp quyết định"],
                    [],
                    [width * 0.2, width * 0.55, width * 0.25],
                    3,
                )
            ],
        )
    story += _sections_part(
        "IX. Hoàn cảnh gia đình",
        [
            text(
                "(Cha, mẹ đẻ; cha, mẹ vợ hoặc chồng; người trực tiếp nuôi dưỡng bản thân; vợ "
                "hoặc chồng; các con; anh chị em ruột.)",
                ITALIC,
                12,
                align=TA_JUSTIFY,
                space_after=2 * mm,
            ),
            _family_table(p, width),
            Spacer(1, 3 * mm),
            _fl("Tình hình kinh tế của gia đình:"),
            DotLines(2, SIZE, HAND),
        ],
    )
    story += _sections_part("X. Tự nhận xét", [DotLines(8, SIZE, HAND)])
    return story


def _sections_part(title: str, content: list[Flowable]) -> list[Flowable]:
    """The heading kept on the same page as its note and table (split only if too long)."""
    head = _section(title)
    return [head[0], KeepTogether([*head[1:], *content])]


def _closing(p: PersonalHistory, width: float) -> list[Flowable]:
    declaration = KeepTogether(
        [
            *_section("XI. Cam đoan và ký tên"),
            text(DECLARATION, REGULAR, SIZE, align=TA_JUSTIFY, space_after=3 * mm),
            signature_block(
                width,
                ["Người khai lý lịch"],
                p.full_name,
                place_date=place_date_or_dots(p.place, p.on),
            ),
        ]
    )
    cell = nfc(p.cell_name).strip() or dots(30)
    chi_uy = KeepTogether(
        [
            *_section(f"Nhận xét của chi ủy {cell}"),
            DotLines(6, SIZE, HAND),
            Spacer(1, 2 * mm),
            signature_block(
                width,
                ["T/M Chi ủy (Chi bộ)", "Bí thư"],
                p.cell_secretary,
                place_date=place_date_or_dots(p.place, None),
                note="(Ký, ghi rõ họ tên)",
            ),
        ]
    )
    name = nfc(p.full_name).strip() or dots(30)
    committee = nfc(p.committee_name).strip() or dots(30)
    certification = KeepTogether(
        [
            *_section("Chứng nhận của đảng ủy cơ sở"),
            text(
                f"{committee} chứng nhận lý lịch của đồng chí {name} khai tại {cell} là đúng "
                "sự thật.",
                REGULAR,
                SIZE,
                align=TA_JUSTIFY,
                space_after=2 * mm,
            ),
            DotLines(3, SIZE, HAND),
            Spacer(1, 2 * mm),
            signature_block(
                width,
                ["T/M Đảng ủy", "Bí thư"],
                p.committee_secretary,
                place_date=place_date_or_dots(p.place, None),
                note="(Ký tên, đóng dấu)",
                sign_space=28 * mm,
            ),
        ]
    )
    return [declaration, chi_uy, certification]


def story(p: PersonalHistory, margins: Margins) -> list[Flowable]:
    width = frame_width(margins)
    return [*_cover(p, width), *_items(p, width), *_sections(p, width), *_closing(p, width)]


def render(p: PersonalHistory, margins: Margins | None = None, *, invariant: bool = False) -> bytes:
    """The 2-KNĐ as PDF bytes (several pages; page numbers from page 2)."""
    m = margins or Margins()
    return build_pdf(
        story(p, m),
        m,
        title=f"{FORM_CODE} {TITLE}: {nfc(p.full_name)}",
        invariant=invariant,
        on_first_page=_cover_frame,
    )


__all__ = [
    "FORM_CODE",
    "INPUTS",
    "FamilyRow",
    "PersonalHistory",
    "TrainingRow",
    "from_dossier",
    "render",
    "story",
]
