"""Demo data: a provincial office with its chi bộ, their Party members, and people at every
stage of the admission pipeline, with realistic Vietnamese names, dates and documents.

`DemoWorld` makes the data as plain values (deterministic for a seed and a `today`); the
benchmark reuses it to write spreadsheets. `make_demo` writes a world into the database in one
transaction, in batches, with the derived columns (stage, next deadline, rule counts, open
deadlines) computed by the same domain functions `derive.refresh` uses (a test holds the two
equal).

Most people are clean. A few are made, on purpose, to show what dvdesk catches: overdue
decisions, ceremonies and recognition reviews, and rule findings at the chi bộ vote (under 18,
expired certificate, vote below two thirds, a probationary introducer, an introducer who has
not worked 12 months with the person, stale dossier papers).
"""

from __future__ import annotations

import functools
import hashlib
import json
import random
import uuid
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from dvdesk.db import queries
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import (
    Assignment,
    CertificateRecord,
    Member,
    OpenDeadline,
    PartyClass,
    Person,
    PipelineEvent,
    Unit,
)
from dvdesk.domain.calendar import WorkCalendar
from dvdesk.domain.dates import add_months, format_date
from dvdesk.domain.deadlines import DeadlineKind, OverdueCode
from dvdesk.domain.facts import (
    CandidateFacts,
    Certificate,
    Event,
    Introducer,
    MassOrg,
    MemberStatus,
)
from dvdesk.domain.findings import Finding
from dvdesk.domain.messages import stage_label
from dvdesk.domain.pipeline import EventKind, Stage
from dvdesk.domain.rules import Code, check
from dvdesk.domain.stages import derive_stage
from dvdesk.domain.text import name_sort_key, nfc, search_key
from dvdesk.services import audit, plans, print_settings, targets
from dvdesk.services import derive as derive_service
from dvdesk.services.derive import load_calendar
from dvdesk.services.errors import UserError
from dvdesk.services.setup import init_unit, install_info

OFFICE_CODE = "BTC-DUCQ"
OFFICE_NAME = "Ban Tổ chức Đảng ủy các cơ quan Đảng tỉnh"
PROVINCE = "Nghệ An"
PROVINCE_CODE = "040"  # CCCD prefix of Nghệ An
DECISION_SUFFIX = "QĐ/ĐU"  # decisions of the Đảng ủy the office serves
ISSUER = "Đảng ủy các cơ quan Đảng tỉnh Nghệ An"
BATCH = 2000  # people per bulk write

# The deliberate problems, in the order they are handed out. Each maps to the stage the person
# ends in and the window (days before `today`) of the act that shows the problem.
CASES: dict[str, tuple[Stage, int, int]] = {
    OverdueCode.DECISION_OVERDUE: (Stage.PROPOSED, 100, 220),
    OverdueCode.CEREMONY_OVERDUE: (Stage.ADMITTED, 50, 150),
    OverdueCode.RECOGNITION_REVIEW_OVERDUE: (Stage.PROBATION, 430, 530),
    OverdueCode.RECOGNITION_DECISION_OVERDUE: (Stage.RECOGNITION_PROPOSED, 50, 150),
    Code.AGE_UNDER_18: (Stage.PROPOSED, 0, 60),
    Code.CERTIFICATE_EXPIRED: (Stage.PROPOSED, 0, 70),
    Code.VOTE_BELOW_TWO_THIRDS: (Stage.DOSSIER, 0, 200),
    Code.INTRODUCER_NOT_OFFICIAL: (Stage.PROPOSED, 0, 70),
    Code.INTRODUCER_TOO_SHORT: (Stage.PROPOSED, 0, 70),
    Code.DOSSIER_STALE: (Stage.PROPOSED, 0, 70),
}
# Findings a case brings along by the nature of the rules: a probationary introducer joined the
# chi bộ at their own ceremony, less than 12 months before the vote.
_COMPANIONS: dict[str, frozenset[str]] = {
    Code.INTRODUCER_NOT_OFFICIAL: frozenset({Code.INTRODUCER_TOO_SHORT.value}),
}
CASE_SHARE = 250  # one person per case for every 250 people (0.4% each, 4% in all)

# Clean people: how many of each stage (relative), and the window (days before `today`) of the
# last act, chosen so that nothing is overdue.
STAGE_WEIGHTS: dict[Stage, int] = {
    Stage.SOURCE: 6,
    Stage.SYMPATHISER: 22,
    Stage.TRAINED: 16,
    Stage.DOSSIER: 12,
    Stage.PROPOSED: 5,
    Stage.ADMITTED: 3,
    Stage.PROBATION: 15,
    Stage.RECOGNITION_PROPOSED: 2,
    Stage.OFFICIAL: 13,
    Stage.REMOVED: 3,
    Stage.NOT_ADMITTED: 1,
    Stage.STRUCK_OFF: 1,
}
_WINDOWS: dict[Stage, tuple[int, int]] = {
    Stage.SOURCE: (0, 0),
    Stage.SYMPATHISER: (0, 700),
    Stage.TRAINED: (0, 650),
    Stage.DOSSIER: (0, 240),
    Stage.PROPOSED: (0, 80),
    Stage.ADMITTED: (0, 38),
    Stage.PROBATION: (0, 400),
    Stage.RECOGNITION_PROPOSED: (0, 38),
    Stage.OFFICIAL: (0, 600),
    Stage.REMOVED: (0, 650),
    Stage.NOT_ADMITTED: (0, 500),
    Stage.STRUCK_OFF: (0, 330),
}

# --- names ----------------------------------------------------------------------------------
# Frequencies follow the usual surveys of Vietnamese family names (Nguyễn about a third,
# then Trần, Lê, Phạm ...); Hoàng/Huỳnh and Vũ/Võ are the same names read north and south.


def _w(text: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """ "Name:weight Name:weight ..." -> (names, cumulative weights), NFC."""
    names: list[str] = []
    cum: list[float] = []
    total = 0.0
    for item in nfc(text).split(","):
        name, _, weight = item.strip().rpartition(":")
        names.append(name.strip())
        total += float(weight)
        cum.append(total)
    return tuple(names), tuple(cum)


def _list(text: str) -> list[str]:
    """ "A; B; C" -> ["A", "B", "C"], NFC."""
    return [item.strip() for item in nfc(text).split(";")]


def _zipf(text: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """ "A, B, C ..." most frequent first -> (names, cumulative Zipf-like weights), NFC."""
    names = [n.strip() for n in nfc(text).split(",")]
    return _w(", ".join(f"{n}:{1.0 / (i + 4):.5f}" for i, n in enumerate(names)))


_KINH_FAMILY = _w(
    "Nguyễn:31.5, Trần:11, Lê:9.5, Phạm:7, HOANG:5.1, Phan:4.5, VU:3.9, Đặng:2.1, Bùi:2, "
    "Đỗ:1.4, Hồ:1.3, Ngô:1.3, Dương:1, Lý:0.5, Trương:0.5, Đinh:0.6, Trịnh:0.5, Đoàn:0.5, "
    "Lương:0.4, Mai:0.4, Cao:0.4, Hà:0.4, Lâm:0.3, Phùng:0.2, Tạ:0.2, Chu:0.2, Lưu:0.2, "
    "Thái:0.2, Tô:0.2, Văn:0.1, Quách:0.1, Kiều:0.1, Nghiêm:0.1, Tăng:0.1, Thân:0.1, Từ:0.1"
)
_MALE_MIDDLE = _w(
    "Văn:30, Đức:8, Minh:8, Quang:5, Hữu:5, Công:4, Thanh:4, Xuân:3, Đình:4, Trọng:3, Quốc:3, "
    "Duy:3, Hoàng:3, Ngọc:2, Tuấn:2, Mạnh:2, Anh:2, Thế:2, Trung:2, Tiến:2, Gia:2, Thành:2, "
    "Viết:1, Khắc:1, Bá:1, Đăng:1, Hồng:1"
)
_FEMALE_MIDDLE = _w(
    "Thị:45, Thu:6, Ngọc:5, Thanh:5, Hồng:4, Kim:3, Phương:3, Thùy:3, Minh:3, Mai:2, Hải:2, "
    "Khánh:2, Bích:2, Diệu:1, Lan:1, Quỳnh:1, Hà:1, Hoài:1, Cẩm:1, Tuyết:1"
)
_SECOND_MIDDLE_F = _zipf("Thu, Ngọc, Hồng, Kim, Thanh, Minh, Phương, Thùy, Bích, Hải, Mai")
_DOUBLE_MIDDLE_M = _zipf("Minh Anh, Quang Minh, Đức Minh, Hoàng Anh, Ngọc Anh, Quốc Trung")
_MALE_GIVEN = _zipf(
    "Anh, Hùng, Dũng, Tuấn, Minh, Nam, Hải, Long, Sơn, Thắng, Trung, Cường, Hiếu, Huy, Đức, "
    "Phong, Quân, Khánh, Tùng, Hoàng, Bình, Thành, Việt, Kiên, Tâm, Phúc, Lâm, Đạt, Vinh, Hưng, "
    "Quang, Tiến, Toàn, Lộc, Nghĩa, Khoa, Bảo, Duy, Hòa, Hậu, Tú, Thịnh, Trường, Sang, Tài, "
    "Lợi, Chiến, Hoan, Thái, Hiệp, Công, Khải, Nhật, An, Đông, Tân, Trí, Thuận"
)
_FEMALE_GIVEN = _zipf(
    "Linh, Hương, Trang, Lan, Hà, Hạnh, Mai, Thảo, Ngọc, Hằng, Huyền, Nhung, Phương, Thủy, "
    "Yến, Nga, Oanh, Loan, Dung, Hoa, Vân, Anh, Giang, Hiền, Thúy, Quỳnh, Trâm, Nhi, Uyên, Vy, "
    "Chi, Tuyết, My, Ly, Thư, Liên, Duyên, Hồng, Nhàn, Thơm, Hòa, Tâm, Diệp, Ngân, Châu, Xuân"
)


@dataclass(frozen=True)
class _Ethnicity:
    name: str
    weight: float
    provinces: tuple[str, ...]  # CCCD province codes where the group mostly lives
    family: tuple[tuple[str, ...], tuple[float, ...]] | None  # None: Kinh family names
    male_middle: tuple[tuple[str, ...], tuple[float, ...]] | None = None  # None: Kinh ones
    male_given: tuple[tuple[str, ...], tuple[float, ...]] | None = None
    female_given: tuple[tuple[str, ...], tuple[float, ...]] | None = None
    religions: tuple[tuple[str, ...], tuple[float, ...]] = _w(
        "Không:90, Phật giáo:4.5, Công giáo:5, Tin Lành:0.5"
    )


# "Mông" is the group's name in the official list of ethnic groups (often written H'Mông).
_ETHNICITIES: tuple[_Ethnicity, ...] = (
    _Ethnicity("Kinh", 86.0, (), None),
    _Ethnicity(
        "Thái",
        3.5,
        ("040", "014", "011", "038"),
        _w("Lô:3, Vi:3, Lang:2, Lương:2, Kha:1, Ngân:1, Lữ:1, Lò:2, Cầm:1, Quàng:1, Hà:1"),
    ),
    _Ethnicity(
        "Tày",
        2.5,
        ("004", "006", "008", "020"),
        _w("Hoàng:3, Nông:3, Lục:1, Ma:1, Lương:1, Đàm:1, Bế:1, Hà:1, Mạc:1, Triệu:1"),
    ),
    _Ethnicity(
        "Mường",
        2.0,
        ("017", "038", "025"),
        _w("Bùi:4, Đinh:3, Quách:1, Hà:1, Xa:1, Cao:1"),
    ),
    _Ethnicity(
        "Khmer",
        1.5,
        ("094", "084", "091", "089"),
        _w("Thạch:4, Sơn:3, Danh:3, Kim:2, Lâm:1, Chau:1"),
        _w("Văn:3, Sa:1, Ngọc:1"),
        _zipf("Phol, Sóc, Chanh, Rin, Sang, Ry, Thươl, Kha, Sươl, Pho"),
        _zipf("Sa Ri, Srây, Mây, Ni, Sa Ly, Ra Ni, Sóc Thi, Sương, Phiên"),
        _w("Phật giáo:70, Không:30"),
    ),
    _Ethnicity(
        "Mông",
        1.5,
        ("002", "010", "011", "014", "040"),
        _w("Giàng:3, Vàng:3, Sùng:2, Mùa:2, Lầu:2, Thào:2, Hầu:1, Vừ:2, Lý:1"),
        _w("A:6, Seo:2, Chồng:1"),
        _zipf("Páo, Dính, Chứ, Sử, Lử, Chá, Pó, Dế, Tủa, Vư, Chư, Nhìa, Sình"),
        _zipf("Mỷ, Dợ, Sua, Mai, Say, Pà, Sông, Mái, Chía, Ly"),
        _w("Không:80, Tin Lành:20"),
    ),
    _Ethnicity(
        "Nùng",
        1.0,
        ("020", "004"),
        _w("Nông:3, Hoàng:2, Lăng:1, Chu:1, Vi:1, Mã:1, Lý:1"),
    ),
    _Ethnicity(
        "Dao",
        0.8,
        ("010", "015", "002"),
        _w("Triệu:3, Bàn:3, Đặng:2, Lý:1, Phùng:1, Chảo:1"),
    ),
    _Ethnicity(
        "Khơ Mú",
        0.5,
        ("040",),
        _w("Moong:3, Xồng:1, Cụt:1, Lô:1, Vi:1"),
    ),
)
_ETHNICITY_CUM = tuple(
    sum(e.weight for e in _ETHNICITIES[: i + 1]) for i in range(len(_ETHNICITIES))
)

# CCCD province codes (Thông tư 07/2016/TT-BCA), with the names the history forms use.
_PROVINCES: dict[str, str] = dict(
    item.split(" ", 1)
    for item in _list(
        "001 Hà Nội; 002 Hà Giang; 004 Cao Bằng; 006 Bắc Kạn; 008 Tuyên Quang; 010 Lào Cai; "
        "011 Điện Biên; 014 Sơn La; 015 Yên Bái; 017 Hòa Bình; 019 Thái Nguyên; 020 Lạng Sơn; "
        "025 Phú Thọ; 030 Hải Dương; 031 Hải Phòng; 034 Thái Bình; 036 Nam Định; 037 Ninh Bình; "
        "038 Thanh Hóa; 040 Nghệ An; 042 Hà Tĩnh; 044 Quảng Bình; 046 Thừa Thiên Huế; "
        "048 Đà Nẵng; 049 Quảng Nam; 052 Bình Định; 066 Đắk Lắk; 079 Thành phố Hồ Chí Minh; "
        "084 Trà Vinh; 089 An Giang; 091 Kiên Giang; 092 Cần Thơ; 094 Sóc Trăng"
    )
)
# Where the Kinh people of a Nghệ An office come from: mostly the province, then neighbours.
_KINH_ORIGINS = _w(
    "040:75, 042:7, 038:6, 001:3, 044:1.5, 036:1, 034:1, 037:1, 030:0.5, 031:0.5, 046:0.7, "
    "048:0.5, 049:0.3, 052:0.3, 019:0.3, 025:0.3, 079:0.6, 092:0.2, 066:0.3"
)
_DISTRICTS = nfc(
    "Diễn Châu, Quỳnh Lưu, Yên Thành, Nghi Lộc, Hưng Nguyên, Nam Đàn, Thanh Chương, Đô Lương, "
    "Anh Sơn, Con Cuông, Tân Kỳ, Nghĩa Đàn, Quỳ Hợp, Quỳ Châu, Quế Phong, Tương Dương, Kỳ Sơn"
).split(", ")
_WARDS = nfc(
    "Trường Thi, Hưng Dũng, Lê Mao, Hồng Sơn, Trung Đô, Quang Trung, Lê Lợi, Bến Thủy, "
    "Cửa Nam, Hưng Bình, Hưng Lộc, Nghi Phú, Đông Vĩnh, Hưng Phúc, Hà Huy Tập, Vinh Tân, "
    "Đội Cung, Quán Bàu, Nghi Đức, Nghi Kim, Nghi Liên, Nghi Ân, Hưng Hòa, Nghi Phong"
).split(", ")

# --- units and jobs -------------------------------------------------------------------------

_OCCUPATIONS: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    "agency": _w(
        "Chuyên viên:60, Chuyên viên chính:10, Kế toán:8, Văn thư:5, Lái xe:3, "
        "Nhân viên:5, Thanh tra viên:3, Kỹ thuật viên tin học:3"
    ),
    "media": _w("Phóng viên:45, Biên tập viên:30, Kỹ thuật viên:15, Kế toán:5, Chuyên viên:5"),
    "school": _w("Giáo viên:85, Nhân viên thư viện:4, Kế toán:5, Nhân viên thiết bị:3, Văn thư:3"),
    "college": _w("Giảng viên:70, Chuyên viên:15, Kế toán:5, Giáo viên:10"),
    "health": _w(
        "Bác sĩ:35, Điều dưỡng:35, Dược sĩ:7, Kỹ thuật viên y:8, Hộ sinh:5, "
        "Kế toán:4, Chuyên viên:6"
    ),
}
_FEMALE_SHARE = {
    "Điều dưỡng": 0.85,
    "Hộ sinh": 1.0,
    "Giáo viên": 0.7,
    "Lái xe": 0.0,
    "Kế toán": 0.75,
    "Văn thư": 0.8,
    "Học sinh": 0.6,
}

_AGENCIES = _list(
    "Văn phòng Tỉnh ủy; Ban Tổ chức Tỉnh ủy; Ban Tuyên giáo và Dân vận Tỉnh ủy; "
    "Ủy ban Kiểm tra Tỉnh ủy; Ban Nội chính Tỉnh ủy; Văn phòng Ủy ban nhân dân tỉnh; "
    "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh; Thanh tra tỉnh; "
    "Bảo hiểm xã hội tỉnh; Ban Quản lý Khu kinh tế Đông Nam; Liên minh Hợp tác xã tỉnh; "
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; Tỉnh đoàn; Hội Liên hiệp Phụ nữ tỉnh; "
    "Liên đoàn Lao động tỉnh; Hội Nông dân tỉnh; Hội Cựu chiến binh tỉnh; Thư viện tỉnh; "
    "Bảo tàng Nghệ An"
)
_DEPARTMENTS = _list(
    "Sở Tài chính; Sở Tư pháp; Sở Nội vụ; Sở Xây dựng; Sở Y tế; Sở Giáo dục và Đào tạo; "
    "Sở Công Thương; Sở Nông nghiệp và Môi trường; Sở Khoa học và Công nghệ; "
    "Sở Văn hóa, Thể thao và Du lịch; Sở Dân tộc và Tôn giáo; Sở Ngoại vụ"
)
_DEPARTMENT_PARTS = ["Văn phòng", "Thanh tra", "Phòng Kế hoạch – Tài chính", "Phòng Tổ chức cán bộ"]
_MEDIA = ["Báo và Phát thanh, Truyền hình Nghệ An", "Tạp chí Văn nghệ Nghệ An"]
_SCHOOLS_NAMED = _list(
    "Trường THPT chuyên Phan Bội Châu; Trường THPT Huỳnh Thúc Kháng; Trường THPT Hà Huy Tập; "
    "Trường THPT Lê Viết Thuật; Trường THPT Nguyễn Trường Tộ; Trường THPT Nguyễn Du; "
    "Trường THPT Phan Đăng Lưu; Trường THPT Nguyễn Duy Trinh; Trường THPT Đặng Thúc Hứa; "
    "Trường THPT Cửa Lò; Trường THPT Thái Hòa; Trường THPT Hoàng Mai; "
    "Trường THPT Lê Hồng Phong; Trường THPT Phan Thúc Trực; Trường THPT Nguyễn Xuân Ôn; "
    "Trường THPT Cao Xuân Huy; Trường Phổ thông Dân tộc nội trú tỉnh"
)
_THCS = _list(
    "Đặng Thai Mai; Hưng Dũng; Lê Mao; Hồng Sơn; Trung Đô; Hà Huy Tập; Nghi Phú; "
    "Quang Trung; Lê Lợi; Bến Thủy; Cửa Nam; Hưng Bình; Hưng Lộc; Nghi Đức; Nghi Kim; "
    "Nghi Liên; Nghi Ân; Đông Vĩnh; Hưng Hòa; Vinh Tân; Trường Thi; Đội Cung; Lý Nhật Quang; "
    "Bạch Liêu; Hồ Xuân Hương; Nguyễn Trãi; Kim Liên"
)
_HOSPITALS = _list(
    "Bệnh viện Hữu nghị Đa khoa Nghệ An; Bệnh viện Sản Nhi Nghệ An; "
    "Bệnh viện Ung bướu Nghệ An; Bệnh viện Nội tiết Nghệ An; Bệnh viện Tâm thần Nghệ An; "
    "Bệnh viện Y học cổ truyền Nghệ An; Bệnh viện Phục hồi chức năng Nghệ An; "
    "Bệnh viện Chấn thương chỉnh hình Nghệ An; Trung tâm Kiểm soát bệnh tật tỉnh"
)
_COLLEGES = _list(
    "Trường Chính trị tỉnh; Trường Cao đẳng Y tế Nghệ An; Trường Cao đẳng Sư phạm Nghệ An; "
    "Trường Cao đẳng Văn hóa Nghệ thuật Nghệ An; Trường Đại học Y khoa Vinh; "
    "Trường Đại học Kinh tế Nghệ An"
)


def _unit_catalogue() -> list[tuple[str, str]]:
    """(name without "Chi bộ", kind) of every demo unit, varied from the first ones on."""
    groups: list[list[tuple[str, str]]] = [
        [(d, "agency") for d in _DEPARTMENTS],
        [(s, "school") for s in _SCHOOLS_NAMED],
        [(h, "health") for h in _HOSPITALS],
        [(a, "agency") for a in _AGENCIES],
        [(f"Trường THPT {d} {k}", "school") for k in (1, 2) for d in _DISTRICTS],
        [(f"Trung tâm Y tế huyện {d}", "health") for d in _DISTRICTS]
        + [(f"Trung tâm Y tế thị xã {t}", "health") for t in ("Cửa Lò", "Thái Hòa", "Hoàng Mai")],
        [(c, "college") for c in _COLLEGES] + [(m, "media") for m in _MEDIA],
        [(f"Trường THCS {n}", "school") for n in _THCS],
        [(f"{p} – {d}", "agency") for d in _DEPARTMENTS for p in _DEPARTMENT_PARTS],
        [
            (f"Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên huyện {d}", "school")
            for d in _DISTRICTS
        ],
        [(f"Trường Tiểu học {n}", "school") for n in _THCS],
        [(f"Trường THPT {d} 3", "school") for d in _DISTRICTS],
        [(f"Trường Mầm non {w}", "school") for w in _WARDS],
    ]
    out: list[tuple[str, str]] = []
    longest = max(len(g) for g in groups)
    for i in range(longest):
        for g in groups:
            if i < len(g):
                out.append((nfc(g[i][0]), g[i][1]))
    return out


_REMOVAL_REASONS = [
    "Chuyển công tác khỏi đơn vị",
    "Tự nguyện xin rút khỏi danh sách cảm tình Đảng",
    "Không còn đủ tiêu chuẩn, điều kiện",
    "Nghỉ việc theo nguyện vọng",
    "Đi học tập dài hạn ở nước ngoài",
]
_NOT_ADMITTED_REASONS = [
    "Thẩm định của cấp ủy cấp trên: lý lịch chưa được thẩm tra, kết luận đầy đủ",
    "Ban Thường vụ Đảng ủy không đồng ý kết nạp: hồ sơ chưa bảo đảm thủ tục",
]
_STRUCK_OFF_REASONS = [
    "Không hoàn thành nhiệm vụ đảng viên dự bị",
    "Vi phạm tư cách đảng viên dự bị",
    "Tự nguyện xin ra khỏi Đảng",
]

# --- the world as plain values --------------------------------------------------------------


@dataclass(frozen=True)
class DemoUnit:
    id: str
    code: str
    name: str
    kind: str  # agency, media, school, college, health (which jobs its people have)
    term_start: date | None = None
    term_end: date | None = None
    existing: bool = False  # the unit was already in the database


@dataclass(frozen=True)
class DemoMember:
    id: str
    code: str
    full_name: str
    sex: str
    birth_date: date
    cccd: str
    unit: DemoUnit
    status: MemberStatus
    admission_decision_date: date
    ceremony_date: date
    official_date: date | None
    card_number: str
    joined_cell_on: date
    person_id: str | None = None  # a member who came through the pipeline in dvdesk


@dataclass(frozen=True)
class DemoClass:
    id: str
    kind: str  # "awareness" or "new_member"
    name: str
    start_date: date
    end_date: date


@dataclass(frozen=True)
class DemoCertificate:
    kind: str
    issued_on: date
    number: str
    issuer: str
    class_id: str | None


@dataclass(frozen=True)
class DemoAssignment:
    member: DemoMember
    role: str  # "introducer" or "helper"
    from_date: date | None
    to_date: date | None = None
    replacement: bool = False
    reason: str = ""


@dataclass
class DemoPerson:
    id: str
    code: str
    full_name: str
    sex: str
    birth_date: date
    cccd: str
    ethnicity: str
    religion: str
    education: str
    education_grade: int
    occupation: str
    youth_union_member: bool
    youth_union_date: date | None
    trade_union_member: bool
    trade_union_date: date | None
    unit: DemoUnit
    joined_unit_on: date
    birth_place: str
    hometown: str
    residence: str
    case: str = ""  # "" for a clean person, else the code the person was made to show
    events: list[Event] = field(default_factory=list)
    certificates: list[DemoCertificate] = field(default_factory=list)
    assignments: list[DemoAssignment] = field(default_factory=list)
    membership: DemoMember | None = None  # the member row once admitted
    findings: tuple[Finding, ...] = ()  # on the world's `today`, as `dvdesk check` gives them

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(f.code for f in self.findings)

    def facts(self) -> CandidateFacts:
        """What the rules see of this person, as `derive.facts_for` builds it from rows."""
        return CandidateFacts(
            birth_date=self.birth_date,
            education_grade=self.education_grade,
            youth_union_member=self.youth_union_member,
            trade_union_member=self.trade_union_member,
            joined_unit_on=self.joined_unit_on,
            certificates=tuple(
                Certificate(kind=c.kind, issued_on=c.issued_on, number=c.number)
                for c in self.certificates
            ),
            introducers=tuple(
                Introducer(
                    name=a.member.full_name,
                    status=a.member.status,
                    official_on=a.member.official_date,
                    joined_cell_on=a.member.joined_cell_on,
                    assigned_on=a.from_date,
                    replacement=a.replacement,
                )
                for a in self.assignments
                if a.role == "introducer" and a.to_date is None
            ),
            events=tuple(sorted(self.events, key=lambda e: e.on)),
        )

    def event(self, kind: EventKind) -> Event | None:
        found = [e for e in self.events if e.kind == kind]
        return found[-1] if found else None


def _pick(rng: random.Random, table: tuple[tuple[str, ...], tuple[float, ...]]) -> str:
    names, cum = table
    return names[bisect_right(cum, rng.random() * cum[-1])]


@dataclass
class _Gaps:
    """The random spacing of one person's acts, drawn before the dates are laid down."""

    to_class: int
    to_application: int
    to_mass_org: int
    to_verification: int
    to_opinions: int
    to_vote: int
    decision_wd: int
    received_wd: int
    ceremony_wd: int
    review_wd: int
    recognition_wd: int
    to_exit: int
    dossier_depth: int  # DOSSIER stage: 1 application, 2 + verification, 3 + opinions
    received: bool  # ADMITTED stage: the receipt of the decision is recorded
    exit_from: Stage  # REMOVED: the stage the person had reached


class DemoWorld:
    """Units, members, classes and people of a demo, deterministic for (seed, today, sizes)."""

    def __init__(
        self,
        *,
        units: int,
        people: int,
        seed: int,
        today: date,
        calendar: WorkCalendar | None = None,
        cell: DemoUnit | None = None,
        taken_codes: frozenset[str] = frozenset(),
    ) -> None:
        self.seed = seed
        self.today = today
        self.people_count = people
        self.calendar = calendar or WorkCalendar({})
        self._ids = random.Random(f"dvdesk-demo/{seed}/ids")
        self._cccds: set[str] = set()
        self._serials: Counter[str] = Counter()
        self._snaps: dict[date, date] = {}
        self._wds: dict[tuple[date, int], date] = {}
        self.units = [cell] if cell is not None else self._make_units(units, taken_codes)
        self.members: list[DemoMember] = []
        self._officials: dict[str, list[DemoMember]] = {}
        self._probationary: dict[str, list[DemoMember]] = {}
        self._make_members()
        self.classes: list[DemoClass] = []
        self._make_classes()
        self._awareness = [c for c in self.classes if c.kind == "awareness"]
        self._awareness_ends = [c.end_date for c in self._awareness]
        self._new_member = [c for c in self.classes if c.kind == "new_member"]
        self._new_member_ends = [c.end_date for c in self._new_member]

    # -- small helpers ----------------------------------------------------------------------

    def new_id(self) -> str:
        return str(uuid.UUID(int=self._ids.getrandbits(128), version=4))

    def _snap(self, day: date) -> date:
        """The day itself when it is a working day, else the next working day."""
        found = self._snaps.get(day)
        if found is None:
            found = day if self.calendar.is_working_day(day) else self._wd(day, 1)
            self._snaps[day] = found
        return found

    def _wd(self, day: date, n: int) -> date:
        """The n-th working day after `day` (the calendar's answer, remembered)."""
        key = (day, n)
        found = self._wds.get(key)
        if found is None:
            found = self._wds[key] = self.calendar.add_working_days(day, n)
        return found

    def _serial(self, key: str) -> int:
        self._serials[key] += 1
        return self._serials[key]

    def _cccd(self, rng: random.Random, province: str, sex: str, birth: date) -> str:
        century = (birth.year // 100) - 19  # 0 for 1900s, 1 for 2000s
        digit = century * 2 + (1 if sex == "nu" else 0)
        while True:
            value = f"{province}{digit}{birth.year % 100:02d}{rng.randrange(1_000_000):06d}"
            if value not in self._cccds:
                self._cccds.add(value)
                return value

    def _name(self, rng: random.Random, sex: str, ethnicity: _Ethnicity, province: str) -> str:
        if ethnicity.family is None:
            family = _pick(rng, _KINH_FAMILY)
            south = province >= "048"
            if family == "HOANG":
                family = "Huỳnh" if (south and rng.random() < 0.85) else "Hoàng"
            elif family == "VU":
                north_central = "038" <= province < "048"
                share_vo = 0.9 if south else 0.5 if north_central else 0.1
                family = "Võ" if rng.random() < share_vo else "Vũ"
        else:
            family = _pick(rng, ethnicity.family)
        female = sex == "nu"
        if female:
            given = _pick(rng, ethnicity.female_given or _FEMALE_GIVEN)
            middle = "Thị" if ethnicity.male_middle is not None else _pick(rng, _FEMALE_MIDDLE)
            if middle == "Thị" and ethnicity.male_middle is None and rng.random() < 0.12:
                middle = f"Thị {_pick(rng, _SECOND_MIDDLE_F)}"
        else:
            given = _pick(rng, ethnicity.male_given or _MALE_GIVEN)
            middle = _pick(rng, ethnicity.male_middle or _MALE_MIDDLE)
            if ethnicity.male_middle is None and rng.random() < 0.03:
                middle = _pick(rng, _DOUBLE_MIDDLE_M)
        if given in middle.split(" "):
            given = _pick(rng, _FEMALE_GIVEN if female else _MALE_GIVEN)
            if given in middle.split(" "):
                middle = "Thị" if female else "Văn"
        return nfc(f"{family} {middle} {given}")

    def _origin(self, rng: random.Random) -> tuple[_Ethnicity, str]:
        ethnicity = _ETHNICITIES[bisect_right(_ETHNICITY_CUM, rng.random() * _ETHNICITY_CUM[-1])]
        if ethnicity.provinces:
            province = rng.choice(ethnicity.provinces)
        else:
            province = _pick(rng, _KINH_ORIGINS)
        return ethnicity, province

    def _place(self, rng: random.Random, province: str) -> str:
        if province == PROVINCE_CODE:
            return nfc(f"huyện {rng.choice(_DISTRICTS)}, tỉnh {PROVINCE}")
        name = _PROVINCES.get(province, PROVINCE)
        return nfc(name if name.startswith("Thành phố") else f"tỉnh {name}")

    # -- units, members, classes -----------------------------------------------------------

    def _make_units(self, count: int, taken: frozenset[str]) -> list[DemoUnit]:
        rng = random.Random(f"dvdesk-demo/{self.seed}/units")
        catalogue = _unit_catalogue()
        out: list[DemoUnit] = []
        number = 0
        for i in range(count):
            base, kind = catalogue[i % len(catalogue)]
            lap = i // len(catalogue)
            name = f"Chi bộ {base}" + (f" (cơ sở {lap + 1})" if lap else "")
            number += 1
            code = f"CB{number:03d}"
            while code in taken:
                number += 1
                code = f"CB{number:03d}"
            start = self._snap(add_months(self.today, -rng.randint(6, 40)))
            out.append(DemoUnit(self.new_id(), code, nfc(name), kind, start, add_months(start, 60)))
        return out

    def _make_members(self) -> None:
        rng = random.Random(f"dvdesk-demo/{self.seed}/members")
        today = self.today
        for unit in self.units:
            officials = max(6, int(rng.triangular(6, 45, 14)))
            probationary = rng.randint(1, 3)
            for k in range(officials + probationary):
                status = MemberStatus.OFFICIAL if k < officials else MemberStatus.PROBATIONARY
                self.members.append(self._member(rng, unit, status, senior=k < 3, today=today))
            unit_members = self.members[-(officials + probationary) :]
            self._officials[unit.id] = unit_members[:officials]
            self._probationary[unit.id] = unit_members[officials:]

    def _member(
        self, rng: random.Random, unit: DemoUnit, status: MemberStatus, senior: bool, today: date
    ) -> DemoMember:
        ethnicity, province = self._origin(rng)
        sex = "nu" if rng.random() < 0.45 else "nam"
        if status is MemberStatus.OFFICIAL:
            birth = today - timedelta(days=rng.randint(27 * 365, 59 * 365))
            earliest = add_months(birth, 12 * 21)
            latest = today - timedelta(days=(8 if senior else 2) * 366 + 60)
            if earliest >= latest:
                earliest = latest - timedelta(days=400)
            decision = self._snap(
                earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
            )
            ceremony = self._wd(decision, rng.randint(5, 25))
            official: date | None = self._wd(add_months(ceremony, 12), rng.randint(10, 40))
            if senior or rng.random() < 0.6:
                joined = ceremony  # admitted in this chi bộ
            else:  # transferred in later; a few only months ago
                low = max(ceremony, today - timedelta(days=20 * 365))
                joined = low + timedelta(days=rng.randint(0, max(0, (today - low).days - 30)))
            card = f"{rng.randrange(10_000_000, 100_000_000)}"
        else:
            birth = today - timedelta(days=rng.randint(23 * 365, 38 * 365))
            ceremony = self._snap(today - timedelta(days=rng.randint(30, 330)))
            decision = ceremony - timedelta(days=rng.randint(10, 35))
            official = None
            joined = ceremony
            card = ""
        code = f"{unit.code}-DV{self._serial(unit.code + '/members'):03d}"
        return DemoMember(
            id=self.new_id(),
            code=code,
            full_name=self._name(rng, sex, ethnicity, province),
            sex=sex,
            birth_date=birth,
            cccd=self._cccd(rng, province, sex, birth),
            unit=unit,
            status=status,
            admission_decision_date=decision,
            ceremony_date=ceremony,
            official_date=official,
            card_number=card,
            joined_cell_on=joined,
        )

    def _make_classes(self) -> None:
        """Awareness classes every two months, new-member classes three times a year, from eight
        years back (some certificates are old on purpose) to the end of this year."""
        first_year = self.today.year - 8
        for year in range(first_year, self.today.year + 1):
            for n, month in enumerate((1, 3, 5, 7, 9, 11), start=1):
                end = self._snap(date(year, month, 20))
                start = end - timedelta(days=4)
                self.classes.append(
                    DemoClass(
                        self.new_id(),
                        "awareness",
                        f"Lớp bồi dưỡng nhận thức về Đảng khóa {n}/{year}",
                        start,
                        end,
                    )
                )
            for n, month in enumerate((2, 6, 10), start=1):
                end = self._snap(date(year, month, 12))
                self.classes.append(
                    DemoClass(
                        self.new_id(),
                        "new_member",
                        f"Lớp bồi dưỡng đảng viên mới khóa {n}/{year}",
                        end - timedelta(days=4),
                        end,
                    )
                )

    def _class_after(self, kind: str, day: date) -> DemoClass | None:
        classes, ends = (
            (self._awareness, self._awareness_ends)
            if kind == "awareness"
            else (self._new_member, self._new_member_ends)
        )
        i = bisect_left(ends, day)
        return classes[i] if i < len(classes) else None

    def _class_before(self, day: date) -> DemoClass:
        i = bisect_right(self._awareness_ends, day) - 1
        return self._awareness[max(i, 0)]

    # -- people ----------------------------------------------------------------------------

    def plan(self) -> list[tuple[Stage, str]]:
        """(stage, case) of every person, in the order they are made."""
        rng = random.Random(f"dvdesk-demo/{self.seed}/plan")
        n = self.people_count
        slots: list[tuple[Stage, str]] = [(s, "") for s in STAGE_WEIGHTS][:n]
        per_case = max(1, n // CASE_SHARE)
        for code, (stage, _, _) in CASES.items():
            for _ in range(per_case):
                if len(slots) < n:
                    slots.append((stage, str(code)))
        stages = list(STAGE_WEIGHTS)
        cum: list[float] = []
        total = 0.0
        for s in stages:
            total += STAGE_WEIGHTS[s]
            cum.append(total)
        while len(slots) < n:
            slots.append((stages[bisect_right(cum, rng.random() * total)], ""))
        rng.shuffle(slots)
        return slots

    def people(self) -> Iterator[DemoPerson]:
        rng = random.Random(f"dvdesk-demo/{self.seed}/people")
        weights: list[float] = []
        total = 0.0
        for unit in self.units:
            total += len(self._officials[unit.id])
            weights.append(total)
        schools = [u for u in self.units if u.kind == "school"] or self.units
        for stage, case in self.plan():
            if case == Code.AGE_UNDER_18:
                unit = rng.choice(schools)
            else:
                unit = self.units[bisect_right(weights, rng.random() * total)]
            yield self._person(rng, unit, stage, case)

    def _draw_gaps(self, rng: random.Random, case: str) -> _Gaps:
        gaps = _Gaps(
            to_class=rng.randint(40, 120),
            to_application=rng.randint(20, 150),
            to_mass_org=rng.randint(5, 30),
            to_verification=rng.randint(25, 80),
            to_opinions=rng.randint(3, 25),
            to_vote=rng.randint(5, 40),
            decision_wd=rng.randint(15, 50),
            received_wd=rng.randint(1, 5),
            ceremony_wd=rng.randint(5, 25),
            review_wd=rng.randint(3, 25),
            recognition_wd=rng.randint(5, 25),
            to_exit=rng.randint(30, 240),
            dossier_depth=rng.randint(1, 3),
            received=rng.random() < 0.85,
            exit_from=rng.choice((Stage.SYMPATHISER, Stage.TRAINED, Stage.DOSSIER)),
        )
        if case == Code.DOSSIER_STALE:
            gaps.to_verification = rng.randint(330, 380)  # verification dragged on a year
        if case == OverdueCode.CEREMONY_OVERDUE:
            gaps.received = True
        return gaps

    def _walk(self, start: date, g: _Gaps, route: MassOrg | None) -> dict[str, date]:
        """Every act a person could reach, laid down from `start` (the listing date)."""
        snap = self._snap
        d: dict[str, date] = {}
        d["listing"] = snap(start)
        cls = self._class_after("awareness", d["listing"] + timedelta(days=g.to_class))
        d["certificate"] = cls.end_date if cls else snap(d["listing"] + timedelta(g.to_class))
        d["application"] = snap(d["certificate"] + timedelta(days=g.to_application))
        last = d["verification"] = snap(d["application"] + timedelta(days=g.to_verification))
        if route is not None:
            d["mass_org"] = snap(d["application"] + timedelta(days=g.to_mass_org))
        d["opinions"] = snap(d["verification"] + timedelta(days=g.to_opinions))
        last = max(d["opinions"], d.get("mass_org", last))
        d["vote"] = snap(last + timedelta(days=g.to_vote))
        d["decision"] = self._wd(d["vote"], g.decision_wd)
        d["not_admitted"] = self._wd(d["vote"], g.decision_wd)
        d["received"] = self._wd(d["decision"], g.received_wd)
        d["ceremony"] = self._wd(d["received"] if g.received else d["decision"], g.ceremony_wd)
        d["struck_off"] = snap(d["ceremony"] + timedelta(days=60 + g.to_exit))
        d["probation_end"] = add_months(d["ceremony"], 12)
        d["recognition_vote"] = self._wd(d["probation_end"], g.review_wd)
        d["recognition_decision"] = self._wd(d["recognition_vote"], g.recognition_wd)
        return d

    @staticmethod
    def _acts(stage: Stage, g: _Gaps, route: MassOrg | None) -> list[str]:
        """The acts (keys of `_walk`) a person at `stage` has, in order."""
        dossier = ["application", *(["mass_org"] if route else []), "verification", "opinions"]
        if stage is Stage.SOURCE:
            return []
        if stage is Stage.SYMPATHISER:
            return ["listing"]
        if stage is Stage.TRAINED:
            return ["listing", "certificate"]
        if stage is Stage.DOSSIER:
            keep = {1: ["application"], 2: ["application", "verification"]}.get(
                g.dossier_depth, dossier
            )
            if route and g.dossier_depth > 1:
                keep = [k for k in dossier if k in keep or k == "mass_org"]
            return ["listing", "certificate", *keep]
        upto_vote = ["listing", "certificate", *dossier, "vote"]
        admitted = [*upto_vote, "decision", *(["received"] if g.received else [])]
        probation = [*admitted, "ceremony"]
        return {
            Stage.PROPOSED: upto_vote,
            Stage.ADMITTED: admitted,
            Stage.PROBATION: probation,
            Stage.RECOGNITION_PROPOSED: [*probation, "recognition_vote"],
            Stage.OFFICIAL: [*probation, "recognition_vote", "recognition_decision"],
            Stage.NOT_ADMITTED: [*upto_vote, "not_admitted"],
            Stage.STRUCK_OFF: [*probation, "struck_off"],
        }.get(stage, [])

    def _person(self, rng: random.Random, unit: DemoUnit, stage: Stage, case: str) -> DemoPerson:
        """A person at `stage` showing `case` (or clean): drawn again, up to a few times, when
        the calendar (a long Tết, say) spoils the intended picture."""
        allowed = _COMPANIONS.get(case, frozenset()) | ({case} if case else set())
        for attempt in range(40):
            person, province = self._attempt(rng, unit, stage, case)
            findings = tuple(check(person.facts(), self.today, self.calendar))
            codes = {f.code for f in findings}
            if self._past(person) and (
                (codes <= allowed and (not case or case in codes)) or attempt >= 8
            ):
                break
        person.findings = findings
        person.code = f"{unit.code}-{self._serial(unit.code):05d}"
        person.cccd = self._cccd(rng, province, person.sex, person.birth_date)
        self._number(person)
        self._admit(rng, person)
        return person

    def _past(self, person: DemoPerson) -> bool:
        """Nothing in the person's file lies after today."""
        return all(e.on <= self.today for e in person.events) and all(
            c.issued_on <= self.today for c in person.certificates
        )

    def _number(self, person: DemoPerson) -> None:
        """Document numbers, per issuer and year, given once the person is final."""
        unit = person.unit.code
        events: list[Event] = []
        for e in person.events:
            year = e.on.year
            if e.kind is EventKind.MASS_ORG_RESOLUTION:
                issuer = "NQ/ĐTN" if e.mass_org is MassOrg.YOUTH_UNION else "NQ/CĐCS"
                number = f"{self._serial(f'{unit}/mo/{year}')}-{issuer}"
            elif e.kind in (EventKind.CELL_VOTE, EventKind.RECOGNITION_VOTE):
                # Party documents are numbered within the committee's term (36-HD/VPTW), not
                # by year; acts before the chi bộ's current term belong to earlier ones.
                start = person.unit.term_start
                term = "current" if start is None or e.on >= start else f"before/{year}"
                number = f"{self._serial(f'{unit}/nq/{term}'):02d}-NQ/CB"
            elif e.kind in (EventKind.DECISION, EventKind.RECOGNITION_DECISION):
                # The office's committee has no term set in the demo: one running sequence.
                number = f"{self._serial('qd'):02d}-{DECISION_SUFFIX}"
            else:
                events.append(e)
                continue
            events.append(replace(e, number=nfc(number)))
        person.events = events
        person.certificates = [
            replace(
                c,
                number=nfc(
                    f"{self._serial(f'{c.kind}/{c.issued_on.year}')}/"
                    + ("GCN-ĐUK" if c.kind == "awareness" else "GCN-ĐVM")
                ),
            )
            for c in person.certificates
        ]

    def _attempt(
        self, rng: random.Random, unit: DemoUnit, stage: Stage, case: str
    ) -> tuple[DemoPerson, str]:
        today = self.today
        student = case == Code.AGE_UNDER_18
        ethnicity, province = self._origin(rng)
        if student:
            occupation = "Học sinh"
        else:
            occupation = _pick(rng, _OCCUPATIONS.get(unit.kind, _OCCUPATIONS["agency"]))
        female = rng.random() < _FEMALE_SHARE.get(occupation, 0.55)
        sex = "nu" if female else "nam"
        age_years = 16 if student else 23 + int(rng.triangular(0, 16, 3))
        youth_candidate = age_years <= 30 and rng.random() < (0.97 if student else 0.88)
        route: MassOrg | None = None
        if youth_candidate and rng.random() < 0.8:
            route = MassOrg.YOUTH_UNION
        elif not youth_candidate and not student and rng.random() < 0.15:
            route = MassOrg.TRADE_UNION
        g = self._draw_gaps(rng, case)

        # Lay the acts down so that the one that matters lands in its window before today.
        kind = case if case else ""
        if stage is Stage.REMOVED:
            acts = self._acts(g.exit_from, g, route)
        elif case == Code.VOTE_BELOW_TWO_THIRDS:
            acts = self._acts(Stage.PROPOSED, g, route)  # the vote fails: still a dossier
        else:
            acts = self._acts(stage, g, route)
        lo, hi = CASES[kind][1:] if kind else _WINDOWS[stage]
        target = today - timedelta(days=rng.randint(lo, hi))
        dates: dict[str, date] = {}
        removal: date | None = None
        if acts:
            probe = self._walk(today, g, route)
            start = target - (max(probe[a] for a in acts) - probe["listing"])
            if stage is Stage.REMOVED:
                start -= timedelta(days=g.to_exit)
            # Snapping to working days and to class dates moves the last act a little (or, past
            # a class, a lot): step back until nothing lies after today.
            for step in range(12):
                dates = self._walk(start, g, route)
                end = max(dates[a] for a in acts)
                if stage is Stage.REMOVED:
                    removal = self._snap(end + timedelta(days=g.to_exit))
                    end = removal
                if end <= today:
                    break
                start -= (end - today) + timedelta(days=3 * step)
        listing = dates.get("listing", today - timedelta(days=rng.randint(0, 200)))
        if case == Code.CERTIFICATE_EXPIRED:
            old = self._class_before(add_months(dates["vote"], -61) - timedelta(days=10))
            dates["certificate"] = old.end_date
            listing = dates["listing"] = self._snap(old.end_date - timedelta(days=g.to_class))

        # The person, consistent with those dates.
        if student:
            vote = dates["vote"]
            birth = add_months(vote, -215) - timedelta(days=rng.randint(1, 25))
            joined = date(birth.year + 15, 9, 5)
        else:
            birth = listing - timedelta(days=int(age_years * 365.25) + rng.randint(0, 364))
            joined = max(
                listing - timedelta(days=rng.randint(400, 3000)),
                add_months(birth, 12 * 22),
            )
        if case == Code.INTRODUCER_TOO_SHORT:
            joined = dates["application"] - timedelta(days=rng.randint(30, 90))
        youth_date: date | None = None
        if youth_candidate or (route is MassOrg.YOUTH_UNION):
            year = birth.year + 16
            youth_date = date(year, 3, 26)
            if youth_date < add_months(birth, 16 * 12):
                youth_date = date(year + 1, 3, 26)
        trade = not student and rng.random() < 0.92
        trade_date = min(joined + timedelta(days=rng.randint(30, 240)), today) if trade else None
        if route is MassOrg.TRADE_UNION and not trade:
            trade, trade_date = True, joined + timedelta(days=30)
        if student:
            education, grade = "11/12", 11
        elif birth.year < 1982 and rng.random() < 0.5:
            education, grade = "10/10", 10
        elif occupation == "Lái xe" and rng.random() < 0.3:
            education, grade = "9/12", 9
        else:
            education, grade = "12/12", 12
        ethnic_religions = ethnicity.religions
        home = self._place(rng, province)
        residence = (
            nfc(f"phường {rng.choice(_WARDS)}, tỉnh {PROVINCE}")
            if rng.random() < 0.6
            else self._place(rng, PROVINCE_CODE)
        )
        person = DemoPerson(
            id=self.new_id(),
            code="",
            full_name=self._name(rng, sex, ethnicity, province),
            sex=sex,
            birth_date=birth,
            cccd="",
            ethnicity=ethnicity.name,
            religion=_pick(rng, ethnic_religions),
            education=education,
            education_grade=grade,
            occupation=occupation,
            youth_union_member=youth_date is not None,
            youth_union_date=youth_date,
            trade_union_member=trade,
            trade_union_date=trade_date,
            unit=unit,
            joined_unit_on=joined,
            birth_place=home if rng.random() < 0.8 else residence,
            hometown=home,
            residence=residence,
            case=case,
        )
        self._lay_acts(rng, person, stage, case, acts, dates, route, removal)
        return person, province

    def _lay_acts(
        self,
        rng: random.Random,
        person: DemoPerson,
        stage: Stage,
        case: str,
        acts: list[str],
        dates: dict[str, date],
        route: MassOrg | None,
        removal: date | None,
    ) -> None:
        unit = person.unit
        officials = self._officials[unit.id]
        counts = len(officials)
        events: list[Event] = []
        vote_on = dates.get("vote")
        for act in acts:
            on = dates[act]
            if act == "listing":
                events.append(Event(EventKind.SYMPATHISER_LISTED, on))
                person.assignments.append(
                    DemoAssignment(
                        rng.choice(officials),
                        "helper",
                        on,
                        dates.get("ceremony") if "ceremony" in acts else None,
                    )
                )
            elif act == "certificate":
                cls = self._class_after("awareness", on)
                class_id = cls.id if cls and cls.end_date == on else None
                person.certificates.append(DemoCertificate("awareness", on, "", ISSUER, class_id))
            elif act == "application":
                events.append(Event(EventKind.APPLICATION, on))
                self._introducers(rng, person, case, route, on, vote_on)
            elif act == "mass_org":
                events.append(Event(EventKind.MASS_ORG_RESOLUTION, on, mass_org=route))
            elif act == "verification":
                events.append(Event(EventKind.VERIFICATION, on))
            elif act == "opinions":
                events.append(Event(EventKind.OPINIONS, on))
            elif act in ("vote", "recognition_vote"):
                failed = case == Code.VOTE_BELOW_TWO_THIRDS and act == "vote"
                absent = rng.randint(0, min(3, counts // 6))
                against = rng.randint(0, 1) if counts > 9 else 0
                votes_for = counts - absent - against
                if failed:
                    votes_for = -(-2 * counts // 3) - rng.randint(1, 3)
                    against = counts - absent - votes_for
                kind = EventKind.CELL_VOTE if act == "vote" else EventKind.RECOGNITION_VOTE
                events.append(
                    Event(
                        kind,
                        on,
                        official_members=counts,
                        present=counts - absent,
                        votes_for=votes_for,
                        votes_against=against,
                    )
                )
            elif act in ("decision", "recognition_decision"):
                kind = EventKind.DECISION if act == "decision" else EventKind.RECOGNITION_DECISION
                events.append(Event(kind, on))
            elif act == "received":
                events.append(Event(EventKind.DECISION_RECEIVED, on))
            elif act == "ceremony":
                events.append(Event(EventKind.CEREMONY, on))
                intro = [a for a in person.assignments if a.role == "introducer"]
                helper = intro[0].member if intro else rng.choice(officials)
                ended = dates.get("recognition_decision") if stage is Stage.OFFICIAL else None
                if stage is Stage.STRUCK_OFF:
                    ended = dates["struck_off"]
                person.assignments.append(DemoAssignment(helper, "helper", on, ended))
                cls = self._class_after("new_member", on + timedelta(days=30))
                if cls is not None and cls.end_date <= self.today:
                    person.certificates.append(
                        DemoCertificate("new_member", cls.end_date, "", ISSUER, cls.id)
                    )
            elif act == "not_admitted":
                events.append(
                    Event(EventKind.NOT_ADMITTED, on, reason=rng.choice(_NOT_ADMITTED_REASONS))
                )
            elif act == "struck_off":
                events.append(
                    Event(EventKind.STRUCK_OFF, on, reason=rng.choice(_STRUCK_OFF_REASONS))
                )
        if removal is not None:
            events.append(Event(EventKind.REMOVED, removal, reason=rng.choice(_REMOVAL_REASONS)))
            person.assignments = [
                DemoAssignment(a.member, a.role, a.from_date, a.to_date or removal)
                if a.role == "helper"
                else a
                for a in person.assignments
            ]
        person.events = events

    def _introducers(
        self,
        rng: random.Random,
        person: DemoPerson,
        case: str,
        route: MassOrg | None,
        application: date,
        vote_on: date | None,
    ) -> None:
        """One introducer with a mass organisation's resolution, else two; official members
        who have been in the chi bộ 12 months before the vote (except where a case wants)."""
        officials = self._officials[person.unit.id]
        vote = vote_on or application + timedelta(days=150)
        cutoff = add_months(vote, -13)
        fit = [
            m
            for m in officials
            if m.joined_cell_on <= cutoff
            and m.official_date is not None
            and m.official_date < application
        ] or officials
        count = 1 if route is not None else 2
        chosen = rng.sample(fit, min(count, len(fit)))
        if case == Code.INTRODUCER_NOT_OFFICIAL:
            chosen[-1] = rng.choice(self._probationary[person.unit.id])
        for member in chosen:
            person.assignments.append(DemoAssignment(member, "introducer", application))

    def _admit(self, rng: random.Random, person: DemoPerson) -> None:
        """A member row for a person admitted through the pipeline (probationary or official)."""
        ceremony = person.event(EventKind.CEREMONY)
        decision = person.event(EventKind.DECISION)
        stage = derive_stage(person.events)
        if ceremony is None or decision is None or stage.is_exit:
            return
        recognised = person.event(EventKind.RECOGNITION_DECISION)
        unit = person.unit
        person.membership = DemoMember(
            id=self.new_id(),
            code=f"{unit.code}-DV{self._serial(unit.code + '/members'):03d}",
            full_name=person.full_name,
            sex=person.sex,
            birth_date=person.birth_date,
            cccd=person.cccd,
            unit=unit,
            status=MemberStatus.OFFICIAL if recognised else MemberStatus.PROBATIONARY,
            admission_decision_date=decision.on,
            ceremony_date=ceremony.on,
            official_date=recognised.on if recognised else None,
            card_number=f"{rng.randrange(10_000_000, 100_000_000)}" if recognised else "",
            joined_cell_on=ceremony.on,
            person_id=person.id,
        )


# --- writing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoSummary:
    office: str
    units: int
    members: int
    people: int
    stages: dict[str, int]  # every stage, in pipeline order, with its count
    overdue: int  # open deadlines already past on `today`
    due_soon: int  # open deadlines due within 30 days of `today`
    findings: dict[str, int]  # finding code -> people with it on `today` (as `dvdesk check`)
    seed: int
    today: date

    def describe(self, lang: str = "vi") -> str:
        vi = lang == "vi"
        width = max(len(stage_label(Stage(s), lang)) for s in self.stages)
        lines = [
            (
                f"Đã tạo dữ liệu mẫu (seed {self.seed}, tính đến ngày {format_date(self.today)}):"
                if vi
                else f"Demo data made (seed {self.seed}, as of {self.today.isoformat()}):"
            ),
            (
                f"  {self.office}: {self.units} chi bộ, {self.members} đảng viên, "
                f"{self.people} người trong quy trình"
                if vi
                else f"  {self.office}: {self.units} cells, {self.members} Party members, "
                f"{self.people} people in the pipeline"
            ),
        ]
        for stage, count in self.stages.items():
            lines.append(f"    {stage_label(Stage(stage), lang):<{width}}  {count:>7}")
        lines.append(
            f"  Thời hạn: {self.overdue} việc quá hạn, {self.due_soon} việc đến hạn trong 30 ngày"
            if vi
            else f"  Deadlines: {self.overdue} overdue, {self.due_soon} due within 30 days"
        )
        if self.findings:
            found = ", ".join(f"{code} ({n})" for code, n in sorted(self.findings.items()))
            lines.append(f"  Phát hiện: {found}" if vi else f"  Findings: {found}")
        return "\n".join(lines)


_NOT_HASHED = frozenset({"version", "content_hash"})


def _iso(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot hash {type(value).__name__}")


# json.dumps(..., sort_keys=True, ensure_ascii=False) as db/tracking.py hashes, for rows whose
# keys already come sorted.
_ENCODER = json.JSONEncoder(ensure_ascii=False, default=_iso)


class _Table:
    """Bulk rows for one tracked table, with version and content hash set as the flush hook in
    db/tracking.py sets them (hash of every column but version, hash and derived columns)."""

    def __init__(self, model: Any) -> None:
        self.model = model
        mapper = model.__mapper__
        self.columns = [c.key for c in mapper.column_attrs]
        skip = _NOT_HASHED | getattr(model, "derived_columns", frozenset())
        # Sorted once, so the payload is built in key order and needs no sort_keys per row.
        self.hashed = sorted(k for k in self.columns if k not in skip)
        self.defaults: dict[str, Any] = {}
        for col in mapper.columns:
            default = col.default
            if default is not None and getattr(default, "is_scalar", False):
                self.defaults[col.key] = default.arg
        self.rows: list[dict[str, Any]] = []

    def add(self, **values: Any) -> None:
        row = {k: values.get(k, self.defaults.get(k)) for k in self.columns}
        text = _ENCODER.encode({k: row[k] for k in self.hashed})
        row["version"] = 1
        row["content_hash"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        self.rows.append(row)

    def flush(self, session: Session) -> int:
        n = len(self.rows)
        if n:
            session.bulk_insert_mappings(self.model.__mapper__, self.rows, render_nulls=True)
            self.rows = []
        return n


class _Plain:
    """Bulk rows for an untracked table (no version or hash)."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.rows: list[dict[str, Any]] = []

    def add(self, **values: Any) -> None:
        self.rows.append(values)

    def flush(self, session: Session) -> int:
        n = len(self.rows)
        if n:
            session.bulk_insert_mappings(self.model.__mapper__, self.rows, render_nulls=True)
            self.rows = []
        return n


# Names repeat a lot among thousands of people; their collation key is worth remembering.
_sort_key = functools.lru_cache(maxsize=1 << 16)(name_sort_key)


def _member_row(table: _Table, m: DemoMember) -> None:
    table.add(
        id=m.id,
        owner_unit_id=m.unit.id,
        code=m.code,
        person_id=m.person_id,
        full_name=m.full_name,
        sort_key=_sort_key(m.full_name),
        search_text=search_key(m.full_name, m.code, m.cccd),
        birth_date=m.birth_date,
        cccd=m.cccd,
        unit_id=m.unit.id,
        status=m.status.value,
        admission_decision_date=m.admission_decision_date,
        ceremony_date=m.ceremony_date,
        official_date=m.official_date,
        card_number=m.card_number,
        joined_cell_on=m.joined_cell_on,
        left_on=None,
    )


def _existing(db: Database) -> tuple[int, int]:
    with db.reader() as session:
        return queries.count_people(session), len(queries.members_index(session))


def make_demo(
    db: Database,
    *,
    units: int = 5,
    people: int = 200,
    seed: int = 1,
    today: date | None = None,
    actor: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data and say what was made.

    A database without an install row is set up first as the provincial office
    (`OFFICE_NAME`, role office) with `units` chi bộ under it; an office's database gets
    `units` new chi bộ; a cell's database gets its people and members in the cell itself.
    A database that already has people or members is refused: demo data never mixes with
    real records. Everything else is written in one transaction.
    """
    if units < 1 or people < 0:
        raise UserError(
            "Số chi bộ phải từ 1 trở lên và số người từ 0 trở lên.",
            "units must be at least 1 and people at least 0.",
        )
    today = today or date.today()
    actor = actor or audit.current_user()
    if any(_existing(db)):
        raise UserError(
            "Cơ sở dữ liệu này đã có dữ liệu; chỉ tạo dữ liệu mẫu trong một thư mục dữ liệu mới "
            "(--data-dir).",
            "This database already holds data; make demo data only in a new data folder "
            "(--data-dir).",
        )
    info = install_info(db)
    if info is None:
        info = init_unit(db, OFFICE_CODE, OFFICE_NAME, "office", actor=actor)

    with db.unit_of_work() as session:
        calendar = load_calendar(session)
        taken = frozenset(u.code for u in queries.all_units(session))
        cell: DemoUnit | None = None
        if info.role == "cell":
            cell = DemoUnit(info.unit_id, info.unit_code, info.unit_name, "agency", existing=True)
        world = DemoWorld(
            units=units,
            people=people,
            seed=seed,
            today=today,
            calendar=calendar,
            cell=cell,
            taken_codes=taken,
        )
        summary = _write(session, world, info.unit_id, progress)
        audit.log(
            session,
            actor,
            "demo",
            "unit",
            info.unit_id,
            after={
                "units": summary.units,
                "members": summary.members,
                "people": summary.people,
                "seed": seed,
                "today": today.isoformat(),
            },
        )
    if info.role == "office" and not print_settings.print_settings(db).committee_secretary:
        print_settings.save_print_settings(
            db,
            print_settings.PrintSettings(
                place=PROVINCE,
                committee_name=ISSUER,
                committee_symbol="ĐU",
                committee_superior=f"Đảng bộ tỉnh {PROVINCE}",
                committee_secretary="Hoàng Minh Đức",
            ),
            actor,
        )
    if info.role == "office" and plans.get_plan(db, info.unit_id, today.year) is None:
        # The founding bloc plan for this year, so the Reports tab has targets to measure by,
        # shared out to the chi bộ as an office would: by the people each could admit.
        founding = plans.founding_plan_input(info.unit_id, today.year)
        shares = targets.proposed_shares(db, founding.admit_target)
        given = tuple(plans.UnitTarget(u, n) for u, n in sorted(shares.items()) if n)
        plans.save_plan(db, replace(founding, targets=given), actor)
    return DemoSummary(
        office=info.unit_name,
        units=summary.units,
        members=summary.members,
        people=summary.people,
        stages=summary.stages,
        overdue=summary.overdue,
        due_soon=summary.due_soon,
        findings=summary.findings,
        seed=seed,
        today=today,
    )


def _write(
    session: Session,
    world: DemoWorld,
    office_id: str,
    progress: Callable[[int, int], None] | None,
) -> DemoSummary:
    today = world.today
    calendar = world.calendar
    units = _Table(Unit)
    members = _Table(Member)
    classes = _Table(PartyClass)
    people = _Table(Person)
    events = _Table(PipelineEvent)
    certificates = _Table(CertificateRecord)
    assignments = _Table(Assignment)
    deadlines = _Plain(OpenDeadline)

    # The chi bộ's secretary signs its resolutions: its longest-standing official member.
    secretaries: dict[str, str] = {}
    for m in sorted(world.members, key=lambda m: m.ceremony_date):
        if m.status is MemberStatus.OFFICIAL:
            secretaries.setdefault(m.unit.id, m.full_name)
    for u in world.units:
        if not u.existing:
            units.add(
                id=u.id,
                owner_unit_id=u.id,
                code=u.code,
                name=u.name,
                kind="chi_bo",
                parent_id=office_id,
                term_start=u.term_start,
                term_end=u.term_end,
                place=PROVINCE,
                symbol="CB",
                secretary_name=secretaries.get(u.id, ""),
            )
    units.flush(session)
    for m in world.members:
        _member_row(members, m)
    member_count = members.flush(session)
    for c in world.classes:
        classes.add(
            id=c.id,
            owner_unit_id=office_id,
            kind=c.kind,
            name=c.name,
            organiser=ISSUER,
            start_date=c.start_date,
            end_date=c.end_date,
            year=c.start_date.year,
            quarter=(c.start_date.month - 1) // 3 + 1,
            place="Hội trường " + ISSUER,
            capacity=60,
        )
    classes.flush(session)

    stages: Counter[str] = Counter()
    findings: Counter[str] = Counter()
    overdue = due_soon = done = 0
    soon = today + timedelta(days=30)
    total = world.people_count

    def flush() -> None:
        nonlocal member_count
        people.flush(session)
        member_count += members.flush(session)
        events.flush(session)
        certificates.flush(session)
        assignments.flush(session)
        deadlines.flush(session)

    for p in world.people():
        facts = p.facts()
        d = derive_service.derive_state(
            facts, calendar, p.findings if today == derive_service.today() else None
        )
        stages[d.stage.value] += 1
        for code in p.codes:
            findings[code] += 1
        owner = p.unit.id
        people.add(
            id=p.id,
            owner_unit_id=owner,
            code=p.code,
            full_name=p.full_name,
            birth_name="",
            sort_key=_sort_key(p.full_name),
            search_text=search_key(p.full_name, p.code, p.cccd),
            sex=p.sex,
            birth_date=p.birth_date,
            birth_place=p.birth_place,
            hometown=p.hometown,
            residence=p.residence,
            cccd=p.cccd,
            ethnicity=p.ethnicity,
            religion=p.religion,
            education=p.education,
            education_grade=p.education_grade,
            occupation=p.occupation,
            youth_union_member=p.youth_union_member,
            youth_union_date=p.youth_union_date,
            trade_union_member=p.trade_union_member,
            trade_union_date=p.trade_union_date,
            unit_id=owner,
            joined_unit_on=p.joined_unit_on,
            notes="",
            stage=d.stage.value,
            next_due=d.next_due,
            next_due_kind=d.next_due_kind,
            error_count=d.error_count,
            warning_count=d.warning_count,
        )
        if p.membership is not None:
            _member_row(members, p.membership)
        for e in p.events:
            events.add(
                id=world.new_id(),
                owner_unit_id=owner,
                person_id=p.id,
                kind=e.kind.value,
                on_date=e.on,
                number=e.number,
                official_members=e.official_members,
                present=e.present,
                votes_for=e.votes_for,
                votes_against=e.votes_against,
                extended=e.extended,
                mass_org=e.mass_org.value if e.mass_org else None,
                reason=e.reason,
                override_reason="",
            )
        for cert in p.certificates:
            certificates.add(
                id=world.new_id(),
                owner_unit_id=owner,
                person_id=p.id,
                class_id=cert.class_id,
                kind=cert.kind,
                number=cert.number,
                issued_on=cert.issued_on,
                issuer=cert.issuer,
            )
        for a in p.assignments:
            assignments.add(
                id=world.new_id(),
                owner_unit_id=owner,
                person_id=p.id,
                member_id=a.member.id,
                role=a.role,
                from_date=a.from_date,
                to_date=a.to_date,
                replacement=a.replacement,
                reason=a.reason,
            )
        for dl in d.deadlines:
            deadlines.add(
                person_id=p.id,
                kind=dl.kind.value,
                start=dl.start,
                due=dl.due,
                overdue_code=dl.overdue_code or "",
            )
            if dl.kind is DeadlineKind.PROBATION_END:
                continue
            if dl.due < today:
                overdue += 1
            elif dl.due <= soon:
                due_soon += 1
        done += 1
        if done % BATCH == 0:
            flush()
            if progress is not None:
                progress(done, total)
    flush()
    if progress is not None:
        progress(done, total)
    return DemoSummary(
        office="",
        units=len(world.units),
        members=member_count,
        people=done,
        stages={s.value: stages.get(s.value, 0) for s in Stage},
        overdue=overdue,
        due_soon=due_soon,
        findings=dict(sorted(findings.items())),
        seed=world.seed,
        today=today,
    )
