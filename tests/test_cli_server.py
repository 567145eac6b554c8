"""`dvdesk --db URL`: an office desk's data folder is pointed at the shared database, which is
reached first, kept without its password, and used by every command after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dvdesk.services.setup import SERVER_FILE, install_info, open_data_dir
from pg_cluster import find_bin
from test_cli import run

pytestmark = [
    pytest.mark.skipif(find_bin() is None, reason="PostgreSQL is not installed"),
    pytest.mark.own_server,
]


def test_a_desk_is_pointed_at_the_server_and_back(
    pg_server: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pg_server.admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS cli_shared WITH (FORCE)")
        conn.exec_driver_sql("CREATE DATABASE cli_shared")
    desk = tmp_path / "desk"
    url = pg_server.url("cli_shared").replace("dvdesk@", "dvdesk:bí-mật@")
    code, out, err = run(
        capsys, "--data-dir", str(desk), "--db", url,
        "init", "--unit-code", "BTC", "--unit-name", "Ban Tổ chức", "--role", "office",
    )  # fmt: skip
    assert code == 0, err
    kept = (desk / SERVER_FILE).read_text(encoding="utf-8").strip()
    assert kept == pg_server.url("cli_shared") and "bí-mật" not in out + kept
    db = open_data_dir(desk)
    try:
        assert db.on_server
        info = install_info(db)
        assert info is not None and info.unit_code == "BTC"
    finally:
        db.close()
    code, _, err = run(capsys, "--data-dir", str(desk), "--db", "mysql://x@y/z", "people", "list")
    assert code != 0 and "mysql://x@y/z" in err and "Traceback" not in err
    assert (desk / SERVER_FILE).exists()  # a wrong address changes nothing
    unreachable = "postgresql+psycopg://dvdesk@127.0.0.1:1/none?connect_timeout=2"
    code, _, err = run(capsys, "--data-dir", str(desk), "--db", unreachable, "people", "list")
    assert code != 0 and "127.0.0.1:1" in err
    assert (desk / SERVER_FILE).read_text(encoding="utf-8").strip() == kept
    code, out, _ = run(capsys, "--data-dir", str(desk), "--db", "file", "people", "list")
    assert code == 0 and not (desk / SERVER_FILE).exists()


def test_the_check_of_a_server_desk_reads_the_server(
    pg_server: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pg_server.admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS cli_verify WITH (FORCE)")
        conn.exec_driver_sql("CREATE DATABASE cli_verify")
    desk = tmp_path / "desk"
    code, _, err = run(capsys, "--data-dir", str(desk), "--db", pg_server.url("cli_verify"),
                       "verify", "--json")  # fmt: skip
    assert code == 0, err
