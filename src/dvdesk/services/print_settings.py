"""What every printed document needs besides the person: margins, names, place and signers.

Installation-wide values (margins, the committee's printed name, its superior body, its
secretary, the default place) live in the settings table; a chi bộ's own place, symbol and
secretary live on its unit row, because an office prints for many chi bộ.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from dvdesk.db import queries, register_queries
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import Unit
from dvdesk.domain.dossier import MarginsMM
from dvdesk.domain.text import clean
from dvdesk.services import audit
from dvdesk.services.concurrency import (
    ChangedMeanwhile,
    FieldChange,
    changes_between,
    value_text,
)
from dvdesk.services.errors import NotFoundError, UserError

_BOARD_PREFIX = "ban tổ chức "

# Margins a printer can still print and a page can still hold text between.
MARGIN_RANGE = (5.0, 50.0)


@dataclass(frozen=True)
class PrintSettings:
    margins: MarginsMM = field(default_factory=MarginsMM)
    place: str = ""  # the default địa danh on the date line
    committee_name: str = ""  # the committee above the chi bộ, as printed ("Đảng ủy …")
    committee_symbol: str = "ĐU"
    committee_superior: str = ""  # printed above the committee ("Đảng bộ tỉnh …")
    committee_secretary: str = ""
    committee_signs_as: str = "T/M BAN THƯỜNG VỤ"  # authority line on decisions


_KEYS = (
    "place",
    "committee_name",
    "committee_symbol",
    "committee_superior",
    "committee_secretary",
    "committee_signs_as",
)


def _committee_default(session: Session) -> str:
    """The install's committee: its parent for a chi bộ; for the office, its own name without
    "Ban Tổ chức" (the board works for the committee, the committee issues)."""
    install = queries.install(session)
    if install is None:
        return ""
    unit = session.get(Unit, install.unit_id)
    if unit is None:
        return ""
    if install.role == "cell":
        parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
        return parent.name if parent else ""
    name = unit.name
    if name.lower().startswith(_BOARD_PREFIX):
        name = name[len(_BOARD_PREFIX) :]
        name = name[:1].upper() + name[1:]
    return name


def read_settings(session: Session) -> PrintSettings:
    values = {key: register_queries.setting(session, f"print.{key}") for key in _KEYS}
    margins = MarginsMM()
    parts: dict[str, float] = {}
    for side in ("top", "bottom", "left", "right"):
        raw = register_queries.setting(session, f"print.margin.{side}")
        try:
            parts[side] = float(raw) if raw else getattr(margins, side)
        except ValueError:
            parts[side] = getattr(margins, side)
    defaults = PrintSettings()
    return PrintSettings(
        margins=MarginsMM(**parts),
        place=values["place"] or "",
        committee_name=values["committee_name"] or _committee_default(session),
        committee_symbol=values["committee_symbol"] or defaults.committee_symbol,
        committee_superior=values["committee_superior"] or "",
        committee_secretary=values["committee_secretary"] or "",
        committee_signs_as=values["committee_signs_as"] or defaults.committee_signs_as,
    )


def print_settings(db: Database) -> PrintSettings:
    with db.reader() as session:
        return read_settings(session)


def _check_margins(settings: PrintSettings) -> None:
    for side in ("top", "bottom", "left", "right"):
        value = getattr(settings.margins, side)
        low, high = MARGIN_RANGE
        if not low <= value <= high:
            raise UserError(
                f"Lề {_SIDE_VI[side]} phải từ {low:g} đến {high:g} mm (đang là {value:g}).",
                f"The {side} margin must be {low:g}–{high:g} mm (it is {value:g}).",
                f"margin_{side}",
            )


def _write_settings(session: Session, settings: PrintSettings, actor: str) -> None:
    before = read_settings(session)
    for key in _KEYS:
        register_queries.set_setting(session, f"print.{key}", clean(getattr(settings, key)))
    for side in ("top", "bottom", "left", "right"):
        register_queries.set_setting(
            session, f"print.margin.{side}", f"{getattr(settings.margins, side):g}"
        )
    audit.log(
        session,
        actor or audit.current_user(),
        "print_settings",
        "settings",
        "print",
        before=_as_dict(before),
        after=_as_dict(settings),
    )


def save_print_settings(
    db: Database,
    settings: PrintSettings,
    actor: str = "",
    started_from: PrintSettings | None = None,
) -> PrintSettings:
    """Save the installation's print settings. `started_from`: as the form opened them; if
    another desk saved them since, concurrency.ChangedMeanwhile names each changed field and
    nothing is written."""
    _check_margins(settings)
    with db.unit_of_work() as session:
        if started_from is not None:
            now = read_settings(session)
            changes = _settings_changes(started_from, now)
            if changes:
                raise ChangedMeanwhile(*_SETTINGS_WHAT, changes, now)
        _write_settings(session, settings, actor)
    return print_settings(db)


_SIDE_VI = {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải"}


def _as_dict(settings: PrintSettings) -> dict[str, object]:
    data: dict[str, object] = {key: getattr(settings, key) for key in _KEYS}
    data["margins"] = vars(settings.margins).copy()
    return data


@dataclass(frozen=True)
class UnitPrintInfo:
    unit_id: str
    name: str
    place: str
    symbol: str
    secretary_name: str


def _read_unit(session: Session, unit_id: str) -> UnitPrintInfo:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFoundError("Không tìm thấy đơn vị.", "Unit not found.")
    return UnitPrintInfo(unit.id, unit.name, unit.place, unit.symbol, unit.secretary_name)


def unit_print_info(db: Database, unit_id: str) -> UnitPrintInfo:
    with db.reader() as session:
        return _read_unit(session, unit_id)


def _check_symbol(info: UnitPrintInfo) -> str:
    symbol = clean(info.symbol)
    if symbol and ("/" in symbol or " " in symbol or len(symbol) > 20):
        raise UserError(
            f"Ký hiệu «{symbol}» không hợp lệ: viết liền, không có dấu «/», ví dụ CB hoặc ĐU.",
            f"Symbol {symbol!r} is not valid: one word without '/', e.g. CB or ĐU.",
            "symbol",
        )
    return symbol


def _write_unit(session: Session, info: UnitPrintInfo, actor: str) -> None:
    symbol = _check_symbol(info)
    unit = session.get(Unit, info.unit_id)
    if unit is None:
        raise NotFoundError("Không tìm thấy đơn vị.", "Unit not found.")
    before = audit.snapshot(unit)
    unit.place = clean(info.place)
    unit.symbol = symbol
    unit.secretary_name = clean(info.secretary_name)
    audit.log(
        session,
        actor or audit.current_user(),
        "print_info",
        "unit",
        unit.id,
        before=before,
        after=audit.snapshot(unit),
    )


def save_unit_print_info(
    db: Database,
    info: UnitPrintInfo,
    actor: str = "",
    started_from: UnitPrintInfo | None = None,
) -> UnitPrintInfo:
    """Save a unit's place, symbol and secretary. `started_from`: as the form opened them; if
    another desk saved them since, concurrency.ChangedMeanwhile names each changed field and
    nothing is written."""
    _check_symbol(info)
    with db.unit_of_work() as session:
        if started_from is not None:
            now = _read_unit(session, info.unit_id)
            changes = _unit_changes(started_from, now)
            if changes:
                raise ChangedMeanwhile(
                    f"thông tin in của {now.name}", f"the print details of {now.name}", changes, now
                )
        _write_unit(session, info, actor)
    return unit_print_info(db, info.unit_id)


# --- the print settings form: both at once ---------------------------------------------------


@dataclass(frozen=True)
class PrintPage:
    """What the print settings form edits: the installation's settings, and the print details
    of its own unit (None before set-up made the unit)."""

    settings: PrintSettings
    unit: UnitPrintInfo | None = None


def _read_page(session: Session) -> PrintPage:
    install = queries.install(session)
    unit = _read_unit(session, install.unit_id) if install is not None else None
    return PrintPage(read_settings(session), unit)


def print_page(db: Database) -> PrintPage:
    """The print settings form's starting point."""
    with db.reader() as session:
        return _read_page(session)


_SETTING_LABELS: dict[str, tuple[str, str]] = {
    "margins": ("Lề trang (mm)", "Page margins (mm)"),
    "place": ("Địa danh trên dòng ngày tháng", "Place on the date line"),
    "committee_name": ("Tên cấp ủy", "Committee name"),
    "committee_symbol": ("Ký hiệu của cấp ủy", "The committee's symbol"),
    "committee_superior": ("In phía trên tên cấp ủy", "Printed above the committee"),
    "committee_secretary": ("Người ký của cấp ủy", "The committee's secretary who signs"),
    "committee_signs_as": ("Thẩm quyền ký quyết định", "Signs decisions as"),
}
_UNIT_LABELS: dict[str, tuple[str, str]] = {
    "place": ("Địa danh của đơn vị", "The unit's place"),
    "symbol": ("Ký hiệu của đơn vị", "The unit's symbol"),
    "secretary_name": ("Người ký của đơn vị", "The unit's secretary who signs"),
}


def _setting_text(key: str, value: object) -> str:
    if isinstance(value, MarginsMM):
        sides = (value.top, value.bottom, value.left, value.right)
        words = ("trên", "dưới", "trái", "phải")
        return ", ".join(f"{w} {v:g}" for w, v in zip(words, sides, strict=True))
    return value_text(value)


_SETTINGS_WHAT = ("các thiết lập in", "the print settings")


def _settings_changes(started: PrintSettings, now: PrintSettings) -> list[FieldChange]:
    return changes_between(started, now, _SETTING_LABELS, _setting_text)


def _unit_changes(started: UnitPrintInfo, now: UnitPrintInfo) -> list[FieldChange]:
    """Only what the form edits counts: a unit renamed elsewhere does not."""
    return changes_between(replace(started, name=now.name), now, _UNIT_LABELS)


def save_print_page(
    db: Database, page: PrintPage, actor: str = "", started_from: PrintPage | None = None
) -> PrintPage:
    """Save the form's settings and its unit's print details in one transaction: both or
    neither. `started_from`: the page as the form opened it (print_page); if another desk saved
    any of it since, concurrency.ChangedMeanwhile names each changed field (its `current` is
    the page now) and nothing is written."""
    _check_margins(page.settings)
    if page.unit is not None:
        _check_symbol(page.unit)
    with db.unit_of_work() as session:
        if started_from is not None:
            now = _read_page(session)
            changes = _settings_changes(started_from.settings, now.settings)
            if started_from.unit is not None and now.unit is not None:
                changes += _unit_changes(started_from.unit, now.unit)
            if changes:
                raise ChangedMeanwhile(*_SETTINGS_WHAT, changes, now)
        if page.unit is not None:
            _write_unit(session, page.unit, actor)
        _write_settings(session, page.settings, actor)
    return print_page(db)
