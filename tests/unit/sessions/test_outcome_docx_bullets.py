"""Every key message of the Word outcome is an item of a bulleted list, as in the HTML outcome: its
first paragraph carries a real Word list bullet (a bullet numbering definition), its other
paragraphs do not; right to left in Arabic. Read back by tools that did not write the file:
LibreOffice (its HTML and text exports) and the package's XML read with lxml."""
from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, timezone
from html.parser import HTMLParser

import pytest
from lxml import etree

from conference.documents.meta import DocumentMeta
from document_tools import soffice_convert
from sessions.key_messages.outcome import MessageBlock, OutcomeInput, SessionBlock, build
from sessions.key_messages.outcome_docx import to_docx

pytestmark = pytest.mark.database_independent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MADE = datetime(2021, 2, 25, 15, tzinfo=timezone.utc)
RICH = "States reported **progress** on data.\n\nA second paragraph.\n\n- first point\n- second point"
ARABIC = "نؤكد على **أهمية** الهجرة الآمنة."
FRENCH = "Les États ont fait état de progrès."
# Each message's first paragraph, as read back; each appears twice (by session, by objective).
FIRSTS = ["States reported progress on data.", "نؤكد على أهمية الهجرة الآمنة.", "Les États ont fait état de progrès."]


def word(language: str) -> bytes:
    data = OutcomeInput("Outcome", "", language, [SessionBlock("p1", "Plenary 1", "", [
        MessageBlock(RICH, (1,), language="en"), MessageBlock(ARABIC, (2,), language="ar"),
        MessageBlock(FRENCH, (3,), language="fr"),
    ])], {1: "One", 2: "Two", 3: "Three"}, {})
    return to_docx(build(data), DocumentMeta(language=language, title="Outcome", subject="Outcome", author="ESCWA",
                                             created=MADE, issued=date(2021, 2, 25), symbol="E/ESCWA/1"))


class Lists(HTMLParser):
    """LibreOffice's HTML: the text of each list item, with the kind of list and its direction (its
    `<li>` is left open: an item ends with the next one or with its list; a paragraph without `dir`
    has the body's)."""

    def __init__(self):
        super().__init__()
        self.open, self.items, self.inside, self.direction = [], [], 0, "ltr"

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.direction = dict(attrs).get("dir", "ltr")
        elif tag in ("ul", "ol"):
            self.open.append(tag)
        elif tag == "li":
            self.items.append([self.open[-1], "", None])
            self.inside = len(self.open)
        elif tag == "p" and self.inside:
            self.items[-1][2] = dict(attrs).get("dir", self.direction)

    def handle_endtag(self, tag):
        if tag in ("ul", "ol"):
            self.open.pop()
            self.inside = min(self.inside, len(self.open))

    def handle_data(self, data):
        if self.inside:
            self.items[-1][1] += data


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_libreoffice_reads_each_key_message_as_a_bulleted_list_item(language, tmp_path):
    document = word(language)
    lists = Lists()
    lists.feed(soffice_convert(document, tmp_path, "html", "html").decode("utf-8"))
    items = [(kind, " ".join(text.split()), direction) for kind, text, direction in lists.items]
    expected = [("ul", FIRSTS[0], "ltr"), ("ul", FIRSTS[1], "rtl"), ("ul", FIRSTS[2], "ltr")]
    assert items == expected * 2      # the continuation paragraphs and inner points are not list items
    text = soffice_convert(document, tmp_path, "txt:Text (encoded):UTF8", "txt").decode("utf-8-sig")
    bulleted = [line.strip() for line in text.splitlines() if re.match(r"\s*\u2022 ", line)]
    assert bulleted == [f"\u2022 {first}" for first in FIRSTS] * 2


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_each_message_paragraph_names_a_bullet_numbering_right_to_left_in_arabic(language):
    with zipfile.ZipFile(io.BytesIO(word(language))) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        numbering = etree.fromstring(package.read("word/numbering.xml"))
    listed = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}numPr") is not None]
    texts = ["".join(p.itertext()) for p in listed]
    assert texts == ["States reported progress on data.", "نؤكد على أهمية الهجرة الآمنة.", FRENCH] * 2
    for p in listed:
        num_id = p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
        num = next(n for n in numbering.iter(f"{W}num") if n.get(f"{W}numId") == num_id)
        abstract_id = num.find(f"{W}abstractNumId").get(f"{W}val")
        abstract = next(a for a in numbering.iter(f"{W}abstractNum") if a.get(f"{W}abstractNumId") == abstract_id)
        level = abstract.find(f"{W}lvl")
        assert (level.find(f"{W}numFmt").get(f"{W}val"), level.find(f"{W}lvlText").get(f"{W}val")) == ("bullet", "\u2022")
        assert p.find(f"{W}pPr/{W}numPr/{W}ilvl").get(f"{W}val") == "0"

    def rtl(p):
        bidi = p.find(f"{W}pPr/{W}bidi")
        return bidi is not None and bidi.get(f"{W}val") not in ("0", "false")

    # The Arabic message right to left in every document, its bullet on its own side; the others
    # left to right (explicitly so in the Arabic document, whose paragraphs are right to left).
    assert [rtl(p) for p in listed] == [False, True, False] * 2
    if language == "ar":
        others = [p for p in body.iter(f"{W}p") if p not in listed and "".join(p.itertext()).strip()
                  and not any(t in "".join(p.itertext()) for t in ("States", "point", "paragraph", FRENCH))]
        assert others and all(rtl(p) for p in others)
