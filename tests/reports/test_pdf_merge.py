"""Merging PDFs for batch printing keeps every page, in order."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from dvdesk.reports.pdf_merge import merge_pdfs, page_count


def _pdf(pages: int, tag: str, size: tuple[float, float] = A4) -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=size)
    for number in range(1, pages + 1):
        c.drawString(72, 72, f"{tag}{number}")
        c.showPage()
    c.save()
    return out.getvalue()


def _texts(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_bounded().strip() for i in range(len(document))]
    finally:
        document.close()


def test_pages_are_kept_in_order() -> None:
    merged = merge_pdfs([_pdf(2, "A"), _pdf(1, "B"), _pdf(3, "C")])
    assert merged.startswith(b"%PDF-")
    assert page_count(merged) == 6
    assert _texts(merged) == ["A1", "A2", "B1", "C1", "C2", "C3"]


def test_page_sizes_survive() -> None:
    merged = merge_pdfs([_pdf(1, "P"), _pdf(1, "L", landscape(A4))])
    document = pypdfium2.PdfDocument(merged)
    try:
        portrait, wide = document[0].get_size(), document[1].get_size()
    finally:
        document.close()
    assert portrait == pytest.approx(A4, abs=0.5)
    assert wide == pytest.approx(landscape(A4), abs=0.5)


def test_one_document_and_none() -> None:
    assert page_count(merge_pdfs(iter([_pdf(4, "X")]))) == 4
    with pytest.raises(ValueError):
        merge_pdfs([])


def test_a_broken_document_raises() -> None:
    with pytest.raises(pypdfium2.PdfiumError):
        merge_pdfs([_pdf(1, "A"), b"not a pdf"])
