"""Files between a chi bộ and its office: keys, bundles out, bundles in.

Keys: each unit makes an Ed25519 signing pair and an X25519 encryption pair, the private halves
kept only under a passphrase. Its public-key file (signed) is carried to the other side, which
pins it and confirms the fingerprint against the printed page.

Out: a bundle for a peer holds every shared record whose content differs from what the peer is
known to hold (cumulative since its last acknowledgement, so a lost file is repaired by the
next one), signed by us and encrypted to the peer. It acknowledges what we have received.

In: everything is checked before anything is written (format, recipient, decryption, the
pinned signer, hashes, schema, JSON, references, unique codes); then one transaction applies
the records by the merge rule, keeps conflicts for a person, settles what the peer
acknowledged, and enters the bundle in the ledger. The same bundle twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from dvdesk.db import purge_queries, queries, sync_queries
from dvdesk.db.engine import Database, Session, schema_head
from dvdesk.db.models import BundleLedger, Conflict, OwnKey, PeerKey, Person, Unit
from dvdesk.db.tracking import APPLYING_EXCHANGE, content_hash
from dvdesk.domain.text import clean
from dvdesk.files import atomic_path, write_atomic
from dvdesk.services import audit, backups
from dvdesk.services.calendar import recompute_all
from dvdesk.services.derive import load_calendar, refresh, refresh_many
from dvdesk.services.errors import NotFoundError, UserError
from dvdesk.sync import bundle, keys
from dvdesk.sync.merge import Decision, decide

RECORDS_FILE = "records.jsonl"
AUDIT_FILE = "audit.jsonl"  # a chi bộ's audit entries, up to its office
MAX_FILE_BYTES = bundle.MAX_BUNDLE_BYTES


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _app_version() -> str:
    try:
        return metadata.version("dvdesk")
    except metadata.PackageNotFoundError:
        return "0"


def _error(exc: keys.KeyFileError | bundle.BundleError, field_name: str = "") -> UserError:
    return UserError(exc.vi, exc.en, field_name or exc.code)


# --- keys ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyInfo:
    unit_id: str
    unit_code: str
    unit_name: str
    role: str
    fingerprint: str
    sign_key_id: str
    created_at: datetime


@dataclass(frozen=True)
class PeerInfo:
    unit_id: str
    unit_code: str
    unit_name: str
    role: str
    fingerprint: str
    confirmed: bool
    revoked: bool
    out_seq: int
    acked_seq: int
    in_seq: int
    last_in_at: datetime | None
    last_out_at: datetime | None


def _install_unit(session: Session) -> tuple[Unit, str]:
    install = queries.install(session)
    if install is None:
        raise UserError(
            "Cơ sở dữ liệu chưa được khởi tạo cho đơn vị nào.",
            "This database is not set up for a unit yet.",
        )
    unit = session.get(Unit, install.unit_id)
    assert unit is not None
    return unit, install.role


def _active_key(session: Session, unit_id: str) -> OwnKey | None:
    rows = [
        k for k in session.query(OwnKey).filter(OwnKey.unit_id == unit_id) if k.retired_at is None
    ]
    return rows[-1] if rows else None


def _key_info(unit: Unit, role: str, row: OwnKey) -> KeyInfo:
    return KeyInfo(
        unit.id,
        unit.code,
        unit.name,
        role,
        keys.fingerprint(bytes.fromhex(row.sign_public), bytes.fromhex(row.box_public)),
        row.sign_key_id,
        row.created_at,
    )


def own_key(db: Database) -> KeyInfo | None:
    with db.reader() as session:
        unit, role = _install_unit(session)
        row = _active_key(session, unit.id)
        return _key_info(unit, role, row) if row else None


def init_keys(
    db: Database,
    passphrase: str,
    *,
    rotate: bool = False,
    old_passphrase: str = "",
    actor: str = "",
) -> KeyInfo:
    """Make this unit's key pairs (or new ones, signed over by the old, with `rotate`)."""
    with db.unit_of_work() as session:
        unit, role = _install_unit(session)
        current = _active_key(session, unit.id)
        previous: keys.KeyPair | None = None
        if current is not None and not rotate:
            raise UserError(
                "Đơn vị đã có khóa. Muốn thay khóa, dùng chức năng đổi khóa (cần mật khẩu cũ).",
                "This unit already has keys. To replace them, rotate (the old passphrase is "
                "needed).",
                "keys",
            )
        if current is not None:
            try:
                previous = keys.unlock(current.protected, old_passphrase)
            except keys.KeyFileError as exc:
                raise _error(exc, "old_passphrase") from None
        pair = keys.generate()
        try:
            protected = keys.protect(pair, passphrase)
        except keys.KeyFileError as exc:
            raise _error(exc, "passphrase") from None
        public_file = keys.export_public(
            pair, unit.id, unit.code, unit.name, role, previous=previous
        )
        if current is not None:
            current.retired_at = _now()
        row = OwnKey(
            unit_id=unit.id,
            sign_public=pair.sign_public.hex(),
            box_public=pair.box_public.hex(),
            sign_key_id=keys.key_id(pair.sign_public),
            box_key_id=keys.key_id(pair.box_public),
            protected=protected,
            public_file=public_file,
            created_at=_now(),
        )
        session.add(row)
        session.flush()
        audit.log(
            session,
            actor or audit.current_user(),
            "rotate_keys" if rotate else "init_keys",
            "unit",
            unit.id,
            after={"sign_key_id": row.sign_key_id, "box_key_id": row.box_key_id},
        )
        return _key_info(unit, role, row)


def export_public_key(db: Database) -> bytes:
    with db.reader() as session:
        unit, _role = _install_unit(session)
        row = _active_key(session, unit.id)
        if row is None:
            raise UserError(
                "Đơn vị chưa có khóa: hãy tạo khóa trước (dvdesk keys init).",
                "This unit has no keys yet: make them first (dvdesk keys init).",
                "keys",
            )
        return bytes(row.public_file)


def import_peer_key(db: Database, data: bytes, actor: str = "") -> PeerInfo:
    """Pin another unit's public key (the office's for a chi bộ, a chi bộ's for the office).

    A new key for a unit already pinned is taken only as a rotation signed by its current key.
    The unit row is made from the file when this database does not know the unit yet."""
    try:
        public = keys.read_public(data)
    except keys.KeyFileError as exc:
        raise _error(exc, "file") from None
    with db.unit_of_work() as session:
        own, role = _install_unit(session)
        if public.unit_id == own.id:
            raise UserError(
                "Đây là khóa của chính đơn vị này, không phải của đơn vị kia.",
                "This is this unit's own key, not the other unit's.",
                "file",
            )
        if public.role == role:
            raise UserError(
                f"Tệp khóa là của một {'chi bộ' if role == 'cell' else 'cơ quan cấp trên'} "
                "như đơn vị này: chi bộ trao khóa với cơ quan cấp trên, không với nhau.",
                f"The key file is from another {role}: a chi bộ exchanges keys with its office, "
                "not with its peers.",
                "file",
            )
        unit = session.get(Unit, public.unit_id)
        if unit is None:
            taken = queries.unit_by_code(session, public.unit_code)
            if taken is not None:
                raise UserError(
                    f"Mã đơn vị «{public.unit_code}» đã dùng cho {taken.name} ở đây, với định "
                    "danh khác. Kiểm tra lại tệp khóa.",
                    f"Unit code {public.unit_code!r} already belongs to {taken.name} here, with "
                    "another identity. Check the key file.",
                    "file",
                )
            unit = Unit(
                id=public.unit_id,
                owner_unit_id=public.unit_id,
                code=public.unit_code,
                name=public.unit_name,
                kind="office" if public.role == "office" else "chi_bo",
                parent_id=own.id if role == "office" else None,
            )
            session.add(unit)
            session.flush()
        if role == "cell" and public.role == "office":
            own.parent_id = unit.id  # the office becomes this chi bộ's committee above
        pinned = sync_queries.peer_keys(session, unit.id)
        if any(p.sign_key_id == public.sign_key_id for p in pinned):
            return _peer_info(session, unit.id)
        if pinned:
            old = pinned[0]
            if not keys.verify_rotation(public, bytes.fromhex(old.sign_public)):
                raise UserError(
                    f"{unit.name} đã có khóa khác ở đây. Chỉ nhận khóa mới khi tệp được ký bằng "
                    "khóa cũ (tệp đổi khóa), hoặc sau khi thu hồi khóa cũ.",
                    f"{unit.name} already has another key here. A new key is taken only from a "
                    "rotation file signed by the old key, or after revoking the old one.",
                    "file",
                )
            for p in pinned:
                p.revoked_at = _now()
        row = PeerKey(
            unit_id=unit.id,
            role=public.role,
            sign_public=public.sign_public.hex(),
            box_public=public.box_public.hex(),
            sign_key_id=public.sign_key_id,
            fingerprint=public.fingerprint,
            imported_at=_now(),
        )
        session.add(row)
        session.flush()
        audit.log(
            session,
            actor or audit.current_user(),
            "pin_key",
            "unit",
            unit.id,
            after={"sign_key_id": row.sign_key_id, "fingerprint": row.fingerprint},
        )
        return _peer_info(session, unit.id)


def confirm_peer_key(
    db: Database, unit_ref: str, fingerprint_typed: str, actor: str = ""
) -> PeerInfo:
    """Mark a pinned key as checked against the fingerprint printed on paper."""
    wanted = "".join(fingerprint_typed.split()).upper()
    with db.unit_of_work() as session:
        unit = _unit_ref(session, unit_ref)
        pinned = sync_queries.peer_keys(session, unit.id)
        if not pinned:
            raise NotFoundError(
                f"Chưa có khóa của {unit.name}.", f"No key of {unit.name} yet.", "unit"
            )
        if "".join(pinned[0].fingerprint.split()).upper() != wanted:
            raise UserError(
                f"Dấu vân tay không khớp với khóa của {unit.name}. Không xác nhận: hãy hỏi lại "
                "đơn vị, có thể tệp khóa đã bị tráo.",
                f"The fingerprint does not match {unit.name}'s key. Not confirmed: ask the unit; "
                "the key file may have been swapped.",
                "fingerprint",
            )
        pinned[0].confirmed_at = _now()
        audit.log(session, actor or audit.current_user(), "confirm_key", "unit", unit.id)
        return _peer_info(session, unit.id)


def _unit_ref(session: Session, ref: str) -> Unit:
    ref = clean(ref)
    unit = session.get(Unit, ref) or queries.unit_by_code(session, ref)
    if unit is None:
        raise NotFoundError(
            f"Không có đơn vị có mã hoặc định danh «{ref}».",
            f"No unit with code or id {ref!r}.",
            "unit",
        )
    return unit


def _peer_info(session: Session, unit_id: str) -> PeerInfo:
    unit = session.get(Unit, unit_id)
    assert unit is not None
    rows = [r for r in sync_queries.all_peer_keys(session) if r.unit_id == unit_id]
    current = next((r for r in reversed(rows) if r.revoked_at is None), rows[-1] if rows else None)
    state = sync_queries.peer_state(session, unit_id)
    return PeerInfo(
        unit_id=unit.id,
        unit_code=unit.code,
        unit_name=unit.name,
        role=current.role if current else "",
        fingerprint=current.fingerprint if current else "",
        confirmed=bool(current and current.confirmed_at),
        revoked=bool(current and current.revoked_at),
        out_seq=state.out_seq,
        acked_seq=state.acked_seq,
        in_seq=state.in_seq,
        last_in_at=state.last_in_at,
        last_out_at=state.last_out_at,
    )


def peers(db: Database) -> list[PeerInfo]:
    with db.reader() as session:
        ids = sorted({r.unit_id for r in sync_queries.all_peer_keys(session)})
        return [_peer_info(session, unit_id) for unit_id in ids]


def _unlock(session: Session, unit_id: str, passphrase: str) -> dict[str, keys.KeyPair]:
    """Every key pair of this unit (retired ones too: old bundles were encrypted to them), by
    encryption key id."""
    rows = session.query(OwnKey).filter(OwnKey.unit_id == unit_id).all()
    if not rows:
        raise UserError(
            "Đơn vị chưa có khóa: hãy tạo khóa trước (dvdesk keys init).",
            "This unit has no keys yet: make them first (dvdesk keys init).",
            "keys",
        )
    pairs: dict[str, keys.KeyPair] = {}
    for row in rows:
        try:
            pairs[row.box_key_id] = keys.unlock(row.protected, passphrase)
        except keys.KeyFileError as exc:
            raise _error(exc, "passphrase") from None
    return pairs


# --- out -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path
    bundle_id: str
    kind: str
    seq: int
    ack_upto: int
    counts: dict[str, int]
    peer_name: str

    @property
    def records(self) -> int:
        return sum(self.counts.values())


def _pair(own: Unit, role: str, peer: Unit) -> sync_queries.Pair:
    return (
        sync_queries.Pair(cell_id=own.id, office_id=peer.id)
        if role == "cell"
        else sync_queries.Pair(cell_id=peer.id, office_id=own.id)
    )


def export_bundle(
    db: Database,
    to_unit: str,
    out: Path,
    passphrase: str,
    *,
    snapshot: bool = False,
    actor: str = "",
) -> ExportResult:
    """Write the bundle for `to_unit` (code or id) to `out`; numbered, entered in the ledger."""
    out.parent.mkdir(parents=True, exist_ok=True)
    # The file gets its name only once the ledger entry is committed: a file at its final name
    # is always one the ledger knows. A crash in between leaves an entry without its file,
    # which is harmless (the next bundle carries everything not yet acknowledged).
    with atomic_path(out) as tmp, db.unit_of_work() as session:
        own, role = _install_unit(session)
        peer = _unit_ref(session, to_unit)
        pinned = sync_queries.peer_keys(session, peer.id)
        if not pinned:
            raise UserError(
                f"Chưa có khóa của {peer.name}: nhập tệp khóa của đơn vị đó trước.",
                f"No key of {peer.name} yet: import that unit's key file first.",
                "unit",
            )
        current = _active_key(session, own.id)
        pairs = _unlock(session, own.id, passphrase)
        assert current is not None
        signer = pairs[current.box_key_id].sign
        records = sync_queries.changed_records(
            session, _pair(own, role, peer), peer.id, everything=snapshot
        )
        state = sync_queries.peer_state(session, peer.id)
        seq = state.out_seq + 1
        counts = dict(Counter(str(r["entity"]) for r in records))
        files = {RECORDS_FILE: bundle.dump_records(records)}
        record_counts = {RECORDS_FILE: counts}
        audit_upto = state.audit_acked
        if role == "cell":
            # Who did what here goes up too, every entry the office has not acknowledged.
            entries = sync_queries.audit_since(session, 0 if snapshot else state.audit_acked)
            if entries:
                files[AUDIT_FILE] = bundle.dump_records(entries)
                record_counts[AUDIT_FILE] = {"audit": len(entries)}
                audit_upto = int(entries[-1]["id"])
        # Audit entries alone (the log of the last exchange, at least) still make a receipt.
        kind = "snapshot" if snapshot else ("delta" if records else "receipt")
        opened_id = str(uuid.uuid4())
        data = bundle.write_bundle(
            bundle_id=opened_id,
            kind=kind,
            schema_version=schema_head(),
            app_version=_app_version(),
            source_unit=own.id,
            dest_unit=peer.id,
            seq=seq,
            ack_upto=state.in_seq,
            files=files,
            record_counts=record_counts,
            counts=counts,
            signer=signer,
            recipient=X25519PublicKey.from_public_bytes(bytes.fromhex(pinned[0].box_public)),
        )
        tmp.write_bytes(data)
        session.add(
            BundleLedger(
                bundle_id=opened_id,
                direction="out",
                peer_unit_id=peer.id,
                kind=kind,
                seq=seq,
                ack_upto=state.in_seq,
                sha256=hashlib.sha256(data).hexdigest(),
                at=_now(),
                archive=str(out),
                summary=json.dumps(counts, ensure_ascii=False, sort_keys=True),
                audit_upto=audit_upto,
            )
        )
        session.flush()
        sync_queries.add_outbox(session, opened_id, records)
        state.out_seq = seq
        state.last_out_at = _now()
        audit.log(
            session,
            actor or audit.current_user(),
            "export_bundle",
            "unit",
            peer.id,
            after={"bundle_id": opened_id, "seq": seq, "kind": kind, "counts": counts},
        )
        result = ExportResult(out, opened_id, kind, seq, state.in_seq, counts, peer.name)
    return result


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)


# --- in ------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    """What one file did (or would do, on a dry run)."""

    path: Path
    status: str  # "imported", "already", "refused", "dry_run"
    bundle_id: str = ""
    source_name: str = ""
    kind: str = ""
    seq: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_ours: int = 0
    deleted: int = 0
    conflicts: int = 0
    settled: int = 0  # our records the sender acknowledged
    audit: int = 0  # the sender's audit entries new to us
    by_entity: dict[str, dict[str, int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error_code: str = ""
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "refused"


class _DryRun(Exception):
    pass


def _refused(
    path: Path, exc: UserError | bundle.BundleError | keys.KeyFileError, lang: str
) -> ImportResult:
    if isinstance(exc, UserError):
        message, code = exc.message(lang), exc.field
    else:
        message, code = (exc.vi if lang == "vi" else exc.en), exc.code
    return ImportResult(path=path, status="refused", error_code=code, message=message)


def import_bundles(
    db: Database,
    paths: Sequence[Path],
    passphrase: str,
    *,
    dry_run: bool = False,
    lang: str = "vi",
    actor: str = "",
    progress: Callable[[int, int, Path], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> list[ImportResult]:
    """Take in bundle files one by one (a folder's worth in one go); one refused file does not
    stop the others. Each is checked in full before anything of it is written. `is_cancelled`
    is asked between files: the files already taken in stay, the rest are left for later."""
    results: list[ImportResult] = []
    files = _expand(paths)
    with db.reader() as session:
        own, _role = _install_unit(session)
        pairs = _unlock(session, own.id, passphrase)
    if files and not dry_run:
        backups.make_backup(db, "before-import")  # refused: nothing is imported either
    for index, path in enumerate(files):
        if is_cancelled is not None and is_cancelled():
            break
        if progress is not None:
            progress(index, len(files), path)
        try:
            results.append(_import_one(db, path, pairs, own.id, dry_run, lang, actor))
        except (UserError, bundle.BundleError, keys.KeyFileError) as exc:
            results.append(_refused(path, exc, lang))
    if progress is not None and files:
        progress(len(files), len(files), files[-1])
    return results


def _expand(paths: Sequence[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.iterdir() if p.suffix.lower() == ".dvb" and p.is_file())
        else:
            out.append(path)
    return out


def _read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(
            f"Không đọc được tệp {path.name}: {exc.strerror or exc}.",
            f"Cannot read {path.name}: {exc.strerror or exc}.",
            "file",
        ) from None
    if size > MAX_FILE_BYTES:
        raise UserError(
            f"Tệp {path.name} quá lớn ({size // 2**20} MiB) để là một gói dữ liệu.",
            f"{path.name} is too large ({size // 2**20} MiB) to be a bundle.",
            "file",
        )
    return path.read_bytes()


def _import_one(
    db: Database,
    path: Path,
    pairs: Mapping[str, keys.KeyPair],
    own_id: str,
    dry_run: bool,
    lang: str,
    actor: str,
) -> ImportResult:
    data = _read_file(path)
    header = bundle.peek(data)
    pair = pairs.get(header.recipient_key_id)
    if pair is None:
        raise UserError(
            f"Gói {path.name} không gửi cho đơn vị này (mã khóa nhận {header.recipient_key_id}).",
            f"{path.name} is not addressed to this unit (recipient key {header.recipient_key_id}).",
            "wrong_recipient",
        )
    with db.reader() as session:

        def signer_keys(unit_id: str) -> list[Ed25519PublicKey]:
            return [
                Ed25519PublicKey.from_public_bytes(bytes.fromhex(k.sign_public))
                for k in sync_queries.peer_keys(session, unit_id)
            ]

        opened = bundle.read_bundle(
            data,
            recipient=pair.box,
            own_unit_id=own_id,
            signer_keys=signer_keys,
            max_schema=schema_head(),
        )
    manifest = opened.manifest
    records = bundle.parse_records(opened.files.get(RECORDS_FILE, b""))
    audit_entries = bundle.parse_audit(opened.files.get(AUDIT_FILE, b""))
    result = ImportResult(
        path=path,
        status="dry_run" if dry_run else "imported",
        bundle_id=manifest.bundle_id,
        kind=manifest.kind,
        seq=manifest.seq,
    )
    try:
        with db.unit_of_work() as session:
            source = session.get(Unit, manifest.source_unit)
            result.source_name = source.name if source else manifest.source_unit
            seen = sync_queries.ledger_entry(session, manifest.bundle_id)
            if seen is not None:
                result.status = "already"
                result.message = (
                    f"Gói này đã được nhập ngày {seen.at:%d/%m/%Y %H:%M}; không có gì thay đổi."
                    if lang == "vi"
                    else f"This bundle was already imported on {seen.at:%d/%m/%Y %H:%M}; "
                    "nothing changed."
                )
                return result
            _check_records(session, records, manifest.source_unit, own_id)
            # First what the sender had received from us when it made this bundle: its records
            # are to be compared with that, not with an older base.
            result.settled = sync_queries.acknowledge(
                session, manifest.source_unit, manifest.ack_upto
            )
            _apply(session, records, manifest, result, lang)
            result.audit = sync_queries.store_peer_audit(
                session, manifest.source_unit, audit_entries, manifest.bundle_id
            )
            for record in records:
                if record["entity"] == "people" and record["data"].get("purged_on"):
                    # The unit purged this person: its audit entries here must not keep the data.
                    purge_queries.scrub_peer_mentions(
                        session, manifest.source_unit, str(record["id"])
                    )
            state = sync_queries.peer_state(session, manifest.source_unit)
            if manifest.seq > state.in_seq + 1:
                missing = ", ".join(str(n) for n in range(state.in_seq + 1, manifest.seq))
                result.warnings.append(
                    f"Thiếu gói số {missing} của đơn vị gửi; gói này đã bao gồm các thay đổi đó."
                    if lang == "vi"
                    else f"Bundle(s) {missing} of the sender are missing; this one includes "
                    "their changes."
                )
            elif manifest.seq <= state.in_seq:
                result.warnings.append(
                    f"Gói số {manifest.seq} đến sau gói số {state.in_seq}: chỉ nhận những gì "
                    "mới hơn."
                    if lang == "vi"
                    else f"Bundle {manifest.seq} arrived after bundle {state.in_seq}: only what "
                    "is newer was taken."
                )
            state.in_seq = max(state.in_seq, manifest.seq)
            state.last_in_at = _now()
            archive = _archive(
                db,
                path,
                data,
                source.code if source else manifest.source_unit,
                manifest.seq,
                manifest.bundle_id,
                dry_run,
            )
            session.add(
                BundleLedger(
                    bundle_id=manifest.bundle_id,
                    direction="in",
                    peer_unit_id=manifest.source_unit,
                    kind=manifest.kind,
                    seq=manifest.seq,
                    ack_upto=manifest.ack_upto,
                    sha256=hashlib.sha256(data).hexdigest(),
                    at=_now(),
                    archive=str(archive or ""),
                    summary=json.dumps(_summary_json(result), ensure_ascii=False, sort_keys=True),
                )
            )
            audit.log(
                session,
                actor or audit.current_user(),
                "import_bundle",
                "unit",
                manifest.source_unit,
                after=_summary_json(result),
            )
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return result


def _summary_json(result: ImportResult) -> dict[str, Any]:
    return {
        "bundle_id": result.bundle_id,
        "seq": result.seq,
        "new": result.new,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "kept_ours": result.kept_ours,
        "deleted": result.deleted,
        "conflicts": result.conflicts,
        "audit": result.audit,
        "warnings": list(result.warnings),
    }


def _archive(
    db: Database, path: Path, data: bytes, unit_code: str, seq: int, bundle_id: str, dry_run: bool
) -> Path | None:
    """Keep the received file (still encrypted), so the database can be rebuilt from them."""
    if dry_run:
        return None
    folder = db.path.parent / "received" / _safe(unit_code)
    target = folder / f"{seq:06d}-{bundle_id}.dvb"
    if not target.exists():
        _write_atomic(target, data)
    return target


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text) or "unit"


def _parent_id(session: Session, unit_id: str) -> str | None:
    unit = session.get(Unit, unit_id)
    return unit.parent_id if unit is not None else None


def _check_records(
    session: Session, records: Sequence[Mapping[str, Any]], source_id: str, own_id: str
) -> None:
    """Refuse, before any write, records dvdesk does not know, that point at nothing, that
    belong to another unit, or whose code or CCCD is already someone else's here."""
    incoming: dict[str, set[str]] = {}
    for record in records:
        entity = str(record["entity"])
        if entity not in sync_queries.ENTITIES and entity != sync_queries.CALENDAR:
            raise UserError(
                f"Gói có loại bản ghi không biết: «{entity}».",
                f"The bundle holds an unknown kind of record: {entity!r}.",
                "unknown_entity",
            )
        if record.get("deleted"):
            continue  # a tombstone: nothing to point at, nothing to clash with
        if entity == sync_queries.CALENDAR:
            if source_id != _parent_id(session, own_id):
                raise UserError(
                    "Chỉ cơ quan cấp trên gửi lịch ngày làm việc xuống chi bộ.",
                    "Only the office above sends the working-day calendar down.",
                    "foreign_unit",
                )
            continue
        incoming.setdefault(entity, set()).add(str(record["id"]))
        data = record["data"]
        if entity == "units" and record["id"] not in (source_id, own_id):
            raise UserError(
                "Gói có dữ liệu của một đơn vị khác ngoài đơn vị gửi.",
                "The bundle holds data of a unit other than its sender.",
                "foreign_unit",
            )
        if entity in ("people", "members") and data.get("unit_id") not in (source_id, own_id):
            who = data.get("full_name", record["id"])
            raise UserError(
                f"Gói có người thuộc đơn vị khác ({who}).",
                f"The bundle holds a person of another unit ({who}).",
                "foreign_unit",
            )
    for entity in incoming:
        for column, target in sync_queries.foreign_keys(entity):
            wanted = {
                str(r["data"][column])
                for r in records
                if r["entity"] == entity and r["data"].get(column)
            }
            missing = wanted - incoming.get(target, set())
            if missing:
                missing -= sync_queries.ids_present(session, target, missing)
            if missing:
                raise UserError(
                    f"Gói thiếu bản ghi được tham chiếu: {entity}.{column} trỏ tới {len(missing)} "
                    f"bản ghi {target} không có trong gói cũng như ở đây.",
                    f"The bundle lacks referenced records: {entity}.{column} points to "
                    f"{len(missing)} {target} record(s) neither in it nor here.",
                    "missing_reference",
                )
    clashes = sync_queries.unique_clashes(session, records)
    if clashes:
        raise UserError(
            "Mã hoặc số CCCD trong gói đã thuộc về người khác ở đây: " + "; ".join(clashes[:5]),
            "A code or CCCD in the bundle already belongs to someone else here: "
            + "; ".join(clashes[:5]),
            "duplicate_code",
        )


def _apply_deletions(
    session: Session,
    records: Sequence[Mapping[str, Any]],
    manifest: bundle.Manifest,
    result: ImportResult,
    base: Mapping[tuple[str, str], str],
    settled: list[tuple[str, str, str]],
) -> None:
    """Tombstones, children first: a record deleted there goes here too, unless it was changed
    here since the last exchange (then a conflict keeps it, for a person to decide)."""
    source = manifest.source_unit
    order = {name: i for i, name in enumerate(sync_queries.ENTITIES)}
    gone = sorted(
        (r for r in records if r.get("deleted") and r["entity"] in order),
        key=lambda r: -order[str(r["entity"])],
    )
    for record in gone:
        entity, rid = str(record["entity"]), str(record["id"])
        obj = sync_queries.existing(session, entity, [rid]).get(rid)
        settled.append((entity, rid, sync_queries.DELETED))
        if obj is None:
            continue
        unchanged_here = base.get((entity, rid)) == content_hash(obj)
        if not unchanged_here:
            # Changed here since the last exchange: keep what it was, for a person to see.
            sync_queries.add_conflict(
                session,
                source,
                entity,
                rid,
                sync_queries.as_record(entity, obj)["data"],
                {},
                manifest.bundle_id,
                _now(),
            )
            result.conflicts += 1
        # The owner's deletion stands (as the owner's version does); otherwise ours stays.
        if unchanged_here or record.get("owner") == source:
            session.delete(obj)
            result.deleted += 1
    session.flush()


def _apply(
    session: Session,
    records: Sequence[Mapping[str, Any]],
    manifest: bundle.Manifest,
    result: ImportResult,
    lang: str,
) -> None:
    source = manifest.source_unit
    base = sync_queries.bases(session, source)
    calendar = [r for r in records if r["entity"] == sync_queries.CALENDAR]
    calendar_changed = sync_queries.apply_calendar(session, calendar) if calendar else 0
    sync_queries.set_bases(
        session, source, [(sync_queries.CALENDAR, str(r["id"]), str(r["hash"])) for r in calendar]
    )
    if calendar_changed:
        result.warnings.append(
            f"Lịch ngày làm việc của cấp trên thay đổi {calendar_changed} ngày: đã tính lại "
            "các hạn."
            if lang == "vi"
            else f"The office's working-day calendar changed {calendar_changed} day(s): "
            "deadlines were counted again."
        )
    touched_people: set[str] = set()
    written: list[tuple[Any, str]] = []
    settled_bases: list[tuple[str, str, str]] = []
    session.info[APPLYING_EXCHANGE] = True
    try:
        for entity in sync_queries.ENTITIES:
            batch = [r for r in records if r["entity"] == entity and not r.get("deleted")]
            if not batch:
                continue
            local = sync_queries.existing(session, entity, [str(r["id"]) for r in batch])
            counts = result.by_entity.setdefault(entity, {})
            for record in batch:
                rid = str(record["id"])
                obj = local.get(rid)
                incoming_hash = str(record["hash"])
                decision = decide(
                    content_hash(obj) if obj is not None else None,
                    incoming_hash,
                    base.get((entity, rid)),
                    sender_owns=record.get("owner") == source,
                )
                counts[decision.value] = counts.get(decision.value, 0) + 1
                if decision.conflict and obj is not None:
                    sync_queries.add_conflict(
                        session,
                        source,
                        entity,
                        rid,
                        sync_queries.as_record(entity, obj)["data"],
                        record["data"],
                        manifest.bundle_id,
                        _now(),
                    )
                    result.conflicts += 1
                if decision.writes:
                    obj = sync_queries.write_record(session, record, obj)
                    written.append((obj, incoming_hash))
                    if decision is Decision.INSERT:
                        result.new += 1
                    elif decision is Decision.UPDATE:
                        result.updated += 1
                elif decision is Decision.UNCHANGED:
                    result.unchanged += 1
                elif decision is Decision.KEEP_OURS:
                    result.kept_ours += 1
                settled_bases.append((entity, rid, incoming_hash))
                person_id = rid if entity == "people" else record["data"].get("person_id")
                if person_id:
                    touched_people.add(str(person_id))
            session.flush()
        _apply_deletions(session, records, manifest, result, base, settled_bases)
    finally:
        session.info.pop(APPLYING_EXCHANGE, None)
    sync_queries.set_bases(session, source, settled_bases)
    # A record written here must hash as the sender said; otherwise the two programs store it
    # differently (another schema version): a warning, the data is kept.
    odd = sum(1 for obj, sent in written if obj.content_hash != sent)  # hashed at the flush
    if odd:
        result.warnings.append(
            f"{odd} bản ghi được lưu khác với bản gửi (phiên bản dữ liệu khác nhau)."
            if lang == "vi"
            else f"{odd} record(s) are stored differently from how they were sent (another "
            "schema version)."
        )
    if calendar_changed:
        recompute_all(session)  # every deadline counts working days
    elif touched_people:
        days = load_calendar(session)
        ids = sorted(touched_people)
        for start in range(0, len(ids), 500):
            refresh_many(session, queries.people_by_ids(session, ids[start : start + 500]), days)


# --- conflicts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldDiff:
    field: str
    ours: Any
    theirs: Any


@dataclass(frozen=True)
class ConflictView:
    id: int
    unit_id: str
    unit_name: str
    entity: str
    record_id: str
    label: str  # the person's or record's name, for the list
    created_at: datetime
    bundle_id: str
    current_is_ours: bool  # which version stands now
    diffs: tuple[FieldDiff, ...]


def _label(entity: str, ours: Mapping[str, Any], theirs: Mapping[str, Any], rid: str) -> str:
    for key in ("full_name", "name", "subject"):
        value = theirs.get(key) or ours.get(key)
        if value:
            return str(value)
    return f"{entity} {rid[:8]}"


def open_conflict_count(db: Database) -> int:
    """How many conflicts wait for a person (cheap: for a menu label)."""
    with db.reader() as session:
        return sync_queries.count_open_conflicts(session)


def conflicts(db: Database, unit_id: str | None = None) -> list[ConflictView]:
    """Open conflicts, oldest first, each with the fields that differ."""
    with db.reader() as session:
        out: list[ConflictView] = []
        for row in sync_queries.open_conflicts(session, unit_id):
            ours, theirs = json.loads(row.ours), json.loads(row.theirs)
            unit = session.get(Unit, row.peer_unit_id)
            model = sync_queries.ENTITIES.get(row.entity)
            current = session.get(model, row.record_id) if model is not None else None
            now = sync_queries.as_record(row.entity, current)["data"] if current else {}
            diffs = tuple(
                FieldDiff(key, ours.get(key), theirs.get(key))
                for key in sorted(set(ours) | set(theirs))
                if ours.get(key) != theirs.get(key)
            )
            out.append(
                ConflictView(
                    id=row.id,
                    unit_id=row.peer_unit_id,
                    unit_name=unit.name if unit else row.peer_unit_id,
                    entity=row.entity,
                    record_id=row.record_id,
                    label=_label(row.entity, ours, theirs, row.record_id),
                    created_at=row.created_at,
                    bundle_id=row.bundle_id,
                    current_is_ours=all(now.get(d.field) == d.ours for d in diffs),
                    diffs=diffs,
                )
            )
        return out


def resolve_conflict(db: Database, conflict_id: int, choice: str, actor: str = "") -> None:
    """A person chose: "ours" keeps this side's version, "theirs" takes the other side's. The
    chosen content is written as a change made here, so it travels in the next bundle."""
    if choice not in ("ours", "theirs"):
        raise UserError(
            "Chọn giữ bản ở đây hoặc lấy bản của đơn vị kia.",
            "Choose to keep this side's version or take the other unit's.",
            "choice",
        )
    with db.unit_of_work() as session:
        row = session.get(Conflict, conflict_id)
        if row is None or row.resolved_at is not None:
            raise NotFoundError(
                "Xung đột này không còn (đã được giải quyết).",
                "This conflict is gone (already resolved).",
                "conflict",
            )
        chosen = json.loads(row.ours if choice == "ours" else row.theirs)
        model = sync_queries.ENTITIES[row.entity]
        current = session.get(model, row.record_id)
        if not chosen:  # the other side deleted it, and that is the choice
            if current is not None:
                session.delete(current)
            row.resolved_at = _now()
            row.resolution = choice
            audit.log(
                session,
                actor or audit.current_user(),
                "resolve_conflict",
                row.entity,
                row.record_id,
                after={"choice": choice, "deleted": True},
            )
            return
        record = {"entity": row.entity, "id": row.record_id, "data": chosen}
        obj = sync_queries.write_record(session, record, current)
        obj.version = (current.version if current is not None else 0) + 1
        row.resolved_at = _now()
        row.resolution = choice
        session.flush()
        if row.entity == "people" or "person_id" in chosen:
            person = session.get(
                Person, row.record_id if row.entity == "people" else chosen["person_id"]
            )
            if person is not None:
                refresh(session, person, load_calendar(session))
        audit.log(
            session,
            actor or audit.current_user(),
            "resolve_conflict",
            row.entity,
            row.record_id,
            after={"choice": choice},
        )


# --- the office's view of its units --------------------------------------------------------


@dataclass(frozen=True)
class UnitExchange:
    unit_id: str
    unit_code: str
    unit_name: str
    has_key: bool
    confirmed: bool
    last_in_at: datetime | None
    in_seq: int
    out_seq: int
    acked_seq: int
    days_silent: int | None  # None: nothing received yet
    silent: bool  # past the allowed number of days (or never heard from)
    open_conflicts: int


def unit_overview(
    db: Database, today: datetime | None = None, silent_after_days: int = 45
) -> list[UnitExchange]:
    """Every unit below this one: its key, what was exchanged, how long it has been silent."""
    now = today or _now()
    with db.reader() as session:
        own, _role = _install_unit(session)
        keyed = {k.unit_id: k for k in sync_queries.all_peer_keys(session) if k.revoked_at is None}
        counts = Counter(c.peer_unit_id for c in sync_queries.open_conflicts(session))
        out: list[UnitExchange] = []
        units = [u for u in queries.all_units(session) if u.parent_id == own.id or u.id in keyed]
        for unit in sorted(units, key=lambda u: u.code):
            if unit.id == own.id:
                continue
            state = sync_queries.peer_state(session, unit.id)
            days = (now - state.last_in_at).days if state.last_in_at else None
            key = keyed.get(unit.id)
            out.append(
                UnitExchange(
                    unit_id=unit.id,
                    unit_code=unit.code,
                    unit_name=unit.name,
                    has_key=key is not None,
                    confirmed=bool(key and key.confirmed_at),
                    last_in_at=state.last_in_at,
                    in_seq=state.in_seq,
                    out_seq=state.out_seq,
                    acked_seq=state.acked_seq,
                    days_silent=days,
                    silent=days is None or days > silent_after_days,
                    open_conflicts=counts.get(unit.id, 0),
                )
            )
        return out


# --- the units' audit logs ------------------------------------------------------------------


@dataclass(frozen=True)
class ReceivedAudit:
    unit_code: str
    unit_name: str
    entry_id: int  # its number in the unit's own log
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    before: str
    after: str
    reason: str


def received_audit(db: Database, unit: str | None = None, limit: int = 200) -> list[ReceivedAudit]:
    """The newest audit entries the units below have sent up (one unit's, by code or id)."""
    with db.reader() as session:
        unit_id = _unit_ref(session, unit).id if unit else None
        names = {u.id: (u.code, u.name) for u in queries.all_units(session)}
        return [
            ReceivedAudit(
                *names.get(e.unit_id, (e.unit_id, "")),
                entry_id=e.entry_id,
                at=e.at,
                actor=e.actor,
                action=e.action,
                entity=e.entity,
                entity_id=e.entity_id,
                before=e.before,
                after=e.after,
                reason=e.reason,
            )
            for e in sync_queries.peer_audit(session, unit_id, limit)
        ]
