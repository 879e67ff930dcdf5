"""The outcome document over HTTP: DOCX, Markdown and HTML from the database, drafts only on
request (and only for those who may read them), Arabic right-to-left in every format."""
from __future__ import annotations

import io
import re

import docx
import pytest
from docx.enum.table import WD_TABLE_DIRECTION
from docx.oxml.ns import qn

SLUG = "gcm-arab-2021"
OUTCOME = f"/conferences/{SLUG}/outcome"
ARABIC = "تدعو الدول إلى تعزيز مسارات الهجرة النظامية وتوفير الحماية للعمال المهاجرين."
P1_EN = "Plenary session 1: Voluntary reports of the Arab countries"
P1_AR = "الجلسة العامة الأولى: التقارير الطوعية للبلدان العربية"
RT2_EN = "Round table 2: Review of objectives 4, 8, 9, 10, 11, 13 and 21"


@pytest.fixture
def organiser(issue_token):
    return issue_token("organiser", name="Secretariat")


@pytest.fixture
def messages(client, organiser):
    """Agreed messages in three sessions (one in Arabic) and one draft."""
    headers = {"Authorization": "Bearer " + organiser}

    def post(key, **fields):
        response = client.post(f"/api/v1/conferences/{SLUG}/sessions/{key}/key-messages", json=fields, headers=headers)
        assert response.status_code == 201, response.json
        return response.json

    return [
        post("roundtable-2", text="Search and rescue saves lives.", objectives=[8], status="agreed"),
        post("plenary-1", text="States reported **progress** on data.", objectives=[1, 23], status="agreed",
             principles=["human_rights"]),
        post("plenary-1", text=ARABIC, objectives=[5, 6], status="agreed", group="member_state"),
        post("plenary-1", text="DRAFT on detention alternatives.", objectives=[13]),
    ]


def _docx(client, query=""):
    response = client.get(f"{OUTCOME}.docx{query}")
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response, docx.Document(io.BytesIO(response.data))


def _by_session(document, part):
    found, current_part, heading = {}, None, None
    for paragraph in document.paragraphs:
        style = paragraph.style.name
        if style == "Heading 1":
            current_part = paragraph.text
        elif current_part != part:
            continue
        elif style == "Heading 2":
            heading = paragraph.text
            found[heading] = []
        elif style == "Key Message":
            found[heading].append(paragraph.text)
    return found


# -- DOCX ------------------------------------------------------------------------------------

def test_docx_opens_and_has_every_agreed_message_under_its_session(client, messages):
    response, document = _docx(client, "?lang=en")
    assert response.headers["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{SLUG}-outcome-en.docx"'
    assert list(_by_session(document, "Key messages by session").items()) == [
        (P1_EN, ["States reported progress on data.", ARABIC]),
        (RT2_EN, ["Search and rescue saves lives."]),
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    title = next(p.text for p in document.paragraphs if p.style.name == "Title")
    assert ("DRAFT" in text, [p.text for p in document.paragraphs[:2]], title) == (
        False, ["GCM-ARAB/2021/INF.1", "Outcome document"], "Regional Conference to Review the Global Compact for Safe, Orderly and Regular Migration in the Arab Region")


def test_docx_coverage_table_has_all_23_objectives(client, messages):
    _response, document = _docx(client, "?lang=en")
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert (len(rows), rows[0], rows[1][1], rows[13][1]) == (24, ["Objective", "Sessions"], P1_EN, "No key message yet")


def test_docx_in_arabic_is_right_to_left_with_arabic_headings(client, messages):
    _response, document = _docx(client, "?lang=ar")
    body = document.element.body
    assert (
        all(p.find(qn("w:pPr")).find(qn("w:bidi")) is not None for p in body.iter(qn("w:p"))),
        [t.table_direction for t in document.tables],
        list(_by_session(document, "الرسائل الرئيسية حسب الجلسة"))[0],
        ARABIC in _by_session(document, "الرسائل الرئيسية حسب الجلسة")[P1_AR],
    ) == (True, [WD_TABLE_DIRECTION.RTL], P1_AR, True)


# -- Markdown and HTML -----------------------------------------------------------------------

def test_markdown_has_the_coverage_table_and_a_file_name(client, messages):
    response = client.get(f"{OUTCOME}.md?lang=en")
    text = response.get_data(as_text=True)
    table = [line for line in text.split("\n") if line.startswith("| ")]
    assert response.headers["Content-Type"] == "text/markdown; charset=utf-8"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{SLUG}-outcome-en.md"'
    assert (len(table), table[0], table[1], table[8]) == (
        24, "| Objective | Sessions |",
        f"| 1. Collect and utilize accurate and disaggregated data as a basis for evidence-based policies | {P1_EN} |",
        "| 8. Save lives and establish coordinated international efforts on missing migrants "
        f"| {RT2_EN} |")


def test_html_has_the_coverage_table_and_print_styles(client, messages):
    page = client.get(f"{OUTCOME}.html?lang=en").get_data(as_text=True)
    rows = re.findall(r'<tr(?: class="outcome-uncovered")?><th scope="row">', page)
    assert ('<table class="outcome-coverage-table">' in page, len(rows), "css/rapporteur.css" in page,
            "<strong>progress</strong>" in page) == (True, 23, True, True)


def test_drafts_need_the_flag_and_are_marked(client, messages, organiser):
    plain = client.get(f"{OUTCOME}.md?lang=en").get_data(as_text=True)
    with_drafts = client.get(f"{OUTCOME}.md?lang=en&drafts=1&token={organiser}", follow_redirects=True).get_data(as_text=True)
    html = client.get(f"{OUTCOME}.html?lang=en&drafts=1&token={organiser}", follow_redirects=True).get_data(as_text=True)
    _response, document = _docx(client, "?lang=en&drafts=1")   # signed in by the links above
    assert ("DRAFT" in plain, "- **Draft**\n\n    DRAFT on detention alternatives." in with_drafts,
            'class="outcome-message outcome-message-draft"' in html,
            "Draft: DRAFT on detention alternatives." in _by_session(document, "Key messages by session")[P1_EN]) == (
        False, True, True, True)


def test_drafts_without_a_token_that_may_read_them_are_refused(client, messages, issue_token):
    anonymous = client.get(f"{OUTCOME}.md?drafts=1")
    participant = client.get(f"{OUTCOME}.md?drafts=1&token=" + issue_token("participant"), follow_redirects=True)
    rapporteur = client.get(f"{OUTCOME}.md?drafts=1&token=" + issue_token("rapporteur", session="plenary-3"), follow_redirects=True)
    assert (anonymous.status_code, participant.status_code, rapporteur.status_code) == (401, 403, 200)


def test_arabic_survives_every_format_and_html_is_rtl(client, messages):
    md = client.get(f"{OUTCOME}.md?lang=ar").get_data(as_text=True)
    html = client.get(f"{OUTCOME}.html?lang=ar").get_data(as_text=True)
    _response, document = _docx(client, "?lang=ar")
    docx_text = "\n".join([p.text for p in document.paragraphs]
                          + [c.text for t in document.tables for r in t.rows for c in r.cells])
    expected = [ARABIC, P1_AR, "الرسائل الرئيسية حسب الهدف", "تغطية الأهداف الثلاثة والعشرين", "الدول الأعضاء"]
    assert ([s in md for s in expected], [s in html for s in expected], [s in docx_text for s in expected]) == (
        [True] * 5, [True] * 5, [True] * 5)
    assert '<html lang="ar" dir="rtl">' in html


def test_headings_follow_the_chosen_language(client, messages):
    md = client.get(f"{OUTCOME}.md?lang=fr").get_data(as_text=True)
    assert ("## Messages clés par séance" in md, "## Couverture des 23 objectifs" in md,
            "| Objectif | Séances |" in md) == (True, True, True)


def test_outcome_answers_conditional_requests(client, messages):
    first = client.get(f"{OUTCOME}.md?lang=en")
    again = client.get(f"{OUTCOME}.md?lang=en", headers={"If-None-Match": first.headers["ETag"]})
    assert (again.status_code, first.headers["ETag"] != client.get(f"{OUTCOME}.md?lang=fr").headers["ETag"]) == (304, True)


def test_unknown_format_and_conference_are_404(client):
    assert (client.get(f"{OUTCOME}.odt").status_code, client.get("/conferences/nowhere/outcome.md").status_code) == (404, 404)


def test_empty_conference_still_has_a_full_coverage_table(client):
    md = client.get(f"{OUTCOME}.md?lang=en").get_data(as_text=True)
    assert md.count("*No key message yet*") == 23


def test_pdf_is_a_download_of_the_agreed_messages(client, messages):
    response = client.get(f"{OUTCOME}.pdf?lang=ar")
    assert (response.status_code, response.headers["Content-Type"], response.get_data()[:5]) == (200, "application/pdf", b"%PDF-")
    assert response.headers["Content-Disposition"] == f'attachment; filename="{SLUG}-outcome-ar.pdf"'
