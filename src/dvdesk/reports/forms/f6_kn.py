"""Mẫu 6-KNĐ: Nghị quyết đề nghị kết nạp đảng viên (của chi bộ).

The chi bộ's resolution after its meeting: who attended, the conclusions about the person, the
vote of the official members, and the proposal to the party committee above. Filled from
`AdmissionResolution` (plain data; the service layer builds it from the database).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from dvdesk.reports.pdf_layout import (
    Heading,
    Margins,
    PartyDocument,
    Signer,
    nfc,
    para,
    rich,
    vn_date,
)

FORM_CODE = "6-KNĐ"
TYPE_NAME = "Nghị quyết"
SUBJECT = "Đề nghị kết nạp đảng viên"


@dataclass(frozen=True)
class AdmissionResolution:
    """Everything printed on a 6-KNĐ."""

    superior_body: str  # "Đảng bộ phường Dịch Vọng"
    cell_name: str  # "Chi bộ Khu phố 3"
    number: int  # 12 → "Số 12-NQ/CB"
    place: str  # "Hà Nội"
    issued_on: date
    meeting_on: date
    official_members: int
    probationary_members: int
    present_official: int
    present_probationary: int
    absent_reasons: str  # "đồng chí Trần Văn B đi công tác" (empty when nobody was absent)
    chair: str
    secretary: str
    candidate_name: str
    candidate_birth_date: date
    candidate_hometown: str  # quê quán
    candidate_workplace: str  # nghề nghiệp, nơi làm việc
    conclusions: tuple[str, ...]  # paragraphs: history, political awareness, strengths …
    votes_for: int  # official members in favour
    votes_against: int
    proposed_to: str  # "Đảng ủy phường Dịch Vọng"
    signer_name: str
    signer_authority: str = "T/M CHI BỘ"
    signer_position: str = "BÍ THƯ"
    recipients: tuple[str, ...] = field(default=())  # default: the committee above, the file
    symbol: str = "NQ/CB"

    def __post_init__(self) -> None:
        counts = (
            self.official_members,
            self.probationary_members,
            self.present_official,
            self.present_probationary,
            self.votes_for,
            self.votes_against,
        )
        if min(counts) < 0:
            raise ValueError("counts cannot be negative")
        if self.present_official > self.official_members:
            raise ValueError("more official members present than the chi bộ has")
        if self.present_probationary > self.probationary_members:
            raise ValueError("more probationary members present than the chi bộ has")
        if self.votes_for + self.votes_against > self.present_official:
            raise ValueError("more votes than official members present")

    @property
    def members(self) -> int:
        return self.official_members + self.probationary_members

    @property
    def present(self) -> int:
        return self.present_official + self.present_probationary

    @property
    def absent(self) -> int:
        return self.members - self.present

    @property
    def number_line(self) -> str:
        return f"Số {self.number:02d}-{self.symbol}"


def percent(part: int, whole: int) -> str:
    """Share as Vietnamese prints it: '88,9%' (one decimal, comma), '100%'."""
    if whole == 0:
        return "0%"
    value = round(part * 1000 / whole) / 10
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def body(r: AdmissionResolution) -> list[Flowable]:
    """The body paragraphs of the resolution."""
    name = escape(nfc(r.candidate_name))
    cell = escape(nfc(r.cell_name))
    absent = f"Vắng mặt: {r.absent} đồng chí"
    if r.absent:
        absent += f" (lý do: {r.absent_reasons.strip() or 'không báo'})"
    items: list[Flowable] = [
        para(
            f"{vn_date(r.meeting_on).capitalize()}, "
            f"{nfc(r.cell_name)} đã họp để xét, đề nghị kết nạp quần chúng "
            f"{nfc(r.candidate_name)} vào Đảng Cộng sản Việt Nam."
        ),
        para(
            f"Tổng số đảng viên của chi bộ: {r.members} đồng chí, trong đó chính thức: "
            f"{r.official_members} đồng chí, dự bị: {r.probationary_members} đồng chí."
        ),
        para(
            f"Có mặt: {r.present} đồng chí (chính thức: {r.present_official}, dự bị: "
            f"{r.present_probationary}). {absent}."
        ),
        para(f"Chủ trì hội nghị: đồng chí {nfc(r.chair)}."),
        para(f"Thư ký hội nghị: đồng chí {nfc(r.secretary)}."),
        para(
            f"Quần chúng {nfc(r.candidate_name)}, sinh {vn_date(r.candidate_birth_date)}; "
            f"quê quán: {nfc(r.candidate_hometown)}; "
            f"nghề nghiệp, nơi làm việc: {nfc(r.candidate_workplace)}."
        ),
        rich(
            "Sau khi xem xét đơn xin vào Đảng, lý lịch của người xin vào Đảng, giấy giới thiệu "
            "của đảng viên chính thức, nghị quyết giới thiệu của tổ chức đoàn thể, tổng hợp ý "
            f"kiến nhận xét và kết quả thẩm tra lý lịch, {cell} <b>kết luận</b> như sau:"
        ),
        rich("<b>1. Về lý lịch, nhận thức chính trị, ưu điểm và khuyết điểm chính</b>"),
    ]
    items += [para(text) for text in r.conclusions if text.strip()]
    items += [
        rich("<b>2. Kết quả biểu quyết</b>"),
        para(
            f"Số đảng viên chính thức tán thành việc kết nạp quần chúng {nfc(r.candidate_name)} "
            f"vào Đảng là {r.votes_for}/{r.official_members} đồng chí, đạt "
            f"{percent(r.votes_for, r.official_members)} so với tổng số đảng viên chính thức; "
            f"không tán thành {r.votes_against}/{r.official_members} đồng chí, chiếm "
            f"{percent(r.votes_against, r.official_members)}."
        ),
        rich(
            f"{cell} đề nghị {escape(nfc(r.proposed_to))} xem xét, kết nạp quần chúng "
            f"<b>{name}</b> vào Đảng Cộng sản Việt Nam."
        ),
    ]
    return items


def document(r: AdmissionResolution, margins: Margins | None = None) -> PartyDocument:
    recipients = r.recipients or (f"{nfc(r.proposed_to)},", "Lưu chi bộ.")
    return PartyDocument(
        heading=Heading(
            issuing_body=r.cell_name,
            number=r.number_line,
            place=r.place,
            issued_on=r.issued_on,
            superior_body=r.superior_body,
        ),
        type_name=TYPE_NAME,
        subject=SUBJECT,
        signer=Signer(name=r.signer_name, position=r.signer_position, authority=r.signer_authority),
        recipients=recipients,
        margins=margins or Margins(),
        form_code=FORM_CODE,
        title=f"{FORM_CODE} {TYPE_NAME} {SUBJECT.lower()}: {nfc(r.candidate_name)}",
    )


def render(
    r: AdmissionResolution, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """The 6-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)


def write(r: AdmissionResolution, path: str | Path, margins: Margins | None = None) -> Path:
    """Write the 6-KNĐ to `path`."""
    target = Path(path)
    target.write_bytes(render(r, margins))
    return target
