"""Stateful property: bundles lost, repeated or taken in any order, then one more bundle, leave
the office holding what the chi bộ holds; an edit made on both sides is never lost silently."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from dvdesk.db import sync_queries
from dvdesk.db.models import Conflict, Person
from dvdesk.services import exchange
from dvdesk.services.derive import load_calendar
from dvdesk.services.people import PersonInput, create_person
from dvdesk.services.setup import init_unit, open_data_dir

CELL_PASS = "mật khẩu chi bộ 1"
OFFICE_PASS = "mật khẩu văn phòng"
NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thu Dung", "Hoàng Văn Em")


class Exchange(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="dvdesk-exchange-"))
        self.cell = open_data_dir(self.folder / "cell")
        self.office = open_data_dir(self.folder / "office")
        init_unit(self.cell, "CB01", "Chi bộ Văn phòng", "cell", "Đảng ủy Khối", actor="t")
        init_unit(self.office, "DUK", "Ban Tổ chức Đảng ủy Khối", "office", actor="t")
        exchange.init_keys(self.cell, CELL_PASS)
        exchange.init_keys(self.office, OFFICE_PASS)
        self.office_id = exchange.import_peer_key(
            self.cell, exchange.export_public_key(self.office)
        ).unit_id
        self.cell_id = exchange.import_peer_key(
            self.office, exchange.export_public_key(self.cell)
        ).unit_id
        self.pair = sync_queries.Pair(self.cell_id, self.office_id)
        self.bundles: list[Path] = []
        self.people: list[str] = []
        # Person ids the office edited, and whether the chi bộ edited them after that.
        self.office_edits: dict[str, bool] = {}
        self.step = 0

    def teardown(self) -> None:
        self.cell.close()
        self.office.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @initialize()
    def a_first_exchange(self) -> None:
        """Two people already known to both sides, so later edits are updates."""
        self.add_person(NAMES[0])
        self.add_person(NAMES[1])
        self.cell_exports()
        self.office_takes_one_in(0)

    @rule(name=st.sampled_from(NAMES))
    def add_person(self, name: str) -> None:
        with self.cell.unit_of_work() as s:
            person = create_person(
                s,
                PersonInput(full_name=name, birth_date=date(1998, 1, 1 + len(self.people))),
                "t",
                load_calendar(s),
                owner=self.cell_id,
            )
            s.flush()
            person.unit_id = self.cell_id
            self.people.append(person.id)

    @precondition(lambda self: self.people)
    @rule(index=st.integers(0, 20), text=st.text("abcđêơ ", min_size=1, max_size=8))
    def cell_edits(self, index: int, text: str) -> None:
        person_id = self.people[index % len(self.people)]
        with self.cell.unit_of_work() as s:
            person = s.get(Person, person_id)
            assert person is not None
            person.notes = f"chi bộ {self.step} {text}"
        self.step += 1
        if person_id in self.office_edits:
            self.office_edits[person_id] = True

    @precondition(lambda self: self.people)
    @rule(index=st.integers(0, 20))
    def office_edits_if_it_has_the_person(self, index: int) -> None:
        person_id = self.people[index % len(self.people)]
        with self.office.unit_of_work() as s:
            person = s.get(Person, person_id)
            if person is None:
                return
            person.notes = f"văn phòng {self.step}"
        self.step += 1
        self.office_edits[person_id] = False

    @rule()
    def cell_exports(self) -> None:
        out = self.folder / f"b{len(self.bundles):03d}.dvb"
        exchange.export_bundle(self.cell, self.office_id, out, CELL_PASS)
        self.bundles.append(out)

    @precondition(lambda self: self.bundles)
    @rule(index=st.integers(0, 50))
    def office_takes_one_in(self, index: int) -> None:
        """Any bundle made so far: an old one, a repeat, or the newest (others are lost)."""
        path = self.bundles[index % len(self.bundles)]
        [result] = exchange.import_bundles(self.office, [path], OFFICE_PASS)
        assert result.ok, result.message

    @invariant()
    def nothing_is_lost(self) -> None:
        with self.office.reader() as s:
            conflicted = {c.record_id for c in s.query(Conflict)}
        for person_id, cell_changed_after in self.office_edits.items():
            if cell_changed_after:
                # Either the office has not seen the chi bộ's edit yet, or it kept a conflict.
                with self.office.reader() as s:
                    person = s.get(Person, person_id)
                    notes = person.notes if person else ""
                assert notes.startswith("văn phòng") or person_id in conflicted

    def finish(self) -> None:
        out = self.folder / "last.dvb"
        exchange.export_bundle(self.cell, self.office_id, out, CELL_PASS)
        [result] = exchange.import_bundles(self.office, [out], OFFICE_PASS)
        assert result.ok, result.message
        cell = _shared(self.cell, self.pair)
        office = _shared(self.office, self.pair)
        for key, value in cell.items():
            _entity, record_id = key
            if record_id in self.office_edits and not self.office_edits[record_id]:
                continue  # the office's own edit stands until the chi bộ changes it again
            assert office.get(key) == value, key


def _shared(db: object, pair: sync_queries.Pair) -> dict[tuple[str, str], str]:
    with db.reader() as session:  # type: ignore[attr-defined]
        return {
            (r["entity"], r["id"]): r["hash"]
            for r in sync_queries.changed_records(session, pair, "none", everything=True)
        }


class ExchangeThenLast(Exchange):
    def teardown(self) -> None:
        try:
            self.finish()
        finally:
            super().teardown()


ExchangeThenLast.TestCase.settings = settings(
    max_examples=8,
    stateful_step_count=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestExchangeProperties = ExchangeThenLast.TestCase
