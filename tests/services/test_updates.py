"""An update installer on the stick: the office signs it, a chi bộ checks it against the
office's confirmed key and runs only its own verified copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dvdesk
from dvdesk.domain.accounts import Role
from dvdesk.services import accounts, audit, exchange, updates
from dvdesk.services.errors import UserError
from dvdesk.services.setup import init_unit, open_data_dir
from dvdesk.sync import keys
from dvdesk.sync import update_signature as sig
from exchange_world import CELL_PASS, OFFICE_PASS, World

NEXT = "0.2.0"


@pytest.fixture
def stick(world: World) -> Path:
    return world.folder


@pytest.fixture
def copies(tmp_path: Path) -> Path:
    folder = tmp_path / "private"
    folder.mkdir()
    return folder


def make_installer(folder: Path, version: str = NEXT, salt: bytes = b"") -> Path:
    path = folder / f"dvdesk-{version}-setup.exe"
    # A few megabytes: copied and hashed in several chunks.
    path.write_bytes(b"MZ" + salt + bytes(range(256)) * 12_000)
    return path


def signed_installer(world: World, version: str = NEXT) -> Path:
    installer = make_installer(world.folder, version)
    updates.sign_installer(world.office, installer, version, OFFICE_PASS, actor="test")
    return installer


def refusal(world: World, installer: Path, copies: Path, running: str | None = None) -> UserError:
    before = set(copies.iterdir())
    with pytest.raises(UserError) as caught:
        updates.check_installer(world.cell, installer, workdir=copies, running_version=running)
    assert caught.value.vi and caught.value.en
    assert set(copies.iterdir()) == before  # nothing of a refused file is left to run
    return caught.value


def test_the_office_signs_and_the_cell_runs_its_verified_copy(world: World, copies: Path) -> None:
    installer = make_installer(world.folder)
    out = updates.sign_installer(world.office, installer, NEXT, OFFICE_PASS, actor="test")
    assert out == world.folder / "dvdesk-0.2.0-setup.exe.dvsig"
    assert json.loads(out.read_bytes())["program_version"] == NEXT

    seen: list[tuple[int, int]] = []
    done = updates.check_installer(
        world.cell, installer, workdir=copies, progress=lambda a, b: seen.append((a, b))
    )
    office_key = exchange.own_key(world.office)
    assert office_key is not None
    assert done.version == NEXT and done.running_version == dvdesk.__version__
    assert (done.signer_code, done.signer_name) == ("DUK", "Ban Tổ chức Đảng ủy Khối")
    assert done.fingerprint == office_key.fingerprint
    assert done.sign_key_id == office_key.sign_key_id
    assert done.size == installer.stat().st_size and done.file_name == installer.name
    assert done.signed_at.tzinfo is None
    # The copy to run is in a private folder, not on the stick, and is the same bytes.
    assert done.copy.parent.parent == copies and done.copy.name == installer.name
    assert done.copy.read_bytes() == installer.read_bytes()
    assert seen[-1] == (done.size, done.size) and len(seen) > 1

    [signing] = audit.entries(world.office, action="sign_update")
    assert signing.entity_id == NEXT and signing.after["sha256"] == done.sha256
    [checking] = audit.entries(world.cell, action="verify_update")
    assert checking.entity_id == NEXT and checking.after["sign_key_id"] == done.sign_key_id


def test_the_installer_swapped_on_the_stick_after_the_check_changes_nothing_run(
    world: World, copies: Path
) -> None:
    installer = signed_installer(world)
    genuine = installer.read_bytes()
    done = updates.check_installer(world.cell, installer, workdir=copies)
    installer.write_bytes(b"MZ evil" + bytes(len(genuine) - 7))  # same size, other bytes
    assert done.copy.read_bytes() == genuine
    sig.verify(sig.signature_path(installer).read_bytes(), done.copy, [_office_public(world)])
    # And the swapped file itself is refused.
    assert refusal(world, installer, copies).field == "installer"


def _office_public(world: World) -> bytes:
    with world.office.reader() as session:
        row = exchange._active_key(session, world.office_id)
        assert row is not None
        return bytes.fromhex(row.sign_public)


def test_one_flipped_byte_is_refused_naming_the_installer(world: World, copies: Path) -> None:
    installer = signed_installer(world)
    content = bytearray(installer.read_bytes())
    content[1_000_000] ^= 0x20
    installer.write_bytes(bytes(content))
    error = refusal(world, installer, copies)
    assert error.field == "installer"
    assert installer.name in error.vi and "SHA-256" in error.vi
    assert installer.name in error.en


def test_a_tampered_signature_file_is_refused(world: World, copies: Path) -> None:
    installer = signed_installer(world)
    path = sig.signature_path(installer)
    doc = json.loads(path.read_bytes())
    doc["program_version"] = "9.9.9"
    path.write_bytes(keys.canonical_json(doc))
    error = refusal(world, installer, copies)
    assert error.field == "signature" and path.name in error.vi
    assert "Chữ ký không hợp lệ" in error.vi
    path.write_bytes(b"not json at all")
    assert "không phải tệp chữ ký" in refusal(world, installer, copies).vi


def test_no_signature_file_is_refused(world: World, copies: Path) -> None:
    installer = make_installer(world.folder)
    error = refusal(world, installer, copies)
    assert error.field == "signature"
    assert installer.name + ".dvsig" in error.vi and "Only an update signed" in error.en


def test_a_signature_by_another_office_is_refused(
    world: World, copies: Path, tmp_path: Path
) -> None:
    other = open_data_dir(tmp_path / "other-office")
    try:
        init_unit(other, "DUK2", "Ban Tổ chức khác", "office", actor="test")
        exchange.init_keys(other, "mật khẩu của kẻ khác")
        installer = make_installer(world.folder)
        updates.sign_installer(other, installer, NEXT, "mật khẩu của kẻ khác")
    finally:
        other.close()
    error = refusal(world, installer, copies)
    assert error.field == "signature"
    assert "Ban Tổ chức khác" in error.vi and "Ban Tổ chức Đảng ủy Khối" in error.vi


def test_a_signature_by_the_cells_own_key_is_refused(world: World, copies: Path) -> None:
    installer = make_installer(world.folder)
    with world.cell.reader() as session:
        row = exchange._active_key(session, world.cell_id)
        assert row is not None
        pair = keys.unlock(row.protected, CELL_PASS)
    data = sig.sign(pair.sign, installer, NEXT, "CB01", "Chi bộ Văn phòng")
    sig.signature_path(installer).write_bytes(data)
    assert refusal(world, installer, copies).field == "signature"


def test_an_unconfirmed_office_key_is_not_trusted(
    world: World, copies: Path, tmp_path: Path
) -> None:
    installer = signed_installer(world)
    cell = open_data_dir(tmp_path / "new-cell")
    try:
        init_unit(cell, "CB02", "Chi bộ Kho bạc", "cell", "Đảng ủy Khối", actor="test")
        with pytest.raises(UserError) as caught:
            updates.check_installer(cell, installer, workdir=copies)
        assert caught.value.field == "keys"  # no key of the office at all
        exchange.import_peer_key(cell, exchange.export_public_key(world.office))
        with pytest.raises(UserError) as caught:
            updates.check_installer(cell, installer, workdir=copies)
        assert caught.value.field == "keys" and "xác nhận" in caught.value.vi
        office = exchange.peers(cell)[0]
        exchange.confirm_peer_key(cell, office.unit_id, office.fingerprint)
        assert updates.check_installer(cell, installer, workdir=copies).version == NEXT
    finally:
        cell.close()


def test_a_signature_by_a_revoked_key_is_refused(world: World, copies: Path) -> None:
    installer = signed_installer(world)  # with the office's first key
    exchange.init_keys(world.office, OFFICE_PASS, rotate=True, old_passphrase=OFFICE_PASS)
    exchange.import_peer_key(world.cell, exchange.export_public_key(world.office))
    error = refusal(world, installer, copies)
    assert error.field == "signature" and "khóa cũ" in error.vi
    # The office itself no longer takes its replaced key either.
    with pytest.raises(UserError) as caught:
        updates.check_installer(world.office, installer, workdir=copies)
    assert "old key" in caught.value.en


def test_the_same_or_an_older_version_is_refused(world: World, copies: Path) -> None:
    installer = signed_installer(world, "0.1.0")
    error = refusal(world, installer, copies, "0.1.0")
    assert error.field == "version" and "đúng phiên bản đang chạy" in error.vi
    installer = signed_installer(world, "0.9.0")
    error = refusal(world, installer, copies, "0.10.0")
    assert error.field == "version" and "cũ hơn" in error.vi and "0.10.0" in error.vi
    # Numbers, not text: 0.10.0 is newer than 0.9.0.
    installer = signed_installer(world, "0.10.0")
    done = updates.check_installer(world.cell, installer, workdir=copies, running_version="0.9.0")
    assert done.version == "0.10.0"


def test_the_running_version_is_the_programs(world: World, copies: Path) -> None:
    installer = signed_installer(world, dvdesk.__version__)
    assert refusal(world, installer, copies).field == "version"


def test_only_the_office_signs(world: World) -> None:
    installer = make_installer(world.folder)
    with pytest.raises(UserError) as caught:
        updates.sign_installer(world.cell, installer, NEXT, CELL_PASS)
    assert caught.value.field == "role" and "Chỉ cơ quan cấp trên" in caught.value.vi
    assert not sig.signature_path(installer).exists()


def test_signing_checks_the_version_the_file_and_the_passphrase(world: World) -> None:
    installer = make_installer(world.folder)
    for version, field in (("mới nhất", "version"), ("1.2-beta", "version")):
        with pytest.raises(UserError) as caught:
            updates.sign_installer(world.office, installer, version, OFFICE_PASS)
        assert caught.value.field == field
    with pytest.raises(UserError) as caught:
        updates.sign_installer(world.office, installer, NEXT, "sai mật khẩu")
    assert caught.value.field == "passphrase"
    with pytest.raises(UserError) as caught:
        updates.sign_installer(world.office, world.folder / "missing.exe", NEXT, OFFICE_PASS)
    assert caught.value.field == "installer"
    assert not sig.signature_path(installer).exists()


def test_the_office_checks_an_installer_it_signed(world: World, copies: Path) -> None:
    installer = signed_installer(world)
    done = updates.check_installer(world.office, installer, workdir=copies)
    assert done.signer_code == "DUK" and done.version == NEXT
    # Its signature file chosen in place of the installer leads to the installer.
    done = updates.check_installer(world.office, sig.signature_path(installer), workdir=copies)
    assert done.file_name == installer.name


def test_a_viewer_or_an_editor_may_not_install(world: World, copies: Path) -> None:
    installer = signed_installer(world)
    for role in (Role.VIEWER, Role.EDITOR):
        accounts.attach(world.cell, accounts.SignedIn("ai", "Ai Đó", role))
        with pytest.raises(UserError) as caught:
            updates.check_installer(world.cell, installer, workdir=copies)
        assert caught.value.field == "role"
    accounts.attach(world.cell, accounts.SignedIn("quantri", "Quản Trị", Role.ADMIN))
    assert updates.check_installer(world.cell, installer, workdir=copies).version == NEXT
