"""Field validators: what passes, what is refused with which code, and the messages."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Literal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dvdesk.domain import validation as v
from dvdesk.domain.validation import FieldError


def code_of(fn: Callable[..., object], *args: object) -> str:
    with pytest.raises(FieldError) as info:
        fn(*args)
    return str(info.value.code)


# --- CCCD -------------------------------------------------------------------------------------


def test_cccd() -> None:
    assert v.parse_cccd(" 001300012345 ") == "001300012345"
    assert v.parse_cccd("") is None
    assert v.parse_cccd("   ") is None
    for bad in ("00130001234", "0013000123456", "00130001234a", "001 300 012 345", "١٢٣٤٥٦٧٨٩٠١٢"):
        assert code_of(v.parse_cccd, bad) == "CCCD_INVALID"


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.sampled_from(["", " ", "\t"]))
def test_any_twelve_digits_pass(digits: str, pad: str) -> None:
    assert v.parse_cccd(pad + digits + pad) == digits
    assert v.is_cccd(digits)


@given(st.text(min_size=1))
def test_anything_else_fails(text: str) -> None:
    stripped = " ".join(text.split())
    if re.fullmatch(r"[0-9]{12}", stripped) or not stripped:
        return
    assert code_of(v.parse_cccd, text) == "CCCD_INVALID"
    assert not v.is_cccd(text)


# --- yes / no, sex ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Có", True),
        ("có", True),
        ("CÓ", True),
        ("co", True),
        ("x", True),
        ("X", True),
        ("yes", True),
        ("Y", True),
        ("1", True),
        ("Không", False),
        ("KHÔNG", False),
        ("khong", False),
        ("no", False),
        ("0", False),
        ("", None),
    ],
)
def test_yes_no(text: str, expected: bool | None) -> None:
    assert v.parse_yes_no(text) is expected


@given(
    st.sampled_from(["Có", "Không"]),
    st.sampled_from(["NFC", "NFD"]),
    st.sampled_from([str.lower, str.upper, str.title]),
)
def test_yes_no_any_form(
    word: str, form: Literal["NFC", "NFD"], case: Callable[[str], str]
) -> None:
    text = unicodedata.normalize(form, case(word))
    assert v.parse_yes_no(text) is (word == "Có")


def test_yes_no_refuses_other_words() -> None:
    assert code_of(v.parse_yes_no, "có lẽ") == "YES_NO_INVALID"
    assert code_of(v.parse_yes_no, "2") == "YES_NO_INVALID"


def test_sex() -> None:
    assert v.parse_sex("Nam") == "nam"
    assert v.parse_sex(unicodedata.normalize("NFD", "NỮ")) == "nu"
    assert v.parse_sex(" ") is None
    assert code_of(v.parse_sex, "khác") == "SEX_INVALID"


# --- education ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("12/12", 12),
        ("9/12", 9),
        (" 9 / 12 ", 9),
        ("12", 12),
        ("0", 0),
        ("7/10", 9),
        ("10/10", 12),
        ("4/10", 4),
        ("", None),
    ],
)
def test_education(text: str, grade: int | None) -> None:
    assert v.parse_education(text) == grade


@pytest.mark.parametrize("text", ["13/12", "12/9", "13", "abc", "12/12/2020", "-1", "9/12a", "/12"])
def test_education_refuses_nonsense(text: str) -> None:
    assert code_of(v.parse_education, text) == "EDUCATION_INVALID"


@given(st.integers(min_value=0, max_value=12))
def test_education_n_of_12(n: int) -> None:
    assert v.parse_education(f"{n}/12") == n
    assert v.parse_education(str(n)) == n


# --- dates, counts ----------------------------------------------------------------------------


def test_day() -> None:
    assert v.parse_day("04/03/2000") == date(2000, 3, 4)
    assert v.parse_day("4/3/2000") == date(2000, 3, 4)
    assert v.parse_day("2000-03-04") == date(2000, 3, 4)
    assert v.parse_day("") is None
    assert code_of(v.parse_day, "31/02/2024") == "DATE_IMPOSSIBLE"
    assert code_of(v.parse_day, "29/02/2023") == "DATE_IMPOSSIBLE"
    assert code_of(v.parse_day, "hôm qua") == "DATE_INVALID"
    assert code_of(v.parse_day, "04/03/00") == "DATE_IMPOSSIBLE"
    assert code_of(v.parse_day, "04/03/1800") == "DATE_OUT_OF_RANGE"
    assert code_of(v.check_day, date(2200, 1, 1)) == "DATE_OUT_OF_RANGE"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_day_round_trip(day: date) -> None:
    assert v.parse_day(day.strftime("%d/%m/%Y")) == day


def test_count() -> None:
    assert v.parse_count("15") == 15
    assert v.parse_count("0") == 0
    assert v.parse_count("") is None
    assert code_of(v.parse_count, "-1") == "COUNT_INVALID"
    assert code_of(v.parse_count, "1.5") == "COUNT_INVALID"
    assert code_of(v.parse_count, "mười") == "COUNT_INVALID"
    with pytest.raises(FieldError) as info:
        v.parse_count("0", 1, v.OFFICIAL_MEMBERS)
    assert info.value.code == "COUNT_TOO_SMALL"
    assert "Số đảng viên chính thức của chi bộ" in info.value.message("vi")


# --- several fields -----------------------------------------------------------------------------

PIPELINE_DAYS = {
    v.BIRTH: date(2000, 1, 1),
    v.SYMPATHISER: date(2023, 1, 10),
    v.CERTIFICATE: date(2023, 6, 15),
    v.CELL_VOTE: date(2024, 3, 12),
    v.DECISION: date(2024, 5, 20),
    v.DECISION_RECEIVED: date(2024, 5, 27),
    v.CEREMONY: date(2024, 6, 19),
    v.RECOGNITION_VOTE: date(2025, 7, 1),
    v.RECOGNITION_DECISION: date(2025, 8, 1),
}


def test_pipeline_in_order_is_fine() -> None:
    assert v.check_date_order(PIPELINE_DAYS) == []
    same_day = dict.fromkeys(v.PIPELINE_ORDER, date(2024, 1, 1))
    assert v.check_date_order({**same_day, v.SYMPATHISER: date(2024, 1, 1)}) == []
    assert v.check_date_order({}) == []


def test_ceremony_before_decision() -> None:
    days = {**PIPELINE_DAYS, v.DECISION_RECEIVED: None, v.CEREMONY: date(2024, 5, 1)}
    problems = v.check_date_order(days)
    assert [(p.code, p.key) for p in problems] == [("DATE_ORDER", v.CEREMONY)]
    assert problems[0].params["other"] == v.DECISION
    assert problems[0].message("vi") == (
        "Ngày lễ kết nạp (01/05/2024) không thể trước Ngày ra quyết định kết nạp (20/05/2024)."
    )
    assert "admission ceremony" in problems[0].message("en")


def test_birth_comes_first() -> None:
    problems = v.check_date_order({v.BIRTH: date(2000, 1, 1), v.CELL_VOTE: date(2000, 1, 1)})
    assert [(p.code, p.key) for p in problems] == [("DATE_NOT_AFTER_BIRTH", v.CELL_VOTE)]


def test_sympathiser_list_before_the_vote() -> None:
    problems = v.check_date_order({v.SYMPATHISER: date(2024, 4, 1), v.CELL_VOTE: date(2024, 3, 1)})
    assert [(p.code, p.key) for p in problems] == [("DATE_ORDER", v.CELL_VOTE)]
    # Before the certificate is fine: the class may come after the listing or before it.
    assert (
        v.check_date_order({v.SYMPATHISER: date(2024, 4, 1), v.CERTIFICATE: date(2024, 3, 1)}) == []
    )


def test_member_dates() -> None:
    problems = v.check_date_order(
        {v.PARTY_JOINED: date(2010, 1, 1), v.PARTY_OFFICIAL: date(2009, 1, 1)}
    )
    assert [(p.code, p.key) for p in problems] == [("DATE_ORDER", v.PARTY_OFFICIAL)]


@given(
    st.lists(
        st.dates(min_value=date(2001, 1, 1)),
        min_size=len(v.PIPELINE_ORDER),
        max_size=len(v.PIPELINE_ORDER),
    )
)
def test_order_check_agrees_with_sorting(days: list[date]) -> None:
    dated = dict(zip(v.PIPELINE_ORDER, days, strict=True))
    in_order = days == sorted(days)
    assert (v.check_date_order(dated) == []) == in_order
    assert v.check_date_order(dict(zip(v.PIPELINE_ORDER, sorted(days), strict=True))) == []


def test_votes() -> None:
    assert v.check_votes(15, 15) == []
    assert v.check_votes(None, 3) == []
    problems = v.check_votes(10, 11)
    assert [p.code for p in problems] == ["VOTES_EXCEED_MEMBERS"]
    assert "11" in problems[0].message("vi") and "10" in problems[0].message("en")


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=0, max_value=500))
def test_votes_property(official: int, votes_for: int) -> None:
    assert (v.check_votes(official, votes_for) == []) == (votes_for <= official)


def test_every_message_renders_in_both_languages() -> None:
    params = {
        "value": "x",
        "field": v.CEREMONY,
        "other": v.DECISION,
        "date": date(2024, 1, 2),
        "other_date": date(2024, 1, 1),
        "minimum": 1,
        "votes_for": 3,
        "official_members": 2,
    }
    for code, (vi, en) in v.MESSAGES.items():
        assert vi and en
        for lang in ("vi", "en"):
            text = v.render(v.MESSAGES, code, params, lang)
            assert "{" not in text and unicodedata.is_normalized("NFC", text), (code, lang)
    assert v.render(v.MESSAGES, "NO_SUCH_CODE", {}, "vi") == "NO_SUCH_CODE"
