"""The outcome in each language: a complete version where there is one, else the original marked
as pending translation in the reader's language; the language coverage table; each message with
its own direction in HTML and DOCX."""
from __future__ import annotations

import io
import re

import docx
import pytest
from docx.oxml.ns import qn

SLUG = "gcm-arab-2021"
OUTCOME = f"/conferences/{SLUG}/outcome"
BASE = f"/api/v1/conferences/{SLUG}/sessions/plenary-1/key-messages"
ARABIC = "نؤكد على أهمية الهجرة الآمنة والمنظمة والنظامية."
FRENCH = "Nous soulignons l’importance d’une migration sûre."
ENGLISH = "States stressed safe migration."


@pytest.fixture
def headers(issue_token):
    return {
        "ar": {"Authorization": "Bearer " + issue_token("rapporteur", session="plenary-1", name="Rapporteur", language="ar")},
        "en": {"Authorization": "Bearer " + issue_token("rapporteur", session="plenary-1", name="Rapporteur EN", language="en")},
        "translator": {"Authorization": "Bearer " + issue_token("translator", name="Traductrice", language="fr")},
    }


@pytest.fixture
def messages(client, headers):
    """An Arabic original agreed in French only, and an English original with no version."""
    arabic = client.post(BASE, json={"text": ARABIC, "status": "agreed", "objectives": [1]}, headers=headers["ar"]).json
    english = client.post(BASE, json={"text": ENGLISH, "status": "agreed", "objectives": [2]}, headers=headers["en"]).json
    saved = client.put(f"{BASE}/{arabic['id']}/versions/fr", json={"base_revision": 0, "text": FRENCH, "status": "agreed"},
                       headers=headers["translator"])
    assert saved.status_code == 201, saved.json
    return arabic, english


def _texts(page: str) -> list[tuple[str, str, str]]:
    """(lang, dir, text) of each message body in the by-session part of an outcome page."""
    part = page[page.index('class="outcome-by-session"'):page.index('class="outcome-by-objective"')]
    return [(lang, direction, re.sub(r"<[^>]+>", "", body))
            for lang, direction, body in re.findall(r'<div class="outcome-text" lang="(\w+)" dir="(\w+)">(.*?)</div>', part)]


def test_each_language_shows_its_agreed_version_or_the_original_marked_pending(client, messages):
    french = client.get(f"{OUTCOME}.html?lang=fr").get_data(as_text=True)
    english = client.get(f"{OUTCOME}.html?lang=en").get_data(as_text=True)
    arabic = client.get(f"{OUTCOME}.html?lang=ar").get_data(as_text=True)
    assert _texts(french) == [("fr", "ltr", FRENCH), ("en", "ltr", ENGLISH)]
    assert _texts(english) == [("ar", "rtl", ARABIC), ("en", "ltr", ENGLISH)]
    assert _texts(arabic) == [("ar", "rtl", ARABIC), ("en", "ltr", ENGLISH)]
    assert (french.count("Original en anglais — traduction en attente"), french.count("Original en arabe"),
            english.count("Original in Arabic — translation pending"),
            arabic.count("الأصل بالإنجليزية — الترجمة قيد الإعداد"), arabic.count("الأصل بالعربية")) == (2, 0, 2, 2, 0)


def test_markdown_marks_the_pending_translation(client, messages):
    text = client.get(f"{OUTCOME}.md?lang=en").get_data(as_text=True)
    assert f"- {ARABIC}\n\n    *Original in Arabic — translation pending*" in text


def test_language_coverage_table_says_which_messages_are_complete_where(client, messages):
    page = client.get(f"{OUTCOME}.html?lang=en").get_data(as_text=True)
    table = page[page.index('<table class="outcome-languages-table">'):]
    rows = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in re.findall(r"<tr>(.*?)</tr>", table[:table.index("</table>")])]
    title = "Plenary session 1: Voluntary reports of the Arab countries"
    assert rows == [
        ["Key message", "Arabic", "English", "French"],
        [f"{title} · 1", "Original", "Not translated", "Agreed translation"],
        [f"{title} · 2", "Not translated", "Original", "Not translated"],
    ]


def test_an_out_of_date_version_falls_back_to_the_original(client, messages, headers):
    arabic, _english = messages
    client.put(f"{BASE}/{arabic['id']}", json={"base_revision": 1, "text": ARABIC + " ونرحب بالتقدم."}, headers=headers["ar"])
    french = client.get(f"{OUTCOME}.html?lang=fr").get_data(as_text=True)
    assert _texts(french)[0][:2] == ("ar", "rtl")
    assert "Original en arabe — traduction en attente" in french
    assert '<td class="outcome-state-out_of_date">Traduction périmée</td>' in french


def _docx(client, language):
    response = client.get(f"{OUTCOME}.docx?lang={language}")
    assert response.status_code == 200
    return docx.Document(io.BytesIO(response.data))


def _message_paragraph(document, text):
    return next(p for p in document.paragraphs if p.style.name == "Key Message" and p.text == text)


def test_docx_each_message_has_its_own_paragraph_direction(client, messages):
    english_doc = _docx(client, "en")
    arabic_doc = _docx(client, "ar")

    def props(paragraph):
        bidi = paragraph._p.pPr.find(qn("w:bidi")) if paragraph._p.pPr is not None else None
        runs = [r.find(qn("w:rPr")) for r in paragraph._p.iter(qn("w:r"))]
        rtl = [None if rpr is None or rpr.find(qn("w:rtl")) is None else rpr.find(qn("w:rtl")).get(qn("w:val"), "1")
               for rpr in runs]
        return (None if bidi is None else bidi.get(qn("w:val"), "1"), rtl)

    # Arabic inside the English document: right-to-left paragraph and runs.
    assert props(_message_paragraph(english_doc, ARABIC)) == ("1", ["1"])
    assert props(_message_paragraph(english_doc, ENGLISH)) == (None, [None])
    # English inside the Arabic document: explicitly left-to-right, the rest right-to-left.
    assert props(_message_paragraph(arabic_doc, ENGLISH)) == ("0", ["0"])
    assert props(_message_paragraph(arabic_doc, ARABIC)) == ("1", ["1"])
    assert "{urn:minbar}" not in arabic_doc.element.xml
