"""Work off the GUI thread. Services are plain callables; results reach widgets only by signal.

`PageLoader` reads a long list page by page on the global thread pool, so the first rows show
at once and the window never waits for the rest. Each page opens its own database session
(the services do that), which is what SQLAlchemy asks of threads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

FetchPage = Callable[[int, int], Sequence[object]]  # (offset, limit) -> rows


class PageLoaderSignals(QObject):
    page = Signal(int, object)  # generation, list of rows
    finished = Signal(int, int)  # generation, rows loaded
    failed = Signal(int, object)  # generation, the exception


class PageLoader(QRunnable):
    """Fetch pages that grow from `first_page` to `max_page` rows until a short page comes back.

    Growing pages keep the first paint quick and the number of round trips small. `generation`
    lets the receiver drop pages of a load it has since replaced; `cancel()` stops between pages.
    """

    def __init__(
        self, fetch: FetchPage, generation: int, first_page: int = 200, max_page: int = 5000
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps the Python object; Qt must not free it
        self.signals = PageLoaderSignals()
        self.generation = generation
        self._fetch = fetch
        self._first = max(1, first_page)
        self._max = max(self._first, max_page)
        self._cancelled = threading.Event()
        self._done = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until `run` has returned (or was never started and got cancelled)."""
        return self._done.wait(timeout)

    def start(self, pool: QThreadPool | None = None) -> None:
        (pool or QThreadPool.globalInstance()).start(self)

    def run(self) -> None:
        offset, size = 0, self._first
        try:
            while not self.cancelled:
                rows = list(self._fetch(offset, size))
                if self.cancelled:
                    return
                self.signals.page.emit(self.generation, rows)
                offset += len(rows)
                if len(rows) < size:
                    self.signals.finished.emit(self.generation, offset)
                    return
                size = min(size * 2, self._max)
        except Exception as exc:
            log.exception("Loading a list failed")
            if not self.cancelled:
                self.signals.failed.emit(self.generation, exc)
        finally:
            self._done.set()
