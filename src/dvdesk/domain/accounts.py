"""Accounts and roles: who may do what on a dvdesk computer.

Three roles, each a superset of the one below:
- viewer: looks at lists, dossiers and reports on screen; changes nothing, and nothing with
  personal data leaves the program through them (no print, no export, no backup to a file);
- editor: the secretary's daily work: changes, prints, exports, bundles, backups;
- administrator: all that, plus accounts, restoring a backup, and the recovery key.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    VIEWER = "viewer"


class Permission(StrEnum):
    VIEW = "view"
    EDIT = "edit"  # change anything in the database
    EXPORT = "export"  # print or write personal data to a file (PDF, spreadsheet, bundle, backup)
    MANAGE = "manage"  # accounts, restore from a backup, recovery


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset({Permission.VIEW}),
    Role.EDITOR: frozenset({Permission.VIEW, Permission.EDIT, Permission.EXPORT}),
    Role.ADMIN: frozenset(Permission),
}

ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.ADMIN: ("Quản trị", "Administrator"),
    Role.EDITOR: ("Cập nhật", "Editor"),
    Role.VIEWER: ("Chỉ xem", "Viewer"),
}

PERMISSION_WORDS: dict[Permission, tuple[str, str]] = {
    Permission.VIEW: ("xem dữ liệu", "view the data"),
    Permission.EDIT: ("thay đổi dữ liệu", "change the data"),
    Permission.EXPORT: (
        "in hoặc xuất dữ liệu cá nhân ra tệp",
        "print or export personal data to a file",
    ),
    Permission.MANAGE: (
        "quản lý tài khoản và khôi phục dữ liệu",
        "manage accounts and restore data",
    ),
}

NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{1,31}")


def can(role: Role | str, permission: Permission) -> bool:
    try:
        return permission in GRANTS[Role(role)]
    except ValueError:  # an unknown role (a newer program's) may do nothing
        return False


def normal_name(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().casefold()


def name_problem(name: str) -> tuple[str, str] | None:
    """Why `name` cannot be an account name (vi, en), or None. Plain letters, so it can be
    typed on any keyboard layout: 2–32 of a–z, 0–9, '.', '_', '-', starting with a letter or
    digit."""
    if NAME_PATTERN.fullmatch(normal_name(name)):
        return None
    return (
        "Tên tài khoản cần 2–32 ký tự: chữ không dấu a–z, số 0–9, dấu chấm, gạch dưới hoặc "
        "gạch ngang, bắt đầu bằng chữ hoặc số.",
        "An account name needs 2–32 characters: letters a–z without accents, digits 0–9, dot, "
        "underscore or hyphen, starting with a letter or digit.",
    )


def last_admin_problem(active_admins: int, losing: bool) -> tuple[str, str] | None:
    """Refuse a change that would leave no active administrator: nobody could then manage
    accounts without the recovery key."""
    if losing and active_admins <= 1:
        return (
            "Không thể bỏ quyền hoặc khóa người quản trị cuối cùng: hãy tạo một tài khoản quản "
            "trị khác trước.",
            "The last administrator cannot lose the role or be disabled: make another "
            "administrator first.",
        )
    return None
