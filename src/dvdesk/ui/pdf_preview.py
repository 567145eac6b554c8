"""Showing a PDF (given as bytes) before printing or saving it.

PDFium (pypdfium2) draws the pages: PySide6's own PDF module is only in the large Addons. The
pages stand one under another in a scroll area and are rendered only when they come into view,
at the screen's pixel density, so a twenty-page document opens at once. Rendered pages are kept
in a small cache; a zoom change empties it.

Printing renders each chosen page at the printer's resolution (capped, see `MAX_PRINT_DPI`) and
paints it onto the whole sheet: the PDF carries its own margins. Saving writes the exact bytes.

Tests call `print_to` with a prepared QPrinter and `save_as` with a path (or a patched file
dialog) instead of going through the dialogs.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from pathlib import Path

import pypdfium2
from PySide6.QtCore import QLocale, QPoint, QRect, QSize, QSizeF, QStandardPaths, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dvdesk.files import FileWriteError, write_atomic
from dvdesk.reports.pdf_merge import PDFIUM_LOCK
from dvdesk.reports.pdf_secrecy import is_secret_pdf

log = logging.getLogger(__name__)

POINTS_PER_INCH = 72.0
MAX_PRINT_DPI = 300.0  # an A4 page at 1200 dpi would be a 550 MB image; 300 dpi prints text well
PAGE_GAP = 12  # pixels between pages, and around them
CACHE_PAGES = 12  # rendered pages kept for scrolling back
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
MIN_ZOOM, MAX_ZOOM = ZOOM_STEPS[0], ZOOM_STEPS[-1]


# --- rendering -----------------------------------------------------------------------------


def _render(document: pypdfium2.PdfDocument, index: int, scale: float) -> QImage:
    """Page `index` at `scale` pixels per point, as a QImage that owns its pixels.

    The caller holds PDFIUM_LOCK."""
    page = document[index]
    try:
        bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)  # RGBx bytes
        try:
            image = QImage(
                bitmap.buffer,
                bitmap.width,
                bitmap.height,
                bitmap.stride,
                QImage.Format.Format_RGBX8888,
            )
            return image.copy()  # detach from PDFium's buffer before it is freed
        finally:
            bitmap.close()
    finally:
        page.close()


def render_page_image(pdf: bytes, index: int, dpi: float) -> QImage:
    """Page `index` (from 0) of `pdf` rendered at `dpi` dots per inch, white background."""
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(pdf)
        try:
            if not 0 <= index < len(document):
                raise IndexError(f"Page {index} not in a document of {len(document)} pages")
            return _render(document, index, dpi / POINTS_PER_INCH)
        finally:
            document.close()


class PdfPages:
    """An open PDF: its page sizes, and pages rendered on demand. `close()` frees PDFium's copy;
    a later render opens it again."""

    def __init__(self, pdf: bytes) -> None:
        self.pdf = pdf
        self._document: pypdfium2.PdfDocument | None = None
        with PDFIUM_LOCK:
            document = self._open()
            sizes = []
            for index in range(len(document)):
                page = document[index]
                try:
                    width, height = page.get_size()
                    if page.get_rotation() in (90, 270):
                        width, height = height, width
                finally:
                    page.close()
                sizes.append(QSizeF(width, height))
        self.sizes: list[QSizeF] = sizes  # in points

    def __len__(self) -> int:
        return len(self.sizes)

    def _open(self) -> pypdfium2.PdfDocument:
        if self._document is None:
            self._document = pypdfium2.PdfDocument(self.pdf)
        return self._document

    def render(self, index: int, width_px: int) -> QImage:
        """Page `index` scaled to `width_px` pixels wide."""
        scale = max(width_px, 1) / max(self.sizes[index].width(), 1.0)
        with PDFIUM_LOCK:
            return _render(self._open(), index, scale)

    def render_dpi(self, index: int, dpi: float) -> QImage:
        with PDFIUM_LOCK:
            return _render(self._open(), index, dpi / POINTS_PER_INCH)

    def close(self) -> None:
        with PDFIUM_LOCK:
            if self._document is not None:
                self._document.close()
                self._document = None


# --- the page strip ------------------------------------------------------------------------


class PageStrip(QWidget):
    """The pages one under another, painted from rendered images; only pages in view render."""

    zoom_requested = Signal(int)  # +1 / -1 from Ctrl+wheel

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_pages")
        self.pages = pages
        self.zoom = 1.0
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self._rects: list[QRect] = []
        self.rendered: list[int] = []  # page indexes in render order, for tests
        self.setAutoFillBackground(False)
        self._layout()

    # geometry

    def pixels_per_point(self) -> float:
        return self.zoom * self.logicalDpiX() / POINTS_PER_INCH

    def page_rect(self, index: int) -> QRect:
        return self._rects[index]

    def _layout(self) -> None:
        ppp = self.pixels_per_point()
        sizes = [QSize(round(s.width() * ppp), round(s.height() * ppp)) for s in self.pages.sizes]
        widest = max((s.width() for s in sizes), default=0)
        width = widest + 2 * PAGE_GAP
        rects, y = [], PAGE_GAP
        for size in sizes:
            rects.append(QRect(QPoint((width - size.width()) // 2, y), size))
            y += size.height() + PAGE_GAP
        self._rects = rects
        self.setFixedSize(max(width, 1), max(y, 1))

    def set_zoom(self, zoom: float) -> None:
        zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        if abs(zoom - self.zoom) < 1e-4:
            return
        self.zoom = zoom
        self._cache.clear()
        self._layout()
        self.update()

    def page_at(self, y: int) -> int:
        """The page under the strip's `y` (the nearest one in a gap)."""
        for index, rect in enumerate(self._rects):
            if y < rect.bottom() + PAGE_GAP:
                return index
        return max(len(self._rects) - 1, 0)

    # painting

    def image(self, index: int) -> QImage:
        ratio = self.devicePixelRatioF()
        width = round(self._rects[index].width() * ratio)
        key = (index, width)
        image = self._cache.get(key)
        if image is None:
            image = self.pages.render(index, width)
            image.setDevicePixelRatio(ratio)
            self.rendered.append(index)
            self._cache[key] = image
            while len(self._cache) > CACHE_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        exposed = event.rect()
        painter.fillRect(exposed, self.palette().dark())
        shadow = QColor(0, 0, 0, 60)
        for index, rect in enumerate(self._rects):
            if not rect.intersects(exposed):
                continue
            painter.fillRect(rect.translated(2, 3), shadow)
            try:
                painter.drawImage(rect, self.image(index))
            except Exception:  # a broken page must not break the dialog's painting
                log.exception("Could not render page %d", index + 1)
                painter.fillRect(rect, Qt.GlobalColor.white)
        painter.end()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = event.angleDelta().y()
            if step:
                self.zoom_requested.emit(1 if step > 0 else -1)
            event.accept()
        else:
            event.ignore()  # the scroll area scrolls


# --- the dialog ----------------------------------------------------------------------------


class PdfPreviewDialog(QDialog):
    """A PDF on screen with Print…, Save as PDF… and Close; zoom with Ctrl++ / Ctrl+- / Ctrl+0."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        file_name: str = "tai_lieu.pdf",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setWindowTitle(title)
        self.pdf = pdf
        self.file_name = file_name
        self.pages = PdfPages(pdf)
        self._fit_width = True
        self.notice: QMessageBox | None = None

        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.zoom_out_button = QPushButton(self.tr("Zoom &out"), self)
        self.zoom_out_button.setObjectName("zoom_out")
        self.zoom_out_button.setToolTip(
            self.tr("Zoom out ({key})").format(key=_key_text(QKeySequence.StandardKey.ZoomOut))
        )
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("0000 %"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = QPushButton(self.tr("Zoom &in"), self)
        self.zoom_in_button.setObjectName("zoom_in")
        self.zoom_in_button.setToolTip(
            self.tr("Zoom in ({key})").format(key=_key_text(QKeySequence.StandardKey.ZoomIn))
        )
        self.fit_button = QPushButton(self.tr("&Fit width"), self)
        self.fit_button.setObjectName("fit_width")
        self.fit_button.setToolTip(self.tr("Fit the page to the window's width (Ctrl+0)"))
        self.page_label = QLabel(self)
        self.page_label.setObjectName("page_label")
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button):
            bar.addWidget(widget)
        bar.addWidget(self.fit_button)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        layout.addLayout(bar)

        self.strip = PageStrip(self.pages)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("pdf_scroll")
        self.scroll.setWidget(self.strip)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Up/Down scroll
        self.scroll.setBackgroundRole(self.strip.backgroundRole())
        self.scroll.viewport().setBackgroundRole(self.palette().ColorRole.Dark)
        self.scroll.setAccessibleName(self.tr("Pages"))
        layout.addWidget(self.scroll, 1)

        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton(
            self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.setObjectName("print_button")
        self.save_button = buttons.addButton(
            self.tr("&Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.setObjectName("save_button")
        # A secret dossier leaves the program on paper only: no file that could be mailed.
        self.secret = is_secret_pdf(self.pdf)
        if self.secret:
            self.save_button.setEnabled(False)
            self.save_button.setToolTip(
                self.tr("A secret (MẬT) dossier is printed on paper only, never saved as a file.")
            )
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("close_button")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.fit_button.clicked.connect(self.fit_width)
        self.strip.zoom_requested.connect(self.step_zoom)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(lambda: self.save_as())
        self.scroll.verticalScrollBar().valueChanged.connect(self._update_page_label)
        shortcuts = [
            (QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Equal), lambda: self.step_zoom(1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1)),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_0), self.fit_width),
            (QKeySequence.StandardKey.Print, self.print_document),
            (QKeySequence.StandardKey.Save, lambda: self.save_as()),
        ]
        for key, slot in shortcuts:
            QShortcut(QKeySequence(key), self, activated=slot)

        screen = (
            parent.screen() if parent is not None else None
        ) or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)
        self.resize(
            min(900, round(available.width() * 0.9)), min(1000, round(available.height() * 0.9))
        )
        self._update_zoom_label()
        self._update_page_label()
        self.scroll.setFocus()

    # --- facts for callers and tests -------------------------------------------------------

    def page_count(self) -> int:
        return len(self.pages)

    def current_page(self) -> int:
        """The page (from 1) at the middle of the view."""
        bar = self.scroll.verticalScrollBar()
        return self.strip.page_at(bar.value() + self.scroll.viewport().height() // 2) + 1

    @property
    def zoom(self) -> float:
        return self.strip.zoom

    # --- zoom ------------------------------------------------------------------------------

    def set_zoom(self, zoom: float) -> None:
        """Show the pages at `zoom` (1.0 is their printed size), keeping the view's page."""
        bar = self.scroll.verticalScrollBar()
        anchor = bar.value() / max(self.strip.height(), 1)
        self.strip.set_zoom(zoom)
        bar.setValue(round(anchor * self.strip.height()))
        self._update_zoom_label()
        self._update_page_label()

    def step_zoom(self, direction: int) -> None:
        self._fit_width = False
        current = self.strip.zoom
        if direction > 0:
            zoom = next((z for z in ZOOM_STEPS if z > current + 1e-3), MAX_ZOOM)
        else:
            zoom = next((z for z in reversed(ZOOM_STEPS) if z < current - 1e-3), MIN_ZOOM)
        self.set_zoom(zoom)

    def fit_width(self) -> None:
        self._fit_width = True
        self._apply_fit()

    def _apply_fit(self) -> None:
        widest = max((s.width() for s in self.pages.sizes), default=0.0)
        if widest <= 0:
            return
        room = self.scroll.viewport().width() - 2 * PAGE_GAP
        points_to_pixels = self.strip.logicalDpiX() / POINTS_PER_INCH
        self.set_zoom(room / (widest * points_to_pixels))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_width:
            self._apply_fit()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._fit_width:
            self._apply_fit()

    def _update_zoom_label(self) -> None:
        self.zoom_label.setText(f"{round(self.strip.zoom * 100)} %")
        self.zoom_in_button.setEnabled(self.strip.zoom < MAX_ZOOM - 1e-3)
        self.zoom_out_button.setEnabled(self.strip.zoom > MIN_ZOOM + 1e-3)

    def _update_page_label(self) -> None:
        self.page_label.setText(
            self.tr("Page {page} of {count}").format(
                page=self.current_page(), count=self.page_count()
            )
        )

    # --- saving ----------------------------------------------------------------------------

    def save_as(self, path: Path | None = None) -> Path | None:
        """Write the PDF's bytes to `path` (asked for when None); returns where, or None."""
        if self.secret:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save as PDF"),
                str(_documents() / self.file_name),
                self.tr("PDF documents (*.pdf)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_atomic(path, self.pdf)
        except FileWriteError as exc:  # full disk, read-only folder: the user can fix that
            log.warning("Could not save the PDF to %s: %s", path, exc)
            self._notify(self.tr("PDF not saved"), exc.message(_ui_language()))
            return None
        return path

    def _notify(self, title: str, text: str) -> None:
        if self.notice is not None:
            self.notice.deleteLater()
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Close, self
        )
        box.setObjectName("pdf_notice")
        self.notice = box
        box.open()

    # --- printing --------------------------------------------------------------------------

    def print_document(self) -> None:
        """Ask for a printer, pages and copies, then print."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        dialog.setMinMax(1, max(self.page_count(), 1))
        dialog.setFromTo(1, max(self.page_count(), 1))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintSelection, False)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def pages_to_print(self, printer: QPrinter) -> list[int]:
        """The page indexes (from 0) the printer's range asks for, copies included when the
        printer cannot make copies itself."""
        count = self.page_count()
        mode = printer.printRange()
        if mode == QPrinter.PrintRange.CurrentPage:
            chosen = [self.current_page() - 1]
        elif mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(printer.fromPage(), 1)
            last = min(printer.toPage() or count, count)
            chosen = list(range(first - 1, last))
        else:
            chosen = list(range(count))
        copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
        if copies == 1:
            return chosen
        if printer.collateCopies():
            return chosen * copies
        return [index for index in chosen for _ in range(copies)]

    def print_to(self, printer: QPrinter) -> int:
        """Print to a prepared `printer`; returns the number of sheets sent (0 if cancelled)."""
        indexes = self.pages_to_print(printer)
        if not indexes:
            return 0
        printer.setFullPage(True)  # the PDF page already holds its margins
        if not printer.docName():
            printer.setDocName(self.windowTitle())
        dpi = float(min(printer.resolution(), MAX_PRINT_DPI))
        progress = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, len(indexes), self)
        progress.setObjectName("print_progress")
        progress.setWindowTitle(self.tr("Print"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)
        painter = QPainter()
        if not painter.begin(printer):
            progress.close()
            self._notify(
                self.tr("Not printed"),
                self.tr(
                    "The printer could not be started. Check that it is switched on and "
                    "connected, then try again."
                ),
            )
            return 0
        sent = 0
        try:
            for position, index in enumerate(indexes):
                progress.setValue(position)
                progress.setLabelText(
                    self.tr("Printing page {page} ({done} of {total})…").format(
                        page=index + 1, done=position + 1, total=len(indexes)
                    )
                )
                if progress.wasCanceled():
                    printer.abort()
                    return 0
                if position:
                    printer.newPage()
                image = self.pages.render_dpi(index, dpi)
                target = _fit(image.size(), painter.viewport())
                painter.drawImage(target, image)
                sent += 1
        finally:
            if painter.isActive():
                painter.end()
            progress.setValue(len(indexes))
            progress.close()
            progress.deleteLater()
        return sent

    # --- closing ---------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self.pages.close()  # free PDFium's copy; painting again would reopen it
        super().done(result)


def _fit(size: QSize, area: QRect) -> QRect:
    """`size` scaled to fit `area`, keeping its shape, centred."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = area.x() + (area.width() - scaled.width()) // 2
    y = area.y() + (area.height() - scaled.height()) // 2
    return QRect(x, y, scaled.width(), scaled.height())


def _key_text(key: QKeySequence.StandardKey) -> str:
    sequences = QKeySequence.keyBindings(key)
    return sequences[0].toString(QKeySequence.SequenceFormat.NativeText) if sequences else ""


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def _ui_language() -> str:
    # The dialog has no backend to ask; the window sets Qt's default locale to its language.
    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"
