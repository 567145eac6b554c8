"""The PDF preview (pages drawn by PDFium, printing, saving) and batch printing behind it."""

from __future__ import annotations

import io
import threading
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from dvdesk.reports.forms import f6_kn
from dvdesk.reports.pdf_merge import page_count
from dvdesk.ui import batch_print
from dvdesk.ui.batch_print import BatchPrinter, BatchResult, failures_box, run_batch
from dvdesk.ui.pdf_preview import PdfPreviewDialog, render_page_image

A4_RATIO = 210 / 297


def canvas_pdf(pages: int, tag: str = "Trang") -> bytes:
    """A small A4 PDF whose pages say "<tag> <n>" in large type."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for number in range(1, pages + 1):
        c.setFont("Helvetica-Bold", 48)
        c.drawString(72, 700, f"{tag} {number}")
        c.rect(72, 72, 300, 200, fill=1)
        c.showPage()
    c.save()
    return out.getvalue()


def resolution_pdf() -> bytes:
    """A real 6-KNĐ, as the program prints it."""
    return f6_kn.render(
        f6_kn.AdmissionResolution(
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
    )


def dark_pixels(image: QImage) -> int:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())
    line = gray.bytesPerLine()
    width = gray.width()
    return sum(
        sum(1 for value in data[y * line : y * line + width] if value < 96)
        for y in range(gray.height())
    )


def page_texts(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_bounded() for i in range(len(document))]
    finally:
        document.close()


def open_dialog(qtbot: QtBot, pdf: bytes, **kwargs: str) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(
        pdf,
        kwargs.get("title", "Nghị quyết 6-KNĐ"),
        **{k: v for k, v in kwargs.items() if k != "title"},
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


# --- rendering ---------------------------------------------------------------------------


def test_render_page_image_is_an_a4_page_with_ink() -> None:
    image = render_page_image(resolution_pdf(), 0, 72)
    assert image.width() == pytest.approx(595, abs=1)
    assert image.width() / image.height() == pytest.approx(A4_RATIO, rel=0.01)
    assert dark_pixels(image) > 500
    sharper = render_page_image(resolution_pdf(), 0, 144)
    assert sharper.width() == pytest.approx(2 * image.width(), abs=2)
    with pytest.raises(IndexError):
        render_page_image(resolution_pdf(), 5, 72)


# --- the dialog --------------------------------------------------------------------------


def test_dialog_shows_the_pages_and_renders_only_those_in_view(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, canvas_pdf(20), file_name="2-knd.pdf")
    assert dialog.windowTitle() == "Nghị quyết 6-KNĐ"
    assert dialog.page_count() == 20
    assert dialog.page_label.text() == "Page 1 of 20"
    qtbot.waitUntil(lambda: bool(dialog.strip.rendered))
    assert len(set(dialog.strip.rendered)) <= 3  # the pages in view, not all twenty

    rect = dialog.strip.page_rect(0)
    assert rect.width() / rect.height() == pytest.approx(A4_RATIO, rel=0.02)
    assert rect.width() <= dialog.scroll.viewport().width()  # opened fitting the width
    image = dialog.strip.image(0)
    assert dark_pixels(image) > 500

    bar = dialog.scroll.verticalScrollBar()
    bar.setValue(dialog.strip.page_rect(9).top())
    assert dialog.page_label.text() == "Page 10 of 20"
    dialog.repaint()
    assert 9 in dialog.strip.rendered


def test_zoom_buttons_and_keys(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, canvas_pdf(2))
    fitted = dialog.zoom
    width = dialog.strip.page_rect(0).width()
    dialog.zoom_in_button.click()
    assert dialog.zoom > fitted
    assert dialog.strip.page_rect(0).width() > width
    assert dialog.zoom_label.text() == f"{round(dialog.zoom * 100)} %"

    dialog.set_zoom(1.0)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.scroll.setFocus()
    qtbot.keyClick(dialog.scroll, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom == pytest.approx(0.9)
    qtbot.keyClick(dialog.scroll, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom == pytest.approx(1.0)
    qtbot.keyClick(dialog.scroll, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom == pytest.approx(fitted)

    for _ in range(30):
        dialog.step_zoom(-1)
    assert not dialog.zoom_out_button.isEnabled()
    dialog.fit_button.click()
    assert dialog.zoom == pytest.approx(fitted)


def test_save_as_writes_the_exact_bytes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = resolution_pdf()
    dialog = open_dialog(qtbot, pdf, file_name="6-knd-pham-thu-trang.pdf")
    asked: list[str] = []

    def choose(parent: object, caption: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "nghi-quyet"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    dialog.save_button.click()
    assert asked and asked[0].endswith("6-knd-pham-thu-trang.pdf")
    assert (tmp_path / "nghi-quyet.pdf").read_bytes() == pdf

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert dialog.save_as() is None  # the user cancelled


def test_save_as_into_a_missing_folder_warns(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, canvas_pdf(1))
    assert dialog.save_as(tmp_path / "missing" / "x.pdf") is None
    assert dialog.notice is not None
    assert dialog.notice.windowTitle() == "PDF not saved"


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_sends_every_page_at_a4(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, canvas_pdf(3))
    out = tmp_path / "printed.pdf"
    assert dialog.print_to(_pdf_printer(out)) == 3
    printed = out.read_bytes()
    assert page_count(printed) == 3
    image = render_page_image(printed, 2, 50)
    assert image.width() / image.height() == pytest.approx(A4_RATIO, rel=0.01)
    assert dark_pixels(image) > 500


def test_printing_follows_the_page_range_and_copies(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, canvas_pdf(5))
    out = tmp_path / "range.pdf"
    printer = _pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setCopyCount(2)  # a PDF "printer" cannot make copies itself: we send them
    assert dialog.pages_to_print(printer) == [1, 2, 1, 2]
    printer.setCollateCopies(False)
    assert dialog.pages_to_print(printer) == [1, 1, 2, 2]
    printer.setCollateCopies(True)
    assert dialog.print_to(printer) == 4
    assert page_count(out.read_bytes()) == 4


def test_closing_frees_the_document(qtbot: QtBot) -> None:
    dialog = open_dialog(qtbot, canvas_pdf(2))
    dialog.strip.image(0)
    assert dialog.pages._document is not None
    dialog.reject()
    assert dialog.pages._document is None
    assert not dialog.pages.render(1, 100).isNull()  # reopened on demand
    dialog.pages.close()


# --- batch printing ----------------------------------------------------------------------


def _failing() -> bytes:
    raise RuntimeError("thiếu ngày sinh")


def test_batch_merges_the_good_jobs_and_collects_failures(qtbot: QtBot) -> None:
    jobs = [
        ("Nguyễn Văn A", lambda: canvas_pdf(2, "A")),
        ("Trần Văn B", _failing),
        ("Lê Thị C", lambda: canvas_pdf(3, "C")),
    ]
    printer = BatchPrinter("In hàng loạt", jobs)
    with qtbot.waitSignal(printer.finished, timeout=20_000) as blocker:
        printer.start()
    result = blocker.args[0]
    assert isinstance(result, BatchResult)
    assert not result.cancelled
    assert result.done == 2
    assert result.failures == [("Trần Văn B", "thiếu ngày sinh")]
    assert result.pdf is not None
    texts = page_texts(result.pdf)
    assert [t.strip() for t in texts] == ["A 1", "A 2", "C 1", "C 2", "C 3"]
    assert printer.progress is None and not printer.busy


def test_failures_are_listed_by_label_and_message() -> None:
    box = failures_box(None, "In hàng loạt", [("Trần Văn B", "thiếu ngày sinh")])
    assert "1 document(s)" in box.text()
    assert "Trần Văn B: thiếu ngày sinh" in box.informativeText()
    many = failures_box(None, "x", [(f"Người {i}", "lỗi") for i in range(25)])
    assert "15 more" in many.informativeText()
    assert many.detailedText().count("\n") == 24


def test_run_batch_shows_failures_then_the_preview(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    previews: list[PdfPreviewDialog] = []

    def box_exec(box: QMessageBox) -> int:
        shown.append(box.informativeText())
        return 0

    def preview_exec(dialog: PdfPreviewDialog) -> int:
        previews.append(dialog)
        assert dialog.page_count() == 3
        assert dialog.file_name == "in-6-knd.pdf"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    monkeypatch.setattr(PdfPreviewDialog, "exec", preview_exec)
    jobs = [
        ("Nguyễn Văn A", lambda: canvas_pdf(1)),
        ("Trần Văn B", _failing),
        ("Lê Thị C", lambda: canvas_pdf(2)),
    ]
    pdf = run_batch(None, "In hàng loạt", jobs, file_name="in-6-knd.pdf")
    assert pdf is not None and page_count(pdf) == 3
    assert shown == ["• Trần Văn B: thiếu ngày sinh"]
    assert len(previews) == 1


def test_cancel_stops_after_the_current_job_and_gives_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: pytest.fail("no preview"))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: pytest.fail("no message"))
    release = threading.Event()
    ran: list[str] = []
    labels: list[str] = []

    def slow() -> bytes:
        ran.append("A")
        release.wait(10)
        return canvas_pdf(1)

    def never() -> bytes:
        ran.append("C")
        return canvas_pdf(1)

    jobs = [("Nguyễn Văn A", slow), ("Trần Văn B", never), ("Lê Thị C", never)]

    def cancel_when_shown() -> None:
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QProgressDialog)
                and widget.objectName() == "batch_progress"
                and "Nguyễn Văn A" in widget.labelText()
            ):
                labels.append(widget.labelText())
                widget.canceled.emit()  # what its Cancel button (or Esc) does
                release.set()
                timer.stop()

    timer = QTimer()
    timer.timeout.connect(cancel_when_shown)
    timer.start(20)
    try:
        assert run_batch(None, "In hàng loạt", jobs) is None
    finally:
        timer.stop()
        release.set()
    assert labels == ["1 / 3 — Nguyễn Văn A"]
    assert ran == ["A"]


def test_a_batch_where_every_job_fails_gives_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: pytest.fail("no preview"))
    assert run_batch(None, "x", [("A", _failing)]) is None
    assert len(shown) == 1
    assert batch_print.BatchResult().pdf is None


def test_a_secret_dossier_cannot_be_saved_as_a_file(qtbot: QtBot, tmp_path: Path) -> None:
    from dvdesk.reports.pdf_secrecy import stamp_secret

    dialog = open_dialog(qtbot, stamp_secret(resolution_pdf()))
    assert not dialog.save_button.isEnabled() and "MẬT" in dialog.save_button.toolTip()
    assert dialog.save_as(tmp_path / "x.pdf") is None and not (tmp_path / "x.pdf").exists()
    assert dialog.print_button.isEnabled()  # on paper it may go
