"""Acts only the office above may do (it decides, rules, sets targets and periods)."""

from __future__ import annotations

from dvdesk.db import queries
from dvdesk.db.engine import Session
from dvdesk.services.errors import UserError


def require_office(session: Session, vi: str, en: str) -> str:
    """This installation's unit id when it is the office; UserError (field "role") with the
    act's own words otherwise."""
    install = queries.install(session)
    if install is None or install.role != "office":
        raise UserError(vi, en, "role")
    return install.unit_id
