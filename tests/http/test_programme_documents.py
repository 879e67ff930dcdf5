"""The programme as PDF and Word (conference/documents/), in each language, read back by tools
that did not write it: poppler (pdfinfo, pdftotext, pdffonts), python-docx and LibreOffice."""
from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn

from document_tools import A4_POINTS, page_size, pdf_fonts, pdf_info, pdf_text, soffice_to_pdf, squeeze

pytestmark = pytest.mark.database_independent
SLUG = "gcm-arab-2021"
URL = f"/conferences/{SLUG}/programme"
# What each language's programme says, in this order (the reading order pdftotext gives back).
IN_ORDER = {
    "en": ["GCM-ARAB/2021/INF.1", "Regional Conference to Review the Global", "Programme",
           "24–25 February 2021", "Online", "Arabic, English, French", "Page 1 of {pages}",
           "Day 1 · Wednesday, 24 February 2021", "09:30–10:00", "Registration of participants",
           "10:00–11:00", "Opening session", "Executive Secretary of ESCWA",
           "11:15–12:15", "Plenary session 1: Voluntary reports of the Arab countries",
           "Chair:", "Representative of State A (TBD) (5 minutes)",
           "Day 2 · Thursday, 25 February 2021", "Page {pages} of {pages}"],
    "fr": ["GCM-ARAB/2021/INF.1", "Programme", "24-25 février 2021", "En ligne",
           "arabe, anglais, français", "Page 1 sur {pages}", "Jour 1 · mercredi 24 février 2021",
           "09:30–10:00", "Inscription des participants", "10:00–11:00", "Séance d’ouverture",
           "Secrétaire exécutive de la CESAO", "Jour 2 · jeudi 25 février 2021", "Séance de clôture",
           "Page {pages} sur {pages}"],
    "ar": ["GCM-ARAB/2021/INF.1", "البرنامج", "24-25 شباط/فبراير 2021", "عبر الإنترنت",
           "العربية، الإنجليزية، الفرنسية", "الصفحة 1 من {pages}", "اليوم", "الأربعاء",
           "تسجيل المشاركين", "الجلسة الافتتاحية", "الأمينة التنفيذية للإسكوا",
           "اليوم", "الخميس", "الصفحة {pages} من {pages}"],
}
NOT_IN = {"en": "الأمينة التنفيذية", "fr": "Executive Secretary of ESCWA", "ar": "Executive Secretary of ESCWA"}


def _in_order(text: str, expected: list[str]) -> None:
    at = 0
    for part in expected:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} missing, or not after {text[max(0, at - 80):at]!r}"
        at = found + len(part)


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_the_programme_pdf_is_a4_in_order_with_embedded_fonts_and_page_numbers(client, language, tmp_path):
    response = client.get(f"{URL}.pdf?lang={language}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{SLUG}-programme-{language}.pdf"'
    pdf = response.data
    assert page_size(pdf) == A4_POINTS
    info = pdf_info(pdf)
    pages = int(info["Pages"])
    assert 3 <= pages <= 8 and info["Author"].startswith(
        {"en": "International Organization", "fr": "Organisation internationale", "ar": "المنظمة الدولية"}[language])
    text = pdf_text(pdf)
    # Arabic lines come back with spaces and neutral marks moved around numbers ("اليوم ·1"):
    # compared without whitespace, and a day heading by its words.
    expected = [part.format(pages=pages) for part in IN_ORDER[language]]
    if language == "ar":
        _in_order(squeeze(text), [squeeze(part) for part in expected])
        assert "10:00" in text and "9:30" in text and "ص" in text
    else:
        _in_order(text, expected)
    assert NOT_IN[language] not in text
    for page in range(1, pages + 1):
        label = {"en": f"Page {page} of {pages}", "fr": f"Page {page} sur {pages}",
                 "ar": f"الصفحة {page} من {pages}"}[language]
        assert squeeze(label) in squeeze(pdf_text(pdf, page, page))
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts and all(font["emb"] == "yes" for font in fonts), fonts
    names = {font["name"].split("+", 1)[1] for font in fonts}
    assert ("Noto-Naskh-Arabic" in names) == (language == "ar") and "Noto-Sans" in names


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_the_programme_docx_is_a4_with_page_fields_its_own_properties_and_converts(client, language, tmp_path):
    response = client.get(f"{URL}.docx?lang={language}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == f'attachment; filename="{SLUG}-programme-{language}.docx"'
    document = docx.Document(io.BytesIO(response.data))
    for section in document.sections:
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert "GCM-ARAB/2021/INF.1" in section.header.paragraphs[0].text
        assert " PAGE " in section.footer._element.xml and " NUMPAGES " in section.footer._element.xml
    props = document.core_properties
    assert props.title.startswith({"en": "Regional Conference", "fr": "Conférence régionale",
                                   "ar": "المؤتمر الإقليمي"}[language])
    assert props.subject == {"en": "Programme", "fr": "Programme", "ar": "البرنامج"}[language]
    assert "python-docx" not in (props.author + props.comments) and props.created.year == 2021
    body = document.element.body
    paragraphs = list(body.iter(qn("w:p")))
    with_bidi = [p for p in paragraphs if p.pPr is not None and p.pPr.find(qn("w:bidi")) is not None]
    assert len(with_bidi) == (len(paragraphs) if language == "ar" else 0)
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert {"en": "Opening session", "fr": "Séance d’ouverture", "ar": "الجلسة الافتتاحية"}[language] in cells
    assert {"en": "24–25 February 2021", "fr": "24-25 février 2021", "ar": "24-25 شباط/فبراير 2021"}[language] in text
    assert [s.name for s in document.styles if s.name in ("Title", "Heading 1", "Heading 2")] and \
        document.tables[0].style.name == "Minbar Table"
    converted = soffice_to_pdf(response.data, tmp_path)
    assert page_size(converted) == A4_POINTS
    assert squeeze({"en": "Registration of participants", "fr": "Inscription des participants",
                    "ar": "تسجيل المشاركين"}[language]) in squeeze(pdf_text(converted))


def test_the_default_language_is_the_requests(client):
    response = client.get(f"{URL}.docx", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert response.headers["Content-Language"] == "fr"
    assert docx.Document(io.BytesIO(response.data)).core_properties.subject == "Programme"
    assert client.get(f"{URL}.docx", headers={"Accept-Language": "ar"}).headers["Content-Language"] == "ar"


def test_another_format_or_conference_is_not_found(client):
    assert client.get(f"{URL}.odt").status_code == 404
    assert client.get("/conferences/nothing-here/programme.pdf").status_code == 404


def test_a_second_download_is_served_from_the_cache_and_revalidates(client):
    first = client.get(f"{URL}.docx?lang=en")
    again = client.get(f"{URL}.docx?lang=en", headers={"If-None-Match": first.headers["ETag"].strip('"')})
    assert again.status_code == 304
    assert client.get(f"{URL}.docx?lang=en").data == first.data


def test_the_agenda_page_links_the_programme_in_its_language(client):
    page = client.get(f"/conferences/{SLUG}?lang=fr").get_data(as_text=True)
    assert f'href="{URL}.pdf?lang=fr"' in page and f'href="{URL}.docx?lang=fr"' in page
    assert "Programme (PDF)" in page
