"""The Word kit: a python-docx document that is the document's own, not the library's template.

`new_document(meta)` gives an A4 document with UN-like margins, real styles (Normal, Title,
Heading 1–3, "Minbar Table"), typefaces declared per script (`w:rFonts`: ascii/hAnsi Noto Serif or
Noto Sans, `w:cs` Noto Naskh Arabic; the theme fonts of the template removed, as they would win), a
header with the document symbol, a footer with the date of issue and "Page X of Y" (PAGE and
NUMPAGES fields), and core properties from `meta` (title, subject, the organiser as author,
created and modified now, language). Content goes in with `conference/documents/word_text.py`;
`save(document, meta)` makes an Arabic document right-to-left throughout and returns the bytes.
"""
from __future__ import annotations

import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips

from conference.documents import word_text
from conference.documents.meta import NASKH, SANS, SERIF, DocumentMeta

TABLE_STYLE = "Minbar Table"
DETAILS_STYLE = "Minbar Details"
LANGUAGE_TAGS = {"ar": "ar-SA", "en": "en-GB", "fr": "fr-FR"}
# Top, bottom, left, right, header and footer distances, in millimetres.
MARGINS = (25, 25, 22, 22, 12, 12)
# What a style's text is set in: Latin (ascii/hAnsi) and size, Arabic (cs) and size, bold.
STYLE_FONTS = {
    "Normal": (SERIF, 10.5, 11, False),
    "Title": (SANS, 20, 22, True),
    "Heading 1": (SANS, 14, 15, True),
    "Heading 2": (SANS, 12, 13, True),
    "Heading 3": (SANS, 10.5, 11.5, True),
    "Header": (SANS, 9, 9.5, False),
    "Footer": (SANS, 8, 8.5, False),
    DETAILS_STYLE: (SANS, 9, 10, False),
}


def new_document(meta: DocumentMeta) -> docx.document.Document:
    document = docx.Document()
    _defaults(document, meta)
    _styles(document)
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin,
         section.header_distance, section.footer_distance) = (Mm(v) for v in MARGINS)
        _header_footer(section, meta)
    _properties(document, meta)
    return document


def save(document, meta: DocumentMeta) -> bytes:
    """The Word file's bytes; for Arabic, right-to-left everywhere (`word_text.right_to_left`)."""
    if meta.rtl:
        word_text.right_to_left(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def set_fonts(rpr, latin: str, arabic: str = NASKH) -> None:
    """`w:rFonts` of a run or style: `latin` for ascii/hAnsi/eastAsia, `arabic` for `w:cs`; the
    template's theme fonts (which take precedence over named ones) removed."""
    fonts = rpr.get_or_add_rFonts()
    for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{name}"), None)
    for name in ("ascii", "hAnsi", "eastAsia"):
        fonts.set(qn(f"w:{name}"), latin)
    fonts.set(qn("w:cs"), arabic)


def _defaults(document, meta: DocumentMeta) -> None:
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, SERIF)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), LANGUAGE_TAGS.get(meta.language, "en-GB"))
    lang.set(qn("w:bidi"), "ar-SA")


def _styles(document) -> None:
    styles = document.styles
    details = styles.add_style(DETAILS_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    details.base_style = styles["Normal"]
    details.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    for name, (latin, size, size_cs, bold) in STYLE_FONTS.items():
        style = styles[name]
        set_fonts(style.element.get_or_add_rPr(), latin)
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.cs_bold = bold
        word_text.set_property(style.element.get_or_add_rPr(), "w:szCs", str(int(size_cs * 2)))
        if name != DETAILS_STYLE:
            style.font.color.rgb = RGBColor(0, 0, 0)
    styles["Normal"].paragraph_format.space_after = Pt(4)
    styles["Title"].paragraph_format.space_after = Pt(12)
    title_ppr = styles["Title"].element.get_or_add_pPr()
    for border in title_ppr.findall(qn("w:pBdr")):     # the template's blue rule under the title
        title_ppr.remove(border)
    for level in (1, 2, 3):
        styles[f"Heading {level}"].paragraph_format.space_before = Pt(14 - 3 * level)
        styles[f"Heading {level}"].paragraph_format.keep_with_next = True
    table = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    table.base_style = styles["Table Grid"]
    table.font.size = Pt(9.5)
    set_fonts(table.element.get_or_add_rPr(), SANS)


def _header_footer(section, meta: DocumentMeta) -> None:
    """The symbol in the header from the second page (the cover carries it itself, as in the PDF);
    the date of issue and "Page X of Y" in the footer of every page."""
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    # "right" is the paragraph's end: right in English and French, left in a bidi paragraph.
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    word_text.add_text(header, meta.symbol, meta)
    for footer in (section.footer.paragraphs[0], section.first_page_footer.paragraphs[0]):
        _footer(footer, meta)


def _footer(footer, meta: DocumentMeta) -> None:
    word_text.add_text(footer, meta.issued_label, meta)
    tabs = footer.paragraph_format.tab_stops
    for position in (Twips(4680), Twips(9360)):     # the template's Footer style's stops
        tabs.add_tab_stop(position, WD_TAB_ALIGNMENT.CLEAR)
    tabs.add_tab_stop(Mm(210 - MARGINS[2] - MARGINS[3]), WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run("\t")
    before, between, after = meta.page_label_parts()
    word_text.add_text(footer, f"{before} " if before else "", meta)
    word_text.add_field(footer, "PAGE")
    word_text.add_text(footer, f" {between} ", meta)
    word_text.add_field(footer, "NUMPAGES")
    word_text.add_text(footer, f" {after}" if after else "", meta)


def _properties(document, meta: DocumentMeta) -> None:
    props = document.core_properties
    props.title, props.subject = _clip(meta.title), _clip(meta.subject)
    props.author = props.last_modified_by = _clip(meta.author)
    props.created = props.modified = meta.created
    props.language = LANGUAGE_TAGS.get(meta.language, meta.language)
    props.comments, props.category = "", ""
    props.keywords = _clip(", ".join(meta.keywords))
    props.revision = 1
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = part.blob.replace(b"Microsoft Macintosh Word", b"Minbar")


def _clip(text: str, limit: int = 255) -> str:
    """python-docx refuses a core property over 255 characters (the organisers can be longer)."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
