"""The person pane beside the candidates list: one person in full (services.candidates).

Header (name, code, unit, stage), then the timeline of dated events, the dossier checklist
(present, missing or stale: an icon and words, never colour alone), current rule findings with
their legal basis, helper and introducers, certificates and open deadlines with days left.
The detail is read on a worker thread and read again when the bus announces people changes.
Showing a person's dossier is logged (personal data was viewed): `record_view(person_id)` runs
on the same worker after the read, for the newest request only, so arrowing through the list
logs only the person who stays on screen; the service logs a person at most once an hour.
"""

from __future__ import annotations

import html
import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QStyle, QTextBrowser, QVBoxLayout, QWidget

from dvdesk.domain.dates import format_date
from dvdesk.services.candidates import PersonDetail
from dvdesk.services.errors import NotFoundError
from dvdesk.ui import bus as changes

if TYPE_CHECKING:
    from dvdesk.ui.bus import Bus

log = logging.getLogger(__name__)

PROBLEM_COLOUR = "#a40000"
WARNING_COLOUR = "#8a5a00"
OK_COLOUR = "#1d6b2c"

# Icons the detail's HTML refers to, made from the style's standard icons.
_ICONS = {
    "present": QStyle.StandardPixmap.SP_DialogApplyButton,
    "missing": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "stale": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "overdue": QStyle.StandardPixmap.SP_MessageBoxWarning,
}


class TaskSignals(QObject):
    done = Signal(int, object)  # generation, result
    failed = Signal(int, object)  # generation, exception


class Task(QRunnable):
    """Run one callable on the thread pool; the result comes back by signal."""

    def __init__(self, work: Callable[[], Any], generation: int) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps the Python object
        self.signals = TaskSignals()
        self.generation = generation
        self._work = work
        self._done = threading.Event()

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:
            self.signals.failed.emit(self.generation, exc)
        else:
            self.signals.done.emit(self.generation, result)
        finally:
            self._done.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)


class RunningTasks:
    """Tasks started and kept alive (the pool does not own them: setAutoDelete(False)) until
    each has finished; a result is handled once the task is no longer counted as running.

    A finished task is still held for a while: its result signal can arrive while the pool's
    thread is returning from run() and still touching the runnable, and a Python object freed
    under it crashes the program."""

    KEEP_ENDED = 16

    def __init__(self) -> None:
        self._tasks: list[Task] = []
        self._ended: deque[Task] = deque(maxlen=self.KEEP_ENDED)

    def start(
        self,
        task: Task,
        done: Callable[[int, Any], None],
        failed: Callable[[int, BaseException], None],
    ) -> None:
        def finished() -> None:
            if task in self._tasks:
                self._tasks.remove(task)
                self._ended.append(task)

        task.signals.done.connect(finished)
        task.signals.failed.connect(finished)
        task.signals.done.connect(done)
        task.signals.failed.connect(failed)
        self._tasks.append(task)
        task.start()

    def __bool__(self) -> bool:
        return bool(self._tasks)

    def wait_all(self, timeout: float = 10.0) -> None:
        for task in list(self._tasks):
            task.wait(timeout)
        self._ended.extend(self._tasks)
        self._tasks.clear()


class DetailBrowser(QTextBrowser):
    """A read-only text view whose `icon:NAME` images are the style's standard icons (setting
    new HTML clears a document's own resources, so they are answered here)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon_size = self.fontMetrics().height()
        self._pixmaps: dict[str, QPixmap] = {}

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        name = QUrl(url).toString()
        if name.startswith("icon:") and name[5:] in _ICONS:
            pixmap = self._pixmaps.get(name)
            if pixmap is None:
                icon = self.style().standardIcon(_ICONS[name[5:]])
                pixmap = self._pixmaps[name] = icon.pixmap(self.icon_size, self.icon_size)
            return pixmap
        return super().loadResource(kind, url)


class PersonView(QWidget):
    """Shows one person; `show_person(id)` loads them off the GUI thread."""

    shown = Signal(str)  # the id of the person now shown

    def __init__(
        self,
        fetch: Callable[[str], PersonDetail],
        bus: Bus,
        parent: QWidget | None = None,
        record_view: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person_view")
        self._fetch = fetch
        # Who opened which dossier goes to the audit log (Backend.record_view).
        self._record_view = record_view
        self._generation = 0
        # Every request is kept until it ends: arrowing through the list starts a new one
        # while the last is still reading.
        self._tasks = RunningTasks()
        self.person_id: str | None = None
        self.unit = ""
        self.detail: PersonDetail | None = None
        self.loading = False

        self.title = QLabel(self)
        self.title.setObjectName("person_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(self.title.textInteractionFlags())
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("person_subtitle")
        self.subtitle.setWordWrap(True)
        self.body = DetailBrowser(self)
        self.body.setObjectName("person_body")
        self.body.setOpenLinks(False)
        self.body.setAccessibleName(self.tr("Person details"))
        self.title_label = QLabel(self.tr("Person det&ails:"), self)
        self.title_label.setBuddy(self.body)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.body, 1)
        bus.changed.connect(self._on_changed)
        self.clear()

    # --- public ----------------------------------------------------------------------------

    def show_person(self, person_id: str, unit: str = "") -> None:
        """Load and show a person; the newest request wins."""
        if person_id != self.person_id or unit:
            self.unit = unit
        self.person_id = person_id
        self.reload()

    def reload(self) -> None:
        if self.person_id is None:
            return
        self._generation += 1
        self.loading = True
        person_id, fetch, generation = self.person_id, self._fetch, self._generation

        def work() -> PersonDetail:
            detail = fetch(person_id)
            if self._record_view is not None and generation == self._generation:
                try:
                    self._record_view(person_id)
                except Exception:  # the dossier is still shown; the failure is in the log file
                    log.warning("Could not log the view of a dossier", exc_info=True)
            return detail

        self._tasks.start(Task(work, generation), self._on_done, self._on_failed)

    def clear(self) -> None:
        self._generation += 1
        self.loading = False
        self.person_id = None
        self.detail = None
        self.title.setText(self.tr("No one selected"))
        self.subtitle.setText(self.tr("Choose a person in the list to see their file here."))
        self.body.clear()

    def shutdown(self) -> None:
        self._generation += 1
        self._tasks.wait_all(5.0)

    def text(self) -> str:
        """Everything shown, as plain text (for tests and screen readers alike)."""
        return "\n".join((self.title.text(), self.subtitle.text(), self.body.toPlainText()))

    # --- loading ---------------------------------------------------------------------------

    def _on_done(self, generation: int, detail: PersonDetail) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.detail = detail
        self._render(detail)
        self.shown.emit(detail.id)

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        if isinstance(exc, NotFoundError):  # deleted meanwhile
            self.clear()
            return
        log.error("Loading a person failed", exc_info=exc)
        self.detail = None
        self.body.setPlainText(self.tr("This person could not be loaded."))

    def _on_changed(self, what: str) -> None:
        if what in (changes.PEOPLE, changes.ALL) and self.person_id is not None:
            self.reload()

    # --- showing ---------------------------------------------------------------------------

    def _icon(self, name: str) -> str:
        size = self.body.icon_size
        return f'<img src="icon:{name}" width="{size}" height="{size}"> '

    def _render(self, d: PersonDetail) -> None:
        self.title.setText(d.full_name)
        parts = [d.stage_label]
        if d.code:
            parts.insert(0, self.tr("Code {code}").format(code=d.code))
        if self.unit:
            parts.insert(1 if d.code else 0, self.unit)
        if d.secret:
            parts.insert(0, self.tr("SECRET (MẬT)"))
        self.subtitle.setText(" · ".join(parts))
        e = html.escape
        out: list[str] = []

        def section(title: str) -> None:
            out.append(f"<h3>{e(title)}</h3>")

        def empty(text: str) -> None:
            out.append(f"<p><i>{e(text)}</i></p>")

        # Open deadlines first: what to do next.
        section(self.tr("Open deadlines"))
        if d.deadlines:
            out.append("<ul>")
            for dl in d.deadlines:
                when = format_date(dl.due)
                if dl.status == "overdue":
                    left = self.tr("overdue by %n day(s)", "", -dl.days_left)
                    out.append(
                        f'<li>{self._icon("overdue")}<b style="color:{PROBLEM_COLOUR}">'
                        f"{e(dl.label)}: {e(when)}, {e(left)}</b></li>"
                    )
                else:
                    if dl.days_left == 0:
                        left = self.tr("due today")
                    elif dl.days_left < 0:
                        left = self.tr("%n day(s) ago", "", -dl.days_left)
                    else:
                        left = self.tr("%n day(s) left", "", dl.days_left)
                    out.append(f"<li>{e(dl.label)}: {e(when)}, {e(left)}</li>")
            out.append("</ul>")
        else:
            empty(self.tr("No open deadlines."))

        section(self.tr("Personal data"))
        if d.consent_on is not None:
            out.append(
                "<p>"
                + e(self.tr("Consent signed on {date}.").format(date=format_date(d.consent_on)))
                + "</p>"
            )
        else:
            out.append(
                f'<p>{self._icon("warning")}<span style="color:{WARNING_COLOUR}">'
                + e(
                    self.tr(
                        "No signed consent under the current notice: print TB-DLCN from the "
                        "Print menu, and record it once signed."
                    )
                )
                + "</span></p>"
            )
        if d.secret:
            out.append(
                f'<p><b style="color:{PROBLEM_COLOUR}">'
                + e(self.tr("Secret dossier: it prints marked and is never saved as a file."))
                + "</b></p>"
            )

        section(self.tr("Rule findings"))
        if d.findings:
            out.append("<ul>")
            for f in d.findings:
                if f.severity == "error":
                    mark, word, colour = "error", self.tr("Error"), PROBLEM_COLOUR
                elif f.severity == "warning":
                    mark, word, colour = "warning", self.tr("Warning"), WARNING_COLOUR
                else:
                    mark, word, colour = "info", self.tr("Note"), ""
                style = f' style="color:{colour}"' if colour else ""
                basis = ""
                if f.basis:
                    basis = self.tr("Basis: {basis}").format(basis=f.basis)
                    basis = f"<br><small>{e(basis)}</small>"
                out.append(
                    f"<li>{self._icon(mark)}<b{style}>{e(word)}:</b> {e(f.message)}{basis}</li>"
                )
            out.append("</ul>")
        else:
            empty(self.tr("No rule findings."))

        section(
            self.tr("Dossier checklist (as of {date})").format(date=format_date(d.checklist_on))
        )
        out.append("<ul>")
        for paper in d.checklist:
            if paper.status == "present":
                state = self.tr("present, dated {date}").format(date=format_date(paper.on))
                if paper.valid_until is not None:
                    state += self.tr(", valid until {date}").format(
                        date=format_date(paper.valid_until)
                    )
                colour = OK_COLOUR
            elif paper.status == "stale":
                state = self.tr("out of date: dated {date}, valid until {until}").format(
                    date=format_date(paper.on), until=format_date(paper.valid_until)
                )
                colour = WARNING_COLOUR
            else:
                state = self.tr("missing")
                colour = PROBLEM_COLOUR
            out.append(
                f"<li>{self._icon(paper.status)}{e(paper.label)}: "
                f'<b style="color:{colour}">{e(state)}</b></li>'
            )
        out.append("</ul>")

        section(self.tr("Helper and introducers"))
        people = [*d.helpers, *d.introducers]
        if people:
            out.append("<ul>")
            for a in people:
                role = self.tr("Helper") if a.role == "helper" else self.tr("Introducer")
                status = (
                    self.tr("official member")
                    if a.status == "official"
                    else self.tr("probationary member")
                )
                since = format_date(a.from_date)
                line = f"{e(role)}: <b>{e(a.name)}</b> ({e(status)})"
                if since:
                    line += e(self.tr(", from {date}").format(date=since))
                if a.to_date is not None:
                    line += e(self.tr(" to {date}").format(date=format_date(a.to_date)))
                if a.replacement:
                    line += e(self.tr(" (replacement)"))
                out.append(f"<li>{line}</li>")
            out.append("</ul>")
        else:
            empty(self.tr("No helper or introducer assigned yet."))

        section(self.tr("Classes and certificates"))
        if d.certificates:
            out.append("<ul>")
            for c in d.certificates:
                kind = (
                    self.tr("Awareness class")
                    if c.kind == "awareness"
                    else self.tr("New member class")
                    if c.kind == "new_member"
                    else c.kind
                )
                line = self.tr("{kind}: certificate {number}, issued {date}").format(
                    kind=kind, number=c.number or "—", date=format_date(c.issued_on)
                )
                if c.issuer:
                    line += f" ({c.issuer})"
                out.append(f"<li>{e(line)}</li>")
            out.append("</ul>")
        else:
            empty(self.tr("No certificates yet."))

        section(self.tr("Timeline"))
        if d.timeline:
            out.append("<table cellspacing='0' cellpadding='2'>")
            for item in d.timeline:
                extra = " · ".join(x for x in (item.number, item.detail) if x)
                tail = f" <small>({e(extra)})</small>" if extra else ""
                out.append(
                    f"<tr><td style='padding-right:12px'>{e(format_date(item.on))}</td>"
                    f"<td>{e(item.label)}{tail}</td></tr>"
                )
            out.append("</table>")
        else:
            empty(self.tr("Nothing recorded yet."))

        self.body.setHtml("\n".join(out))
