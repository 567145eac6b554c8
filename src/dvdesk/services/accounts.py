"""Accounts: setting them up, signing in, and what each role may do.

Before anyone sets up accounts, a database is plain and whoever runs the program may do
everything (a fresh install, the demo, the tests). `set_up` makes the first administrator,
encrypts the database and returns the recovery key to print; from then on the database opens
only through `sign_in` (a password) or `recover` (the recovery key), and the signed-in account's
role is enforced on every write transaction (`Database.write_guard`) and on every print or
export (`require`, and `audit.log` for anything logged as a print or an export).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from dvdesk.db import account_queries as q
from dvdesk.db import register_queries
from dvdesk.db.backup import encrypt_file
from dvdesk.db.engine import (
    DB_FILE_NAME,
    VAULT_FILE_NAME,
    Database,
    Session,
    is_plain,
    key_for,
    remember_key,
)
from dvdesk.db.models import Account
from dvdesk.domain.accounts import (
    PERMISSION_WORDS,
    ROLE_LABELS,
    Permission,
    Role,
    can,
    last_admin_problem,
    name_problem,
    normal_name,
)
from dvdesk.domain.text import clean
from dvdesk.files import FileWriteError, write_atomic
from dvdesk.services import audit, backups
from dvdesk.services.errors import UserError
from dvdesk.services.setup import open_data_dir, server_for
from dvdesk.sync.errors import SyncError
from dvdesk.sync.password_hash import hash_password, verify_password
from dvdesk.sync.vault import Vault, VaultError, check_password_strength, new_vault, read_vault

VAULT_FILE = VAULT_FILE_NAME
LOCK_SETTING = "lock_after_minutes"
DEFAULT_LOCK_MINUTES = 10
MAX_LOCK_MINUTES = 240


@dataclass(frozen=True)
class SignedIn:
    """Who works in this process."""

    name: str
    full_name: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return can(self.role, permission)


@dataclass(frozen=True)
class AccountRow:
    name: str
    full_name: str
    role: Role
    active: bool
    created_at: datetime
    last_sign_in: datetime | None


@dataclass(frozen=True)
class SetUp:
    db: Database
    recovery_key: str  # as printed: 8 groups of 4 characters


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def vault_path(data_dir: Path) -> Path:
    return data_dir / VAULT_FILE


def protected(data_dir: Path) -> bool:
    """Whether accounts are set up here (and so the database is, or is about to be, encrypted).
    A data folder on the office's shared server: whether that database has accounts."""
    if server_for(data_dir) is not None:
        return _shared_has_accounts(data_dir)
    return vault_path(data_dir).exists()


def _shared_has_accounts(data_dir: Path) -> bool:
    db = open_data_dir(data_dir)
    try:
        with db.reader() as session:
            return bool(q.all_accounts(session))
    finally:
        db.close()


def _user_error(exc: SyncError | FileWriteError) -> UserError:
    if isinstance(exc, FileWriteError):
        return UserError(exc.vi, exc.en, "file")
    field = {
        "bad_password": "password",
        "weak_password": "password",
        "bad_recovery_key": "recovery_key",
    }.get(exc.code, "")
    return UserError(exc.vi, exc.en, field)


def read(data_dir: Path) -> Vault:
    path = vault_path(data_dir)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(
            f"Chưa có tài khoản nào trên máy này (không thấy tệp {path}).",
            f"No accounts are set up on this computer ({path} is missing).",
        ) from None
    try:
        return read_vault(data, path.name)
    except VaultError as exc:
        raise _user_error(exc) from None


def _write(data_dir: Path, vault: Vault) -> None:
    try:
        write_atomic(vault_path(data_dir), vault.to_bytes())
    except FileWriteError as exc:
        raise _user_error(exc) from None


def _check_password(password: str, repeat: str | None) -> None:
    if repeat is not None and password != repeat:
        raise UserError(
            "Hai lần nhập mật khẩu không khớp nhau.",
            "The two passwords do not match.",
            "password",
        )


def check_new_account(name: str, password: str, repeat: str | None = None) -> str:
    """What making this account would refuse (the name, the password), found without writing
    anything: the name as it will be stored."""
    name = _check_name(name)
    _check_password(password, repeat)
    try:
        check_password_strength(password)
    except VaultError as exc:
        raise _user_error(exc) from None
    return name


def _check_name(name: str) -> str:
    problem = name_problem(name)
    if problem:
        raise UserError(*problem, "name")
    return normal_name(name)


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise UserError(
            f"Vai trò «{role}» không có: chọn admin, editor hoặc viewer.",
            f"Unknown role {role!r}: use admin, editor or viewer.",
            "role",
        ) from None


def attach(db: Database, who: SignedIn) -> Database:
    """Make `who` the account `db` works for: their role guards every change from now on."""
    db.account = who

    def guard() -> None:
        require(db, Permission.EDIT)

    db.write_guard = guard
    return db


def require(db: Database, permission: Permission) -> None:
    """UserError (field "role") unless the signed-in account may do this; anyone may before
    accounts are set up."""
    who: SignedIn | None = db.account
    if who is None or who.can(permission):
        return
    vi_role, en_role = ROLE_LABELS[who.role]
    vi_act, en_act = PERMISSION_WORDS[permission]
    raise UserError(
        f"Tài khoản «{who.name}» ({vi_role}) không được {vi_act}.",
        f"The account '{who.name}' ({en_role}) may not {en_act}.",
        "role",
    )


def _open(data_dir: Path, key: bytes, open_db: Callable[[Path], Database]) -> Database:
    path = data_dir / DB_FILE_NAME
    if path.exists() and path.stat().st_size > 0 and is_plain(path):
        # Accounts were made but the encryption did not finish (the power went): finish it.
        encrypt_file(path, key)
    remember_key(path, key)
    return open_db(data_dir)


def _signed_in(db: Database, name: str) -> SignedIn:
    with db.unit_of_work(record_keeping=True) as session:
        row = q.account(session, normal_name(name))
        if row is None or not row.active:
            raise UserError(
                f"Tài khoản «{name}» không có hoặc đã bị khóa trên máy này.",
                f"The account '{name}' does not exist or is disabled on this computer.",
                "name",
            )
        row.last_sign_in = _now()
        audit.log(session, row.name, "sign_in", "account", row.name)
        return SignedIn(row.name, row.full_name, Role(row.role))


def set_up(
    data_dir: Path,
    name: str,
    full_name: str,
    password: str,
    open_db: Callable[[Path], Database],
    repeat: str | None = None,
) -> SetUp:
    """Make the first administrator, encrypt the database (backed up first, when it has data
    and keys to back up to) and sign in. `open_db` opens the data folder (setup.open_data_dir).
    The returned recovery key is shown once and must be printed or written down.

    On the office's shared server there is nothing to encrypt and no recovery key (""): the
    server's own backups stand behind it, and an administrator resets forgotten passwords."""
    if server_for(data_dir) is not None:
        return _set_up_shared(data_dir, name, full_name, password, open_db, repeat)
    if protected(data_dir):
        raise UserError(
            "Máy này đã có tài khoản: hãy đăng nhập.",
            "Accounts are already set up on this computer: sign in.",
        )
    name = _check_name(name)
    _check_password(password, repeat)
    vault, key, recovery_key = new_vault()
    try:
        vault.set_password(key, name, password)
    except VaultError as exc:
        raise _user_error(exc) from None
    path = data_dir / DB_FILE_NAME
    if not is_plain(path):
        raise UserError(
            f"Cơ sở dữ liệu {path} đã được mã hóa nhưng thiếu tệp khóa tài khoản "
            f"{VAULT_FILE}: hãy chép tệp đó (có trong thư mục sao lưu) vào cùng thư mục rồi "
            "đăng nhập. Không tạo tài khoản mới cho dữ liệu này được.",
            f"The database {path} is encrypted but its account key file {VAULT_FILE} is "
            "missing: copy that file (one is kept in the backups folder) beside it and sign in. "
            "New accounts cannot be made for this data.",
            "database",
        )
    data_dir.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > 0:
        with contextlib.suppress(UserError):  # no keys yet: nothing to encrypt a backup to
            backups.backup_file(path, "before-encryption")
    # The vault first: should the power go before the database is encrypted, the next sign-in
    # finishes the encryption (see _open); the other order could lock the data out for good.
    _write(data_dir, vault)
    db = _open(data_dir, key, open_db)
    with db.unit_of_work() as session:
        _add_first_admin(session, name, full_name, None)
    attach(db, _signed_in(db, name))
    return SetUp(db, recovery_key)


def _add_first_admin(
    session: Session, name: str, full_name: str, password_hash: str | None
) -> None:
    session.add(
        Account(
            name=name,
            full_name=clean(full_name),
            role=Role.ADMIN.value,
            active=True,
            created_at=_now(),
            created_by=name,
            password_hash=password_hash,
        )
    )
    audit.log(session, name, "account_add", "account", name, after={"role": "admin"})


def _set_up_shared(
    data_dir: Path,
    name: str,
    full_name: str,
    password: str,
    open_db: Callable[[Path], Database],
    repeat: str | None,
) -> SetUp:
    name = check_new_account(name, password, repeat)
    db = open_db(data_dir)
    try:
        with db.unit_of_work() as session:
            if q.all_accounts(session):
                raise UserError(
                    "Cơ sở dữ liệu dùng chung đã có tài khoản: hãy đăng nhập.",
                    "The shared database already has accounts: sign in.",
                )
            _add_first_admin(session, name, full_name, _hashed(password))
        attach(db, _signed_in(db, name))
    except Exception:
        db.close()
        raise
    return SetUp(db, "")


def _hashed(password: str) -> str:
    try:
        return hash_password(password)
    except VaultError as exc:
        raise _user_error(exc) from None


def _bad_password(field: str = "password") -> UserError:
    return UserError("Sai tên tài khoản hoặc mật khẩu.", "Wrong account name or password.", field)


def _check_shared(db: Database, name: str, password: str, field: str = "password") -> None:
    with db.reader() as session:
        row = q.account(session, normal_name(name))
        stored = row.password_hash if row is not None and row.active else None
    if not verify_password(password, stored):
        raise _bad_password(field)


def sign_in(
    data_dir: Path, name: str, password: str, open_db: Callable[[Path], Database]
) -> Database:
    """The database, opened for `name` if `password` is theirs; UserError otherwise."""
    if server_for(data_dir) is not None:
        db = open_db(data_dir)
        try:
            _check_shared(db, name, password)
            return attach(db, _signed_in(db, name))
        except Exception:
            db.close()
            raise
    try:
        key = read(data_dir).unlock(name, password)
    except VaultError as exc:
        raise _user_error(exc) from None
    db = _open(data_dir, key, open_db)
    try:
        return attach(db, _signed_in(db, name))
    except Exception:
        db.close()
        raise


def recover(
    data_dir: Path,
    recovery_key: str,
    name: str,
    password: str,
    open_db: Callable[[Path], Database],
    repeat: str | None = None,
) -> Database:
    """Every password lost: the printed recovery key opens the database, and `name` becomes
    (or stays) an active administrator with the new `password`."""
    vault = read(data_dir)
    try:
        key = vault.recover(recovery_key)
    except VaultError as exc:
        raise _user_error(exc) from None
    name = _check_name(name)
    _check_password(password, repeat)
    try:
        vault.set_password(key, name, password)
    except VaultError as exc:
        raise _user_error(exc) from None
    db = _open(data_dir, key, open_db)
    try:
        with db.unit_of_work() as session:
            row = q.account(session, name)
            before = {"role": row.role, "active": row.active} if row else None
            if row is None:
                row = Account(name=name, created_at=_now(), created_by="recovery")
                session.add(row)
            row.role, row.active = Role.ADMIN.value, True
            audit.log(
                session, name, "recovery", "account", name, before=before, after={"role": "admin"}
            )
        _write(data_dir, vault)
        return attach(db, _signed_in(db, name))
    except Exception:
        db.close()
        raise


def rescue_shared(
    data_dir: Path, name: str, password: str, open_db: Callable[[Path], Database]
) -> Database:
    """Every administrator's password lost on the shared server, which has no recovery key:
    `name` becomes (or stays) an active administrator with `password`. Only from the command
    line, by whoever reaches the server's database with its own credentials: they could change
    any row already; this does it through the program, and the audit log says who and where."""
    if server_for(data_dir) is None:
        raise UserError(
            "Chỉ dùng được cho cơ sở dữ liệu dùng chung trên máy chủ; ở đây hãy dùng mã khôi phục.",
            "Only for the shared database on a server; here, use the recovery key.",
        )
    name = check_new_account(name, password)
    db = open_db(data_dir)
    try:
        with db.unit_of_work() as session:
            row = q.account(session, name)
            before = {"role": row.role, "active": row.active} if row else None
            if row is None:
                row = Account(name=name, created_at=_now(), created_by="recovery")
                session.add(row)
            row.role, row.active, row.password_hash = Role.ADMIN.value, True, _hashed(password)
            audit.log(
                session, name, "recovery", "account", name, before=before, after={"role": "admin"}
            )
        return attach(db, _signed_in(db, name))
    except Exception:
        db.close()
        raise


def unlock(data_dir: Path, name: str, password: str) -> None:
    """Make the database's key known to this process without opening the database: for the
    checks and the recovery of a database too damaged to open (whose roles cannot be read)."""
    try:
        key = read(data_dir).unlock(name, password)
    except VaultError as exc:
        raise _user_error(exc) from None
    remember_key(data_dir / DB_FILE_NAME, key)


def check_password(db: Database, password: str) -> bool:
    """Whether `password` is the signed-in account's (unlocking the screen)."""
    who: SignedIn | None = db.account
    if who is None:
        return True
    if db.on_server:
        return verify_password(password, _stored_hash(db, who.name))
    try:
        read(db.path.parent).unlock(who.name, password)
    except (VaultError, UserError):
        return False
    return True


def _stored_hash(db: Database, name: str) -> str | None:
    with db.reader() as session:
        row = q.account(session, name)
        return row.password_hash if row is not None and row.active else None


def _key(db: Database) -> bytes:
    key = key_for(db.path)
    if key is None:
        raise UserError(
            "Chưa thiết lập tài khoản cho cơ sở dữ liệu này.",
            "Accounts are not set up for this database.",
        )
    return key


def accounts(db: Database) -> list[AccountRow]:
    require(db, Permission.MANAGE)
    with db.reader() as session:
        return [
            AccountRow(a.name, a.full_name, Role(a.role), a.active, a.created_at, a.last_sign_in)
            for a in q.all_accounts(session)
        ]


def add_account(
    db: Database, name: str, full_name: str, role: Role | str, password: str
) -> AccountRow:
    require(db, Permission.MANAGE)
    name, role = _check_name(name), _role(role)
    with db.reader() as session:
        if q.account(session, name) is not None:
            raise UserError(
                f"Đã có tài khoản «{name}».", f"The account '{name}' already exists.", "name"
            )
    password_hash = _hashed(password) if db.on_server else None
    if not db.on_server:
        data_dir = db.path.parent
        vault = read(data_dir)
        try:
            vault.set_password(_key(db), name, password)
        except VaultError as exc:
            raise _user_error(exc) from None
        _write(data_dir, vault)
    who: SignedIn = db.account
    with db.unit_of_work() as session:
        row = Account(
            name=name,
            full_name=clean(full_name),
            role=role.value,
            active=True,
            created_at=_now(),
            created_by=who.name,
            password_hash=password_hash,
        )
        session.add(row)
        audit.log(session, who.name, "account_add", "account", name, after={"role": role.value})
    return AccountRow(name, row.full_name, role, True, row.created_at, None)


def _change(db: Database, name: str, role: Role | None, active: bool | None) -> None:
    require(db, Permission.MANAGE)
    who: SignedIn = db.account
    with db.unit_of_work() as session:
        row = q.account(session, normal_name(name))
        if row is None:
            raise UserError(
                f"Không có tài khoản «{name}».", f"There is no account '{name}'.", "name"
            )
        was_admin = row.role == Role.ADMIN.value and row.active
        stays_admin = (role or Role(row.role)) == Role.ADMIN and (
            row.active if active is None else active
        )
        problem = last_admin_problem(q.active_admins(session), was_admin and not stays_admin)
        if problem:
            raise UserError(*problem, "role")
        before = {"role": row.role, "active": row.active}
        if role is not None:
            row.role = role.value
        if active is not None:
            row.active = active
        audit.log(
            session,
            who.name,
            "account_change",
            "account",
            row.name,
            before=before,
            after={"role": row.role, "active": row.active},
        )


def set_role(db: Database, name: str, role: Role | str) -> None:
    _change(db, name, _role(role), None)


def disable(db: Database, name: str) -> None:
    """The account can no longer sign in; its password is taken out of the vault, so even a
    restored copy of the database would not let it in. Enabling it again needs a new password."""
    _change(db, name, None, False)
    if db.on_server:
        _set_hash(db, normal_name(name), None)
        return
    vault = read(db.path.parent)
    if vault.has(name):
        vault.remove(name)
        _write(db.path.parent, vault)


def reset_password(db: Database, name: str, password: str, repeat: str | None = None) -> None:
    """An administrator gives `name` a new password (and enables the account)."""
    require(db, Permission.MANAGE)
    _check_password(password, repeat)
    name = normal_name(name)
    with db.reader() as session:
        row = q.account(session, name)
        if row is None:
            raise UserError(
                f"Không có tài khoản «{name}».", f"There is no account '{name}'.", "name"
            )
        inactive = not row.active
    if db.on_server:
        _set_hash(db, name, _hashed(password))
    else:
        vault = read(db.path.parent)
        try:
            vault.set_password(_key(db), name, password)
        except VaultError as exc:
            raise _user_error(exc) from None
        _write(db.path.parent, vault)
    if inactive:
        _change(db, name, None, True)
    with db.unit_of_work() as session:
        audit.log(session, db.account.name, "password_reset", "account", name)


def change_password(db: Database, old: str, new: str, repeat: str | None = None) -> None:
    """The signed-in account changes its own password (any role may)."""
    who: SignedIn | None = db.account
    if who is None:
        raise UserError("Chưa đăng nhập tài khoản nào.", "No account is signed in.", "name")
    _check_password(new, repeat)
    if db.on_server:
        _check_shared(db, who.name, old, "old")
        _set_hash(db, who.name, _hashed(new))
        with db.unit_of_work(record_keeping=True) as session:
            audit.log(session, who.name, "password_change", "account", who.name)
        return
    vault = read(db.path.parent)
    try:
        key = vault.unlock(who.name, old)
    except VaultError as exc:
        raise UserError(exc.vi, exc.en, "old") from None
    try:
        vault.set_password(key, who.name, new)
    except VaultError as exc:
        raise _user_error(exc) from None
    _write(db.path.parent, vault)
    with db.unit_of_work(record_keeping=True) as session:
        audit.log(session, who.name, "password_change", "account", who.name)


def renew_recovery_key(db: Database) -> str:
    """A new recovery key to print; the old one stops working."""
    require(db, Permission.MANAGE)
    if db.on_server:
        raise UserError(
            "Cơ sở dữ liệu dùng chung trên máy chủ không có mã khôi phục: quản trị viên đặt lại "
            "mật khẩu quên, và máy chủ được sao lưu bằng pg_dump.",
            "The shared database on the server has no recovery key: an administrator resets "
            "forgotten passwords, and the server is backed up with pg_dump.",
        )
    vault = read(db.path.parent)
    text = vault.renew_recovery(_key(db))
    _write(db.path.parent, vault)
    with db.unit_of_work() as session:
        audit.log(session, db.account.name, "recovery_key_renewed", "account", db.account.name)
    return text


def _set_hash(db: Database, name: str, password_hash: str | None) -> None:
    # The program's own bookkeeping of a change already allowed and logged by the caller.
    with db.unit_of_work(record_keeping=True) as session:
        row = q.account(session, name)
        if row is not None:
            row.password_hash = password_hash


def lock_minutes(db: Database) -> int:
    """After how many idle minutes the window locks (0: never). In the database, not in the
    user's settings, so only an administrator can change it."""
    with db.reader() as session:
        text = register_queries.setting(session, LOCK_SETTING)
    try:
        value = int(text) if text is not None else DEFAULT_LOCK_MINUTES
    except ValueError:
        return DEFAULT_LOCK_MINUTES
    return min(max(value, 0), MAX_LOCK_MINUTES)


def set_lock_minutes(db: Database, minutes: int) -> None:
    require(db, Permission.MANAGE)
    if not 0 <= minutes <= MAX_LOCK_MINUTES:
        raise UserError(
            f"Thời gian tự khóa phải từ 0 (không tự khóa) đến {MAX_LOCK_MINUTES} phút.",
            f"The idle lock must be between 0 (never) and {MAX_LOCK_MINUTES} minutes.",
            "lock_minutes",
        )
    with db.unit_of_work() as session:
        before = register_queries.setting(session, LOCK_SETTING)
        register_queries.set_setting(session, LOCK_SETTING, str(minutes))
        audit.log(
            session,
            "",
            "setting",
            "settings",
            LOCK_SETTING,
            before={"minutes": before} if before is not None else None,
            after={"minutes": minutes},
        )
