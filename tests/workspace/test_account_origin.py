"""An organiser account's writes pass the same Origin / Sec-Fetch-Site check as a link's
(docs/security.md, "Headers and origins"): before, an account signed in with its password accepted
`Origin: http://evil.example`, `Origin: null` and `Sec-Fetch-Site: cross-site` as long as the CSRF
token held. Refused: 403 JSON on the API, a 403 page on forms; nothing changes."""
from __future__ import annotations

import re

import pytest

from .conftest import PASSWORD, SLUG, csrf_of

PEOPLE = f"/api/v1/conferences/{SLUG}/people"
FOREIGN = [{"Origin": "http://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"},
           {"Sec-Fetch-Site": "same-site"}, {"Origin": "http://localhost.evil.example"}]


@pytest.mark.parametrize("headers", FOREIGN)
def test_an_accounts_api_write_from_another_site_is_a_403_json(browser, headers):
    body = {"key": "amira", "name": "Amira", "group": "member_state"}
    refused = browser.post(PEOPLE, json=body, headers={"X-CSRFToken": browser.csrf, **headers})
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "forbidden"
    assert all(p["key"] != "amira" for p in browser.get(PEOPLE).get_json())


@pytest.mark.parametrize("headers", FOREIGN)
def test_an_accounts_form_write_from_another_site_is_a_403_page(browser, headers):
    refused = browser.post("/signout", data={"csrf_token": browser.csrf}, headers=headers)
    assert refused.status_code == 403 and refused.mimetype == "text/html"
    assert browser.get(PEOPLE).status_code == 200          # still signed in: the sign-out did not run


@pytest.mark.parametrize("headers", FOREIGN)
def test_the_sign_in_form_refuses_another_site(loaded_app, account, headers):
    email = account()
    client = loaded_app.test_client()
    answer = client.post("/signin", data={"email": email, "password": PASSWORD, "csrf_token": csrf_of(client)},
                         headers=headers)
    assert answer.status_code == 403 and answer.mimetype == "text/html"
    assert client.get(PEOPLE).status_code == 401


@pytest.mark.parametrize("headers", [{}, {"Origin": "http://localhost"}, {"Sec-Fetch-Site": "same-origin"},
                                     {"Sec-Fetch-Site": "none"}])
def test_the_accounts_own_pages_may_write(browser, headers):
    body = {"key": "amira", "name": "Amira", "group": "member_state"}
    created = browser.post(PEOPLE, json=body, headers={"X-CSRFToken": browser.csrf, **headers})
    assert created.status_code == 201, created.get_json()
