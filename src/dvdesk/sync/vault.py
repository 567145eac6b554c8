"""The database key, kept beside the database and wrapped once for each account and once for
the printed recovery key.

The database is encrypted (SQLCipher) under one random 256-bit key that never changes. The
vault file holds that key wrapped (AES-256-GCM) under a key derived from each account's password
(Argon2id), and under the recovery key printed at set-up. So a password change rewraps 32 bytes
instead of re-encrypting the database, a copied database without the vault is noise, and a
copied vault is as strong as the weakest password in it, which is why Argon2id is slow.

The vault says nothing about roles: those are rows in the (encrypted) database, so editing the
vault cannot make a viewer an administrator.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from dvdesk.domain.accounts import normal_name as account_key
from dvdesk.sync.errors import SyncError, make
from dvdesk.sync.keys import (
    KDF_ITERATIONS,
    KDF_LANES,
    KDF_MEMORY_KIB,
    MIN_PASSPHRASE_CHARS,
    derive_key,
)

__all__ = [
    "RECOVERY_GROUPS",
    "Vault",
    "VaultError",
    "format_recovery_key",
    "new_vault",
    "parse_recovery_key",
    "read_vault",
]

VAULT_FORMAT = "dvdesk-vault"
VAULT_VERSION = 1
KEY_BYTES = 32
MAX_VAULT_BYTES = 1024 * 1024
# The recovery key: 20 random bytes, written as 32 base32 characters in 8 groups of 4 that a
# person can copy from paper without confusing 0/O or 1/I (base32 has neither 0 nor 1).
RECOVERY_BYTES = 20
RECOVERY_GROUPS = 8
_RECOVERY_INFO = b"dvdesk vault recovery key"
_CHECK_INFO = b"dvdesk vault key check"
_KDF_BOUNDS = {"memory_kib": (8 * 1024, 1024 * 1024), "iterations": (1, 20), "lanes": (1, 16)}


class VaultError(SyncError):
    """The vault cannot be read, or a password or recovery key does not open it."""


_MESSAGES: dict[str, tuple[str, str]] = {
    "damaged": (
        "Tệp khóa tài khoản {name} bị hỏng hoặc đã bị sửa đổi ({detail}).",
        "The account key file {name} is damaged or has been altered ({detail}).",
    ),
    "bad_password": (
        "Sai tên tài khoản hoặc mật khẩu.",
        "Wrong account name or password.",
    ),
    "bad_recovery_key": (
        "Mã khôi phục không đúng: hãy chép lại đủ 32 ký tự trên trang đã in.",
        "The recovery key is wrong: copy all 32 characters from the printed page again.",
    ),
    "weak_password": (
        "Mật khẩu quá ngắn: cần ít nhất {min} ký tự.",
        "The password is too short: at least {min} characters are needed.",
    ),
    "unknown_account": (
        "Không có tài khoản «{account}».",
        "There is no account '{account}'.",
    ),
    "newer_version": (
        "Tệp khóa tài khoản được tạo bằng phiên bản dvdesk mới hơn (định dạng {version}).",
        "The account key file was made by a newer dvdesk (format {version}).",
    ),
}


def _error(code: str, **kw: Any) -> VaultError:
    return make(VaultError, _MESSAGES, code, **kw)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, size: int | None = None) -> bytes:
    if not isinstance(value, str):
        raise ValueError("not text")
    raw = base64.b64decode(value.encode("ascii"), validate=True)
    if size is not None and len(raw) != size:
        raise ValueError("wrong size")
    return raw


def _check_of(key: bytes) -> str:
    # Lets a recovered key be told right before it touches the database; reveals nothing of it.
    return hmac.new(key, _CHECK_INFO, hashlib.sha256).hexdigest()


def _recovery_wrapping_key(recovery: bytes) -> bytes:
    # The recovery key is 160 random bits, so a plain HKDF is enough (no password stretching).
    return HKDF(SHA256(), KEY_BYTES, salt=None, info=_RECOVERY_INFO).derive(recovery)


def _seal(wrapping_key: bytes, secret: bytes, aad: bytes) -> dict[str, str]:
    nonce = os.urandom(12)
    return {"nonce": _b64(nonce), "wrapped": _b64(AESGCM(wrapping_key).encrypt(nonce, secret, aad))}


def _open(wrapping_key: bytes, entry: dict[str, Any], aad: bytes) -> bytes:
    nonce = _unb64(entry["nonce"], 12)
    return AESGCM(wrapping_key).decrypt(nonce, _unb64(entry["wrapped"]), aad)


def _aad(kind: str, name: str = "") -> bytes:
    return f"{VAULT_FORMAT}/{VAULT_VERSION}/{kind}/{name}".encode()


def check_password_strength(password: str) -> str:
    """The password NFC, or VaultError when it is too weak to wrap a key with."""
    password = unicodedata.normalize("NFC", password)
    if len(password) < MIN_PASSPHRASE_CHARS:
        raise _error("weak_password", min=MIN_PASSPHRASE_CHARS)
    return password


def format_recovery_key(raw: bytes) -> str:
    text = base64.b32encode(raw).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def parse_recovery_key(text: str) -> bytes:
    """The raw recovery key from what a person typed (spaces, dashes and case do not matter)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    try:
        raw = base64.b32decode(cleaned)
    except (ValueError, binascii.Error):
        raise _error("bad_recovery_key") from None
    if len(raw) != RECOVERY_BYTES:
        raise _error("bad_recovery_key")
    return raw


@dataclass
class Vault:
    """The vault's content. Changes happen in memory; `to_bytes()` gives the file to write."""

    check: str
    recovery: dict[str, str]
    accounts: dict[str, dict[str, Any]] = field(default_factory=dict)

    def names(self) -> list[str]:
        return sorted(self.accounts)

    def has(self, name: str) -> bool:
        return account_key(name) in self.accounts

    def unlock(self, name: str, password: str) -> bytes:
        """The database key, if `password` is `name`'s; VaultError("bad_password") otherwise
        (the same error for an unknown name, so the screen does not tell which was wrong)."""
        entry = self.accounts.get(account_key(name))
        if entry is None:
            derive_key(password or "-", b"\0" * 16, 8 * 1024, 1, 1)  # similar time either way
            raise _error("bad_password")
        kdf = entry["kdf"]
        wrapping = derive_key(
            password, _unb64(kdf["salt"]), kdf["memory_kib"], kdf["iterations"], kdf["lanes"]
        )
        try:
            key = _open(wrapping, entry, _aad("account", account_key(name)))
        except InvalidTag:
            raise _error("bad_password") from None
        return self._checked(key, "bad_password")

    def recover(self, recovery_text: str) -> bytes:
        """The database key from the printed recovery key."""
        raw = parse_recovery_key(recovery_text)
        try:
            key = _open(_recovery_wrapping_key(raw), self.recovery, _aad("recovery"))
        except InvalidTag:
            raise _error("bad_recovery_key") from None
        return self._checked(key, "bad_recovery_key")

    def _checked(self, key: bytes, code: str) -> bytes:
        if not hmac.compare_digest(_check_of(key), self.check):
            raise _error(code)
        return key

    def set_password(self, key: bytes, name: str, password: str) -> None:
        """Wrap the database key for `name` under `password` (a new account or a new password).
        `key` must be the vault's own key: whoever sets a password has already unlocked it."""
        self._checked(key, "bad_password")
        password = check_password_strength(password)
        salt = os.urandom(16)
        wrapping = derive_key(password, salt, KDF_MEMORY_KIB, KDF_ITERATIONS, KDF_LANES)
        entry: dict[str, Any] = _seal(wrapping, key, _aad("account", account_key(name)))
        entry["kdf"] = {
            "name": "argon2id",
            "salt": _b64(salt),
            "memory_kib": KDF_MEMORY_KIB,
            "iterations": KDF_ITERATIONS,
            "lanes": KDF_LANES,
        }
        self.accounts[account_key(name)] = entry

    def renew_recovery(self, key: bytes) -> str:
        """A new recovery key (the old printed one stops working); returns it as printed."""
        self._checked(key, "bad_password")
        raw = secrets.token_bytes(RECOVERY_BYTES)
        self.recovery = _seal(_recovery_wrapping_key(raw), key, _aad("recovery"))
        return format_recovery_key(raw)

    def remove(self, name: str) -> None:
        if self.accounts.pop(account_key(name), None) is None:
            raise _error("unknown_account", account=name)

    def to_bytes(self) -> bytes:
        body = {
            "format": VAULT_FORMAT,
            "version": VAULT_VERSION,
            "check": self.check,
            "recovery": self.recovery,
            "accounts": self.accounts,
        }
        return json.dumps(body, ensure_ascii=False, sort_keys=True, indent=1).encode() + b"\n"


def new_vault() -> tuple[Vault, bytes, str]:
    """A vault for a new database key: (vault, the key, the recovery key as printed). Nobody
    can open it yet; add the first account with `set_password`."""
    key = secrets.token_bytes(KEY_BYTES)
    vault = Vault(check=_check_of(key), recovery={})
    return vault, key, vault.renew_recovery(key)


def read_vault(data: bytes, name: str = "dvdesk.vault") -> Vault:
    """Parse a vault file strictly: VaultError("damaged") naming what is wrong."""

    def damaged(detail: str) -> VaultError:
        return _error("damaged", name=name, detail=detail)

    if len(data) > MAX_VAULT_BYTES:
        raise damaged("quá lớn / too large")
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise damaged("không đọc được / unreadable") from None
    if not isinstance(body, dict) or body.get("format") != VAULT_FORMAT:
        raise damaged("không phải tệp khóa tài khoản / not an account key file")
    version = body.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VAULT_VERSION:
        raise _error("newer_version", version=version)
    if version != VAULT_VERSION:
        raise damaged("phiên bản / version")
    try:
        check = body["check"]
        if not isinstance(check, str) or len(check) != 64:
            raise ValueError("check")
        recovery = body["recovery"]
        _unb64(recovery["nonce"], 12)
        _unb64(recovery["wrapped"], KEY_BYTES + 16)
        accounts = body["accounts"]
        if not isinstance(accounts, dict):
            raise ValueError("accounts")
        for account, entry in accounts.items():
            if account != account_key(account):
                raise ValueError("account name")
            _unb64(entry["nonce"], 12)
            _unb64(entry["wrapped"], KEY_BYTES + 16)
            kdf = entry["kdf"]
            if kdf.get("name") != "argon2id" or not 8 <= len(_unb64(kdf["salt"])) <= 64:
                raise ValueError("kdf")
            for param, (low, high) in _KDF_BOUNDS.items():
                value = kdf[param]
                if type(value) is not int or not low <= value <= high:
                    raise ValueError(param)
    except (KeyError, ValueError, TypeError, AttributeError):
        raise damaged("thiếu hoặc sai trường / missing or invalid fields") from None
    return Vault(check=check, recovery=dict(recovery), accounts=dict(accounts))
