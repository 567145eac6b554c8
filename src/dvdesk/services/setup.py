"""Where the data lives, and who this copy of dvdesk belongs to."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from dvdesk.db import location, queries
from dvdesk.db.engine import DB_FILE_NAME, Database, open_database
from dvdesk.db.models import Install, Unit
from dvdesk.domain.text import clean
from dvdesk.files import sweep_leftovers
from dvdesk.services import audit, backups
from dvdesk.services.errors import UserError

ROLES = ("cell", "office")


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("dvdesk", appauthor=False, roaming=False))


def _backup_before_migration(path: Path) -> None:
    # Without keys there is nothing to encrypt a backup to; the migration goes ahead.
    with contextlib.suppress(UserError):
        backups.backup_file(path, "before-migration")


def open_data_dir(data_dir: Path) -> Database:
    # Temporary files a crash left are swept here and wherever the next file is written.
    for folder in (data_dir, data_dir / backups.FOLDER):
        sweep_leftovers(folder)
    return open_database(data_dir / DB_FILE_NAME, _backup_before_migration)


@dataclass(frozen=True)
class InstallInfo:
    unit_id: str
    unit_code: str
    unit_name: str
    role: str
    parent_name: str


def install_info(db: Database) -> InstallInfo | None:
    with db.reader() as session:
        row = queries.install(session)
        if row is None:
            return None
        unit = session.get(Unit, row.unit_id)
        assert unit is not None
        parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
        return InstallInfo(unit.id, unit.code, unit.name, row.role, parent.name if parent else "")


def init_unit(
    db: Database, code: str, name: str, role: str, parent_name: str = "", actor: str = ""
) -> InstallInfo:
    code, name, parent_name = clean(code), clean(name), clean(parent_name)
    if role not in ROLES:
        raise UserError(
            f"Vai trò «{role}» không hợp lệ: chọn cell (chi bộ) hoặc office (cơ quan cấp trên).",
            f"Unknown role {role!r}: use cell or office.",
            "role",
        )
    if not code:
        raise UserError("Thiếu mã đơn vị.", "The unit code is missing.", "unit_code")
    if not name:
        raise UserError("Thiếu tên đơn vị.", "The unit name is missing.", "unit_name")
    actor = actor or audit.current_user()
    with db.unit_of_work() as session:
        if queries.install(session) is not None:
            raise UserError(
                "Cơ sở dữ liệu này đã được khởi tạo cho một đơn vị.",
                "This database is already set up for a unit.",
            )
        parent = None
        if parent_name:
            parent = queries.unit_by_name(session, parent_name) or Unit(
                code=f"UP-{code}", name=parent_name, kind="office"
            )
            session.add(parent)
            session.flush()
        unit = queries.unit_by_code(session, code) or Unit(code=code, name=name)
        unit.name = name
        unit.kind = "office" if role == "office" else unit.kind
        unit.parent_id = parent.id if parent else None
        session.add(unit)
        session.flush()
        unit.owner_unit_id = unit.id
        session.add(Install(unit_id=unit.id, role=role, created_at=datetime.now(UTC)))
        audit.log(session, actor, "init", "unit", unit.id, after=audit.snapshot(unit))
    info = install_info(db)
    assert info is not None
    return info


def storage_warning(db_path: Path, lang: str = "vi") -> str | None:
    """A warning, in words, when the database is on a network share or a removable drive."""
    found = location.storage_warning(db_path.parent)
    if found is None:
        return None
    return found[0] if lang == "vi" else found[1]
