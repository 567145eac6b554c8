"""Mẫu 6-KNĐ: Nghị quyết đề nghị kết nạp đảng viên (của chi bộ).

The chi bộ's resolution after its meeting: who attended, the conclusions about the person, the
vote of the official members, and the proposal to the party committee above. Filled from
`AdmissionResolution` (plain data); `from_dossier` builds it from a `PersonDossier` and the
`PrintContext`. Whatever is unknown prints as a dotted blank to fill in by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from dvdesk.domain.dossier import DossierEvent, PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.domain.pipeline import EventKind
from dvdesk.files import write_atomic
from dvdesk.reports.pdf_layout import (
    Margins,
    PartyDocument,
    Signer,
    date_or_dots,
    form_document,
    int_input,
    int_or_dots,
    nfc,
    number_line,
    para,
    paragraphs,
    rich,
    text_or_dots,
    to_margins,
)
from dvdesk.reports.pdf_layout import percent as percent

if TYPE_CHECKING:
    from dvdesk.reports.forms.f13_kn import RecognitionResolution

FORM_CODE = "6-KNĐ"
TYPE_NAME = "Nghị quyết"
SUBJECT = "Đề nghị kết nạp đảng viên"


@dataclass(frozen=True)
class AdmissionResolution:
    """Everything printed on a 6-KNĐ."""

    superior_body: str  # "Đảng bộ phường Dịch Vọng"
    cell_name: str  # "Chi bộ Khu phố 3"
    number: int | None  # 12 → "Số 12-NQ/CB"; None → "Số     -NQ/CB"
    place: str  # "Hà Nội"
    issued_on: date
    meeting_on: date | None
    official_members: int | None  # None (unknown) prints dots
    probationary_members: int | None
    present_official: int | None
    present_probationary: int | None
    absent_reasons: str  # "đồng chí Trần Văn B đi công tác" (empty when nobody was absent)
    chair: str
    secretary: str
    candidate_name: str
    candidate_birth_date: date | None
    candidate_hometown: str  # quê quán
    candidate_workplace: str  # nghề nghiệp, nơi làm việc
    conclusions: tuple[str, ...]  # paragraphs: history, political awareness, strengths …
    votes_for: int | None  # official members in favour
    votes_against: int | None
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
        if any(c is not None and c < 0 for c in counts):
            raise ValueError("counts cannot be negative")
        if _gt(self.present_official, self.official_members):
            raise ValueError("more official members present than the chi bộ has")
        if _gt(self.present_probationary, self.probationary_members):
            raise ValueError("more probationary members present than the chi bộ has")
        if _gt(total(self.votes_for, self.votes_against), self.present_official):
            raise ValueError("more votes than official members present")

    @property
    def members(self) -> int | None:
        return total(self.official_members, self.probationary_members)

    @property
    def present(self) -> int | None:
        return total(self.present_official, self.present_probationary)

    @property
    def absent(self) -> int | None:
        if self.members is None or self.present is None:
            return None
        return self.members - self.present

    @property
    def number_line(self) -> str:
        return number_line(self.number, self.symbol)


def total(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _gt(a: int | None, b: int | None) -> bool:
    return a is not None and b is not None and a > b


def vote_sentence(action: str, votes_for: int | None, against: int | None, base: int | None) -> str:
    """'Số đảng viên chính thức tán thành … là 8/9 đồng chí, đạt 88,9% …'."""
    n = int_or_dots(base)

    def share(v: int | None) -> str:
        return percent(v, base) if v is not None and base else "……%"

    return (
        f"Số đảng viên chính thức tán thành {action} là {int_or_dots(votes_for)}/{n} đồng chí, "
        f"đạt {share(votes_for)} so với tổng số đảng viên chính thức; "
        f"không tán thành {int_or_dots(against)}/{n} đồng chí, chiếm {share(against)}."
    )


# The chi bộ resolutions after a meeting and a vote that the helpers below fill (6-, 13-KNĐ).
CellMeeting: TypeAlias = "AdmissionResolution | RecognitionResolution"


def attendance(r: CellMeeting) -> list[Flowable]:
    """The chi bộ's members, who was present or absent, the chair and the secretary."""
    absent = f"Vắng mặt: {int_or_dots(r.absent)} đồng chí"
    if r.absent:
        absent += f" (lý do: {text_or_dots(r.absent_reasons)})"
    return [
        para(
            f"Tổng số đảng viên của chi bộ: {int_or_dots(r.members)} đồng chí, trong đó chính "
            f"thức: {int_or_dots(r.official_members)} đồng chí, dự bị: "
            f"{int_or_dots(r.probationary_members)} đồng chí."
        ),
        para(
            f"Có mặt: {int_or_dots(r.present)} đồng chí (chính thức: "
            f"{int_or_dots(r.present_official)}, dự bị: {int_or_dots(r.present_probationary)}). "
            f"{absent}."
        ),
        para(f"Chủ trì hội nghị: đồng chí {text_or_dots(r.chair)}."),
        para(f"Thư ký hội nghị: đồng chí {text_or_dots(r.secretary)}."),
    ]


def conclusions_and_vote(
    r: CellMeeting,
    considered: str,
    heading: str,
    conclusions: Sequence[str],
    action: str,
    proposal: str,
) -> list[Flowable]:
    """'Sau khi xem xét <considered>, <chi bộ> kết luận như sau:', 1. <heading> and the
    conclusions (or blank lines), 2. the vote on <action>, then the proposal to the committee
    above to <proposal> (ReportLab markup, escaped by the caller)."""
    cell = escape(nfc(r.cell_name))
    items: list[Flowable] = [
        rich(f"Sau khi xem xét {considered}, {cell} <b>kết luận</b> như sau:"),
        rich(f"<b>1. {heading}</b>"),
    ]
    items += [para(t) for t in conclusions if t.strip()] or [para(LONG_BLANK), para(LONG_BLANK)]
    items += [
        rich("<b>2. Kết quả biểu quyết</b>"),
        para(vote_sentence(action, r.votes_for, r.votes_against, r.official_members)),
        rich(f"{cell} đề nghị {escape(text_or_dots(r.proposed_to))} xem xét, {proposal}"),
    ]
    return items


def cell_document(
    form_code: str,
    subject: str,
    r: CellMeeting,
    signer_name: str,
    about: str,
    margins: Margins | None,
) -> PartyDocument:
    """The chi bộ's resolution in the Party frame, to the committee above."""
    recipients = r.recipients or (f"{text_or_dots(r.proposed_to)},", "Lưu chi bộ.")
    return form_document(
        form_code,
        TYPE_NAME,
        subject,
        issuing_body=r.cell_name,
        number=r.number_line,
        place=r.place,
        issued_on=r.issued_on,
        superior_body=r.superior_body,
        signer=Signer(name=signer_name, position=r.signer_position, authority=r.signer_authority),
        recipients=recipients,
        margins=margins,
        about=about,
    )


def cell_vote_fields(
    dossier: PersonDossier, ctx: PrintContext, vote: DossierEvent | None
) -> dict[str, Any]:
    """The fields a chi bộ resolution takes from the print dialog and the recorded vote."""
    return dict(
        superior_body=ctx.superior_of_cell or ctx.committee_name,
        cell_name=ctx.cell_name or dossier.cell_name,
        number=ctx.number,
        place=ctx.place,
        issued_on=ctx.on,
        meeting_on=vote.on if vote else None,
        official_members=vote.official_members if vote else None,
        probationary_members=int_input(ctx.text("probationary_members")),
        present_official=vote.present if vote else None,
        present_probationary=int_input(ctx.text("present_probationary")),
        absent_reasons=ctx.text("absent_reasons"),
        chair=ctx.text("chair"),
        secretary=ctx.text("secretary"),
        votes_for=vote.votes_for if vote else None,
        votes_against=vote.votes_against if vote else None,
        proposed_to=ctx.text("proposed_to") or ctx.committee_name,
        signer_name=ctx.cell_secretary,
        symbol=f"NQ/{ctx.cell_symbol}",
    )


def body(r: AdmissionResolution) -> list[Flowable]:
    """The body paragraphs of the resolution."""
    name = nfc(r.candidate_name)
    items: list[Flowable] = [
        para(
            f"{date_or_dots(r.meeting_on).capitalize()}, "
            f"{nfc(r.cell_name)} đã họp để xét, đề nghị kết nạp quần chúng "
            f"{name} vào Đảng Cộng sản Việt Nam."
        ),
        *attendance(r),
        para(
            f"Quần chúng {name}, sinh {date_or_dots(r.candidate_birth_date)}; "
            f"quê quán: {text_or_dots(r.candidate_hometown)}; "
            f"nghề nghiệp, nơi làm việc: {text_or_dots(r.candidate_workplace)}."
        ),
    ]
    return items + conclusions_and_vote(
        r,
        "đơn xin vào Đảng, lý lịch của người xin vào Đảng, giấy giới thiệu của đảng viên chính "
        "thức, nghị quyết giới thiệu của tổ chức đoàn thể, tổng hợp ý kiến nhận xét và kết quả "
        "thẩm tra lý lịch",
        "Về lý lịch, nhận thức chính trị, ưu điểm và khuyết điểm chính",
        r.conclusions,
        f"việc kết nạp quần chúng {name} vào Đảng",
        f"kết nạp quần chúng <b>{escape(name)}</b> vào Đảng Cộng sản Việt Nam.",
    )


def document(r: AdmissionResolution, margins: Margins | None = None) -> PartyDocument:
    return cell_document(FORM_CODE, SUBJECT, r, r.signer_name, r.candidate_name, margins)


LONG_BLANK = "…" * 60

INPUTS: tuple[FormInput, ...] = (
    FormInput("conclusions", "Kết luận về lý lịch, nhận thức, ưu, khuyết điểm", "Conclusions"),
    FormInput("chair", "Chủ trì hội nghị", "Meeting chair", multiline=False),
    FormInput("secretary", "Thư ký hội nghị", "Meeting secretary", multiline=False),
    FormInput(
        "probationary_members", "Số đảng viên dự bị của chi bộ", "Probationary members", False
    ),
    FormInput(
        "present_probationary", "Số đảng viên dự bị có mặt", "Probationary members present", False
    ),
    FormInput("absent_reasons", "Người vắng mặt và lý do", "Absentees and reasons"),
    FormInput("workplace", "Nghề nghiệp, nơi làm việc", "Occupation and workplace", False),
    FormInput("proposed_to", "Kính đề nghị (cấp ủy)", "Proposed to (committee)", False),
)


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> AdmissionResolution:
    """The 6-KNĐ of `dossier`: the CELL_VOTE event gives the meeting and the vote."""
    vote = dossier.last(EventKind.CELL_VOTE)
    return AdmissionResolution(
        **cell_vote_fields(dossier, ctx, vote),
        candidate_name=dossier.full_name,
        candidate_birth_date=dossier.birth_date,
        candidate_hometown=dossier.hometown,
        candidate_workplace=ctx.text("workplace") or dossier.occupation,
        conclusions=paragraphs(ctx.text("conclusions")),
    )


def render_dossier(dossier: PersonDossier, ctx: PrintContext, *, invariant: bool = False) -> bytes:
    """The 6-KNĐ of `dossier` with the context's margins."""
    return render(from_dossier(dossier, ctx), to_margins(ctx.margins), invariant=invariant)


def render(
    r: AdmissionResolution, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """The 6-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)


def write(r: AdmissionResolution, path: str | Path, margins: Margins | None = None) -> Path:
    """Write the 6-KNĐ to `path`."""
    target = Path(path)
    write_atomic(target, render(r, margins))
    return target
