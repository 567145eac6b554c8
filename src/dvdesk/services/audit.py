"""The audit log: every change, with who, when, before, after and why; and who viewed a
dossier, printed or exported personal data (Law 91/2025 and Decree 356: reliability.md §4).

Writing: `log` (inside a service's transaction), `record` (an act in its own transaction, e.g.
a file exported), `record_view` (a dossier opened; at most once an hour per person and user,
so scrolling through a list does not flood the log).

Reading: `entries` (filtered, newest first, paged in SQL: db.audit_queries), `actions`,
`actors` and `units` (a filter's choices), `changes` (an entry's before → after per field),
and `export_entries` (a selection as an .xlsx workbook, itself logged as an export).
Times are stored in UTC; `local_time` gives the computer's local time to show.
"""

from __future__ import annotations

import getpass
import json
import re
import socket
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from dvdesk.db import audit_queries as q
from dvdesk.db import secrecy_queries
from dvdesk.db.engine import Database
from dvdesk.db.models import AuditEntry
from dvdesk.db.tracking import record_dict
from dvdesk.domain.accounts import ROLE_LABELS, Permission
from dvdesk.domain.messages import event_label
from dvdesk.domain.privacy import SECRET_MASK
from dvdesk.domain.text import clean, fold
from dvdesk.reports import audit_workbook
from dvdesk.services.errors import NotFoundError, UserError

OWN = q.OWN
UNITS = q.UNITS
PAGE = 500
# A dossier viewed again by the same person within this time is not logged again.
VIEW_EVERY = timedelta(hours=1)
# Pipeline steps are logged as "action:<kind>"; their words come from the event they record.
STEP_PREFIX = "action:"
_STEP_EVENTS = {
    "list_sympathiser": "sympathiser_listed",
    "introducers": "introducer",
    "remove": "removed",
    "strike_off": "struck_off",
}


# Actions that take personal data out of the program.
OUTWARD = frozenset({"print", "export"})


def _check_outward(signed: Any) -> None:
    if signed is None or signed.can(Permission.EXPORT):
        return
    vi_role, en_role = ROLE_LABELS[signed.role]
    raise UserError(
        f"Tài khoản «{signed.name}» ({vi_role}) không được in hoặc xuất dữ liệu cá nhân.",
        f"The account '{signed.name}' ({en_role}) may not print or export personal data.",
        "role",
    )


def require_outward(db: Database) -> None:
    """UserError unless whoever is signed in may print or export personal data: called before
    a file is written, where the log entry only follows it."""
    _check_outward(db.account)


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts; the log still needs a name
        return "unknown"


def current_desk() -> str:
    """This computer's name, as the audit log records where an entry was made."""
    return socket.gethostname()[:80]


def snapshot(obj: Any) -> dict[str, Any]:
    return record_dict(obj)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def log(
    session: Any,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
    at: datetime | None = None,
) -> None:
    """Add one entry to the log in `session`. When accounts are set up the entry names the
    signed-in account, whatever `actor` says; a print or an export by an account that may not
    take personal data out is refused here, so no route can forget to ask."""
    signed = session.info.get("account")
    if signed is not None:
        actor = signed.name
        if action in OUTWARD:
            _check_outward(signed)
    session.add(
        AuditEntry(
            at=at or _now(),
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=json.dumps(before, ensure_ascii=False, sort_keys=True) if before else "",
            after=json.dumps(after, ensure_ascii=False, sort_keys=True) if after else "",
            reason=reason,
            desk=current_desk(),
        )
    )


def record(
    db: Database,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    details: Mapping[str, Any] | None = None,
) -> None:
    """Log one act in its own transaction: a form printed, a file exported. `details` (what,
    which file, how many people) are kept as the entry's "after"."""
    with db.unit_of_work() as session:
        log(
            session,
            actor or current_user(),
            action,
            entity,
            entity_id,
            after=dict(details) if details else None,
        )


def record_view(
    db: Database, person_id: str, actor: str = "", *, now: datetime | None = None
) -> bool:
    """Log that `actor` opened a person's dossier, unless they did within the last hour.
    Returns whether an entry was written. Safe to call from a worker thread."""
    actor = db.account.name if db.account is not None else actor or current_user()
    at = now or _now()

    def seen_lately(session: Any) -> bool:
        last = q.last_view(session, actor, person_id)
        return last is not None and at - last < VIEW_EVERY

    with db.reader() as session:  # the common case, and it takes no lock
        if seen_lately(session):
            return False
    with db.unit_of_work(record_keeping=True) as session:
        if seen_lately(session):  # another window logged it meanwhile
            return False
        log(session, actor, "view", "person", person_id, at=at)
    return True


# --- reading the log ------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    """One field of an entry: its value before and after, as text to show."""

    field: str
    old: str | None  # None: the entry has no "before" (a creation, or the details of an act)
    new: str | None  # None: the entry has no "after" (a deletion)

    def text(self) -> str:
        if self.old is None:
            return f"{self.field}: {self.new or '—'}"
        return f"{self.field}: {self.old or '—'} → {'—' if not self.new else self.new}"


@dataclass(frozen=True)
class AuditRow:
    """One audit entry, ours or sent up by a unit below."""

    entry_id: int  # its number in the log it comes from (ours, or the unit's own)
    at: datetime  # UTC, as stored (`local_time` to show)
    actor: str
    action: str
    entity: str
    entity_id: str
    subject: str  # the person concerned, "Name (code)", or ""
    before: dict[str, Any] = field(hash=False)
    after: dict[str, Any] = field(hash=False)
    reason: str
    unit_code: str = ""  # for an entry of a unit below: the unit's code ("" for our own)
    unit_name: str = ""
    person_id: str = ""  # the person concerned, "" when none
    desk: str = ""  # the computer it was made at ("" for a unit's entries and older ones)


@dataclass(frozen=True)
class UnitChoice:
    id: str
    code: str
    name: str


def local_time(at: datetime) -> datetime:
    """A stored (UTC) time in the computer's local time, without a zone."""
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _parse(text: str) -> dict[str, Any]:
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {"": text}
    return data if isinstance(data, dict) else {"": data}


def _subject(name: str | None, code: str | None) -> str:
    name, code = name or "", code or ""
    if name and code:
        return f"{name} ({code})"
    return name or code


def _row(r: Any) -> AuditRow:
    return AuditRow(
        entry_id=int(r.entry_id),
        at=r.at,
        actor=r.actor,
        action=r.action,
        entity=r.entity,
        entity_id=r.entity_id,
        subject=_subject(r.person_name, r.person_code) if r.person_id else "",
        before=_parse(r.before or ""),
        after=_parse(r.after or ""),
        reason=r.reason or "",
        unit_code=r.unit_code or "",
        unit_name=r.unit_name or "",
        person_id=r.person_id or "",
        desk=r.desk or "",
    )


def _utc_bound(value: date | datetime | None, end: bool) -> datetime | None:
    """A bound as the log stores time. A date is a local calendar day (`until` includes it);
    a datetime with a zone is converted, one without is taken as UTC."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.astimezone(UTC).replace(tzinfo=None)
        return value
    day = value + timedelta(days=1) if end else value
    return datetime.combine(day, time()).astimezone().astimezone(UTC).replace(tzinfo=None)


def _filter(
    session: Any,
    *,
    actor: str | None,
    action: str | None,
    entity: str | None,
    entity_id: str | None,
    since: date | datetime | None,
    until: date | datetime | None,
    text: str | None,
    source: str,
    unit: str | None,
) -> q.AuditFilter:
    if source not in q.SOURCES:
        raise UserError(
            f"Nguồn nhật ký «{source}» không có; chọn «own» hoặc «units».",
            f"No audit source {source!r}; choose 'own' or 'units'.",
            "source",
        )
    unit_id: str | None = None
    if unit and source == UNITS:
        found = q.unit_by_ref(session, unit)
        if found is None:
            raise NotFoundError(f"Không tìm thấy đơn vị «{unit}».", f"No unit {unit!r}.", "unit")
        unit_id = found.id
    words = clean(text or "")
    return q.AuditFilter(
        source=source,
        unit_id=unit_id,
        actor=actor or None,
        action=action or None,
        entity=entity or None,
        entity_id=entity_id or None,
        since=_utc_bound(since, end=False),
        until=_utc_bound(until, end=True),
        text=words,
        folded=fold(words) if words else "",
    )


def entries(
    db: Database,
    *,
    actor: str | None = None,
    action: str | None = None,
    entity: str | None = None,
    entity_id: str | None = None,
    since: date | datetime | None = None,
    until: date | datetime | None = None,
    text: str | None = None,
    source: str = OWN,
    unit: str | None = None,
    limit: int = PAGE,
    offset: int = 0,
) -> list[AuditRow]:
    """One page of the log, newest first. `source` "own" reads this installation's log,
    "units" what the units below sent up (`unit`: one of them, by id or code). `since` and
    `until` are dates (local days, both included) or datetimes (`until` excluded). `text` is
    found in who, the action, the record's id, the reason, the before/after text and the
    concerned person's name, code or CCCD (the name ignoring diacritics)."""
    with db.reader() as session:
        f = _filter(
            session,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            since=since,
            until=until,
            text=text,
            source=source,
            unit=unit,
        )
        return [_row(r) for r in q.entries(session, f, limit, offset)]


def actions(db: Database, source: str = OWN) -> list[str]:
    """The action codes found in the log (ours, or the units'), for a filter."""
    with db.reader() as session:
        return q.actions(session, source)


def actors(db: Database, source: str = OWN) -> list[str]:
    """Who appears in the log (ours, or the units'), for a filter."""
    with db.reader() as session:
        return q.actors(session, source)


def units(db: Database) -> list[UnitChoice]:
    """The units below that have sent audit entries up, by code."""
    with db.reader() as session:
        return [UnitChoice(u.id, u.code, u.name) for u in q.units_with_entries(session)]


def step_label(action: str, lang: str = "vi") -> str:
    """A pipeline step's words ("action:cell_vote" → the chi bộ vote), "" for other actions."""
    if not action.startswith(STEP_PREFIX):
        return ""
    kind = action[len(STEP_PREFIX) :]
    return event_label(_STEP_EVENTS.get(kind, kind), lang)


# --- before → after ---------------------------------------------------------------------------

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2}(\.\d+)?)?$")


def value_text(value: Any) -> str:
    """A stored value as a person reads it: dates dd/mm/yyyy, yes/no as ✓/✗."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, str):
        day = _ISO_DAY.match(value)
        if day:
            return f"{day.group(3)}/{day.group(2)}/{day.group(1)}"
        moment = _ISO_TIME.match(value)
        if moment:
            y, m, d, hh, mm = moment.groups()[:5]
            return f"{d}/{m}/{y} {hh}:{mm}"
        return value
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def changes(row: AuditRow) -> list[FieldChange]:
    """The entry's fields, before → after. For a change, only the fields that differ; for a
    creation, a deletion or an act's details, every field that holds something."""
    before, after = row.before, row.after
    keys = list(before) + [k for k in after if k not in before]
    out: list[FieldChange] = []
    for key in keys:
        if before and after:
            if before.get(key) == after.get(key):
                continue
            out.append(FieldChange(key, value_text(before.get(key)), value_text(after.get(key))))
        elif after:
            if after.get(key) in (None, ""):
                continue
            out.append(FieldChange(key, None, value_text(after[key])))
        elif before.get(key) not in (None, ""):
            out.append(FieldChange(key, value_text(before[key]), None))
    return out


def _is_key(name: str) -> bool:
    return name == "id" or name.endswith("_id")


def change_summary(row: AuditRow, limit: int = 300) -> str:
    """The changes on one line ("field: old → new; …"), cut at `limit` characters. Record ids
    are left out when there is anything else to say (`changes` has them all)."""
    found = changes(row)
    shown = [c for c in found if not _is_key(c.field)] or found
    text = "; ".join(" ".join(c.text().split()) for c in shown)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- export -----------------------------------------------------------------------------------


class ExportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("Đã dừng xuất nhật ký; không ghi tệp nào.", "Export stopped; no file.")


def _words(row: AuditRow) -> str:
    return audit_workbook.action_words(row.action, step_label(row.action, "vi"))


def _line(row: AuditRow) -> audit_workbook.AuditLine:
    return audit_workbook.AuditLine(
        at=local_time(row.at),
        actor=row.actor,
        action=_words(row),
        what=audit_workbook.entity_words(row.entity),
        entity_id=row.entity_id,
        subject=row.subject,
        changes="\n".join(c.text() for c in changes(row)),
        reason=row.reason,
        unit=" – ".join(x for x in (row.unit_code, row.unit_name) if x),
        desk=row.desk,
    )


def _filter_text(value: object) -> str:
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def export_entries(
    db: Database,
    path: str | Path,
    *,
    by: str = "",
    progress: Callable[[int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    actor: str | None = None,
    action: str | None = None,
    entity: str | None = None,
    entity_id: str | None = None,
    since: date | datetime | None = None,
    until: date | datetime | None = None,
    text: str | None = None,
    source: str = OWN,
    unit: str | None = None,
) -> int:
    """Every entry the filters keep (as in `entries`, without paging) as an .xlsx workbook at
    `path`, written all or nothing; returns how many. The export is logged (by `by`), since
    the workbook holds personal data. `progress(n)` hears every thousand rows; when
    `is_cancelled()` turns true, nothing is written and ExportCancelled is raised."""
    require_outward(db)
    target = Path(path)
    filters = {
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "since": since,
        "until": until,
        "text": text,
        "unit": unit,
    }

    def on_row(n: int) -> None:
        if n % 1000 == 0:
            if is_cancelled is not None and is_cancelled():
                raise ExportCancelled()
            if progress is not None:
                progress(n)

    with db.reader() as session:
        f = _filter(
            session,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            since=since,
            until=until,
            text=text,
            source=source,
            unit=unit,
        )

        secret = secrecy_queries.all_secret(session)

        def lines() -> Iterator[audit_workbook.AuditLine]:
            for r in q.stream_entries(session, f):
                row = _row(r)
                if row.person_id in secret:
                    # A secret dossier's name and data never go into a file.
                    row = replace(row, subject=SECRET_MASK, before={}, after={})
                yield _line(row)

        count = audit_workbook.write(target, lines(), units=source == UNITS, on_row=on_row)
    if progress is not None:
        progress(count)
    used = "; ".join(f"{k}={_filter_text(v)}" for k, v in filters.items() if v)
    record(
        db,
        by,
        "export",
        "audit_log",
        source,
        {"file": "xlsx", "path": str(target), "rows": count, "filters": used},
    )
    return count
