"""The outcome page printed from Chromium has the structure of the outcome's PDF: A4 (its @page),
the cover first (the symbol's place, what the document is, the conference), the parts after it;
read back with poppler."""
from __future__ import annotations

import pytest

from document_tools import A4_POINTS, page_size, pdf_text, squeeze

SLUG = "gcm-arab-2021"
pytestmark = [pytest.mark.browser, pytest.mark.database_independent]


@pytest.mark.parametrize("language, document, part", [
    ("ar", "الوثيقة الختامية", "الرسائل الرئيسية حسب الجلسة"),
    ("en", "Outcome document", "Key messages by session"),
])
def test_the_printed_page_is_a4_with_the_cover_first(browser, server, language, document, part):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{server.url}/conferences/{SLUG}/outcome.html?lang={language}")
        page.emulate_media(media="print")
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    finally:
        context.close()
    assert page_size(pdf) == A4_POINTS
    first, rest = squeeze(pdf_text(pdf, 1, 1)), squeeze(pdf_text(pdf, 2, 2))
    assert (squeeze(document) in first, squeeze(part) in first, squeeze(part) in rest) == (True, False, True)
