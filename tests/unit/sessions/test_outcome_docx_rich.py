"""The outcome as a Word file keeps the messages' markup (bold, italics, real hyperlinks, list
items), gives each message its own direction, and has the "Key messages in each language" table;
read back with python-docx and its XML. No app, no database."""
from __future__ import annotations

import io
from datetime import date, datetime, timezone

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from conference.documents.meta import DocumentMeta
from sessions.key_messages.outcome import MessageBlock, OutcomeInput, SessionBlock, build
from sessions.key_messages.outcome_docx import to_docx

RICH = "States reported **progress** on *data*, see [IOM](https://iom.int).\n\n- first point\n- second point"
ARABIC = "نؤكد على **أهمية** الهجرة الآمنة."
MADE = datetime(2021, 2, 25, 15, tzinfo=timezone.utc)


def word_meta(language: str) -> DocumentMeta:
    return DocumentMeta(language=language, title="Outcome", subject="Outcome document", author="ESCWA",
                        created=MADE, issued=date(2021, 2, 25), symbol="E/ESCWA/2021/CONF.1/3")


COVERAGE = {"ar": "original", "en": "complete", "fr": "missing"}


def document(language: str):
    data = OutcomeInput("Outcome", "", language, [SessionBlock("p1", "Plenary 1", "", [
        MessageBlock(RICH, (1,), language="en", coverage={"ar": "draft", "en": "original", "fr": "out_of_date"}),
        MessageBlock(ARABIC, (2,), language="ar", coverage=COVERAGE),
    ])], {1: "One", 2: "Two"}, {}, languages=("ar", "en", "fr"))
    return docx.Document(io.BytesIO(to_docx(build(data), word_meta(language))))


def messages(doc):
    return [p for p in doc.paragraphs if p.style.name == "Key Message"]


def test_bold_italics_and_hyperlinks_survive():
    doc = document("en")
    first = messages(doc)[0]
    assert [r.text for r in first.runs if r.bold] == ["progress"]
    assert [r.text for r in first.runs if r.italic] == ["data"]
    [link] = first.hyperlinks
    assert (link.text, link.address) == ("IOM", "https://iom.int")
    rel = doc.part.rels[link._hyperlink.rId]
    assert (rel.reltype, rel.is_external) == (RT.HYPERLINK, True)
    assert [p.text for p in messages(doc)[1:3]] == ["•\tfirst point", "•\tsecond point"]


def test_each_message_in_its_own_direction():
    def direction(p):
        bidi = p._p.pPr.find(qn("w:bidi")) if p._p.pPr is not None else None
        return "ltr" if bidi is None or bidi.get(qn("w:val")) == "0" else "rtl"

    english_doc, arabic_doc = document("en"), document("ar")
    # The list items of the English message are left to right in the Arabic document too, so their
    # bullets stand on the left; the Arabic message is right to left in the English document.
    assert [direction(p) for p in messages(english_doc)[:4]] == ["ltr", "ltr", "ltr", "rtl"]
    assert [direction(p) for p in messages(arabic_doc)[:4]] == ["ltr", "ltr", "ltr", "rtl"]
    arabic_runs = messages(english_doc)[3]._p.iter(qn("w:r"))
    assert all(r.find(qn("w:rPr")).find(qn("w:rtl")) is not None for r in arabic_runs)
    assert [r.text for r in messages(english_doc)[3].runs if r.bold] == ["أهمية"]


def test_the_language_coverage_table():
    doc = document("en")
    table = doc.tables[-1]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Key message", "Arabic", "English", "French"],
        ["Plenary 1 · 1", "Translation in progress", "Original", "Translation out of date"],
        ["Plenary 1 · 2", "Original", "Agreed translation", "Not translated"],
    ]
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1] == "Key messages in each language"
