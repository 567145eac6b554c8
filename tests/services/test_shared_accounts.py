"""Accounts in the office's shared database: several desks sign in to one PostgreSQL database,
each with their own account, and the audit log names the account and the desk."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from dvdesk.db.models import Account, AuditEntry
from dvdesk.domain.accounts import Role
from dvdesk.services import accounts
from dvdesk.services.errors import UserError
from dvdesk.services.setup import SERVER_FILE, init_unit, open_data_dir
from pg_cluster import find_bin

pytestmark = [
    pytest.mark.skipif(find_bin() is None, reason="PostgreSQL is not installed"),
    pytest.mark.own_server,
]

ADMIN_PASSWORD = "mật khẩu quản trị"


@pytest.fixture
def desks(pg_server: Any, tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """Two desks' data folders naming one database on the server."""
    with pg_server.admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS shared_accounts WITH (FORCE)")
        conn.exec_driver_sql("CREATE DATABASE shared_accounts")
    folders = (tmp_path / "desk1", tmp_path / "desk2")
    for folder in folders:
        folder.mkdir()
        (folder / SERVER_FILE).write_text(pg_server.url("shared_accounts"), encoding="utf-8")
    yield folders


def test_desks_share_the_accounts_and_the_log_names_account_and_desk(
    desks: tuple[Path, Path],
) -> None:
    one, two = desks
    assert not accounts.protected(one)
    made = accounts.set_up(one, "quantri", "Nguyễn Văn Quản", ADMIN_PASSWORD, open_data_dir)
    db1 = made.db
    try:
        assert made.recovery_key == "" and db1.on_server
        assert not (one / accounts.VAULT_FILE).exists()
        init_unit(db1, "BTC", "Ban Tổ chức Đảng ủy Khối", "office")
        accounts.add_account(
            db1, "chuyenvien", "Lê Thị Chuyên", Role.EDITOR, "mật khẩu chuyên viên"
        )
        with pytest.raises(UserError):
            accounts.renew_recovery_key(db1)
        # The second desk sees the accounts made at the first.
        assert accounts.protected(two)
        with pytest.raises(UserError) as caught:
            accounts.sign_in(two, "chuyenvien", "sai mật khẩu", open_data_dir)
        assert caught.value.field == "password"
        db2 = accounts.sign_in(two, "chuyenvien", "mật khẩu chuyên viên", open_data_dir)
        try:
            assert db2.account.role is Role.EDITOR
            with pytest.raises(UserError):
                accounts.add_account(db2, "khac", "", Role.VIEWER, "mật khẩu người khác")
            with pytest.raises(UserError) as caught:
                accounts.change_password(db2, "sai mật khẩu", "mật khẩu mới dài")
            assert caught.value.field == "old"
            accounts.change_password(db2, "mật khẩu chuyên viên", "mật khẩu mới dài")
            assert accounts.check_password(db2, "mật khẩu mới dài")
            assert not accounts.check_password(db2, "mật khẩu chuyên viên")
        finally:
            db2.close()
        # Disabled: cannot sign in any more, even with the right password.
        accounts.disable(db1, "chuyenvien")
        with pytest.raises(UserError):
            accounts.sign_in(two, "chuyenvien", "mật khẩu mới dài", open_data_dir)
        accounts.reset_password(db1, "chuyenvien", "mật khẩu đặt lại")
        accounts.sign_in(two, "chuyenvien", "mật khẩu đặt lại", open_data_dir).close()
        with db1.reader() as session:
            stored = session.scalars(select(Account.password_hash)).all()
            assert all(h and h.startswith("argon2id$") for h in stored)
            entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        signed = [(e.actor, e.desk) for e in entries if e.action == "sign_in"]
        assert ("chuyenvien", socket.gethostname()[:80]) in signed
        assert {e.actor for e in entries} >= {"quantri", "chuyenvien"}
        assert all(e.desk == socket.gethostname()[:80] for e in entries)
    finally:
        db1.close()


def test_a_second_first_administrator_is_refused(desks: tuple[Path, Path]) -> None:
    one, two = desks
    accounts.set_up(one, "quantri", "", ADMIN_PASSWORD, open_data_dir).db.close()
    with pytest.raises(UserError, match="already has accounts"):
        accounts.set_up(two, "quantri2", "", ADMIN_PASSWORD, open_data_dir)


def test_every_administrator_locked_out_of_the_server_is_rescued_from_the_command_line(
    desks: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_cli import run

    one, two = desks
    accounts.set_up(one, "quantri", "", ADMIN_PASSWORD, open_data_dir).db.close()
    monkeypatch.setenv("DVDESK_NEW_PASSWORD", "mật khẩu mới của quản trị")
    code, out, err = run(capsys, "--data-dir", str(two), "account", "recover", "quantri")
    assert code == 0, err
    assert "quantri" in out
    with pytest.raises(UserError):
        accounts.sign_in(one, "quantri", ADMIN_PASSWORD, open_data_dir)
    db = accounts.sign_in(one, "quantri", "mật khẩu mới của quản trị", open_data_dir)
    try:
        with db.reader() as session:
            recovered = session.scalars(
                select(AuditEntry).where(AuditEntry.action == "recovery")
            ).all()
        assert [(e.actor, e.desk) for e in recovered] == [("quantri", socket.gethostname()[:80])]
    finally:
        db.close()
