"""The secrecy mark on the printed forms of a dossier ruled secret ("MẬT"). 36-HD/VPTW puts the
mark of the degree of secrecy under the document's number, at the top left; laid over forms of
many layouts, it goes in the top margin above that corner, where it can cover nothing.

The mark is drawn once with ReportLab and laid over every page through PDFium. With it goes an
invisible line of text, so that any PDF of a secret dossier can be recognised later, by the
preview (no "Save as PDF") and by the command line (no file written), wherever it was made.
"""

from __future__ import annotations

import io

import pypdfium2
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from dvdesk.reports.pdf_layout import BOLD, register_fonts
from dvdesk.reports.pdf_merge import PDFIUM_LOCK

MARK = "MẬT"
MARKER = "dvdesk-classification-mat"  # invisible; found by is_secret_pdf


def _overlay(width: float, height: float) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    # The initial font named: otherwise an unembedded Helvetica is written into the file.
    canvas = Canvas(buffer, pagesize=(width, height), initialFontName=BOLD, initialFontSize=15)
    # In the top margin, left: clear of every form's own heading, code line and text.
    x, top = 20 * mm, height - 5 * mm
    canvas.setLineWidth(1.2)
    canvas.rect(x, top - 9 * mm, 24 * mm, 9 * mm)
    canvas.setFont(BOLD, 15)
    canvas.drawCentredString(x + 12 * mm, top - 6.5 * mm, MARK)
    marker = canvas.beginText(x, top - 12 * mm)
    marker.setTextRenderMode(3)  # neither filled nor stroked: invisible, but extractable
    marker.setFont(BOLD, 4)
    marker.textLine(MARKER)
    canvas.drawText(marker)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def stamp_secret(pdf: bytes) -> bytes:
    """Every page of `pdf` with the secrecy mark laid over it."""
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(pdf)
        try:
            overlays: dict[tuple[float, float], pypdfium2.PdfDocument] = {}
            for page in document:
                size = page.get_size()
                overlay = overlays.get(size)
                if overlay is None:
                    overlay = overlays[size] = pypdfium2.PdfDocument(_overlay(*size))
                xobject = overlay.page_as_xobject(0, document)
                page.insert_obj(xobject.as_pageobject())
                page.gen_content()
            out = io.BytesIO()
            document.save(out)
            for overlay in overlays.values():
                overlay.close()
            return out.getvalue()
        finally:
            document.close()


def is_secret_pdf(pdf: bytes) -> bool:
    """Whether `pdf` carries the secrecy mark (looked for on its first page)."""
    if not pdf.startswith(b"%PDF"):
        return False
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(pdf)
        try:
            if len(document) == 0:
                return False
            text = document[0].get_textpage().get_text_range()
            return MARKER in text
        finally:
            document.close()
