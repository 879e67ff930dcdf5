"""Responses whose language follows the request say so to caches (`Vary: Accept-Language`), and
a download's `?lang=` picks the file's language without changing the reader's (no cookie)."""
from __future__ import annotations

import pytest

SLUG = "gcm-arab-2021"


def _vary(response) -> set[str]:
    return {part.strip().lower() for part in response.headers.get("Vary", "").split(",") if part.strip()}


@pytest.mark.parametrize("path", [
    f"/conferences/{SLUG}", f"/conferences/{SLUG}/sessions/plenary-1",
    f"/conferences/{SLUG}/outcome.html", f"/conferences/{SLUG}/outcome.md",
    f"/conferences/{SLUG}/outcome.docx", f"/conferences/{SLUG}/programme.docx",
    f"/conferences/{SLUG}/agenda.ics",
])
def test_a_response_in_the_readers_language_varies_on_accept_language(client, path):
    english = client.get(path, headers={"Accept-Language": "en"})
    arabic = client.get(path, headers={"Accept-Language": "ar"})
    assert english.status_code == arabic.status_code == 200
    assert {"accept-language", "cookie"} <= _vary(english)
    assert english.headers.get("Content-Language", "en") != arabic.headers.get("Content-Language", "en") or \
        english.data != arabic.data


def test_the_outcome_in_another_language_is_another_response(client):
    english = client.get(f"/conferences/{SLUG}/outcome.md", headers={"Accept-Language": "en"})
    arabic = client.get(f"/conferences/{SLUG}/outcome.md", headers={"Accept-Language": "ar"})
    assert english.headers["Content-Language"] == "en" and arabic.headers["Content-Language"] == "ar"
    assert {"accept-language"} <= _vary(arabic)


@pytest.mark.parametrize("path", [
    f"/conferences/{SLUG}/programme.docx?lang=fr", f"/conferences/{SLUG}/outcome.docx?lang=fr",
    f"/conferences/{SLUG}/outcome.md?lang=ar",
])
def test_a_download_with_lang_sets_no_language_cookie(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not any(c.startswith("minbar_lang=") for c in response.headers.getlist("Set-Cookie"))
    # The next page is still in the reader's own language.
    page = client.get(f"/conferences/{SLUG}", headers={"Accept-Language": "en"})
    assert page.headers.get("Content-Language", "en") == "en" and 'lang="en"' in page.get_data(as_text=True)


def test_a_page_with_lang_still_remembers_it(client):
    response = client.get(f"/conferences/{SLUG}?lang=fr")
    assert any(c.startswith("minbar_lang=fr") for c in response.headers.getlist("Set-Cookie"))
