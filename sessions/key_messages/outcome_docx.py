"""The outcome document (`sessions.key_messages.outcome.Outcome`) as a Word file, on the document
kit (`conference.documents.word`: A4, styles, fonts per script, header with the symbol, footer with
the date of issue and page numbers, the document's own core properties): a cover (the symbol, the
conference, its dates, place and organisers), then the three parts and the language table.
Every key message is an item of a bulleted list, as in the HTML outcome: its first paragraph has a
real Word list bullet (`w:numPr`, the document's own bullet numbering definition), its other
paragraphs, its list items and what the document says about it (pending, tags, source) stand
indented under its text. Direction: language "ar" makes every paragraph, run and table
right-to-left (the kit's `save`, Latin runs kept left-to-right), and a message in a language of the
other direction gets its own paragraph direction (`w:bidi` on or off, `w:rtl` on its runs), list
items included, so that its bullet and markers stand on the message's own side."""
from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Twips
from docx.text.run import Run

from conference.documents import word, word_text
from conference.documents.meta import SANS, DocumentMeta
from sessions.key_messages import markup, rich_text
from sessions.key_messages import outcome as doc
from sessions.key_messages.outcome import Outcome, OutcomeMessage
from sessions.key_messages.outcome_pdf import Cover

MESSAGE_STYLE = "Key Message"
DETAILS_STYLE = "Key Message Details"   # tags, the source session, the session's time
BULLET = "\u2022"
BULLET_INDENT = Twips(425)               # where a message's text starts, its bullet hanging before it


def to_docx(outcome: Outcome, meta: DocumentMeta, cover: Cover | None = None) -> bytes:
    """The outcome document as a Word file. Message bodies keep their markup (`rich_text`), one
    paragraph per block; for Arabic every paragraph, run and table is right-to-left."""
    document = word.new_document(meta)
    styles = document.styles
    styles.add_style(MESSAGE_STYLE, WD_STYLE_TYPE.PARAGRAPH).base_style = styles["Normal"]
    styles.add_style(DETAILS_STYLE, WD_STYLE_TYPE.PARAGRAPH).base_style = styles[word.DETAILS_STYLE]

    _cover(document, outcome, meta, cover)
    bullets = _bullet_numbering(document)

    word_text.heading(document, _x(outcome.labels["by_session"]), 1, meta)
    for section in outcome.sessions:
        word_text.heading(document, _x(section.title), 2, meta)
        if section.starts_label:
            word_text.paragraph(document, _x(section.starts_label), meta, style=DETAILS_STYLE)
        for group in section.groups:
            if group.title:
                word_text.heading(document, _x(group.title), 3, meta)
            for message in group.messages:
                _docx_message(document, message, outcome, meta, bullets)
                tags = doc.tags(message, outcome)
                if tags:
                    _inside(word_text.paragraph(document, _x(tags), meta, style=DETAILS_STYLE))

    word_text.heading(document, _x(outcome.labels["by_objective"]), 1, meta)
    for objective in outcome.objectives:
        heading = doc.objective_heading(objective.number, objective.title, outcome)
        word_text.heading(document, _x(heading), 2, meta)
        for message in objective.messages:
            _docx_message(document, message, outcome, meta, bullets)
            _inside(word_text.paragraph(document, _x(message.session_title), meta, style=DETAILS_STYLE))

    word_text.heading(document, _x(outcome.labels["coverage"]), 1, meta)
    rows = []
    for row in outcome.coverage:
        names = [doc.session_name(s, outcome) for s in row.sessions]
        rows.append([_x(doc.coverage_label(row.number, row.title, outcome)), _x(doc.join(names, outcome))])
    table = word_text.table(document, [_x(outcome.labels["objective"]), _x(outcome.labels["sessions"])], rows, meta)
    for row, cells in zip(outcome.coverage, table.rows[1:]):
        if not row.sessions:
            word_text.add_text(cells.cells[1].paragraphs[0], _x(outcome.labels["none"]), meta, italic=True)

    if outcome.languages:
        _language_table(document, outcome, meta)

    _own_direction(document)
    return word.save(document, meta)


def _cover(document, outcome: Outcome, meta: DocumentMeta, cover: Cover | None) -> None:
    """The first page: the symbol, what the document is, the conference, its dates, place and
    organisers; the parts start on the next page."""
    if meta.symbol:
        word_text.paragraph(document, meta.symbol, meta, style=word.DETAILS_STYLE)
    if cover is not None and cover.document:
        word_text.paragraph(document, _x(cover.document), meta, bold=True)
    word_text.heading(document, _x(outcome.title), 0, meta)
    for line in [outcome.dates_label, *((cover.place, cover.organisers) if cover is not None else ())]:
        if line:
            word_text.paragraph(document, _x(line), meta)
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _x(text: str) -> str:
    # Characters XML cannot hold would make python-docx raise; titles come from files and forms.
    return markup.INVALID_CHARS.sub("", text)


def _docx_message(document, message: OutcomeMessage, outcome: Outcome, meta: DocumentMeta, bullets: str) -> None:
    """One paragraph per block of the message (`rich_text.blocks`): bold, italic and links kept
    (links as real hyperlinks), list items with their marker on the message's own side. The first
    paragraph is the message's list item (the bullet numbering `bullets`); the others stand under
    its text."""
    for index, block in enumerate(rich_text.blocks(message.text) or [rich_text.Block(())]):
        paragraph = document.add_paragraph(style=MESSAGE_STYLE)
        if index == 0:
            _bullet(paragraph, bullets)
        else:
            _inside(paragraph, Cm(0.75 * block.level))
        if index == 0 and message.draft:
            word_text.add_text(paragraph, _x(outcome.labels["draft"]) + ": ", meta, bold=True)
        if block.marker:
            # The marker is text at the paragraph's start: it stands on the side the paragraph's
            # own direction starts from ("left" is the start side of a bidi paragraph in Word),
            # with a hanging indent per level, under the message's text.
            if index > 0:
                paragraph.paragraph_format.first_line_indent = Cm(-0.6)
            paragraph.add_run(block.marker + "\t")
        for run in block.runs:
            _add_run(paragraph, run, meta)
        if message.direction is not None and message.direction != outcome.direction:
            # A message in the other direction than the document: its own paragraph direction,
            # set once the whole document is written (see `_own_direction`).
            paragraph._p.set(_OWN_DIRECTION, message.direction)
    pending = doc.pending_label(message, outcome)
    if pending:
        word_text.add_text(_inside(document.add_paragraph(style=DETAILS_STYLE)), _x(pending), meta, italic=True)


def _inside(paragraph, more=0):
    """A paragraph of a message's list item after its first: under the message's text."""
    paragraph.paragraph_format.left_indent = BULLET_INDENT + more
    return paragraph


def _bullet_numbering(document) -> str:
    """The document's bullet list of key messages: an abstract numbering (one level, a bullet
    hanging before the text, "left" being the start side of a right-to-left paragraph) and its
    `w:num`, added to the numbering part; returns the `numId` its list items name."""
    numbering = document.part.numbering_part.element
    abstract_id = 1 + max([int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))] or [0])
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    kind = OxmlElement("w:multiLevelType")
    kind.set(qn("w:val"), "singleLevel")
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "bullet"), ("w:lvlText", BULLET), ("w:lvlJc", "left")):
        word_text.set_property(level, tag, value)
    indent = OxmlElement("w:ind")
    indent.set(qn("w:left"), str(BULLET_INDENT.twips))
    indent.set(qn("w:hanging"), str(BULLET_INDENT.twips))
    level.append(OxmlElement("w:pPr"))
    level[-1].append(indent)
    level.append(OxmlElement("w:rPr"))
    fonts = OxmlElement("w:rFonts")
    for name in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{name}"), SANS)
    level[-1].append(fonts)
    abstract.extend([kind, level])
    first_num = numbering.find(qn("w:num"))     # every w:abstractNum comes before the w:num elements
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    return str(numbering.add_num(abstract_id).numId)


def _bullet(paragraph, num_id: str) -> None:
    numbered = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbered.get_or_add_ilvl().val = 0
    numbered.get_or_add_numId().val = int(num_id)


def _add_run(paragraph, run: rich_text.Run, meta: DocumentMeta) -> None:
    if run.line_break:
        paragraph.add_run().add_break()
    elif run.href:
        link = word_text.hyperlink(paragraph, _x(run.text), run.href, meta)
        for r in link.iter(qn("w:r")):
            styled = Run(r, paragraph)
            styled.bold, styled.italic = run.bold or None, run.italic or None
    else:
        word_text.add_text(paragraph, _x(run.text), meta, bold=run.bold, italic=run.italic)


def _language_table(document, outcome: Outcome, meta: DocumentMeta) -> None:
    """Key messages in each language: every message against the conference's languages."""
    word_text.heading(document, _x(outcome.labels["languages"]), 1, meta)
    header = [outcome.labels["message"]] + [outcome.labels.get(f"language_{c}", c) for c in outcome.languages]
    rows = [[_x(doc.message_label(row, outcome))] + [_x(outcome.labels.get(f"state_{state}", state))
                                                      for _code, state in row.states]
            for row in outcome.language_rows]
    word_text.table(document, [_x(h) for h in header], rows, meta)


# Elements that may follow <w:bidi/> inside <w:pPr> and <w:sectPr>, in schema order: Word rejects
# a document whose property elements are out of order.
_PPR_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)


# A marker attribute on the message paragraphs whose direction differs from the document's; it is
# replaced by the paragraph's real properties before saving and never reaches the file.
_OWN_DIRECTION = "{urn:minbar}direction"


def _own_direction(document) -> None:
    """Right-to-left paragraphs (`w:bidi`) and runs (`w:rtl`) for Arabic messages in an English or
    French document; explicitly left-to-right ones (`w:bidi w:val="0"`, no `w:rtl`) for English or
    French messages in an Arabic document, whose defaults are right-to-left."""
    for p in list(document.element.body.iter(qn("w:p"))):
        direction = p.attrib.pop(_OWN_DIRECTION, None)
        if direction is None:
            continue
        ppr = p.get_or_add_pPr()
        bidi = ppr.find(qn("w:bidi"))
        if bidi is None:
            bidi = OxmlElement("w:bidi")
            ppr.insert_element_before(bidi, *_PPR_AFTER_BIDI)
        runs = [r.get_or_add_rPr() for r in p.iter(qn("w:r"))]
        if direction == "rtl":
            bidi.attrib.pop(qn("w:val"), None)
            for rpr in runs:
                rpr.get_or_add_rtl()
        else:
            bidi.set(qn("w:val"), "0")
            for rpr in runs:
                rpr._remove_rtl()
                rtl = OxmlElement("w:rtl")
                rtl.set(qn("w:val"), "0")
                rpr._insert_rtl(rtl)
