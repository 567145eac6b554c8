"""A unit's key pairs: making them, keeping them under a passphrase, and exchanging public keys.

Each unit has an Ed25519 key (signing bundles and key files) and an X25519 key (receiving HPKE
encrypted bundles). The private keys are stored under a passphrase (Argon2id, then AES-256-GCM,
the header authenticated as associated data). The public keys travel as a small signed JSON file
together with a fingerprint that people compare on paper.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from dvdesk.sync.errors import KeyFileError, make

__all__ = [
    "KDF_ITERATIONS",
    "KDF_LANES",
    "KDF_MEMORY_KIB",
    "MIN_PASSPHRASE_CHARS",
    "KeyFileError",
    "KeyPair",
    "PublicKeyFile",
    "canonical_json",
    "derive_key",
    "export_public",
    "fingerprint",
    "generate",
    "key_id",
    "protect",
    "read_public",
    "unlock",
    "verify_rotation",
]

PRIVATE_FORMAT = "dvdesk-private-keys"
PUBLIC_FORMAT = "dvdesk-public-key"
FORMAT_VERSION = 1
MIN_PASSPHRASE_CHARS = 8
KDF_MEMORY_KIB = 64 * 1024
KDF_ITERATIONS = 3
KDF_LANES = 4
# What unlock() accepts from a file (a damaged or hostile file must not make us allocate 100 GB).
_KDF_MEMORY_RANGE = (8 * 1024, 1024 * 1024)
_KDF_ITERATIONS_RANGE = (1, 20)
_KDF_LANES_RANGE = (1, 16)
MAX_KEY_FILE_BYTES = 64 * 1024
MAX_TEXT_CHARS = 500
ROLES = ("cell", "office")

_MESSAGES: dict[str, tuple[str, str]] = {
    "weak_passphrase": (
        "Mật khẩu quá ngắn: cần ít nhất {min} ký tự.",
        "The passphrase is too short: at least {min} characters are needed.",
    ),
    "bad_passphrase": (
        "Sai mật khẩu: không mở được tệp khóa bí mật.",
        "Wrong passphrase: the private key file cannot be opened.",
    ),
    "damaged": (
        "Tệp khóa bí mật bị hỏng hoặc đã bị sửa đổi ({detail_vi}).",
        "The private key file is damaged or has been altered ({detail_en}).",
    ),
    "unsupported_version": (
        "Tệp khóa được tạo bằng phiên bản định dạng {version}, chương trình này chưa hỗ trợ;"
        " hãy cập nhật dvdesk.",
        "The key file uses format version {version}, which this program does not support;"
        " update dvdesk.",
    ),
    "malformed": (
        "Tệp khóa công khai không hợp lệ: {detail_vi}.",
        "The public key file is not valid: {detail_en}.",
    ),
    "bad_key": (
        "Tệp khóa công khai chứa khóa «{field}» không hợp lệ (sai độ dài hoặc sai mã hóa).",
        "The public key file holds an invalid key '{field}' (wrong length or encoding).",
    ),
    "bad_signature": (
        "Chữ ký của tệp khóa công khai không hợp lệ: tệp đã bị sửa đổi sau khi ký.",
        "The public key file's signature is invalid: the file was altered after signing.",
    ),
}


def _error(code: str, **kw: Any) -> KeyFileError:
    return make(KeyFileError, _MESSAGES, code, **kw)


def _nfc_deep(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc_deep(k): _nfc_deep(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc_deep(v) for v in value]
    return value


def canonical_json(value: Any) -> bytes:
    """Canonical JSON: strings NFC, keys sorted, no spaces, UTF-8 (not \\u escapes), no NaN."""
    return json.dumps(
        _nfc_deep(value),
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        allow_nan=False,
    ).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, *, size: int | None = None) -> bytes:
    """Strict base64 (raises ValueError on anything else, or on the wrong decoded size)."""
    if not isinstance(text, str):
        raise ValueError("not a string")
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("not base64") from exc
    if size is not None and len(raw) != size:
        raise ValueError("wrong size")
    return raw


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass(frozen=True)
class KeyPair:
    """A unit's private keys: Ed25519 for signing, X25519 for receiving encrypted bundles."""

    sign: Ed25519PrivateKey
    box: X25519PrivateKey

    @property
    def sign_public(self) -> bytes:
        return _raw_public(self.sign.public_key())

    @property
    def box_public(self) -> bytes:
        return _raw_public(self.box.public_key())

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.box_public)


def generate() -> KeyPair:
    return KeyPair(sign=Ed25519PrivateKey.generate(), box=X25519PrivateKey.generate())


def key_id(public_raw: bytes) -> str:
    """The first 8 bytes of SHA-256 of a raw public key, as 16 lowercase hex characters."""
    return hashlib.sha256(public_raw).digest()[:8].hex()


def fingerprint(sign_public: bytes, box_public: bytes) -> str:
    """SHA-256 of both public keys as 8 groups of 4 uppercase hex digits (read aloud, on paper)."""
    digest = hashlib.sha256(b"dvdesk-fingerprint/v1|" + sign_public + box_public).hexdigest()
    head = digest[:32].upper()
    return " ".join(head[i : i + 4] for i in range(0, 32, 4))


# --- private keys at rest ---------------------------------------------------------------------


def derive_key(passphrase: str, salt: bytes, memory: int, iterations: int, lanes: int) -> bytes:
    kdf = Argon2id(salt=salt, length=32, iterations=iterations, lanes=lanes, memory_cost=memory)
    return kdf.derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


def protect(pair: KeyPair, passphrase: str) -> bytes:
    """The private keys encrypted under `passphrase` (Argon2id → AES-256-GCM), as JSON bytes."""
    if len(unicodedata.normalize("NFC", passphrase)) < MIN_PASSPHRASE_CHARS:
        raise _error("weak_passphrase", min=MIN_PASSPHRASE_CHARS)
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    secret = pair.sign.private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption()
    ) + pair.box.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    salt = os.urandom(16)
    nonce = os.urandom(12)
    header: dict[str, Any] = {
        "format": PRIVATE_FORMAT,
        "version": FORMAT_VERSION,
        "kdf": {
            "name": "argon2id",
            "memory_kib": KDF_MEMORY_KIB,
            "iterations": KDF_ITERATIONS,
            "lanes": KDF_LANES,
            "salt": _b64(salt),
        },
        "cipher": "aes-256-gcm",
        "nonce": _b64(nonce),
        "sign_key_id": key_id(pair.sign_public),
        "box_key_id": key_id(pair.box_public),
    }
    aad = canonical_json(header)
    key = derive_key(passphrase, salt, KDF_MEMORY_KIB, KDF_ITERATIONS, KDF_LANES)
    ciphertext = AESGCM(key).encrypt(nonce, secret, aad)
    body = dict(header, ciphertext=_b64(ciphertext))
    # A plain checksum of everything else: tells "damaged file" apart from "wrong passphrase"
    # (both would otherwise be the same failed GCM tag). It is no protection; GCM is.
    body["checksum"] = hashlib.sha256(canonical_json(body)).hexdigest()
    return canonical_json(body) + b"\n"


def _damaged(vi: str, en: str) -> KeyFileError:
    return _error("damaged", detail_vi=vi, detail_en=en)


def _int_in(value: object, bounds: tuple[int, int]) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("not an integer")
    if not bounds[0] <= value <= bounds[1]:
        raise ValueError("out of range")
    return value


def unlock(blob: bytes, passphrase: str) -> KeyPair:
    """The key pair from `protect()`'s output; KeyFileError if damaged or wrong passphrase."""
    if len(blob) > MAX_KEY_FILE_BYTES:
        raise _damaged("tệp quá lớn", "the file is too large")
    try:
        body = json.loads(blob.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _damaged("không đọc được nội dung", "the content cannot be read") from None
    if not isinstance(body, dict) or body.get("format") != PRIVATE_FORMAT:
        raise _damaged("không phải tệp khóa bí mật dvdesk", "not a dvdesk private key file")
    version = body.get("version")
    if version != FORMAT_VERSION:
        if isinstance(version, int) and not isinstance(version, bool) and version > 0:
            raise _error("unsupported_version", version=version)
        raise _damaged("phiên bản không hợp lệ", "invalid version")
    checksum = body.pop("checksum", None)
    if checksum != hashlib.sha256(canonical_json(body)).hexdigest():
        raise _damaged("sai tổng kiểm tra", "checksum mismatch")
    try:
        ciphertext = _unb64(body.pop("ciphertext"))
        kdf = body["kdf"]
        if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
            raise ValueError("kdf")
        if body.get("cipher") != "aes-256-gcm":
            raise ValueError("cipher")
        salt = _unb64(kdf["salt"])
        if not 8 <= len(salt) <= 64:
            raise ValueError("salt")
        nonce = _unb64(body["nonce"], size=12)
        memory = _int_in(kdf["memory_kib"], _KDF_MEMORY_RANGE)
        iterations = _int_in(kdf["iterations"], _KDF_ITERATIONS_RANGE)
        lanes = _int_in(kdf["lanes"], _KDF_LANES_RANGE)
        if memory < 8 * lanes:
            raise ValueError("memory")
    except (KeyError, ValueError, TypeError):
        raise _damaged("thiếu hoặc sai tham số", "missing or invalid parameters") from None
    key = derive_key(passphrase, salt, memory, iterations, lanes)
    try:
        secret = AESGCM(key).decrypt(nonce, ciphertext, canonical_json(body))
    except InvalidTag:
        raise _error("bad_passphrase") from None
    if len(secret) != 64:
        raise _damaged("khóa có độ dài sai", "keys of the wrong length")
    pair = KeyPair(
        sign=Ed25519PrivateKey.from_private_bytes(secret[:32]),
        box=X25519PrivateKey.from_private_bytes(secret[32:]),
    )
    return pair


# --- public key files -------------------------------------------------------------------------

_TEXT_FIELDS = ("unit_id", "unit_code", "unit_name", "role", "created_at", "previous_sign_key_id")
_PUBLIC_KEYS = frozenset(
    {
        "format",
        "version",
        *_TEXT_FIELDS,
        "sign_public",
        "box_public",
        "signature",
        "previous_signature",
    }
)


@dataclass(frozen=True)
class PublicKeyFile:
    """A unit's public keys as read from (or written to) a public key file."""

    unit_id: str
    unit_code: str
    unit_name: str
    role: str
    sign_public: bytes
    box_public: bytes
    created_at: str
    previous_sign_key_id: str
    signature: bytes
    previous_signature: bytes = b""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.box_public)

    @property
    def sign_key_id(self) -> str:
        return key_id(self.sign_public)

    @property
    def box_key_id(self) -> str:
        return key_id(self.box_public)

    @property
    def is_rotation(self) -> bool:
        return bool(self.previous_sign_key_id)

    def signed_bytes(self) -> bytes:
        """The exact bytes both signatures cover: the file's body without the signatures."""
        return _signed_body(
            unit_id=self.unit_id,
            unit_code=self.unit_code,
            unit_name=self.unit_name,
            role=self.role,
            sign_public=self.sign_public,
            box_public=self.box_public,
            created_at=self.created_at,
            previous_sign_key_id=self.previous_sign_key_id,
        )

    def sign_public_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.sign_public)

    def box_public_key(self) -> X25519PublicKey:
        return X25519PublicKey.from_public_bytes(self.box_public)


def _signed_body(
    *,
    unit_id: str,
    unit_code: str,
    unit_name: str,
    role: str,
    sign_public: bytes,
    box_public: bytes,
    created_at: str,
    previous_sign_key_id: str,
) -> bytes:
    return b"dvdesk-public-key/v1|" + canonical_json(
        {
            "format": PUBLIC_FORMAT,
            "version": FORMAT_VERSION,
            "unit_id": unit_id,
            "unit_code": unit_code,
            "unit_name": unit_name,
            "role": role,
            "sign_public": _b64(sign_public),
            "box_public": _b64(box_public),
            "created_at": created_at,
            "previous_sign_key_id": previous_sign_key_id,
        }
    )


def export_public(
    pair: KeyPair,
    unit_id: str,
    unit_code: str,
    unit_name: str,
    role: str,
    *,
    previous: KeyPair | None = None,
    created_at: str | None = None,
) -> bytes:
    """The unit's public key file: canonical JSON signed by the new signing key (proof of
    possession) and, for a rotation, also by the `previous` signing key."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}, not {role!r}")
    nfc = [unicodedata.normalize("NFC", s) for s in (unit_id, unit_code, unit_name)]
    when = created_at or datetime.now(UTC).isoformat(timespec="seconds")
    previous_id = key_id(previous.sign_public) if previous is not None else ""
    body = _signed_body(
        unit_id=nfc[0],
        unit_code=nfc[1],
        unit_name=nfc[2],
        role=role,
        sign_public=pair.sign_public,
        box_public=pair.box_public,
        created_at=when,
        previous_sign_key_id=previous_id,
    )
    doc: dict[str, Any] = {
        "format": PUBLIC_FORMAT,
        "version": FORMAT_VERSION,
        "unit_id": nfc[0],
        "unit_code": nfc[1],
        "unit_name": nfc[2],
        "role": role,
        "sign_public": _b64(pair.sign_public),
        "box_public": _b64(pair.box_public),
        "created_at": when,
        "previous_sign_key_id": previous_id,
        "signature": _b64(pair.sign.sign(body)),
        "previous_signature": _b64(previous.sign.sign(body)) if previous is not None else "",
    }
    return canonical_json(doc) + b"\n"


def _malformed(vi: str, en: str) -> KeyFileError:
    return _error("malformed", detail_vi=vi, detail_en=en)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def read_public(data: bytes) -> PublicKeyFile:
    """Parse and check a public key file (structure, sizes, base64, self-signature)."""
    if len(data) > MAX_KEY_FILE_BYTES:
        raise _malformed("tệp quá lớn", "the file is too large")
    try:
        doc = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _malformed("không phải JSON hợp lệ", "not valid JSON") from None
    if not isinstance(doc, dict) or doc.get("format") != PUBLIC_FORMAT:
        raise _malformed("không phải tệp khóa công khai dvdesk", "not a dvdesk public key file")
    version = doc.get("version")
    if version != FORMAT_VERSION:
        if isinstance(version, int) and not isinstance(version, bool) and version > 0:
            raise _error("unsupported_version", version=version)
        raise _malformed("phiên bản không hợp lệ", "invalid version")
    missing = sorted(_PUBLIC_KEYS - doc.keys())
    if missing:
        raise _malformed(f"thiếu trường «{missing[0]}»", f"missing field '{missing[0]}'")
    extra = sorted(doc.keys() - _PUBLIC_KEYS)
    if extra:
        raise _malformed(f"trường lạ «{extra[0]}»", f"unknown field '{extra[0]}'")
    text: dict[str, str] = {}
    for name in _TEXT_FIELDS:
        value = doc[name]
        if not isinstance(value, str) or len(value) > MAX_TEXT_CHARS:
            raise _malformed(f"trường «{name}» sai kiểu", f"field '{name}' has the wrong type")
        text[name] = unicodedata.normalize("NFC", value)
    if not text["unit_id"] or not text["unit_code"]:
        raise _malformed("thiếu mã đơn vị", "the unit id or code is empty")
    if text["role"] not in ROLES:
        raise _malformed(f"vai trò «{text['role']}» không hợp lệ", f"invalid role '{text['role']}'")
    prev_id = text["previous_sign_key_id"]
    if prev_id and (len(prev_id) != 16 or any(c not in "0123456789abcdef" for c in prev_id)):
        raise _malformed("mã khóa cũ không hợp lệ", "invalid previous key id")
    try:
        datetime.fromisoformat(text["created_at"])
    except ValueError:
        raise _malformed("ngày tạo không hợp lệ", "invalid creation date") from None
    keys: dict[str, bytes] = {}
    for name, size in (
        ("sign_public", 32),
        ("box_public", 32),
        ("signature", 64),
        ("previous_signature", None),
    ):
        try:
            keys[name] = _unb64(doc[name], size=size)
        except ValueError:
            raise _error("bad_key", field=name) from None
    if bool(prev_id) != bool(keys["previous_signature"]) or len(keys["previous_signature"]) not in (
        0,
        64,
    ):
        raise _malformed(
            "chữ ký của khóa cũ không khớp với mã khóa cũ",
            "the previous key's signature does not match the previous key id",
        )
    try:
        sign_key = Ed25519PublicKey.from_public_bytes(keys["sign_public"])
        X25519PublicKey.from_public_bytes(keys["box_public"])
    except ValueError:
        raise _error("bad_key", field="sign_public") from None
    result = PublicKeyFile(
        unit_id=text["unit_id"],
        unit_code=text["unit_code"],
        unit_name=text["unit_name"],
        role=text["role"],
        sign_public=keys["sign_public"],
        box_public=keys["box_public"],
        created_at=text["created_at"],
        previous_sign_key_id=prev_id,
        signature=keys["signature"],
        previous_signature=keys["previous_signature"],
    )
    try:
        sign_key.verify(result.signature, result.signed_bytes())
    except InvalidSignature:
        raise _error("bad_signature") from None
    return result


def verify_rotation(file: PublicKeyFile, old_sign_public: bytes) -> bool:
    """True if `file` replaces the signing key `old_sign_public` and that old key signed it."""
    if not file.previous_sign_key_id or len(old_sign_public) != 32:
        return False
    if key_id(old_sign_public) != file.previous_sign_key_id:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(old_sign_public).verify(
            file.previous_signature, file.signed_bytes()
        )
    except (InvalidSignature, ValueError):
        return False
    return True
