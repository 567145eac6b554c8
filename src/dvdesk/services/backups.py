"""Backups, restore and the database check: nothing a unit entered is lost.

A backup is a consistent image of the database (SQLite's backup API, checked with
quick_check), encrypted to the unit's own exchange key (sync.backup_file) and written
atomically into the `backups` folder beside the database, or wherever the user asks. Automatic
backups (before an import, a migration or a restore; every half hour while data changes; on
exit) are pruned by the retention setting; backups written elsewhere are never touched.

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
from dvdesk.db import register_queries
from dvdesk.db.backup import ImageInfo, IntegrityReport
from dvdesk.db.engine import (
    DB_FILE_NAME,
    Database,
    DatabaseError,
    EncryptedDatabaseError,
    key_for,
    open_database,
    schema_head,
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
_LAST = "last.json"  # the image hash of the newest automatic backup: skip one if nothing changed
_RETENTION_KEY = "backup.retention"
AUTOMATIC = ("auto", "exit", "before-import", "before-migration", "before-restore")


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


@dataclass(frozen=True)
class RestoreResult:
    preview: BackupPreview
    safety_backup: Path | None  # the database as it was, backed up first (None: unreadable)
    set_aside: Path | None  # where the replaced database file was moved
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
    """The protected private keys beside the backups, rewritten when they change."""
    found = images.own_protected_keys(db_path)
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
    if only_if_changed and _last_digest(folder) == digest:
        return None
    created = now or _now()
    info = images.inspect_image(image, key_for(db_path))
    meta: dict[str, Any] = {
        "app": "dvdesk",
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
    return backup_file(db.path, reason, out, only_if_changed=only_if_changed, now=now)


def _last_digest(folder: Path) -> str:
    try:
        return str(json.loads((folder / _LAST).read_text(encoding="utf-8"))["image_sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        return ""


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


def _protected_key(kid: str, db_path: Path, backup_path: Path) -> bytes:
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


def _open(path: Path, passphrase: str, db_path: Path) -> tuple[OpenedBackup, ImageInfo]:
    data = _read(path)
    try:
        header = peek_backup(data)
        pair = keys.unlock(_protected_key(header.recipient_key_id, db_path, path), passphrase)
        opened = open_backup(data, pair.box)
    except (BackupFileError, keys.KeyFileError) as exc:
        raise UserError(f"{path.name}: {exc.vi}", f"{path.name}: {exc.en}", "file") from None
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
    """What a backup holds (unit, counts, last change), read with the unit's passphrase."""
    opened, info = _open(path, passphrase, data_dir / DB_FILE_NAME)
    return BackupPreview(
        path,
        opened.header.created_at,
        opened.header.reason,
        str(opened.meta.get("made_on", "")),
        info,
    )


def _newer(schema: str | None) -> bool:
    head = schema_head()
    return schema is not None and schema.isdigit() and head.isdigit() and int(schema) > int(head)


def restore(
    path: Path, passphrase: str, data_dir: Path, actor: str = "", now: datetime | None = None
) -> RestoreResult:
    """Put the backup in place of the database in `data_dir`, which must not be open. The
    database as it was is backed up first (when it can be read) and moved aside, never
    deleted; the restored one is migrated to this version if older, then checked."""
    db_path = data_dir / DB_FILE_NAME
    opened, info = _open(path, passphrase, db_path)
    if _newer(info.schema):
        raise UserError(
            "Bản sao lưu do phiên bản dvdesk mới hơn tạo: hãy cập nhật chương trình trước.",
            "The backup was made by a newer dvdesk: update the program first.",
            "file",
        )
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
    db = open_database(db_path)  # migrates an older schema
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
                    "set_aside": str(aside or ""),
                },
            )
    finally:
        db.close()
    result_preview = BackupPreview(
        path,
        opened.header.created_at,
        opened.header.reason,
        str(opened.meta.get("made_on", "")),
        info,
    )
    return RestoreResult(result_preview, safety, aside, images.integrity(db_path))


def verify(db_path: Path) -> IntegrityReport:
    """integrity_check and foreign_key_check of the database file, in full."""
    return images.integrity(db_path)


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
    """quick_check of the database in `data_dir` at start: [] when sound (or not made yet)."""
    path = data_dir / DB_FILE_NAME
    if not path.exists():
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
        db = open_database(db_path)
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
