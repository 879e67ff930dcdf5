"""The workspace pages: sign-in required, scoped, escaped, RTL in Arabic, no inline scripts."""
from __future__ import annotations

import re

import pytest

from .conftest import SLUG

PAGES = ["", "/links", "/links/sheet", "/schedule", "/audit", "/balance"]


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
@pytest.mark.parametrize("path", PAGES)
def test_each_page_renders_in_each_language(browser, path, lang):
    response = browser.get(f"/workspace/{SLUG}{path}?lang={lang}")
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">' in html
    # Scripts are files or JSON data, never inline code.
    for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        assert 'type="application/json"' in attrs or (not body.strip() and "src=" in attrs)
    assert response.headers["Cache-Control"] == "no-store"


def test_pages_need_a_signed_in_organiser_of_the_conference(client, account, loaded_app):
    response = client.get(f"/workspace/{SLUG}")
    assert response.status_code == 303 and "/signin" in response.headers["Location"]
    from .conftest import PASSWORD, csrf_of

    other = loaded_app.test_client()
    email = account("elsewhere@example.org", conferences=("another-conference",))
    other.post("/signin", data={"email": email, "password": PASSWORD, "csrf_token": csrf_of(other)})
    assert other.get(f"/workspace/{SLUG}").status_code == 403


def test_what_people_type_is_escaped(browser):
    hostile = '<img src=x onerror=alert(1)>'
    made = browser.post(f"/api/v1/conferences/{SLUG}/people", json={"key": "evil", "name": hostile},
                        headers={"X-CSRFToken": browser.csrf})
    assert made.status_code == 201
    html = browser.get(f"/workspace/{SLUG}").get_data(as_text=True)
    assert hostile not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_a_link_has_a_qr_code_and_a_printable_sheet(browser):
    made = browser.post(f"/api/v1/conferences/{SLUG}/links", json={"role": "participant"},
                        headers={"X-CSRFToken": browser.csrf}).get_json()
    svg = browser.get(f"/workspace/{SLUG}/links/{made['id']}/qr.svg")
    assert svg.status_code == 200 and svg.headers["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.data
    sheet = browser.get(f"/workspace/{SLUG}/links/sheet").get_data(as_text=True)
    assert made["url"].replace("&", "&amp;") in sheet or made["url"] in sheet


@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_the_home_page_lists_the_conferences_with_clone_and_import(browser, lang):
    html = browser.get(f"/workspace?lang={lang}").get_data(as_text=True)
    assert f"/workspace/{SLUG}" in html and 'data-url="/clone"' in html and 'class="file-form"' in html
    assert f'dir="{"rtl" if lang == "ar" else "ltr"}"' in html
    # The programme to circulate, in the page's language.
    assert f'href="/conferences/{SLUG}/programme.pdf?lang={lang}"' in html
    assert f'href="/conferences/{SLUG}/programme.docx?lang={lang}"' in html


def test_the_people_page_links_to_the_list_of_participants(browser):
    html = browser.get(f"/workspace/{SLUG}?lang=fr").get_data(as_text=True)
    assert [f'href="/conferences/{SLUG}/participants.{fmt}?lang=fr"' in html for fmt in ("pdf", "docx", "csv")] == [True] * 3
    assert "Liste des participants\u202f:" in html
