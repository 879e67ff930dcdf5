"""Text into a Word document (the kit of `conference/documents/word.py`): runs split by script so
that Arabic runs are right-to-left (`w:rtl`, set in the `w:cs` font) and Latin ones, names
included, stay left-to-right inside an Arabic paragraph; headings, paragraphs, tables, fields
(PAGE, NUMPAGES) and hyperlinks; and `right_to_left`, which an Arabic document gets on saving:
`w:bidi` on every paragraph, section and the defaults, `w:bidiVisual` on tables, `w:rtl` on every
run that is not Latin."""
from __future__ import annotations

import re

from docx.enum.table import WD_TABLE_DIRECTION
from lxml import etree
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.run import Run

# A Latin stretch: from a Latin letter to the last Latin letter or digit before other letters.
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9\s.,;:'’()\-/&@]*[A-Za-z\u00c0-\u024f0-9.)]|[A-Za-z\u00c0-\u024f]")
LATIN_RUN = "{urn:minbar}latin"     # marks a Latin run until `right_to_left`; never saved
# Elements that may follow <w:bidi/> in <w:pPr> and <w:sectPr>, in schema order (Word refuses a
# file whose properties are out of order).
_PPR_AFTER_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)
_SECTPR_AFTER_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def _clean(text: str) -> str:
    # Characters XML cannot hold would make python-docx raise; titles come from files and forms.
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)


def pieces(text: str, rtl: bool) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_latin); in a left-to-right document, one piece."""
    if not rtl:
        return [(text, True)] if text else []
    out, at = [], 0
    for match in LATIN.finditer(text):
        if match.start() > at:
            out.append((text[at:match.start()], False))
        out.append((match.group(), True))
        at = match.end()
    if at < len(text):
        out.append((text[at:], False))
    return out


def add_text(paragraph, text: str, meta, *, bold: bool = False, italic: bool = False):
    """Runs for `text` in `paragraph`, one per script in an Arabic document; the last run."""
    run = None
    for piece, latin in pieces(_clean(text), meta.rtl):
        run = paragraph.add_run(piece)
        run.bold, run.italic = bold or None, italic or None
        if bold:
            run.font.cs_bold = True
        if italic:
            run.font.cs_italic = True
        if meta.rtl and latin:
            run._r.set(LATIN_RUN, "1")
    return run


def heading(document, text: str, level: int, meta):
    """A heading in the real style: level 0 is "Title", 1–3 "Heading n"."""
    paragraph = document.add_paragraph(style="Title" if level == 0 else f"Heading {level}")
    add_text(paragraph, text, meta)
    return paragraph


def paragraph(document, text: str, meta, style: str | None = None, **run):
    p = document.add_paragraph(style=style)
    add_text(p, text, meta, **run)
    return p


def table(document, header: list[str], rows: list[list[str]], meta, style: str = "Minbar Table"):
    """A table in `style`, its header row bold and repeated on every page; cells are plain text
    (a cell given as a list is one paragraph per entry)."""
    grid = document.add_table(rows=1, cols=len(header))
    grid.style = document.styles[style]
    for cell, label in zip(grid.rows[0].cells, header):
        add_text(cell.paragraphs[0], label, meta, bold=True)
    set_property(grid.rows[0]._tr.get_or_add_trPr(), "w:tblHeader", None)
    for row in rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row):
            lines = value if isinstance(value, list) else [value]
            for index, line in enumerate(lines):
                target = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                add_text(target, line, meta)
    return grid


def add_field(paragraph, code: str):
    """A field (PAGE, NUMPAGES, …) as begin/instruction/separate/result/end runs."""
    for kind, text in (("begin", None), (None, f" {code} "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text.strip() == code:
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            run.text = text
    return paragraph


def hyperlink(paragraph, text: str, url: str, meta):
    """A real hyperlink (an external relationship), underlined in blue."""
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    paragraph._p.append(link)
    for piece, latin in pieces(_clean(text), meta.rtl):
        run = OxmlElement("w:r")
        run.text = piece
        link.append(run)
        styled = Run(run, paragraph)
        styled.font.underline = True
        styled.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        if meta.rtl and latin:
            run.set(LATIN_RUN, "1")
    return link


def set_property(parent, tag: str, value: str | None):
    """Sets `<tag w:val=value/>` under a properties element (added if missing, at the end)."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        parent.append(element)
    if value is not None:
        element.set(qn("w:val"), value)
    return element


def right_to_left(document) -> None:
    """Right-to-left everywhere, header and footer included; Latin runs keep their direction."""
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.footer._element, section.first_page_header._element,
                  section.first_page_footer._element]
    defaults = document.styles.element.find(qn("w:docDefaults"))
    for ppr in [*(p.get_or_add_pPr() for part in parts for p in part.iter(qn("w:p"))),
                *defaults.iter(qn("w:pPr"))]:
        if ppr.find(qn("w:bidi")) is None:
            ppr.insert_element_before(OxmlElement("w:bidi"), *_PPR_AFTER_BIDI)
    for part in parts:
        for r in part.iter(qn("w:r")):
            if r.attrib.pop(LATIN_RUN, None) is None:
                r.get_or_add_rPr().get_or_add_rtl()
            else:   # the marker's namespace declaration goes with it (only on this run)
                etree.cleanup_namespaces(r)
        for grid in part.iter(qn("w:tbl")):
            grid.bidiVisual_val = WD_TABLE_DIRECTION.RTL
    for sect_pr in document.element.body.iter(qn("w:sectPr")):
        if sect_pr.find(qn("w:bidi")) is None:
            sect_pr.insert_element_before(OxmlElement("w:bidi"), *_SECTPR_AFTER_BIDI)
