"""The document kit (conference/documents/): the PDF renderer with the print base and the Word
kit, read back by poppler and python-docx, not by the code that wrote them."""
from __future__ import annotations

import io
from datetime import date, datetime, timezone

import docx
import pytest
from docx.oxml.ns import qn

from conference.documents import pdf, word, word_text
from conference.documents.meta import DocumentMeta
from document_tools import A4_POINTS, page_size, pdf_fonts, pdf_info, pdf_text, squeeze

pytestmark = pytest.mark.database_independent
MADE = datetime(2021, 2, 10, 9, 30, tzinfo=timezone.utc)


def meta(language: str, **changes) -> DocumentMeta:
    values = dict(language=language, title="Regional Review", subject="Programme",
                  author="ESCWA", created=MADE, issued=date(2021, 2, 10), symbol="E/ESCWA/2021/TEST/1")
    return DocumentMeta(**{**values, **changes})


@pytest.mark.parametrize("language, parts", [
    ("en", ("Page", "of", "")), ("fr", ("Page", "sur", "")), ("ar", ("الصفحة", "من", ""))])
def test_the_page_label_is_cut_around_its_numbers(language, parts):
    assert meta(language).page_label_parts() == parts


@pytest.mark.parametrize("language, footer", [
    ("en", ["Issued on 10 February 2021", "Page 1 of 1"]),
    ("fr", ["Publié le 10 février 2021", "Page 1 sur 1"]),
    ("ar", ["صدرت في 10 شباط/فبراير 2021", "الصفحة 1 من 1"])])
def test_the_print_base_is_a4_with_its_footer_metadata_and_embedded_fonts(language, footer, tmp_path):
    document = pdf.render_pdf("documents/_print_base.html", meta(language))
    assert page_size(document) == A4_POINTS
    text = pdf_text(document)
    assert all(squeeze(part) in squeeze(text) for part in footer), text
    info = pdf_info(document)
    assert (info["Title"], info["Author"], info["Subject"]) == ("Regional Review", "ESCWA", "Programme")
    fonts = pdf_fonts(document, tmp_path)
    assert fonts and all(f["emb"] == "yes" for f in fonts)
    assert {f["name"].split("+")[1] for f in fonts} <= {"Noto-Sans", "Noto-Naskh-Arabic", "Noto-Serif",
                                                        "Noto-Sans-Bold", "Noto-Naskh-Arabic-Bold"}


@pytest.mark.parametrize("url", [
    "https://fonts.example/noto.woff2", "http://127.0.0.1/x.css", "file:///etc/passwd"])
def test_rendering_fetches_only_local_static_files_and_fonts(url):
    with pytest.raises(pdf.RefusedFetch):
        pdf.local_only(url)


def _word(language: str) -> docx.document.Document:
    m = meta(language)
    document = word.new_document(m)
    word_text.heading(document, "الجلسة الافتتاحية Opening session", 1, m)
    word_text.table(document, ["Time", "Title"], [["10:00", ["Rola Dashti", "الأمينة التنفيذية"]]], m)
    return docx.Document(io.BytesIO(word.save(document, m)))


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_a_word_document_is_a4_with_its_own_properties_header_and_page_field(language):
    document = _word(language)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert "E/ESCWA/2021/TEST/1" in section.header.paragraphs[0].text
    footer_xml = section.footer._element.xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml
    # The first page (a cover, which carries the symbol itself) has the footer but not the header.
    assert section.different_first_page_header_footer
    assert " PAGE " in section.first_page_footer._element.xml
    assert "E/ESCWA" not in section.first_page_header._element.xml
    props = document.core_properties
    assert (props.title, props.subject, props.author) == ("Regional Review", "Programme", "ESCWA")
    assert props.created == props.modified == MADE
    assert props.comments == "" and "python-docx" not in (props.author + props.last_modified_by)
    assert props.language == {"ar": "ar-SA", "en": "en-GB", "fr": "fr-FR"}[language]


def test_word_styles_name_a_typeface_per_script_and_no_theme_font():
    document = _word("en")
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Minbar Table"):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:cs")) == "Noto Naskh Arabic"
        assert fonts.get(qn("w:ascii")) in ("Noto Sans", "Noto Serif")
        assert fonts.get(qn("w:asciiTheme")) is None and fonts.get(qn("w:cstheme")) is None


def test_an_arabic_word_document_is_right_to_left_but_its_latin_runs():
    document = _word("ar")
    body = document.element.body
    assert all(p.pPr is not None and p.pPr.find(qn("w:bidi")) is not None for p in body.iter(qn("w:p")))
    runs = {r.text: r.rPr is not None and r.rPr.find(qn("w:rtl")) is not None for r in body.iter(qn("w:r"))}
    assert runs["Opening session"] is False and runs["Rola Dashti"] is False
    assert runs["الأمينة التنفيذية"] is True
    assert body.find(qn("w:tbl")).tblPr.find(qn("w:bidiVisual")) is not None
    assert "urn:minbar" not in body.xml


def test_an_english_word_document_has_no_right_to_left_mark():
    body = _word("en").element.body
    assert body.find(".//" + qn("w:bidi")) is None and body.find(".//" + qn("w:rtl")) is None
