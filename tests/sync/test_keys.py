"""Key pairs, the passphrase-protected private key file, and signed public key files."""

from __future__ import annotations

import base64
import functools
import json
import re
import unicodedata

import pytest

from dvdesk.sync import keys
from dvdesk.sync.keys import KeyFileError, canonical_json

PASS = "Chi bộ số 1 — mật khẩu"


@functools.cache
def _pair() -> keys.KeyPair:
    return keys.generate()


@functools.cache
def _protected() -> bytes:
    return keys.protect(_pair(), PASS)


def test_generate_and_ids() -> None:
    pair = _pair()
    assert len(pair.sign_public) == 32 and len(pair.box_public) == 32
    kid = keys.key_id(pair.sign_public)
    assert re.fullmatch(r"[0-9a-f]{16}", kid)
    assert kid != keys.key_id(pair.box_public)
    assert keys.generate().sign_public != pair.sign_public


def test_fingerprint_is_stable_8_groups_of_4() -> None:
    pair = _pair()
    fp = keys.fingerprint(pair.sign_public, pair.box_public)
    assert re.fullmatch(r"[0-9A-F]{4}( [0-9A-F]{4}){7}", fp)
    assert fp == keys.fingerprint(pair.sign_public, pair.box_public) == pair.fingerprint
    assert fp != keys.fingerprint(pair.box_public, pair.sign_public)
    # A known vector, so the printed fingerprint never changes between versions.
    assert keys.fingerprint(bytes(32), bytes(32)) == "BCD7 B5BD 3C94 45E0 42A7 F1E9 43CA 30F4"


def test_protect_unlock_round_trip() -> None:
    blob = _protected()
    doc = json.loads(blob)
    assert doc["kdf"]["name"] == "argon2id" and doc["kdf"]["memory_kib"] == 64 * 1024
    assert doc["kdf"]["iterations"] == 3 and doc["kdf"]["lanes"] == 4
    assert len(base64.b64decode(doc["kdf"]["salt"])) == 16
    back = keys.unlock(blob, PASS)
    assert back.sign_public == _pair().sign_public and back.box_public == _pair().box_public
    # The same passphrase typed in NFD (Unikey "tổ hợp") still opens it.
    assert keys.unlock(blob, unicodedata.normalize("NFD", PASS)).sign_public == back.sign_public


def test_protect_is_randomised() -> None:
    a, b = json.loads(_protected()), json.loads(keys.protect(_pair(), PASS))
    assert a["kdf"]["salt"] != b["kdf"]["salt"] and a["nonce"] != b["nonce"]


def test_weak_passphrase_refused() -> None:
    with pytest.raises(KeyFileError) as info:
        keys.protect(_pair(), "1234567")
    assert info.value.code == "weak_passphrase"
    assert "ít nhất 8 ký tự" in info.value.vi


def test_wrong_passphrase() -> None:
    with pytest.raises(KeyFileError) as info:
        keys.unlock(_protected(), PASS + "!")
    assert info.value.code == "bad_passphrase"
    assert "Sai mật khẩu" in info.value.vi


def _edited(**changes: object) -> bytes:
    doc = json.loads(_protected())
    doc.update(changes)
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    "blob",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\xff\x00garbage", id="garbage"),
        pytest.param(b"[]", id="json-list"),
        pytest.param(b'{"format":"other"}', id="other-format"),
        pytest.param(None, id="cut-in-half"),
        pytest.param(None, id="ciphertext-changed"),
        pytest.param(None, id="salt-changed"),
        pytest.param(None, id="huge-memory"),
    ],
)
def test_damaged_blob(blob: bytes | None, request: pytest.FixtureRequest) -> None:
    case = request.node.callspec.id
    if case == "cut-in-half":
        blob = _protected()[: len(_protected()) // 2]
    elif case == "ciphertext-changed":
        doc = json.loads(_protected())
        raw = bytearray(base64.b64decode(doc["ciphertext"]))
        raw[0] ^= 1
        blob = _edited(ciphertext=base64.b64encode(bytes(raw)).decode())
    elif case == "salt-changed":
        blob = _edited(kdf=dict(json.loads(_protected())["kdf"], salt="AAAAAAAAAAAAAAAAAAAAAA=="))
    elif case == "huge-memory":
        blob = _edited(kdf=dict(json.loads(_protected())["kdf"], memory_kib=1 << 40))
    assert blob is not None
    with pytest.raises(KeyFileError) as info:
        keys.unlock(blob, PASS)
    assert info.value.code == "damaged", info.value.en
    assert "bị hỏng" in info.value.vi


# --- public key files -------------------------------------------------------------------------


def _public(**kw: object) -> bytes:
    args: dict[str, object] = {
        "unit_id": "unit-cell-01",
        "unit_code": "CB01",
        "unit_name": "Chi bộ Khối Văn phòng",
        "role": "cell",
    }
    args.update(kw)
    return keys.export_public(_pair(), **args)  # type: ignore[arg-type]


def test_public_file_round_trip() -> None:
    data = _public()
    f = keys.read_public(data)
    assert (f.unit_id, f.unit_code, f.unit_name, f.role) == (
        "unit-cell-01",
        "CB01",
        "Chi bộ Khối Văn phòng",
        "cell",
    )
    assert f.sign_public == _pair().sign_public and f.box_public == _pair().box_public
    assert f.fingerprint == _pair().fingerprint
    assert f.sign_key_id == keys.key_id(_pair().sign_public)
    assert f.box_key_id == keys.key_id(_pair().box_public)
    assert f.previous_sign_key_id == "" and not f.is_rotation
    assert data == canonical_json(json.loads(data)) + b"\n"


def test_public_file_nfd_name_is_normalised() -> None:
    f = keys.read_public(_public(unit_name=unicodedata.normalize("NFD", "Chi bộ Đoàn")))
    assert f.unit_name == "Chi bộ Đoàn"


def _tamper(field: str, value: object) -> bytes:
    doc = json.loads(_public())
    doc[field] = value
    return json.dumps(doc, ensure_ascii=False).encode()


def _other_key(field: str) -> str:
    other = keys.generate()
    return base64.b64encode(getattr(other, field)).decode()


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        pytest.param("unit_name", "Chi bộ Khối Văn phòng.", "bad_signature", id="name-changed"),
        pytest.param("unit_code", "CB02", "bad_signature", id="code-changed"),
        pytest.param("role", "office", "bad_signature", id="role-changed"),
        pytest.param("created_at", "2020-01-01T00:00:00+00:00", "bad_signature", id="date"),
        pytest.param("box_public", None, "bad_signature", id="box-key-swapped"),
        pytest.param("sign_public", None, "bad_signature", id="sign-key-swapped"),
        pytest.param("sign_public", "AAAA", "bad_key", id="sign-key-short"),
        pytest.param("box_public", "not base64!", "bad_key", id="box-key-not-base64"),
        pytest.param("signature", "", "bad_key", id="signature-empty"),
        pytest.param("role", "king", "malformed", id="role-unknown"),
        pytest.param("unit_id", 5, "malformed", id="unit-id-number"),
        pytest.param("version", 2, "unsupported_version", id="future-version"),
        pytest.param("extra", 1, "malformed", id="unknown-field"),
        pytest.param("previous_sign_key_id", "0123456789abcdef", "malformed", id="prev-id-no-sig"),
    ],
)
def test_public_file_tampering(field: str, value: object, code: str) -> None:
    if value is None:
        value = _other_key(field)
    with pytest.raises(KeyFileError) as info:
        keys.read_public(_tamper(field, value))
    assert info.value.code == code, info.value.en
    assert info.value.vi and unicodedata.is_normalized("NFC", info.value.vi)


def test_public_file_byte_flip_in_name() -> None:
    data = bytearray(_public())
    at = data.index("Văn".encode())
    data[at] ^= 0x01  # "V" → "W"
    with pytest.raises(KeyFileError) as info:
        keys.read_public(bytes(data))
    assert info.value.code == "bad_signature"
    assert "chữ ký" in info.value.vi.lower()


@pytest.mark.parametrize("data", [b"", b"{", b"[]", b'{"format":"dvdesk-public-key"}', b"\xff"])
def test_public_file_malformed(data: bytes) -> None:
    with pytest.raises(KeyFileError) as info:
        keys.read_public(data)
    assert info.value.code == "malformed"


def test_rotation_signed_by_old_key_verifies() -> None:
    old = _pair()
    new = keys.generate()
    f = keys.read_public(
        keys.export_public(new, "unit-cell-01", "CB01", "Chi bộ", "cell", previous=old)
    )
    assert f.is_rotation and f.previous_sign_key_id == keys.key_id(old.sign_public)
    assert keys.verify_rotation(f, old.sign_public)
    stranger = keys.generate()
    assert not keys.verify_rotation(f, stranger.sign_public)
    assert not keys.verify_rotation(keys.read_public(_public()), old.sign_public)


def test_rotation_signed_by_a_stranger_does_not_verify() -> None:
    old, stranger, new = _pair(), keys.generate(), keys.generate()
    f = keys.read_public(
        keys.export_public(new, "unit-cell-01", "CB01", "Chi bộ", "cell", previous=stranger)
    )
    assert not keys.verify_rotation(f, old.sign_public)
    # A stranger relabelling its rotation with the old key's id fails too.
    doc = json.loads(keys.export_public(new, "u", "c", "n", "cell", previous=stranger))
    doc["previous_sign_key_id"] = keys.key_id(old.sign_public)
    with pytest.raises(KeyFileError) as info:
        keys.read_public(json.dumps(doc).encode())
    assert info.value.code == "bad_signature"


def test_export_refuses_unknown_role() -> None:
    with pytest.raises(ValueError):
        _public(role="king")
