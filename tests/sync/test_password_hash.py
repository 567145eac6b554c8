"""Account passwords in the shared database: Argon2id, self-describing, strict when read."""

from __future__ import annotations

import unicodedata

import pytest

from dvdesk.sync.password_hash import hash_password, verify_password
from dvdesk.sync.vault import VaultError


def test_a_password_is_checked_and_never_stored_as_typed() -> None:
    stored = hash_password("mật khẩu dài")
    assert stored.startswith("argon2id$m=65536,t=3,p=4$") and "mật khẩu" not in stored
    assert verify_password("mật khẩu dài", stored)
    # NFD typing (some keyboards) is the same password.
    assert verify_password(unicodedata.normalize("NFD", "mật khẩu dài"), stored)
    assert not verify_password("mật khẩu dai", stored)
    assert hash_password("mật khẩu dài") != stored  # salted


@pytest.mark.parametrize(
    "stored",
    [
        None,
        "",
        "bcrypt$x$y$z",
        "argon2id$m=65536,t=3,p=4$!!$AAAA",
        "argon2id$m=99999999,t=3,p=4$AAAAAAAAAAAAAAAAAAAAAA==$AAAA",  # asks for 100 GB
        "argon2id$t=3,p=4$AAAA$AAAA",
    ],
)
def test_a_damaged_or_hostile_hash_never_matches(stored: str | None) -> None:
    assert not verify_password("mật khẩu dài", stored)


def test_a_short_password_is_refused() -> None:
    with pytest.raises(VaultError):
        hash_password("ngắn")
