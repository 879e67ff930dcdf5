"""An approval whose e-mail cannot be sent changes nothing: the SMTP server refuses (nothing
listens on its port), the secretariat gets a clear error, the person is not in the database and
the conference's agenda file (the workspace's copy, which `minbar init` rebuilds from) does not
name them. A sent approval is filed."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from smtp_inbox import closed_smtp_url, smtp_server

SLUG = "gcm-arab-2021"
A = f"/api/v1/conferences/{SLUG}"


@pytest.fixture
def inbox(loaded_app, clock):
    from conference import queries
    from conference.registration import store

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        store.put_settings(db, queries.conference(db, SLUG), opens_at=clock.now() - timedelta(days=1),
                           closes_at=None, retention_days=30, now=clock.now(), actor="test")
    with smtp_server() as box:
        loaded_app.config["MINBAR_SMTP_URL"] = box.url
        yield box


@pytest.fixture
def organiser(issue_token):
    return {"Authorization": f"Bearer {issue_token('organiser')}"}


def pending(client, inbox, organiser, name: str, email: str) -> int:
    body = {"name": name, "delegation": "Lebanon", "group": "member_state", "language": "en", "email": email}
    assert client.post(f"{A}/registrations", json=body).status_code == 202
    token = re.search(r"confirmation_token=([A-Za-z0-9_-]+)", inbox.body(-1)).group(1)
    assert client.post(f"{A}/registrations/confirm", json={"token": token}).status_code == 200
    return max(r["id"] for r in client.get(f"{A}/registrations", headers=organiser).get_json())


def agenda_file_text(loaded_app) -> str:
    from conference.workspace import agenda_file

    return agenda_file.copy_path(loaded_app.instance_path, SLUG).read_text(encoding="utf-8")


def people(client, organiser) -> set[str]:
    return {p["key"] for p in client.get(f"{A}/people", headers=organiser).get_json()}


def test_an_approval_the_smtp_server_refuses_leaves_the_database_and_the_agenda_file_as_they_were(
        loaded_app, client, inbox, organiser):
    omar = pending(client, inbox, organiser, "Omar Khalil", "omar@example.org")
    amira = pending(client, inbox, organiser, "Amira Haddad", "amira@example.org")
    assert client.post(f"{A}/registrations/{omar}/approve", headers=organiser).status_code == 200
    filed = agenda_file_text(loaded_app)
    assert 'id = "omar-khalil"' in filed and "Omar Khalil" in filed        # a sent approval is filed

    loaded_app.config["MINBAR_SMTP_URL"] = closed_smtp_url()
    refused = client.post(f"{A}/registrations/{amira}/approve", headers=organiser)
    assert refused.status_code == 503
    error = refused.get_json()["error"]
    assert error["code"] == "unavailable" and "e-mail could not be sent" in error["message"]
    assert "amira-haddad" not in people(client, organiser) and "omar-khalil" in people(client, organiser)
    [row] = [r for r in client.get(f"{A}/registrations", headers=organiser).get_json() if r["id"] == amira]
    assert row["status"] == "pending" and row["person"] is None
    assert agenda_file_text(loaded_app) == filed                            # not a word of Amira

    loaded_app.config["MINBAR_SMTP_URL"] = inbox.url                        # the server is back: approve again
    assert client.post(f"{A}/registrations/{amira}/approve", headers=organiser).status_code == 200
    assert 'id = "amira-haddad"' in agenda_file_text(loaded_app)


def test_a_batch_files_the_approvals_that_were_sent_and_only_those(loaded_app, client, inbox, organiser):
    omar = pending(client, inbox, organiser, "Omar Khalil", "omar@example.org")
    loaded_app.config["MINBAR_SMTP_URL"] = closed_smtp_url()
    results = client.post(f"{A}/registrations/decisions", headers=organiser,
                          json={"approve": [omar]}).get_json()["results"]
    assert results[0]["error"]["code"] == "unavailable"
    from conference.workspace import agenda_file

    path = agenda_file.copy_path(loaded_app.instance_path, SLUG)
    assert not path.exists() or "Omar Khalil" not in path.read_text(encoding="utf-8")
    assert "omar-khalil" not in people(client, organiser)
