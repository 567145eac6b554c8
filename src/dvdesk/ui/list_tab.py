"""A tab that is a searchable, read-only list: search box, count, table.

Rows come from a service page by page on a worker thread (`PageLoader`), so the first rows show
at once and a large database never freezes the window. A tab loads when it is first shown
(`activate`), not at start-up, and reloads when the bus announces a change to what it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from dvdesk.ui.row_table_model import Entry, RowFilterProxy, RowTableModel
from dvdesk.ui.views import SearchField, restore_header, save_header, setup_table_view
from dvdesk.ui.workers import FetchPage, PageLoader

if TYPE_CHECKING:
    from dvdesk.ui.bus import Bus

SEARCH_DELAY_MS = 120  # the list filters once typing pauses this long
FIRST_PAGE = 200
MAX_PAGE = 5000


class ListTab(QWidget):
    loaded = Signal(int)  # the whole list is in; how many rows
    row_activated = Signal(object)  # the row's dataclass: Enter or double click

    def __init__(
        self,
        name: str,
        model: RowTableModel,
        fetch_page: FetchPage,
        reload_on: tuple[str, ...],
        bus: Bus,
        settings: QSettings | None,
        widths: dict[int, int],
        parent: QWidget | None = None,
        stretch_last: bool = True,
    ) -> None:
        super().__init__(parent)
        self.table_name = name
        self.setObjectName(f"{name}_tab")
        self._fetch_page = fetch_page
        self._reload_on = reload_on
        self._loader: PageLoader | None = None
        self._generation = 0
        self._fresh = False
        self._failed = False
        self.loading = False
        self.activated = False  # loaded at least once

        self.model = model
        model.setParent(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(model)

        self.search = SearchField(self)
        self.search.setPlaceholderText(
            QCoreApplication.translate("ListTab", "Type to filter; accents optional")
        )
        self.search_label = QLabel(QCoreApplication.translate("ListTab", "&Search:"), self)
        self.search_label.setBuddy(self.search)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")

        self.view = QTableView(self)
        self.view.setObjectName(f"{name}_table")
        self.view.setModel(self.proxy)
        setup_table_view(self.view, widths, stretch_last=stretch_last)
        self.view.sortByColumn(model.NATURAL_SORT[0], model.NATURAL_SORT[1])

        self.bar = QHBoxLayout()
        self.bar.addWidget(self.search_label)
        self.bar.addWidget(self.search, 3)
        self.add_filters(self.bar)
        self.bar.addSpacing(12)
        self.bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(self.bar)
        layout.addWidget(self.view, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._apply_search)
        self.search.down_pressed.connect(self.focus_table)
        self.view.activated.connect(self._on_activated)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        bus.changed.connect(self._on_changed)
        restore_header(self.view, settings, name)
        self._update_count()

    # --- for subclasses --------------------------------------------------------------------

    def add_filters(self, bar: QHBoxLayout) -> None:
        """Put more filter widgets after the search box."""

    def count_text(self, shown: int, total: int) -> str:
        """The line beside the search box. Subclasses name what they count, with plurals
        through their own tr() (lupdate files a base class's tr() under the base's name, but
        PySide looks it up under the subclass's)."""
        if self._failed:
            return QCoreApplication.translate("ListTab", "The list could not be loaded.")
        if self.loading:
            return QCoreApplication.translate("ListTab", "Loading…")
        return QCoreApplication.translate("ListTab", "{shown} of {total}").format(
            shown=shown, total=total
        )

    # --- public ----------------------------------------------------------------------------

    def activate(self) -> None:
        """The tab is being shown: load it the first time."""
        if not self.activated:
            self.reload()

    def reload(self) -> None:
        """Read the list again from the services, on a worker thread."""
        self.activated = True
        self._stop_loader()
        self._generation += 1
        self._fresh = True
        self.loading = True
        self._failed = False
        self.before_load()
        model, fetch = self.model, self._fetch_page

        def fetch_entries(offset: int, limit: int) -> Sequence[Entry]:
            return model.prepare(fetch(offset, limit))

        loader = PageLoader(fetch_entries, self._generation, FIRST_PAGE, MAX_PAGE)
        loader.signals.page.connect(self._on_page)
        loader.signals.finished.connect(self._on_finished)
        loader.signals.failed.connect(self._on_failed)
        self._loader = loader
        self._update_count()
        loader.start()

    def before_load(self) -> None:
        """Refresh what `prepare` depends on (e.g. today's date) before a load starts."""

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_table(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def selected_rows(self) -> list[Any]:
        return [self.proxy.row_at(i) for i in self.view.selectionModel().selectedRows(0)]

    def current_row(self) -> Any:
        return self.proxy.row_at(self.view.currentIndex())

    def save_state(self, settings: QSettings) -> None:
        save_header(self.view, settings, self.table_name)

    def shutdown(self) -> None:
        """Stop loading before the window (and the database) goes away."""
        self._stop_loader()

    # --- loading ---------------------------------------------------------------------------

    def _stop_loader(self) -> None:
        if self._loader is not None:
            self._loader.cancel()
            self._loader.wait(5.0)
            self._loader = None

    def _on_page(self, generation: int, entries: list[Entry]) -> None:
        if generation != self._generation:
            return
        if self._fresh:  # replace the old rows only now, so a reload does not flash empty
            self._fresh = False
            self.model.set_entries(entries)
        else:
            self.model.append_entries(entries)

    def _on_finished(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        if self._fresh:  # nothing at all came back
            self._fresh = False
            self.model.clear()
        self.loading = False
        self._loader = None
        self._update_count()
        self.loaded.emit(total)

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self._failed = True
        self._loader = None
        self._update_count()
        raise exc  # unexpected: the application's error handler logs and shows it

    # --- filtering -------------------------------------------------------------------------

    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.proxy.set_search(self.search.text())

    def _update_count(self, *_: Any) -> None:
        self.count_label.setText(self.count_text(self.proxy.rowCount(), self.model.total()))

    # --- other -----------------------------------------------------------------------------

    def _on_activated(self, index: QModelIndex) -> None:
        row = self.proxy.row_at(index)
        if row is not None:
            self.row_activated.emit(row)

    def _on_changed(self, what: str) -> None:
        if what in self._reload_on and self.activated:
            self.reload()
