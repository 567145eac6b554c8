"""Mẫu 20-KNĐ: Công văn đề nghị thẩm tra lý lịch của người xin vào Đảng.

A công văn ("Số 20-CV/ĐU", "V/v thẩm tra lý lịch người xin vào Đảng" in italics under the
number, "Kính gửi: …"): the committee asks the party committee where the applicant's relatives
live to verify the applicant and those relatives the rules name — natural parents (or the
person who raised the applicant), parents-in-law, spouse, children of full legal age
(01-HD/TW §3.4; domain research §1.3 step 5). Relatives who are party members are marked so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from dvdesk.domain.dossier import FamilyEntry, PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.reports.pdf_layout import (
    LONG_DOTS,
    Margins,
    PartyDocument,
    Signer,
    date_or_dots,
    form_document,
    nfc,
    number_line,
    para,
    text_or_dots,
    to_margins,
)

FORM_CODE = "20-KNĐ"
LETTER_SUBJECT = "V/v thẩm tra lý lịch người xin vào Đảng"
ADULT_AGE = 18

# First words of the relations that are verified; "con" only for adult children, and not
# children-in-law.
_PARENT_WORDS = ("cha", "bố", "mẹ", "má", "ba", "tía", "u")
_SPOUSE_WORDS = ("vợ", "chồng")


def needs_verification(member: FamilyEntry, on: date) -> bool:
    """Whether `member`'s relation is one the rules verify (as written in the 2-KNĐ)."""
    relation = nfc(member.relation).strip().lower()
    words = relation.split()
    if not words:
        return False
    if relation.startswith("người nuôi"):
        return True
    first = words[0]
    if first in _PARENT_WORDS or first in _SPOUSE_WORDS:
        return True
    if first == "con":
        if len(words) > 1 and words[1] in ("dâu", "rể", "nuôi"):
            return words[1] == "nuôi" and _adult(member, on)
        return _adult(member, on)
    return False


def _adult(member: FamilyEntry, on: date) -> bool:
    # Only the birth year is kept: unknown counts as adult (verify rather than skip).
    return member.birth_year is None or on.year - member.birth_year >= ADULT_AGE


@dataclass(frozen=True)
class Relative:
    relation: str
    full_name: str
    birth_year: int | None
    hometown: str
    residence: str
    occupation: str
    party_member: bool


@dataclass(frozen=True)
class VerificationLetter:
    """Everything printed on a 20-KNĐ."""

    superior_body: str
    committee_name: str
    number: int | None
    place: str
    issued_on: date
    addressee: str
    applicant_name: str
    applicant_birth_date: date | None
    applicant_hometown: str
    applicant_residence: str
    applicant_cell: str
    relatives: tuple[Relative, ...]
    contact: str  # "đồng chí …, Văn phòng Đảng ủy, điện thoại …"
    reply_by: str = ""  # "trước ngày 30/6/2026" (printed when given)
    signer_name: str = ""
    signer_authority: str = "T/M ĐẢNG ỦY"
    signer_position: str = "BÍ THƯ"
    symbol: str = "CV/ĐU"
    recipients: tuple[str, ...] = ()

    @property
    def number_line(self) -> str:
        return number_line(self.number, self.symbol)


def _relative_line(index: int, r: Relative) -> str:
    year = str(r.birth_year) if r.birth_year else "……"
    text = (
        f"{index}. {nfc(r.relation)}: {nfc(r.full_name)}, sinh năm {year}; quê quán: "
        f"{text_or_dots(r.hometown)}; nơi cư trú: {text_or_dots(r.residence)}; nghề nghiệp: "
        f"{text_or_dots(r.occupation)}"
    )
    if r.party_member:
        text += " (là đảng viên)"
    return text + "."


def body(r: VerificationLetter) -> list[Flowable]:
    committee = nfc(r.committee_name)
    name = nfc(r.applicant_name)
    items: list[Flowable] = [
        para(
            f"{committee} đang xem xét hồ sơ đề nghị kết nạp vào Đảng của quần chúng {name}, "
            f"sinh {date_or_dots(r.applicant_birth_date)}; quê quán: "
            f"{text_or_dots(r.applicant_hometown)}; nơi cư trú: "
            f"{text_or_dots(r.applicant_residence)}; hiện sinh hoạt tại "
            f"{text_or_dots(r.applicant_cell)}."
        ),
        para(
            f"Để có căn cứ xem xét kết nạp quần chúng {name} vào Đảng, {committee} đề nghị "
            f"{text_or_dots(r.addressee, LONG_DOTS)} thẩm tra, xác minh lý lịch của quần chúng "
            f"{name} và những người thân sau đây:"
        ),
    ]
    if r.relatives:
        items += [para(_relative_line(i, rel)) for i, rel in enumerate(r.relatives, start=1)]
    else:
        items += [para(f"1. {LONG_DOTS}{LONG_DOTS}"), para(f"2. {LONG_DOTS}{LONG_DOTS}")]
    items += [
        para(
            "Nội dung thẩm tra: lịch sử chính trị và chính trị hiện nay; việc chấp hành đường "
            "lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước; phẩm chất đạo đức, "
            "lối sống và các quy định nơi cư trú."
        ),
    ]
    reply = f" {nfc(r.reply_by.strip())}" if r.reply_by.strip() else ""
    items.append(para(f"Kết quả thẩm tra, xác minh đề nghị gửi về {committee}{reply}."))
    items.append(para(f"Người liên hệ: {text_or_dots(r.contact, LONG_DOTS)}."))
    items.append(para("Trân trọng cảm ơn sự phối hợp của các đồng chí./."))
    return items


def document(r: VerificationLetter, margins: Margins | None = None) -> PartyDocument:
    recipients = r.recipients or ("Như trên,", "Lưu Văn phòng Đảng ủy.")
    return form_document(
        FORM_CODE,
        "",
        "",
        issuing_body=r.committee_name,
        number=r.number_line,
        place=r.place,
        issued_on=r.issued_on,
        superior_body=r.superior_body,
        letter_subject=LETTER_SUBJECT,
        addressee=text_or_dots(r.addressee, LONG_DOTS),
        signer=Signer(
            name=text_or_dots(r.signer_name),
            position=r.signer_position,
            authority=r.signer_authority,
        ),
        recipients=recipients,
        margins=margins,
        title=f"{FORM_CODE} Công văn thẩm tra lý lịch: {nfc(r.applicant_name)}",
    )


def render(
    r: VerificationLetter, margins: Margins | None = None, *, invariant: bool = False
) -> bytes:
    """The 20-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)


INPUTS: tuple[FormInput, ...] = (
    FormInput("addressee", "Kính gửi (cấp ủy nơi thẩm tra)", "Addressee", False),
    FormInput("contact", "Người liên hệ, điện thoại", "Contact person and phone", False),
    FormInput("reply_by", "Thời hạn trả lời (ví dụ: trước ngày …)", "Reply by", False),
    FormInput("signer_position", "Chức vụ người ký (BÍ THƯ / PHÓ BÍ THƯ)", "Signer", False),
)


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> VerificationLetter:
    """The 20-KNĐ of `dossier`: the applicant and the relatives the rules name."""
    relatives = tuple(
        Relative(
            relation=f.relation,
            full_name=f.full_name,
            birth_year=f.birth_year,
            hometown=f.hometown,
            residence=f.residence,
            occupation=f.occupation,
            party_member=f.party_member,
        )
        for f in dossier.family
        if needs_verification(f, ctx.on)
    )
    return VerificationLetter(
        superior_body=ctx.superior_of_committee,
        committee_name=ctx.committee_name,
        number=ctx.number,
        place=ctx.place,
        issued_on=ctx.on,
        addressee=ctx.text("addressee"),
        applicant_name=dossier.full_name,
        applicant_birth_date=dossier.birth_date,
        applicant_hometown=dossier.hometown,
        applicant_residence=dossier.residence,
        applicant_cell=ctx.cell_name or dossier.cell_name,
        relatives=relatives,
        contact=ctx.text("contact"),
        reply_by=ctx.text("reply_by"),
        signer_name=ctx.committee_secretary,
        signer_position=ctx.text("signer_position") or "BÍ THƯ",
        symbol=f"CV/{ctx.committee_symbol}",
    )


def render_dossier(dossier: PersonDossier, ctx: PrintContext, *, invariant: bool = False) -> bytes:
    return render(from_dossier(dossier, ctx), to_margins(ctx.margins), invariant=invariant)
