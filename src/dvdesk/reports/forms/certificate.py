"""CN-NTVĐ: Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng (and the new-member class).

One certificate per A5 landscape page, inside a double border, as the printed certificates are:
the issuing body top left with the star and the Party heading top right; the centred title;
"Chứng nhận đồng chí …, sinh ngày …, đơn vị …, đã hoàn thành chương trình … từ ngày … đến ngày
…, tại …, xếp loại …"; the number bottom left; place, date and signer bottom right.

For a new-member class (kind "new_member") the programme is "lớp bồi dưỡng lý luận chính trị
dành cho đảng viên mới". Only roster entries with status "passed" get a certificate.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from dvdesk.domain.dossier import ClassDossier, PrintContext, RosterEntry
from dvdesk.domain.forms import FormInput
from dvdesk.reports.pdf_layout import (
    BOLD,
    ITALIC,
    PARTY_HEADING,
    REGULAR,
    Margins,
    _style,
    caps,
    nfc,
    pdf_template,
    place_date_line,
    register_fonts,
    short_date,
    text_or_dots,
)

FORM_CODE = "CN-NTVĐ"
PAGE = landscape(A5)
AWARENESS = "awareness"
NEW_MEMBER = "new_member"


def programme(kind: str) -> str:
    """The programme named on the certificate, by class kind."""
    if kind == NEW_MEMBER:
        return "lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới"
    return "lớp bồi dưỡng nhận thức về Đảng"


@dataclass(frozen=True)
class Certificate:
    """Everything printed on one certificate."""

    superior_body: str  # printed above the issuer; may be empty
    issuer: str  # "Đảng ủy phường Dịch Vọng" / "Trung tâm Chính trị …"
    kind: str  # "awareness" / "new_member"
    class_name: str
    holder_name: str
    holder_birth_date: date | None
    unit: str  # đơn vị: the chi bộ
    start: date | None
    end: date | None
    class_place: str
    rating: str  # xếp loại: "Giỏi", "Khá" or the score as recorded
    number: str  # as recorded; empty prints a blank
    place: str
    issued_on: date
    signer_name: str
    signer_authority: str = "T/M BAN THƯỜNG VỤ"
    signer_position: str = "BÍ THƯ"

    @property
    def title(self) -> str:
        return "Giấy chứng nhận"

    @property
    def subtitle(self) -> str:
        return f"Học {programme(self.kind)}"

    @property
    def number_line(self) -> str:
        return f"Số: {nfc(self.number).strip() or '……/GCN'}"

    @property
    def programme_text(self) -> str:
        """'lớp bồi dưỡng nhận thức về Đảng khóa 1 năm 2025' when the class name already
        names the programme, else the programme with the class name in brackets."""
        general = programme(self.kind)
        name = nfc(self.class_name).strip()
        if not name:
            return general
        if general.split(" ", 1)[1].lower() in name.lower():
            return name[0].lower() + name[1:]
        return f"{general} ({name})"


def _flowables(c: Certificate, width: float) -> list[Flowable]:
    register_fonts()
    left_col = width * 0.45
    head_l = _style("cl", REGULAR, 11, align=TA_CENTER, leading=13)
    head_lb = _style("clb", BOLD, 11, align=TA_CENTER, leading=13)
    head_r = _style("cr", BOLD, 12, align=TA_CENTER, leading=14)
    left: list[Flowable] = []
    if c.superior_body.strip():
        left.append(Paragraph(escape(caps(c.superior_body)), head_l))
    left += [Paragraph(escape(caps(c.issuer)), head_lb), Paragraph("*", head_l)]
    right = [Paragraph(f"<u>{escape(PARTY_HEADING)}</u>", head_r)]
    header = Table([[left, right]], colWidths=[left_col, width - left_col])
    header.setStyle(_plain())
    text = _style("ct", REGULAR, 13, align=TA_LEFT, leading=17)
    name = escape(nfc(c.holder_name))
    body = [
        Paragraph(f"Chứng nhận đồng chí: <b>{name}</b>", text),
        Paragraph(
            f"Sinh ngày: {short_date(c.holder_birth_date)}"
            f"&nbsp;&nbsp;&nbsp;&nbsp;Đơn vị: {escape(text_or_dots(c.unit))}",
            text,
        ),
        Paragraph(
            f"Đã hoàn thành chương trình {escape(c.programme_text)}, từ ngày "
            f"{short_date(c.start)} đến ngày {short_date(c.end)}, "
            f"tại {escape(text_or_dots(c.class_place))}.",
            text,
        ),
        Paragraph(f"Xếp loại: <b>{escape(text_or_dots(c.rating))}</b>", text),
    ]
    sign_c = _style("cs", BOLD, 12, align=TA_CENTER, leading=14)
    date_c = _style("cd", ITALIC, 12, align=TA_CENTER, leading=14)
    signer = [
        Paragraph(escape(place_date_line(c.place, c.issued_on)), date_c),
        Paragraph(escape(caps(c.signer_authority)), sign_c),
        Paragraph(escape(caps(c.signer_position)), sign_c),
        Spacer(1, 15 * mm),
        Paragraph(escape(text_or_dots(c.signer_name)), sign_c),
    ]
    number = [
        Spacer(1, 8 * mm),
        Paragraph(escape(c.number_line), _style("cn", REGULAR, 12, align=TA_LEFT)),
    ]
    footer = Table([[number, signer]], colWidths=[width * 0.45, width * 0.55])
    footer.setStyle(_plain())
    title = _style("ctitle", BOLD, 22, align=TA_CENTER, leading=26)
    subtitle = _style("csub", BOLD, 13, align=TA_CENTER, leading=16)
    return [
        header,
        Spacer(1, 4 * mm),
        Paragraph(escape(caps(c.title)), title),
        Paragraph(escape(caps(c.subtitle)), subtitle),
        Spacer(1, 5 * mm),
        *body,
        Spacer(1, 3 * mm),
        footer,
    ]


def _plain() -> TableStyle:
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
        ]
    )


def _border(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    w, h = PAGE
    canvas.setLineWidth(2)
    canvas.rect(7 * mm, 7 * mm, w - 14 * mm, h - 14 * mm)
    canvas.setLineWidth(0.6)
    canvas.rect(9 * mm, 9 * mm, w - 18 * mm, h - 18 * mm)
    canvas.restoreState()


# The page is A5 landscape with its own margins: the document margins setting is for A4.
OWN_MARGINS = True


def render(
    certificates: Certificate | Sequence[Certificate],
    margins: Margins | None = None,
    *,
    invariant: bool = False,
) -> bytes:
    """One certificate per A5 landscape page. The margins default to 14 mm inside the border
    (the document margins setting is for A4 documents and is not applied here)."""
    items = [certificates] if isinstance(certificates, Certificate) else list(certificates)
    if not items:
        raise ValueError("no certificate to print")
    out = io.BytesIO()
    doc = pdf_template(
        out,
        margins or Margins(14, 12, 16, 16),
        title=f"{FORM_CODE} Giấy chứng nhận: {items[0].class_name}",
        author=caps(items[0].issuer),
        invariant=invariant,
        pagesize=PAGE,
    )
    story: list[Flowable] = []
    for index, cert in enumerate(items):
        if index:
            story.append(PageBreak())
        story += _flowables(cert, doc.width)
    doc.build(story, onFirstPage=_border, onLaterPages=_border)
    return out.getvalue()


INPUTS: tuple[FormInput, ...] = (
    FormInput("issuer", "Cơ quan cấp giấy chứng nhận", "Issuing body", False),
    FormInput("superior_of_issuer", "Cấp trên của cơ quan cấp", "Body above the issuer", False),
    FormInput(
        "signer_authority", "Thẩm quyền ký (T/M BAN THƯỜNG VỤ …)", "Signing authority", False
    ),
    FormInput("signer_position", "Chức vụ người ký", "Signer's position", False),
    FormInput("signer_name", "Họ tên người ký", "Signer's name", False),
)


def from_entry(cls: ClassDossier, entry: RosterEntry, ctx: PrintContext) -> Certificate:
    """The certificate of one roster entry."""
    return Certificate(
        superior_body=ctx.text("superior_of_issuer") or ctx.superior_of_committee,
        issuer=ctx.text("issuer") or cls.organiser or ctx.committee_name,
        kind=cls.kind,
        class_name=cls.name,
        holder_name=entry.full_name,
        holder_birth_date=entry.birth_date,
        unit=entry.cell_name,
        start=cls.start_date,
        end=cls.end_date,
        class_place=cls.place,
        rating=entry.score,
        number=entry.certificate_number,
        place=ctx.place,
        issued_on=entry.certificate_issued_on or ctx.on,
        signer_name=ctx.text("signer_name") or ctx.committee_secretary,
        signer_authority=ctx.text("signer_authority") or "T/M BAN THƯỜNG VỤ",
        signer_position=ctx.text("signer_position") or "BÍ THƯ",
    )


def from_class(cls: ClassDossier, ctx: PrintContext) -> tuple[Certificate, ...]:
    """The certificates of every entry of `cls` that passed, in roster order."""
    return tuple(from_entry(cls, e, ctx) for e in cls.entries if e.status == "passed")


def render_class(cls: ClassDossier, ctx: PrintContext, *, invariant: bool = False) -> bytes:
    """All certificates of the class in one PDF, one per page."""
    return render(from_class(cls, ctx), invariant=invariant)


def render_entry(
    cls: ClassDossier, entry: RosterEntry, ctx: PrintContext, *, invariant: bool = False
) -> bytes:
    """The certificate of one entry."""
    return render(from_entry(cls, entry, ctx), invariant=invariant)
