"""A new version of the program, carried on the USB stick with the office's signature.

The office signs the installer it hands out (`sign_installer`): a `.dvsig` file beside it,
made with the same Ed25519 key its bundles are signed with. A chi bộ trusts that signature for
the reason it trusts the office's bundles: it pinned the office's key and confirmed it against
the printed fingerprint. `check_installer` refuses anything less: no signature file, a key not
pinned, not confirmed or revoked, a changed installer, or a version that is not newer than the
one running (an older program cannot open a database a newer one has migrated).

A stick can be swapped or written to between the check and the run, so the installer is first
copied into a private temporary folder, the copy is what is verified, and the copy is what the
caller runs; the stick's file is never run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import dvdesk
from dvdesk.db import queries, sync_queries
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import OwnKey, Unit
from dvdesk.domain.accounts import Permission
from dvdesk.domain.text import clean
from dvdesk.files import write_atomic
from dvdesk.services import accounts, audit, exchange
from dvdesk.services.errors import UserError
from dvdesk.services.roles import require_office
from dvdesk.sync import keys
from dvdesk.sync import update_signature as sig
from dvdesk.sync.update_signature import UpdateSignatureError

COPY_PREFIX = "dvdesk-update-"
# A verified copy is run by the installer, which cannot be removed while it runs; the next
# check clears the copies older than this.
STALE_COPY_SECONDS = 24 * 3600
_CHUNK = 1024 * 1024

Progress = Callable[[int, int], None]  # bytes copied, bytes in all


@dataclass(frozen=True)
class VerifiedUpdate:
    """An installer whose signature checked out, and the private copy of it to run."""

    version: str
    running_version: str
    file_name: str  # as signed
    size: int
    sha256: str
    signer_code: str  # the unit as pinned here, not as the file says
    signer_name: str
    fingerprint: str
    sign_key_id: str
    signed_at: datetime  # UTC, without a zone, as the other services give times
    copy: Path  # run this, never the file on the stick


@dataclass(frozen=True)
class _Key:
    public: bytes
    key_id: str
    unit_code: str
    unit_name: str
    fingerprint: str
    confirmed: bool
    revoked: bool


# --- the office signs ----------------------------------------------------------------------


def _version_of(text: str) -> str:
    version = clean(text)
    try:
        sig.parse_version(version)
    except ValueError:
        raise UserError(
            f"Số phiên bản «{version}» không hợp lệ: viết bằng số, cách nhau bởi dấu chấm, "
            "ví dụ 0.2.0.",
            f"The version {version!r} is not valid: numbers separated by dots, e.g. 0.2.0.",
            "version",
        ) from None
    return version


def _installer_file(installer: Path) -> int:
    """The installer's size; UserError (field "installer") when it cannot be one."""
    if not installer.is_file():
        raise UserError(
            f"Không tìm thấy tệp cài đặt «{installer}».",
            f"The installer «{installer}» was not found.",
            "installer",
        )
    size = installer.stat().st_size
    if not 0 < size <= sig.MAX_INSTALLER_BYTES:
        raise UserError(
            f"Tệp «{installer.name}» không phải tệp cài đặt: có {size} byte.",
            f"«{installer.name}» is not an installer: it has {size} bytes.",
            "installer",
        )
    return size


def sign_installer(
    db: Database, installer: Path, version: str, passphrase: str, actor: str = ""
) -> Path:
    """Write `installer`'s signature file beside it, signed with the office's key; its path.

    Only the office signs, and only an administrator: every chi bộ below runs what it signs."""
    accounts.require(db, Permission.MANAGE)
    version = _version_of(version)
    size = _installer_file(installer)
    out = sig.signature_path(installer)
    with db.unit_of_work() as session:
        unit_id = require_office(
            session,
            "Chỉ cơ quan cấp trên ký bản cập nhật chương trình; chi bộ chỉ kiểm tra chữ ký.",
            "Only the office above signs program updates; a chi bộ only checks the signature.",
        )
        unit = session.get(Unit, unit_id)
        row = exchange._active_key(session, unit_id)
        if unit is None or row is None:
            raise UserError(
                "Đơn vị chưa có khóa: hãy tạo khóa trước (Trao đổi → Khóa, hoặc dvdesk keys init).",
                "This unit has no keys yet: make them first (Exchange → Keys, or dvdesk keys "
                "init).",
                "keys",
            )
        try:
            pair = keys.unlock(row.protected, passphrase)
        except keys.KeyFileError as exc:
            raise exchange._error(exc, "passphrase") from None
        try:
            data = sig.sign(pair.sign, installer, version, unit.code, unit.name)
        except ValueError:  # a name Windows would not keep as it is (a trailing dot or space)
            raise UserError(
                f"Tên tệp «{installer.name}» không dùng được: hãy đổi tên rồi ký lại.",
                f"The file name «{installer.name}» cannot be used: rename the file, then sign.",
                "installer",
            ) from None
        claim = sig.read(data)
        if claim.size != size:
            raise UserError(
                f"Tệp «{installer.name}» thay đổi trong khi ký: hãy chờ chép xong rồi ký lại.",
                f"«{installer.name}» changed while it was signed: wait until it is copied in "
                "full, then sign again.",
                "installer",
            )
        write_atomic(out, data)
        audit.log(
            session,
            actor or audit.current_user(),
            "sign_update",
            "update",
            version,
            after={
                "file": installer.name,
                "size": claim.size,
                "sha256": claim.sha256,
                "sign_key_id": claim.sign_key_id,
            },
        )
    return out


# --- a unit checks -------------------------------------------------------------------------


def _trusted_keys(session: Session) -> tuple[str, list[_Key]]:
    """Whose signature this installation takes (the office: the unit above a chi bộ, or the
    office itself) and every key of it known here, revoked and unconfirmed ones too, so that
    a refusal can say which it is."""
    install = queries.install(session)
    own = session.get(Unit, install.unit_id) if install is not None else None
    if install is None or own is None:
        raise UserError(
            "Cơ sở dữ liệu chưa được khởi tạo cho đơn vị nào.",
            "This database is not set up for a unit yet.",
        )
    if install.role == "office":
        rows = session.query(OwnKey).filter(OwnKey.unit_id == own.id).all()
        if not rows:
            raise UserError(
                "Đơn vị chưa có khóa: hãy tạo khóa trước (Trao đổi → Khóa).",
                "This unit has no keys yet: make them first (Exchange → Keys).",
                "keys",
            )
        return own.name, [
            _Key(
                bytes.fromhex(r.sign_public),
                r.sign_key_id,
                own.code,
                own.name,
                keys.fingerprint(bytes.fromhex(r.sign_public), bytes.fromhex(r.box_public)),
                confirmed=True,
                revoked=r.retired_at is not None,
            )
            for r in rows
        ]
    office = session.get(Unit, own.parent_id) if own.parent_id else None
    pinned = [
        p
        for p in sync_queries.all_peer_keys(session)
        if office is not None and p.unit_id == office.id and p.role == "office"
    ]
    if office is None or not pinned:
        raise UserError(
            "Máy này chưa có khóa của cơ quan cấp trên, nên chưa kiểm tra được chữ ký: hãy nhận "
            "và xác nhận khóa trước (Trao đổi → Khóa).",
            "This computer has no key of the office above yet, so the signature cannot be "
            "checked: import and confirm its key first (Exchange → Keys).",
            "keys",
        )
    known = [
        _Key(
            bytes.fromhex(p.sign_public),
            p.sign_key_id,
            office.code,
            office.name,
            p.fingerprint,
            confirmed=p.confirmed_at is not None,
            revoked=p.revoked_at is not None,
        )
        for p in pinned
    ]
    return office.name, known


def _refused(exc: UpdateSignatureError, installer: Path, signature: Path) -> UserError:
    name = installer.name if exc.subject == "installer" else signature.name
    return UserError(f"«{name}»: {exc.vi}", f"«{name}»: {exc.en}", exc.subject)


def _read_signature(path: Path, installer: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(sig.MAX_SIGNATURE_BYTES + 1)  # read() refuses what is longer
    except FileNotFoundError:
        raise UserError(
            f"Không có tệp chữ ký «{path.name}» bên cạnh tệp cài đặt «{installer.name}». Chỉ "
            "chạy bản cập nhật có chữ ký của cơ quan cấp trên: hãy chép cả hai tệp.",
            f"There is no signature file «{path.name}» beside the installer "
            f"«{installer.name}». Only an update signed by the office is run: copy both files.",
            "signature",
        ) from None
    except OSError as exc:
        detail = exc.strerror or str(exc)
        raise UserError(
            f"Không đọc được tệp chữ ký «{path.name}»: {detail}.",
            f"The signature file «{path.name}» cannot be read: {detail}.",
            "signature",
        ) from None


def _check_key(claim: sig.UpdateSignature, name: str, known: list[_Key], path: Path) -> _Key:
    key = next((k for k in known if k.key_id == claim.sign_key_id), None)
    if key is None:
        raise UserError(
            f"«{path.name}»: được ký bằng khóa {claim.sign_key_id} (tệp ghi là của "
            f"«{claim.unit_name}»), không phải khóa của {name} ở máy này. Không chạy tệp "
            "cài đặt này.",
            f"«{path.name}»: signed with key {claim.sign_key_id} (the file says of "
            f"'{claim.unit_name}'), which is not the key of {name} here. Do not run the "
            "installer.",
            "signature",
        )
    if key.revoked:
        raise UserError(
            f"«{path.name}»: được ký bằng khóa cũ của {name}, đã được thay bằng khóa mới. "
            "Hãy xin tệp chữ ký mới, ký bằng khóa hiện tại.",
            f"«{path.name}»: signed with an old key of {name}, since replaced by a new one. "
            "Ask for a new signature file, made with the current key.",
            "signature",
        )
    if not key.confirmed:
        raise UserError(
            f"Khóa của {name} ở máy này chưa được xác nhận bằng dấu vân tay in trên giấy, nên "
            "chưa tin được chữ ký. Hãy xác nhận khóa trước (Trao đổi → Khóa).",
            f"The key of {name} here is not yet confirmed against the printed fingerprint, so "
            "its signature cannot be trusted. Confirm the key first (Exchange → Keys).",
            "keys",
        )
    return key


def _check_version(version: str, running: str) -> None:
    order = sig.compare_versions(version, running)
    if order == 0:
        raise UserError(
            f"Bản cập nhật là phiên bản {version}, đúng phiên bản đang chạy: không có gì để cập "
            "nhật.",
            f"The update is version {version}, the version already running: there is nothing "
            "to update.",
            "version",
        )
    if order < 0:
        raise UserError(
            f"Bản cập nhật là phiên bản {version}, cũ hơn phiên bản đang chạy ({running}): không "
            "cài bản cũ đè bản mới, vì bản cũ không mở được dữ liệu của bản mới.",
            f"The update is version {version}, older than the version running ({running}): an "
            "older program is not installed over a newer one, as it cannot open the newer "
            "one's data.",
            "version",
        )


def _sweep_old_copies(folder: Path) -> None:
    now = time.time()
    for entry in folder.glob(COPY_PREFIX + "*"):
        try:
            if entry.is_dir() and now - entry.stat().st_mtime > STALE_COPY_SECONDS:
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            continue


def _private_copy(
    installer: Path, claim: sig.UpdateSignature, workdir: Path | None, progress: Progress | None
) -> Path:
    """The installer copied into a new folder only this user can write to (mkdtemp), under the
    signed name; at most one byte past the signed size is copied."""
    folder = Path(tempfile.mkdtemp(prefix=COPY_PREFIX, dir=workdir))
    target = folder / claim.file_name
    try:
        with installer.open("rb") as source, target.open("xb") as copy:
            done = 0
            while done <= claim.size:
                chunk = source.read(min(_CHUNK, claim.size + 1 - done))
                if not chunk:
                    break
                copy.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(min(done, claim.size), claim.size)
            copy.flush()
            os.fsync(copy.fileno())
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        detail = exc.strerror or str(exc)
        raise UserError(
            f"Không chép được «{installer.name}» vào thư mục tạm để kiểm tra: {detail}.",
            f"«{installer.name}» could not be copied to a temporary folder to be checked: "
            f"{detail}.",
            "installer",
        ) from exc
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return target


def check_installer(
    db: Database,
    installer: Path,
    signature: Path | None = None,
    *,
    running_version: str | None = None,
    workdir: Path | None = None,
    progress: Progress | None = None,
    actor: str = "",
) -> VerifiedUpdate:
    """Verify `installer` against its signature file (by default beside it) and the office's
    confirmed key; the copy it returns is the one to run. `workdir` holds the private copies
    (the system's temporary folder by default)."""
    accounts.require(db, Permission.MANAGE)
    running = running_version or dvdesk.__version__
    if signature is None and installer.name.lower().endswith(sig.SUFFIX):
        # The signature file chosen in place of the installer: its name says which one.
        signature, installer = installer, installer.with_name(installer.name[: -len(sig.SUFFIX)])
    sig_path = signature or sig.signature_path(installer)
    _installer_file(installer)
    data = _read_signature(sig_path, installer)
    with db.reader() as session:
        office, known = _trusted_keys(session)
    try:
        claim = sig.read(data)
        key = _check_key(claim, office, known, sig_path)
        claim = sig.verify_signer(data, [key.public])
        _check_version(claim.program_version, running)
        _sweep_old_copies(workdir or Path(tempfile.gettempdir()))
        copy = _private_copy(installer, claim, workdir, progress)
        try:
            sig.verify(data, copy, [key.public])
        except BaseException:
            shutil.rmtree(copy.parent, ignore_errors=True)
            raise
    except UpdateSignatureError as exc:
        raise _refused(exc, installer, sig_path) from None
    with db.unit_of_work() as session:
        audit.log(
            session,
            actor or audit.current_user(),
            "verify_update",
            "update",
            claim.program_version,
            after={"file": installer.name, "sha256": claim.sha256, "sign_key_id": key.key_id},
        )
    return VerifiedUpdate(
        version=claim.program_version,
        running_version=running,
        file_name=claim.file_name,
        size=claim.size,
        sha256=claim.sha256,
        signer_code=key.unit_code,
        signer_name=key.unit_name,
        fingerprint=key.fingerprint,
        sign_key_id=key.key_id,
        signed_at=claim.signed_at.astimezone(UTC).replace(tzinfo=None),
        copy=copy,
    )
