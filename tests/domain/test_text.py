from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from dvdesk.domain.text import clean, fold, name_sort_key, nfc, search_key, split_name


def test_fold_drops_diacritics_and_d_stroke() -> None:
    assert fold("Nguyễn Văn A") == "nguyen van a"
    assert fold("Đặng Thị Hương") == "dang thi huong"
    assert fold("  ĐỖ   ĐỨC ") == "do duc"


def test_fold_of_nfd_equals_fold_of_nfc() -> None:
    name = "Trần Thị Ngọc Ánh"
    assert fold(unicodedata.normalize("NFD", name)) == fold(name)


def test_clean_is_nfc_and_trims() -> None:
    nfd = unicodedata.normalize("NFD", "  Lê   Thị  Hồng ")
    assert clean(nfd) == "Lê Thị Hồng"
    assert unicodedata.is_normalized("NFC", clean(nfd))
    assert clean(None) == ""


def test_split_name_family_middle_given() -> None:
    assert split_name("Nguyễn Văn An") == ("Nguyễn", "Văn", "An")
    assert split_name("Tôn Nữ Thị Hoa") == ("Tôn", "Nữ Thị", "Hoa")
    assert split_name("Hoa") == ("", "", "Hoa")
    assert split_name("") == ("", "", "")


def _sorted(names: list[str]) -> list[str]:
    return sorted(names, key=name_sort_key)


def test_given_name_sorts_first_then_middle_then_family() -> None:
    names = ["Trần Văn Bình", "Nguyễn Văn An", "Lê Thị An", "Nguyễn Thị An"]
    # Given names first (An < Bình); among the Ans, middle (Thị < Văn), then family (Lê < Nguyễn).
    assert _sorted(names) == ["Lê Thị An", "Nguyễn Thị An", "Nguyễn Văn An", "Trần Văn Bình"]


def test_vietnamese_alphabet_order() -> None:
    # a < ă < â, d < đ, o < ô < ơ, u < ư: the Vietnamese alphabet, not code points.
    assert _sorted(["X Âu", "X Ấn", "X Anh", "X Ăn"]) == ["X Anh", "X Ăn", "X Ấn", "X Âu"]
    assert _sorted(["X Đào", "X Dung", "X Duy"]) == ["X Dung", "X Duy", "X Đào"]
    assert _sorted(["X Ơn", "X Ôn", "X On"]) == ["X On", "X Ôn", "X Ơn"]
    assert _sorted(["X Ưng", "X Uyên"]) == ["X Uyên", "X Ưng"]


def test_tones_break_ties_in_dictionary_order() -> None:
    # level, grave, hook, tilde, acute, dot below
    tones = ["X Ma", "X Mà", "X Mả", "X Mã", "X Má", "X Mạ"]
    assert _sorted(list(reversed(tones))) == tones


def test_prefix_sorts_before_longer_word() -> None:
    assert _sorted(["X Anh", "X An"]) == ["X An", "X Anh"]


def test_sort_key_is_ascii_so_sql_can_order_by_it() -> None:
    assert name_sort_key("Đặng Thị Ưng").isascii()


def test_search_key_joins_folded_fields() -> None:
    assert search_key("Đặng Văn Lâm", "CB01-7", None) == "dang van lam cb01-7"


@given(st.text())
def test_nfc_is_idempotent_and_sort_key_total(text: str) -> None:
    assert nfc(nfc(text)) == nfc(text)
    assert isinstance(name_sort_key(text), str)
    assert fold(fold(text)) == fold(text)


def test_missing_parts_sort_first() -> None:
    assert _sorted(["Lê An", "An"]) == ["An", "Lê An"]
    assert _sorted(["Lê Văn An", "Nguyễn An"]) == ["Nguyễn An", "Lê Văn An"]
    assert _sorted(["Lê Văn Minh An", "Trần Văn An"]) == ["Trần Văn An", "Lê Văn Minh An"]
