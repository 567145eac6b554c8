"""Joining PDFs into one (for batch printing), through PDFium. No Qt here.

PDFium is not thread-safe: every call into it, from any thread, takes `PDFIUM_LOCK` (the preview
takes it too), so a merge on the thread pool and a preview painting on the GUI thread never
meet inside the library.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable

import pypdfium2

PDFIUM_LOCK = threading.RLock()


def merge_pdfs(pdfs: Iterable[bytes]) -> bytes:
    """One PDF holding every page of `pdfs`, in order. Raises ValueError when given none."""
    with PDFIUM_LOCK:
        merged = pypdfium2.PdfDocument.new()
        try:
            count = 0
            for pdf in pdfs:
                source = pypdfium2.PdfDocument(pdf)
                try:
                    merged.import_pages(source)  # copies the pages' objects
                finally:
                    source.close()
                count += 1
            if count == 0:
                raise ValueError("No PDF to merge")
            out = io.BytesIO()
            merged.save(out)
            return out.getvalue()
        finally:
            merged.close()


def page_count(pdf: bytes) -> int:
    """How many pages `pdf` has."""
    with PDFIUM_LOCK:
        document = pypdfium2.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()
