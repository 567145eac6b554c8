"""Offer each account only what its role may do.

Each window or dialog names, where it builds them, the actions and buttons that change data
(EDIT), take personal data out (EXPORT: print, export, save) or manage accounts (MANAGE), with
one `offer_only_if` call per group, given its Backend (or a Database). The services refuse all
the same (`Database.write_guard`, `audit.log`); this only keeps the window from offering what
would be refused. Before accounts are set up (`db.account` None) everything is offered.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from dvdesk.domain.accounts import Permission

REFUSED = "dvdesk_refused"  # dynamic property: the permission the account lacks


def account_of(source: Any) -> Any:
    """The signed-in account (services.accounts.SignedIn) of a Database or of what holds one
    (a Backend); None before accounts, and for test doubles without a database."""
    if hasattr(source, "account"):
        return source.account
    return getattr(getattr(source, "db", None), "account", None)


def allows(source: Any, permission: Permission) -> bool:
    who = account_of(source)
    return who is None or bool(who.can(permission))


def offer_only_if(source: Any, permission: Permission, *things: QAction | QWidget) -> bool:
    """Take `things` away unless the signed-in account has `permission`; whether it has.

    Hidden rather than disabled: the code around them enables and disables them as the
    selection changes, and would give them back. A hidden action stays disabled, shortcut
    included, whatever is done to it; a hidden button stays out of reach."""
    allowed = allows(source, permission)
    if not allowed:
        for thing in things:
            thing.setVisible(False)
            thing.setProperty(REFUSED, permission.value)
    return allowed


def offered(thing: QAction | QWidget) -> bool:
    """Whether `thing` is offered at all (it may still be disabled for now, like Undo with
    nothing to undo): tests, and menus that would be empty."""
    if thing.property(REFUSED):
        return False
    if isinstance(thing, QAction):
        return thing.isVisible()
    return not thing.isHidden()
