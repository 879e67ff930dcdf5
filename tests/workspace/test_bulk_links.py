"""Links in bulk (`POST /links/bulk`): every speaker of a session, every interpreter of a booth,
every chair; issued once, mailed through a real SMTP server, refusals that change nothing; and
the organiser link's confirmation."""
from __future__ import annotations


from conference import audit, queries

from .conftest import SLUG

A = f"/api/v1/conferences/{SLUG}"


def organiser(issue_token) -> dict:
    return {"Authorization": f"Bearer {issue_token('organiser')}"}


def link_rows(client, auth) -> list[dict]:
    return client.get(f"{A}/links", headers=auth).get_json()


def test_every_speaker_of_a_session_gets_one_link_and_twice_issues_nothing_twice(client, issue_token):
    auth = organiser(issue_token)
    first = client.post(f"{A}/links/bulk", json={"group": "speakers", "session": "opening"}, headers=auth)
    assert first.status_code == 201, first.get_json()
    answer = first.get_json()
    assert [(l["person"], l["role"], l["session"], l["new"]) for l in answer["links"]] == [
        ("dg-iom", "speaker", "opening", True), ("es-escwa", "speaker", "opening", True),
        ("sg-las", "speaker", "opening", True)]
    assert answer["issued"] == 3 and answer["held"] == 0 and answer["without_email"] == []
    assert all(l["url"].startswith("http") and "token=" in l["url"] for l in answer["links"])
    again = client.post(f"{A}/links/bulk", json={"group": "speakers", "session": "opening"}, headers=auth)
    assert again.status_code == 200
    assert again.get_json()["issued"] == 0 and again.get_json()["held"] == 3
    assert [l["id"] for l in again.get_json()["links"]] == [l["id"] for l in answer["links"]]
    assert len([l for l in link_rows(client, auth) if l["role"] == "speaker"]) == 3
    # A revoked link is replaced by a new one.
    client.delete(f"{A}/links/{answer['links'][0]['id']}", headers=auth)
    third = client.post(f"{A}/links/bulk", json={"group": "speakers", "session": "opening"}, headers=auth).get_json()
    assert [l["new"] for l in third["links"]] == [True, False, False]


def test_interpreters_of_a_booth_and_every_chair(client, issue_token):
    auth = organiser(issue_token)
    assert client.patch(f"{A}/booths/fr", json={"interpreters": ["dg-iom", "sr-migrants"]}, headers=auth).status_code == 200
    booth = client.post(f"{A}/links/bulk", json={"group": "interpreters", "booth": "fr"}, headers=auth).get_json()
    assert [(l["person"], l["role"], l["booth"], l["session"]) for l in booth["links"]] == [
        ("dg-iom", "interpreter", "fr", None), ("sr-migrants", "interpreter", "fr", None)]
    assert client.patch(f"{A}/sessions/opening", json={"chair": "sg-las"}, headers=auth).status_code == 200
    assert client.patch(f"{A}/sessions/plenary-1", json={"chair": "es-escwa"}, headers=auth).status_code == 200
    chairs = client.post(f"{A}/links/bulk", json={"group": "chairs"}, headers=auth).get_json()
    assert [(l["person"], l["role"], l["session"]) for l in chairs["links"]] == [
        ("sg-las", "chair", "opening"), ("es-escwa", "chair", "plenary-1")]


def test_refusals_change_nothing(loaded_app, client, issue_token):
    auth = organiser(issue_token)
    before = len(link_rows(client, auth))
    cases = [
        ({"group": "everyone"}, 400),
        ({"group": "speakers"}, 400),                                   # no session
        ({"group": "speakers", "session": "nope"}, 404),
        ({"group": "speakers", "session": "registration"}, 409),        # nobody assigned
        ({"group": "interpreters", "booth": "de"}, 400),
        ({"group": "interpreters", "booth": "fr"}, 409),                # no interpreter yet
        ({"group": "chairs"}, 409),                                     # every chair still TBD
        ({"group": "speakers", "session": "opening", "extra": 1}, 400),
        ({"group": "speakers", "session": "opening", "mail": "yes"}, 400),
        ({"group": "speakers", "session": "opening", "mail": True}, 400),   # no SMTP configured
        ({"group": "speakers", "session": "opening", "expires": "2000-01-01T00:00"}, 400),
    ]
    for body, status in cases:
        answer = client.post(f"{A}/links/bulk", json=body, headers=auth)
        assert answer.status_code == status, (body, answer.get_json())
        assert "message" in answer.get_json()["error"]
    assert len(link_rows(client, auth)) == before
    # Who may: an organiser of this conference only.
    assert client.post(f"{A}/links/bulk", json={"group": "chairs"}).status_code == 401
    chair = {"Authorization": f"Bearer {issue_token('chair', 'opening')}"}
    assert client.post(f"{A}/links/bulk", json={"group": "speakers", "session": "opening"},
                       headers=chair).status_code == 403
    assert len(link_rows(client, auth)) == before + 1     # the chair's own link, nothing more


def test_bulk_invitations_reach_the_smtp_server_and_people_without_an_address_are_reported(
        loaded_app, client, issue_token, inbox):
    loaded_app.config["MINBAR_BASE_URL"] = "https://minbar.example.org"
    auth = organiser(issue_token)
    assert client.patch(f"{A}/people/dg-iom", json={"email": "dg@example.org"}, headers=auth).status_code == 200
    assert client.patch(f"{A}/people/sg-las", json={"email": "sg@example.org"}, headers=auth).status_code == 200
    assert client.patch(f"{A}/people/sg-las", json={"email": "a@b.org\r\nBcc: x@y.org"},
                        headers=auth).status_code == 400
    sent = client.post(f"{A}/links/bulk", json={"group": "speakers", "session": "opening", "mail": True},
                       headers=auth)
    assert sent.status_code == 201, sent.get_json()
    answer = sent.get_json()
    assert answer["mailed"] == ["dg-iom", "sg-las"]
    assert answer["without_email"] == ["es-escwa"]          # reported, not dropped
    assert {l["person"]: l["mail"] for l in answer["links"]} == {
        "dg-iom": "sent", "es-escwa": "no_email", "sg-las": "sent"}
    messages = inbox.messages
    assert sorted(m["To"].addresses[0].addr_spec for m in messages) == ["dg@example.org", "sg@example.org"]
    urls = {l["person"]: l["url"] for l in answer["links"]}
    by_to = {m["To"].addresses[0].addr_spec: m for m in messages}
    english = by_to["dg@example.org"].get_body(("plain",)).get_content()
    arabic = by_to["sg@example.org"].get_body(("plain",)).get_content()
    assert urls["dg-iom"] in english and "Opening session" in english
    assert urls["sg-las"] in arabic and "الجلسة الافتتاحية" in arabic      # sg-las speaks Arabic
    assert any(p.get_content_type() == "text/calendar" for p in by_to["dg@example.org"].iter_attachments())
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        conf = queries.conference(db, SLUG)
        bulk = audit.entries(db, conf, action="workspace.link.bulk")
        invites = audit.entries(db, conf, action="workspace.link.invite")
    assert len(bulk) == 1 and bulk[0].after["without_email"] == ["es-escwa"]
    assert bulk[0].after["mailed"] == ["dg-iom", "sg-las"]
    assert sorted(e.after["to"] for e in invites) == ["dg@example.org", "sg@example.org"]


def test_an_organiser_link_needs_its_confirmation(client, issue_token):
    auth = organiser(issue_token)
    before = len(link_rows(client, auth))
    for body in ({"role": "organiser"}, {"role": "organiser", "confirm": False},
                 {"role": "organiser", "confirm": "yes"}):
        refused = client.post(f"{A}/links", json=body, headers=auth)
        assert refused.status_code in (400, 409), body
    assert len(link_rows(client, auth)) == before
    issued = client.post(f"{A}/links", json={"role": "organiser", "confirm": True}, headers=auth)
    assert issued.status_code == 201 and issued.get_json()["role"] == "organiser"
    # Any other role needs none.
    assert client.post(f"{A}/links", json={"role": "participant"}, headers=auth).status_code == 201
