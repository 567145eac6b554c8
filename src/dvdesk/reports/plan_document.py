"""The yearly plan (KH: "Kế hoạch phát triển đảng viên năm 2026") as a Party document per
36-HD/VPTW: I. Mục đích, yêu cầu; II. Chỉ tiêu; III. Nhiệm vụ, giải pháp; IV. Tổ chức thực hiện.

Plain data in, PDF bytes out: no database, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Spacer

from dvdesk.reports.pdf_layout import BodyItem, Margins, para, paragraphs, percent
from dvdesk.reports.report_document import (
    Header,
    heading,
    party_document,
    short,
    table,
    text_width,
)

TYPE_NAME = "Kế hoạch"


@dataclass(frozen=True)
class PlanPrint:
    year: int
    admit_target: int
    youth_union_share: int  # percent
    youth_union_admit: int  # the number the share means
    awareness_trainees_target: int
    new_member_trainees_target: int
    awareness_classes: tuple[int, int]  # (min, max)
    new_member_classes: tuple[int, int]
    review_cadence: str  # "hằng tháng"
    base_plans_due: date | None
    half_year_report_due: date | None
    year_report_due: date | None
    purpose: str
    measures: str
    organisation: str
    unit_targets: tuple[tuple[str, int, int], ...] = ()  # (unit name, admit, awareness trainees)

    @property
    def subject(self) -> str:
        return f"Phát triển đảng viên năm {self.year}"


def _range(low: int, high: int) -> str:
    return str(high) if low == high else f"từ {low} đến {high}"


def _free_text(text: str) -> list[BodyItem]:
    """Each line a paragraph; "- " items stay items (indented like the rest)."""
    return [para(line) for line in paragraphs(text)]


def plan_body(p: PlanPrint, width: float, level: str) -> list[BodyItem]:
    office = level == "office"
    items: list[BodyItem] = [heading("I. MỤC ĐÍCH, YÊU CẦU")]
    items += _free_text(p.purpose) or [
        para(
            "Nâng cao chất lượng công tác phát triển đảng viên; bảo đảm đúng tiêu chuẩn, điều "
            "kiện, nguyên tắc, thủ tục và quy trình kết nạp đảng viên."
        )
    ]
    items.append(heading("II. CHỈ TIÊU"))
    n = 1
    target = f"{n}. Phấn đấu kết nạp {p.admit_target} đảng viên mới trong năm {p.year}"
    if p.youth_union_share:
        target += (
            f", trong đó đoàn viên Thanh niên Cộng sản Hồ Chí Minh chiếm từ "
            f"{p.youth_union_share}% trở lên (ít nhất {p.youth_union_admit} đồng chí)"
        )
    items.append(para(target + "."))
    trainees = []
    if p.awareness_trainees_target:
        trainees.append(
            f"cử {p.awareness_trainees_target} quần chúng ưu tú tham dự lớp bồi dưỡng nhận thức "
            "về Đảng"
        )
    if p.new_member_trainees_target:
        share = (
            f" ({percent(p.new_member_trainees_target, p.admit_target)} số đảng viên được kết nạp)"
            if p.admit_target
            else ""
        )
        trainees.append(
            f"cử {p.new_member_trainees_target} đảng viên mới học lớp bồi dưỡng lý luận chính "
            f"trị dành cho đảng viên mới{share}"
        )
    if trainees:
        n += 1
        text = "; ".join(trainees)
        items.append(para(f"{n}. {text[0].upper()}{text[1:]}."))
    classes = []
    if p.awareness_classes[1]:
        classes.append(f"{_range(*p.awareness_classes)} lớp bồi dưỡng nhận thức về Đảng")
    if p.new_member_classes[1]:
        classes.append(
            f"{_range(*p.new_member_classes)} lớp bồi dưỡng lý luận chính trị cho đảng viên mới"
        )
    if classes:
        n += 1
        items.append(para(f"{n}. Tổ chức {' và '.join(classes)} trong năm."))
    if p.unit_targets:
        n += 1
        items.append(para(f"{n}. Chỉ tiêu giao cho các đơn vị:"))
        rows: list[list[object]] = [
            [i, name, admit, trainees_n or "–"]
            for i, (name, admit, trainees_n) in enumerate(p.unit_targets, 1)
        ]
        rows.append(
            [
                "",
                "Cộng",
                sum(t[1] for t in p.unit_targets),
                sum(t[2] for t in p.unit_targets) or "–",
            ]
        )
        items.append(
            table(
                ["TT", "Đơn vị", "Chỉ tiêu kết nạp", "Cử đi học lớp nhận thức về Đảng"],
                rows,
                [0.7, 6, 2, 2.5],
                total_width=width,
                aligns=["center", "left", "center", "center"],
                bold_rows=[len(rows) - 1],
            )
        )
        items.append(Spacer(1, 2))
    items.append(heading("III. NHIỆM VỤ, GIẢI PHÁP"))
    items += _free_text(p.measures) or [
        para(
            "Tạo nguồn, bồi dưỡng quần chúng ưu tú; phân công đảng viên giúp đỡ; cử đi học lớp "
            "bồi dưỡng nhận thức về Đảng; thẩm tra lý lịch và hoàn thiện hồ sơ đúng quy định."
        )
    ]
    items.append(heading("IV. TỔ CHỨC THỰC HIỆN"))
    items += _free_text(p.organisation)
    if p.base_plans_due:
        who = "Các chi bộ, đảng bộ cơ sở" if office else "Các tổ đảng, đảng viên"
        items.append(
            para(
                f"- {who} căn cứ kế hoạch này xây dựng kế hoạch phát triển đảng viên năm "
                f"{p.year} của đơn vị, gửi về {'Đảng ủy (qua Ban Tổ chức)' if office else 'chi bộ'}"
                f" trước ngày {short(p.base_plans_due)}."
            )
        )
    if office:
        review = (
            f"- Định kỳ {p.review_cadence}, Ban Thường vụ Đảng ủy nghe báo cáo tiến độ, xem xét "
            "đề nghị kết nạp đảng viên của các tổ chức cơ sở đảng."
        )
    else:
        review = (
            f"- Định kỳ {p.review_cadence}, chi bộ kiểm điểm tiến độ thực hiện kế hoạch trong "
            "sinh hoạt chi bộ."
        )
    items.append(para(review))
    reports = []
    if p.half_year_report_due:
        reports.append(f"báo cáo sơ kết 6 tháng trước ngày {short(p.half_year_report_due)}")
    if p.year_report_due:
        reports.append(f"báo cáo tổng kết năm trước ngày {short(p.year_report_due)}")
    if reports:
        to = "về Đảng ủy (qua Ban Tổ chức)" if office else "lên cấp ủy cấp trên"
        items.append(para(f"- Các đơn vị gửi {' và '.join(reports)} {to}."))
    return items


def _recipients(header: Header) -> tuple[str, ...]:
    out = []
    if header.superior_body.strip():
        out.append(f"{header.superior_body.strip()} (để báo cáo),")
    if header.level == "office":
        out.append("Các tổ chức cơ sở đảng trực thuộc (để thực hiện),")
        out.append("Lưu Văn phòng, Ban Tổ chức.")
    else:
        out.append("Các đảng viên trong chi bộ,")
        out.append("Lưu chi bộ.")
    return tuple(out)


def render(p: PlanPrint, header: Header, margins: Margins | None = None) -> bytes:
    """The KH document as PDF bytes."""
    doc = party_document(header, p.subject, margins, recipients=_recipients(header))
    doc.type_name = TYPE_NAME
    doc.title = f"Kế hoạch phát triển đảng viên năm {p.year}"
    return doc.render(plan_body(p, text_width(doc), header.level))
