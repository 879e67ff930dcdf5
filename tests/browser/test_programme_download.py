"""A reader of the Arabic agenda page downloads the programme from it in Chromium: an Arabic PDF,
named for its language, and the reader's language is not changed by the download."""
from __future__ import annotations

import pytest

from document_tools import pdf_text, squeeze

pytestmark = [pytest.mark.browser, pytest.mark.database_independent]
SLUG = "gcm-arab-2021"


def test_the_arabic_agenda_page_downloads_the_arabic_programme(browser, server, tmp_path):
    context = browser.new_context(locale="ar", accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(f"{server.url}/conferences/{SLUG}")
        assert page.evaluate("document.documentElement.dir") == "rtl"
        link = page.locator("a.programme-pdf")
        assert link.inner_text() == "البرنامج (PDF)"
        with page.expect_download() as info:
            link.click()
        download = info.value
        assert download.failure() is None
        assert download.suggested_filename == f"{SLUG}-programme-ar.pdf"
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        cookies = {c["name"] for c in context.cookies()}
    finally:
        context.close()
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF-")
    text = squeeze(pdf_text(pdf))
    assert squeeze("البرنامج") in text and squeeze("الجلسة الافتتاحية") in text
    assert "minbar_lang" not in cookies
