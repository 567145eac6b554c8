"""The audit log: every change, with who, when, before, after and why."""

from __future__ import annotations

import getpass
import json
from datetime import UTC, datetime
from typing import Any

from dvdesk.db.models import AuditEntry
from dvdesk.db.tracking import record_dict


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts; the log still needs a name
        return "unknown"


def snapshot(obj: Any) -> dict[str, Any]:
    return record_dict(obj)


def log(
    session: Any,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> None:
    session.add(
        AuditEntry(
            at=datetime.now(UTC).replace(tzinfo=None),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=json.dumps(before, ensure_ascii=False, sort_keys=True) if before else "",
            after=json.dumps(after, ensure_ascii=False, sort_keys=True) if after else "",
            reason=reason,
        )
    )
