"""The half-year and year reports (BC: "Sơ kết 6 tháng / Tổng kết … công tác phát triển đảng
viên") and the procedure check, as Party documents per 36-HD/VPTW.

Plain data in (the figures of `domain.statistics`), PDF bytes out: no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from dvdesk.domain.statistics import (
    Breakdown,
    ProcedureItem,
    ProcedureSummary,
    ReportFigures,
)
from dvdesk.reports.pdf_layout import (
    BOLD,
    DOTS,
    REGULAR,
    BodyItem,
    Heading,
    Margins,
    PartyDocument,
    Signer,
    nfc,
    para,
    percent,
    register_fonts,
    rich,
)

TYPE_NAME = "Báo cáo"
CELL_SIZE = 11.5


@dataclass(frozen=True)
class Header:
    """Who issues a plan or report, its number, where and when, and who signs it."""

    issuing_body: str
    number: str  # "Số 05-BC/ĐU" or "Số      -BC/ĐU"
    place: str
    issued_on: date
    superior_body: str = ""
    signer_name: str = ""
    signer_authority: str = "T/M CHI BỘ"
    signer_position: str = "BÍ THƯ"
    level: str = "cell"  # "office" (a committee over many units) or "cell"
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportPrint:
    kind: str  # "half_year" / "year"
    year: int
    figures: ReportFigures
    unit_names: Mapping[str, str] = field(default_factory=dict)
    procedure: ProcedureSummary | None = None
    youth_union_share_target: int = 0  # percent
    has_plan: bool = False

    @property
    def subject(self) -> str:
        if self.kind == "half_year":
            return f"Sơ kết 6 tháng đầu năm {self.year} công tác phát triển đảng viên"
        return f"Tổng kết công tác phát triển đảng viên năm {self.year}"


@dataclass(frozen=True)
class ProcedurePrint:
    start: date
    end: date
    as_of: date
    items: tuple[ProcedureItem, ...]
    summary: ProcedureSummary


# --- shared pieces -------------------------------------------------------------------------


def short(day: date | None) -> str:
    """'05/3/2026' as Party documents write dates in the text (no zero before the month)."""
    return f"{day.day:02d}/{day.month}/{day.year}" if day else DOTS


def heading(text: str) -> Paragraph:
    """A section heading: bold, not indented ("I. KẾT QUẢ THỰC HIỆN")."""
    return para(text, bold=True, indent=False, align="left")


def subheading(text: str) -> Paragraph:
    return para(text, bold=True, italic=False, indent=True, align="left")


def _cell_style(bold: bool = False, align: str = "left") -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(
        f"cell-{bold}-{align}",
        fontName=BOLD if bold else REGULAR,
        fontSize=CELL_SIZE,
        leading=CELL_SIZE * 1.2,
        alignment={"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}[align],
    )


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    total_width: float,
    aligns: Sequence[str] = (),
    bold_rows: Sequence[int] = (),
) -> Table:
    """A ruled table: bold centred header repeated on every page, cells wrapped; `widths` are
    relative shares of `total_width`; `bold_rows` index `rows` (e.g. a total line)."""
    scale = total_width / sum(widths)
    head = [Paragraph(escape(nfc(h)), _cell_style(True, "center")) for h in header]
    body: list[list[Paragraph]] = []
    for index, row in enumerate(rows):
        bold = index in bold_rows
        body.append(
            [
                Paragraph(
                    escape(nfc(str(value))),
                    _cell_style(bold, aligns[i] if i < len(aligns) else "left"),
                )
                for i, value in enumerate(row)
            ]
        )
    out = Table([head, *body], colWidths=[w * scale for w in widths], repeatRows=1)
    out.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # never a built-in font in the file
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return out


def party_document(
    header: Header,
    subject: str,
    margins: Margins | None,
    *,
    wide: bool = False,
    recipients: Sequence[str] = (),
) -> PartyDocument:
    return PartyDocument(
        heading=Heading(
            issuing_body=header.issuing_body,
            number=header.number,
            place=header.place.strip() or DOTS,
            issued_on=header.issued_on,
            superior_body=header.superior_body,
        ),
        type_name=TYPE_NAME,
        subject=subject,
        signer=Signer(
            name=header.signer_name.strip() or DOTS,
            position=header.signer_position,
            authority=header.signer_authority,
        ),
        recipients=header.recipients or tuple(recipients),
        margins=margins or Margins(),
        pagesize=landscape(A4) if wide else A4,
    )


def text_width(doc: PartyDocument) -> float:
    return doc.pagesize[0] - (doc.margins.left + doc.margins.right) * mm


def _recipients(header: Header) -> tuple[str, ...]:
    out = []
    if header.superior_body.strip():
        out.append(f"{header.superior_body.strip()} (để báo cáo),")
    if header.level == "office":
        out.append("Các tổ chức cơ sở đảng trực thuộc,")
        out.append("Lưu Văn phòng, Ban Tổ chức.")
    else:
        out.append("Lưu chi bộ.")
    return tuple(out)


def _share(part: int, whole: int) -> str:
    return percent(part, whole)


def _breakdown_rows(title: str, breakdown: Breakdown, whole: int) -> list[list[object]]:
    rows: list[list[object]] = [[title, "", ""]]
    rows += [[f"– {label}", n, _share(n, whole)] for label, n in breakdown]
    return rows


# --- the report ----------------------------------------------------------------------------


def report_body(r: ReportPrint, width: float, level: str) -> list[BodyItem]:
    f = r.figures
    whole_org = "toàn Đảng bộ" if level == "office" else "chi bộ"
    period = f.period.label
    items: list[BodyItem] = [
        para(
            f"Thực hiện kế hoạch phát triển đảng viên năm {r.year}, "
            f"{whole_org} báo cáo kết quả công tác phát triển đảng viên {period} "
            f"(từ ngày {short(f.period.start)} đến ngày {short(f.period.end)}) như sau:"
        ),
        heading("I. KẾT QUẢ THỰC HIỆN"),
        subheading("1. Kết nạp đảng viên"),
    ]
    target_text = ""
    if f.target:
        measure = "chỉ tiêu năm" if r.kind == "half_year" else "chỉ tiêu"
        target_text = f", đạt {percent(f.admitted, f.target)} {measure} ({f.target} đảng viên)"
    items.append(
        rich(
            f"Trong {escape(period)}, {whole_org} đã kết nạp <b>{f.admitted}</b> đảng viên"
            f"{escape(target_text)} (tính theo ngày tổ chức lễ kết nạp)."
        )
    )
    youth = (
        f"Đoàn viên Thanh niên Cộng sản Hồ Chí Minh: {f.youth_union} đồng chí, chiếm "
        f"{percent(f.youth_union, f.admitted)}"
    )
    if r.youth_union_share_target:
        youth += (
            f" (chỉ tiêu {r.youth_union_share_target}%, tương ứng {f.youth_union_target} "
            f"đồng chí của chỉ tiêu năm)"
        )
    items.append(para(youth + "."))
    age = (
        f"; tuổi bình quân khi kết nạp {str(f.average_age).replace('.', ',')}"
        if (f.average_age is not None)
        else ""
    )
    items.append(
        para(
            f"Nữ: {f.women} đồng chí ({percent(f.women, f.admitted)}); người dân tộc thiểu số: "
            f"{f.ethnic_minority} đồng chí ({percent(f.ethnic_minority, f.admitted)}); người có "
            f"đạo: {f.believers} đồng chí ({percent(f.believers, f.admitted)}); từ 18 đến 30 "
            f"tuổi: {f.aged_18_30} đồng chí ({percent(f.aged_18_30, f.admitted)}){age}."
        )
    )
    items.append(para("Cơ cấu đảng viên mới kết nạp:", italic=True))
    rows: list[list[object]] = []
    bold: list[int] = []
    for title, breakdown in (
        ("Đoàn viên", f.by_youth_union),
        ("Giới tính", f.by_sex),
        ("Dân tộc", f.by_ethnicity_group),
        ("Tôn giáo", f.by_religion_group),
        ("Độ tuổi (khi kết nạp)", f.by_age_group),
        ("Trình độ học vấn", f.by_education),
        ("Nghề nghiệp", f.by_occupation),
    ):
        bold.append(len(rows))
        rows += _breakdown_rows(title, breakdown, f.admitted)
    items.append(
        table(
            ["Tiêu chí", "Số lượng", "Tỷ lệ"],
            rows,
            [6, 1.6, 1.6],
            total_width=width,
            aligns=["left", "center", "center"],
            bold_rows=bold,
        )
    )
    items.append(Spacer(1, 3 * mm))
    items.append(para("Kết nạp theo tháng:", italic=True))
    months = list(f.admitted_by_month)
    items.append(
        table(
            ["Tháng", *[str(m) for m in range(1, 13)], "Cộng"],
            [["Số", *months, sum(months)]],
            [1.6, *([1] * 12), 1.3],
            total_width=width,
            aligns=["left", *(["center"] * 13)],
        )
    )
    items += [
        Spacer(1, 2 * mm),
        subheading("2. Đảng viên dự bị"),
        para(
            f"Công nhận đảng viên chính thức: {f.recognised} đồng chí; xóa tên trong danh sách "
            f"đảng viên dự bị: {f.struck_off} đồng chí."
        ),
        subheading("3. Quần chúng cảm tình Đảng"),
        para(
            f"Bổ sung vào danh sách quần chúng cảm tình Đảng: {f.sympathisers_added} người; "
            f"đưa ra khỏi danh sách: {f.sympathisers_removed} người."
        ),
        subheading("4. Bồi dưỡng nhận thức về Đảng và lý luận chính trị cho đảng viên mới"),
    ]
    class_rows: list[list[object]] = []
    for summary, label, target in (
        (f.awareness, "Lớp bồi dưỡng nhận thức về Đảng", f.awareness_trainees_target),
        (
            f.new_member,
            "Lớp bồi dưỡng lý luận chính trị cho đảng viên mới",
            f.new_member_trainees_target,
        ),
    ):
        class_rows.append(
            [
                label,
                summary.held,
                summary.enrolled,
                summary.passed,
                percent(summary.passed, summary.enrolled) if summary.enrolled else "–",
                target or "–",
            ]
        )
    items.append(
        table(
            ["Loại lớp", "Số lớp", "Học viên", "Đạt yêu cầu", "Tỷ lệ đạt", "Chỉ tiêu học viên"],
            class_rows,
            [5, 1.3, 1.5, 1.5, 1.5, 1.7],
            total_width=width,
            aligns=["left", *(["center"] * 5)],
        )
    )
    if len(f.per_unit) > 1 or (f.per_unit and f.per_unit[0].target):
        items += [Spacer(1, 2 * mm), subheading("5. Kết quả của các đơn vị")]
        unit_rows: list[list[object]] = []
        for index, u in enumerate(f.per_unit, 1):
            unit_rows.append(
                [
                    index,
                    r.unit_names.get(u.unit_id, u.unit_id),
                    u.target or "–",
                    u.admitted,
                    percent(u.admitted, u.target) if u.target else "–",
                    u.youth_union,
                    u.recognised,
                    u.struck_off,
                ]
            )
        unit_rows.append(
            [
                "",
                "Cộng",
                sum(u.target for u in f.per_unit) or "–",
                sum(u.admitted for u in f.per_unit),
                "",
                sum(u.youth_union for u in f.per_unit),
                sum(u.recognised for u in f.per_unit),
                sum(u.struck_off for u in f.per_unit),
            ]
        )
        items.append(
            table(
                [
                    "TT",
                    "Đơn vị",
                    "Chỉ tiêu",
                    "Kết nạp",
                    "Đạt",
                    "Đoàn viên",
                    "Công nhận chính thức",
                    "Xóa tên dự bị",
                ],
                unit_rows,
                [0.7, 5, 1.3, 1.3, 1.3, 1.3, 1.6, 1.5],
                total_width=width,
                aligns=["center", "left", *(["center"] * 6)],
                bold_rows=[len(unit_rows) - 1],
            )
        )
    items += [Spacer(1, 2 * mm), heading("II. KIỂM TRA VIỆC THỰC HIỆN QUY TRÌNH")]
    p = r.procedure
    if p is None or (p.people_with_findings == 0 and p.overdue_total == 0):
        items.append(para("Không phát hiện trường hợp vi phạm quy trình hoặc quá thời hạn."))
    else:
        items.append(
            para(
                f"Số người có vấn đề về tiêu chuẩn, thủ tục cần xem xét: "
                f"{p.people_with_findings} (lỗi: {p.errors}, lưu ý: {p.warnings})."
            )
        )
        if p.overdue:
            late = "; ".join(f"{label.lower()}: {n}" for label, n in p.overdue)
            items.append(para(f"Việc quá thời hạn chưa thực hiện ({p.overdue_total}): {late}."))
    items.append(heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ"))
    remaining = max(f.target - f.admitted, 0)
    if r.kind == "half_year":
        goal = (
            f"phấn đấu kết nạp {remaining} đảng viên còn lại để hoàn thành chỉ tiêu năm {r.year}"
            if remaining
            else f"phấn đấu vượt chỉ tiêu năm {r.year}"
        )
        items.append(
            para(
                "Trong 6 tháng cuối năm, tiếp tục tạo nguồn, bồi dưỡng quần chúng ưu tú, hoàn "
                f"thiện hồ sơ, {goal}; xét công nhận đảng viên chính thức đúng thời hạn."
            )
        )
    else:
        items.append(
            para(
                f"Năm {r.year + 1}, tiếp tục nâng cao chất lượng công tác phát triển đảng viên; "
                "chú trọng tạo nguồn trong đoàn viên thanh niên; khắc phục các trường hợp quá "
                "thời hạn nêu trên; xây dựng và giao chỉ tiêu kết nạp đảng viên cho các đơn vị."
            )
        )
    return items


def render(r: ReportPrint, header: Header, margins: Margins | None = None) -> bytes:
    """The report as PDF bytes."""
    doc = party_document(header, r.subject, margins, recipients=_recipients(header))
    return doc.render(report_body(r, text_width(doc), header.level))


# --- the procedure check -------------------------------------------------------------------

_SOURCE = {"finding": "Tiêu chuẩn, thủ tục", "deadline": "Thời hạn"}
_SEVERITY = {"error": "Lỗi", "warning": "Lưu ý"}


def procedure_rows(items: Sequence[ProcedureItem]) -> list[list[object]]:
    rows: list[list[object]] = []
    for index, i in enumerate(items, 1):
        person = i.person_name + (f" ({i.person_code})" if i.person_code else "")
        rows.append(
            [
                index,
                i.unit_name or "–",
                person,
                i.message,
                _SEVERITY.get(i.severity, i.severity),
                short(i.due) if i.due else "",
                i.days_late if i.days_late is not None else "",
                i.basis,
            ]
        )
    return rows


def render_procedure(p: ProcedurePrint, header: Header, margins: Margins | None = None) -> bytes:
    """The procedure check as a report with its list, landscape."""
    doc = party_document(
        header,
        "Kết quả kiểm tra việc thực hiện quy trình kết nạp đảng viên",
        margins,
        wide=True,
        recipients=_recipients(header),
    )
    s = p.summary
    body: list[BodyItem] = [
        para(
            f"Kỳ kiểm tra: từ ngày {short(p.start)} đến ngày {short(p.end)}; số liệu về thời hạn "
            f"tính đến ngày {short(p.as_of)}."
        ),
        para(
            f"Tổng số: {len(p.items)} nội dung; {s.people_with_findings} người có vấn đề về tiêu "
            f"chuẩn, thủ tục (lỗi: {s.errors}, lưu ý: {s.warnings}); {s.overdue_total} việc quá "
            "thời hạn chưa thực hiện."
        ),
    ]
    if p.items:
        body.append(
            table(
                ["TT", "Đơn vị", "Họ và tên", "Nội dung", "Mức", "Hạn", "Quá (ngày)", "Căn cứ"],
                procedure_rows(p.items),
                [0.6, 2.6, 2.4, 6.6, 1, 1.9, 1, 3],
                total_width=text_width(doc),
                aligns=["center", "left", "left", "left", "center", "center", "center", "left"],
            )
        )
    else:
        body.append(para("Không phát hiện trường hợp vi phạm quy trình hoặc quá thời hạn."))
    body.append(
        para(
            "Đề nghị các chi bộ, đảng bộ cơ sở rà soát từng trường hợp nêu trên, khắc phục và báo "
            "cáo kết quả."
        )
    )
    return doc.render(body)
