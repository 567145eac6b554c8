"""The privacy notice a person is given before their data is processed, and the consent they
sign under it (Law 91/2025/QH15 on personal data protection, Decree 356/2025/NĐ-CP).

The notice is versioned: a consent records the version it was given under, so a changed
notice can be told apart from the one a person agreed to. Whether a Party body may rely on the
law's exception for competent agencies instead of consent is for the office's counsel
(reliability.md §4); asking for consent is the reading that cannot be wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

NOTICE_VERSION = "2026.1"
TITLE = "Thông báo về xử lý dữ liệu cá nhân và ý kiến đồng ý"
FORM_CODE = "TB-DLCN"
# In place of a secret dossier's name (and its data) in any file written out.
SECRET_MASK = "(hồ sơ mật)"


@dataclass(frozen=True)
class NoticeFacts:
    person_name: str
    controller: str  # the chi bộ that keeps the file
    office: str  # the committee above that receives it
    purge_months: int | None  # the office's period for people not admitted


def notice_paragraphs(facts: NoticeFacts) -> tuple[str, ...]:
    keep = (
        f"trong {facts.purge_months} tháng kể từ ngày thôi xem xét, rồi được xóa"
        if facts.purge_months
        else "cho đến khi cấp ủy có thẩm quyền quyết định thời hạn xóa"
    )
    return (
        f"1. Bên kiểm soát và xử lý dữ liệu: {facts.controller}; dữ liệu được gửi lên "
        f"{facts.office} để xem xét, quyết định theo Điều lệ Đảng và các quy định, hướng dẫn "
        "thi hành.",
        "2. Mục đích: xem xét, bồi dưỡng, kết nạp đảng viên và công nhận đảng viên chính thức; "
        "không dùng vào mục đích nào khác.",
        "3. Dữ liệu được xử lý: họ tên, ngày sinh, giới tính, nơi sinh, quê quán, nơi cư trú, "
        "số định danh cá nhân (CCCD), trình độ, nghề nghiệp, quá trình công tác, quan hệ gia "
        "đình. Trong đó có dữ liệu cá nhân nhạy cảm: dân tộc, tôn giáo, quan điểm chính trị và "
        "lịch sử chính trị của bản thân và gia đình.",
        "4. Cách xử lý: lưu trên máy tính của chi bộ, được mã hóa; chỉ người được giao nhiệm "
        "vụ mới được xem; mọi lần xem, in, xuất và sửa đều được ghi lại; không gửi qua thư "
        "điện tử hay mạng xã hội.",
        "5. Thời gian lưu giữ: nếu được kết nạp, hồ sơ được lưu theo quy định về hồ sơ đảng "
        f"viên; nếu không được kết nạp hoặc thôi xem xét, dữ liệu được lưu {keep}.",
        "6. Quyền của người có dữ liệu: được biết, được đồng ý hoặc không đồng ý, được rút lại "
        "sự đồng ý, được xem và yêu cầu chỉnh sửa, được yêu cầu xóa dữ liệu theo quy định của "
        "pháp luật. Việc rút lại sự đồng ý không ảnh hưởng đến việc xử lý đã làm trước đó.",
    )


CONSENT_STATEMENT = (
    "Tôi đã đọc và hiểu thông báo trên. Tôi đồng ý để dữ liệu cá nhân của tôi, kể cả dữ liệu "
    "cá nhân nhạy cảm nêu ở mục 3, được xử lý cho mục đích và theo cách đã nêu."
)
