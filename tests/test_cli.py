"""The command line as a script would use it: exit codes, JSON shapes, plain-word errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dvdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    d = tmp_path / "data"
    code, _, err = run(
        capsys,
        "--data-dir",
        str(d),
        "init",
        "--unit-code",
        "CB01",
        "--unit-name",
        "Chi bộ Văn phòng",
        "--role",
        "cell",
        "--parent-name",
        "Đảng ủy Khối",
    )
    assert code == 0, err
    return d


def test_init_takes_the_term_and_the_board_as_the_wizard_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(tmp_path / "full")
    base = ["--data-dir", d, "init", "--unit-code", "CB07", "--unit-name", "Chi bộ Sở Tư pháp"]
    base += ["--role", "cell", "--parent-name", "Đảng ủy Khối các cơ quan tỉnh"]
    code, _, err = run(capsys, *base, "--term-start", "31/02/2025")
    assert code != 0 and "31/02/2025" in err and "Traceback" not in err
    code, out, err = run(
        capsys, *base, "--term-start", "16/06/2025", "--place", "Hà Tĩnh", "--json"
    )
    assert code == 0, err
    shown = json.loads(out)
    assert (
        shown["board_name"] == "Ban Tổ chức Đảng ủy Khối các cơ quan tỉnh"
        and shown["unit_code"] == "CB07"
    )
    from dvdesk.services.print_settings import print_settings
    from dvdesk.services.setup import open_data_dir

    db = open_data_dir(Path(d))
    try:
        assert print_settings(db).place == "Hà Tĩnh"
    finally:
        db.close()


def test_init_twice_is_refused_in_plain_words(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys,
        "--data-dir",
        str(data_dir),
        "init",
        "--unit-code",
        "CB02",
        "--unit-name",
        "Khác",
        "--role",
        "cell",
    )
    assert code != 0
    assert "đã được khởi tạo" in err
    assert "Traceback" not in err and out == ""


def test_workdays_add_over_tet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Tết Bính Ngọ: 14-22/02/2026 are days off (weekend + holidays), so the 5th working day
    # after Friday 13/02/2026 is Friday 27/02/2026 (23, 24, 25, 26, 27).
    code, out, _ = run(
        capsys, "--data-dir", str(tmp_path), "workdays", "add", "2026-02-13", "5", "--json"
    )
    assert code == 0
    assert json.loads(out)["result"] == "2026-02-27"


def test_workdays_rejects_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "workdays", "add", "2026-13-01", "3")
    assert code == 2 and "2026-13-01" in err
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "workdays", "add", "2026-01-05", "0")
    assert code == 2 and "N must be" in err


def test_check_unknown_person(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--data-dir", str(data_dir), "check", "KHONG-CO")
    assert code == 1
    assert "KHONG-CO" in err and "Traceback" not in err


def test_demo_then_deadlines_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = str(tmp_path / "demo")
    code, _, err = run(capsys, "--data-dir", d, "demo", "--units", "3", "--people", "120")
    assert code == 0, err
    code, out, _ = run(capsys, "--data-dir", d, "deadlines", "--within", "30", "--json")
    assert code == 0
    report = json.loads(out)
    statuses = {i["status"] for i in report["items"]}
    assert statuses == {"due", "overdue"}
    dues = [i["due"] for i in report["items"]]
    assert dues == sorted(dues)
    for item in report["items"]:
        assert set(item) == {"person", "name", "kind", "due", "status", "days_left"}
        assert (item["status"] == "overdue") == (item["days_left"] < 0)

    code, out, _ = run(capsys, "--data-dir", d, "people", "list", "--json")
    people = json.loads(out)["people"]
    assert len(people) == 120
    code, out, _ = run(capsys, "--data-dir", d, "check", people[0]["code"], "--json")
    assert code == 0
    result = json.loads(out)
    assert set(result) == {"person", "stage", "stage_label", "findings"}
    for f in result["findings"]:
        assert {"code", "severity", "message", "basis"} <= set(f)


def test_people_list_search_ignores_diacritics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(tmp_path / "demo")
    run(capsys, "--data-dir", d, "demo", "--units", "2", "--people", "60")
    _, out, _ = run(capsys, "--data-dir", d, "people", "list", "--search", "nguyen", "--json")
    found = json.loads(out)["people"]
    assert found and all("Nguyễn" in p["full_name"] or "nguyen" in p["code"].lower() for p in found)


def test_console_script_runs_without_a_window(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "dvdesk.cli",
            "--lang",
            "en",
            "--data-dir",
            str(tmp_path),
            "workdays",
            "add",
            "2026-04-29",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # 30/04 and 01/05 are holidays, 02-03/05 a weekend: the next working day is Monday 04/05.
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "2026-05-04"


def test_override_moves_deadlines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = str(tmp_path)
    _, out, _ = run(capsys, "--data-dir", d, "workdays", "add", "2026-03-06", "1", "--json")
    assert json.loads(out)["result"] == "2026-03-09"  # Friday -> Monday
    code, _, err = run(capsys, "--data-dir", d, "workdays", "set", "2026-03-07", "working")
    assert code == 0, err
    _, out, _ = run(capsys, "--data-dir", d, "workdays", "add", "2026-03-06", "1", "--json")
    assert json.loads(out)["result"] == "2026-03-07"  # the Saturday now counts
    _, out, _ = run(capsys, "--data-dir", d, "workdays", "list", "--json")
    assert json.loads(out)["overrides"][0]["day"] == "2026-03-07"
    run(capsys, "--data-dir", d, "workdays", "set", "2026-03-07", "default")
    _, out, _ = run(capsys, "--data-dir", d, "workdays", "add", "2026-03-06", "1", "--json")
    assert json.loads(out)["result"] == "2026-03-09"


def test_print_and_report_commands_write_what_the_window_would(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pdf_text import pdf_text

    d = str(tmp_path / "demo")
    assert run(capsys, "--data-dir", d, "demo", "--units", "2", "--people", "80")[0] == 0
    code, out, err = run(
        capsys, "--data-dir", d, "people", "list", "--stage", "probation", "--json"
    )
    assert code == 0, err
    person = json.loads(out)["people"][0]
    pdf = tmp_path / "9.pdf"
    code, out, err = run(
        capsys,
        "--data-dir",
        d,
        "print",
        "9-KNĐ",
        "--person",
        person["id"],
        "--out",
        str(pdf),
        "--json",
    )
    assert code == 0, err
    printed = json.loads(out)
    assert printed["form"] == "9-KNĐ" and printed["number"].endswith("-QĐ/ĐU")
    text = pdf_text(pdf.read_bytes())
    assert person["full_name"] in text and f"Số {printed['number']}" in text
    code, out, _ = run(capsys, "--data-dir", d, "register", "--json")
    assert [doc["form_code"] for doc in json.loads(out)["documents"]] == ["9-KNĐ"]

    code, _, err = run(
        capsys,
        "--data-dir",
        d,
        "print",
        "6-KNĐ",
        "--person",
        person["id"],
        "--out",
        str(tmp_path / "x.pdf"),
        "--set",
        "nonsense=1",
    )
    assert code == 2 and "nonsense" in err

    year = str(json.loads(run(capsys, "--data-dir", d, "report", "plan", "--json")[1])["year"])
    xlsx, bc = tmp_path / "bc.xlsx", tmp_path / "bc.pdf"
    code, out, err = run(
        capsys,
        "--data-dir",
        d,
        "report",
        "year",
        "--year",
        year,
        "--xlsx",
        str(xlsx),
        "--pdf",
        str(bc),
        "--json",
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["target"] == 200 and xlsx.exists()
    assert f"đã kết nạp {report['admitted']} đảng viên" in pdf_text(bc.read_bytes())
    code, _, err = run(capsys, "--data-dir", d, "report", "plan", "--xlsx", str(xlsx))
    assert code == 2 and "--xlsx" in err


def test_keys_export_and_import_between_a_cell_and_its_office(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cell, office = str(tmp_path / "cell"), str(tmp_path / "office")
    assert (
        run(
            capsys,
            "--data-dir",
            cell,
            "init",
            "--unit-code",
            "CB01",
            "--unit-name",
            "Chi bộ Văn phòng",
            "--role",
            "cell",
        )[0]
        == 0
    )
    assert (
        run(
            capsys,
            "--data-dir",
            office,
            "init",
            "--unit-code",
            "DUK",
            "--unit-name",
            "Ban Tổ chức Đảng ủy Khối",
            "--role",
            "office",
        )[0]
        == 0
    )
    assert run(capsys, "--data-dir", cell, "demo", "--people", "12")[0] == 0

    code, _, err = run(capsys, "--data-dir", cell, "keys", "init")
    assert code == 2 and "passphrase" in err  # no terminal, no variable, no file
    monkeypatch.setenv("DVDESK_PASSPHRASE", "mật khẩu thử nghiệm")
    code, out, err = run(capsys, "--data-dir", cell, "keys", "init", "--json")
    assert code == 0, err
    cell_fingerprint = json.loads(out)["fingerprint"]
    secret = tmp_path / "office-pass.txt"
    secret.write_text("một mật khẩu khác\n", encoding="utf-8")
    assert (
        run(capsys, "--data-dir", office, "keys", "init", "--passphrase-file", str(secret))[0] == 0
    )

    cell_key, office_key = tmp_path / "cell.key", tmp_path / "office.key"
    assert run(capsys, "--data-dir", cell, "keys", "export", "--out", str(cell_key))[0] == 0
    assert run(capsys, "--data-dir", office, "keys", "export", "--out", str(office_key))[0] == 0
    code, out, err = run(
        capsys,
        "--data-dir",
        office,
        "keys",
        "import",
        str(cell_key),
        "--confirm",
        cell_fingerprint,
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["confirmed"] is True
    code, _, err = run(
        capsys, "--data-dir", cell, "keys", "import", str(office_key), "--confirm", "AAAA BBBB"
    )
    assert code == 1 and "vân tay" in err  # pinned, but a mismatching fingerprint is refused

    bundle = tmp_path / "CB01-DUK-1.dvb"
    code, out, err = run(
        capsys, "--data-dir", cell, "export", "--to", "DUK", "--out", str(bundle), "--json"
    )
    assert code == 0, err
    assert json.loads(out)["seq"] == 1
    code, out, err = run(
        capsys,
        "--data-dir",
        office,
        "import",
        str(tmp_path),
        "--json",
        "--passphrase-file",
        str(secret),
    )
    assert code == 0, err
    [result] = json.loads(out)["results"]
    assert result["status"] == "imported" and result["new"] > 12
    code, out, _ = run(
        capsys, "--data-dir", office, "import", str(bundle), "--passphrase-file", str(secret)
    )
    assert code == 0 and "already" in out

    broken = tmp_path / "broken.dvb"
    broken.write_bytes(bundle.read_bytes()[:-40])
    code, _, err = run(
        capsys, "--data-dir", office, "import", str(broken), "--passphrase-file", str(secret)
    )
    assert code == 1 and "broken.dvb" in err and "cắt cụt" in err

    # What the cell did came up with its file, and the office can read it.
    code, out, err = run(capsys, "--data-dir", office, "audit", "--unit", "CB01", "--json")
    assert code == 0, err
    actions = {e["action"] for e in json.loads(out)["entries"]}
    assert {"init", "demo", "init_keys"} <= actions
    code, out, _ = run(capsys, "--data-dir", office, "audit")
    assert code == 0 and "CB01" in out and "init_keys" in out


def test_targets_rank_the_units_and_propose_a_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office = str(tmp_path / "office")
    code, _, err = run(
        capsys, "--data-dir", office, "demo", "--units", "3", "--people", "300", "--seed", "2"
    )
    assert code == 0, err
    code, out, err = run(capsys, "--data-dir", office, "targets", "--json")
    assert code == 0, err
    view = json.loads(out)
    assert view["target"] == 200 and view["given"] == 200  # the demo shares the 200 out
    ranks = [u["rank"] for u in view["units"]]
    assert len(ranks) == 3 and ranks == sorted(ranks) and ranks[0] == 1
    code, out, err = run(capsys, "--data-dir", office, "targets", "--share", "10", "--json")
    assert code == 0, err
    assert sum(json.loads(out)["shares"].values()) == 10
    code, out, _ = run(capsys, "--data-dir", office, "targets")
    assert code == 0 and "  1. " in out and "kết nạp" in out
    code, _, err = run(capsys, "--data-dir", office, "targets", "--share", "-1")
    assert code != 0 and "âm" in err and "Traceback" not in err


def test_backup_verify_and_restore_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    d = str(tmp_path / "data")
    assert run(capsys, "--data-dir", d, "demo", "--units", "2", "--people", "40")[0] == 0
    code, _, err = run(capsys, "--data-dir", d, "backup")
    assert code == 1 and "khóa" in err  # no keys, nothing to encrypt to
    monkeypatch.setenv("DVDESK_PASSPHRASE", "mật khẩu sao lưu")
    assert run(capsys, "--data-dir", d, "keys", "init")[0] == 0
    out_file = tmp_path / "usb" / "sao-luu.dvbak"
    code, out, err = run(capsys, "--data-dir", d, "backup", "--out", str(out_file), "--json")
    assert code == 0, err
    assert json.loads(out)["reason"] == "manual" and out_file.exists()
    code, out, _ = run(capsys, "--data-dir", d, "verify")
    assert code == 0 and "không có lỗi" in out
    code, out, err = run(capsys, "--data-dir", d, "restore", str(out_file), "--preview")
    assert code == 0, err
    assert "người" in out
    code, out, err = run(capsys, "--data-dir", d, "restore", str(out_file), "--json")
    assert code == 0, err
    restored = json.loads(out)
    assert restored["report"]["ok"] is True and restored["set_aside"]
    code, out, _ = run(capsys, "--data-dir", d, "backup", "--list")
    assert code == 0 and "before-restore" in out
    bad = tmp_path / "hong.dvbak"
    bad.write_bytes(out_file.read_bytes()[:300])
    code, _, err = run(capsys, "--data-dir", d, "restore", str(bad))
    assert code == 1 and "hong.dvbak" in err and "Traceback" not in err


def test_a_damaged_database_is_named_and_recovered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    d = tmp_path / "data"
    assert run(capsys, "--data-dir", str(d), "demo", "--units", "2", "--people", "30")[0] == 0
    monkeypatch.setenv("DVDESK_PASSPHRASE", "mật khẩu khôi phục")
    assert run(capsys, "--data-dir", str(d), "keys", "init")[0] == 0
    assert run(capsys, "--data-dir", str(d), "backup")[0] == 0
    db_file = d / "dvdesk.sqlite3"
    raw = bytearray(db_file.read_bytes())
    raw[4096:8192] = b"\x00" * 4096
    db_file.write_bytes(bytes(raw))
    before = db_file.read_bytes()
    code, _, err = run(capsys, "--data-dir", str(d), "people", "list")
    assert code == 1 and "damaged" in err and "dvdesk recover" in err
    assert db_file.read_bytes() == before  # nothing written to it
    code, out, err = run(capsys, "--data-dir", str(d), "recover")
    assert code == 0, err
    assert "Đã khôi phục" in out and "không có lỗi" in out
    code, out, _ = run(capsys, "--data-dir", str(d), "recover")
    assert code == 0 and "không hỏng" in out


def test_purge_says_when_no_period_is_set_and_the_office_sets_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(tmp_path / "office")
    assert run(capsys, "--data-dir", d, "demo", "--units", "2", "--people", "20")[0] == 0
    code, out, _ = run(capsys, "--data-dir", d, "purge")
    assert code == 0 and "chưa đặt" in out
    code, _, err = run(capsys, "--data-dir", d, "purge", "--set-months", "2")
    assert code == 1 and "12" in err
    code, out, err = run(capsys, "--data-dir", d, "purge", "--set-months", "36", "--json")
    assert code == 0, err
    assert json.loads(out)["period"] == 36


def test_consent_is_printed_recorded_and_withdrawn_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(tmp_path / "data")
    assert run(capsys, "--data-dir", d, "demo", "--units", "1", "--people", "10")[0] == 0
    code, out, _ = run(capsys, "--data-dir", d, "people", "list", "--json")
    code_of_someone = json.loads(out)["people"][0]["code"]
    pdf = tmp_path / "tb.pdf"
    code, out, err = run(
        capsys,
        "--data-dir",
        d,
        "consent",
        code_of_someone,
        "--print",
        str(pdf),
        "--record",
        "--by",
        "Lê Văn Giao",
    )
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF") and "còn hiệu lực" in out
    code, out, _ = run(capsys, "--data-dir", d, "consent", code_of_someone, "--withdraw")
    assert code == 0 and "rút lại" in out
    code, _, err = run(capsys, "--data-dir", d, "consent", code_of_someone, "--withdraw")
    assert code == 2 and "no consent" in err


def test_accounts_from_the_command_line_sign_in_roles_and_recovery(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dvdesk.db.engine import DB_FILE_NAME, forget_key

    base = ["--data-dir", str(data_dir)]
    monkeypatch.setenv("DVDESK_PASSWORD", "quản trị 2026")
    code, out, err = run(capsys, *base, "account", "init", "quantri", "--json")
    assert code == 0, err
    recovery = json.loads(out)["recovery_key"]
    forget_key(data_dir / DB_FILE_NAME)  # as a new process would start
    try:
        code, _, err = run(capsys, *base, "people", "list")
        assert code == 2 and "--user" in err  # no name: told how to sign in
        monkeypatch.setenv("DVDESK_NEW_PASSWORD", "chỉ xem 2026")
        code, _, err = run(
            capsys, *base, "--user", "quantri", "account", "add", "xem", "--role", "viewer"
        )
        assert code == 0, err
        forget_key(data_dir / DB_FILE_NAME)
        monkeypatch.setenv("DVDESK_PASSWORD", "chỉ xem 2026")
        code, out, err = run(capsys, *base, "--user", "xem", "people", "list", "--json")
        assert code == 0, err  # a viewer looks
        code, _, err = run(
            capsys, *base, "--user", "xem", "workdays", "set", "2026-12-05", "working"
        )
        assert code == 1 and "Chỉ xem" in err  # and changes nothing
        code, _, err = run(capsys, *base, "--user", "xem", "account", "list")
        assert code == 1 and "quản lý tài khoản" in err
        code, _, err = run(capsys, *base, "--user", "xem", "verify")
        assert code == 0, err
        forget_key(data_dir / DB_FILE_NAME)
        monkeypatch.setenv("DVDESK_PASSWORD", "không đúng đâu")
        code, _, err = run(capsys, *base, "--user", "quantri", "account", "list")
        assert code == 1 and "Sai tên tài khoản hoặc mật khẩu" in err
        monkeypatch.setenv("DVDESK_NEW_PASSWORD", "mật khẩu mới 2026")
        code, out, err = run(
            capsys, *base, "account", "recover", "quantri", "--recovery-key", recovery
        )
        assert code == 0, err
        forget_key(data_dir / DB_FILE_NAME)
        monkeypatch.setenv("DVDESK_PASSWORD", "mật khẩu mới 2026")
        code, out, err = run(capsys, *base, "--user", "quantri", "account", "list", "--json")
        assert code == 0, err
        roles = {a["name"]: a["role"] for a in json.loads(out)["accounts"]}
        assert roles == {"quantri": "admin", "xem": "viewer"}
    finally:
        forget_key(data_dir / DB_FILE_NAME)
