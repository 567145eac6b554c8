"""The vault: the database key wrapped per password and for the recovery key, read strictly."""

from __future__ import annotations

import json
import unicodedata

import pytest

from dvdesk.sync.vault import (
    VaultError,
    format_recovery_key,
    new_vault,
    parse_recovery_key,
    read_vault,
)


def test_each_password_and_the_recovery_key_unwrap_the_same_key() -> None:
    vault, key, recovery = new_vault()
    vault.set_password(key, "QuanTri", "mật khẩu một")
    vault.set_password(key, "xem", "mật khẩu hai")
    again = read_vault(vault.to_bytes())
    assert again.unlock("quantri", "mật khẩu một") == key  # names compare case-folded
    assert again.unlock("XEM", "mật khẩu hai") == key
    assert again.recover(recovery) == key
    # Unicode typed either way (NFD from some keyboards) is the same password.
    assert again.unlock("quantri", unicodedata.normalize("NFD", "mật khẩu một")) == key


def test_a_wrong_password_and_an_unknown_name_are_told_alike() -> None:
    vault, key, _ = new_vault()
    vault.set_password(key, "quantri", "mật khẩu một")
    with pytest.raises(VaultError) as wrong:
        vault.unlock("quantri", "mật khẩu hai")
    with pytest.raises(VaultError) as unknown:
        vault.unlock("ai_do", "mật khẩu một")
    assert wrong.value.code == unknown.value.code == "bad_password"


def test_a_short_password_is_refused() -> None:
    vault, key, _ = new_vault()
    with pytest.raises(VaultError) as short:
        vault.set_password(key, "quantri", "ngắn")
    assert short.value.code == "weak_password" and "8" in short.value.vi


def test_a_key_that_is_not_the_vaults_cannot_be_wrapped_into_it() -> None:
    vault, _, _ = new_vault()
    with pytest.raises(VaultError):
        vault.set_password(b"\0" * 32, "quantri", "mật khẩu một")


def test_the_recovery_key_survives_the_way_people_copy_it() -> None:
    raw = bytes(range(20))
    printed = format_recovery_key(raw)
    assert len(printed.split("-")) == 8
    sloppy = printed.lower().replace("-", "  ").replace("o", "0").replace("i", "1")
    assert parse_recovery_key(sloppy) == raw
    with pytest.raises(VaultError):
        parse_recovery_key(printed[:-4])


def test_renewing_the_recovery_key_retires_the_old_one() -> None:
    vault, key, old = new_vault()
    new = vault.renew_recovery(key)
    assert vault.recover(new) == key
    with pytest.raises(VaultError) as refused:
        vault.recover(old)
    assert refused.value.code == "bad_recovery_key"


def _tampered(change: object) -> bytes:
    vault, key, _ = new_vault()
    vault.set_password(key, "quantri", "mật khẩu một")
    body = json.loads(vault.to_bytes())
    change(body)  # type: ignore[operator]
    return json.dumps(body).encode()


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b.update(format="khác"),
        lambda b: b.update(version=0),
        lambda b: b.update(check="00"),
        lambda b: b["accounts"]["quantri"].update(nonce="AAAA"),
        lambda b: b["accounts"]["quantri"]["kdf"].update(memory_kib=10**9),
        lambda b: b["accounts"]["quantri"]["kdf"].update(iterations=True),
        lambda b: b["accounts"].update({"QuanTri": b["accounts"]["quantri"]}),
        lambda b: b.pop("recovery"),
    ],
)
def test_a_damaged_or_hostile_vault_is_refused_before_any_work(change: object) -> None:
    with pytest.raises(VaultError) as refused:
        read_vault(_tampered(change))
    assert refused.value.code == "damaged" and "dvdesk.vault" in refused.value.vi


def test_a_newer_vault_says_so() -> None:
    with pytest.raises(VaultError) as newer:
        read_vault(_tampered(lambda b: b.update(version=2)))
    assert newer.value.code == "newer_version"


def test_moving_an_entry_to_another_name_does_not_open_it() -> None:
    data = _tampered(lambda b: b["accounts"].update(khac=b["accounts"]["quantri"]))
    vault = read_vault(data)
    with pytest.raises(VaultError):
        vault.unlock("khac", "mật khẩu một")  # the name is bound into the wrapping
