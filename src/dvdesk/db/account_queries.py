"""The accounts table: who may sign in here, with which role."""

from __future__ import annotations

from sqlalchemy import func, select

from dvdesk.db.engine import Session
from dvdesk.db.models import Account


def account(session: Session, name: str) -> Account | None:
    return session.get(Account, name)


def all_accounts(session: Session) -> list[Account]:
    return list(session.scalars(select(Account).order_by(Account.name)))


def active_admins(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(Account).where(Account.role == "admin", Account.active)
        )
        or 0
    )
