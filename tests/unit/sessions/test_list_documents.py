"""The lists of speakers and participants as documents (sessions/reports/lists_pdf.py and
lists_docx.py), in each language, from plain data: the PDF read by poppler (A4, text in logical
order, fonts embedded, page numbers), the Word file by python-docx and converted by LibreOffice."""
from __future__ import annotations

import io
from datetime import date, datetime, timezone

import docx
import pytest
from docx.oxml.ns import qn

from conference import i18n
from conference.documents.meta import DocumentMeta
from document_tools import A4_POINTS, page_size, pdf_fonts, pdf_info, pdf_text, soffice_to_pdf, squeeze
from people import Person as P
from sessions.reports import lists_docx, lists_pdf, speakers_list
from sessions.reports.lists_pdf import ListHead
from sessions.reports.lists_views import PART_LABELS, PARTICIPANTS_LABELS, SPEAKERS_LABELS
from sessions.reports.speakers_list import SlotIn
from speakers import participants

pytestmark = pytest.mark.database_independent
MADE = datetime(2021, 2, 24, 12, 40, tzinfo=timezone.utc)
SYMBOL = "E/ESCWA/2021/CONF.1/L.2"
TITLES = {"ar": ("قائمة المتكلمين", "قائمة المشاركين", "لم يأخذ الكلمة", "الدولة أو المنظمة"),
          "en": ("List of speakers", "List of participants", "Did not take the floor", "State or organisation"),
          "fr": ("Liste des orateurs", "Liste des participants", "N’a pas pris la parole", "État ou organisation")}
STATES = {"ar": ["الأردن", "لبنان", "مصر"], "en": ["Egypt", "Jordan", "Lebanon"], "fr": ["Égypte", "Jordanie", "Liban"]}
PAGE = {"ar": "الصفحة 1 من 1", "en": "Page 1 of 1", "fr": "Page 1 sur 1"}


def has_page_number(text: str, language: str) -> bool:
    """"Page 1 of 1" in the footer; poppler reads the Arabic footer box in either order."""
    flat = squeeze(text)
    return squeeze(PAGE[language]) in flat or (language == "ar" and "1من1الصفحة" in flat)

SLOTS = [
    SlotIn("a", "statement", {"ar": "ممثل الدولة أ", "en": "Representative of State A", "fr": "Représentant de l’État A"},
           300, "ar", {"ar": "السيدة ريما حداد", "en": "Ms Rima Haddad", "fr": "Mme Rima Haddad"},
           delegation="Lebanon", title="Minister of Labour", group="member_state"),
    SlotIn("b", "statement", {"ar": "المدير العام للمنظمة الدولية للهجرة", "en": "Director General of IOM",
                              "fr": "Directeur général de l’OIM"}, 420, "en", None,
           organisation="International Organization for Migration (IOM)", group="un_entity"),
    SlotIn("talk", "discussion", {"ar": "حوار مفتوح", "en": "Open dialogue", "fr": "Dialogue ouvert"}, 1800),
]


PEOPLE = [P("Rima Haddad", "member_state", "Lebanon", title="Minister of Labour", rank=1, names={"ar": "ريما حداد"}),
          P("Omar Farouk", "member_state", "Egypt", title="Ambassador"),
          P("Lina Nasser", "member_state", "Jordan"),
          P("Ahmed Aboul", "intergovernmental", organisation="League of Arab States"),
          P("Amy Pope", "un_entity", organisation="International Organization for Migration (IOM)",
            title="Director General"),
          P("Sara Khoury", "civil_society", organisation="Migrant Forum in Asia")]


def meta(language: str, title: str) -> DocumentMeta:
    return DocumentMeta(language=language, title=title, subject="Regional Conference", author="ESCWA",
                        created=MADE, issued=date(2021, 2, 24), symbol=SYMBOL)


def head(language: str) -> ListHead:
    conference = {"ar": "المؤتمر الإقليمي", "en": "Regional Conference", "fr": "Conférence régionale"}[language]
    dates = {"ar": "24-25 شباط/فبراير 2021", "en": "24–25 February 2021", "fr": "24-25 février 2021"}[language]
    session = {"ar": "الجلسة العامة الأولى", "en": "Plenary session 1", "fr": "Séance plénière 1"}[language]
    return ListHead(conference, dates, "", session, "")


def speakers(language: str, ended: bool = True):
    labels = {k: i18n.gettext(language, v) for k, v in SPEAKERS_LABELS.items()}
    listed = speakers_list.build(SLOTS, language, {"a": 312_000, "b": None, "talk": 600_000}, ended=ended)
    return meta(language, labels["title"]), head(language), listed, labels


def participant_args(language: str):
    labels = {k: i18n.gettext(language, v) for k, v in PARTICIPANTS_LABELS.items()}
    part_labels = {k: i18n.gettext(language, v) for k, v in PART_LABELS.items()}
    return meta(language, labels["title"]), head(language), participants.build(PEOPLE, language), part_labels, labels


def in_order(text: str, *pieces: str) -> bool:
    """Every piece in `text`, in this order (compared without whitespace, as Arabic needs)."""
    flat, at = squeeze(text), 0
    for piece in pieces:
        found = flat.find(squeeze(piece), at)
        if found < 0:
            return False
        at = found + len(squeeze(piece))
    return True


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_list_of_speakers_pdf(language, tmp_path):
    document = lists_pdf.speakers_pdf(*speakers(language))
    assert page_size(document) == A4_POINTS
    text = pdf_text(document)
    title, _participants, did_not, party = TITLES[language]
    name = SLOTS[0].speaker[language]
    assert in_order(text, SYMBOL, title, head(language).session, party, name, "5:00", "5:12", did_not, "30:00",
                    "10:00", "42:00", "15:12"), text
    assert has_page_number(text, language), text
    assert all(f["emb"] == "yes" for f in pdf_fonts(document, tmp_path))
    assert pdf_info(document)["Title"] == title


def test_list_of_speakers_before_the_session_has_no_time_used():
    text = pdf_text(lists_pdf.speakers_pdf(*speakers("en", ended=False)))
    assert ("Time used" in text, "Did not take the floor" in text, "Provisional" in text) == (False, False, True)


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_list_of_participants_pdf(language, tmp_path):
    document = lists_pdf.participants_pdf(*participant_args(language))
    assert page_size(document) == A4_POINTS
    text = pdf_text(document)
    member, observers, un = (i18n.gettext(language, PART_LABELS[k]) for k in ("member_states", "observers", "un_entities"))
    assert in_order(text, TITLES[language][1], member, *STATES[language], observers, "League of Arab States",
                    un, "Amy Pope"), text
    assert has_page_number(text, language), text
    assert all(f["emb"] == "yes" for f in pdf_fonts(document, tmp_path))


def _word(data: bytes):
    return docx.Document(io.BytesIO(data))


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_list_of_speakers_docx(language):
    document = _word(lists_docx.speakers_docx(*speakers(language)))
    section = document.sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.5)
    assert SYMBOL in section.header.paragraphs[0].text
    assert "PAGE" in section.footer._element.xml
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[0][1] == TITLES[language][3] and rows[1][4:] == ["5:00", "5:12"]
    assert rows[2][5] == TITLES[language][2] and rows[-1][4:] == ["42:00", "15:12"]
    props = document.core_properties
    assert (props.title, props.author, props.created) == (TITLES[language][0], "ESCWA", MADE)
    bidi = [p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None for p in document.paragraphs]
    assert all(bidi) if language == "ar" else not any(bidi)


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_list_of_participants_docx(language):
    document = _word(lists_docx.participants_docx(*participant_args(language)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[:3] == STATES[language]
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "Omar Farouk" in bold
    assert document.core_properties.author == "ESCWA" and document.core_properties.title == TITLES[language][1]


@pytest.mark.parametrize("kind", ["speakers", "participants"])
def test_libreoffice_converts_the_arabic_word_files(kind, tmp_path):
    data = (lists_docx.speakers_docx(*speakers("ar")) if kind == "speakers"
            else lists_docx.participants_docx(*participant_args("ar")))
    converted = soffice_to_pdf(data, tmp_path)
    assert page_size(converted) == A4_POINTS
    text = pdf_text(converted)
    assert squeeze(TITLES["ar"][0 if kind == "speakers" else 1]) in squeeze(text)
