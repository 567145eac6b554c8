"""Print settings and a unit's print details: saved together from the form, both or neither;
two desks saving them: the second is told what changed and nothing is overwritten silently."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from dvdesk.db.engine import Database
from dvdesk.db.models import AuditEntry, Unit
from dvdesk.domain.dossier import MarginsMM
from dvdesk.services import print_settings as svc
from dvdesk.services.concurrency import ChangedMeanwhile
from dvdesk.services.errors import UserError
from dvdesk.services.setup import open_data_dir


def _audit_count(db: Database) -> int:
    with db.reader() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def test_the_page_saves_both_or_neither(db: Database) -> None:
    page = svc.print_page(db)
    assert page.unit is not None and page.unit.name == "Chi bộ Văn phòng"
    assert page.settings.committee_name == "Đảng ủy Khối"  # the default: the parent unit
    before = _audit_count(db)
    bad = svc.PrintPage(
        replace(page.settings, place="Vinh"), replace(page.unit, symbol="C B", place="Vinh")
    )
    with pytest.raises(UserError) as err:
        svc.save_print_page(db, bad, "t", page)
    assert err.value.field == "symbol"
    assert svc.print_page(db) == page and _audit_count(db) == before
    good = replace(bad, unit=replace(bad.unit, symbol="CBVP"))  # type: ignore[arg-type]
    saved = svc.save_print_page(db, good, "t", page)
    assert saved.settings.place == "Vinh"
    assert saved.unit is not None and (saved.unit.place, saved.unit.symbol) == ("Vinh", "CBVP")
    assert _audit_count(db) == before + 2


def test_a_second_desk_saving_the_print_settings_is_told_what_changed(db: Database) -> None:
    """Two desks on one database open the print settings form; the first saves; the second's
    save is refused naming each change (the settings and the unit's details), nothing of it
    is written, and saving again from the page as it is now goes through."""
    other = open_data_dir(db.path.parent)  # the second desk (same file, or the same server db)
    try:
        here, there = svc.print_page(db), svc.print_page(other)
        assert here == there and here.unit is not None and there.unit is not None
        theirs = svc.PrintPage(
            replace(there.settings, margins=MarginsMM(left=25), committee_secretary="Lê Văn An"),
            replace(there.unit, secretary_name="Trần Thị Bình"),
        )
        svc.save_print_page(other, theirs, "desk2", there)
        before = _audit_count(db)
        mine = svc.PrintPage(
            replace(here.settings, place="Hà Tĩnh"), replace(here.unit, symbol="CBVP")
        )
        with pytest.raises(ChangedMeanwhile) as caught:
            svc.save_print_page(db, mine, "desk1", here)
        assert [(c.key, c.then, c.now) for c in caught.value.changes] == [
            ("margins", "trên 20, dưới 20, trái 30, phải 15", "trên 20, dưới 20, trái 25, phải 15"),
            ("committee_secretary", "—", "Lê Văn An"),
            ("secretary_name", "—", "Trần Thị Bình"),
        ]
        message = caught.value.message("vi")
        assert "các thiết lập in" in message
        assert "Người ký của đơn vị: «—» → «Trần Thị Bình»" in message
        assert "The committee's secretary who signs" in caught.value.message("en")
        now = svc.print_page(db)
        assert now == caught.value.current
        assert now.settings.place == "" and now.unit is not None and now.unit.symbol == ""
        assert _audit_count(db) == before
        # Saving again knowingly, from the page as it is now, goes through (with what the
        # form holds: the other desk's margins and signers are overwritten).
        svc.save_print_page(db, mine, "desk1", caught.value.current)
        saved = svc.print_page(other)
        assert saved.settings.place == "Hà Tĩnh" and saved.settings.margins == MarginsMM()
        assert saved.unit is not None and (saved.unit.symbol, saved.unit.secretary_name) == (
            "CBVP",
            "",
        )
    finally:
        other.close()


def test_each_part_saved_alone_is_checked_too(db: Database) -> None:
    """The settings and a unit's details saved on their own (older callers) compare with a
    starting point when given one; a unit renamed meanwhile is not a change of its details."""
    other = open_data_dir(db.path.parent)
    try:
        settings, unit = svc.print_settings(db), svc.print_page(db).unit
        assert unit is not None
        svc.save_print_settings(other, replace(settings, committee_symbol="ĐUK"), "desk2")
        with pytest.raises(ChangedMeanwhile) as caught:
            svc.save_print_settings(db, replace(settings, place="Vinh"), "desk1", settings)
        assert [c.key for c in caught.value.changes] == ["committee_symbol"]
        assert caught.value.current == svc.print_settings(db)
        svc.save_print_settings(db, replace(settings, place="Vinh"), "desk1", caught.value.current)
        assert svc.print_settings(other).place == "Vinh"

        svc.save_unit_print_info(other, replace(unit, place="Nghệ An"), "desk2")
        with pytest.raises(ChangedMeanwhile) as caught:
            svc.save_unit_print_info(db, replace(unit, symbol="CB1"), "desk1", unit)
        assert [(c.key, c.now) for c in caught.value.changes] == [("place", "Nghệ An")]
        assert "thông tin in của Chi bộ Văn phòng" in caught.value.message("vi")
        current = caught.value.current
        svc.save_unit_print_info(db, replace(current, symbol="CB1"), "desk1", current)
        assert svc.unit_print_info(other, unit.unit_id).symbol == "CB1"
        # The unit renamed elsewhere (set-up, the office's file): not a change of the form.
        opened = svc.unit_print_info(db, unit.unit_id)
        with other.unit_of_work() as s:
            row = s.get(Unit, unit.unit_id)
            assert row is not None
            row.name = "Chi bộ Văn phòng Tỉnh ủy"
        svc.save_unit_print_info(db, replace(opened, place="Vinh"), "desk1", opened)
        assert svc.unit_print_info(other, unit.unit_id).place == "Vinh"
        # Without a starting point nothing is compared.
        assert svc.save_print_settings(db, settings, "cli").place == settings.place
    finally:
        other.close()
