"""The outcome as circulated documents, in each language, from plain data: the PDF
(sessions/key_messages/outcome_pdf.py) read by poppler (A4, cover and parts in logical order, fonts
embedded, page numbers), the Word file (outcome_docx.py) by python-docx (A4, header and footer,
the coverage and language tables, bold runs, hyperlinks, right-to-left paragraphs in Arabic, the
document's own core properties) and converted by LibreOffice."""
from __future__ import annotations

import io
from datetime import date, datetime, timezone

import docx
import pytest
from docx.oxml.ns import qn

from conference import i18n
from conference.documents.meta import DocumentMeta
from document_tools import A4_POINTS, page_size, pdf_fonts, pdf_info, pdf_text, soffice_to_pdf, squeeze
from sessions.key_messages.outcome import MessageBlock, OutcomeInput, SessionBlock, build
from sessions.key_messages.outcome_docx import to_docx
from sessions.key_messages.outcome_pdf import Cover, to_pdf
from sessions.key_messages.rapporteur_views import OUTCOME_LABELS

pytestmark = pytest.mark.database_independent
MADE = datetime(2021, 2, 25, 15, 30, tzinfo=timezone.utc)
SYMBOL = "E/ESCWA/2021/CONF.1/3"
ENGLISH = "States reported **progress** on data; see [IOM](https://iom.int)."
ARABIC = "نؤكد على **أهمية** الهجرة الآمنة والمنظمة والنظامية."
TITLE = {"ar": "المؤتمر الإقليمي لاستعراض الاتفاق العالمي", "en": "Regional Conference to Review the Global Compact",
         "fr": "Conférence régionale d’examen du Pacte mondial"}
SESSION = {"ar": "الجلسة العامة الأولى", "en": "Plenary session 1", "fr": "Séance plénière 1"}
DATES = {"ar": "24-25 شباط/فبراير 2021", "en": "24–25 February 2021", "fr": "24-25 février 2021"}
DOCUMENT = {"ar": "الوثيقة الختامية", "en": "Outcome document", "fr": "Document final"}


def outcome(language: str):
    labels = {k: i18n.gettext(language, v) for k, v in OUTCOME_LABELS.items()}
    return build(OutcomeInput(TITLE[language], DATES[language], language, [SessionBlock("plenary-1", SESSION[language], "", [
        MessageBlock(ENGLISH, (1,), language="en", coverage={"ar": "missing", "en": "original", "fr": "draft"}),
        MessageBlock(ARABIC, (2,), language="ar", coverage={"ar": "original", "en": "complete", "fr": "missing"}),
    ])], {1: "Data", 2: "Drivers"}, {}, labels=labels, languages=("ar", "en", "fr")))


def meta(language: str) -> DocumentMeta:
    return DocumentMeta(language=language, title=TITLE[language], subject=DOCUMENT[language], author="ESCWA",
                        created=MADE, issued=date(2021, 2, 25), symbol=SYMBOL)


def cover(language: str) -> Cover:
    return Cover(DOCUMENT[language], {"ar": "عبر الإنترنت", "en": "Online", "fr": "En ligne"}[language], "IOM, ESCWA")


def labels(language: str) -> dict[str, str]:
    return {k: i18n.gettext(language, v) for k, v in OUTCOME_LABELS.items()}


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_outcome_pdf(language, tmp_path):
    document = to_pdf(outcome(language), meta(language), cover(language))
    assert page_size(document) == A4_POINTS
    text = pdf_text(document)
    first = squeeze(pdf_text(document, 1, 1))
    # The cover: the symbol, what the document is, the conference, its dates; the parts after it.
    assert [squeeze(s) in first for s in (SYMBOL, DOCUMENT[language], TITLE[language], DATES[language])] == [True] * 4
    flat, names = squeeze(text), labels(language)
    order = [flat.find(squeeze(s)) for s in (names["by_session"], SESSION[language], "progress", "أهمية",
                                              names["by_objective"], names["coverage"], names["languages"])]
    assert all(a < b for a, b in zip(order, order[1:])) and order[0] > flat.find(squeeze(TITLE[language])), order
    pages = int(pdf_info(document)["Pages"])
    assert pages >= 4
    assert all(f["emb"] == "yes" for f in pdf_fonts(document, tmp_path))
    assert pdf_info(document)["Author"] == "ESCWA"


def _word(language: str):
    return docx.Document(io.BytesIO(to_docx(outcome(language), meta(language), cover(language))))


def direction(paragraph) -> str:
    ppr = paragraph._p.pPr
    bidi = ppr.find(qn("w:bidi")) if ppr is not None else None
    return "ltr" if bidi is None or bidi.get(qn("w:val")) == "0" else "rtl"


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_outcome_docx(language):
    document = _word(language)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert SYMBOL in section.header.paragraphs[0].text and "NUMPAGES" in section.footer._element.xml
    props = document.core_properties
    assert (props.title, props.author, props.created, props.subject) == (TITLE[language], "ESCWA", MADE, DOCUMENT[language])
    names = labels(language)
    coverage, languages = document.tables
    assert len(coverage.rows) == 24 and coverage.rows[1].cells[1].text == SESSION[language]
    assert [c.text for c in languages.rows[0].cells][1:] == [names["language_ar"], names["language_en"], names["language_fr"]]
    messages = [p for p in document.paragraphs if p.style.name == "Key Message"][:2]
    assert [r.text for p in messages for r in p.runs if r.bold] == ["progress", "أهمية"]
    assert [(h.text, h.address) for h in messages[0].hyperlinks] == [("IOM", "https://iom.int")]
    # Each message in its own direction; in Arabic every other paragraph right to left.
    assert [direction(p) for p in messages] == ["ltr", "rtl"]
    others = [direction(p) for p in document.paragraphs if p.style.name != "Key Message"]
    assert set(others) == ({"rtl"} if language == "ar" else {"ltr"})


@pytest.mark.parametrize("language", ["ar", "en"])
def test_libreoffice_converts_the_outcome(language, tmp_path):
    converted = soffice_to_pdf(to_docx(outcome(language), meta(language), cover(language)), tmp_path)
    assert page_size(converted) == A4_POINTS
    text = squeeze(pdf_text(converted))
    assert squeeze(labels(language)["coverage"]) in text and squeeze(labels(language)["languages"]) in text
