"""dvdesk benchmark (a script, not a test): speed at the scale of a provincial office.

Generates 100,000 people across 300 chi bộ with the demo generator and prints, as ratios
against floors measured in the same run on the same machine:

1. import of a spreadsheet holding those people (the import module's column layout, as .xlsx)
   against raw sqlite3 `executemany` of the same rows into a plain table;
2. `deadlines` with a 30-day window, through the service and through the command line, against
   a raw sqlite3 SELECT of the same rows;
3. diacritic-insensitive search ("nguyen van") through the service against a raw SQLite LIKE
   scan of a plain, already folded name column giving the same rows in the same order;
4. the window (leave out with --skip-ui): start to the first painted candidates list with rows
   in it, against a bare QMainWindow with an empty QTableView; then "nguyen van" typed one key
   at a time into the list's search box once the whole list is in, per key against a
   QSortFilterProxyModel over a QStandardItemModel of the same (folded) names with
   setFilterFixedString; and, as information, the longest GUI-thread stall while loading.

Also: printing, the year report, and the database encrypted (SQLCipher) against itself plain.

On the office's shared server (PostgreSQL, a throwaway one from tests/pg_cluster.py, left out
with a printed line when PostgreSQL is not installed, or with --skip-server), against the same
on SQLite in the same run:

- the year report over the same database, its rows copied into PostgreSQL;
- an office importing the first bundle of each of 300 chi bộ (each with its own keys, pinned
  and confirmed at the office, and a few people): the same files into a fresh office on a file
  and a fresh office on the server (benchmarks/bench_server.py makes them; --bundles-dir keeps
  them between runs).

Run:  uv run python benchmarks/bench.py [--people 100000 --units 300 --bundles 300] [--quick]
      [--skip-import] [--skip-ui] [--skip-exchange] [--skip-server]
(QT_QPA_PLATFORM=offscreen to keep the window off screen)
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import bench_server
import pypdfium2

from dvdesk.domain.calendar import WorkCalendar
from dvdesk.domain.facts import MassOrg
from dvdesk.domain.pipeline import EventKind
from dvdesk.domain.text import fold
from dvdesk.services.demo import DemoMember, DemoPerson, DemoWorld, make_demo
from dvdesk.services.setup import open_data_dir

T = TypeVar("T")
SEARCH = "nguyen van"
REPEAT = 3  # best of, where a measure is cheap


@dataclass
class Line:
    measure: str
    rows: int | None
    seconds: float
    floor: float | None = None

    def ratio(self) -> str:
        return f"{self.seconds / self.floor:8.1f}x" if self.floor else "       —"


def timed(fn: Callable[[], T], repeat: int = 1) -> tuple[float, T]:
    """Best wall time of `repeat` runs (time.perf_counter), and the last result."""
    best = float("inf")
    result: Any = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- the spreadsheet ----------------------------------------------------------------------


def _yes_no(value: bool) -> str:
    return "Có" if value else "Không"


def person_row(p: DemoPerson) -> dict[str, object]:
    """One "Người vào Đảng" row, keyed by the import's column headers."""
    from dvdesk.reports import people_workbook as wb

    def on(kind: EventKind) -> date | None:
        event = p.event(kind)
        return event.on if event else None

    vote = p.event(EventKind.CELL_VOTE)
    awareness = [c for c in p.certificates if c.kind == "awareness"]
    introducers = [a.member.code for a in p.assignments if a.role == "introducer"]
    youth = any(
        e.kind is EventKind.MASS_ORG_RESOLUTION and e.mass_org is MassOrg.YOUTH_UNION
        for e in p.events
    )
    return {
        wb.CODE: p.code,
        wb.FULL_NAME: p.full_name,
        wb.SEX: "Nữ" if p.sex == "nu" else "Nam",
        wb.BIRTH_DATE: p.birth_date,
        wb.CCCD: p.cccd,
        wb.ETHNICITY: p.ethnicity,
        wb.RELIGION: p.religion,
        wb.EDUCATION: p.education,
        wb.YOUTH_UNION: _yes_no(p.youth_union_member),
        wb.YOUTH_UNION_DATE: p.youth_union_date,
        wb.UNIT: p.unit.name,
        wb.OCCUPATION: p.occupation,
        wb.SYMPATHISER_DATE: on(EventKind.SYMPATHISER_LISTED),
        wb.CERTIFICATE_DATE: awareness[-1].issued_on if awareness else None,
        wb.CERTIFICATE_NUMBER: awareness[-1].number if awareness else None,
        wb.INTRODUCER_1: introducers[0] if introducers else None,
        wb.INTRODUCER_2: introducers[1] if len(introducers) > 1 else None,
        wb.YOUTH_UNION_INTRODUCES: _yes_no(youth) if vote else None,
        wb.VOTE_DATE: vote.on if vote else None,
        wb.OFFICIAL_MEMBERS: vote.official_members if vote else None,
        wb.VOTES_FOR: vote.votes_for if vote else None,
        wb.DECISION_DATE: on(EventKind.DECISION),
        wb.DECISION_RECEIVED_DATE: on(EventKind.DECISION_RECEIVED),
        wb.CEREMONY_DATE: on(EventKind.CEREMONY),
        wb.RECOGNITION_VOTE_DATE: on(EventKind.RECOGNITION_VOTE),
        wb.RECOGNITION_DECISION_DATE: on(EventKind.RECOGNITION_DECISION),
    }


def member_row(m: DemoMember) -> dict[str, object]:
    from dvdesk.reports import people_workbook as wb

    return {
        wb.CODE: m.code,
        wb.FULL_NAME: m.full_name,
        wb.BIRTH_DATE: m.birth_date,
        wb.CCCD: m.cccd,
        wb.UNIT: m.unit.name,
        wb.PARTY_JOINED: m.admission_decision_date,
        wb.PARTY_OFFICIAL: m.official_date,
        wb.CARD_NUMBER: m.card_number or None,
        wb.JOINED_CELL: m.joined_cell_on,
    }


def write_xlsx(
    path: Path, people: Sequence[dict[str, object]], members: Sequence[dict[str, object]]
) -> None:
    from openpyxl import Workbook

    from dvdesk.reports import people_workbook as wb

    book = Workbook(write_only=True)
    for name, columns, rows in (
        (wb.PEOPLE_SHEET, wb.PEOPLE_COLUMNS, people),
        (wb.MEMBERS_SHEET, wb.MEMBERS_COLUMNS, members),
    ):
        sheet = book.create_sheet(name)
        headers = [c.header for c in columns]
        sheet.append(headers)
        for row in rows:
            sheet.append([row.get(h) for h in headers])
    book.save(path)


# --- floors: raw sqlite3 ------------------------------------------------------------------


def _raw(path: Path) -> sqlite3.Connection:
    """A plain connection with the durability settings dvdesk uses (WAL, synchronous=FULL)."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    return con


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def floor_insert(
    folder: Path, people: Sequence[dict[str, object]], members: Sequence[dict[str, object]]
) -> float:
    """executemany of the same rows into plain tables, one transaction, in a new file."""
    path = folder / f"floor-{time.perf_counter_ns()}.sqlite3"
    tables = []
    for name, rows in (("people", people), ("members", members)):
        headers = list(rows[0]) if rows else []
        values = [tuple(_plain(r[h]) for h in headers) for r in rows]
        tables.append((name, len(headers), values))
    con = _raw(path)
    start = time.perf_counter()
    con.execute("BEGIN")
    for name, width, values in tables:
        cols = ", ".join(f"c{i} TEXT" for i in range(width))
        con.execute(f"CREATE TABLE {name} ({cols})")
        marks = ", ".join("?" * width)
        con.executemany(f"INSERT INTO {name} VALUES ({marks})", values)
    con.execute("COMMIT")
    seconds = time.perf_counter() - start
    con.close()
    for leftover in folder.glob(f"{path.name}*"):
        leftover.unlink()
    return seconds


DEADLINES_SQL = """
SELECT p.code, p.id, p.full_name, d.kind, d.due
FROM open_deadlines AS d JOIN people AS p ON p.id = d.person_id
WHERE d.due <= ? AND NOT (d.kind = 'probation_end' AND d.due < ?)
ORDER BY d.due, p.sort_key
"""


def floor_deadlines(db_path: Path, on: date, until: date) -> int:
    """The rows `list_deadlines` lists (a passed end of probation is not an item)."""
    con = sqlite3.connect(db_path)
    rows = con.execute(DEADLINES_SQL, (until.isoformat(), on.isoformat())).fetchall()
    con.close()
    return len(rows)


def make_plain_names(db_path: Path, folder: Path) -> Path:
    """A plain table of the same people: id, full name, sort key, folded name."""
    path = folder / "plain-names.sqlite3"
    src = sqlite3.connect(db_path)
    rows = src.execute("SELECT id, full_name, sort_key, code, cccd FROM people").fetchall()
    src.close()
    con = _raw(path)
    con.execute("BEGIN")
    con.execute("CREATE TABLE names (id TEXT, full_name TEXT, sort_key TEXT, name TEXT)")
    con.executemany(
        "INSERT INTO names VALUES (?, ?, ?, ?)",
        [(i, n, k, " ".join(fold(v) for v in (n, c, d) if v)) for i, n, k, c, d in rows],
    )
    con.execute("COMMIT")
    con.close()
    return path


def floor_search(path: Path, terms: Sequence[str]) -> int:
    where = " AND ".join("name LIKE ?" for _ in terms)
    con = sqlite3.connect(path)
    rows = con.execute(
        f"SELECT id, full_name FROM names WHERE {where} ORDER BY sort_key, id",
        [f"%{t}%" for t in terms],
    ).fetchall()
    con.close()
    return len(rows)


def measure_import(
    args: argparse.Namespace, today: date, folder: Path, xlsx: Path, rows: int, floor: float
) -> list[Line]:
    """The import service on the workbook, into an office that has its units and members."""
    try:
        from dvdesk.reports.people_workbook import read_workbook
        from dvdesk.services.people_import import import_people
    except ImportError as exc:
        say(f"  import skipped: the import module is not there yet ({exc})")
        return []
    out = []
    seconds, _ = timed(lambda: read_workbook(xlsx))
    out.append(Line("import: read .xlsx only", rows, seconds, floor))
    import_db = open_data_dir(folder / "import")
    make_demo(import_db, units=args.units, people=0, seed=args.seed, today=today)
    say("  importing (one run) ...")
    seconds, result = timed(lambda: import_people(import_db, xlsx))
    import_db.close()
    out.append(Line("import: people import (.xlsx)", rows, seconds, floor))
    say(
        f"  import: created {result.created}, updated {result.updated}, "
        f"unchanged {result.unchanged}, {len(result.warnings)} warnings, "
        f"{len(result.errors)} errors"
    )
    for issue in result.errors[:5]:
        say(f"    {issue.to_json()}")
    return out


# --- the window ---------------------------------------------------------------------------


class _FirstPaint:
    """Watches a widget for Paint events; `done` is the time the event loop next ran after the
    first paint for which `ready()` held (so the whole paint pass is in)."""

    def __init__(self, widget: Any, ready: Callable[[], bool] = lambda: True) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.done: float | None = None
        self._seen = False
        watch = self

        class Filter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint and not watch._seen and ready():
                    watch._seen = True
                    QTimer.singleShot(0, watch._mark)
                return False

        self._filter = Filter()
        widget.installEventFilter(self._filter)
        self._widget = widget

    def _mark(self) -> None:
        self.done = time.perf_counter()

    def remove(self) -> None:
        self._widget.removeEventFilter(self._filter)


class _Stalls:
    """A 10 ms timer on the GUI thread noting how late it runs: the longest stall."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.worst = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last - 0.010)
        self._last = now

    def reset(self) -> float:
        worst, self.worst, self._last = self.worst, 0.0, time.perf_counter()
        return worst

    def stop(self) -> None:
        self._timer.stop()


def _spin(done: Callable[[], bool], timeout: float) -> None:
    """Run the event loop (sleeping while idle) until `done()`, or fail after `timeout` s."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def _bare_window_to_paint(size: Any) -> float:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QMainWindow, QTableView

    start = time.perf_counter()
    window = QMainWindow()
    view = QTableView(window)
    view.setModel(QStandardItemModel(0, 8, view))
    window.setCentralWidget(view)
    window.resize(size)
    watch = _FirstPaint(view.viewport())
    window.show()
    _spin(lambda: watch.done is not None, 30)
    assert watch.done is not None
    seconds = watch.done - start
    watch.remove()
    window.close()
    window.deleteLater()
    return seconds


def _floor_filter(names: Sequence[str], steps: Sequence[str]) -> list[float]:
    """QSortFilterProxyModel over a QStandardItemModel of the names, shown in a QTableView,
    setFilterFixedString per keystroke, until repainted."""
    from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel(len(names), 1)
    for row, name in enumerate(names):
        model.setItem(row, 0, QStandardItem(name))
    proxy = QSortFilterProxyModel()
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1280, 800)
    view.show()
    QCoreApplication.processEvents()
    out = []
    for text in steps:
        start = time.perf_counter()
        proxy.setFilterFixedString(text)
        QCoreApplication.processEvents()
        out.append(time.perf_counter() - start)
    view.close()
    return out


def measure_ui(db: Any, folder: Path, today: date) -> list[Line]:
    """Start-up to the first painted list, and the filter per keystroke, each against a bare
    PySide6 floor measured in the same run. The user's settings are not touched."""
    from statistics import median

    from PySide6.QtCore import QSettings, QSize
    from PySide6.QtTest import QTest

    from dvdesk.ui.app import Gui, create_app

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "qs"))
    settings = QSettings(str(folder / "qs" / "bench.ini"), QSettings.Format.IniFormat)
    app = create_app(["dvdesk-bench"])
    size = QSize(1280, 800)
    _bare_window_to_paint(size)  # warm up Qt (style, fonts, platform) for both measures
    floor_start = min(_bare_window_to_paint(size) for _ in range(3))

    stalls = _Stalls()
    start = time.perf_counter()
    gui = Gui(db, "vi", settings=settings, today=lambda: today, app=app)
    window = gui.window
    tab = window.candidates_tab
    window.resize(size)
    watch = _FirstPaint(tab.view.viewport(), lambda: tab.proxy.rowCount() > 0)
    window.show()
    _spin(lambda: watch.done is not None, 120)
    assert watch.done is not None
    first_paint = watch.done - start
    stall_start = stalls.reset()
    shown = tab.proxy.rowCount()
    _spin(lambda: not tab.loading, 600)
    loaded = time.perf_counter() - start
    stall_load = stalls.reset()
    stalls.stop()
    total = tab.model.total()
    say(
        f"  window: first rows painted ({shown}) in {first_paint:.2f} s, "
        f"all {total} in {loaded:.1f} s"
    )

    # Typing, one key at a time, each waited out: debounce timer fired, model filtered, painted.
    filter_started: list[float] = []
    tab.model.modelAboutToBeReset.connect(lambda: filter_started.append(time.perf_counter()))
    tab.search.setFocus()
    with_delay: list[float] = []
    work: list[float] = []
    for i, char in enumerate(SEARCH):
        filter_started.clear()
        typed = SEARCH[: i + 1]
        t0 = time.perf_counter()
        QTest.keyClick(tab.search, char)
        _spin(lambda t=typed: not tab._search_timer.isActive() and tab.model.search == fold(t), 10)
        app.processEvents()  # the repaint the reset asked for
        end = time.perf_counter()
        with_delay.append(end - t0)
        work.append(end - filter_started[0] if filter_started else 0.0)
    hits = tab.proxy.rowCount()
    assert tab.search.text() == SEARCH, tab.search.text()
    names = [fold(entry.row.full_name) for entry in tab.model._all]
    floor_keys = _floor_filter(names, [fold(SEARCH[: i + 1]) for i in range(len(SEARCH))])
    window.close()
    gui.shutdown()
    window.deleteLater()
    app.processEvents()

    say(f"  typed {SEARCH!r}: {hits} rows; per key (ms) {[round(s * 1000) for s in with_delay]}")
    keys = len(SEARCH)
    return [
        Line("UI: dvdesk start to first painted rows", shown, first_paint, floor_start),
        Line("UI: dvdesk start to whole list loaded", total, loaded),
        Line("floor: bare QMainWindow+QTableView painted", 0, floor_start),
        Line("UI: longest GUI stall, start to 1st paint", None, stall_start),
        Line("UI: longest GUI stall, rest of the load", None, stall_load),
        Line("UI: filter/key median, after debounce", keys, median(work), median(floor_keys)),
        Line("UI: filter/key worst, after debounce", keys, max(work), max(floor_keys)),
        Line("UI: filter/key median, key to painted", keys, median(with_delay)),
        Line("UI: filter/key worst, key to painted", keys, max(with_delay)),
        Line("floor: QSortFilterProxy fixed string/key, med", keys, median(floor_keys)),
        Line("floor: QSortFilterProxy fixed string/key, max", keys, max(floor_keys)),
    ]


# --- the run ------------------------------------------------------------------------------


def _raw_canvas_page(lines: Sequence[str]) -> bytes:
    """The floor: one A4 page drawn straight on a ReportLab canvas, same font, same text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from dvdesk.reports.pdf_layout import REGULAR, register_fonts

    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont(REGULAR, 14)
    y = A4[1] - 60
    for text in lines:
        canvas.drawString(85, y, text)
        y -= 17
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def measure_printing(db: Any, count: int) -> list[Line]:
    """Pages per second: a batch of `count` 6-KNĐ, rendered from their data and printed
    through the service (dossier read, register number, render), against raw canvas pages."""
    from dvdesk.db.models import Person, PipelineEvent
    from dvdesk.reports.forms import f6_kn
    from dvdesk.services import printing

    with db.reader() as session:
        ids = [
            row[0]
            for row in session.query(Person.id)
            .join(PipelineEvent, PipelineEvent.person_id == Person.id)
            .filter(PipelineEvent.kind == EventKind.CELL_VOTE.value)
            .order_by(Person.sort_key)
            .limit(count)
        ]
    if not ids:
        return []
    say(f"  printing {len(ids)} 6-KNĐ ...")
    sample = printing.print_person_form(db, "6-KNĐ", ids[0], number_it=False)
    document = pypdfium2.PdfDocument(sample.pdf)
    pages_each = len(document)
    text_lines = document[0].get_textpage().get_text_bounded().splitlines()
    document.close()
    floor, _ = timed(lambda: [_raw_canvas_page(text_lines) for _ in ids])
    floor_pages = len(ids)

    seconds_service, _ = timed(
        lambda: [printing.print_person_form(db, "6-KNĐ", pid) for pid in ids]
    )
    # The same forms from their data alone (no database): the layout engine's own cost.
    data = [
        f6_kn.AdmissionResolution(**{**vars(_sample_resolution()), "candidate_name": f"Người {i}"})
        for i in range(len(ids))
    ]
    seconds_render, rendered = timed(lambda: [f6_kn.render(d) for d in data])
    render_pages = sum(len(pypdfium2.PdfDocument(pdf)) for pdf in rendered[:1]) * len(data)
    pages = len(ids) * pages_each
    per_page = floor / floor_pages  # the floor for any number of pages, same font and text

    def line(label: str, count: int, seconds: float) -> Line:
        return Line(f"{label} ({count / seconds:.0f} pages/s)", count, seconds, per_page * count)

    return [
        line(f"print 6-KNĐ ×{len(ids)}: render from data", render_pages, seconds_render),
        line(f"print 6-KNĐ ×{len(ids)}: service (read, number, render)", pages, seconds_service),
        Line(
            f"floor: raw canvas page, same font ({floor_pages / floor:.0f} pages/s)",
            floor_pages,
            floor,
        ),
    ]


def floor_year_report(db_path: Path, year: int) -> int:
    """The floor: admissions of the year counted by month in raw SQL (one GROUP BY)."""
    with _raw(db_path) as con:
        rows = con.execute(
            "SELECT strftime('%m', on_date), count(*) FROM events"
            " WHERE kind = 'ceremony' AND on_date BETWEEN ? AND ? GROUP BY 1",
            (f"{year}-01-01", f"{year}-12-31"),
        ).fetchall()
    return sum(count for _month, count in rows)


def floor_year_report_server(db: Any, year: int) -> int:
    """The same raw count on PostgreSQL."""
    from sqlalchemy import text

    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT extract(month FROM on_date), count(*) FROM events"
                " WHERE kind = 'ceremony' AND on_date BETWEEN :start AND :end GROUP BY 1"
            ),
            {"start": date(year, 1, 1), "end": date(year, 12, 31)},
        ).all()
    return sum(count for _month, count in rows)


def measure_year_report(
    db: Any, db_path: Path, year: int, server: bench_server.Server | None, folder: Path
) -> list[Line]:
    """The year report (every figure, breakdown, class and unit row) over the whole database,
    against a raw count of the year's admissions by month; and, with a server, the same over
    the same rows in PostgreSQL against SQLite."""
    from dvdesk.services import reports

    say("  year report ...")
    floor, admitted = timed(lambda: floor_year_report(db_path, year), 3)
    seconds, view = timed(lambda: reports.year_report(db, year), 3)
    seconds_pdf, _ = timed(lambda: reports.print_report(db, "year", year, date(year, 12, 31)))
    lines = [
        Line("year report: service (all figures)", view.figures.admitted, seconds, floor),
        Line("year report: BC document (PDF)", admitted, seconds_pdf, floor),
        Line("floor: sqlite3 count of admissions by month", admitted, floor),
    ]
    if server is None:
        return lines
    say("  year report on PostgreSQL: copying the database table by table ...")
    copying, (pg, rows) = timed(
        lambda: bench_server.copy_to_server(db, server.database("demo"), folder / "demo-server")
    )
    try:
        pg_floor, pg_admitted = timed(lambda: floor_year_report_server(pg, year), 3)
        pg_seconds, pg_view = timed(lambda: reports.year_report(pg, year), 3)
        pg_pdf, _ = timed(lambda: reports.print_report(pg, "year", year, date(year, 12, 31)))
    finally:
        pg.close()
    if pg_view != view or pg_admitted != admitted:
        say("  !! the year report on PostgreSQL differs from the one on SQLite")
    return [
        *lines,
        Line("copy the database into PostgreSQL (rows)", rows, copying),
        Line(
            "year report, PostgreSQL vs SQLite: service",
            pg_view.figures.admitted,
            pg_seconds,
            seconds,
        ),
        Line("year report, PostgreSQL vs SQLite: PDF", pg_admitted, pg_pdf, seconds_pdf),
        Line("year report, PostgreSQL vs SQLite: raw count", pg_admitted, pg_floor, floor),
    ]


def measure_exchange(
    args: argparse.Namespace, folder: Path, today: date, server: bench_server.Server | None
) -> list[Line]:
    """The office importing the same bundle files into a fresh office on a file and, with a
    server, into a fresh office on PostgreSQL (the import backs the database up first: a file
    image there, pg_dump here); then one more backup of each, as information."""
    from dvdesk.services import backups
    from dvdesk.services.errors import UserError

    count = args.bundles
    say(f"  exchange: {count} chi bộ with {args.bundle_people} people each write a bundle ...")
    where = args.bundles_dir or folder / "exchange"
    bundles = bench_server.make_bundles(where, count, args.bundle_people, today)
    size = sum(p.stat().st_size for p in bundles.files)
    say(f"  exchange: {count} bundles, {size / 2**20:.1f} MiB in all")
    lines = []
    if bundles.seconds:
        lines.append(
            Line(f"exchange: make {count} chi bộ and a bundle each", count, bundles.seconds)
        )
    office = bench_server.fresh_office(bundles, folder / "office-file")
    on_server = None
    try:
        if server is not None:  # copied before the file's office imports anything
            on_server, _ = bench_server.copy_to_server(
                office, server.database("office"), folder / "office-server"
            )
        say("  exchange: importing into the office's file ...")
        seconds, records = bench_server.import_all(office, bundles.files)
        backup, _ = timed(lambda: backups.make_backup(office, "bench"))
        per = f"{seconds / count * 1000:.0f} ms/bundle"
        lines.append(Line(f"exchange: import {count} bundles, SQLite ({per})", records, seconds))
        lines.append(Line("exchange: a backup after, SQLite (file image)", None, backup))
        if on_server is None:
            say("  exchange on PostgreSQL skipped: no server")
            return lines
        say("  exchange: importing into the office on PostgreSQL ...")
        try:
            pg_seconds, pg_records = bench_server.import_all(on_server, bundles.files)
        except UserError as exc:  # e.g. no backups on a server yet: nothing was imported
            say(f"  exchange on PostgreSQL failed: {exc.en}")
            return lines
        pg_backup, _ = timed(lambda: backups.make_backup(on_server, "bench"))
        if pg_records != records:
            say(f"  !! PostgreSQL took in {pg_records} records, SQLite {records}")
        per = f"{pg_seconds / count * 1000:.0f} ms/bundle"
        return [
            *lines,
            Line(
                f"exchange: import, PostgreSQL vs SQLite ({per})", pg_records, pg_seconds, seconds
            ),
            Line(
                "exchange: a backup after, PostgreSQL (pg_dump) vs SQLite", None, pg_backup, backup
            ),
        ]
    finally:
        office.close()
        if on_server is not None:
            on_server.close()


def _sample_resolution() -> Any:
    from dvdesk.reports.forms import f6_kn

    return f6_kn.AdmissionResolution(
        superior_body="Đảng bộ phường Dịch Vọng",
        cell_name="Chi bộ Khu phố 3",
        number=12,
        place="Hà Nội",
        issued_on=date(2026, 3, 5),
        meeting_on=date(2026, 3, 4),
        official_members=9,
        probationary_members=2,
        present_official=8,
        present_probationary=2,
        absent_reasons="đồng chí Trần Văn Bình đi công tác",
        chair="Nguyễn Thị Hoa",
        secretary="Lê Minh Tuấn",
        candidate_name="Phạm Thu Trang",
        candidate_birth_date=date(1999, 7, 14),
        candidate_hometown="xã Yên Thường, huyện Gia Lâm, Hà Nội",
        candidate_workplace="giáo viên, Trường Tiểu học Dịch Vọng",
        conclusions=("Lý lịch rõ ràng; có lập trường tư tưởng vững vàng.",),
        votes_for=8,
        votes_against=0,
        proposed_to="Đảng ủy phường Dịch Vọng",
        signer_name="Nguyễn Thị Hoa",
    )


def measure_encryption(db: Any, folder: Path, today: date, repeat: int) -> list[Line]:
    """The same database encrypted (SQLCipher) against itself plain: encrypting it when the
    first administrator is made (floor: copying the file), the deadlines and the search, a
    backup image, and signing in (Argon2id, on purpose slow; information only)."""
    from dvdesk.db.backup import database_image, encrypt_file
    from dvdesk.db.engine import DB_FILE_NAME, forget_key, remember_key
    from dvdesk.services.deadlines import list_deadlines
    from dvdesk.services.people import list_people
    from dvdesk.sync.vault import new_vault

    say("  encryption ...")
    plain_path: Path = db.path
    copy_dir = folder / "encrypted"
    copy_dir.mkdir(exist_ok=True)
    target = copy_dir / DB_FILE_NAME
    db.engine.dispose()  # the WAL folded in, so the copy is the whole database
    floor_copy, _ = timed(lambda: shutil.copyfile(plain_path, target))
    vault, key, _recovery = new_vault()
    seconds_encrypt, _ = timed(lambda: encrypt_file(target, key))
    remember_key(target, key)
    enc = open_data_dir(copy_dir)
    try:
        plain_dl, rows = timed(lambda: list_deadlines(db, today, 30), repeat)
        enc_dl, _ = timed(lambda: list_deadlines(enc, today, 30), repeat)
        plain_search, hits = timed(lambda: list_people(db, search=SEARCH), repeat)
        enc_search, _ = timed(lambda: list_people(enc, search=SEARCH), repeat)
        plain_image, image = timed(lambda: database_image(plain_path))
        enc_image, _ = timed(lambda: database_image(target))
    finally:
        enc.close()
        forget_key(target)
    vault.set_password(key, "bench", "bench-password")
    sign_in, _ = timed(lambda: vault.unlock("bench", "bench-password"), repeat)
    size = len(image)
    return [
        Line(
            "encrypt the database (first administrator)", size // 1024, seconds_encrypt, floor_copy
        ),
        Line("floor: copy the database file (KiB)", size // 1024, floor_copy),
        Line("deadlines, encrypted vs plain", len(rows), enc_dl, plain_dl),
        Line(f"search {SEARCH!r}, encrypted vs plain", len(hits), enc_search, plain_search),
        Line("backup image, encrypted vs plain (KiB)", size // 1024, enc_image, plain_image),
        Line("sign-in: Argon2id unwrap of the key", 1, sign_in),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    parser.add_argument("--bundles", type=int, default=300, help="chi bộ sending a bundle each")
    parser.add_argument("--bundle-people", type=int, default=5, help="people in each chi bộ")
    parser.add_argument(
        "--bundles-dir",
        type=Path,
        help="make the bundles here, or take them from here when made with the same sizes",
    )
    parser.add_argument("--quick", action="store_true", help="5,000 people in 50 units, 30 bundles")
    parser.add_argument(
        "--skip-import", action="store_true", help="leave out the (slow) spreadsheet import"
    )
    parser.add_argument(
        "--skip-ui", action="store_true", help="leave out the window start-up and typing"
    )
    parser.add_argument(
        "--skip-exchange", action="store_true", help="leave out the office importing bundles"
    )
    parser.add_argument(
        "--skip-server", action="store_true", help="leave out everything on PostgreSQL"
    )
    parser.add_argument(
        "--server-fsync-off",
        action="store_true",
        help="run PostgreSQL as the tests do (fsync off) instead of with its own durability",
    )
    parser.add_argument("--forms", type=int, default=500, help="forms in the print batch")
    parser.add_argument(
        "--keep",
        type=Path,
        help="work in this folder and keep it (else a temporary folder, removed at the end)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.people, args.units, args.bundles = 5_000, 50, 30
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dvdesk-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    say(f"dvdesk bench: {args.people} people, {args.units} units, today {args.today}, in {folder}")
    lines: list[Line] = []
    try:
        with bench_server.server(not args.skip_server, not args.server_fsync_off) as server:
            run(args, folder, server, lines)
    finally:  # what was measured before a failure is printed all the same
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
        if lines:
            print_table(args, lines)
    return 0


def print_table(args: argparse.Namespace, lines: Sequence[Line]) -> None:
    width = max(len(line.measure) for line in lines)
    print(f"\ndvdesk bench: {args.people} people, {args.units} units, best of {REPEAT} where cheap")
    print(f"{'measure':<{width}}  {'rows':>8}  {'seconds':>9}  {'floor s':>9}  {'ratio':>9}")
    for line in lines:
        floor = f"{line.floor:9.3f}" if line.floor else "        —"
        rows = f"{line.rows:>8}" if line.rows is not None else "       —"
        print(f"{line.measure:<{width}}  {rows}  {line.seconds:9.3f}  {floor}  {line.ratio()}")
    if any("PostgreSQL vs SQLite" in line.measure for line in lines):
        print("(PostgreSQL vs SQLite: the floor is the same measure on SQLite in this run)")


def run(
    args: argparse.Namespace, folder: Path, server: bench_server.Server | None, lines: list[Line]
) -> None:
    """Every measure, each appended to `lines` as soon as it is taken."""
    today: date = args.today
    repeat = REPEAT

    # The rows, as a spreadsheet would hold them.
    def generate() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
        world = DemoWorld(
            units=args.units,
            people=args.people,
            seed=args.seed,
            today=today,
            calendar=WorkCalendar({}),
        )
        people = [person_row(p) for p in world.people()]
        return people, [member_row(m) for m in world.members]

    seconds, (people, members) = timed(generate)
    lines.append(Line("generate demo rows", len(people), seconds))
    say(f"  generated {len(people)} people and {len(members)} members in {seconds:.1f} s")

    # (1) Import.
    xlsx = folder / "people.xlsx"
    seconds, _ = timed(lambda: write_xlsx(xlsx, people, members))
    lines.append(Line("write .xlsx (openpyxl, write-only)", len(people), seconds))
    floor_import = min(floor_insert(folder, people, members) for _ in range(repeat))
    if args.skip_import:
        say("  import skipped (--skip-import)")
    else:
        lines += measure_import(args, today, folder, xlsx, len(people), floor_import)
    lines.append(Line("floor: sqlite3 executemany, plain table", len(people), floor_import))

    # The demo database the queries run on.
    data_dir = folder / "demo"
    db = open_data_dir(data_dir)
    say("  making the demo database ...")
    seconds, summary = timed(
        lambda: make_demo(db, units=args.units, people=args.people, seed=args.seed, today=today)
    )
    lines.append(Line("dvdesk demo (generate + write)", summary.people, seconds))
    say(f"  demo: {seconds:.1f} s, {summary.overdue} overdue, {summary.due_soon} due soon")
    db_path = db.path

    # (2) Deadlines.
    from dvdesk import cli
    from dvdesk.services.deadlines import list_deadlines

    until = date.fromordinal(today.toordinal() + 30)
    floor_dl, floor_rows = timed(lambda: floor_deadlines(db_path, today, until), repeat)
    seconds, items = timed(lambda: list_deadlines(db, today, 30), repeat)
    lines.append(Line("deadlines: service, 30 days", len(items), seconds, floor_dl))

    def run_cli(*extra: str) -> int:
        argv = ["--data-dir", str(data_dir), "deadlines", "--on", today.isoformat(), *extra]
        with contextlib.redirect_stdout(io.StringIO()):
            return cli.main(argv)

    seconds, _ = timed(lambda: run_cli("--json"), repeat)
    lines.append(Line("deadlines: CLI --json (in process)", len(items), seconds, floor_dl))
    seconds, _ = timed(run_cli, repeat)
    lines.append(Line("deadlines: CLI text (in process)", len(items), seconds, floor_dl))
    lines.append(Line("floor: sqlite3 SELECT JOIN ORDER BY", floor_rows, floor_dl))

    # (3) Search.
    from dvdesk.services.people import list_people

    terms = fold(SEARCH).split()
    plain = make_plain_names(db_path, folder)
    floor_s, floor_hits = timed(lambda: floor_search(plain, terms), repeat)
    seconds, hits = timed(lambda: list_people(db, search=SEARCH), repeat)
    lines.append(Line(f"search {SEARCH!r}: list_people", len(hits), seconds, floor_s))
    lines.append(Line("floor: sqlite3 LIKE scan, plain column", floor_hits, floor_s))

    # (5) Printing.
    lines += measure_printing(db, args.forms)

    # (6) The year report, and on PostgreSQL.
    lines += measure_year_report(db, db_path, today.year, server, folder)

    # (7) Encryption at rest.
    lines += measure_encryption(db, folder, today, repeat)

    # (8) The office importing bundles, into its file and on PostgreSQL.
    if args.skip_exchange:
        say("  exchange skipped (--skip-exchange)")
    else:
        lines += measure_exchange(args, folder, today, server)

    # (4) The window.
    if args.skip_ui:
        say("  window skipped (--skip-ui)")
    else:
        say("  opening the window ...")
        lines += measure_ui(db, folder, today)
    db.close()


if __name__ == "__main__":
    sys.exit(main())
