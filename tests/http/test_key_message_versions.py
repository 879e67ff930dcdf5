"""Key messages in the conference's three languages: the original's language, a version per other
language with its own revisions and status, out-of-date marking, the 409 on versions, and the
translator role (may write versions, never the original)."""
from __future__ import annotations

import pytest

from conftest import ack

SLUG = "gcm-arab-2021"
BASE = f"/api/v1/conferences/{SLUG}/sessions/plenary-1/key-messages"
ARABIC = "نؤكد على أهمية الهجرة الآمنة والمنظمة والنظامية."


@pytest.fixture
def rapporteur(issue_token):
    return {"Authorization": "Bearer " + issue_token("rapporteur", session="plenary-1", name="Rapporteur A",
                                                      language="ar")}


@pytest.fixture
def translators(issue_token):
    return [{"Authorization": "Bearer " + issue_token("translator", name=name, language=lang)}
            for name, lang in (("Traductrice", "fr"), ("Translator", "en"))]


def create(client, headers, **fields):
    response = client.post(BASE, json={"text": ARABIC, **fields}, headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def version_url(message, language):
    return f"{BASE}/{message['id']}/versions/{language}"


# -- the original's language -----------------------------------------------------------------

def test_language_defaults_to_the_authors_link_then_the_conferences_first(client, rapporteur, issue_token):
    english_link = {"Authorization": "Bearer " + issue_token("rapporteur", session="plenary-1", language="en")}
    no_language = {"Authorization": "Bearer " + issue_token("rapporteur", session="plenary-1")}
    assert [create(client, h)["language"] for h in (rapporteur, english_link, no_language)] == ["ar", "en", "ar"]
    assert create(client, rapporteur, text="In French.", language="fr")["language"] == "fr"
    refused = client.post(BASE, json={"text": "x", "language": "de"}, headers=rapporteur)
    assert (refused.status_code, refused.json["error"]["code"], refused.json["error"]["field"]) == (
        400, "bad_request", "language")


# -- versions and their statuses -------------------------------------------------------------

def test_a_version_has_its_own_revisions_author_and_status(client, rapporteur, translators, clock):
    message = create(client, rapporteur)
    fr, en = translators
    first = client.put(version_url(message, "fr"), json={"base_revision": 0, "text": "Nous soulignons la migration sûre."},
                       headers=fr)
    clock.advance(seconds=30)
    agreed = client.put(version_url(message, "fr"), json={"base_revision": 1, "status": "agreed"}, headers=fr)
    english = client.put(version_url(message, "en"), json={"base_revision": None, "text": "We stress safe migration."},
                         headers=en)
    assert (first.status_code, first.json["revision"], first.json["status"], first.json["author"],
            first.json["original"], first.json["original_language"], first.json["out_of_date"]) == (
        201, 1, "draft", "Traductrice", False, "ar", False)
    assert (agreed.status_code, agreed.json["revision"], agreed.json["status"], agreed.json["text"]) == (
        200, 2, "agreed", "Nous soulignons la migration sûre.")
    assert (english.status_code, english.json["revision"], english.json["author"]) == (201, 1, "Translator")
    shown = client.get(f"{BASE}/{message['id']}", headers=rapporteur).json
    assert (shown["revision"], shown["text"], {k: (v["revision"], v["status"]) for k, v in shown["versions"].items()}) == (
        1, ARABIC, {"en": (1, "draft"), "fr": (2, "agreed")})
    history = client.get(version_url(message, "fr") + "/history", headers=rapporteur).json
    assert [(h["revision"], h["status"], h["author"], h["source_revision"]) for h in history] == [
        (1, "draft", "Traductrice", 1), (2, "agreed", "Traductrice", 1)]
    original = client.get(version_url(message, "ar"), headers=fr).json
    assert (original["original"], original["text"], original["revision"]) == (True, ARABIC, 1)


def test_version_first_save_needs_text_and_a_zero_base(client, rapporteur, translators):
    message = create(client, rapporteur)
    no_text = client.put(version_url(message, "fr"), json={"base_revision": 0, "status": "agreed"}, headers=translators[0])
    bad_base = client.put(version_url(message, "fr"), json={"base_revision": 3, "text": "x"}, headers=translators[0])
    bad_field = client.put(version_url(message, "fr"), json={"base_revision": 0, "text": "x", "objectives": [1]},
                           headers=translators[0])
    unknown = client.put(version_url(message, "de"), json={"base_revision": 0, "text": "x"}, headers=translators[0])
    assert [(r.status_code, r.json["error"]["code"]) for r in (no_text, bad_base, bad_field, unknown)] == [
        (400, "bad_request"), (404, "not_found"), (400, "bad_request"), (404, "not_found")]
    assert client.get(f"{BASE}/{message['id']}", headers=rapporteur).json["versions"] == {}


# -- the 409 on versions ---------------------------------------------------------------------

def test_two_translators_on_the_same_revision_second_is_conflict_keeping_both(client, rapporteur, translators, clock):
    message = create(client, rapporteur)
    fr, other = translators
    client.put(version_url(message, "fr"), json={"base_revision": 0, "text": "Première."}, headers=fr)
    first = client.put(version_url(message, "fr"), json={"base_revision": 1, "text": "Version de A."}, headers=fr)
    second = client.put(version_url(message, "fr"), json={"base_revision": 1, "text": "Version de B."}, headers=other)
    assert (first.status_code, second.status_code) == (200, 409)
    error = second.json["error"]
    assert (error["code"], error["current"]["text"], error["current"]["revision"], error["current"]["language"],
            error["yours"]) == ("conflict", "Version de A.", 2, "fr", {"text": "Version de B."})
    # Two first saves at once: the second one is a conflict too, not an overwrite.
    client.put(version_url(message, "en"), json={"base_revision": 0, "text": "First English."}, headers=other)
    late = client.put(version_url(message, "en"), json={"base_revision": 0, "text": "Another English."}, headers=fr)
    assert (late.status_code, late.json["error"]["current"]["text"], late.json["error"]["yours"]) == (
        409, "First English.", {"text": "Another English."})
    again = client.put(version_url(message, "fr"), json={"base_revision": 1, "text": "Version de A."}, headers=fr)
    assert (again.status_code, again.json["revision"]) == (200, 2)     # a resent save: unchanged


# -- out of date -----------------------------------------------------------------------------

def test_a_version_is_out_of_date_when_the_originals_text_changes(client, rapporteur, translators):
    message = create(client, rapporteur)
    fr = translators[0]
    client.put(version_url(message, "fr"), json={"base_revision": 0, "text": "Traduction.", "status": "agreed"}, headers=fr)
    url = f"{BASE}/{message['id']}"
    client.put(url, json={"base_revision": 1, "objectives": [3], "status": "agreed"}, headers=rapporteur)
    assert client.get(url).json["versions"]["fr"]["out_of_date"] is False        # tags only: still current
    client.put(url, json={"base_revision": 2, "text": ARABIC + " مع البيانات."}, headers=rapporteur)
    assert (client.get(url).json["versions"]["fr"]["out_of_date"],
            client.get(version_url(message, "fr")).json["out_of_date"]) == (True, True)
    # Saving the same wording again on the current base confirms it against the new original.
    confirmed = client.put(version_url(message, "fr"), json={"base_revision": 1, "text": "Traduction.",
                                                             "status": "agreed"}, headers=fr)
    assert (confirmed.status_code, confirmed.json["revision"], confirmed.json["source_revision"],
            confirmed.json["out_of_date"]) == (200, 2, 3, False)


# -- the translator role ---------------------------------------------------------------------

def test_translators_write_versions_but_never_the_original(client, rapporteur, translators, issue_token):
    fr = translators[0]
    message = create(client, rapporteur)
    url = f"{BASE}/{message['id']}"
    refused = [
        client.post(BASE, json={"text": "New."}, headers=fr),
        client.put(url, json={"base_revision": 1, "status": "agreed"}, headers=fr),
        client.put(version_url(message, "ar"), json={"base_revision": 1, "status": "agreed"}, headers=fr),
        client.post(f"{url}/restore", json={"revision": 1, "base_revision": 1}, headers=fr),
    ]
    assert [(r.status_code, r.json["error"]["code"]) for r in refused] == [(403, "forbidden")] * 4
    assert client.get(url, headers=fr).json["status"] == "draft"              # translators read drafts
    participant = {"Authorization": "Bearer " + issue_token("participant")}
    other_session_chair = {"Authorization": "Bearer " + issue_token("chair", session="plenary-2")}
    denied = [client.put(version_url(message, "fr"), json={"base_revision": 0, "text": "x"}, headers=h)
              for h in (participant, other_session_chair)]
    anonymous = client.put(version_url(message, "fr"), json={"base_revision": 0, "text": "x"})
    assert [r.status_code for r in denied] + [anonymous.status_code] == [403, 403, 401]
    # The rapporteur may agree the original through its own language's version URL.
    agreed = client.put(version_url(message, "ar"), json={"base_revision": 1, "status": "agreed"}, headers=rapporteur)
    assert (agreed.status_code, agreed.json["original"], agreed.json["status"], agreed.json["revision"]) == (
        200, True, "agreed", 2)


def test_translator_opens_the_rapporteur_console(client, issue_token):
    token = issue_token("translator", name="Traductrice", language="fr")
    page = client.get(f"/conferences/{SLUG}/sessions/plenary-1/rapporteur?token={token}", follow_redirects=True)
    participant = client.get(f"/conferences/{SLUG}/sessions/plenary-1/rapporteur",
                             headers={"Authorization": "Bearer " + issue_token("participant")})
    assert (page.status_code, participant.status_code) == (200, 403)


def test_drafts_of_versions_are_hidden_from_the_public(client, rapporteur, translators):
    message = create(client, rapporteur, status="agreed")
    client.put(version_url(message, "fr"), json={"base_revision": 0, "text": "Brouillon."}, headers=translators[0])
    assert client.get(version_url(message, "fr")).status_code == 404
    client.put(version_url(message, "fr"), json={"base_revision": 1, "status": "agreed"}, headers=translators[0])
    assert client.get(version_url(message, "fr")).json["text"] == "Brouillon."


def test_a_version_save_reaches_the_room_with_its_language(client, rapporteur, translators, live_client):
    message = create(client, rapporteur, status="agreed")
    watcher = live_client()
    assert ack(watcher, "join", {"session": "plenary-1"})["ok"]
    watcher.get_received("/live")
    client.put(version_url(message, "en"), json={"base_revision": 0, "text": "Safe migration."}, headers=translators[1])
    events = [e["args"][0] for e in watcher.get_received("/live") if e["name"] == "key_messages"]
    assert [(e["language"], e["version"], e["message"]["versions"]["en"]["revision"]) for e in events] == [("en", 2, 1)]
