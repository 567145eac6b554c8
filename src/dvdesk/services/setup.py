"""Where the data lives, and who this copy of dvdesk belongs to."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import platformdirs

from dvdesk.db import location, queries, register_queries
from dvdesk.db.engine import (
    DB_FILE_NAME,
    Database,
    DatabaseError,
    ServerProbe,
    Session,
    is_server_url,
    open_database,
    probe_server,
    server_name,
    without_password,
)
from dvdesk.db.models import Install, Unit
from dvdesk.domain.dates import parse_date
from dvdesk.domain.text import clean
from dvdesk.files import sweep_leftovers, write_atomic
from dvdesk.services import audit, backups
from dvdesk.services.errors import UserError

ROLES = ("cell", "office")


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("dvdesk", appauthor=False, roaming=False))


def _backup_before_migration(path: Path) -> None:
    # Without keys there is nothing to encrypt a backup to; the migration goes ahead.
    with contextlib.suppress(UserError):
        backups.backup_file(path, "before-migration")


# In an office desk's data folder: the address of the shared database (no password in it).
SERVER_FILE = "dvdesk.server"


def server_for(data_dir: Path) -> str | None:
    """The shared database this data folder works on, or None for its own file."""
    path = data_dir / SERVER_FILE
    if not path.exists():
        return None
    url = path.read_text(encoding="utf-8").strip()
    return url or None


def _unreachable(url: str, exc: DatabaseError) -> UserError:
    cause = exc.__cause__
    detail = str(getattr(cause, "orig", cause) or exc).strip().splitlines()[0][:200]
    where = server_name(url) if is_server_url(url) else url
    return UserError(
        f"Không mở được cơ sở dữ liệu {where}: kiểm tra địa chỉ, mạng và mật khẩu (biến "
        f"PGPASSWORD hoặc tệp pgpass). Chi tiết: {detail}",
        f"The database {where} cannot be opened: check the address, the network and the "
        f"password (PGPASSWORD or the pgpass file). Details: {detail}",
        "db",
    )


def check_server(url: str) -> ServerProbe:
    """What the shared database at `url` holds (accounts, the unit), read without changing it;
    UserError naming the address when it is not one or cannot be reached."""
    url = url.strip()
    if not is_server_url(url):
        raise _not_postgresql(url)
    try:
        return probe_server(url)
    except DatabaseError as exc:
        raise _unreachable(url, exc) from None


def _not_postgresql(url: str) -> UserError:
    return UserError(
        f"«{url}» không phải địa chỉ PostgreSQL (postgresql+psycopg://người_dùng@máy_chủ/"
        "tên_csdl).",
        f"{url!r} is not a PostgreSQL address (postgresql+psycopg://user@host/database).",
        "db",
    )


def use_server(data_dir: Path, url: str | None) -> str | None:
    """Make this desk's data folder work on the shared database at `url`, or on its own file
    again (None). The server is reached (and its schema brought up to date) before anything is
    written; the address is kept without its password, which libpq then takes from PGPASSWORD
    or the pgpass file. Returns the address as kept."""
    path = data_dir / SERVER_FILE
    if url is None:
        path.unlink(missing_ok=True)
        return None
    url = url.strip()
    if not is_server_url(url):
        raise _not_postgresql(url)
    try:
        open_database(data_dir / DB_FILE_NAME, server=url).close()
    except DatabaseError as exc:
        raise _unreachable(url, exc) from None
    kept = without_password(url)
    data_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (kept + "\n").encode("utf-8"))
    return kept


def open_data_dir(data_dir: Path) -> Database:
    # Temporary files a crash left are swept here and wherever the next file is written.
    for folder in (data_dir, data_dir / backups.FOLDER):
        sweep_leftovers(folder)
    server = server_for(data_dir)
    if server is not None:
        url = server

        def before_server_migration(path: Path) -> None:
            # Without keys there is nothing to encrypt to, as for a file. Any other failure
            # (pg_dump missing or too old, the dump refused) stops the migration: every desk
            # shares this database, and it does not change shape without a way back.
            try:
                backups.backup_server(url, path, "before-migration")
            except UserError as exc:
                if exc.field == "keys":
                    return
                raise UserError(
                    f"Cơ sở dữ liệu trên máy chủ cần được cập nhật cho phiên bản này nhưng chưa "
                    f"được cập nhật vì chưa sao lưu được trước: {exc.vi}",
                    f"The database on the server needs updating for this version, but it is "
                    f"not updated because it could not be backed up first: {exc.en}",
                    exc.field,
                ) from None

        return open_database(data_dir / DB_FILE_NAME, before_server_migration, server=server)
    return open_database(data_dir / DB_FILE_NAME, _backup_before_migration)


@dataclass(frozen=True)
class InstallInfo:
    unit_id: str
    unit_code: str
    unit_name: str
    role: str
    parent_name: str
    # For a chi bộ: the organisation board of the committee above, which takes its files.
    board_name: str = ""


def install_info(db: Database) -> InstallInfo | None:
    with db.reader() as session:
        row = queries.install(session)
        if row is None:
            return None
        unit = session.get(Unit, row.unit_id)
        assert unit is not None
        parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
        return InstallInfo(
            unit.id,
            unit.code,
            unit.name,
            row.role,
            parent.name if parent else "",
            register_queries.setting(session, BOARD_SETTING) or "",
        )


BOARD_SETTING = "unit.board_name"
BOARD_PREFIX = "Ban Tổ chức "


def _check_identity(code: str, name: str, role: str) -> None:
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


def _make_unit(session: Session, code: str, name: str, role: str, parent_name: str) -> Unit:
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
    return unit


def init_unit(
    db: Database, code: str, name: str, role: str, parent_name: str = "", actor: str = ""
) -> InstallInfo:
    code, name, parent_name = clean(code), clean(name), clean(parent_name)
    _check_identity(code, name, role)
    actor = actor or audit.current_user()
    with db.unit_of_work() as session:
        unit = _make_unit(session, code, name, role, parent_name)
        audit.log(session, actor, "init", "unit", unit.id, after=audit.snapshot(unit))
    info = install_info(db)
    assert info is not None
    return info


@dataclass(frozen=True)
class UnitDetails:
    """What the first run asks about the unit, as typed (dates as dd/mm/yyyy)."""

    role: str
    unit_code: str
    unit_name: str
    # A chi bộ: the committee directly above (its parent unit). The office: the committee its
    # board works for, which issues the decisions and is printed as their issuer.
    parent_name: str = ""
    board_name: str = ""  # a chi bộ: that committee's organisation board (Ban Tổ chức)
    place: str = ""  # the place name on the date line of printed documents
    term_start: str = ""  # the committee's term: the day after the congress that elected it
    term_end: str = ""  # the closing day of the next congress, when known


@dataclass(frozen=True)
class CheckedUnit:
    role: str
    unit_code: str
    unit_name: str
    parent_name: str
    board_name: str
    place: str
    term_start: date
    term_end: date | None


_TERM_FIELDS = {"term_start": "Ngày bắt đầu nhiệm kỳ", "term_end": "Ngày kết thúc nhiệm kỳ"}
_TERM_FIELDS_EN = {"term_start": "The term's first day", "term_end": "The term's last day"}


def _term_day(text: str, key: str, required: bool) -> date | None:
    text = clean(text)
    if not text:
        if required:
            raise UserError(
                f"Thiếu {_TERM_FIELDS[key].lower()} (dd/mm/yyyy): số văn bản được đánh lại từ "
                "01 trong mỗi nhiệm kỳ.",
                f"{_TERM_FIELDS_EN[key]} is missing (dd/mm/yyyy): document numbers start again "
                "from 01 in each term.",
                key,
            )
        return None
    try:
        return parse_date(text)
    except ValueError:
        raise UserError(
            f"{_TERM_FIELDS[key]} «{text}» không đúng: viết theo dạng dd/mm/yyyy, "
            "ví dụ 15/06/2025.",
            f"{_TERM_FIELDS_EN[key]} {text!r} is not a date: write dd/mm/yyyy, e.g. 15/06/2025.",
            key,
        ) from None


def check_unit_details(details: UnitDetails, today: date) -> CheckedUnit:
    """The details cleaned and checked, or a UserError naming the first field that is wrong.
    Nothing is written."""
    code, name = clean(details.unit_code), clean(details.unit_name)
    _check_identity(code, name, details.role)
    parent = clean(details.parent_name)
    if not parent:
        raise UserError(
            "Thiếu tên cấp ủy cấp trên trực tiếp.",
            "The name of the committee directly above is missing.",
            "parent_name",
        )
    if details.role == "office" and parent.casefold() == name.casefold():
        raise UserError(
            "Tên cấp ủy phải khác tên Ban: ví dụ Ban là «Ban Tổ chức Đảng ủy Khối…», "
            "cấp ủy là «Đảng ủy Khối…».",
            "The committee's name must differ from the board's own.",
            "parent_name",
        )
    board = ""
    if details.role == "cell":  # unnamed, the board is called after its committee
        board = clean(details.board_name) or BOARD_PREFIX + parent
    start = _term_day(details.term_start, "term_start", required=True)
    assert start is not None
    end = _term_day(details.term_end, "term_end", required=False)
    if start > today:
        raise UserError(
            f"Nhiệm kỳ chưa bắt đầu ({start:%d/%m/%Y} sau hôm nay): không thể vào sổ văn bản "
            "trước ngày đó. Hãy nhập nhiệm kỳ đang diễn ra.",
            f"The term has not begun ({start:%d/%m/%Y} is after today): nothing could be "
            "registered before then. Enter the current term.",
            "term_start",
        )
    if end is not None and end <= start:
        raise UserError(
            f"Ngày kết thúc nhiệm kỳ ({end:%d/%m/%Y}) phải sau ngày bắt đầu ({start:%d/%m/%Y}).",
            f"The term's last day ({end:%d/%m/%Y}) must come after its first ({start:%d/%m/%Y}).",
            "term_end",
        )
    return CheckedUnit(details.role, code, name, parent, board, clean(details.place), start, end)


def set_up_unit(db: Database, details: UnitDetails, today: date, actor: str = "") -> InstallInfo:
    """The first run's unit: who this copy of dvdesk belongs to, in which role, above it whom,
    and the committee's term, in one transaction."""
    checked = check_unit_details(details, today)
    actor = actor or audit.current_user()
    with db.unit_of_work() as session:
        # A chi bộ's parent is a unit of its own (files go up to it); the office's committee is
        # only a printed name, so no unit sits above the office.
        parent = checked.parent_name if checked.role == "cell" else ""
        unit = _make_unit(session, checked.unit_code, checked.unit_name, checked.role, parent)
        unit.term_start = checked.term_start
        unit.term_end = checked.term_end
        unit.place = checked.place
        if checked.role == "cell":
            register_queries.set_setting(session, BOARD_SETTING, checked.board_name)
        else:
            register_queries.set_setting(session, "print.committee_name", checked.parent_name)
        if checked.place and not register_queries.setting(session, "print.place"):
            register_queries.set_setting(session, "print.place", checked.place)
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
