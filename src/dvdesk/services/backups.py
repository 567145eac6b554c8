"""Backups, restore and the database check: nothing a unit entered is lost.

A backup is a consistent image of the database (SQLite's backup API, checked with
quick_check), encrypted to the unit's own exchange key (sync.backup_file) and written
atomically into the `backups` folder beside the database, or wherever the user asks. Automatic
backups (before an import, a migration or a restore; every half hour while data changes; on
exit) are pruned by the retention setting; backups written elsewhere are never touched.

An office whose database is on its server (a data folder naming it in dvdesk.server) is backed
up the same way with PostgreSQL's own pg_dump (db.server_dump) instead of a file image: the
same container, encrypted to the same key, in the `backups` folder of the desk's data folder,
its metadata saying engine "postgresql". A restore puts it back with pg_restore in one
transaction. A server backup is never restored into a file, nor a file's into the server.

Opening a backup needs the unit's passphrase. The passphrase-protected private keys are kept
beside the backups too (keys.dvkeys), so a damaged database can still be restored from them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from dvdesk.db import backup as images
from dvdesk.db import backup_queries, register_queries, server_dump
from dvdesk.db.backup import ImageInfo, IntegrityReport
from dvdesk.db.engine import (
    DB_FILE_NAME,
    Database,
    DatabaseError,
    EncryptedDatabaseError,
    key_for,
    open_database,
    schema_head,
    server_name,
)
from dvdesk.db.engine import VAULT_FILE_NAME as VAULT_FILE
from dvdesk.domain.retention import Retention, to_keep
from dvdesk.files import write_atomic
from dvdesk.services import audit
from dvdesk.services.errors import UserError
from dvdesk.sync import keys
from dvdesk.sync.backup_file import (
    SUFFIX,
    BackupFileError,
    OpenedBackup,
    open_backup,
    peek_backup,
    seal_backup,
)

FOLDER = "backups"
KEYS_COPY = "keys.dvkeys"
# The image hash of the newest automatic backup (a server's: server_dump.content_digest of its
# dump): skip one if nothing changed.
_LAST = "last.json"
_RETENTION_KEY = "backup.retention"
AUTOMATIC = ("auto", "exit", "before-import", "before-migration", "before-restore")
# What a backup holds (its metadata's "engine"; a backup without one is of a file).
FILE_ENGINE = "sqlite"
SERVER_ENGINE = "postgresql"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    created_at: datetime
    reason: str
    size: int


@dataclass(frozen=True)
class BackupPreview:
    path: Path
    created_at: datetime
    reason: str
    made_on: str  # the computer's name
    info: ImageInfo
    engine: str = FILE_ENGINE  # SERVER_ENGINE: of the office's database on its server


@dataclass(frozen=True)
class RestoreResult:
    preview: BackupPreview
    safety_backup: Path | None  # the database as it was, backed up first (None: unreadable)
    set_aside: Path | None  # where the replaced database file was moved (None on a server)
    report: IntegrityReport  # the check of the restored database


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def folder_of(db_path: Path) -> Path:
    return db_path.parent / FOLDER


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)


def _no_keys() -> UserError:
    return UserError(
        "Đơn vị chưa có khóa nên chưa sao lưu được (bản sao lưu được mã hóa bằng khóa của đơn "
        "vị): hãy tạo khóa ở menu Trao đổi → Khóa, hoặc «dvdesk keys init».",
        "This unit has no keys yet, so nothing can be backed up (backups are encrypted to the "
        "unit's key): make them under Exchange → Keys, or with 'dvdesk keys init'.",
        "keys",
    )


def _keep_keys_copy(db_path: Path, folder: Path) -> None:
    _write_keys_copy(images.own_protected_keys(db_path), folder)


def _write_keys_copy(found: dict[str, bytes], folder: Path) -> None:
    """The protected private keys beside the backups, rewritten when they change."""
    if not found:
        return
    body = json.dumps(
        {
            "format": "dvdesk-keys-copy",
            "keys": {k: base64.b64encode(v).decode("ascii") for k, v in sorted(found.items())},
        },
        sort_keys=True,
    ).encode("utf-8")
    target = folder / KEYS_COPY
    if target.exists() and target.read_bytes() == body:
        return
    _write(target, body)


def _keep_vault_copy(db_path: Path, folder: Path) -> None:
    """The account vault beside the backups: an encrypted database's backup opens only with
    its key, which that vault holds (under the passwords and the recovery key of the time)."""
    source = db_path.parent / VAULT_FILE
    if not source.exists():
        return
    body = source.read_bytes()
    target = folder / VAULT_FILE
    if target.exists() and target.read_bytes() == body:
        return
    _write(target, body)


def _file_name(created: datetime, reason: str) -> str:
    return f"dvdesk-{created:%Y%m%d-%H%M%S}-{reason}{SUFFIX}"


def backup_file(
    db_path: Path,
    reason: str = "manual",
    out: Path | None = None,
    *,
    only_if_changed: bool = False,
    now: datetime | None = None,
) -> BackupFile | None:
    """Back up the database file at `db_path` (open or not); None when `only_if_changed` and
    nothing changed since the newest automatic backup. Automatic backups are pruned after."""
    active = images.own_box_keys(db_path)
    if not active:
        raise _no_keys()
    try:
        image = images.database_image(db_path)
    except DatabaseError as exc:
        raise UserError(
            "Không sao lưu được: cơ sở dữ liệu bị hỏng. Hãy dùng «Kiểm tra dữ liệu» và khôi "
            "phục từ bản sao lưu gần nhất.",
            f"Cannot back up: {exc}. Check the database and restore the newest backup.",
            "database",
        ) from None
    folder = folder_of(db_path)
    digest = hashlib.sha256(image).hexdigest()
    if only_if_changed and _last(folder) == digest:
        return None
    created = now or _now()
    info = images.inspect_image(image, key_for(db_path))
    meta: dict[str, Any] = {
        "app": "dvdesk",
        "engine": FILE_ENGINE,
        "schema": info.schema,
        "unit_code": info.unit_code,
        "unit_name": info.unit_name,
        "counts": info.counts,
        "last_change": info.last_change,
        "image_sha256": digest,
        "image_bytes": len(image),
        "made_on": socket.gethostname(),
    }
    recipient = X25519PublicKey.from_public_bytes(bytes.fromhex(active[0][1]))
    data = seal_backup(image, meta, recipient, created, reason)
    target = out or folder / _file_name(created, reason)
    _write(target, data)
    _keep_keys_copy(db_path, folder if out is None else target.parent)
    _keep_vault_copy(db_path, folder if out is None else target.parent)
    if out is None:
        _write(folder / _LAST, json.dumps({"image_sha256": digest}).encode("utf-8"))
        prune(folder, read_retention_file(db_path), created)
    return BackupFile(target, created, reason, len(data))


def make_backup(
    db: Database,
    reason: str = "manual",
    out: Path | None = None,
    *,
    only_if_changed: bool = False,
    now: datetime | None = None,
) -> BackupFile | None:
    if out is not None:  # a copy of everything, to a place of the user's choosing
        audit.require_outward(db)
    if db.on_server:
        return backup_server(
            server_dump.url_of(db), db.path, reason, out, only_if_changed=only_if_changed, now=now
        )
    return backup_file(db.path, reason, out, only_if_changed=only_if_changed, now=now)


def _last(folder: Path) -> str:
    try:
        return str(json.loads((folder / _LAST).read_text(encoding="utf-8"))["image_sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""


# --- the office's database on its server ---------------------------------------------------


def _server_of(data_dir: Path) -> str | None:
    from dvdesk.services import setup  # setup opens databases through this module

    return setup.server_for(data_dir)


def _tool_error(
    exc: server_dump.DumpError, restoring: bool = False, unchanged: bool = True
) -> UserError:
    tool = exc.tool
    vi_head, en_head = (
        "Không sao lưu được cơ sở dữ liệu trên máy chủ",
        "Cannot back up the database on the server",
    )
    if restoring:
        vi_head, en_head = (
            "Không khôi phục được cơ sở dữ liệu trên máy chủ",
            "Cannot restore the database on the server",
        )
        if unchanged:
            vi_head += " (dữ liệu trên máy chủ không bị thay đổi)"
            en_head += " (its data is unchanged)"
    tools = (
        "hãy cài bộ công cụ PostgreSQL (client tools) cùng phiên bản với máy chủ hoặc mới hơn "
        f"lên máy này, và nếu cần thì đặt biến môi trường {server_dump.BIN_ENV} là thư mục "
        f"chứa {tool}"
    )
    vi = {
        "missing": f"không tìm thấy chương trình {tool} của PostgreSQL trên máy này: {tools}.",
        "newer_server": f"chương trình {tool} trên máy này cũ hơn máy chủ: {tools}.",
        "newer_dump": f"bản sao lưu được tạo bằng pg_dump mới hơn {tool} trên máy này: {tools}.",
        "timeout": f"{tool} chạy quá lâu mà chưa xong: hãy kiểm tra máy chủ, đường mạng và xem "
        "có máy nào đang giữ cơ sở dữ liệu không.",
    }.get(exc.kind, f"{tool} báo lỗi: {exc}.")
    return UserError(f"{vi_head}: {vi}", f"{en_head}: {exc}.", "server")


def _server_error(exc: DatabaseError, restoring: bool = False) -> UserError:
    if restoring:
        return UserError(
            f"Không khôi phục được cơ sở dữ liệu trên máy chủ: {exc}.",
            f"Cannot restore the database on the server: {exc}.",
            "server",
        )
    return UserError(
        f"Không sao lưu được cơ sở dữ liệu trên máy chủ: {exc}.",
        f"Cannot back up the database on the server: {exc}.",
        "server",
    )


def backup_server(
    url: str,
    db_path: Path,
    reason: str = "manual",
    out: Path | None = None,
    *,
    only_if_changed: bool = False,
    now: datetime | None = None,
) -> BackupFile | None:
    """Back up the database on the server at `url` (pg_dump, open or not, no migration) into
    the backups folder of the desk's data folder (`db_path`'s); as backup_file otherwise."""
    folder = folder_of(db_path)
    where = server_name(url)
    try:
        with backup_queries.snapshot(url) as (session, exported):
            active = backup_queries.own_box_keys(session)
            if not active:
                raise _no_keys()
            archive = server_dump.dump(url, snapshot=exported)
            # Two dumps of the same data differ only in the time written in their header:
            # the digest leaves it out, so "unchanged" means the same data, as for a file.
            digest = server_dump.content_digest(archive)
            if only_if_changed and _last(folder) == digest:
                return None
            info = backup_queries.describe(session, len(archive))
            present = backup_queries.tables(session)
            protected = backup_queries.own_protected_keys(session)
            policy = _retention_of(backup_queries.setting(session, _RETENTION_KEY))
    except server_dump.DumpError as exc:
        raise _tool_error(exc) from None
    except DatabaseError as exc:
        raise _server_error(exc) from None
    created = now or _now()
    meta: dict[str, Any] = {
        "app": "dvdesk",
        "engine": SERVER_ENGINE,
        "server": where,
        "schema": info.schema,
        "unit_code": info.unit_code,
        "unit_name": info.unit_name,
        "counts": info.counts,
        "last_change": info.last_change,
        "tables": present,
        "image_sha256": digest,
        "image_bytes": len(archive),
        "made_on": socket.gethostname(),
    }
    recipient = X25519PublicKey.from_public_bytes(bytes.fromhex(active[0][1]))
    data = seal_backup(archive, meta, recipient, created, reason)
    target = out or folder / _file_name(created, reason)
    _write(target, data)
    _write_keys_copy(protected, folder if out is None else target.parent)
    if out is None:
        _write(folder / _LAST, json.dumps({"image_sha256": digest}).encode("utf-8"))
        prune(folder, policy, created)
    return BackupFile(target, created, reason, len(data))


# --- the list and retention ----------------------------------------------------------------


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in a folder, newest first (files that are not backups are left out)."""
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"*{SUFFIX}"):
        try:
            size = path.stat().st_size
            with open(path, "rb") as handle:
                head = handle.read(4200)
            header = peek_backup(head, size)
        except (OSError, BackupFileError):
            continue
        found.append(BackupFile(path, header.created_at, header.reason, size))
    found.sort(key=lambda b: (b.created_at, b.path.name), reverse=True)
    return found


def prune(folder: Path, policy: Retention, now: datetime) -> list[Path]:
    """Remove the automatic backups the policy does not keep; the paths removed."""
    automatic = [b for b in list_backups(folder) if b.reason in AUTOMATIC]
    keep = to_keep([b.created_at for b in automatic], now, policy)
    removed = []
    for index, item in enumerate(automatic):
        if index not in keep:
            item.path.unlink(missing_ok=True)
            removed.append(item.path)
    return removed


def _retention_of(text: str | None) -> Retention:
    if not text:
        return Retention()
    try:
        values = json.loads(text)
        return Retention(**{k: int(v) for k, v in values.items()})
    except (ValueError, TypeError):
        return Retention()  # a damaged setting must not stop backups


def read_retention_file(db_path: Path) -> Retention:
    return _retention_of(images.setting(db_path, _RETENTION_KEY))


def retention(db: Database) -> Retention:
    with db.reader() as session:
        return _retention_of(register_queries.setting(session, _RETENTION_KEY))


def save_retention(db: Database, policy: Retention, actor: str = "") -> None:
    with db.unit_of_work() as session:
        before = register_queries.setting(session, _RETENTION_KEY)
        value = json.dumps(
            {
                "latest": policy.latest,
                "daily": policy.daily,
                "weekly": policy.weekly,
                "monthly": policy.monthly,
            }
        )
        register_queries.set_setting(session, _RETENTION_KEY, value)
        audit.log(
            session,
            actor or audit.current_user(),
            "settings",
            "setting",
            _RETENTION_KEY,
            before=json.loads(before) if before else None,
            after=json.loads(value),
        )


# --- opening and restoring -----------------------------------------------------------------


def _server_keys(url: str) -> dict[str, bytes]:
    try:
        with backup_queries.server_session(url) as session:
            return backup_queries.own_protected_keys(session)
    except DatabaseError:
        return {}  # the copy beside the backups will do


def _protected_key(kid: str, db_path: Path, backup_path: Path, server: str | None = None) -> bytes:
    if server is not None:
        found = _server_keys(server)
    else:
        found = images.own_protected_keys(db_path) if db_path.exists() else {}
    if kid in found:
        return found[kid]
    for folder in (backup_path.parent, folder_of(db_path)):
        try:
            copy = json.loads((folder / KEYS_COPY).read_text(encoding="utf-8"))
            return base64.b64decode(copy["keys"][kid])
        except (OSError, ValueError, KeyError, TypeError):
            continue
    raise UserError(
        f"Không tìm thấy khóa {kid} để mở bản sao lưu: cần tệp {KEYS_COPY} nằm cùng thư mục "
        "với bản sao lưu.",
        f"Key {kid} that opens this backup is not here: {KEYS_COPY} must be in the backup's "
        "folder.",
        "keys",
    )


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError(
            f"Không đọc được tệp {path.name}: {exc.strerror or exc}.",
            f"Cannot read {path.name}: {exc.strerror or exc}.",
            "file",
        ) from None


def _engine(opened: OpenedBackup) -> str:
    return str(opened.meta.get("engine", FILE_ENGINE))


def _open(
    path: Path, passphrase: str, db_path: Path, server: str | None = None
) -> tuple[OpenedBackup, ImageInfo]:
    data = _read(path)
    try:
        header = peek_backup(data)
        protected = _protected_key(header.recipient_key_id, db_path, path, server)
        pair = keys.unlock(protected, passphrase)
        opened = open_backup(data, pair.box)
    except (BackupFileError, keys.KeyFileError) as exc:
        raise UserError(f"{path.name}: {exc.vi}", f"{path.name}: {exc.en}", "file") from None
    if _engine(opened) == SERVER_ENGINE:
        return opened, _described(path, opened)
    try:
        info = images.inspect_image(opened.image, key_for(db_path))
    except EncryptedDatabaseError:
        raise _encrypted_elsewhere(path) from None
    except DatabaseError as exc:
        raise UserError(
            f"{path.name}: dữ liệu trong bản sao lưu bị hỏng, không dùng được.",
            f"{path.name}: {exc}",
            "file",
        ) from None
    return opened, info


def _described(path: Path, opened: OpenedBackup) -> ImageInfo:
    """What a server backup holds, as its metadata says (a dump is only read by restoring it)."""
    meta = opened.meta
    try:
        if not opened.image.startswith(server_dump.MAGIC):
            raise ValueError("not a pg_dump archive")
        counts = {str(k): int(v) for k, v in dict(meta.get("counts", {})).items()}
        schema = meta.get("schema")
        return ImageInfo(
            None if schema is None else str(schema),
            counts,
            str(meta.get("unit_code", "")),
            str(meta.get("unit_name", "")),
            str(meta.get("last_change", "")),
            len(opened.image),
        )
    except (ValueError, TypeError):
        raise UserError(
            f"{path.name}: dữ liệu trong bản sao lưu bị hỏng, không dùng được.",
            f"{path.name}: the backup's content is not a database dump.",
            "file",
        ) from None


def _check_engine(path: Path, engine: str, server: str | None) -> None:
    if engine == SERVER_ENGINE and server is None:
        raise UserError(
            f"{path.name} là bản sao lưu cơ sở dữ liệu trên máy chủ (PostgreSQL) của cơ quan, "
            "không khôi phục vào tệp dữ liệu của máy này được. Hãy khôi phục nó trên một máy làm "
            "việc với máy chủ đó (thư mục dữ liệu có tệp dvdesk.server).",
            f"{path.name} is a backup of the office's database on a server (PostgreSQL): it "
            "cannot be restored into this computer's data file. Restore it from a desk that "
            "works on the server (a data folder with a dvdesk.server file).",
            "file",
        )
    if engine != SERVER_ENGINE and server is not None:
        raise UserError(
            f"{path.name} là bản sao lưu tệp dữ liệu của một máy (SQLite), không khôi phục vào "
            "cơ sở dữ liệu trên máy chủ được: dữ liệu dùng chung của mọi máy sẽ bị thay bằng dữ "
            "liệu của một máy. Hãy khôi phục nó vào một thư mục dữ liệu không làm việc với máy "
            "chủ.",
            f"{path.name} is a backup of one computer's data file (SQLite): it cannot be "
            "restored into the database on the server, which every desk shares. Restore it "
            "into a data folder that does not work on a server.",
            "file",
        )


def check_fits(seen: BackupPreview, data_dir: Path) -> None:
    """UserError when the backup cannot go into `data_dir`'s database: a server's backup into
    a file, or a file's into a server. Asked before a restore is offered; restore asks too."""
    _check_engine(seen.path, seen.engine, _server_of(data_dir))


def _encrypted_elsewhere(path: Path) -> UserError:
    return UserError(
        f"{path.name}: dữ liệu trong bản sao lưu được mã hóa theo tài khoản của máy đã tạo ra "
        f"nó. Trên máy mới, hãy chép tệp {VAULT_FILE} nằm cùng thư mục với bản sao lưu vào thư "
        "mục dữ liệu rồi đăng nhập bằng một tài khoản của thời điểm đó (hoặc mã khôi phục).",
        f"{path.name}: the backup's data is encrypted under the accounts of the computer that "
        f"made it. On a new computer, copy the {VAULT_FILE} kept beside the backups into the "
        "data folder, then sign in with an account of that time (or the recovery key).",
        "file",
    )


def preview(path: Path, passphrase: str, data_dir: Path) -> BackupPreview:
    """What a backup holds (unit, counts, last change), read with the unit's passphrase; a
    file's or a server's, whichever `data_dir` works on."""
    opened, info = _open(path, passphrase, data_dir / DB_FILE_NAME, _server_of(data_dir))
    return _preview_of(path, opened, info)


def _preview_of(path: Path, opened: OpenedBackup, info: ImageInfo) -> BackupPreview:
    return BackupPreview(
        path,
        opened.header.created_at,
        opened.header.reason,
        str(opened.meta.get("made_on", "")),
        info,
        _engine(opened),
    )


def _newer(schema: str | None) -> bool:
    head = schema_head()
    return schema is not None and schema.isdigit() and head.isdigit() and int(schema) > int(head)


def restore(
    path: Path, passphrase: str, data_dir: Path, actor: str = "", now: datetime | None = None
) -> RestoreResult:
    """Put the backup in place of the database in `data_dir`, which must not be open. The
    database as it was is backed up first (when it can be read) and moved aside, never
    deleted; the restored one is migrated to this version if older, then checked. On a
    server (_restore_server) nothing is moved aside: the backup made first is the way
    back."""
    db_path = data_dir / DB_FILE_NAME
    server = _server_of(data_dir)
    opened, info = _open(path, passphrase, db_path, server)
    _check_engine(path, _engine(opened), server)
    if _newer(info.schema):
        raise UserError(
            "Bản sao lưu do phiên bản dvdesk mới hơn tạo: hãy cập nhật chương trình trước.",
            "The backup was made by a newer dvdesk: update the program first.",
            "file",
        )
    if server is not None:
        return _restore_server(path, opened, info, server, db_path, actor, now)
    when = now or _now()
    safety: Path | None = None
    aside: Path | None = None
    if db_path.exists():
        try:
            made = backup_file(db_path, "before-restore", now=when)
            safety = made.path if made else None
        except UserError:
            safety = None  # damaged or keyless: it is still kept aside below
        aside = data_dir / "replaced" / f"{when:%Y%m%d-%H%M%S}"
        aside.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            source = db_path.with_name(db_path.name + suffix)
            if source.exists():
                os.replace(source, aside / source.name)
    images.write_image(opened.image, db_path, key_for(db_path))
    _log_restore(open_database(db_path), actor, path, opened, set_aside=str(aside or ""))
    result_preview = _preview_of(path, opened, info)
    return RestoreResult(result_preview, safety, aside, images.integrity(db_path))


def _log_restore(db: Database, actor: str, path: Path, opened: Any, **where: str) -> None:
    """The restore in the restored database's own log (opening it migrated an older schema);
    `where`: what was set aside, or which server."""
    try:
        with db.unit_of_work() as session:
            audit.log(
                session,
                actor or audit.current_user(),
                "restore",
                "database",
                "",
                after={
                    "file": path.name,
                    "created_at": opened.header.created_at.isoformat(),
                    **where,
                },
            )
    finally:
        db.close()


def _restore_server(
    path: Path,
    opened: OpenedBackup,
    info: ImageInfo,
    url: str,
    db_path: Path,
    actor: str,
    now: datetime | None,
) -> RestoreResult:
    """pg_restore of the backup into the server's database, in one transaction. The data as
    it is is backed up first; when that fails, nothing is restored (there is no file to keep
    aside: the backup is the only way back). A database with no keys yet has nothing of a
    unit's to lose (a new server) and is restored over. Tables of a later schema than the
    backup's are dropped just before (_drop_later_tables)."""
    when = now or _now()
    safety: Path | None = None
    try:
        made = backup_server(url, db_path, "before-restore", now=when)
        safety = made.path if made else None
    except UserError as exc:
        if exc.field != "keys":
            raise UserError(
                f"{exc.vi} Vì vậy chưa khôi phục gì: dữ liệu trên máy chủ vẫn như cũ.",
                f"{exc.en} So nothing is restored: the data on the server is as it was.",
                exc.field,
            ) from None
    dropped = _drop_later_tables(url, opened.meta.get("tables"))
    try:
        server_dump.restore(url, opened.image)
    except server_dump.DumpError as exc:
        error = _tool_error(exc, restoring=True, unchanged=not dropped)
        if dropped:
            names = ", ".join(dropped)
            error = UserError(
                f"{error.vi} Các bảng của phiên bản mới hơn ({names}) đã được xóa trước; bản "
                f"sao lưu vừa tạo còn giữ chúng ({safety.name if safety else '—'}).",
                f"{error.en} The later schema's tables ({names}) were dropped first; the backup "
                f"just made holds them ({safety.name if safety else '—'}).",
                error.field,
            )
        raise error from None
    try:
        _log_restore(
            open_database(db_path, server=url), actor, path, opened, server=server_name(url)
        )
    except DatabaseError as exc:
        raise UserError(
            f"Bản sao lưu đã được đưa vào máy chủ nhưng chưa mở được: {exc}.",
            f"The backup is back on the server, but it does not open: {exc}.",
            "server",
        ) from None
    return RestoreResult(_preview_of(path, opened, info), safety, None, _verify_server(url))


def _drop_later_tables(url: str, kept: object) -> list[str]:
    """Drop the tables the backup does not have (a later schema's, made by migrations after
    it): pg_restore --clean only replaces what the backup holds, and a later table that
    refers to one of those would stop it. Usually there are none and nothing is done; the
    migrations make them again once the backup is in place."""
    if not isinstance(kept, list):
        return []
    try:
        with backup_queries.server_session(url) as session:
            extra = [t for t in backup_queries.tables(session) if t not in kept]
            backup_queries.drop_tables(session, extra)
    except DatabaseError as exc:
        raise _server_error(exc, restoring=True) from None
    return extra


def _verify_server(url: str) -> IntegrityReport:
    try:
        with backup_queries.server_session(url) as session:
            return backup_queries.integrity(session)
    except DatabaseError as exc:
        return IntegrityReport(False, (str(exc),), ())


def verify(target: Path | Database) -> IntegrityReport:
    """integrity_check and foreign_key_check of the database file, in full. On a server (an
    open Database on one, or the database file's path in a data folder naming one): the
    schema is this program's, every table reads to its end and every reference is enforced
    and valid (backup_queries.integrity)."""
    if isinstance(target, Database):
        if target.on_server:
            return _verify_server(server_dump.url_of(target))
        return images.integrity(target.path)
    server = _server_of(target.parent)
    if server is not None:
        return _verify_server(server)
    return images.integrity(target)


def newest(folder: Path, reasons: Sequence[str] | None = None) -> BackupFile | None:
    for item in list_backups(folder):
        if reasons is None or item.reason in reasons:
            return item
    return None


# --- damage at start -----------------------------------------------------------------------


@dataclass(frozen=True)
class Recovery:
    restored: RestoreResult
    replayed: int  # received bundles taken in again after the backup
    already: int  # received bundles the backup already held
    refused: tuple[str, ...]  # "file: why" for those that could not be taken in


def damage(data_dir: Path) -> list[str]:
    """quick_check of the database in `data_dir` at start: [] when sound (or not made yet).
    A database on a server is not checked here: reading it to its end takes the check of the
    menu (verify), and its storage is the server's."""
    path = data_dir / DB_FILE_NAME
    if not path.exists() or _server_of(data_dir) is not None:
        return []
    try:
        return images.quick_check(path)
    except DatabaseError as exc:
        return [str(exc)]


def received_files(data_dir: Path) -> list[Path]:
    """Every bundle file received and kept (the archive), oldest first per unit."""
    folder = data_dir / "received"
    return sorted(folder.rglob("*.dvb")) if folder.is_dir() else []


def recover(data_dir: Path, passphrase: str, actor: str = "") -> Recovery:
    """Put the newest backup that opens in place of a damaged database (which is kept aside),
    then take in again every received bundle: those the backup already held are recognised
    by the ledger and skipped, the later ones bring back what came in since."""
    from dvdesk.services import exchange  # exchange backs up through this module

    db_path = data_dir / DB_FILE_NAME
    reasons: list[UserError] = []
    for candidate in list_backups(folder_of(db_path)):
        try:
            preview(candidate.path, passphrase, data_dir)
        except UserError as exc:
            reasons.append(exc)
            continue
        restored = restore(candidate.path, passphrase, data_dir, actor)
        break
    else:
        first = reasons[0] if reasons else None
        raise UserError(
            "Không có bản sao lưu nào mở được để khôi phục" + (f": {first.vi}" if first else "."),
            "No backup could be opened to restore from" + (f": {first.en}" if first else "."),
            "backup",
        )
    files = received_files(data_dir)
    replayed = already = 0
    refused: list[str] = []
    if files:
        db = open_database(db_path, server=_server_of(data_dir))
        try:
            for result in exchange.import_bundles(db, files, passphrase, actor=actor):
                if result.status == "imported":
                    replayed += 1
                elif result.status == "already":
                    already += 1
                else:
                    refused.append(f"{result.path.name}: {result.message}")
        finally:
            db.close()
    return Recovery(restored, replayed, already, tuple(refused))
