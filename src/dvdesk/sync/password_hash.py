"""Passwords of the accounts kept in the office's shared database (on a local file the vault
does this job, since it must also unwrap the file's key): Argon2id with the same cost as the
vault's, stored as one self-describing line, compared in constant time."""

from __future__ import annotations

import base64
import hmac
import os

from dvdesk.sync.keys import KDF_ITERATIONS, KDF_LANES, KDF_MEMORY_KIB, derive_key
from dvdesk.sync.vault import check_password_strength

SCHEME = "argon2id"
_SALT_BYTES = 16


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    """ "argon2id$m=…,t=…,p=…$salt$digest" for a password strong enough (VaultError if not)."""
    password = check_password_strength(password)
    salt = os.urandom(_SALT_BYTES)
    digest = derive_key(password, salt, KDF_MEMORY_KIB, KDF_ITERATIONS, KDF_LANES)
    params = f"m={KDF_MEMORY_KIB},t={KDF_ITERATIONS},p={KDF_LANES}"
    return f"{SCHEME}${params}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether `password` matches `stored`; False for anything malformed or missing."""
    if not stored:
        return False
    try:
        scheme, params, salt_text, digest_text = stored.split("$")
        values = dict(part.split("=", 1) for part in params.split(","))
        memory, iterations, lanes = (int(values[k]) for k in ("m", "t", "p"))
        salt = base64.b64decode(salt_text, validate=True)
        digest = base64.b64decode(digest_text, validate=True)
    except (ValueError, KeyError):
        return False
    # Bounds keep a tampered row from asking for gigabytes or hours.
    if scheme != SCHEME or not (8 <= memory <= 1 << 20 and 1 <= iterations <= 10 and lanes <= 16):
        return False
    candidate = derive_key(password, salt, memory, iterations, lanes)  # NFC inside
    return hmac.compare_digest(candidate, digest)
