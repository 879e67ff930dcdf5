"""The workspace's HTTP API: who may (organiser of this conference, of another, participant,
anonymous) on every route, rescheduling with SEQUENCE, clone, links, audit, balance, import."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from icalendar import Calendar

from conference import queries
from conference.workspace import operations

from .conftest import SLUG

OTHER = "other-2022"
A = f"/api/v1/conferences/{SLUG}"

# (method, path, body, what an organiser of this conference gets): every route of the workspace
# on the bundled conference.
ROUTES = [
    ("GET", f"{A}/people", None, 200),
    ("POST", f"{A}/people", {"key": "amira", "name": "Amira", "group": "member_state"}, 201),
    ("PATCH", f"{A}/people/dg-iom", {"title": "Director General"}, 200),
    ("PATCH", f"{A}/sessions/plenary-1/slots/plenary-1-state-a", {"minutes": 4}, 200),
    ("PATCH", f"{A}/sessions/opening", {"chair": "dg-iom"}, 200),
    ("PATCH", f"{A}/booths/en", {"interpreters": []}, 200),
    ("GET", f"{A}/links", None, 200),
    ("POST", f"{A}/links", {"role": "speaker", "session": "plenary-1"}, 201),
    ("POST", f"{A}/links/bulk", {"group": "speakers", "session": "opening"}, 201),
    ("DELETE", f"{A}/links/nope", None, 404),
    ("POST", f"{A}/links/nope/invitation", {"to": "someone@example.org"}, 404),
    ("GET", f"{A}/audit", None, 200),
    ("GET", f"{A}/balance", None, 200),
    ("POST", f"{A}/clone", {"slug": "gcm-clone", "first_day": "2022-02-23"}, 201),
    ("GET", f"/conferences/{SLUG}/agenda.toml", None, 200),
]


@pytest.fixture
def other_conference(loaded_app, clock):
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        operations.clone_conference(db, queries.conference(db, SLUG), slug=OTHER, first_day=date(2022, 3, 1),
                                    now=clock.now(), actor="test", instance=None)


def call(client, method, path, body=None, token=None, **kw):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.open(path, method=method, json=body, headers=headers, **kw)


@pytest.mark.parametrize("method,path,body,status", ROUTES, ids=[f"{m} {p}" for m, p, _b, _s in ROUTES])
def test_who_may_use_each_route(client, issue_token, other_conference, method, path, body, status):
    organiser = issue_token("organiser")
    other = issue_token("organiser", conference=OTHER)
    participant = issue_token("participant")
    assert call(client, method, path, body).status_code == 401
    for token in (other, participant):
        refused = call(client, method, path, body, token)
        assert refused.status_code == 403, (token, refused.get_json())
        if path.startswith("/api/"):
            assert refused.get_json()["error"]["code"] == "forbidden"
    allowed = call(client, method, path, body, organiser)
    assert allowed.status_code == status, allowed.get_data(as_text=True)
    if status == 404:
        assert allowed.get_json()["error"]["code"] == "not_found"


def test_an_unknown_conference_is_not_found_before_anyone_is_asked(client, issue_token):
    """The guard parses before it authorises: 404 for nobody and for an organiser alike."""
    for method, path, body, _status in ROUTES:
        unknown = path.replace(SLUG, "no-such-conference")
        for token in (None, issue_token("organiser")):
            answer = call(client, method, unknown, body, token)
            assert answer.status_code == 404, (method, unknown, token)


def test_import_needs_a_signed_in_account(client, issue_token, browser):
    text = client.get(f"/conferences/{SLUG}/agenda.toml",
                      headers={"Authorization": f"Bearer {issue_token('organiser')}"}).get_data(as_text=True)
    text = text.replace(f'slug = "{SLUG}"', 'slug = "imported-2021"')
    assert client.post("/api/v1/conferences", data=text.encode()).status_code == 401
    assert call(client, "POST", "/api/v1/conferences", token=issue_token("organiser"),
                data=text.encode()).status_code == 403
    created = browser.post("/api/v1/conferences", data=text.encode(), headers={"X-CSRFToken": browser.csrf})
    assert created.status_code == 201, created.get_json()
    assert created.get_json()["slug"] == "imported-2021"
    again = browser.post("/api/v1/conferences", data=text.encode(), headers={"X-CSRFToken": browser.csrf})
    assert again.status_code == 409
    bad = browser.post("/api/v1/conferences", data=text.replace('start = "11:15"', 'start = "25:00"').encode(),
                       headers={"X-CSRFToken": browser.csrf})
    assert bad.status_code == 400 and bad.get_json()["error"]["findings"][0]["code"] == "bad_time"
    # The importer organises what they imported.
    assert browser.get("/api/v1/conferences/imported-2021/people").status_code == 200


def _event(client, slug, key):
    body = client.get(f"/conferences/{slug}/sessions/{key}.ics").data
    return next(c for c in Calendar.from_ical(body).walk("VEVENT"))


def test_reschedule_cascades_refuses_overlaps_and_moves_sequence_on(client, issue_token, loaded_app, tmp_path):
    token = issue_token("organiser")
    first = _event(client, SLUG, "break-1")["SEQUENCE"]
    refused = call(client, "PATCH", f"{A}/sessions/plenary-1", {"ends_at": "2021-02-24T12:30:00+02:00"}, token)
    assert refused.status_code == 409
    error = refused.get_json()["error"]
    assert error["code"] == "conflict"
    assert any(f["code"] == "overlap" and f["where"]["item"] == "break-1" for f in error["findings"])
    moved = call(client, "PATCH", f"{A}/sessions/plenary-1",
                 {"ends_at": "2021-02-24T12:30:00+02:00", "shift_following": True}, token)
    assert moved.status_code == 200, moved.get_json()
    assert moved.get_json()["ends_at"] == "2021-02-24T12:30:00+02:00"
    event = _event(client, SLUG, "break-1")
    moved_on = event["SEQUENCE"]
    assert moved_on > first
    assert event.decoded("DTSTART").isoformat() == "2021-02-24T12:30:00+02:00"
    audit = call(client, "GET", f"{A}/audit?action=workspace.session", token=token).get_json()
    assert audit[-1]["before"]["session:break-1"]["start"] == "12:15"
    assert audit[-1]["after"]["session:break-1"]["start"] == "12:30"

    # A fresh database rebuilt by `minbar init`: SEQUENCE does not go back.
    from conference.cli import cli

    database = loaded_app.extensions["minbar.db"]
    database.drop_all()
    result = loaded_app.test_cli_runner().invoke(cli, ["init"])
    assert result.exit_code == 0, result.output
    event = _event(loaded_app.test_client(), SLUG, "break-1")
    assert event["SEQUENCE"] >= moved_on
    assert event.decoded("DTSTART").isoformat() == "2021-02-24T12:30:00+02:00"


def test_fill_a_tbd_and_reorder_speakers(client, issue_token):
    token = issue_token("organiser")
    made = call(client, "POST", f"{A}/people", {"key": "amira", "name": {"ar": "أميرة", "en": "Amira", "fr": "Amira"},
                                                 "delegation": "Lebanon", "group": "member_state", "rank": 2,
                                                 "gender": "female", "language": "ar"}, token)
    assert made.status_code == 201 and made.get_json()["name"]["ar"] == "أميرة"
    filled = call(client, "PATCH", f"{A}/sessions/plenary-1/slots/plenary-1-state-b",
                  {"speaker": "amira", "position": 0}, token)
    assert filled.status_code == 200, filled.get_json()
    slots = filled.get_json()["slots"]
    assert slots[0]["id"] == "plenary-1-state-b" and slots[0]["speaker"]["id"] == "amira"
    assert slots[0]["tbd"] is False
    public = client.get(f"/api/v1/conferences/{SLUG}").get_json()
    plenary = next(s for day in public["days"] for s in day["sessions"] if s["id"] == "plenary-1") \
        if "days" in public else None
    back = call(client, "PATCH", f"{A}/sessions/plenary-1/slots/plenary-1-state-b", {"speaker": None}, token)
    assert back.get_json()["slots"][0]["tbd"] is True
    bad = call(client, "PATCH", f"{A}/sessions/plenary-1/slots/plenary-1-state-b", {"minutes": 90}, token)
    assert bad.status_code == 409 and bad.get_json()["error"]["findings"][0]["code"] == "slots_exceed_item"
    bad = call(client, "POST", f"{A}/people", {"key": "Bad Key", "name": "X"}, token)
    assert bad.status_code == 409 and bad.get_json()["error"]["findings"][0]["code"] == "bad_id"
    assert call(client, "PATCH", f"{A}/people/nobody", {"title": "x"}, token).status_code == 404
    assert call(client, "PATCH", f"{A}/people/amira", {"colour": "x"}, token).status_code == 400


def test_links_issue_list_revoke(client, issue_token):
    token = issue_token("organiser")
    refused = call(client, "POST", f"{A}/links", {"role": "interpreter"}, token)
    assert refused.status_code == 400 and "booth" in refused.get_json()["error"]["message"]
    made = call(client, "POST", f"{A}/links", {"role": "chair", "session": "plenary-1", "person": "dg-iom"}, token)
    assert made.status_code == 201
    link = made.get_json()
    assert link["url"].endswith(f"/conferences/{SLUG}/sessions/plenary-1/console?token={link['token']}")
    listed = call(client, "GET", f"{A}/links", token=token).get_json()
    assert any(row["id"] == link["id"] and row["revoked_at"] is None for row in listed)
    chair = link["token"]
    as_chair = {"Authorization": f"Bearer {chair}"}
    assert client.get(f"/conferences/{SLUG}/actuals", headers=as_chair).status_code == 200
    revoked = call(client, "DELETE", f"{A}/links/{link['id']}", token=token)
    assert revoked.status_code == 200 and revoked.get_json()["revoked_at"]
    assert client.get(f"/conferences/{SLUG}/actuals", headers=as_chair).status_code == 401
    actions = [e["action"] for e in call(client, "GET", f"{A}/audit", token=token).get_json()]
    assert actions[-2:] == ["workspace.link.issue", "workspace.link.revoke"]


def test_audit_and_balance_as_csv(client, issue_token):
    token = issue_token("organiser")
    call(client, "PATCH", f"{A}/people/dg-iom", {"gender": "female"}, token)
    text = call(client, "GET", f"{A}/audit?format=csv&person=dg-iom", token=token).get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["at", "actor", "action"] and rows[1][2] == "workspace.person.update"
    assert len(rows) == 2
    figures = call(client, "GET", f"{A}/balance?session=opening", token=token).get_json()
    genders = {line["value"]: line for line in figures["gender"]}
    assert genders["female"]["planned_turns"] == 1
    text = call(client, "GET", f"{A}/balance?day=2021-02-24&format=csv", token=token).get_data(as_text=True)
    assert text.startswith("\ufeffdimension,value,planned_turns,planned_s,actual_turns,actual_s")
    assert call(client, "GET", f"{A}/balance?day=someday", token=token).status_code == 400
    assert call(client, "GET", f"{A}/balance?session=nope", token=token).status_code == 404


def test_a_clone_shifted_into_july_has_utc_plus_3_in_the_ics(client, issue_token):
    made = call(client, "POST", f"{A}/clone", {"slug": "gcm-arab-2022", "first_day": "2022-07-06"},
                issue_token("organiser"))
    assert made.status_code == 201, made.get_json()
    event = _event(client, "gcm-arab-2022", "plenary-1")
    start = event.decoded("DTSTART")
    assert start.isoformat() == "2022-07-06T11:15:00+03:00"
    assert start.utcoffset().total_seconds() == 3 * 3600
