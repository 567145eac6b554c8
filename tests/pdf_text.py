"""Read a PDF back as text, the way a reader of the printed page would (through PDFium)."""

from __future__ import annotations

import unicodedata

import pypdfium2


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, NFC."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            text = page.get_textpage().get_text_bounded()
            pages.append(unicodedata.normalize("NFC", text.replace("\r\n", "\n")))
        return pages
    finally:
        document.close()


def pdf_text(pdf: bytes) -> str:
    """All pages' text joined, with line breaks folded to spaces so wrapped phrases match."""
    return " ".join(" ".join(page.split()) for page in pdf_pages(pdf))


def embedded_fonts_ok(pdf: bytes) -> bool:
    """Every font in the file is an embedded TrueType subset of Liberation Serif."""
    return b"/FontFile2" in pdf and b"LiberationSerif" in pdf and b"/Helvetica" not in pdf
