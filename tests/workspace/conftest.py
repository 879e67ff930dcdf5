from __future__ import annotations

import re

import pytest

from smtp_inbox import smtp_server
from speakers import organisers

SLUG = "gcm-arab-2021"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def account(loaded_app, clock):
    """make(email, conferences=(SLUG,)) -> an organiser account."""
    def make(email="sec@example.org", conferences=(SLUG,), **kw):
        with loaded_app.extensions["minbar.db"].session_scope() as db:
            organisers.create(db, email, PASSWORD, clock.now(), conferences=conferences, **kw)
        return email
    return make


@pytest.fixture
def inbox(loaded_app):
    """A real SMTP server (tests/smtp_inbox.py) the app sends its mail to."""
    with smtp_server() as box:
        loaded_app.config["MINBAR_SMTP_URL"] = box.url
        yield box


def csrf_of(client, path="/signin") -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


@pytest.fixture
def browser(loaded_app, account):
    """A test client signed in as an organiser of the bundled conference; `.csrf` is its token."""
    client = loaded_app.test_client()
    email = account()
    token = csrf_of(client)
    response = client.post("/signin", data={"email": email, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 303, response.get_data(as_text=True)
    client.csrf = csrf_of(client, "/workspace")
    return client
