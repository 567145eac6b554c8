"""The catalogue of printed forms: codes and titles as data with a version.

The Central Organisation Commission's guidance has renumbered and retitled the forms over the
years (12-HD/BTCTW 2012 → 09-HD/BTCTW 2017 → 12-HD/BTCTW 2022; domain research §2), so a form
is looked up in the catalogue in force on the document's date, never by a constant.

Where the research is unsure of a code (14-, 15-, 16-KNĐ), the entry says so in `note` and the
code is only what the catalogue prints in the corner; the form's content does not depend on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class DocType(StrEnum):
    """Party document types and their abbreviations (Phụ lục of 36-HD/VPTW)."""

    RESOLUTION = "NQ"  # nghị quyết
    DECISION = "QĐ"  # quyết định
    PLAN = "KH"  # kế hoạch
    REPORT = "BC"  # báo cáo
    LETTER = "CV"  # công văn
    MINUTES = "BB"  # biên bản


class Issuer(StrEnum):
    """Whose document it is, which decides the register it is numbered in."""

    PERSON = "person"  # the applicant or a member writes it; no number
    MASS_ORG = "mass_org"  # the Youth Union or trade union numbers it in its own books
    CELL = "cell"  # the chi bộ (or chi ủy)
    COMMITTEE = "committee"  # the party committee above the chi bộ


class Subject(StrEnum):
    """What a form is printed for, and so what it is filled from."""

    PERSON = "person"
    CLASS = "class"
    REGISTER = "register"  # the probationary members' register of a unit


@dataclass(frozen=True)
class FormInput:
    """Free text the print dialog asks for (conclusions, assessments). Empty prints dots."""

    key: str
    label_vi: str
    label_en: str
    multiline: bool = True


@dataclass(frozen=True)
class FormSpec:
    code: str  # "6-KNĐ"
    title: str  # the Vietnamese title as the guidance names it
    title_en: str
    subject: Subject
    issuer: Issuer
    doc_type: DocType | None = None  # numbered in the register when the issuer is cell/committee
    note: str = ""  # how sure the research is of this code

    @property
    def numbered(self) -> bool:
        return self.doc_type is not None and self.issuer in (Issuer.CELL, Issuer.COMMITTEE)


@dataclass(frozen=True)
class FormCatalogue:
    name: str  # the guidance that set these forms
    effective: date
    forms: tuple[FormSpec, ...]

    def get(self, code: str) -> FormSpec | None:
        wanted = normalise_code(code)
        return next((f for f in self.forms if normalise_code(f.code) == wanted), None)


def normalise_code(code: str) -> str:
    """'6-knd', '6-KNĐ', ' 6 - KNĐ ' all name the same form."""
    text = "".join(code.split()).upper().replace("Đ", "D")
    return text


_P, _C, _R = Subject.PERSON, Subject.CLASS, Subject.REGISTER

_COMMON: tuple[FormSpec, ...] = (
    FormSpec(
        "CN-NTVĐ",
        "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng",
        "Awareness-class certificate",
        _C,
        Issuer.COMMITTEE,
    ),
    FormSpec(
        "DS-LOP",
        "Danh sách học viên lớp bồi dưỡng",
        "Class roster",
        _C,
        Issuer.COMMITTEE,
    ),
    FormSpec("1-KNĐ", "Đơn xin vào Đảng", "Application to join the Party", _P, Issuer.PERSON),
    FormSpec(
        "2-KNĐ",
        "Lý lịch của người xin vào Đảng",
        "Personal history of the applicant",
        _P,
        Issuer.PERSON,
    ),
    FormSpec(
        "3-KNĐ",
        "Giấy giới thiệu người vào Đảng",
        "Introducer's letter",
        _P,
        Issuer.PERSON,
    ),
    FormSpec(
        "4-KNĐ",
        "Nghị quyết giới thiệu đoàn viên ưu tú vào Đảng",
        "Youth Union resolution introducing the applicant",
        _P,
        Issuer.MASS_ORG,
    ),
    FormSpec(
        "5-KNĐ",
        "Tổng hợp ý kiến nhận xét của tổ chức đoàn thể chính trị - xã hội nơi làm việc "
        "và chi ủy (chi bộ) nơi cư trú đối với người xin vào Đảng",
        "Compiled opinions on the applicant",
        _P,
        Issuer.CELL,
    ),
    FormSpec(
        "6-KNĐ",
        "Nghị quyết đề nghị kết nạp đảng viên (của chi bộ)",
        "Chi bộ resolution proposing admission",
        _P,
        Issuer.CELL,
        DocType.RESOLUTION,
    ),
    FormSpec(
        "8-KNĐ",
        "Nghị quyết đề nghị kết nạp đảng viên (của đảng ủy cơ sở)",
        "Base committee resolution proposing admission",
        _P,
        Issuer.COMMITTEE,
        DocType.RESOLUTION,
    ),
    FormSpec(
        "9-KNĐ",
        "Quyết định kết nạp đảng viên",
        "Admission decision",
        _P,
        Issuer.COMMITTEE,
        DocType.DECISION,
    ),
    FormSpec(
        "10-KNĐ",
        "Bản tự kiểm điểm của đảng viên dự bị",
        "Probationary member's self-review",
        _P,
        Issuer.PERSON,
    ),
    FormSpec(
        "11-KNĐ",
        "Bản nhận xét đảng viên dự bị (của đảng viên chính thức được phân công giúp đỡ)",
        "Helper's review of the probationary member",
        _P,
        Issuer.PERSON,
    ),
    FormSpec(
        "12-KNĐ",
        "Tổng hợp ý kiến nhận xét của tổ chức đoàn thể nơi làm việc và chi ủy nơi cư trú "
        "đối với đảng viên dự bị",
        "Compiled opinions on the probationary member",
        _P,
        Issuer.CELL,
    ),
    FormSpec(
        "13-KNĐ",
        "Nghị quyết đề nghị công nhận đảng viên chính thức (của chi bộ)",
        "Chi bộ resolution proposing recognition",
        _P,
        Issuer.CELL,
        DocType.RESOLUTION,
    ),
    FormSpec(
        "15-KNĐ",
        "Nghị quyết đề nghị công nhận đảng viên chính thức (của đảng ủy cơ sở)",
        "Base committee resolution proposing recognition",
        _P,
        Issuer.COMMITTEE,
        DocType.RESOLUTION,
        note="(S): code from a 2017-era list",
    ),
    FormSpec(
        "16-KNĐ",
        "Quyết định công nhận đảng viên chính thức",
        "Recognition decision",
        _P,
        Issuer.COMMITTEE,
        DocType.DECISION,
        note="(U): code from a third-party list",
    ),
    FormSpec(
        "18-KNĐ",
        "Sổ đảng viên dự bị",
        "Register of probationary members",
        _R,
        Issuer.COMMITTEE,
    ),
    FormSpec(
        "20-KNĐ",
        "Công văn đề nghị thẩm tra lý lịch của người xin vào Đảng",
        "Letter requesting verification of personal history",
        _P,
        Issuer.COMMITTEE,
        DocType.LETTER,
    ),
)

# 09-HD/BTCTW (2017) split the opinions into sub-forms and had a chi đoàn variant of the Youth
# Union resolution (domain research §2); dvdesk lists them but prints only the compiled 5-KNĐ
# and 4-KNĐ, as the 2022 guidance does.
_ONLY_2017: tuple[FormSpec, ...] = (
    FormSpec(
        "4_1-KNĐ",
        "Nghị quyết giới thiệu đoàn viên ưu tú vào Đảng (của chi đoàn cơ sở)",
        "Chi đoàn resolution introducing the applicant",
        _P,
        Issuer.MASS_ORG,
        note="(S): 2017 list",
    ),
    FormSpec(
        "5B-KNĐ",
        "Ý kiến nhận xét của chi ủy (chi bộ) nơi cư trú đối với người xin vào Đảng",
        "Opinion of the chi bộ where the applicant lives",
        _P,
        Issuer.CELL,
        note="(S): 2017 list",
    ),
    FormSpec(
        "5C-KNĐ",
        "Ý kiến nhận xét của tổ chức đoàn thể chính trị - xã hội nơi làm việc đối với người "
        "xin vào Đảng",
        "Opinion of the mass organisation at the applicant's workplace",
        _P,
        Issuer.CELL,
        note="(S): 2017 list",
    ),
)

CATALOGUES: tuple[FormCatalogue, ...] = (
    FormCatalogue("09-HD/BTCTW", date(2017, 6, 5), _COMMON + _ONLY_2017),
    # 12-HD/BTCTW (18/01/2022) kept the codes dvdesk prints and dropped the 2017 sub-forms.
    FormCatalogue("12-HD/BTCTW", date(2022, 1, 18), _COMMON),
)


def catalogue_on(day: date) -> FormCatalogue:
    """The catalogue in force on `day` (the earliest one for days before all of them)."""
    in_force = [c for c in CATALOGUES if c.effective <= day]
    return in_force[-1] if in_force else CATALOGUES[0]


def form_on(code: str, day: date) -> FormSpec | None:
    return catalogue_on(day).get(code)
