"""TB-DLCN: the privacy notice and the person's consent, one page for the dossier.

Not a Party form: dvdesk's own, made so that the notice a person was given, and its version,
are on paper in their file (domain.privacy holds the words).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from dvdesk.domain.privacy import (
    CONSENT_STATEMENT,
    FORM_CODE,
    TITLE,
    NoticeFacts,
    notice_paragraphs,
)
from dvdesk.reports.pdf_layout import Margins, nfc, para
from dvdesk.reports.personal_layout import PersonalDocument, field_line


@dataclass(frozen=True)
class ConsentPage:
    facts: NoticeFacts
    notice_version: str
    place: str
    on: date | None
    collected_by: str  # who handed the notice over ("" → dotted line)


# The notice runs long: a point smaller than the body text keeps it, and the signature under
# it, on one page.
_SIZE = 12.5


def body(page: ConsentPage) -> list[Flowable | str]:
    items: list[Flowable | str] = [field_line("Người có dữ liệu:", page.facts.person_name)]
    items.append(Spacer(1, 1 * mm))
    items += [para(p, size=_SIZE) for p in notice_paragraphs(page.facts)]
    items.append(Spacer(1, 1 * mm))
    items.append(para(CONSENT_STATEMENT, size=_SIZE, bold=True))
    items.append(field_line("Ý kiến khác (nếu có):", None))
    items.append(field_line("Người giao thông báo:", page.collected_by or None))
    return items


def render(page: ConsentPage, margins: Margins | None = None, *, invariant: bool = False) -> bytes:
    document = PersonalDocument(
        title=TITLE,
        form_code=f"{FORM_CODE}, phiên bản {nfc(page.notice_version)}",
        place=page.place,
        on=page.on,
        signer_caption=("Người có dữ liệu",),
        signer_name=page.facts.person_name,
        addressees=(),
        margins=margins or Margins(),
        pdf_title=f"{FORM_CODE} {TITLE}: {nfc(page.facts.person_name)}",
    )
    return document.render(body(page), invariant=invariant)
