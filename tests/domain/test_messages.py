"""Messages without Qt: every code in both languages, filled from params, NFC."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from dvdesk.domain import messages
from dvdesk.domain.calendar import WorkCalendar
from dvdesk.domain.deadlines import DeadlineKind, OverdueCode
from dvdesk.domain.facts import CandidateFacts, Certificate, Event, Introducer, MemberStatus
from dvdesk.domain.findings import Finding, Severity
from dvdesk.domain.messages import deadline_label, finding_message, stage_label
from dvdesk.domain.pipeline import EventKind, Stage
from dvdesk.domain.rules import ALL_CODES, Code, check, check_admission, check_recognition


def is_nfc(text: str) -> bool:
    return unicodedata.normalize("NFC", text) == text


def test_every_code_has_a_vietnamese_and_an_english_template() -> None:
    keys = messages.template_keys()
    assert {c.value for c in Code} | {c.value for c in OverdueCode} == set(ALL_CODES)
    for code in ALL_CODES:
        own = [k for k in keys if k == code or k.startswith(code + ".")]
        assert own, code
        for key in own:
            vi, en = messages._TEMPLATES[key]
            assert vi and en and vi != en, key


def test_every_template_key_belongs_to_a_code() -> None:
    assert {k.split(".")[0] for k in messages.template_keys()} <= set(ALL_CODES)


def test_all_vietnamese_strings_are_nfc() -> None:
    texts = [t for pair in messages._TEMPLATES.values() for t in pair]
    texts += [stage_label(s, lang) for s in Stage for lang in ("vi", "en")]
    texts += [deadline_label(k, lang) for k in DeadlineKind for lang in ("vi", "en")]
    assert all(is_nfc(t) for t in texts)
    # And they really are Vietnamese: diacritics present.
    assert "Đảng" in stage_label(Stage.PROBATION)


def test_age_message_exact() -> None:
    finding = Finding(
        "AGE_UNDER_18",
        Severity.ERROR,
        "",
        {
            "vote_on": "2026-01-14",
            "hypothetical": False,
            "age_months": 215,
            "age_years": 17,
            "age_rest_months": 11,
            "min_age_months": 216,
            "eligible_on": "2026-01-15",
        },
    )
    assert finding_message(finding) == (
        "Chưa đủ 18 tuổi (tính theo tháng) tại ngày chi bộ xét kết nạp 14/01/2026: mới 17 tuổi "
        "11 tháng; đủ 18 tuổi vào ngày 15/01/2026."
    )
    assert finding_message(finding, "en") == (
        "Under 18 (counted in months) at the Party cell's vote of 14 Jan 2026: aged 17 years "
        "11 months; turns 18 on 15 Jan 2026."
    )
    hypothetical = Finding(
        finding.code, finding.severity, "", {**finding.params, "hypothetical": True}
    )
    assert "tính đến ngày 14/01/2026" in finding_message(hypothetical)


def test_language_codes() -> None:
    assert stage_label(Stage.OFFICIAL, "en_US") == "Full member"
    assert stage_label(Stage.OFFICIAL, "en-GB") == "Full member"
    assert stage_label(Stage.OFFICIAL) == "Đảng viên chính thức"
    assert stage_label(Stage.OFFICIAL, "fr") == "Đảng viên chính thức"  # default


def test_unknown_code_and_missing_params_do_not_fail() -> None:
    assert finding_message(Finding("NO_SUCH_CODE", Severity.WARNING, "")) == "NO_SUCH_CODE"
    text = finding_message(Finding("CERTIFICATE_EXPIRED", Severity.ERROR, ""))
    assert "?" in text


def _every_finding() -> list[Finding]:
    """Findings made by the rules themselves, covering every code and variant they use."""
    vote = date(2026, 1, 15)
    weak = Introducer("Trần Văn Bình", MemberStatus.PROBATIONARY, None, None, date(2024, 1, 1))
    bad = CandidateFacts(
        birth_date=date(2008, 6, 1),
        education_grade=None,
        certificates=(Certificate("awareness", date(2020, 1, 1)),),
        introducers=(weak,),
        events=(
            Event(EventKind.APPLICATION, date(2024, 1, 1)),
            Event(EventKind.MASS_ORG_RESOLUTION, date(2024, 1, 1)),
            Event(EventKind.OPINIONS, date(2024, 1, 1)),
            Event(EventKind.CELL_VOTE, vote, votes_for=1, official_members=9),
            Event(EventKind.CEREMONY, date(2026, 3, 1)),
            Event(EventKind.RECOGNITION_VOTE, date(2026, 4, 1)),
        ),
    )
    findings = check_admission(bad) + check_recognition(bad)
    old = CandidateFacts(birth_date=date(1950, 1, 1), education_grade=5, events=())
    findings += check_admission(old, vote)
    findings += check_admission(CandidateFacts(birth_date=None, education_grade=9))
    youth = CandidateFacts(
        birth_date=None,
        education_grade=9,
        youth_union_member=True,
        events=(Event(EventKind.MASS_ORG_RESOLUTION, date(2025, 1, 1)),),
    )
    findings += check_admission(youth)
    known = Introducer("Ngô Thị Lan", MemberStatus.OFFICIAL, date(2010, 1, 1), date(2025, 6, 1))
    findings += check_admission(CandidateFacts(None, 9, introducers=(known, known)), vote)
    lapsing = CandidateFacts(
        birth_date=date(2000, 1, 1),
        education_grade=12,
        certificates=(Certificate("awareness", date(2021, 12, 1)),),
        events=(Event(EventKind.CEREMONY, date(2025, 9, 15)),),
    )
    findings += [
        f
        for f in check(lapsing, date(2026, 8, 1), WorkCalendar())
        if f.code in ("CERTIFICATE_EXPIRING", "NEW_MEMBER_CLASS_MISSING")
    ]
    for code in OverdueCode:
        findings.append(
            Finding(
                code.value,
                Severity.WARNING,
                "",
                {
                    "start": "2026-01-15",
                    "due": "2026-04-16",
                    "working_days": 60,
                    "days_overdue": 3,
                    "working_days_overdue": 1,
                },
            )
        )
    return findings


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_messages_from_real_findings_are_complete(lang: str) -> None:
    for finding in _every_finding():
        text = finding_message(finding, lang)
        assert "?" not in text and "{" not in text, (finding, text)
        assert is_nfc(text)
        assert text.endswith(".")
        if lang == "vi":
            assert "2026-" not in text  # dates written dd/mm/yyyy


def test_real_findings_cover_every_code() -> None:
    made = {f.code for f in _every_finding()}
    missing = set(ALL_CODES) - made
    assert missing == set(), missing


def test_dossier_variants_name_the_paper() -> None:
    texts = [finding_message(f) for f in _every_finding() if f.code == "DOSSIER_STALE"]
    assert any(t.startswith("Đơn xin vào Đảng") for t in texts)
    assert any(t.startswith("Nghị quyết giới thiệu") for t in texts)
    assert any(t.startswith("Bản tổng hợp ý kiến") for t in texts)
    assert any("Trần Văn Bình" in t for t in texts)


def test_deadline_and_stage_labels_cover_every_member() -> None:
    for kind in DeadlineKind:
        assert deadline_label(kind) and deadline_label(kind, "en")
    for stage in Stage:
        assert stage_label(stage) != stage_label(stage, "en")
