"""`dvdesk update sign` at the office and `dvdesk update verify` at a chi bộ, as a script
would run them: exit codes, what is printed, plain-word refusals."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from dvdesk.cli import main
from exchange_world import OFFICE_PASS, make_world


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, Path]:
    """The chi bộ's and the office's data folders (keys exchanged and confirmed) and a stick
    holding an installer; verified copies go to a temporary folder of this test."""
    world = make_world(tmp_path)
    cell, office = str(world.cell.path.parent), str(world.office.path.parent)
    world.close()
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    installer = world.folder / "dvdesk-0.2.0-setup.exe"
    installer.write_bytes(b"MZ" + bytes(range(256)) * 5000)
    return cell, office, installer


def test_the_office_signs_and_the_cell_verifies(
    folders: tuple[str, str, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    cell, office, installer = folders
    code, _, err = run(capsys, "--data-dir", office, "update", "sign", str(installer))
    assert code == 2 and "--version" in err
    code, _, err = run(
        capsys, "--data-dir", office, "update", "sign", str(installer), "--version", "0.2.0"
    )
    assert code == 2 and "passphrase" in err  # no terminal, no variable, no file
    secret = tmp_path / "office-pass.txt"
    secret.write_text(OFFICE_PASS + "\n", encoding="utf-8")
    code, out, err = run(
        capsys,
        "--data-dir",
        office,
        "update",
        "sign",
        str(installer),
        "--version",
        "0.2.0",
        "--passphrase-file",
        str(secret),
    )
    assert code == 0, err
    assert out.strip() == str(installer) + ".dvsig"

    code, out, err = run(capsys, "--data-dir", cell, "update", "verify", str(installer))
    assert code == 0, err
    assert "Chữ ký hợp lệ: dvdesk 0.2.0" in out and "Ban Tổ chức Đảng ủy Khối (DUK)" in out
    copy = Path(out.rsplit(": ", 1)[1].strip())
    assert copy.read_bytes() == installer.read_bytes() and copy.parent.parent == tmp_path / "tmp"

    code, out, err = run(
        capsys, "--data-dir", cell, "--lang", "en", "update", "verify", str(installer), "--json"
    )
    assert code == 0, err
    done = json.loads(out)
    assert done["version"] == "0.2.0" and done["signer_code"] == "DUK"
    assert len(done["fingerprint"].split()) == 8 and Path(done["copy"]).is_file()

    # The cell may not sign; the message says why, without a traceback.
    monkeypatch.setenv("DVDESK_PASSPHRASE", "mật khẩu chi bộ 1")
    code, out, err = run(
        capsys, "--data-dir", cell, "update", "sign", str(installer), "--version", "0.3.0"
    )
    assert code == 1 and "Chỉ cơ quan cấp trên" in err and "Traceback" not in err


def test_a_changed_installer_is_refused_with_its_name(
    folders: tuple[str, str, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cell, office, installer = folders
    monkeypatch.setenv("DVDESK_PASSPHRASE", OFFICE_PASS)
    code, _, err = run(
        capsys, "--data-dir", office, "update", "sign", str(installer), "--version", "0.2.0"
    )
    assert code == 0, err
    content = bytearray(installer.read_bytes())
    content[-1] ^= 0xFF
    installer.write_bytes(bytes(content))
    code, out, err = run(capsys, "--data-dir", cell, "update", "verify", str(installer))
    assert code == 1 and out == ""
    assert installer.name in err and "SHA-256" in err and "Traceback" not in err
    code, _, err = run(
        capsys, "--data-dir", cell, "--lang", "en", "update", "verify", str(installer)
    )
    assert code == 1 and "changed after signing" in err

    alone = installer.with_name("dvdesk-0.3.0-setup.exe")
    alone.write_bytes(b"MZ")
    code, _, err = run(capsys, "--data-dir", cell, "update", "verify", str(alone))
    assert code == 1 and "dvdesk-0.3.0-setup.exe.dvsig" in err
