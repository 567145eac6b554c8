"""A chi bộ and its office in two data folders, keys made, exchanged and confirmed: the
setting of the exchange tests (services and window)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dvdesk.db import sync_queries
from dvdesk.db.engine import Database
from dvdesk.services import exchange
from dvdesk.services.demo import make_demo
from dvdesk.services.setup import init_unit, open_data_dir

EXCHANGE_DAY = date(2026, 11, 27)
CELL_PASS = "mật khẩu chi bộ 1"
OFFICE_PASS = "mật khẩu văn phòng"


@dataclass
class World:
    cell: Database
    office: Database
    folder: Path
    cell_id: str
    office_id: str
    made: int = 0

    def file(self, name: str) -> Path:
        self.made += 1
        return self.folder / f"{self.made:02d}-{name}.dvb"

    def cell_to_office(self, **kwargs: Any) -> exchange.ImportResult:
        out = self.file("up")
        exchange.export_bundle(self.cell, self.office_id, out, CELL_PASS, **kwargs)
        [result] = exchange.import_bundles(self.office, [out], OFFICE_PASS)
        assert result.ok, result.message
        return result

    def close(self) -> None:
        self.cell.close()
        self.office.close()

    def office_to_cell(self) -> exchange.ImportResult:
        out = self.file("down")
        exchange.export_bundle(self.office, self.cell_id, out, OFFICE_PASS)
        [result] = exchange.import_bundles(self.cell, [out], CELL_PASS)
        assert result.ok, result.message
        return result


def shared(db: Database, pair: sync_queries.Pair) -> dict[tuple[str, str], str]:
    """Every shared record's content hash, by (entity, id)."""
    with db.reader() as session:
        return {
            (r["entity"], r["id"]): r["hash"]
            for r in sync_queries.changed_records(session, pair, "none", everything=True)
        }


def make_world(tmp_path: Path) -> World:
    cell = open_data_dir(tmp_path / "cell")
    office = open_data_dir(tmp_path / "office")
    init_unit(cell, "CB01", "Chi bộ Văn phòng", "cell", "Đảng ủy Khối", actor="test")
    init_unit(office, "DUK", "Ban Tổ chức Đảng ủy Khối", "office", actor="test")
    make_demo(cell, people=40, seed=4, today=EXCHANGE_DAY, actor="test")
    exchange.init_keys(cell, CELL_PASS)
    exchange.init_keys(office, OFFICE_PASS)
    office_peer = exchange.import_peer_key(cell, exchange.export_public_key(office))
    cell_peer = exchange.import_peer_key(office, exchange.export_public_key(cell))
    exchange.confirm_peer_key(cell, office_peer.unit_id, office_peer.fingerprint)
    exchange.confirm_peer_key(office, cell_peer.unit_id, cell_peer.fingerprint.lower())
    folder = tmp_path / "stick"
    folder.mkdir()
    return World(cell, office, folder, cell_peer.unit_id, office_peer.unit_id)
