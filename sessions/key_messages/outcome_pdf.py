"""The outcome document (`sessions.key_messages.outcome.Outcome`) as PDF: the print template
`templates/documents/outcome.html` (a cover, then the document as the page shows it,
`templates/sessions/_outcome_document.html`) rendered by the document kit
(`conference.documents.pdf`: A4, running header with the symbol, footer with the date of issue and
page numbers, fonts embedded). `Cover` is what the first page says besides the title and dates,
shared with the Word file (`sessions.key_messages.outcome_docx`). No Flask, no database."""
from __future__ import annotations

from dataclasses import dataclass

from conference.documents import pdf
from conference.documents.meta import DocumentMeta
from sessions.key_messages.outcome import Outcome
from sessions.key_messages.outcome_html import Helpers


@dataclass(frozen=True)
class Cover:
    document: str = ""                  # what the document is ("Outcome document")
    place: str = ""                     # the venue, or "Online"
    organisers: str = ""


def to_pdf(outcome: Outcome, meta: DocumentMeta, cover: Cover | None = None) -> bytes:
    return pdf.render_pdf("documents/outcome.html", meta, outcome=outcome, h=Helpers(outcome),
                          cover=cover or Cover())
