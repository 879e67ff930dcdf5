"""The lists of speakers and participants as PDF: their print templates
(`templates/documents/speakers.html`, `templates/documents/participants.html`) rendered by the
document kit (`conference.documents.pdf`), from plain data: a `ListHead` (what the list's first
lines say), the list (`sessions.reports.speakers_list.SpeakersList`, `speakers.participants.Part`s)
and labels already translated. No Flask, no database."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from conference.documents import pdf
from conference.documents.meta import DocumentMeta
from sessions.reports.lists_docx import speaker_cell
from sessions.reports.speakers_list import SpeakersList, minutes_label
from speakers.participants import Part


@dataclass(frozen=True)
class ListHead:
    conference: str                     # the conference's title
    dates: str                          # its dates ("24–25 February 2021"), as un_dates writes them
    place: str = ""                     # the venue, or "Online"
    session: str = ""                   # the session's title (the list of speakers)
    when: str = ""                      # the session's day and time


def speakers_pdf(meta: DocumentMeta, head: ListHead, listed: SpeakersList, labels: Mapping[str, str]) -> bytes:
    return pdf.render_pdf("documents/speakers.html", meta, head=head, listed=listed, labels=labels,
                          minutes=minutes_label, speaker_cell=speaker_cell)


def participants_pdf(meta: DocumentMeta, head: ListHead, parts: Sequence[Part], part_labels: Mapping[str, str],
                     labels: Mapping[str, str]) -> bytes:
    return pdf.render_pdf("documents/participants.html", meta, head=head, parts=parts,
                          part_labels=part_labels, labels=labels)
