"""The office's signature on an update installer: made, read strictly, checked against the
installer's bytes."""

from __future__ import annotations

import base64
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dvdesk.sync import update_signature as sig
from dvdesk.sync.keys import canonical_json, key_id
from dvdesk.sync.update_signature import UpdateSignatureError

OFFICE = Ed25519PrivateKey.generate()
OTHER = Ed25519PrivateKey.generate()
TRUSTED = [OFFICE.public_key().public_bytes_raw()]
SIGNED_AT = datetime(2026, 11, 27, 8, 30, tzinfo=UTC)


@pytest.fixture
def installer(tmp_path: Path) -> Path:
    path = tmp_path / "dvdesk-0.2.0-setup.exe"
    # Larger than one read, so the hashing goes through several chunks.
    path.write_bytes(b"MZ" + bytes(range(256)) * 9000)
    return path


def signed(installer: Path, key: Ed25519PrivateKey = OFFICE, version: str = "0.2.0") -> bytes:
    return sig.sign(key, installer, version, "DUK", "Ban Tổ chức Đảng ủy Khối", signed_at=SIGNED_AT)


def edited(data: bytes, **changes: object) -> bytes:
    doc = json.loads(data)
    for name, value in changes.items():
        if value is None:
            del doc[name]
        else:
            doc[name] = value
    return canonical_json(doc)


def refused(data: bytes, installer: Path | io.BytesIO, trusted: list[bytes] = TRUSTED) -> str:
    with pytest.raises(UpdateSignatureError) as caught:
        sig.verify(data, installer, trusted)
    assert caught.value.vi and caught.value.en
    return caught.value.code


def test_a_good_signature_is_accepted_with_what_it_says(installer: Path) -> None:
    data = signed(installer)
    assert data.endswith(b"\n") and len(data) < 1024
    assert sig.signature_path(installer).name == "dvdesk-0.2.0-setup.exe.dvsig"
    claim = sig.verify(data, installer, TRUSTED)
    assert claim.file_name == installer.name
    assert claim.size == installer.stat().st_size
    assert claim.program_version == "0.2.0"
    assert claim.unit_code == "DUK" and claim.unit_name == "Ban Tổ chức Đảng ủy Khối"
    assert claim.sign_key_id == key_id(TRUSTED[0])
    assert claim.signed_at == SIGNED_AT
    doc = json.loads(data)
    assert doc["format"] == "dvdesk-update-signature" and doc["version"] == 1
    # A stream does as well as a path, and other trusted keys beside the signer's do no harm.
    other = [OTHER.public_key().public_bytes_raw(), *TRUSTED]
    assert sig.verify(data, io.BytesIO(installer.read_bytes()), other) == claim


def test_one_flipped_byte_in_the_installer_is_refused(installer: Path) -> None:
    data = signed(installer)
    content = bytearray(installer.read_bytes())
    content[len(content) // 2] ^= 0x01
    installer.write_bytes(bytes(content))
    assert refused(data, installer) == "hash_mismatch"


def test_a_cut_or_lengthened_installer_is_refused_by_its_size(installer: Path) -> None:
    data = signed(installer)
    content = installer.read_bytes()
    installer.write_bytes(content[:-1])
    assert refused(data, installer) == "size_mismatch"
    assert refused(data, io.BytesIO(content[:-1])) == "size_mismatch"
    # A stream is read only one byte past the signed size, however long it is.
    assert refused(data, io.BytesIO(content + b"x" * 10)) == "too_long"
    with pytest.raises(UpdateSignatureError) as caught:
        sig.verify(data, io.BytesIO(content[:-1]), TRUSTED)
    assert caught.value.subject == "installer"


def test_a_signature_by_another_key_is_refused(installer: Path) -> None:
    data = signed(installer, key=OTHER)
    assert refused(data, installer) == "unknown_signer"
    assert refused(signed(installer), installer, trusted=[]) == "unknown_signer"


def test_a_tampered_signature_file_is_refused(installer: Path) -> None:
    data = signed(installer)
    # Each signed field changed in turn: the signature no longer covers it.
    for name, value in (
        ("program_version", "9.0.0"),
        ("unit_name", "Ai đó"),
        ("file_name", "khac.exe"),
        ("signed_at", "2027-01-01T00:00:00+00:00"),
    ):
        assert refused(edited(data, **{name: value}), installer) == "bad_signature", name
    # A hash and size that match another file, signature left as it was.
    other = installer.with_name("other.exe")
    other.write_bytes(b"evil")
    size, sha = sig.digest(other)
    assert refused(edited(data, size=size, sha256=sha), other) == "bad_signature"
    # The signature itself with one bit flipped.
    raw = bytearray(base64.b64decode(json.loads(data)["signature"]))
    raw[0] ^= 1
    flipped = edited(data, signature=base64.b64encode(bytes(raw)).decode())
    assert refused(flipped, installer) == "bad_signature"
    with pytest.raises(UpdateSignatureError) as caught:
        sig.verify(flipped, installer, TRUSTED)
    assert caught.value.subject == "signature"


def test_reading_is_strict(installer: Path) -> None:
    data = signed(installer)
    assert refused(b"", installer) == "not_signature"
    assert refused(b"\xff\xfe", installer) == "not_signature"
    assert refused(b"[1, 2]", installer) == "not_signature"
    assert refused(installer.read_bytes()[:2000], installer) == "not_signature"
    assert refused(edited(data, format="dvdesk-public-key"), installer) == "not_signature"
    assert refused(edited(data, version=2), installer) == "future_format"
    for version in (0, -1, "1", True, 1.0):
        assert refused(edited(data, version=version), installer) == "malformed", version
    assert refused(edited(data, sha256=None), installer) == "malformed"
    assert refused(edited(data, extra="x"), installer) == "malformed"
    for name, value in (
        ("size", "12"),
        ("size", 0),
        ("size", True),
        ("size", sig.MAX_INSTALLER_BYTES + 1),
        ("sha256", "AB" * 32),
        ("sha256", "ab" * 31),
        ("sign_key_id", "xyz"),
        ("program_version", "0.2.0-beta"),
        ("program_version", "01.2"),
        ("file_name", "..\\..\\Windows\\evil.exe"),
        ("file_name", "C:evil.exe"),
        ("file_name", ""),
        ("signed_at", "hôm qua"),
        ("signed_at", "2026-11-27T08:30:00"),  # no time zone
        ("signature", "not base64!"),
        ("signature", base64.b64encode(b"short").decode()),
        ("signature", 12),
        ("unit_name", ["a list"]),
    ):
        assert refused(edited(data, **{name: value}), installer) == "malformed", (name, value)
    duplicate = data.replace(b'{"file_name"', b'{"file_name":"a.exe","file_name"', 1)
    assert refused(duplicate, installer) == "not_signature"
    assert refused(b" " * (sig.MAX_SIGNATURE_BYTES + 1), installer) == "too_large"


def test_messages_name_what_is_wrong_in_both_languages(installer: Path) -> None:
    data = signed(installer)
    installer.write_bytes(installer.read_bytes()[:-1] + b"!")
    with pytest.raises(UpdateSignatureError) as caught:
        sig.verify(data, installer, TRUSTED)
    assert "SHA-256" in caught.value.vi and "đã bị thay đổi" in caught.value.vi
    assert "changed after signing" in caught.value.en
    with pytest.raises(UpdateSignatureError) as caught:
        sig.verify(edited(data, version=7), installer, TRUSTED)
    assert "7" in caught.value.vi and "format version 7" in caught.value.en


def test_versions_compare_number_by_number() -> None:
    assert sig.compare_versions("1.10", "1.9") == 1
    assert sig.compare_versions("0.2.0", "0.10.0") == -1
    assert sig.compare_versions("1.2", "1.2.0") == 0
    assert sig.compare_versions("2", "1.99.99") == 1
    assert sig.parse_version("0.1.0") == (0, 1, 0)
    for bad in ("", "1.", ".1", "1..2", "v1.2", "1.2.3.4.5", "01", "1.2-rc1", " 1.2"):
        with pytest.raises(ValueError):
            sig.parse_version(bad)


def test_signing_refuses_what_it_cannot_stand_behind(tmp_path: Path) -> None:
    empty = tmp_path / "empty.exe"
    empty.write_bytes(b"")
    with pytest.raises(ValueError):
        sig.sign(OFFICE, empty, "0.2.0", "DUK", "x")
    other = tmp_path / "a.exe"
    other.write_bytes(b"MZ")
    with pytest.raises(ValueError):
        sig.sign(OFFICE, other, "latest", "DUK", "x")
