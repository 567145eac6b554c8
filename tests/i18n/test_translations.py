"""The translations are complete, say the same things as the source, and the .qm files the
program loads are exactly what lrelease makes of the .ts files."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


tool = _tool()
CATALOGUES = {c.lang: c for c in tool.CATALOGUES}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%n")


def _messages(ts: Path) -> list[tuple[str, str, list[str]]]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [n.text or "" for n in translation.iter("numerusform")]
            out.append((name, message.findtext("source", ""), forms or [translation.text or ""]))
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_entry_is_finished(lang: str) -> None:
    assert tool.unfinished(CATALOGUES[lang].ts) == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_qm_is_compiled_from_the_ts(lang: str, tmp_path: Path) -> None:
    catalogue = CATALOGUES[lang]
    fresh = tmp_path / catalogue.qm.name
    tool.lrelease(catalogue.ts, fresh)
    assert catalogue.qm.read_bytes() == fresh.read_bytes(), (
        "run `uv run python tools/update_translations.py`"
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_string_in_the_code_is_in_the_ts(lang: str, tmp_path: Path) -> None:
    catalogue = CATALOGUES[lang]
    copy = tmp_path / catalogue.ts.name
    shutil.copy(catalogue.ts, copy)
    tool.lupdate(catalogue, copy)
    assert tool.unfinished(copy) == [], "new strings: translate them in translations/*.ts"
    assert len(_messages(copy)) == len(_messages(catalogue.ts)), "strings gone from the code"


def test_vietnamese_is_nfc_and_keeps_placeholders_and_mnemonics() -> None:
    for context, source, forms in _messages(CATALOGUES["vi"].ts):
        assert len(forms) == 1, f"{context}: {source!r}: Vietnamese has one plural form"
        text = forms[0]
        assert unicodedata.is_normalized("NFC", text), f"{context}: {source!r}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (
            f"{context}: {source!r} -> {text!r}"
        )
        assert ("&" in text) == ("&" in source), f"{context}: {source!r} -> {text!r}"


def test_english_plurals_have_singular_and_plural() -> None:
    for context, source, forms in _messages(CATALOGUES["en"].ts):
        assert len(forms) == 2 and all("%n" in f for f in forms), f"{context}: {source!r}"
