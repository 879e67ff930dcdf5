"""The key-messages HTTP API: revisions, conflicts that keep both texts, auth, validation, the
live `key_messages` event and presentation mode over /live."""
from __future__ import annotations

import pytest

from conftest import ack

SLUG = "gcm-arab-2021"
BASE = f"/api/v1/conferences/{SLUG}/sessions/plenary-1/key-messages"
ARABIC = "نؤكد على أهمية الهجرة الآمنة والمنظمة والنظامية، وفقاً **للهدف 23**."


@pytest.fixture
def rapporteurs(issue_token):
    """Two rapporteurs of plenary-1, as Authorization headers."""
    return [{"Authorization": "Bearer " + issue_token("rapporteur", session="plenary-1", name=name)}
            for name in ("Rapporteur A", "Rapporteur B")]


def create(client, headers, **fields):
    response = client.post(BASE, json={"text": "States shared data.", **fields}, headers=headers)
    assert response.status_code == 201, response.json
    return response.json


# -- writing and conflicts -------------------------------------------------------------------

def test_create_answers_201_with_the_message(client, rapporteurs):
    response = client.post(BASE, json={"text": "States *shared* data.", "objectives": [23, 1],
                                       "principles": ["human_rights"], "group": "member_state"}, headers=rapporteurs[0])
    assert (response.status_code, response.json) == (201, {
        "id": "plenary-1-km-1", "session": "plenary-1", "text": "States *shared* data.",
        "html": "<p>States <em>shared</em> data.</p>", "objectives": [1, 23], "principles": ["human_rights"],
        "status": "draft", "group": "member_state", "position": 0, "revision": 1, "author": "Rapporteur A",
        "saved_at": "2021-02-24T08:30:00+00:00",
        # Extended by the languages of key messages: the original's language (no language on the
        # link: the conference's first) and its versions in the other languages (none yet).
        "language": "ar", "versions": {},
    })


def test_two_rapporteurs_same_revision_second_is_conflict_keeping_both_texts(client, rapporteurs, clock):
    a, b = rapporteurs
    message = create(client, a)
    url = f"{BASE}/{message['id']}"

    first = client.put(url, json={"base_revision": 1, "text": "Text of rapporteur A."}, headers=a)
    clock.advance(seconds=5)
    second = client.put(url, json={"base_revision": 1, "text": "Text of rapporteur B."}, headers=b)

    assert (first.status_code, first.json["revision"]) == (200, 2)
    assert second.status_code == 409
    error = second.json["error"]
    assert (error["code"], error["current"]["text"], error["current"]["revision"], error["yours"]) == (
        "conflict", "Text of rapporteur A.", 2, {"text": "Text of rapporteur B."})
    assert client.get(url, headers=b).json["text"] == "Text of rapporteur A."

    merged = client.put(url, json={"base_revision": 2, "text": "Text of A and of B."}, headers=b)
    history = client.get(f"{url}/history", headers=a).json
    assert merged.status_code == 200
    assert [(h["revision"], h["text"], h["author"]) for h in history] == [
        (1, "States shared data.", "Rapporteur A"),
        (2, "Text of rapporteur A.", "Rapporteur A"),
        (3, "Text of A and of B.", "Rapporteur B"),
    ]


def test_resending_an_applied_save_is_200_without_a_new_revision(client, rapporteurs):
    message = create(client, rapporteurs[0])
    url = f"{BASE}/{message['id']}"
    client.put(url, json={"base_revision": 1, "status": "agreed"}, headers=rapporteurs[0])
    again = client.put(url, json={"base_revision": 1, "status": "agreed"}, headers=rapporteurs[0])
    assert (again.status_code, again.json["revision"]) == (200, 2)


def test_create_replayed_with_client_key_returns_the_same_message(client, rapporteurs):
    body = {"text": "Sent twice.", "client_key": "k-0123456789"}
    first = client.post(BASE, json=body, headers=rapporteurs[0])
    again = client.post(BASE, json=body, headers=rapporteurs[0])
    assert (first.status_code, again.status_code, again.json["id"], len(client.get(BASE, headers=rapporteurs[0]).json)) == (
        201, 200, first.json["id"], 1)


def test_restore_brings_back_an_old_revision_as_a_new_one(client, rapporteurs):
    message = create(client, rapporteurs[0])
    url = f"{BASE}/{message['id']}"
    client.put(url, json={"base_revision": 1, "text": "Changed."}, headers=rapporteurs[1])
    restored = client.post(f"{url}/restore", json={"revision": 1, "base_revision": 2}, headers=rapporteurs[0])
    stale = client.post(f"{url}/restore", json={"revision": 2, "base_revision": 2}, headers=rapporteurs[0])
    missing = client.post(f"{url}/restore", json={"revision": 9, "base_revision": 3}, headers=rapporteurs[0])
    assert (restored.status_code, restored.json["text"], restored.json["revision"]) == (200, "States shared data.", 3)
    assert (stale.status_code, stale.json["error"]["code"], missing.status_code) == (409, "conflict", 404)


def test_reorder_puts_the_listed_messages_first(client, rapporteurs):
    ids = [create(client, rapporteurs[0], text=t)["id"] for t in ("One.", "Two.", "Three.")]
    response = client.put(f"{BASE}/order", json={"order": [ids[2], ids[0]]}, headers=rapporteurs[1])
    assert response.status_code == 200
    assert [(m["text"], m["position"]) for m in response.json] == [("Three.", 0), ("One.", 1), ("Two.", 2)]


def test_arabic_text_round_trips(client, rapporteurs):
    message = create(client, rapporteurs[0], text=ARABIC, group="مجموعة الدول الأعضاء")
    url = f"{BASE}/{message['id']}"
    client.put(url, json={"base_revision": 1, "status": "agreed"}, headers=rapporteurs[0])
    got = client.get(url).json
    history = client.get(f"{url}/history", headers=rapporteurs[1]).json
    assert (got["text"], got["group"], got["html"], [h["text"] for h in history]) == (
        ARABIC, "مجموعة الدول الأعضاء",
        "<p>نؤكد على أهمية الهجرة الآمنة والمنظمة والنظامية، وفقاً <strong>للهدف 23</strong>.</p>", [ARABIC, ARABIC])


# -- who may ---------------------------------------------------------------------------------

def test_writing_without_a_token_is_401(client):
    response = client.post(BASE, json={"text": "x"})
    assert (response.status_code, response.json["error"]["code"]) == (401, "unauthorized")


@pytest.mark.parametrize("header", ["Bearer not-a-token", "Basic dXNlcjpwYXNz", "Bearer "])
def test_writing_with_a_bad_authorization_is_401(client, header):
    response = client.post(BASE, json={"text": "x"}, headers={"Authorization": header})
    assert (response.status_code, response.json["error"]["code"]) == (401, "unauthorized")


@pytest.mark.parametrize(("role", "session"), [("participant", None), ("rapporteur", "plenary-2"), ("chair", "plenary-1"),
                                               ("interpreter", None)])
def test_writing_with_a_role_that_may_not_is_403(client, issue_token, role, session):
    headers = {"Authorization": "Bearer " + issue_token(role, session=session)}
    response = client.post(BASE, json={"text": "x"}, headers=headers)
    assert (response.status_code, response.json["error"]["code"]) == (403, "forbidden")


def test_revoked_token_is_401(client, issue_token, loaded_app, clock):
    from speakers import access

    token = issue_token("rapporteur", session="plenary-1")
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        access.revoke(db, token, loaded_app.config["SECRET_KEY"], clock.now())
    response = client.post(BASE, json={"text": "x"}, headers={"Authorization": "Bearer " + token})
    assert response.status_code == 401


@pytest.mark.parametrize(("role", "session", "sees_drafts"), [
    (None, None, False), ("participant", "plenary-1", False), ("rapporteur", "roundtable-1", True),
    ("chair", "plenary-1", True), ("chair", "plenary-2", False), ("translator", "roundtable-1", True),
    ("organiser", None, True)])
def test_drafts_are_shown_to_the_conferences_rapporteurs_and_translators_the_chair_and_organisers(
        client, rapporteurs, issue_token, role, session, sees_drafts):
    for text, status in (("A draft.", "draft"), ("Agreed text.", "agreed")):
        client.post(BASE, json={"text": text, "status": status}, headers=rapporteurs[0])
    headers = {"Authorization": "Bearer " + issue_token(role, session=session)} if role else {}
    listed = [m["text"] for m in client.get(BASE, headers=headers).json]
    draft = client.get(f"{BASE}/plenary-1-km-1", headers=headers)
    assert (listed, draft.status_code) == (
        (["A draft.", "Agreed text."], 200) if sees_drafts else (["Agreed text."], 404))


def test_organiser_writes_in_any_session(client, issue_token):
    headers = {"Authorization": "Bearer " + issue_token("organiser")}
    response = client.post(f"/api/v1/conferences/{SLUG}/sessions/roundtable-2/key-messages", json={"text": "x"}, headers=headers)
    assert (response.status_code, response.json["id"]) == (201, "roundtable-2-km-1")


def test_anonymous_readers_see_agreed_messages_only(client, rapporteurs):
    create(client, rapporteurs[0], text="Still a draft.")
    create(client, rapporteurs[0], text="Agreed.", status="agreed")
    anonymous = client.get(BASE).json
    rapporteur = client.get(BASE, headers=rapporteurs[1]).json
    draft = client.get(f"{BASE}/plenary-1-km-1")
    history = client.get(f"{BASE}/plenary-1-km-2/history")
    assert ([m["text"] for m in anonymous], [m["text"] for m in rapporteur], draft.status_code, history.status_code) == (
        ["Agreed."], ["Still a draft.", "Agreed."], 404, 401)


# -- validation and not found ----------------------------------------------------------------

@pytest.mark.parametrize(("body", "field"), [
    ({"text": ""}, "text"),
    ({"text": "x" * 4001}, "text"),
    ({"text": "x", "objectives": [24]}, "objectives"),
    ({"text": "x", "objectives": [0]}, "objectives"),
    ({"text": "x", "principles": ["free_trade"]}, "principles"),
    ({"text": "x", "status": "final"}, "status"),
    ({"text": "x", "colour": "red"}, "colour"),
    ({"objectives": [1]}, "text"),
])
def test_invalid_message_is_400_naming_the_field_and_changes_nothing(client, rapporteurs, body, field):
    response = client.post(BASE, json=body, headers=rapporteurs[0])
    assert (response.status_code, response.json["error"]["code"], response.json["error"]["field"]) == (400, "bad_request", field)
    assert client.get(BASE, headers=rapporteurs[0]).json == []


@pytest.mark.parametrize("data", ["not json", "[1, 2]", '"text"'])
def test_body_that_is_not_a_json_object_is_400(client, rapporteurs, data):
    response = client.post(BASE, data=data, headers={**rapporteurs[0], "Content-Type": "application/json"})
    assert (response.status_code, response.json["error"]["code"]) == (400, "bad_request")


@pytest.mark.parametrize("base", [None, 0, "1", True])
def test_save_without_a_valid_base_revision_is_400(client, rapporteurs, base):
    message = create(client, rapporteurs[0])
    body = {"text": "New."} if base is None else {"text": "New.", "base_revision": base}
    response = client.put(f"{BASE}/{message['id']}", json=body, headers=rapporteurs[0])
    assert (response.status_code, response.json["error"]["field"]) == (400, "base_revision")


def test_unknown_session_and_message_are_404(client, rapporteurs):
    session = client.get(f"/api/v1/conferences/{SLUG}/sessions/no-such-session/key-messages")
    message = client.put(f"{BASE}/plenary-1-km-404", json={"base_revision": 1, "text": "x"}, headers=rapporteurs[0])
    conference = client.get("/api/v1/conferences/nowhere/sessions/plenary-1/key-messages")
    assert [(r.status_code, r.json["error"]["code"]) for r in (session, message, conference)] == [(404, "not_found")] * 3


# -- live ------------------------------------------------------------------------------------

def test_writes_reach_the_sessions_room_as_key_messages_events(client, rapporteurs, live_client):
    watcher = live_client()
    assert ack(watcher, "join", {"session": "plenary-1"})["ok"]
    watcher.get_received("/live")

    draft = create(client, rapporteurs[0], text="Secret wording under negotiation.")
    client.put(f"{BASE}/{draft['id']}", json={"base_revision": 1, "status": "agreed"}, headers=rapporteurs[1])

    events = [e["args"][0] for e in watcher.get_received("/live") if e["name"] == "key_messages"]
    assert events[0] == {"session": "plenary-1", "version": 1, "message": {
        "id": "plenary-1-km-1", "session": "plenary-1", "status": "draft", "revision": 1, "position": 0, "redacted": True}}
    assert (events[1]["version"], events[1]["message"]["text"], events[1]["message"]["revision"], len(events)) == (
        2, "Secret wording under negotiation.", 2, 2)


def test_presentation_follows_the_driver_live(client, rapporteurs, live_client, issue_token):
    for text in ("First agreed.", "Second agreed."):
        create(client, rapporteurs[0], text=text, status="agreed")
    assert client.get(f"/conferences/{SLUG}/presentation").status_code == 200
    driver = live_client(issue_token("chair", session="key-messages"))
    follower = live_client()
    joined = ack(follower, "join", {"session": "key-messages"})["state"]["presentation"]
    follower.get_received("/live")

    moved = ack(driver, "presentation", {"session": "key-messages", "action": "next"})
    refused = ack(live_client(issue_token("participant")), "presentation", {"session": "key-messages", "action": "prev"})

    states = [e["args"][0] for e in follower.get_received("/live") if e["name"] == "state"]
    assert (joined["index"], joined["count"], joined["message"]) == (0, 2, "plenary-1-km-1")
    assert (moved["ok"], states[-1]["presentation"]["index"], states[-1]["presentation"]["message"]) == (
        True, 1, "plenary-1-km-2")
    assert refused["error"]["code"] == "forbidden"


def test_conference_list_is_in_agenda_order(client, issue_token):
    organiser = {"Authorization": "Bearer " + issue_token("organiser")}
    for key in ("plenary-2", "plenary-1"):
        client.post(f"/api/v1/conferences/{SLUG}/sessions/{key}/key-messages",
                    json={"text": f"From {key}.", "status": "agreed"}, headers=organiser)
    client.post(BASE, json={"text": "Draft."}, headers=organiser)
    public = client.get(f"/api/v1/conferences/{SLUG}/key-messages").json
    everything = client.get(f"/api/v1/conferences/{SLUG}/key-messages", headers=organiser).json
    assert ([m["text"] for m in public], [m["text"] for m in everything]) == (
        ["From plenary-1.", "From plenary-2."], ["From plenary-1.", "Draft.", "From plenary-2."])


# -- the console page ------------------------------------------------------------------------

def test_console_needs_a_rapporteurs_link(client, issue_token):
    url = f"/conferences/{SLUG}/sessions/plenary-1/rapporteur"
    statuses = [
        client.get(url).status_code,
        client.get(url + "?token=forged", follow_redirects=True).status_code,
        client.get(url + "?token=" + issue_token("rapporteur", session="plenary-2"), follow_redirects=True).status_code,
        client.get(url + "?token=" + issue_token("rapporteur", session="plenary-1"), follow_redirects=True).status_code,
        client.get(url + "?token=" + issue_token("organiser"), follow_redirects=True).status_code,
    ]
    assert statuses == [401, 401, 403, 200, 200]


def test_console_page_is_right_to_left_in_arabic_and_escapes_messages(client, rapporteurs, issue_token):
    create(client, rapporteurs[0], text='<script>alert(1)</script> "quoted"')
    page = client.get(f"/conferences/{SLUG}/sessions/plenary-1/rapporteur?lang=ar&token="
                      + issue_token("rapporteur", session="plenary-1"), follow_redirects=True).get_data(as_text=True)
    assert ('dir="rtl"' in page, "<script>alert(1)" in page, "لوحة تحكم المقرر" in page) == (True, False, True)
