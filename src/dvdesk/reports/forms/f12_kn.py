"""Mẫu 12-KNĐ: Tổng hợp ý kiến nhận xét của tổ chức đoàn thể nơi làm việc và chi ủy nơi cư
trú đối với đảng viên dự bị.

The same compilation as 5-KNĐ (f5_kn), for the probationary member at the end of probation:
issued by the chi ủy, unnumbered, signed T/M CHI ỦY / BÍ THƯ; the date admitted is the
admission ceremony's.
"""

from __future__ import annotations

from dvdesk.domain.dossier import PersonDossier, PrintContext
from dvdesk.domain.forms import FormInput
from dvdesk.domain.pipeline import EventKind
from dvdesk.reports.forms import f5_kn
from dvdesk.reports.forms.f5_kn import OpinionSummary, body
from dvdesk.reports.pdf_layout import Margins, PartyDocument

FORM_CODE = "12-KNĐ"
SUBJECT = "của tổ chức đoàn thể nơi làm việc và chi ủy nơi cư trú đối với đảng viên dự bị"

INPUTS: tuple[FormInput, ...] = f5_kn.INPUTS

__all__ = ["FORM_CODE", "INPUTS", "OpinionSummary", "body", "document", "from_dossier", "render"]


def from_dossier(dossier: PersonDossier, ctx: PrintContext) -> OpinionSummary:
    ceremony = dossier.last(EventKind.CEREMONY)
    return f5_kn.summary_from_dossier(
        dossier, ctx, probationary=True, admitted_on=ceremony.on if ceremony else None
    )


def document(r: OpinionSummary, margins: Margins | None = None) -> PartyDocument:
    return f5_kn.document(r, margins, form_code=FORM_CODE, subject=SUBJECT)


def render(r: OpinionSummary, margins: Margins | None = None, *, invariant: bool = False) -> bytes:
    """The 12-KNĐ as PDF bytes."""
    return document(r, margins).render(body(r), invariant=invariant)
