"""The programme (`conference/documents/programme.py`) as a Word file, with the Word kit: the cover,
then one heading and one table (time, session) per day, as the print template lays it out."""
from __future__ import annotations

from docx.enum.text import WD_BREAK
from docx.shared import Mm

from conference.documents import word, word_text
from conference.documents.programme import Entry, Programme

TIME_COLUMN_MM = 26


def to_docx(programme: Programme) -> bytes:
    meta = programme.meta
    document = word.new_document(meta)
    _cover(document, programme)
    word_text.heading(document, programme.document, 1, meta)
    word_text.paragraph(document, programme.zone_note, meta, style=word.DETAILS_STYLE)
    labels = programme.labels
    for day in programme.days:
        word_text.heading(document, day.heading, 2, meta)
        grid = word_text.table(document, [labels["time"], labels["session"]], [], meta)
        for entry in day.entries:
            cells = grid.add_row().cells
            word_text.add_text(cells[0].paragraphs[0], entry.time, meta)
            _entry(cells[1], entry, programme)
        text_width = 210 - word.MARGINS[2] - word.MARGINS[3]
        for row in grid.rows:
            row.cells[0].width, row.cells[1].width = Mm(TIME_COLUMN_MM), Mm(text_width - TIME_COLUMN_MM)
    return word.save(document, meta)


def _cover(document, programme: Programme) -> None:
    meta = programme.meta
    if meta.symbol:
        word_text.paragraph(document, meta.symbol, meta, style=word.DETAILS_STYLE)
    word_text.heading(document, programme.title, 0, meta)
    word_text.paragraph(document, programme.document, meta, style="Heading 1")
    labels = programme.labels
    rows = [(labels["dates"], programme.dates), (labels["place"], programme.place),
            (labels["organisers"], programme.organisers),
            (labels["interpretation"], programme.interpretation)]
    for label, value in rows:
        if value:
            word_text.paragraph(document, label, meta, style=word.DETAILS_STYLE, bold=True)
            word_text.paragraph(document, value, meta)
    last = word_text.paragraph(document, programme.zone_note, meta, style=word.DETAILS_STYLE)
    last.add_run().add_break(WD_BREAK.PAGE)


def _entry(cell, entry: Entry, programme: Programme) -> None:
    meta, labels = programme.meta, programme.labels
    title = cell.paragraphs[0]
    word_text.add_text(title, entry.title, meta, bold=not entry.is_break, italic=entry.is_break and not meta.rtl)
    tbd = f" ({labels['tbd']})"
    comma = "، " if meta.rtl else ", "
    if entry.chair_label:
        p = cell.add_paragraph()
        word_text.add_text(p, meta.gettext("%(label)s:", label=entry.chair_label) + " ", meta, bold=True)
        word_text.add_text(p, entry.chair + (tbd if entry.chair_tbd else ""), meta)
    for s in entry.speakers:
        p = cell.add_paragraph(style="List Bullet")
        word_text.add_text(p, s.role, meta)
        if s.name:
            word_text.add_text(p, " — ", meta)
            word_text.add_text(p, s.name, meta, bold=True)
        details = [part for part in (s.title, s.affiliation) if part]
        if details:
            word_text.add_text(p, ", " + ", ".join(details), meta)
        if s.tbd:
            word_text.add_text(p, tbd, meta, italic=not meta.rtl)
        if s.minutes:
            word_text.add_text(p, f" ({s.minutes})", meta)
    if entry.rapporteurs:
        p = cell.add_paragraph()
        word_text.add_text(p, meta.gettext("%(label)s:", label=labels["rapporteurs"]) + " ", meta, bold=True)
        word_text.add_text(p, comma.join(entry.rapporteurs), meta)
    if entry.interpretation:
        p = cell.add_paragraph(style=word.DETAILS_STYLE)
        word_text.add_text(p, meta.gettext("%(label)s:", label=labels["interpretation"]) + " ", meta, bold=True)
        word_text.add_text(p, entry.interpretation, meta)
