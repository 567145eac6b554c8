"""Messages for places without Qt (command line, printed reports): findings, stages, deadlines.

Vietnamese is the default; English is the other language. Templates are filled from the
finding's params; dates (ISO strings in params) are written dd/mm/yyyy in Vietnamese and
"15 Jan 2026" in English. A template is chosen by "CODE.variant" when the finding has a
`variant` param and such a template exists, else by "CODE".
"""

from __future__ import annotations

from datetime import date

from dvdesk.domain.deadlines import DeadlineKind
from dvdesk.domain.findings import Finding
from dvdesk.domain.pipeline import EventKind, Stage
from dvdesk.domain.text import nfc

LANGUAGES = ("vi", "en")

# Params holding ISO dates.
_DATE_KEYS = frozenset(
    {
        "vote_on",
        "eligible_on",
        "limit_on",
        "issued_on",
        "expired_on",
        "official_on",
        "since",
        "enough_on",
        "paper_on",
        "valid_until",
        "probation_end",
        "start",
        "due",
    }
)

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_STALE_TAIL_VI = (
    " đã quá {valid_months} tháng{at} (chỉ có giá trị đến hết ngày {valid_until}); phải làm lại."
)
_STALE_TAIL_EN = (
    " is more than {valid_months} months old{at} (valid until {valid_until}); it must be redone."
)
_VOTE_VI = (
    "{votes_for}/{official_members} đảng viên chính thức tán thành, chưa đạt ít nhất hai phần ba "
    "tổng số đảng viên chính thức của chi bộ (cần ít nhất {required})."
)
_VOTE_EN = (
    "{votes_for} of {official_members} official members in favour, short of two thirds of all "
    "official members of the cell (at least {required} needed)."
)
_OVERDUE_TAIL_VI = "hạn cuối ngày {due}, đã quá {days_overdue} ngày"
_OVERDUE_TAIL_EN = "due by {due}; {days_overdue} days late"

# code or "code.variant" -> (vi, en)
_TEMPLATES: dict[str, tuple[str, str]] = {
    "AGE_UNDER_18": (
        "Chưa đủ {min_age_years} tuổi (tính theo tháng){at}: mới {age_years} tuổi "
        "{age_rest_months} tháng; đủ {min_age_years} tuổi vào ngày {eligible_on}.",
        "Under {min_age_years} (counted in months){at}: aged {age_years} years "
        "{age_rest_months} months; turns {min_age_years} on {eligible_on}.",
    ),
    "AGE_OVER_60": (
        "Đã quá {max_age_years} tuổi (tính theo tháng){at} (đủ {max_age_years} tuổi vào ngày "
        "{limit_on}); chỉ được xem xét kết nạp trong trường hợp đặc biệt do cấp ủy trực thuộc "
        "Trung ương quyết định.",
        "Over {max_age_years} (counted in months){at} (turned {max_age_years} on {limit_on}); "
        "admission only as a special case decided by the Party committee directly under the "
        "Central Committee.",
    ),
    "BIRTH_DATE_UNKNOWN": (
        "Chưa có ngày sinh nên chưa kiểm tra được điều kiện tuổi đời.",
        "Date of birth not recorded: the age rule cannot be checked.",
    ),
    "EDUCATION_BELOW_THCS": (
        "Trình độ học vấn lớp {grade}/12, chưa tốt nghiệp trung học cơ sở; chỉ được xem xét "
        "trong các trường hợp đặc biệt theo hướng dẫn của Trung ương.",
        "Education: grade {grade}/12, short of lower-secondary graduation; admission only in "
        "the special cases set by the central guidance.",
    ),
    "EDUCATION_UNKNOWN": (
        "Chưa có trình độ học vấn nên chưa kiểm tra được điều kiện tốt nghiệp trung học cơ sở.",
        "Education not recorded: the lower-secondary requirement cannot be checked.",
    ),
    "CERTIFICATE_MISSING": (
        "Chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng{at}.",
        "No certificate of the Party awareness class{at}.",
    ),
    "CERTIFICATE_EXPIRED": (
        "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng cấp ngày {issued_on} chỉ có giá "
        "trị {valid_months} tháng, đã hết giá trị từ ngày {expired_on}; phải học lại trước khi "
        "chi bộ xét kết nạp.",
        "The Party awareness class certificate issued on {issued_on} is valid for "
        "{valid_months} months and lapsed on {expired_on}; the class must be taken again "
        "before the Party cell votes.",
    ),
    "CERTIFICATE_EXPIRING": (
        "Giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng cấp ngày {issued_on} sẽ hết giá "
        "trị từ ngày {expired_on} ({valid_months} tháng); cần đưa ra chi bộ xét kết nạp trước "
        "ngày đó, nếu không phải học lại.",
        "The Party awareness class certificate issued on {issued_on} lapses on {expired_on} "
        "({valid_months} months); the Party cell must vote before then or the class must be "
        "taken again.",
    ),
    "NEW_MEMBER_CLASS_MISSING": (
        "Chưa có giấy chứng nhận lớp bồi dưỡng lý luận chính trị dành cho đảng viên mới, trong "
        "khi thời gian dự bị kết thúc ngày {limit_on}; giấy này cần có trong hồ sơ xét công nhận "
        "đảng viên chính thức.",
        "No certificate of the political-theory class for new members, and probation ends on "
        "{limit_on}; the certificate belongs in the file for recognition as a full member.",
    ),
    "INTRODUCERS_MISSING.members": (
        "Chưa đủ người giới thiệu: cần {needed} đảng viên chính thức giới thiệu (hoặc nghị "
        "quyết giới thiệu của Ban Chấp hành Đoàn cơ sở hoặc Ban Chấp hành công đoàn cơ sở cùng "
        "1 đảng viên chính thức), hiện có {found}.",
        "Not enough introducers: {needed} official Party members must introduce the applicant "
        "(or a resolution of the base Youth Union or trade-union executive committee and 1 "
        "official member); {found} recorded.",
    ),
    "INTRODUCERS_MISSING.youth_union": (
        "Chưa đủ người giới thiệu: ngoài nghị quyết giới thiệu của Ban Chấp hành Đoàn cơ sở, "
        "cần {needed} đảng viên chính thức giới thiệu, hiện có {found}.",
        "Not enough introducers: besides the resolution of the base Youth Union executive "
        "committee, {needed} official Party member must introduce the applicant; {found} "
        "recorded.",
    ),
    "INTRODUCERS_MISSING.trade_union": (
        "Chưa đủ người giới thiệu: ngoài nghị quyết giới thiệu của Ban Chấp hành công đoàn cơ "
        "sở, cần {needed} đảng viên chính thức giới thiệu, hiện có {found}.",
        "Not enough introducers: besides the resolution of the base trade-union executive "
        "committee, {needed} official Party member must introduce the applicant; {found} "
        "recorded.",
    ),
    "INTRODUCER_NOT_OFFICIAL": (
        "Người giới thiệu {name} chưa là đảng viên chính thức{at}{official_note}.",
        "Introducer {name} is not an official Party member{at}{official_note}.",
    ),
    "INTRODUCER_TOO_SHORT": (
        "Người giới thiệu {name} mới cùng công tác, lao động, học tập với người vào Đảng được "
        "{months} tháng (tính từ ngày {since}), chưa đủ {required_months} tháng{at}; đủ "
        "{required_months} tháng vào ngày {enough_on}.",
        "Introducer {name} has worked, studied or lived alongside the applicant for only "
        "{months} months (since {since}), short of {required_months}{at}; "
        "{required_months} months are reached on {enough_on}.",
    ),
    "INTRODUCER_PERIOD_UNKNOWN": (
        "Chưa rõ người giới thiệu {name} cùng công tác, lao động, học tập với người vào Đảng "
        "từ ngày nào nên chưa kiểm tra được thời gian ít nhất {required_months} tháng.",
        "It is not recorded since when introducer {name} has worked alongside the applicant: "
        "the {required_months}-month rule cannot be checked.",
    ),
    "VOTE_BELOW_TWO_THIRDS": (
        "Chi bộ xét kết nạp ngày {vote_on}: chỉ có " + _VOTE_VI,
        "Party cell admission vote of {vote_on}: " + _VOTE_EN,
    ),
    "VOTE_BELOW_TWO_THIRDS.missing": (
        "Biên bản chi bộ xét kết nạp ngày {vote_on} chưa ghi đủ tổng số đảng viên chính thức "
        "và số tán thành nên chưa xác định được đã đạt hai phần ba hay chưa.",
        "The minutes of the Party cell admission vote of {vote_on} lack the number of official "
        "members or of votes in favour: the two-thirds rule cannot be checked.",
    ),
    "DOSSIER_STALE.application": (
        "Đơn xin vào Đảng (ngày {paper_on})" + _STALE_TAIL_VI,
        "The application letter (dated {paper_on})" + _STALE_TAIL_EN,
    ),
    "DOSSIER_STALE.mass_org_resolution": (
        "Nghị quyết giới thiệu vào Đảng của Ban Chấp hành Đoàn cơ sở hoặc công đoàn cơ sở "
        "(ngày {paper_on})" + _STALE_TAIL_VI,
        "The Youth Union or trade-union resolution introducing the applicant (dated "
        "{paper_on})" + _STALE_TAIL_EN,
    ),
    "DOSSIER_STALE.opinions": (
        "Bản tổng hợp ý kiến nhận xét của đoàn thể chính trị - xã hội và chi ủy nơi cư trú "
        "(ngày {paper_on})" + _STALE_TAIL_VI,
        "The compiled opinions of the mass organisation and the place of residence (dated "
        "{paper_on})" + _STALE_TAIL_EN,
    ),
    "DOSSIER_STALE.introducer": (
        "Giấy giới thiệu người vào Đảng của đảng viên {name} (ngày {paper_on})" + _STALE_TAIL_VI,
        "The introduction letter of Party member {name} (dated {paper_on})" + _STALE_TAIL_EN,
    ),
    "DOSSIER_STALE": (
        "Giấy tờ trong hồ sơ (ngày {paper_on})" + _STALE_TAIL_VI,
        "A paper in the dossier (dated {paper_on})" + _STALE_TAIL_EN,
    ),
    "RECOGNITION_VOTE_BELOW_TWO_THIRDS": (
        "Chi bộ xét công nhận đảng viên chính thức ngày {vote_on}: chỉ có " + _VOTE_VI,
        "Party cell recognition vote of {vote_on}: " + _VOTE_EN,
    ),
    "RECOGNITION_VOTE_BELOW_TWO_THIRDS.missing": (
        "Biên bản chi bộ xét công nhận đảng viên chính thức ngày {vote_on} chưa ghi đủ tổng số "
        "đảng viên chính thức và số tán thành nên chưa xác định được đã đạt hai phần ba hay "
        "chưa.",
        "The minutes of the Party cell recognition vote of {vote_on} lack the number of "
        "official members or of votes in favour: the two-thirds rule cannot be checked.",
    ),
    "RECOGNITION_VOTE_EARLY": (
        "Chi bộ xét công nhận đảng viên chính thức ngày {vote_on}, trước khi đảng viên dự bị "
        "hoàn thành {probation_months} tháng dự bị (ngày {probation_end}).",
        "The Party cell considered recognition on {vote_on}, before the {probation_months} "
        "months of probation were complete ({probation_end}).",
    ),
    "DECISION_OVERDUE": (
        "Quá thời hạn quyết định kết nạp: trong {working_days} ngày làm việc kể từ ngày chi bộ "
        "có nghị quyết đề nghị kết nạp ({start}), " + _OVERDUE_TAIL_VI + ".",
        "Admission decision overdue: within {working_days} working days of the Party cell's "
        "resolution ({start}), " + _OVERDUE_TAIL_EN + ".",
    ),
    "CEREMONY_OVERDUE": (
        "Quá thời hạn tổ chức lễ kết nạp: trong {working_days} ngày làm việc kể từ khi nhận "
        "quyết định kết nạp (tính từ ngày {start}), " + _OVERDUE_TAIL_VI + "; chi bộ phải báo "
        "cáo và được cấp ủy cấp trên trực tiếp đồng ý.",
        "Admission ceremony overdue: within {working_days} working days of receiving the "
        "decision (counted from {start}), " + _OVERDUE_TAIL_EN + "; the cell must report to "
        "the committee directly above and obtain its consent.",
    ),
    "RECOGNITION_REVIEW_OVERDUE": (
        "Quá thời hạn chi bộ xét công nhận đảng viên chính thức: trong {working_days} ngày làm "
        "việc kể từ ngày hết thời kỳ dự bị ({start}), " + _OVERDUE_TAIL_VI + ".",
        "Recognition review overdue: the Party cell must consider recognition within "
        "{working_days} working days of the end of probation ({start}), " + _OVERDUE_TAIL_EN + ".",
    ),
    "RECOGNITION_DECISION_OVERDUE": (
        "Quá thời hạn quyết định công nhận đảng viên chính thức: trong {working_days} ngày làm "
        "việc kể từ ngày chi bộ có nghị quyết đề nghị ({start}), " + _OVERDUE_TAIL_VI + ".",
        "Recognition decision overdue: within {working_days} working days of the Party cell's "
        "resolution ({start}), " + _OVERDUE_TAIL_EN + ".",
    ),
}

# What a dated record in a person's file is called on a timeline; keys are EventKind values and
# the kinds of the other dated records (certificates, assignments).
_EVENTS: dict[str, tuple[str, str]] = {
    EventKind.SYMPATHISER_LISTED: ("Đưa vào danh sách cảm tình Đảng", "Added to sympathiser list"),
    EventKind.CERTIFICATE: ("Được cấp giấy chứng nhận lớp bồi dưỡng", "Class certificate issued"),
    EventKind.APPLICATION: ("Nộp đơn xin vào Đảng và lý lịch", "Application handed in"),
    EventKind.MASS_ORG_RESOLUTION: (
        "Nghị quyết giới thiệu của Đoàn/Công đoàn",
        "Mass-organisation resolution",
    ),
    EventKind.VERIFICATION: ("Thẩm tra lý lịch", "Personal history verified"),
    EventKind.OPINIONS: ("Tổng hợp ý kiến nhận xét", "Opinions compiled"),
    EventKind.CELL_VOTE: ("Chi bộ biểu quyết đề nghị kết nạp", "Party cell vote"),
    EventKind.DECISION: ("Quyết định kết nạp", "Admission decision"),
    EventKind.DECISION_RECEIVED: ("Nhận quyết định kết nạp", "Decision received"),
    EventKind.CEREMONY: ("Lễ kết nạp", "Admission ceremony"),
    EventKind.RECOGNITION_VOTE: ("Chi bộ xét công nhận chính thức", "Recognition vote"),
    EventKind.RECOGNITION_DECISION: (
        "Quyết định công nhận đảng viên chính thức",
        "Recognition decision",
    ),
    EventKind.REMOVED: ("Đưa ra khỏi danh sách cảm tình Đảng", "Removed from sympathiser list"),
    EventKind.NOT_ADMITTED: ("Không được kết nạp", "Not admitted"),
    EventKind.STRUCK_OFF: ("Xóa tên khỏi danh sách dự bị", "Struck from probation"),
    "certificate_record": ("Giấy chứng nhận lớp bồi dưỡng", "Class certificate"),
    "introducer": ("Phân công người giới thiệu", "Introducer assigned"),
    "helper": ("Phân công người giúp đỡ", "Helper assigned"),
}

_STAGES: dict[Stage, tuple[str, str]] = {
    Stage.SOURCE: ("Quần chúng ưu tú", "Outstanding member of the masses"),
    Stage.SYMPATHISER: ("Cảm tình Đảng", "Party sympathiser"),
    Stage.TRAINED: ("Đã học lớp bồi dưỡng nhận thức về Đảng", "Awareness class passed"),
    Stage.DOSSIER: ("Đang hoàn thiện hồ sơ", "Dossier in preparation"),
    Stage.PROPOSED: ("Chi bộ đề nghị kết nạp", "Proposed by the Party cell"),
    Stage.ADMITTED: ("Đã có quyết định kết nạp", "Admission decided"),
    Stage.PROBATION: ("Đảng viên dự bị", "Probationary member"),
    Stage.RECOGNITION_PROPOSED: (
        "Chi bộ đề nghị công nhận đảng viên chính thức",
        "Proposed for recognition as full member",
    ),
    Stage.OFFICIAL: ("Đảng viên chính thức", "Full member"),
    Stage.REMOVED: ("Đưa ra khỏi danh sách cảm tình Đảng", "Removed from the sympathiser list"),
    Stage.NOT_ADMITTED: ("Không được kết nạp", "Not admitted"),
    Stage.STRUCK_OFF: (
        "Xóa tên trong danh sách đảng viên dự bị",
        "Struck from the list of probationary members",
    ),
}

_DEADLINES: dict[DeadlineKind, tuple[str, str]] = {
    DeadlineKind.DECISION: ("Quyết định kết nạp", "Admission decision"),
    DeadlineKind.CEREMONY: ("Tổ chức lễ kết nạp", "Admission ceremony"),
    DeadlineKind.PROBATION_END: ("Hết thời kỳ dự bị", "End of probation"),
    DeadlineKind.RECOGNITION_REVIEW: (
        "Chi bộ xét công nhận đảng viên chính thức",
        "Party cell review for full membership",
    ),
    DeadlineKind.RECOGNITION_DECISION: (
        "Quyết định công nhận đảng viên chính thức",
        "Decision on full membership",
    ),
}


class _Params(dict[str, object]):
    """Missing params show as "?" rather than failing a printed report."""

    def __missing__(self, key: str) -> str:
        return "?"


def _index(lang: str) -> int:
    """0 for Vietnamese (the default, also for unknown languages), 1 for English."""
    return 1 if lang.lower().replace("-", "_").split("_")[0] == "en" else 0


def format_day(value: date, lang: str = "vi") -> str:
    if _index(lang) == 1:
        return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
    return value.strftime("%d/%m/%Y")


def _fill(params: dict[str, object], lang: str) -> _Params:
    en = _index(lang) == 1
    out = _Params()
    for key, value in params.items():
        if key in _DATE_KEYS and isinstance(value, str) and value:
            try:
                out[key] = format_day(date.fromisoformat(value), lang)
            except ValueError:
                out[key] = value
        else:
            out[key] = value
    # Derived pieces.
    if "vote_on" in out and params.get("vote_on"):
        if params.get("hypothetical"):
            out["at"] = f" as of {out['vote_on']}" if en else f" tính đến ngày {out['vote_on']}"
        else:
            out["at"] = (
                f" at the Party cell's vote of {out['vote_on']}"
                if en
                else f" tại ngày chi bộ xét kết nạp {out['vote_on']}"
            )
    else:
        out["at"] = ""
    official_on = out.get("official_on")
    if official_on:
        out["official_note"] = (
            f" (official member since {official_on})"
            if en
            else f" (là đảng viên chính thức từ ngày {official_on})"
        )
    else:
        out["official_note"] = ""
    for months_key, years_key in (
        ("min_age_months", "min_age_years"),
        ("max_age_months", "max_age_years"),
    ):
        months = params.get(months_key)
        if isinstance(months, int):
            out[years_key] = months // 12
    return out


def template_keys() -> frozenset[str]:
    """Every template key ("CODE" or "CODE.variant"), for tests."""
    return frozenset(_TEMPLATES)


def finding_message(finding: Finding, lang: str = "vi") -> str:
    """The finding as one sentence in `lang` ("vi" default, or "en"), NFC."""
    variant = finding.params.get("variant")
    key = f"{finding.code}.{variant}" if variant else finding.code
    templates = _TEMPLATES.get(key) or _TEMPLATES.get(finding.code)
    if templates is None:
        return finding.code
    return nfc(templates[_index(lang)].format_map(_fill(finding.params, lang)))


def event_label(kind: str, lang: str = "vi") -> str:
    """A timeline entry's name; an unknown kind is shown as it is stored."""
    pair = _EVENTS.get(kind)
    return nfc(pair[_index(lang)]) if pair else kind


def stage_label(stage: Stage, lang: str = "vi") -> str:
    return nfc(_STAGES[stage][_index(lang)])


def deadline_label(kind: DeadlineKind, lang: str = "vi") -> str:
    return nfc(_DEADLINES[kind][_index(lang)])
