"""The lists of speakers and participants as Word files, on the document kit
(`conference.documents.word`: A4, styles, fonts per script, header and footer, core properties;
`conference.documents.word_text`: text cut by script, tables). Plain data in (a
`sessions.reports.speakers_list.SpeakersList`, `speakers.participants.Part`s, labels already
translated); `speakers_rows` is the table both formats show. No Flask, no database."""
from __future__ import annotations

from typing import Mapping, Sequence

from conference.documents import word, word_text
from conference.documents.meta import DocumentMeta
from sessions.reports.speakers_list import Entry, SpeakersList, minutes_label
from speakers.participants import Part


def speaker_cell(entry: Entry, labels: Mapping[str, str]) -> tuple[str, str]:
    """(the speaker's name, or "To be determined"; their title, or the slot's role while unnamed);
    an open discussion is named by its role."""
    if entry.speaker:
        return entry.speaker, entry.title
    if entry.kind == "discussion":
        return entry.role, ""
    return labels["tbd"], entry.role


def speakers_rows(listed: SpeakersList, labels: Mapping[str, str]) -> tuple[list[str], list[list]]:
    """The table's header and rows (a cell may be a list: one line each), totals last."""
    header = [labels["order"], labels["party"], labels["speaker"], labels["language"], labels["allotted"]]
    if listed.ended:
        header.append(labels["used"])
    rows: list[list] = []
    for entry in listed.entries:
        name, title = speaker_cell(entry, labels)
        row = [str(entry.order), entry.party, [name, title] if title else name, entry.language,
               minutes_label(entry.allotted_ms)]
        if listed.ended:
            row.append(minutes_label(entry.used_ms) if entry.took_floor else labels["did_not_speak"])
        rows.append(row)
    total = ["", labels["total"], "", "", minutes_label(listed.total_allotted_ms)]
    if listed.ended:
        total.append(minutes_label(listed.total_used_ms))
    rows.append(total)
    return header, rows


def _head(document, meta: DocumentMeta, head) -> None:
    if meta.symbol:
        word_text.paragraph(document, meta.symbol, meta, style=word.DETAILS_STYLE)
    word_text.paragraph(document, head.conference, meta, bold=True)
    dates = f"{head.dates} · {head.place}" if head.place else head.dates
    if dates:
        word_text.paragraph(document, dates, meta)


def speakers_docx(meta: DocumentMeta, head, listed: SpeakersList, labels: Mapping[str, str]) -> bytes:
    document = word.new_document(meta)
    _head(document, meta, head)
    word_text.heading(document, labels["title"], 0, meta)
    word_text.heading(document, head.session, 1, meta)
    if head.when:
        word_text.paragraph(document, head.when, meta)
    word_text.paragraph(document, labels["final"] if listed.ended else labels["provisional"], meta,
                        style=word.DETAILS_STYLE)
    header, rows = speakers_rows(listed, labels)
    grid = word_text.table(document, header, rows, meta)
    for cell in grid.rows[-1].cells:                 # the totals
        for run in cell.paragraphs[0].runs:
            run.bold = True
    return word.save(document, meta)


def participants_docx(meta: DocumentMeta, head, parts: Sequence[Part], part_labels: Mapping[str, str],
                      labels: Mapping[str, str]) -> bytes:
    document = word.new_document(meta)
    _head(document, meta, head)
    word_text.heading(document, labels["title"], 0, meta)
    if not parts:
        word_text.paragraph(document, labels["empty"], meta)
    comma = "، " if meta.rtl else ", "
    for part in parts:
        word_text.heading(document, part_labels.get(part.key, part.key), 1, meta)
        for delegation in part.delegations:
            if delegation.name:
                word_text.heading(document, delegation.name, 2, meta)
            for person in delegation.people:
                paragraph = word_text.paragraph(document, person.name, meta, bold=True)
                if person.title:
                    word_text.add_text(paragraph, comma + person.title, meta)
    return word.save(document, meta)
