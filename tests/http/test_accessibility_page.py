"""The accessibility statement: a public page in three languages, linked from every page's footer."""
from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("lang,direction,heading,limit", [
    ("ar", "rtl", "إمكانية الوصول", "منصة الاجتماع"),
    ("en", "ltr", "Accessibility", "meeting platform"),
    ("fr", "ltr", "Accessibilité", "plateforme de réunion"),
])
def test_the_statement_is_public_in_each_language(client, lang, direction, heading, limit):
    response = client.get(f"/accessibility?lang={lang}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert "WCAG" in html and "2.2" in html and limit in html
    assert re.search(r'<footer class="site-footer">.*aria-current="page"', html, re.S)   # it is where you are


@pytest.mark.parametrize("path", ["/conferences/gcm-arab-2021", "/conferences/gcm-arab-2021/sessions/plenary-1",
                                  "/conferences/gcm-arab-2021/sessions/plenary-1/live", "/signin",
                                  "/conferences/gcm-arab-2021/no-such-page"])
@pytest.mark.parametrize("lang,label", [("ar", "إمكانية الوصول"), ("en", "Accessibility"), ("fr", "Accessibilité")])
def test_every_page_links_to_the_statement_from_its_footer(client, path, lang, label):
    html = client.get(f"{path}?lang={lang}").get_data(as_text=True)
    footer = html[html.index('<footer class="site-footer">'):html.index("</footer>")]
    assert f'<a href="/accessibility?lang={lang}">{label}</a>' in footer
