"""Vietnamese text: NFC on the way in, diacritic-free folding for search, and name collation."""

from __future__ import annotations

import unicodedata

# Vietnamese alphabet order, with the Latin letters Vietnamese lacks (f, j, w, z) slotted in
# where a Latin reader expects them, so foreign names still sort sensibly.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Tone marks in dictionary order: level (none), grave, hook, tilde, acute, dot below.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def nfc(value: str) -> str:
    """Canonical composed form; every string entering dvdesk passes through here."""
    return unicodedata.normalize("NFC", value)


def clean(value: str | None) -> str:
    """NFC, with surrounding blanks dropped and inner runs of white space folded to one."""
    if value is None:
        return ""
    return " ".join(nfc(value).split())


def fold(value: str) -> str:
    """Lower case without diacritics: "Nguyễn Đặng" -> "nguyen dang"; used for search."""
    decomposed = unicodedata.normalize("NFD", value.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("đ", "d").split())


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given) of a Vietnamese full name written family-first."""
    words = clean(full_name).split(" ")
    if not words or words == [""]:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def _word_keys(word: str) -> tuple[str, str]:
    letters: list[str] = []
    tones: list[str] = []
    for cluster in _clusters(word.lower()):
        base = cluster[0]
        marks = cluster[1:]
        tone = 0
        kept = ""
        for mark in marks:
            if mark in _TONES:
                tone = _TONES[mark]
            else:
                kept += mark
        letter = unicodedata.normalize("NFC", base + kept)
        rank = _RANK.get(letter)
        if rank is not None:
            letters.append(chr(0x41 + rank))
        elif "0" <= letter <= "9":
            letters.append(letter)
        else:
            letters.append(chr(0x6F))  # anything else sorts after the alphabet
        tones.append(chr(0x30 + tone))
    return "".join(letters), "".join(tones)


def _clusters(word: str) -> list[str]:
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch) and out:
            out[-1] += ch
        else:
            out.append(ch)
    return out


def name_sort_key(full_name: str) -> str:
    """A string key that orders names the Vietnamese way: given name, then middle, then family,
    letters in Vietnamese alphabet order (a < ă < â ... d < đ), tones breaking ties.

    It is a plain ASCII string so the database can sort and page by it without Python.
    """
    family, middle, given = split_name(full_name)
    given_key, middle_key, family_key = (
        [_word_keys(w) for w in part.split(" ") if w] for part in (given, middle, family)
    )
    # Separators sort below every letter and digit, and below each other in this order: end of
    # the letters < between name parts < between the words of one part. So "An" (no family name)
    # comes before "Lê An", "Nguyễn An" (no middle name) before "Lê Văn An", "An" before "Anh".
    end, part, word = "\x20", "\x21", "\x22"

    def joined(index: int) -> str:
        return part.join(
            word.join(k[index] for k in keys) for keys in (given_key, middle_key, family_key)
        )

    return joined(0) + end + joined(1)


def search_key(*values: str | None) -> str:
    """The folded text a record is found by (name, code, CCCD...)."""
    return " ".join(fold(v) for v in values if v)
