"""The outcome document (`sessions.key_messages.outcome.Outcome`) as a Word file (python-docx). It has no page
around it, so direction is set here: language "ar" makes every paragraph, run and table
right-to-left, and a message in a language of the other direction gets its own paragraph
direction (`w:bidi` on or off, `w:rtl` on its runs)."""
from __future__ import annotations

import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_DIRECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm, Pt, RGBColor

from sessions.key_messages import markup, rich_text
from sessions.key_messages import outcome as doc
from sessions.key_messages.outcome import Outcome, OutcomeMessage

MESSAGE_STYLE = "Key Message"
DETAILS_STYLE = "Key Message Details"   # tags, the source session, the session's time
LINK_COLOUR = RGBColor(0x1F, 0x4E, 0x9A)


def to_docx(outcome: Outcome) -> bytes:
    """The outcome document as a Word file. Message bodies keep their markup (`rich_text`), one
    paragraph per block; for Arabic every paragraph, run and table is right-to-left."""
    document = docx.Document()
    document.core_properties.title = _x(outcome.title)
    document.core_properties.language = outcome.language
    styles = document.styles
    styles.add_style(MESSAGE_STYLE, WD_STYLE_TYPE.PARAGRAPH).base_style = styles["Normal"]
    details = styles.add_style(DETAILS_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    details.base_style = styles["Normal"]
    details.font.size = Pt(9)
    details.font.color.rgb = RGBColor(0x59, 0x59, 0x59)

    document.add_heading(_x(outcome.title), level=0)
    if outcome.dates_label:
        document.add_paragraph(_x(outcome.dates_label))

    document.add_heading(_x(outcome.labels["by_session"]), level=1)
    for section in outcome.sessions:
        document.add_heading(_x(section.title), level=2)
        if section.starts_label:
            document.add_paragraph(_x(section.starts_label), style=DETAILS_STYLE)
        for group in section.groups:
            if group.title:
                document.add_heading(_x(group.title), level=3)
            for message in group.messages:
                _docx_message(document, message, outcome)
                tags = doc.tags(message, outcome)
                if tags:
                    document.add_paragraph(_x(tags), style=DETAILS_STYLE)

    document.add_heading(_x(outcome.labels["by_objective"]), level=1)
    for objective in outcome.objectives:
        heading = doc.objective_heading(objective.number, objective.title, outcome)
        document.add_heading(_x(heading), level=2)
        for message in objective.messages:
            _docx_message(document, message, outcome)
            document.add_paragraph(_x(message.session_title), style=DETAILS_STYLE)

    document.add_heading(_x(outcome.labels["coverage"]), level=1)
    table = document.add_table(rows=1, cols=2)
    table.style = styles["Table Grid"]
    header = table.rows[0].cells
    for cell, label in zip(header, (outcome.labels["objective"], outcome.labels["sessions"])):
        cell.paragraphs[0].add_run(_x(label)).bold = True
    for row in outcome.coverage:
        cells = table.add_row().cells
        cells[0].text = _x(doc.coverage_label(row.number, row.title, outcome))
        names = [doc.session_name(s, outcome) for s in row.sessions]
        if names:
            cells[1].text = _x(doc.join(names, outcome))
        else:
            cells[1].paragraphs[0].add_run(_x(outcome.labels["none"])).italic = True

    if outcome.languages:
        _language_table(document, outcome)

    if outcome.language == "ar":
        _right_to_left(document)
    _own_direction(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _x(text: str) -> str:
    # Characters XML cannot hold would make python-docx raise; titles come from files and forms.
    return markup.INVALID_CHARS.sub("", text)


def _docx_message(document, message: OutcomeMessage, outcome: Outcome) -> None:
    """One paragraph per block of the message (`rich_text.blocks`): bold, italic and links kept
    (links as real hyperlinks), list items with their marker on the message's own side."""
    for index, block in enumerate(rich_text.blocks(message.text) or [rich_text.Block(())]):
        paragraph = document.add_paragraph(style=MESSAGE_STYLE)
        if index == 0 and message.draft:
            paragraph.add_run(_x(outcome.labels["draft"]) + ": ").bold = True
        if block.marker:
            # The marker is text at the paragraph's start: it stands on the side the paragraph's
            # own direction starts from, with a hanging indent per level.
            fmt = paragraph.paragraph_format
            fmt.left_indent = Cm(0.75 * block.level)
            fmt.first_line_indent = Cm(-0.6)
            paragraph.add_run(block.marker + "\t")
        for run in block.runs:
            _add_run(paragraph, run)
        if message.direction is not None and message.direction != outcome.direction:
            # A message in the other direction than the document: its own paragraph direction,
            # set after the whole document is made right-to-left (see `_own_direction`).
            paragraph._p.set(_OWN_DIRECTION, message.direction)
    pending = doc.pending_label(message, outcome)
    if pending:
        document.add_paragraph(style=DETAILS_STYLE).add_run(_x(pending)).italic = True


def _add_run(paragraph, run: rich_text.Run) -> None:
    if run.line_break:
        paragraph.add_run().add_break()
        return
    made = paragraph.add_run(_x(run.text))
    made.bold = run.bold or None
    made.italic = run.italic or None
    if run.href:
        made.font.underline = True
        made.font.color.rgb = LINK_COLOUR
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), paragraph.part.relate_to(run.href, RT.HYPERLINK, is_external=True))
        paragraph._p.append(link)
        link.append(made._r)        # moves the run inside the hyperlink


def _language_table(document, outcome: Outcome) -> None:
    """Key messages in each language: every message against the conference's languages."""
    document.add_heading(_x(outcome.labels["languages"]), level=1)
    table = document.add_table(rows=1, cols=1 + len(outcome.languages))
    table.style = document.styles["Table Grid"]
    labels = [outcome.labels["message"]] + [outcome.labels.get(f"language_{c}", c) for c in outcome.languages]
    for cell, label in zip(table.rows[0].cells, labels):
        cell.paragraphs[0].add_run(_x(label)).bold = True
    for row in outcome.language_rows:
        cells = table.add_row().cells
        cells[0].text = _x(doc.message_label(row, outcome))
        for cell, (_code, state) in zip(cells[1:], row.states):
            cell.text = _x(outcome.labels.get(f"state_{state}", state))


# Elements that may follow <w:bidi/> inside <w:pPr> and <w:sectPr>, in schema order: Word rejects
# a document whose property elements are out of order.
_PPR_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)
_SECTPR_AFTER_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


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


def _right_to_left(document) -> None:
    """Paragraph `w:bidi`, run `w:rtl`, table `w:bidiVisual`, section `w:bidi`, everywhere; and
    the document defaults too, so that what someone adds in Word later is right-to-left as well."""
    body = document.element.body
    defaults = document.styles.element.find(qn("w:docDefaults"))
    ppr_defaults = [] if defaults is None else defaults.iter(qn("w:pPr"))
    rpr_defaults = [] if defaults is None else defaults.iter(qn("w:rPr"))
    for ppr in [*(p.get_or_add_pPr() for p in body.iter(qn("w:p"))), *ppr_defaults]:
        if ppr.find(qn("w:bidi")) is None:
            ppr.insert_element_before(OxmlElement("w:bidi"), *_PPR_AFTER_BIDI)
    for rpr in [*(r.get_or_add_rPr() for r in body.iter(qn("w:r"))), *rpr_defaults]:
        rpr.get_or_add_rtl()
    for table in body.iter(qn("w:tbl")):
        table.bidiVisual_val = WD_TABLE_DIRECTION.RTL
    for sect_pr in body.iter(qn("w:sectPr")):
        if sect_pr.find(qn("w:bidi")) is None:
            sect_pr.insert_element_before(OxmlElement("w:bidi"), *_SECTPR_AFTER_BIDI)
