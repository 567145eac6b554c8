"""The backup file (.dvbak): a database image encrypted to the unit's own exchange key.

    DVDESK-BACKUP\\n
    {"created_at", "format_version", "payload_bytes", "reason", "recipient_key_id", "suite"}\\n
    HPKE(X25519, HKDF-SHA256, ChaCha20-Poly1305) of: meta JSON line \\n zlib(database image)

Sealed to the public key, so an automatic backup needs no passphrase; opening one needs the
private key, which the passphrase unlocks. The clear header says only when and why the backup
was made and to which key, never anything about the people in it.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from dvdesk.sync.errors import SyncError
from dvdesk.sync.keys import canonical_json, key_id

MAGIC = b"DVDESK-BACKUP\n"
FORMAT_VERSION = 1
SUITE_NAME = "X25519-HKDF-SHA256-CHACHA20POLY1305"
SUFFIX = ".dvbak"
_INFO = b"dvdesk-backup/v1|"
_SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.CHACHA20_POLY1305)
_OVERHEAD = 32 + 16
_MAX_HEADER = 4096
_MAX_IMAGE = 8 * 1024 * 1024 * 1024  # what zlib may unpack to: far above any real database


class BackupFileError(SyncError):
    """A backup file that cannot be read; nothing has been restored from it."""


def _error(code: str, vi: str, en: str) -> BackupFileError:
    return BackupFileError(code, vi, en)


@dataclass(frozen=True)
class BackupHeader:
    created_at: datetime
    reason: str
    recipient_key_id: str
    payload_bytes: int
    line: bytes
    offset: int


@dataclass(frozen=True)
class OpenedBackup:
    header: BackupHeader
    meta: dict[str, Any]
    image: bytes


def seal_backup(
    image: bytes,
    meta: dict[str, Any],
    recipient: X25519PublicKey,
    created_at: datetime,
    reason: str,
) -> bytes:
    kid = key_id(recipient.public_bytes(Encoding.Raw, PublicFormat.Raw))
    inner = canonical_json(meta) + b"\n" + zlib.compress(image, 6)
    line = canonical_json(
        {
            "created_at": created_at.isoformat(timespec="seconds"),
            "format_version": FORMAT_VERSION,
            "payload_bytes": len(inner) + _OVERHEAD,
            "reason": reason,
            "recipient_key_id": kid,
            "suite": SUITE_NAME,
        }
    )
    return MAGIC + line + b"\n" + _SUITE.encrypt(inner, recipient, info=_INFO + line)


def _not_backup() -> BackupFileError:
    return _error(
        "not_backup",
        "Tệp này không phải bản sao lưu của dvdesk.",
        "This file is not a dvdesk backup.",
    )


def _truncated() -> BackupFileError:
    return _error(
        "truncated",
        "Bản sao lưu bị cắt cụt (chép chưa hết hoặc hỏng).",
        "The backup is truncated (not copied completely, or damaged).",
    )


def peek_backup(data: bytes, file_size: int | None = None) -> BackupHeader:
    """The clear header, without any key; BackupFileError when the file is not one. `data`
    may be the file's first few kilobytes when `file_size` gives the whole file's size."""
    total = len(data) if file_size is None else file_size
    if not data.startswith(MAGIC):
        raise _truncated() if MAGIC.startswith(data) and data else _not_backup()
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + _MAX_HEADER + 1)
    if end < 0:
        raise _truncated() if len(data) < len(MAGIC) + _MAX_HEADER else _not_backup()
    line = data[len(MAGIC) : end]
    try:
        doc = json.loads(line.decode("utf-8"))
        version = doc["format_version"]
        created = datetime.fromisoformat(doc["created_at"])
        reason, kid, size = str(doc["reason"]), str(doc["recipient_key_id"]), doc["payload_bytes"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise _not_backup() from None
    if not isinstance(version, int) or not isinstance(size, int) or doc.get("suite") != SUITE_NAME:
        raise _not_backup()
    if version > FORMAT_VERSION:
        raise _error(
            "future_format",
            f"Bản sao lưu do phiên bản dvdesk mới hơn tạo (định dạng {version}); hãy cập nhật "
            "chương trình.",
            f"The backup was made by a newer dvdesk (format {version}); update the program.",
        )
    header = BackupHeader(created, reason, kid, size, line, end + 1)
    if total - header.offset < size:
        raise _truncated()
    if total - header.offset > size:
        raise _error(
            "trailing_data",
            "Bản sao lưu có dữ liệu thừa ở cuối: tệp đã bị sửa.",
            "The backup has extra data at its end: the file was altered.",
        )
    return header


def open_backup(data: bytes, private: X25519PrivateKey) -> OpenedBackup:
    """Decrypt and unpack; BackupFileError if the key is not the right one or the file was
    altered (the header is bound to the ciphertext, so it cannot be changed either)."""
    header = peek_backup(data)
    own = key_id(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
    if own != header.recipient_key_id:
        raise _error(
            "wrong_key",
            f"Bản sao lưu được mã hóa bằng khóa {header.recipient_key_id}, không phải khóa của "
            "đơn vị này.",
            f"The backup is encrypted to key {header.recipient_key_id}, not this unit's.",
        )
    try:
        inner = _SUITE.decrypt(memoryview(data)[header.offset :], private, info=_INFO + header.line)
    except Exception:  # InvalidTag, or ValueError on a malformed encapsulated key
        raise _error(
            "decrypt_failed",
            "Không giải mã được bản sao lưu: tệp đã bị sửa hoặc hỏng.",
            "The backup cannot be decrypted: the file was altered or damaged.",
        ) from None
    end = inner.find(b"\n")
    try:
        meta = json.loads(inner[:end].decode("utf-8"))
        unpacker = zlib.decompressobj()
        image = unpacker.decompress(inner[end + 1 :], _MAX_IMAGE)
        if unpacker.unconsumed_tail or not unpacker.eof:
            raise ValueError("image too large or incomplete")
    except (ValueError, zlib.error, UnicodeDecodeError):
        raise _error(
            "bad_content",
            "Nội dung bản sao lưu không đọc được.",
            "The backup's content cannot be read.",
        ) from None
    if not isinstance(meta, dict):
        raise _error(
            "bad_content", "Nội dung bản sao lưu không đọc được.", "The content is unreadable."
        )
    return OpenedBackup(header, meta, image)
