"""`next=` is a path on this site, checked by one function (`conference.untrusted.local_path`)
for every redirect: control characters are removed first (a browser drops tabs and line breaks
inside an address, so `/\t/evil.example` is `//evil.example` to it), then nothing but a local path
is followed. Before, `GET /language/fr?next=/%09/evil.example` answered `Location: //evil.example`
and `next=/%0a/x` a 500."""
from __future__ import annotations

import re

import pytest

from conference.untrusted import local_path

HOSTILE = ["/%09/evil.example", "/%0a/evil.example", "/%0d%0a/evil.example", "//evil.example",
           "/%5C/evil.example", "/%5Cevil.example", "%09//evil.example", "http://evil.example/",
           "/%00/evil.example", "%20//evil.example", "/%7F/evil.example", "javascript:alert(1)"]


def location(response) -> str:
    return response.headers.get("Location", "")


def leaves_the_site(target: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", target).replace("\\", "/")
    return not cleaned.startswith("/") or cleaned.startswith("//")


@pytest.mark.parametrize("value", HOSTILE)
def test_the_language_switch_never_sends_a_browser_to_another_host(client, value):
    response = client.get(f"/language/fr?next={value}")
    assert response.status_code == 302
    assert location(response) == "/" and not leaves_the_site(location(response))


def test_the_language_switch_goes_back_to_a_local_page(client):
    response = client.get("/language/fr?next=/conferences/gcm-arab-2021%3Flang%3Dar")
    assert (response.status_code, location(response)) == (302, "/conferences/gcm-arab-2021?lang=ar")
    response = client.get("/language/fr?next=/conferences/gcm%0a-arab-2021")
    assert location(response) == "/conferences/gcm-arab-2021"


@pytest.mark.parametrize("value", ["/\t/evil.example", "/\n/x", "/\\/evil.example", "//evil.example",
                                   "\t//evil.example"])
def test_sign_in_and_sign_out_never_send_a_browser_to_another_host(loaded_app, value):
    from speakers import organisers

    from conftest import OPENING_DAY

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        organisers.create(db, "sec@example.org", "correct horse battery", OPENING_DAY, conferences=("gcm-arab-2021",))
    client = loaded_app.test_client()
    page = client.get("/signin").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    signed_in = client.post("/signin", data={"email": "sec@example.org", "password": "correct horse battery",
                                             "csrf_token": token, "next": value})
    assert signed_in.status_code == 303 and location(signed_in) == "/workspace"
    page = client.get("/signin").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    signed_out = client.post("/signout", data={"next": value, "csrf_token": token})
    assert signed_out.status_code == 303 and location(signed_out) == "/"


@pytest.mark.parametrize("value, expected", [
    ("/conferences/x", "/conferences/x"), ("/a\tb", "/ab"), ("/\t/evil.example", None), ("/\\evil", None),
    ("//x", None), ("x", None), ("", None), (None, None), ("/\r\n/x", None), (" /ok ", "/ok"),
])
def test_local_path(value, expected):
    assert local_path(value) == expected
