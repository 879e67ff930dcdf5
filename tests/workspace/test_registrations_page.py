"""The workspace's registrations page: the secretariat sets the dates, sees who registered (with
duplicates flagged), and approves or declines several at once, each person receiving the answer
in their language through a real SMTP server. Only an organiser of the conference gets there."""
from __future__ import annotations

import re
from datetime import timedelta

from conference import queries
from conference.registration import core, store

from .conftest import SLUG

PAGE = f"/workspace/{SLUG}/registrations"


def pending(loaded_app, clock, **fields) -> int:
    values = {"name": "Amira Haddad", "delegation": "Lebanon", "group": "member_state", "language": "en",
              "email": "amira@example.org", **fields}
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        conf = queries.conference(db, SLUG)
        store.put_settings(db, conf, opens_at=clock.now() - timedelta(days=1), closes_at=None,
                           retention_days=30, now=clock.now(), actor="t")
        row, token = store.submit(db, conf, core.submission(values), now=clock.now(), source="s",
                                  per_address=0, per_email=0)
        store.confirm(db, conf, token, now=clock.now())
        return row.id


def test_the_secretariat_sets_the_dates(browser, loaded_app):
    page = browser.get(PAGE)
    assert page.status_code == 200 and "Registration dates" in page.get_data(as_text=True)
    saved = browser.post(f"{PAGE}/settings", data={"csrf_token": browser.csrf, "opens_at": "2021-02-01T09:00",
                                                   "closes_at": "2021-02-20T18:00", "retention_days": "14"})
    assert saved.status_code == 303
    settings = browser.get(f"/api/v1/conferences/{SLUG}/registration-settings",
                           headers={"X-CSRFToken": browser.csrf}).get_json()
    assert settings == {"opens_at": "2021-02-01T09:00:00+02:00", "closes_at": "2021-02-20T18:00:00+02:00",
                        "retention_days": 14, "open": False}
    refused = browser.post(f"{PAGE}/settings", data={"csrf_token": browser.csrf, "opens_at": "2021-02-20T09:00",
                                                     "closes_at": "2021-02-01T18:00", "retention_days": "14"})
    assert refused.status_code == 400 and "Registration should close after it opens." in refused.get_data(as_text=True)
    forged = browser.post(f"{PAGE}/settings", data={"opens_at": "", "closes_at": "", "retention_days": "1"})
    assert forged.status_code == 403                       # no CSRF token: nothing changes
    assert browser.get(f"/api/v1/conferences/{SLUG}/registration-settings").get_json()["retention_days"] == 14


def test_several_are_approved_or_declined_at_once_and_each_person_is_told(browser, loaded_app, clock, inbox):
    amira = pending(loaded_app, clock)
    omar = pending(loaded_app, clock, name="عمر خليل", name_latin="Omar Khalil", email="omar@example.org",
                   language="ar", delegation="Jordan")
    lina = pending(loaded_app, clock, name="Lina Saad", email="amira@example.org", language="fr",
                   delegation="Migrant Forum", group="civil_society")
    html = browser.get(PAGE).get_data(as_text=True)
    assert "Same e-mail as another registration" in html and "Omar Khalil" in html
    approved = browser.post(f"{PAGE}/decisions", data={"csrf_token": browser.csrf, "ids": [str(amira), str(omar)],
                                                       "decision": "approve", "reason": ""})
    assert approved.status_code == 200, approved.get_data(as_text=True)
    assert f"Registration {amira}: Approved" in approved.get_data(as_text=True)
    declined = browser.post(f"{PAGE}/decisions", data={"csrf_token": browser.csrf, "ids": [str(lina)],
                                                       "decision": "decline", "reason": "Les places sont pleines."})
    assert declined.status_code == 200
    assert [m["To"].addresses[0].addr_spec for m in inbox.messages] == [
        "amira@example.org", "omar@example.org", "amira@example.org"]
    to_omar = inbox.messages[1].get_body(("plain",)).get_content()
    assert "عمر خليل" in to_omar and re.search(r"\?token=\S+", to_omar)
    to_lina = inbox.messages[2].get_body(("plain",)).get_content()
    assert "Les places sont pleines." in to_lina and "inscription" in to_lina
    again = browser.post(f"{PAGE}/decisions", data={"csrf_token": browser.csrf, "ids": [str(lina)],
                                                    "decision": "approve"})
    assert again.status_code == 409 and "was not changed" in again.get_data(as_text=True)
    nothing = browser.post(f"{PAGE}/decisions", data={"csrf_token": browser.csrf, "decision": "approve"})
    assert nothing.status_code == 400
    assert len(inbox.messages) == 3


def test_only_an_organiser_of_the_conference_opens_the_page(client, issue_token):
    signed_out = client.get(PAGE)
    assert signed_out.status_code == 303 and "/signin" in signed_out.headers["Location"]
    participant = client.get(PAGE, headers={"Authorization": f"Bearer {issue_token('participant')}"})
    assert participant.status_code == 403
