"""What every printed document needs besides the person: margins, names, place and signers.

Installation-wide values (margins, the committee's printed name, its superior body, its
secretary, the default place) live in the settings table; a chi bộ's own place, symbol and
secretary live on its unit row, because an office prints for many chi bộ.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dvdesk.db import queries, register_queries
from dvdesk.db.engine import Database, Session
from dvdesk.db.models import Unit
from dvdesk.domain.dossier import MarginsMM
from dvdesk.domain.text import clean
from dvdesk.services import audit
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


def save_print_settings(db: Database, settings: PrintSettings, actor: str = "") -> PrintSettings:
    for side in ("top", "bottom", "left", "right"):
        value = getattr(settings.margins, side)
        low, high = MARGIN_RANGE
        if not low <= value <= high:
            raise UserError(
                f"Lề {_SIDE_VI[side]} phải từ {low:g} đến {high:g} mm (đang là {value:g}).",
                f"The {side} margin must be {low:g}–{high:g} mm (it is {value:g}).",
                f"margin_{side}",
            )
    with db.unit_of_work() as session:
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


def unit_print_info(db: Database, unit_id: str) -> UnitPrintInfo:
    with db.reader() as session:
        unit = session.get(Unit, unit_id)
        if unit is None:
            raise NotFoundError("Không tìm thấy đơn vị.", "Unit not found.")
        return UnitPrintInfo(unit.id, unit.name, unit.place, unit.symbol, unit.secretary_name)


def save_unit_print_info(db: Database, info: UnitPrintInfo, actor: str = "") -> UnitPrintInfo:
    symbol = clean(info.symbol)
    if symbol and ("/" in symbol or " " in symbol or len(symbol) > 20):
        raise UserError(
            f"Ký hiệu «{symbol}» không hợp lệ: viết liền, không có dấu «/», ví dụ CB hoặc ĐU.",
            f"Symbol {symbol!r} is not valid: one word without '/', e.g. CB or ĐU.",
            "symbol",
        )
    with db.unit_of_work() as session:
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
    return unit_print_info(db, info.unit_id)
