"""The Candidates tab's reading side: the person view, the to-do list, the paged list."""

from __future__ import annotations

from datetime import date, timedelta

from test_actions import dossier_steps, make_member, make_person, vote

from dvdesk.db import queries
from dvdesk.db.engine import Database
from dvdesk.domain.text import name_sort_key
from dvdesk.services.actions import ActionInput, ActionKind, perform
from dvdesk.services.candidates import PeopleFilter, page_people, person_detail, todo
from dvdesk.services.people import FamilyInput, list_people

A = ActionKind


def test_detail_marks_stale_and_missing_papers(db: Database) -> None:
    m1 = make_member(db, "Trần Văn Bình")
    pid = make_person(
        db,
        "Nguyễn Thị Lan",
        date(2000, 1, 1),
        occupation="Giáo viên",
        family=(FamilyInput("Mẹ đẻ", "Trần Thị Bình", 1970),),
    )
    perform(db, pid, ActionInput(A.LIST_SYMPATHISER, date(2021, 1, 5), helper_id=m1), "x")
    perform(db, pid, ActionInput(A.APPLICATION, date(2021, 1, 10)), "x")
    perform(db, pid, ActionInput(A.OPINIONS, date(2022, 3, 1)), "x")

    detail = person_detail(db, pid, date(2022, 6, 1), "en")
    papers = {p.paper: p for p in detail.checklist}
    assert papers["application"].status == "stale"
    assert papers["application"].valid_until == date(2022, 1, 10)
    assert papers["opinions"].status == "present"
    assert papers["certificate"].status == "missing"
    assert papers["introducers"].status == "missing"
    assert "mass_org_resolution" not in papers  # not a Youth Union or trade-union member
    assert detail.checklist_on == date(2022, 6, 1)
    assert [(f.code, f.severity) for f in detail.findings] == [("DOSSIER_STALE", "warning")]
    assert detail.findings[0].basis
    assert [t.kind for t in detail.timeline] == [
        "helper",
        "sympathiser_listed",
        "application",
        "opinions",
    ]
    assert detail.timeline[1].label == "Added to sympathiser list"
    assert [h.name for h in detail.helpers] == ["Trần Văn Bình"]
    assert detail.family[0].full_name == "Trần Thị Bình"
    assert detail.stage == "dossier"

    vi = person_detail(db, pid, date(2022, 6, 1))
    assert vi.timeline[1].label == "Đưa vào danh sách cảm tình Đảng"
    assert vi.stage_label == "Đang hoàn thiện hồ sơ"


def test_detail_at_the_vote_and_expired_certificate(db: Database) -> None:
    m1, m2 = make_member(db, "Trần Văn Bình"), make_member(db, "Lê Thị Cúc")
    pid = make_person(db, "Nguyễn Văn An", date(2000, 1, 1))
    steps = dossier_steps(m1, m2)
    steps[1] = ActionInput(A.CERTIFICATE, date(2017, 3, 1), number="GCN-OLD")
    for step in steps:
        perform(db, pid, step, "x")
    perform(db, pid, vote(date(2022, 6, 1)), "x", override_reason="Đã học lại, chờ giấy")
    detail = person_detail(db, pid, date(2022, 6, 10))
    papers = {p.paper: p for p in detail.checklist}
    assert detail.checklist_on == date(2022, 6, 1)
    assert papers["certificate"].status == "stale"
    assert papers["introducers"].status == "present"
    assert papers["verification"].status == "present"
    assert "CERTIFICATE_EXPIRED" in {f.code for f in detail.findings}
    assert [d.kind for d in detail.deadlines] == ["decision"]
    assert detail.deadlines[0].status == "due"
    assert len(detail.introducers) == 2
    assert detail.certificates[0].number == "GCN-OLD"


def test_todo_lists_overdue_and_this_week(db: Database) -> None:
    m1, m2 = make_member(db, "Trần Văn Bình"), make_member(db, "Lê Thị Cúc")
    a = make_person(db, "Nguyễn Văn An", date(2000, 1, 1))
    b = make_person(db, "Phạm Thị Hoa", date(2000, 1, 1))
    for step in dossier_steps(m1, m2):
        perform(db, a, step, "x")
        perform(db, b, step, "x")
    perform(db, a, vote(date(2022, 6, 1)), "x")
    perform(db, b, vote(date(2022, 6, 20)), "x")
    due_a = person_detail(db, a, date(2022, 6, 2)).deadlines[0].due
    due_b = person_detail(db, b, date(2022, 6, 2)).deadlines[0].due
    assert due_a < due_b

    on = due_a + timedelta(days=1)
    items = todo(db, on, "en")
    by_person = {i.person_id: i for i in items}
    assert by_person[a].status == "overdue" and by_person[a].days_left == -1
    if (due_b - on).days <= 7:
        assert by_person[b].status == "due"
    else:
        assert b not in by_person
    assert by_person[a].label == "Admission decision"

    items = todo(db, due_b - timedelta(days=3))
    assert {i.person_id for i in items} == {a, b}
    assert todo(db, date(2022, 6, 2)) == []


NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Ánh",
    "Lê Văn Bình",
    "Đỗ Thị Đào",
    "Phạm Văn Dũng",
    "Nguyễn Thị Dung",
    "Hoàng Văn Ân",
    "Vũ Thị Yến",
    "Ngô Văn Ước",
    "Bùi Thị Út",
    "Đặng Văn Đức",
    "Nguyễn Văn Đức",
    "Lý Thị Ơn",
    "Trịnh Văn Ông",
    "Mai Thị Ôn",
    "Nguyễn Văn An",  # same name: the id breaks the tie
    "Cao Văn Hùng",
    "Tạ Thị Hương",
    "Lương Văn Hưng",
    "Đinh Thị Lan",
    "Hồ Văn Long",
    "Kiều Thị Mai",
    "Dương Văn Minh",
]


def test_page_people_keyset_paging_and_filters(db: Database) -> None:
    m1, m2 = make_member(db, "Trần Văn Bình"), make_member(db, "Lê Thị Cúc")
    ids: dict[str, str] = {}
    for i, name in enumerate(NAMES):
        ids[f"{name}#{i}"] = make_person(
            db,
            name,
            date(2000, 1, 1),
            code=f"P{i:02}",
            youth_union_member=i % 3 == 0,
            occupation="Sinh viên năm 3" if i % 4 == 0 else "HỌC SINH" if i == 5 else "Kỹ sư",
        )
    # Every page joined gives every person exactly once, in Vietnamese order.
    seen = []
    after = None
    while True:
        page = page_people(db, PeopleFilter(), after, limit=5)
        if not page:
            break
        seen += page
        after = (page[-1].sort_key, page[-1].id)
    assert len(seen) == len(NAMES)
    assert len({r.id for r in seen}) == len(NAMES)
    assert [(r.sort_key, r.id) for r in seen] == sorted((r.sort_key, r.id) for r in seen)
    assert [r.id for r in seen] == [r.id for r in list_people(db)]
    # Given name first: "An" < "Ánh" < "Ân" < "Bình" ... "Đức" after "Dũng".
    given = [r.full_name.split()[-1] for r in seen]
    assert given.index("An") < given.index("Ánh") < given.index("Ân") < given.index("Bình")
    assert given.index("Dung") < given.index("Dũng") < given.index("Đào") < given.index("Đức")
    assert seen[0].sort_key == name_sort_key("Nguyễn Văn An")

    # Search ignores diacritics and needs every word.
    names = {r.full_name for r in page_people(db, PeopleFilter(search="nguyen duc"))}
    assert names == {"Nguyễn Văn Đức"}
    assert len(page_people(db, PeopleFilter(search="NGUYỄN"))) == 4
    assert [r.code for r in page_people(db, PeopleFilter(search="p07"))] == ["P07"]

    students = page_people(db, PeopleFilter(student=True))
    expected = {i for i in range(len(NAMES)) if i % 4 == 0} | {5}
    assert {r.code for r in students} == {f"P{i:02}" for i in expected}
    youth = page_people(db, PeopleFilter(youth_union=True), limit=100)
    assert {r.code for r in youth} == {f"P{i:02}" for i in range(len(NAMES)) if i % 3 == 0}
    assert len(page_people(db, PeopleFilter(youth_union=False), limit=100)) == len(NAMES) - len(
        youth
    )

    # Stage, findings and overdue filters.
    first = ids["Nguyễn Văn An#0"]
    for step in dossier_steps(m1, m2):
        perform(db, first, step, "x")
    perform(db, first, vote(date(2022, 6, 1)), "x")
    proposed = page_people(db, PeopleFilter(stage="proposed"))
    assert [r.id for r in proposed] == [first]
    with db.reader() as s:
        person = queries.person_by_key(s, first)
        assert person is not None and person.next_due is not None
        due = person.next_due
    assert page_people(db, PeopleFilter(overdue_on=due)) == []
    overdue = page_people(db, PeopleFilter(overdue_on=due + timedelta(days=1)))
    assert [r.id for r in overdue] == [first]

    stale = ids["Trần Thị Ánh#1"]
    perform(db, stale, ActionInput(A.APPLICATION, date(2020, 1, 1)), "x")
    flagged = page_people(db, PeopleFilter(has_findings=True))
    assert stale in {r.id for r in flagged}
    assert all(r.errors + r.warnings > 0 for r in flagged)
    combined = page_people(db, PeopleFilter(search="anh", has_findings=True, student=True))
    assert combined == []
