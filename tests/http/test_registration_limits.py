"""The limit per e-mail address tells a stranger nothing: a registration for an address past its
limit is answered exactly as one for an address never seen (API and page: status, body, headers),
and nothing is kept or sent — over a real SMTP server. The limit per client address still says
429 (it is about the caller, not an account)."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from smtp_inbox import smtp_server

SLUG = "gcm-arab-2021"
A = f"/api/v1/conferences/{SLUG}"
PAGE = f"/conferences/{SLUG}/register"
AMIRA = {"name": "Amira Haddad", "delegation": "Lebanon", "group": "member_state", "language": "en",
         "email": "amira@example.org"}


@pytest.fixture
def inbox(loaded_app, clock):
    from conference import queries
    from conference.registration import store

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        store.put_settings(db, queries.conference(db, SLUG), opens_at=clock.now() - timedelta(days=1),
                           closes_at=None, retention_days=30, now=clock.now(), actor="test")
    loaded_app.config["MINBAR_REGISTRATION_PER_EMAIL"] = 2
    with smtp_server() as box:
        loaded_app.config["MINBAR_SMTP_URL"] = box.url
        yield box


def kept(loaded_app) -> int:
    from conference.registration.models import Registration

    with loaded_app.extensions["minbar.db"].read_scope() as db:
        return db.scalar(select(func.count(Registration.id)))


def register(client, email, address):
    return client.post(f"{A}/registrations", json={**AMIRA, "email": email}, environ_base={"REMOTE_ADDR": address})


def answer(response) -> tuple:
    """Everything a caller sees, but the request's own id (different for every request)."""
    return response.status_code, response.get_data(), sorted(
        (k, v) for k, v in response.headers.items() if k != "X-Request-ID")


def recipients(inbox) -> list[str]:
    return [m["To"].addresses[0].addr_spec for m in inbox.messages]


def test_an_e_mail_address_past_its_limit_is_answered_as_a_fresh_one_and_gets_nothing(loaded_app, client, inbox):
    assert register(client, "amira@example.org", "203.0.113.1").status_code == 202
    assert register(client, "AMIRA@example.org", "203.0.113.2").status_code == 202
    fresh = register(client, "omar@example.org", "203.0.113.3")
    limited = register(client, "amira@example.org", "203.0.113.4")
    assert fresh.status_code == 202
    assert answer(limited) == answer(fresh)
    assert recipients(inbox) == ["amira@example.org", "AMIRA@example.org", "omar@example.org"]
    assert kept(loaded_app) == 3


def test_the_page_answers_a_limited_address_as_a_fresh_one(loaded_app, client, inbox, clock):
    def sent(email, address):
        html = client.get(f"{PAGE}?lang=fr", environ_base={"REMOTE_ADDR": address}).get_data(as_text=True)
        stamp = re.search(r'name="stamp" value="([^"]+)"', html).group(1)
        clock.advance(seconds=5)
        return client.post(f"{PAGE}?lang=fr", environ_base={"REMOTE_ADDR": address},
                           data={**AMIRA, "email": email, "stamp": stamp, "website": ""})

    assert [sent("amira@example.org", f"198.51.100.{n}").status_code for n in (1, 2)] == [303, 303]
    fresh, limited = sent("omar@example.org", "198.51.100.3"), sent("amira@example.org", "198.51.100.4")
    assert fresh.status_code == 303 and answer(limited) == answer(fresh)
    assert client.get(limited.headers["Location"]).get_data() == client.get(fresh.headers["Location"]).get_data()
    assert recipients(inbox) == ["amira@example.org", "amira@example.org", "omar@example.org"]
    assert kept(loaded_app) == 3


def test_the_limit_per_client_address_still_says_so(loaded_app, client, inbox):
    loaded_app.config["MINBAR_REGISTRATION_PER_ADDRESS"] = 1
    assert register(client, "omar@example.org", "192.0.2.5").status_code == 202
    refused = register(client, "karim@example.org", "192.0.2.5")
    assert refused.status_code == 429 and refused.get_json()["error"]["code"] == "rate_limited"
    assert recipients(inbox) == ["omar@example.org"] and kept(loaded_app) == 1
