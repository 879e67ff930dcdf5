"""Every transport asks the one policy: with `speakers.policy` answering "no" to everything, an
organiser (who may do anything in their conference) is refused by every Socket.IO family, every
role page and the API, and each refusal names the action the transport asked about."""
from __future__ import annotations

import pytest

from conftest import ack
from speakers import policy

SLUG = "gcm-arab-2021"


@pytest.fixture
def asked(monkeypatch):
    """The policy says no to everything and records what it was asked."""
    calls: list[str] = []

    def deny(identity, action, conference, session, context):
        calls.append(action)
        return False

    monkeypatch.setattr(policy, "_decide", deny)
    return calls


@pytest.mark.parametrize("family, payload, action", [
    ("timer", {"session": "plenary-1", "action": "start"}, "timer.control"),
    ("slot", {"session": "plenary-1", "action": "next"}, "slot.move"),
    ("message", {"session": "plenary-1", "action": "send", "text": "Time"}, "message.send"),
    ("queue", {"session": "plenary-1", "action": "request"}, "queue.request"),
    ("queue", {"session": "plenary-1", "action": "close"}, "queue.manage"),
    ("channel", {"session": "plenary-1", "action": "floor", "language": "fr"}, "channel.floor"),
    ("channel", {"session": "plenary-1", "action": "booth", "booth": "fr", "on": False}, "channel.booth"),
    ("channel", {"session": "plenary-1", "action": "select", "language": "fr"}, "channel.select"),
    ("presentation", {"session": "key-messages", "action": "next"}, "presentation.drive"),
])
def test_every_socketio_family_asks_the_policy(issue_token, live_client, asked, family, payload, action):
    organiser = live_client(issue_token("organiser"))
    answer = ack(organiser, family, payload)
    assert answer["ok"] is False and answer["error"]["code"] == "forbidden", answer
    assert asked == [action]


@pytest.mark.parametrize("path, action", [
    ("sessions/plenary-1/console", "page.console"),
    ("sessions/plenary-1/booth", "page.booth"),
    ("sessions/plenary-1/rapporteur", "page.rapporteur"),
    ("sessions/plenary-1/speech-text", "page.speech_text"),
    ("actuals", "page.actuals"),
])
def test_every_role_page_asks_the_policy(client, issue_token, asked, path, action):
    assert client.get(f"/conferences/{SLUG}/{path}?token={issue_token('organiser')}").status_code == 303
    assert client.get(f"/conferences/{SLUG}/{path}").status_code == 403
    assert action in asked


@pytest.mark.parametrize("method, path, action", [
    ("get", "sessions/plenary-1/speech-texts", "speech_text.read"),
    ("put", "sessions/plenary-1/slots/plenary-1-state-a/speech-text", "speech_text.upload"),
    ("post", "sessions/plenary-1/key-messages", "messages.write"),
])
def test_the_api_asks_the_policy(client, issue_token, asked, method, path, action):
    headers = {"Authorization": f"Bearer {issue_token('organiser')}"}
    response = getattr(client, method)(f"/api/v1/conferences/{SLUG}/{path}", headers=headers,
                                       json={"text": "Merci."} if method != "get" else None)
    assert response.status_code == 403 and action in asked
