"""Field validators shared by the spreadsheet import and the entry forms.

Each parser takes the text a person typed and returns the value dvdesk stores, or raises
`FieldError` carrying a stable code and the values its message needs. Checks that look at
several fields at once (the order of the pipeline dates, vote counts) return a list of
`Problem`s instead, one per thing wrong. Messages come from the small catalogue below, in
Vietnamese and English; the code is what tests, the UI and the JSON output rely on.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from dvdesk.domain.dates import format_date, parse_date
from dvdesk.domain.text import clean, fold

# --- field keys -----------------------------------------------------------------------------
# Dates are named by the pipeline event they stand for (EventKind values) where there is one.

BIRTH = "birth_date"
YOUTH_UNION = "youth_union_date"
SYMPATHISER = "sympathiser_listed"
CERTIFICATE = "certificate"
CELL_VOTE = "cell_vote"
DECISION = "decision"
DECISION_RECEIVED = "decision_received"
CEREMONY = "ceremony"
RECOGNITION_VOTE = "recognition_vote"
RECOGNITION_DECISION = "recognition_decision"
PARTY_JOINED = "party_joined"  # a member's admission date (Ngày vào Đảng)
PARTY_OFFICIAL = "party_official"  # a member's official date (Ngày chính thức)
JOINED_CELL = "joined_cell"
OFFICIAL_MEMBERS = "official_members"
VOTES_FOR = "votes_for"

# The acts of admission and recognition in the only order they can happen (same day allowed).
PIPELINE_ORDER: tuple[str, ...] = (
    CERTIFICATE,
    CELL_VOTE,
    DECISION,
    DECISION_RECEIVED,
    CEREMONY,
    RECOGNITION_VOTE,
    RECOGNITION_DECISION,
)
MEMBER_ORDER: tuple[str, ...] = (PARTY_JOINED, PARTY_OFFICIAL)
# Acts outside the chain that must still come no later than a point of it: a person is on the
# sympathiser list before the chi bộ votes on them.
NOT_AFTER: dict[str, str] = {SYMPATHISER: CELL_VOTE}

FIELD_LABELS: dict[str, tuple[str, str]] = {
    BIRTH: ("Ngày sinh", "date of birth"),
    YOUTH_UNION: ("Ngày vào Đoàn", "date of joining the Youth Union"),
    SYMPATHISER: ("Ngày vào danh sách cảm tình Đảng", "date entered on the sympathiser list"),
    CERTIFICATE: (
        "Ngày cấp giấy chứng nhận lớp nhận thức về Đảng",
        "date of the awareness-class certificate",
    ),
    CELL_VOTE: ("Ngày chi bộ họp xét kết nạp", "date of the chi bộ admission vote"),
    DECISION: ("Ngày ra quyết định kết nạp", "date of the admission decision"),
    DECISION_RECEIVED: ("Ngày nhận quyết định kết nạp", "date the decision was received"),
    CEREMONY: ("Ngày lễ kết nạp", "date of the admission ceremony"),
    RECOGNITION_VOTE: (
        "Ngày chi bộ họp xét công nhận chính thức",
        "date of the chi bộ recognition vote",
    ),
    RECOGNITION_DECISION: (
        "Ngày quyết định công nhận chính thức",
        "date of the recognition decision",
    ),
    PARTY_JOINED: ("Ngày vào Đảng", "date of joining the Party"),
    PARTY_OFFICIAL: ("Ngày chính thức", "date of becoming an official member"),
    JOINED_CELL: ("Ngày về sinh hoạt tại chi bộ", "date of joining the chi bộ"),
    OFFICIAL_MEMBERS: ("Số đảng viên chính thức của chi bộ", "official members of the chi bộ"),
    VOTES_FOR: ("Số đảng viên tán thành kết nạp", "members voting for admission"),
}

# --- messages -------------------------------------------------------------------------------

Catalogue = Mapping[str, tuple[str, str]]

MESSAGES: dict[str, tuple[str, str]] = {
    "REQUIRED": ("Thiếu {field}.", "{field} is missing."),
    "CCCD_INVALID": (
        "Số CCCD phải gồm đúng 12 chữ số (đang ghi «{value}»).",
        "A CCCD number is exactly 12 digits (got {value!r}).",
    ),
    "YES_NO_INVALID": (
        "Ghi Có hoặc Không (đang ghi «{value}»).",
        "Write Có (yes) or Không (no) (got {value!r}).",
    ),
    "SEX_INVALID": (
        "Giới tính ghi Nam hoặc Nữ (đang ghi «{value}»).",
        "Sex is Nam (male) or Nữ (female) (got {value!r}).",
    ),
    "EDUCATION_INVALID": (
        "Trình độ giáo dục phổ thông «{value}» không hợp lệ: ghi dạng 12/12 hoặc 9/12.",
        "General education {value!r} is not valid: write it like 12/12 or 9/12.",
    ),
    "DATE_INVALID": (
        "«{value}» không phải là ngày: ghi theo dạng dd/mm/yyyy.",
        "{value!r} is not a date: write dd/mm/yyyy.",
    ),
    "DATE_IMPOSSIBLE": ("Không có ngày «{value}».", "There is no such day as {value!r}."),
    "DATE_OUT_OF_RANGE": (
        "Ngày «{value}» có năm ngoài khoảng 1900–2100.",
        "The year of {value!r} is outside 1900–2100.",
    ),
    "DATE_ORDER": (
        "{field} ({date}) không thể trước {other} ({other_date}).",
        "The {field} ({date}) cannot be before the {other} ({other_date}).",
    ),
    "DATE_NOT_AFTER_BIRTH": (
        "{field} ({date}) phải sau ngày sinh ({other_date}).",
        "The {field} ({date}) must be after the date of birth ({other_date}).",
    ),
    "COUNT_INVALID": (
        "«{value}» không phải là một số nguyên không âm.",
        "{value!r} is not a whole number of zero or more.",
    ),
    "COUNT_TOO_SMALL": (
        "{field} phải từ {minimum} trở lên (đang ghi {value}).",
        "The {field} must be at least {minimum} (got {value}).",
    ),
    "VOTES_EXCEED_MEMBERS": (
        "Số đảng viên tán thành ({votes_for}) lớn hơn số đảng viên chính thức của chi bộ "
        "({official_members}).",
        "More members voted for ({votes_for}) than the chi bộ has official members "
        "({official_members}).",
    ),
}

_FIELD_PARAMS = ("field", "other")


def render(catalogue: Catalogue, code: str, params: Mapping[str, object], lang: str) -> str:
    """The message for `code` in `lang` ("vi" or "en"), with field keys turned into labels and
    dates written dd/mm/yyyy. An unknown code renders as itself, never raises."""
    pair = catalogue.get(code)
    if pair is None:
        return code
    values: dict[str, object] = {}
    for key, value in params.items():
        if key in _FIELD_PARAMS and isinstance(value, str):
            value = label(value, lang)
        elif isinstance(value, date):
            value = format_date(value)
        values[key] = value
    template = pair[0] if lang == "vi" else pair[1]
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def label(key: str, lang: str) -> str:
    pair = FIELD_LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "vi" else pair[1]


@dataclass(frozen=True)
class Problem:
    """Something wrong with one field: the code, the values its message needs, the field."""

    code: str
    params: dict[str, object] = field(default_factory=dict)
    key: str = ""  # the field it is about (one of the keys above), when there is one

    def message(self, lang: str = "vi") -> str:
        return render(MESSAGES, self.code, self.params, lang)


class FieldError(ValueError):
    """A value that cannot be accepted; `problem` says why."""

    def __init__(self, code: str, **params: object) -> None:
        self.problem = Problem(code, dict(params))
        super().__init__(self.problem.message("en"))

    @property
    def code(self) -> str:
        return self.problem.code

    def message(self, lang: str = "vi") -> str:
        return self.problem.message(lang)


# --- single fields --------------------------------------------------------------------------

_CCCD = re.compile(r"[0-9]{12}")


def is_cccd(text: str) -> bool:
    return _CCCD.fullmatch(clean(text)) is not None


def parse_cccd(text: str) -> str | None:
    """A citizen ID number: exactly 12 ASCII digits. Blank is None (not given)."""
    value = clean(text)
    if not value:
        return None
    if _CCCD.fullmatch(value) is None:
        raise FieldError("CCCD_INVALID", value=value)
    return value


_YES = frozenset({"co", "x", "yes", "y", "1", "true", "dung"})
_NO = frozenset({"khong", "no", "n", "0", "false", "sai"})


def parse_yes_no(text: str) -> bool | None:
    """Có/Không, also x, yes/no, 1/0, true/false, in any case, with or without diacritics.
    Blank is None (not given)."""
    value = clean(text)
    if not value:
        return None
    key = fold(value)
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise FieldError("YES_NO_INVALID", value=value)


_MALE = frozenset({"nam", "male", "m"})
_FEMALE = frozenset({"nu", "female", "f"})


def parse_sex(text: str) -> str | None:
    """Nam/Nữ (also male/female, M/F) as stored: "nam" or "nu". Blank is None."""
    value = clean(text)
    if not value:
        return None
    key = fold(value)
    if key in _MALE:
        return "nam"
    if key in _FEMALE:
        return "nu"
    raise FieldError("SEX_INVALID", value=value)


_EDUCATION = re.compile(r"(\d{1,2})(?:\s*/\s*(\d{1,2}))?")


def parse_education(text: str) -> int | None:
    """Years of general education completed, from "12/12", "9/12" or "12".

    "n/10" is the old ten-year system (before 1989 in the North): its grades 5–10 match grades
    7–12 of today's twelve-year system (7/10 finished lower secondary, like 9/12); grades 1–4
    are kept as they are. Blank is None; anything else is refused.
    """
    value = clean(text)
    if not value:
        return None
    match = _EDUCATION.fullmatch(value)
    if match is None:
        raise FieldError("EDUCATION_INVALID", value=value)
    grade = int(match.group(1))
    system = int(match.group(2)) if match.group(2) else 12
    if system not in (10, 12) or not 0 <= grade <= system:
        raise FieldError("EDUCATION_INVALID", value=value)
    if system == 10 and grade >= 5:
        grade += 2
    return grade


_DATE_SHAPE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
MIN_YEAR = 1900
MAX_YEAR = 2100


def parse_day(text: str) -> date | None:
    """A date written dd/mm/yyyy (or yyyy-mm-dd). Blank is None."""
    value = clean(text)
    if not value:
        return None
    try:
        day = parse_date(value)
    except ValueError:
        code = "DATE_IMPOSSIBLE" if _DATE_SHAPE.fullmatch(value) else "DATE_INVALID"
        raise FieldError(code, value=value) from None
    return check_day(day, value)


def check_day(day: date, shown: str = "") -> date:
    """A date from a date cell or a form's date picker: only the year range is checked."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise FieldError("DATE_OUT_OF_RANGE", value=shown or format_date(day))
    return day


_COUNT = re.compile(r"[0-9]+")


def parse_count(text: str, minimum: int = 0, key: str = "") -> int | None:
    """A whole number of people, at least `minimum`. Blank is None."""
    value = clean(text)
    if not value:
        return None
    if _COUNT.fullmatch(value) is None:
        raise FieldError("COUNT_INVALID", value=value)
    number = int(value)
    if number < minimum:
        raise FieldError("COUNT_TOO_SMALL", field=key, minimum=minimum, value=number)
    return number


# --- several fields -------------------------------------------------------------------------


def check_date_order(dates: Mapping[str, date | None]) -> list[Problem]:
    """What is impossible about the order of these dates, keyed by the field keys above.

    Birth comes strictly before every other date. Along PIPELINE_ORDER (and MEMBER_ORDER) each
    date is compared with the latest date of the steps before it, and a problem is put on the
    later field. A sympathiser-list date may not fall after the first dated step from the chi
    bộ vote on. Missing dates are skipped.
    """
    problems: list[Problem] = []
    birth = dates.get(BIRTH)
    if birth is not None:
        for key, value in dates.items():
            if key != BIRTH and value is not None and value <= birth:
                problems.append(
                    Problem(
                        "DATE_NOT_AFTER_BIRTH",
                        {"field": key, "date": value, "other_date": birth},
                        key,
                    )
                )
    for chain in (PIPELINE_ORDER, MEMBER_ORDER):
        problems.extend(_chain_problems(chain, dates))
    for key, limit in NOT_AFTER.items():
        value = dates.get(key)
        if value is None:
            continue
        chain = PIPELINE_ORDER[PIPELINE_ORDER.index(limit) :]
        later = next(((k, dates[k]) for k in chain if dates.get(k) is not None), None)
        if later is not None and later[1] is not None and later[1] < value:
            problems.append(
                Problem(
                    "DATE_ORDER",
                    {"field": later[0], "date": later[1], "other": key, "other_date": value},
                    later[0],
                )
            )
    return problems


def _chain_problems(chain: Sequence[str], dates: Mapping[str, date | None]) -> list[Problem]:
    problems: list[Problem] = []
    previous: tuple[str, date] | None = None
    for key in chain:
        value = dates.get(key)
        if value is None:
            continue
        if previous is not None and value < previous[1]:
            problems.append(
                Problem(
                    "DATE_ORDER",
                    {"field": key, "date": value, "other": previous[0], "other_date": previous[1]},
                    key,
                )
            )
        else:
            previous = (key, value)
    return problems


def check_votes(official_members: int | None, votes_for: int | None) -> list[Problem]:
    """Votes for cannot exceed the official members of the chi bộ."""
    if official_members is None or votes_for is None or votes_for <= official_members:
        return []
    return [
        Problem(
            "VOTES_EXCEED_MEMBERS",
            {"votes_for": votes_for, "official_members": official_members},
            VOTES_FOR,
        )
    ]
