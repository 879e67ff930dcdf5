"""Links become sessions (issue 10, item 2 and attack 7): a `?token=` is exchanged for an
HttpOnly, SameSite=Lax session cookie and redirected away; navigation keeps the identity; links
expire; pages, the HTTP API and Socket.IO all take their caller from the one resolver and ask the
one policy."""
from __future__ import annotations

import json
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest

from conftest import ack

SLUG = "gcm-arab-2021"
BASE = f"/conferences/{SLUG}/sessions"
CONSOLE = f"{BASE}/plenary-1/console"
TEXTS = f"/api/v1/conferences/{SLUG}/sessions/plenary-1/speech-texts"


def config_of(response) -> dict:
    match = re.search(r'<script type="application/json" id="live-config">(.*?)</script>', response.get_data(as_text=True), re.S)
    return json.loads(match.group(1))


def session_cookie(response) -> str:
    [cookie] = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("minbar_session=")]
    return cookie


def test_a_link_is_exchanged_for_a_session_cookie_and_redirected_without_the_token(client, issue_token):
    token = issue_token("chair", session="plenary-1")
    response = client.get(f"{CONSOLE}?lang=fr&token={token}&x=1")
    assert response.status_code == 303
    assert response.headers["Location"] == f"{CONSOLE}?lang=fr&x=1"
    cookie = session_cookie(response)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    assert token not in cookie and token not in response.get_data(as_text=True)
    page = client.get(response.headers["Location"])
    assert page.status_code == 200 and config_of(page)["role"] == "chair"
    assert token not in page.get_data(as_text=True)


def test_the_cookie_is_secure_over_https(client, issue_token):
    response = client.get(f"{CONSOLE}?token={issue_token('chair', session='plenary-1')}", base_url="https://minbar.example")
    assert "Secure" in session_cookie(response)


def test_a_bad_link_is_a_401_page_not_a_redirect(client):
    response = client.get(f"{CONSOLE}?token=forged&lang=en")
    assert response.status_code == 401 and "Location" not in response.headers


def test_follow_live_from_the_agenda_keeps_a_participants_identity(client, issue_token, clock):
    token = issue_token("participant", name="Delegate of Jordan")
    agenda = client.get(f"/conferences/{SLUG}?token={token}&lang=en", follow_redirects=True)
    html = agenda.get_data(as_text=True)
    follow = re.findall(r'<a class="follow-live" href="([^"]+)"', html)
    assert follow and token not in html
    live = client.get(follow[0])
    assert live.status_code == 200
    assert config_of(live)["role"] == "participant"
    assert 'id="floor-ask"' in live.get_data(as_text=True) and "disabled" not in re.search(
        r'<button[^>]*id="floor-ask"[^>]*>', live.get_data(as_text=True)).group(0)


def test_sign_out_clears_the_session(client, issue_token):
    client.get(f"{CONSOLE}?token={issue_token('chair', session='plenary-1')}")
    assert client.get(CONSOLE).status_code == 200
    response = client.post("/signout", data={"next": "//evil.example/"})
    assert response.status_code == 303 and urlsplit(response.headers["Location"]).netloc in ("", "localhost")
    assert client.get(CONSOLE).status_code == 401


def test_a_revoked_links_session_answers_401_and_is_cleared(client, loaded_app, issue_token, clock):
    from speakers import access

    token = issue_token("chair", session="plenary-1")
    client.get(f"{CONSOLE}?token={token}")
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        access.revoke(db, token, loaded_app.config["SECRET_KEY"], clock.now())
    response = client.get(CONSOLE)
    assert response.status_code == 401
    assert "minbar_session=;" in " ".join(response.headers.getlist("Set-Cookie"))


def test_an_expired_link_is_refused_like_a_revoked_one_everywhere(client, loaded_app, issue_token, clock, live_client):
    chair = issue_token("chair", session="plenary-1", expires_at=clock.now() + timedelta(hours=2))
    interpreter = issue_token("interpreter", booth="fr", expires_at=clock.now() + timedelta(hours=2))
    assert client.get(f"{CONSOLE}?token={chair}").status_code == 303
    assert client.get(TEXTS, headers={"Authorization": f"Bearer {interpreter}"}).status_code == 200
    socket = live_client(chair)
    assert ack(socket, "join", {"session": "plenary-1"})["ok"]

    clock.advance(2 * 3600)

    assert client.get(CONSOLE).status_code == 401                          # the page, from the cookie
    assert client.get(f"{CONSOLE}?token={chair}").status_code == 401       # the link itself
    api = client.get(TEXTS, headers={"Authorization": f"Bearer {interpreter}"})
    assert api.status_code == 401 and api.get_json()["error"]["code"] == "unauthorized"
    # An open connection stops too: refused at its next command, unless the revocation watcher,
    # which also ends expired links' connections, has already disconnected it.
    if socket.is_connected("/live"):
        answer = ack(socket, "timer", {"session": "plenary-1", "action": "start"})
        assert answer["ok"] is False and answer["error"]["code"] == "unauthorized"
    from conference.extensions import socketio
    late = socketio.test_client(loaded_app, namespace="/live", auth={"token": chair})
    assert not late.is_connected("/live")


def test_the_live_connection_signs_in_from_the_pages_session_cookie(client, loaded_app, issue_token):
    from conference.extensions import socketio

    client.get(f"{CONSOLE}?token={issue_token('chair', session='plenary-1', name='Chair')}")
    socket = socketio.test_client(loaded_app, namespace="/live", flask_test_client=client)
    joined = ack(socket, "join", {"session": "plenary-1"})
    assert joined["identity"]["role"] == "chair"
    assert ack(socket, "timer", {"session": "plenary-1", "action": "start"})["ok"] is True
    anonymous = socketio.test_client(loaded_app, namespace="/live")
    assert ack(anonymous, "timer", {"session": "plenary-1", "action": "pause"})["error"]["code"] == "unauthorized"
    for one in (socket, anonymous):
        one.disconnect(namespace="/live")


def test_the_api_takes_a_bearer_token_or_the_session_cookie(client, issue_token):
    interpreter = issue_token("interpreter", booth="fr", session="plenary-1")
    assert client.get(TEXTS).status_code == 401
    assert client.get(TEXTS, headers={"Authorization": "Basic abc"}).status_code == 401
    assert client.get(TEXTS, headers={"Authorization": f"Bearer {interpreter}"}).status_code == 200
    assert client.get(f"{TEXTS}?token={interpreter}").status_code == 401      # the API never exchanges a token
    client.get(f"{BASE}/plenary-1/booth?token={interpreter}")
    assert client.get(TEXTS).status_code == 200


def test_a_cookie_authenticated_write_from_another_origin_is_refused(client, issue_token):
    client.get(f"{BASE}/plenary-1/speech-text?token={issue_token('organiser')}")
    url = f"/api/v1/conferences/{SLUG}/sessions/plenary-1/slots/plenary-1-state-a/speech-text"
    evil = client.put(url, json={"text": "x"}, headers={"Origin": "https://evil.example"})
    assert evil.status_code == 403
    same = client.put(url, json={"text": "Merci."}, headers={"Origin": "http://localhost"})
    assert same.status_code == 200


@pytest.mark.parametrize("path, code", [
    (f"{BASE}/plenary-1/booth", 403),       # the interpreter of plenary-2 on plenary-1's pages
    (f"{BASE}/plenary-1/console", 403),
    (f"{BASE}/plenary-2/booth", 200),
])
def test_pages_ask_the_policy_about_an_interpreter_of_another_session(client, issue_token, path, code):
    client.get(f"{BASE}/plenary-2/booth?token={issue_token('interpreter', booth='fr', session='plenary-2')}")
    assert client.get(path).status_code == code


def test_the_api_asks_the_policy_about_an_interpreter_of_another_session(client, issue_token):
    token = issue_token("interpreter", booth="fr", session="plenary-2")
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get(TEXTS, headers=headers).status_code == 403
    assert client.get(TEXTS.replace("plenary-1", "plenary-2"), headers=headers).status_code == 200
