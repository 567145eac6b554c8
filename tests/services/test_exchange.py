"""A chi bộ and its office in two data folders, exchanging real bundle files both ways."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dvdesk.db import queries, sync_queries
from dvdesk.db.models import Conflict, Person, PipelineEvent
from dvdesk.domain.pipeline import EventKind
from dvdesk.services import exchange
from dvdesk.services.derive import load_calendar
from dvdesk.services.errors import UserError
from dvdesk.services.people import EventInput, add_event
from dvdesk.services.setup import install_info
from exchange_world import CELL_PASS, OFFICE_PASS, World, shared

TODAY = date(2026, 11, 27)


def test_keys_pin_the_units_and_a_wrong_fingerprint_is_refused(world: World) -> None:
    cell_info, office_info = install_info(world.cell), install_info(world.office)
    assert cell_info is not None and office_info is not None
    assert cell_info.parent_name == "Ban Tổ chức Đảng ủy Khối"  # the office's unit, from its key
    [peer] = exchange.peers(world.office)
    assert (peer.unit_code, peer.confirmed) == ("CB01", True)
    with pytest.raises(UserError) as wrong:
        exchange.confirm_peer_key(world.office, "CB01", "0000 0000 0000 0000 0000 0000 0000 0000")
    assert wrong.value.field == "fingerprint"


def test_the_office_holds_exactly_what_the_cell_has_and_the_cell_gets_decisions(
    world: World,
) -> None:
    pair = sync_queries.Pair(world.cell_id, world.office_id)
    first = world.cell_to_office()
    assert first.new > 100 and first.conflicts == 0
    assert shared(world.office, pair) == shared(world.cell, pair)
    with world.office.reader() as s:
        people = s.query(Person).filter(Person.unit_id == world.cell_id).count()
        stages = {p.stage for p in s.query(Person)}
    assert people == 40 and len(stages) > 3  # derived columns computed on arrival

    # The office admits someone the chi bộ proposed: the decision goes down with its number.
    with world.office.unit_of_work() as s:
        proposed = next(p for p in s.query(Person) if p.stage == "proposed")
        person_id = proposed.id
        add_event(
            s,
            proposed,
            EventInput(EventKind.DECISION, TODAY, number="07-QĐ/ĐU"),
            "office",
            load_calendar(s),
        )
    down = world.office_to_cell()
    sent = first.new + first.updated + first.unchanged + first.conflicts + first.kept_ours
    assert down.new == 1 and down.settled == sent and not down.warnings
    with world.cell.reader() as s:
        person = s.get(Person, person_id)
        decision = s.query(PipelineEvent).filter_by(person_id=person_id, kind="decision").one()
        assert person is not None and person.stage == "admitted"
        assert (decision.number, decision.owner_unit_id) == ("07-QĐ/ĐU", world.office_id)
    assert shared(world.office, pair) == shared(world.cell, pair)

    # Acknowledged both ways: nothing is left to send but the receipt.
    receipt = world.file("receipt")
    made = exchange.export_bundle(world.cell, world.office_id, receipt, CELL_PASS)
    assert (made.kind, made.records) == ("receipt", 0)
    [taken] = exchange.import_bundles(world.office, [receipt], OFFICE_PASS)
    assert taken.ok and taken.new == taken.updated == 0


def test_the_same_bundle_twice_changes_nothing_and_says_so(world: World) -> None:
    out = world.file("up")
    exchange.export_bundle(world.cell, world.office_id, out, CELL_PASS)
    [first] = exchange.import_bundles(world.office, [out], OFFICE_PASS)
    before = shared(world.office, sync_queries.Pair(world.cell_id, world.office_id))
    [again] = exchange.import_bundles(world.office, [out], OFFICE_PASS)
    assert first.status == "imported" and again.status == "already"
    assert "đã được nhập" in again.message
    assert shared(world.office, sync_queries.Pair(world.cell_id, world.office_id)) == before


def test_a_lost_file_is_repaired_by_the_next_one(world: World) -> None:
    lost = world.file("lost")
    exchange.export_bundle(world.cell, world.office_id, lost, CELL_PASS)
    with world.cell.unit_of_work() as s:
        person = s.query(Person).order_by(Person.sort_key).first()
        assert person is not None
        person.notes = "Đã bổ sung lý lịch"
    result = world.cell_to_office()  # seq 2; seq 1 never arrived
    assert any("Thiếu gói số 1" in w for w in result.warnings)
    pair = sync_queries.Pair(world.cell_id, world.office_id)
    assert shared(world.office, pair) == shared(world.cell, pair)


def test_a_record_changed_on_both_sides_is_a_conflict_the_owner_wins_until_a_person_chooses(
    world: World,
) -> None:
    world.cell_to_office()
    world.office_to_cell()  # acknowledges: the base is settled on both sides
    with world.cell.unit_of_work() as s:
        person = s.query(Person).order_by(Person.sort_key).first()
        assert person is not None
        person_id = person.id
        person.notes = "Chi bộ ghi"
    with world.office.unit_of_work() as s:
        person = s.get(Person, person_id)
        assert person is not None
        person.notes = "Văn phòng ghi"
    result = world.cell_to_office()
    assert result.conflicts == 1
    with world.office.reader() as s:
        person = s.get(Person, person_id)
        [conflict] = s.query(Conflict).all()
        assert person is not None and person.notes == "Chi bộ ghi"  # the cell owns the person
        assert json.loads(conflict.ours)["notes"] == "Văn phòng ghi"
        assert json.loads(conflict.theirs)["notes"] == "Chi bộ ghi"


def test_refusals_write_nothing(world: World) -> None:
    out = world.file("up")
    exchange.export_bundle(world.cell, world.office_id, out, CELL_PASS)
    damaged = world.folder / "damaged.dvb"
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x40
    damaged.write_bytes(bytes(data))
    results = exchange.import_bundles(world.office, [damaged], OFFICE_PASS)
    assert [r.status for r in results] == ["refused"] and results[0].message
    with world.office.reader() as s:
        assert s.query(Person).count() == 0
        assert queries.install(s) is not None
    # The chi bộ cannot read its own bundle: it is encrypted to the office.
    [own] = exchange.import_bundles(world.cell, [out], CELL_PASS)
    assert own.status == "refused" and own.error_code == "wrong_recipient"
    # A wrong passphrase is said plainly.
    with pytest.raises(UserError) as bad:
        exchange.import_bundles(world.office, [out], "không đúng mật khẩu")
    assert bad.value.field == "passphrase"


def test_a_dry_run_says_what_would_happen_and_writes_nothing(world: World) -> None:
    out = world.file("up")
    exchange.export_bundle(world.cell, world.office_id, out, CELL_PASS)
    [dry] = exchange.import_bundles(world.office, [out], OFFICE_PASS, dry_run=True)
    assert dry.status == "dry_run" and dry.new > 100
    with world.office.reader() as s:
        assert s.query(Person).count() == 0
    [real] = exchange.import_bundles(world.office, [out], OFFICE_PASS)
    assert real.status == "imported" and real.new == dry.new


def test_a_person_resolves_a_conflict_and_the_choice_travels(world: World) -> None:
    world.cell_to_office()
    world.office_to_cell()
    with world.cell.unit_of_work() as s:
        person = s.query(Person).order_by(Person.sort_key).first()
        assert person is not None
        person_id = person.id
        person.notes = "Chi bộ ghi"
    with world.office.unit_of_work() as s:
        person = s.get(Person, person_id)
        assert person is not None
        person.notes = "Văn phòng ghi"
    world.cell_to_office()
    [conflict] = exchange.conflicts(world.office)
    assert conflict.label and not conflict.current_is_ours
    assert [(d.field, d.ours, d.theirs) for d in conflict.diffs] == [
        ("notes", "Văn phòng ghi", "Chi bộ ghi")
    ]
    with pytest.raises(UserError):
        exchange.resolve_conflict(world.office, conflict.id, "both")
    exchange.resolve_conflict(world.office, conflict.id, "ours")
    assert exchange.conflicts(world.office) == []
    world.office_to_cell()
    with world.cell.reader() as s:
        person = s.get(Person, person_id)
        assert person is not None and person.notes == "Văn phòng ghi"
    [unit] = exchange.unit_overview(world.office)
    assert (unit.unit_code, unit.in_seq, unit.out_seq, unit.silent) == ("CB01", 2, 2, False)


def test_a_dossier_returned_for_correction_reaches_the_cell_todo_and_the_answer_comes_back(
    world: World,
) -> None:
    from dvdesk.services import corrections
    from dvdesk.services.candidates import todo

    world.cell_to_office()
    with world.office.reader() as s:
        person = s.query(Person).order_by(Person.sort_key).first()
        assert person is not None
        person_id, name = person.id, person.full_name
    with pytest.raises(UserError):
        corrections.return_for_correction(world.office, person_id, "  ", TODAY)
    corrections.return_for_correction(
        world.office, person_id, "Lý lịch thiếu mục quan hệ gia đình", TODAY
    )
    world.office_to_cell()
    [item] = [i for i in todo(world.cell, TODAY) if i.kind == "correction"]
    assert item.person_id == person_id and item.name == name
    assert "thiếu mục quan hệ gia đình" in item.label
    [open_return] = corrections.corrections(world.cell, open_only=True)
    corrections.resolve_correction(world.cell, open_return.id, "Đã bổ sung mục IX", TODAY)
    assert not [i for i in todo(world.cell, TODAY) if i.kind == "correction"]
    world.cell_to_office()
    [answered] = corrections.corrections(world.office)
    assert (answered.resolved_on, answered.resolution) == (TODAY, "Đã bổ sung mục IX")


def test_a_deletion_travels_as_a_tombstone(world: World) -> None:
    from dvdesk.db.models import FamilyMember

    with world.cell.unit_of_work() as s:
        person = s.query(Person).order_by(Person.sort_key).first()
        assert person is not None
        person_id = person.id
        for position, (relation, name) in enumerate(
            (("Cha đẻ", "Nguyễn Văn Tư"), ("Mẹ đẻ", "Lê Thị Năm"))
        ):
            person.family.append(
                FamilyMember(
                    relation=relation,
                    full_name=name,
                    position=position,
                    owner_unit_id=world.cell_id,
                )
            )
    world.cell_to_office()
    world.office_to_cell()
    with world.cell.unit_of_work() as s:
        person = s.get(Person, person_id)
        assert person is not None
        removed = person.family.pop()  # taken off the list: an orphan, deleted at flush
        removed_id = removed.id
    result = world.cell_to_office()
    assert result.deleted == 1 and result.conflicts == 0
    with world.office.reader() as s:
        assert s.get(FamilyMember, removed_id) is None
    pair = sync_queries.Pair(world.cell_id, world.office_id)
    assert shared(world.office, pair) == shared(world.cell, pair)
    # Acknowledged by the office's next bundle: the tombstone is not sent again.
    world.office_to_cell()
    out = world.file("again")
    made = exchange.export_bundle(world.cell, world.office_id, out, CELL_PASS)
    assert made.records == 0


def test_an_import_stops_between_files_when_asked(world: World) -> None:
    first, second = world.file("one"), world.file("two")
    exchange.export_bundle(world.cell, world.office_id, first, CELL_PASS)
    exchange.export_bundle(world.cell, world.office_id, second, CELL_PASS)
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # stop once the first file is in

    results = exchange.import_bundles(
        world.office, [first, second], OFFICE_PASS, is_cancelled=cancelled
    )
    assert [r.path for r in results] == [first] and results[0].status == "imported"


def test_the_office_unit_known_from_its_key_file_is_not_sent_back_as_a_conflict(
    world: World,
) -> None:
    from dvdesk.db.models import Unit

    with world.office.unit_of_work() as s:
        office = s.get(Unit, world.office_id)
        assert office is not None
        office.place, office.symbol = "Nghệ An", "ĐUK"  # set at the office, not in the key file
    result = world.cell_to_office()
    assert result.conflicts == 0
    with world.office.reader() as s:
        office = s.get(Unit, world.office_id)
        assert office is not None and office.symbol == "ĐUK"
    down = world.office_to_cell()  # the office's unit as it really is reaches the chi bộ
    assert down.conflicts == 0
    with world.cell.reader() as s:
        office = s.get(Unit, world.office_id)
        assert office is not None and office.symbol == "ĐUK"


def test_the_office_calendar_goes_down_and_the_cell_counts_deadlines_by_it(world: World) -> None:
    from dvdesk.services import calendar

    world.cell_to_office()
    world.office_to_cell()
    day = date(2026, 12, 14)
    calendar.set_override(world.office, day, False, "Nghỉ bù theo thông báo của Tỉnh ủy")
    down = world.office_to_cell()
    assert any("Lịch ngày làm việc" in w for w in down.warnings)
    assert [(o.day, o.working, o.note) for o in calendar.overrides(world.cell)] == [
        (day, False, "Nghỉ bù theo thông báo của Tỉnh ủy")
    ]
    # Sent once: the next file carries nothing new.
    again = world.office_to_cell()
    assert not again.warnings
    calendar.set_override(world.office, day, None, "")
    world.office_to_cell()
    assert calendar.overrides(world.cell) == []
