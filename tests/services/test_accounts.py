"""Accounts on real files: the first administrator encrypts the database, a password or the
printed recovery key opens it, nothing else does, and each role can do exactly what it should."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from dvdesk.db.engine import (
    DB_FILE_NAME,
    VAULT_FILE_NAME,
    Database,
    EncryptedDatabaseError,
    forget_key,
    is_plain,
)
from dvdesk.db.models import AuditEntry, Person
from dvdesk.domain.accounts import Role
from dvdesk.services import accounts, audit, backups, exchange, printing, reports
from dvdesk.services.demo import make_demo
from dvdesk.services.errors import UserError
from dvdesk.services.people import PersonInput
from dvdesk.services.person_form import save_person
from dvdesk.services.setup import init_unit, open_data_dir

# Accounts here are the local file's: a vault beside an encrypted SQLite file. The office's
# shared server is to keep its accounts in the database itself (issue 9, not yet built).
pytestmark = pytest.mark.local_file

TODAY = date(2026, 11, 27)
ADMIN_PASS = "quản trị 2026"
KEY_PASS = "khóa đơn vị 2026"
PASSWORDS = {"quantri": ADMIN_PASS, "thuky": "thư ký 2026!", "xem": "chỉ xem 2026"}


def _forget(folder: Path) -> None:
    forget_key(folder / DB_FILE_NAME)


@pytest.fixture
def plain_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    db = open_data_dir(folder)
    init_unit(db, "CB01", "Chi bộ Văn phòng", "cell", "Đảng ủy Khối", actor="test")
    make_demo(db, people=12, seed=3, today=TODAY, actor="test")
    exchange.init_keys(db, KEY_PASS)
    db.close()
    yield folder
    _forget(folder)


@pytest.fixture
def set_up(plain_dir: Path) -> Iterator[tuple[Path, str]]:
    """Accounts set up (three of them); the database closed; (folder, recovery key)."""
    made = accounts.set_up(plain_dir, "QuanTri", "Nguyễn Văn Quản", ADMIN_PASS, open_data_dir)
    accounts.add_account(made.db, "thuky", "Lê Thị Thư", Role.EDITOR, PASSWORDS["thuky"])
    accounts.add_account(made.db, "xem", "Trần Văn Xem", Role.VIEWER, PASSWORDS["xem"])
    made.db.close()
    _forget(plain_dir)
    yield plain_dir, made.recovery_key


def _names_plain(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT full_name FROM people ORDER BY full_name")]
    finally:
        con.close()


def _sign_in(folder: Path, name: str) -> Database:
    return accounts.sign_in(folder, name, PASSWORDS[name], open_data_dir)


def test_setting_up_accounts_encrypts_the_database_and_keeps_every_record(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    db = open_data_dir(folder)
    init_unit(db, "CB01", "Chi bộ Văn phòng", "cell", actor="test")
    make_demo(db, people=12, seed=3, today=TODAY, actor="test")
    db.close()
    names = _names_plain(folder / DB_FILE_NAME)
    made = accounts.set_up(folder, "quantri", "Nguyễn Văn Quản", ADMIN_PASS, open_data_dir)
    try:
        raw = (folder / DB_FILE_NAME).read_bytes()
        assert not is_plain(folder / DB_FILE_NAME) and b"SQLite format 3" not in raw
        for name in names:
            assert name.encode("utf-8") not in raw
        with made.db.reader() as session:
            assert sorted(session.scalars(select(Person.full_name))) == names
        groups = made.recovery_key.split("-")
        assert len(groups) == 8 and all(len(g) == 4 for g in groups)
        assert made.db.account.role is Role.ADMIN and made.db.account.name == "quantri"
    finally:
        made.db.close()
        _forget(folder)
    with pytest.raises(UserError, match="already"):
        accounts.set_up(folder, "khac", "", ADMIN_PASS, open_data_dir)


def test_a_copied_database_without_the_secret_does_not_open_and_says_why(
    set_up: tuple[Path, str], tmp_path: Path
) -> None:
    folder, _ = set_up
    stolen = tmp_path / "stolen"
    stolen.mkdir()
    shutil.copy(folder / DB_FILE_NAME, stolen / DB_FILE_NAME)
    with pytest.raises(EncryptedDatabaseError, match="encrypted") as refused:
        open_data_dir(stolen)
    assert "sign" in str(refused.value) and "recovery key" in str(refused.value)
    con = sqlite3.connect(stolen / DB_FILE_NAME)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        con.execute("SELECT count(*) FROM people").fetchone()
    con.close()
    # Nor can new accounts be made for it: that would lock it away for good.
    with pytest.raises(UserError, match=r"dvdesk\.vault"):
        accounts.set_up(stolen, "ke_trom", "", "mật khẩu kẻ trộm", open_data_dir)
    assert not (stolen / VAULT_FILE_NAME).exists()
    # With the vault too, it still takes a password.
    shutil.copy(folder / VAULT_FILE_NAME, stolen / VAULT_FILE_NAME)
    with pytest.raises(UserError) as wrong:
        accounts.sign_in(stolen, "quantri", "đoán mò mật khẩu", open_data_dir)
    assert wrong.value.field == "password" and "mật khẩu" in wrong.value.vi
    db = accounts.sign_in(stolen, "quantri", ADMIN_PASS, open_data_dir)
    db.close()
    _forget(stolen)


def test_a_wrong_name_and_a_wrong_password_get_the_same_answer(set_up: tuple[Path, str]) -> None:
    folder, _ = set_up
    with pytest.raises(UserError) as unknown:
        accounts.sign_in(folder, "khongco", ADMIN_PASS, open_data_dir)
    with pytest.raises(UserError) as wrong:
        accounts.sign_in(folder, "quantri", "sai mật khẩu rồi", open_data_dir)
    assert unknown.value.vi == wrong.value.vi


def test_a_backup_of_an_encrypted_database_is_encrypted_twice_and_restores_here(
    set_up: tuple[Path, str], tmp_path: Path
) -> None:
    folder, _ = set_up
    db = _sign_in(folder, "quantri")
    try:
        made = backups.make_backup(db)
        with db.reader() as session:
            names = sorted(session.scalars(select(Person.full_name)))
        save_person(db, None, PersonInput(full_name="Người Thêm Sau"), "test")
    finally:
        db.close()
    assert made is not None and (made.path.parent / VAULT_FILE_NAME).exists()
    result = backups.restore(made.path, KEY_PASS, folder)
    assert result.report.ok and result.preview.info.counts["people"] == len(names)
    assert not is_plain(folder / DB_FILE_NAME)
    db = open_data_dir(folder)  # the key is still known in this process
    with db.reader() as session:
        assert sorted(session.scalars(select(Person.full_name))) == names
    db.close()
    # Elsewhere, without this computer's vault, the backup says what it needs.
    _forget(folder)
    other = tmp_path / "other"
    with pytest.raises(UserError, match="vault") as refused:
        backups.preview(made.path, KEY_PASS, other)
    assert "dvdesk.vault" in refused.value.vi


def _pages(path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [data[i : i + 4096] for i in range(0, len(data), 4096)]


def test_changing_a_password_does_not_re_encrypt_the_database(set_up: tuple[Path, str]) -> None:
    folder, _ = set_up
    db = _sign_in(folder, "xem")
    try:
        with pytest.raises(UserError, match="match"):
            accounts.change_password(db, PASSWORDS["xem"], "mật khẩu mới 1", "mật khẩu mới 2")
        db.engine.dispose()  # every page in the file, to compare it
        before = _pages(folder / DB_FILE_NAME)
        accounts.change_password(db, PASSWORDS["xem"], "mật khẩu mới 1")
        db.engine.dispose()
        after = _pages(folder / DB_FILE_NAME)
    finally:
        db.close()
    _forget(folder)
    # Only the audit entry's pages changed: the rest is encrypted as it was, under the same key.
    changed = sum(1 for a, b in zip(before, after, strict=False) if a != b)
    assert len(before) > 50 and changed <= 5
    with pytest.raises(UserError):
        accounts.sign_in(folder, "xem", PASSWORDS["xem"], open_data_dir)
    db = accounts.sign_in(folder, "xem", "mật khẩu mới 1", open_data_dir)
    db.close()


def test_every_password_lost_the_recovery_key_opens_it_again(set_up: tuple[Path, str]) -> None:
    folder, recovery_key = set_up
    with pytest.raises(UserError, match="recovery key"):
        accounts.recover(folder, "AAAA-" * 7 + "AAAA", "quantri", "mới tinh 2026", open_data_dir)
    typed = recovery_key.lower().replace("-", " ")  # as copied from paper
    db = accounts.recover(folder, typed, "quantri", "mới tinh 2026", open_data_dir)
    try:
        assert db.account.role is Role.ADMIN
        with db.reader() as session:
            actions = list(session.scalars(select(AuditEntry.action)))
        assert "recovery" in actions
    finally:
        db.close()
    _forget(folder)
    db = accounts.sign_in(folder, "quantri", "mới tinh 2026", open_data_dir)
    db.close()


def test_the_encryption_interrupted_by_a_power_cut_is_finished_at_the_next_sign_in(
    plain_dir: Path,
) -> None:
    names = _names_plain(plain_dir / DB_FILE_NAME)
    made = accounts.set_up(plain_dir, "quantri", "", ADMIN_PASS, open_data_dir)
    made.db.close()
    _forget(plain_dir)
    # Put the plain database back as it was before the encryption: the vault already written.
    vault = (plain_dir / VAULT_FILE_NAME).read_bytes()
    shutil.rmtree(plain_dir)
    db = open_data_dir(plain_dir)
    init_unit(db, "CB01", "Chi bộ Văn phòng", "cell", "Đảng ủy Khối", actor="test")
    make_demo(db, people=12, seed=3, today=TODAY, actor="test")
    db.close()
    (plain_dir / VAULT_FILE_NAME).write_bytes(vault)
    assert is_plain(plain_dir / DB_FILE_NAME)
    with pytest.raises(UserError, match="does not exist"):  # no account row in the old data
        accounts.sign_in(plain_dir, "quantri", ADMIN_PASS, open_data_dir)
    assert not is_plain(plain_dir / DB_FILE_NAME)  # but the encryption was finished
    _forget(plain_dir)
    db = accounts.recover(plain_dir, made.recovery_key, "quantri", ADMIN_PASS, open_data_dir)
    try:
        with db.reader() as session:
            assert sorted(session.scalars(select(Person.full_name))) == names
    finally:
        db.close()


# --- each role can do exactly what it should -------------------------------------------------


def _first_person(db: Database) -> str:
    with db.reader() as session:
        person = session.scalars(select(Person).order_by(Person.full_name)).first()
        assert person is not None
        return person.id


def _edit(db: Database, _tmp: Path) -> None:
    save_person(db, None, PersonInput(full_name="Nguyễn Thị Thử Quyền"), "test")


def _print(db: Database, _tmp: Path) -> None:
    printing.print_person_form(db, "2-KNĐ", _first_person(db), number_it=False)


def _export_report(db: Database, tmp: Path) -> None:
    reports.export_report(db, "year", 2026, tmp / "bc.xlsx")


def _export_audit(db: Database, tmp: Path) -> None:
    audit.export_entries(db, tmp / "audit.xlsx")


def _backup_to_file(db: Database, tmp: Path) -> None:
    backups.make_backup(db, "manual", tmp / "copy.dvbak")


def _manage(db: Database, _tmp: Path) -> None:
    accounts.add_account(db, "moi", "", Role.VIEWER, "tài khoản mới 1")


ACTS: dict[str, Callable[[Database, Path], None]] = {
    "edit": _edit,
    "print": _print,
    "export_report": _export_report,
    "export_audit": _export_audit,
    "backup_to_file": _backup_to_file,
    "manage": _manage,
}
ALLOWED = {
    "quantri": set(ACTS),
    "thuky": {"edit", "print", "export_report", "export_audit", "backup_to_file"},
    "xem": set(),
}


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_each_role_can_do_exactly_what_it_should(
    set_up: tuple[Path, str], tmp_path: Path, name: str
) -> None:
    folder, _ = set_up
    db = _sign_in(folder, name)
    try:
        done: set[str] = set()
        for act, run in ACTS.items():
            out = tmp_path / act
            out.mkdir()
            try:
                run(db, out)
            except UserError as exc:
                assert exc.field == "role", (act, exc.en)
                assert list(out.iterdir()) == [], f"{act} left a file behind"
                continue
            done.add(act)
        assert done == ALLOWED[name]
        # Everyone may look, and the looking is logged under their own name.
        person = _first_person(db)
        audit.record_view(db, person)
        with db.reader() as session:
            viewers = set(
                session.scalars(select(AuditEntry.actor).where(AuditEntry.action == "view"))
            )
        assert viewers == {name}
    finally:
        db.close()


def test_the_last_administrator_cannot_be_demoted_or_disabled(set_up: tuple[Path, str]) -> None:
    folder, _ = set_up
    db = _sign_in(folder, "quantri")
    try:
        with pytest.raises(UserError, match="last administrator"):
            accounts.set_role(db, "quantri", Role.EDITOR)
        with pytest.raises(UserError, match="last administrator"):
            accounts.disable(db, "quantri")
        accounts.set_role(db, "thuky", Role.ADMIN)
        accounts.set_role(db, "quantri", Role.EDITOR)  # another administrator exists now
        roles = {a.name: a.role for a in accounts.accounts(db) if a.name != "quantri"}
        assert roles == {"thuky": Role.ADMIN, "xem": Role.VIEWER}
    finally:
        db.close()


def test_a_disabled_account_cannot_sign_in_until_given_a_new_password(
    set_up: tuple[Path, str],
) -> None:
    folder, _ = set_up
    db = _sign_in(folder, "quantri")
    accounts.disable(db, "xem")
    db.close()
    _forget(folder)
    with pytest.raises(UserError):
        _sign_in(folder, "xem")
    db = _sign_in(folder, "quantri")
    accounts.reset_password(db, "xem", "lại được vào 1")
    db.close()
    _forget(folder)
    db = accounts.sign_in(folder, "xem", "lại được vào 1", open_data_dir)
    assert db.account.role is Role.VIEWER
    db.close()


def test_only_an_administrator_sets_the_idle_lock(set_up: tuple[Path, str]) -> None:
    folder, _ = set_up
    db = _sign_in(folder, "thuky")
    try:
        assert accounts.lock_minutes(db) == accounts.DEFAULT_LOCK_MINUTES
        with pytest.raises(UserError) as refused:
            accounts.set_lock_minutes(db, 0)
        assert refused.value.field == "role"
    finally:
        db.close()
    db = _sign_in(folder, "quantri")
    try:
        with pytest.raises(UserError, match="between"):
            accounts.set_lock_minutes(db, 1000)
        accounts.set_lock_minutes(db, 3)
        assert accounts.lock_minutes(db) == 3
    finally:
        db.close()


def test_a_viewer_reads_everything_the_window_shows(set_up: tuple[Path, str]) -> None:
    """Reading takes no write transaction, so the viewer's guard never stands in its way."""
    from dvdesk.services.deadlines import list_deadlines
    from dvdesk.services.people import check_person, list_people

    folder, _ = set_up
    db = _sign_in(folder, "xem")
    try:
        people = list_people(db)
        assert people
        check_person(db, people[0].id, TODAY)
        list_deadlines(db, TODAY, 30)
        reports.year_report(db, 2026)
        exchange.peers(db)
        exchange.unit_overview(db)
        assert audit.entries(db)
        made = backups.list_backups(backups.folder_of(db.path))
        assert [b.reason for b in made] == ["before-encryption"]  # the data as it was, kept
    finally:
        db.close()
