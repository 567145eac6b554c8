"""The office's signature on an update installer: a small file carried beside it on the stick.

`dvdesk-0.2.0-setup.exe.dvsig` is canonical JSON naming the installer (file name, size,
SHA-256), the program version it installs, the signing unit and its key id, and when it was
signed, with an Ed25519 signature over all of that. A detached file rather than an embedded
one: the installer is built on a CI machine that never holds the office's key, and a
signed .exe would need a code-signing certificate that the office does not have.

Reading is strict (a file from the stick is hostile until proven otherwise): the size is
capped before parsing, an unknown format or a newer format version is refused, as are missing,
extra, duplicate or ill-typed fields. The installer is hashed in chunks (50–100 MB) and never
read past the size that was signed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from dvdesk.sync.errors import SyncError, make
from dvdesk.sync.keys import canonical_json, key_id

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_INSTALLER_BYTES",
    "MAX_SIGNATURE_BYTES",
    "SUFFIX",
    "UpdateSignature",
    "UpdateSignatureError",
    "compare_versions",
    "digest",
    "parse_version",
    "read",
    "sign",
    "signature_path",
    "verify",
    "verify_signer",
]

FORMAT = "dvdesk-update-signature"
FORMAT_VERSION = 1
SUFFIX = ".dvsig"
MAX_SIGNATURE_BYTES = 16 * 1024
MAX_INSTALLER_BYTES = 2 * 1024**3
MAX_TEXT_CHARS = 500
_CHUNK = 1024 * 1024
_DOMAIN = b"dvdesk-update-signature/v1|"
_FIELDS = frozenset(
    {
        "format",
        "version",
        "file_name",
        "size",
        "sha256",
        "program_version",
        "unit_code",
        "unit_name",
        "sign_key_id",
        "signed_at",
        "signature",
    }
)
_VERSION = re.compile(r"(0|[1-9][0-9]{0,5})(\.(0|[1-9][0-9]{0,5})){0,3}")
_HEX16 = re.compile(r"[0-9a-f]{16}")
_HEX64 = re.compile(r"[0-9a-f]{64}")
# A bare file name on Windows and elsewhere: no folder, drive, or character Windows refuses.
_BAD_NAME_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')

_MESSAGES: dict[str, tuple[str, str]] = {
    "too_large": (
        "Tệp chữ ký quá lớn ({size} byte; tối đa {max} byte): đây không phải tệp chữ ký dvdesk.",
        "The signature file is too large ({size} bytes; at most {max}): it is not a dvdesk "
        "signature file.",
    ),
    "not_signature": (
        "Đây không phải tệp chữ ký bản cập nhật dvdesk ({detail_vi}).",
        "This is not a dvdesk update signature file ({detail_en}).",
    ),
    "future_format": (
        "Tệp chữ ký dùng định dạng phiên bản {version}, mới hơn chương trình này đọc được "
        "({max}). Hãy xin cơ quan cấp trên tệp chữ ký theo định dạng {max}.",
        "The signature file uses format version {version}, newer than this program reads "
        "({max}). Ask the office for a signature file in format {max}.",
    ),
    "malformed": (
        "Tệp chữ ký bị hỏng hoặc đã bị sửa: {detail_vi}.",
        "The signature file is damaged or was altered: {detail_en}.",
    ),
    "unknown_signer": (
        "Tệp được ký bằng khóa {kid} (tệp ghi là của «{unit}»), không phải khóa nào được tin "
        "cậy ở máy này. Không chạy tệp này.",
        "It was signed with key {kid} (the file says of '{unit}'), which is not a key trusted "
        "on this computer. Do not run it.",
    ),
    "bad_signature": (
        "Chữ ký không hợp lệ: tệp chữ ký đã bị sửa sau khi ký, hoặc không do khóa ấy ký. "
        "Không chạy tệp cài đặt.",
        "The signature is not valid: the signature file was altered after signing, or that "
        "key did not sign it. Do not run the installer.",
    ),
    "size_mismatch": (
        "Tệp cài đặt có {actual} byte, khác với {signed} byte đã được ký: tệp đã bị thay đổi "
        "hoặc chép chưa hết. Không chạy tệp này.",
        "The installer has {actual} bytes, not the {signed} bytes that were signed: it was "
        "changed or not copied in full. Do not run it.",
    ),
    "too_long": (
        "Tệp cài đặt dài hơn {signed} byte đã được ký: tệp đã bị thay đổi. Không chạy tệp này.",
        "The installer is longer than the {signed} bytes that were signed: it was changed. "
        "Do not run it.",
    ),
    "hash_mismatch": (
        "Nội dung tệp cài đặt khác với bản đã được ký (mã SHA-256 không khớp): tệp đã bị thay "
        "đổi sau khi ký. Không chạy tệp này.",
        "The installer's content differs from what was signed (the SHA-256 does not match): "
        "it was changed after signing. Do not run it.",
    ),
}


class UpdateSignatureError(SyncError):
    """An installer or its signature file is refused. `subject` says which file is at fault
    ("signature" or "installer"), so a caller can name it."""

    @property
    def subject(self) -> str:
        return (
            "installer"
            if self.code in ("size_mismatch", "too_long", "hash_mismatch")
            else "signature"
        )


def _error(code: str, **kw: Any) -> UpdateSignatureError:
    return make(UpdateSignatureError, _MESSAGES, code, **kw)


def _malformed(vi: str, en: str) -> UpdateSignatureError:
    return _error("malformed", detail_vi=vi, detail_en=en)


# --- versions -------------------------------------------------------------------------------


def parse_version(text: str) -> tuple[int, ...]:
    """'1.10.2' as (1, 10, 2): one to four numbers, no leading zeros; ValueError otherwise."""
    if not isinstance(text, str) or not _VERSION.fullmatch(text):
        raise ValueError(f"not a version number: {text!r}")
    return tuple(int(part) for part in text.split("."))


def compare_versions(a: str, b: str) -> int:
    """-1, 0 or 1 as `a` is older than, the same as, or newer than `b`, number by number
    (1.10 > 1.9; 1.2 == 1.2.0)."""
    left, right = parse_version(a), parse_version(b)
    width = max(len(left), len(right))
    left += (0,) * (width - len(left))
    right += (0,) * (width - len(right))
    return (left > right) - (left < right)


# --- the file -------------------------------------------------------------------------------


@dataclass(frozen=True)
class UpdateSignature:
    """A signature file as read: what it claims. Only `verify` says whether to believe it."""

    file_name: str
    size: int
    sha256: str  # lowercase hex
    program_version: str
    unit_code: str
    unit_name: str
    sign_key_id: str
    signed_at: datetime  # UTC, aware
    signature: bytes
    # The exact bytes the signature covers, made from the file's own fields: rebuilding them
    # from the parsed values would break on any harmless difference of spelling (a time zone).
    signed_bytes: bytes = field(repr=False, compare=False)


def _signed_bytes(body: dict[str, Any]) -> bytes:
    return _DOMAIN + canonical_json(body)


def signature_path(installer: Path) -> Path:
    """Where an installer's signature file lies: beside it, its name plus `.dvsig`."""
    return installer.with_name(installer.name + SUFFIX)


def _bad_file_name(name: str) -> bool:
    return (
        not name
        or len(name) > 255
        or name in (".", "..")
        or name != name.strip(" .")  # Windows drops trailing dots and spaces
        or bool(_BAD_NAME_CHARS.search(name))
    )


def digest(source: Path | BinaryIO, limit: int = MAX_INSTALLER_BYTES) -> tuple[int, str]:
    """(size, SHA-256 hex) of a file or stream, read in chunks. Reading stops one byte past
    `limit`, so a huge file costs no more than that to be found too large."""
    if isinstance(source, Path):
        with source.open("rb") as stream:
            return digest(stream, limit)
    hasher = hashlib.sha256()
    size = 0
    while size <= limit:
        chunk = source.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        hasher.update(chunk)
        size += len(chunk)
    return size, hasher.hexdigest()


def sign(
    key: Ed25519PrivateKey,
    installer: Path,
    program_version: str,
    unit_code: str,
    unit_name: str,
    *,
    signed_at: datetime | None = None,
) -> bytes:
    """The signature file's bytes for `installer` (which is hashed here, in chunks)."""
    parse_version(program_version)
    if _bad_file_name(installer.name):
        raise ValueError(f"not a plain file name: {installer.name!r}")
    size, sha256 = digest(installer)
    if not 0 < size <= MAX_INSTALLER_BYTES:
        raise ValueError(f"an installer of {size} bytes cannot be signed")
    when = (signed_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    body: dict[str, Any] = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "file_name": installer.name,
        "size": size,
        "sha256": sha256,
        "program_version": program_version,
        "unit_code": unit_code,
        "unit_name": unit_name,
        "sign_key_id": key_id(key.public_key().public_bytes_raw()),
        "signed_at": when.isoformat(timespec="seconds"),
    }
    signature = key.sign(_signed_bytes(body))
    return canonical_json(dict(body, signature=base64.b64encode(signature).decode("ascii"))) + b"\n"


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in pairs:
        if name in out:
            raise ValueError(f"duplicate field {name!r}")
        out[name] = value
    return out


def _text(doc: dict[str, Any], name: str, pattern: re.Pattern[str] | None = None) -> str:
    value = doc[name]
    if not isinstance(value, str) or not value or len(value) > MAX_TEXT_CHARS:
        raise _malformed(f"trường «{name}» sai kiểu", f"field '{name}' has the wrong type")
    if pattern is not None and not pattern.fullmatch(value):
        raise _malformed(f"trường «{name}» sai dạng", f"field '{name}' has the wrong form")
    return unicodedata.normalize("NFC", value)


def read(data: bytes) -> UpdateSignature:
    """Parse a signature file, strictly; the signature itself is not checked here."""
    if len(data) > MAX_SIGNATURE_BYTES:
        raise _error("too_large", size=len(data), max=MAX_SIGNATURE_BYTES)
    try:
        doc = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _error(
            "not_signature", detail_vi="không phải JSON hợp lệ", detail_en="not valid JSON"
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise _error(
            "not_signature", detail_vi="sai định dạng tệp", detail_en="the format tag is not ours"
        )
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _malformed("phiên bản định dạng không hợp lệ", "invalid format version")
    if version > FORMAT_VERSION:
        raise _error("future_format", version=version, max=FORMAT_VERSION)
    missing = sorted(_FIELDS - doc.keys())
    if missing:
        raise _malformed(f"thiếu trường «{missing[0]}»", f"missing field '{missing[0]}'")
    extra = sorted(doc.keys() - _FIELDS)
    if extra:
        raise _malformed(f"trường lạ «{extra[0]}»", f"unknown field '{extra[0]}'")
    file_name = _text(doc, "file_name")
    if _bad_file_name(file_name):
        raise _malformed("tên tệp cài đặt không hợp lệ", "invalid installer file name")
    size = doc["size"]
    if not isinstance(size, int) or isinstance(size, bool) or not 0 < size <= MAX_INSTALLER_BYTES:
        raise _malformed("kích thước không hợp lệ", "invalid size")
    try:
        signed_at = datetime.fromisoformat(_text(doc, "signed_at"))
        if signed_at.tzinfo is None:
            raise ValueError("no time zone")
        if not isinstance(doc["signature"], str):
            raise ValueError("not text")
        signature = base64.b64decode(doc["signature"].encode("ascii"), validate=True)
    except (ValueError, binascii.Error, UnicodeEncodeError):
        raise _malformed(
            "ngày ký hoặc chữ ký sai dạng", "the signing time or the signature has the wrong form"
        ) from None
    if len(signature) != 64:
        raise _malformed("chữ ký sai độ dài", "the signature has the wrong length")
    return UpdateSignature(
        file_name=file_name,
        size=size,
        sha256=_text(doc, "sha256", _HEX64),
        program_version=_text(doc, "program_version", _VERSION),
        unit_code=_text(doc, "unit_code"),
        unit_name=_text(doc, "unit_name"),
        sign_key_id=_text(doc, "sign_key_id", _HEX16),
        signed_at=signed_at.astimezone(UTC),
        signature=signature,
        signed_bytes=_signed_bytes({k: v for k, v in doc.items() if k != "signature"}),
    )


def verify_signer(data: bytes, trusted_sign_publics: Iterable[bytes]) -> UpdateSignature:
    """The signature file, read and its signature checked against the trusted keys (raw
    Ed25519 public keys); the installer is not looked at."""
    claim = read(data)
    public = next(
        (k for k in trusted_sign_publics if len(k) == 32 and key_id(k) == claim.sign_key_id),
        None,
    )
    if public is None:
        raise _error("unknown_signer", kid=claim.sign_key_id, unit=claim.unit_name)
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(claim.signature, claim.signed_bytes)
    except (InvalidSignature, ValueError):
        raise _error("bad_signature") from None
    return claim


def verify(
    data: bytes, installer: Path | BinaryIO, trusted_sign_publics: Iterable[bytes]
) -> UpdateSignature:
    """The signature file checked (`verify_signer`), then the installer against it: its size,
    then its SHA-256 (compared in constant time). Returns what was verified."""
    claim = verify_signer(data, trusted_sign_publics)
    if isinstance(installer, Path):
        actual = installer.stat().st_size
        if actual != claim.size:  # no need to read 100 MB to know
            raise _error("size_mismatch", actual=actual, signed=claim.size)
    size, sha256 = digest(installer, claim.size)
    if size > claim.size:  # reading stopped one byte past what was signed
        raise _error("too_long", signed=claim.size)
    if size != claim.size:
        raise _error("size_mismatch", actual=size, signed=claim.size)
    if not hmac.compare_digest(sha256, claim.sha256):
        raise _error("hash_mismatch")
    return claim
