"""Invitations through a real SMTP server (aiosmtpd) started by the test on a free port."""
from __future__ import annotations

import email
import email.policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from icalendar import Calendar

from conftest import free_port

from .conftest import SLUG

A = f"/api/v1/conferences/{SLUG}"


class Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, inbox
    finally:
        controller.stop()


def test_the_invitation_reaches_the_smtp_server_with_the_link_and_a_parsable_ics(loaded_app, client, issue_token,
                                                                                  smtp_server):
    controller, inbox = smtp_server
    loaded_app.config["MINBAR_SMTP_URL"] = f"smtp://{controller.hostname}:{controller.port}"
    loaded_app.config["MINBAR_BASE_URL"] = "https://minbar.example.org"
    auth = {"Authorization": f"Bearer {issue_token('organiser')}"}
    client.post(f"{A}/people", json={"key": "amira", "name": {"ar": "أميرة", "en": "Amira", "fr": "Amira"},
                                     "group": "member_state", "language": "ar"}, headers=auth)
    client.patch(f"{A}/sessions/plenary-1/slots/plenary-1-state-a", json={"speaker": "amira"}, headers=auth)
    link = client.post(f"{A}/links", json={"role": "speaker", "person": "amira", "session": "plenary-1"},
                       headers=auth).get_json()
    sent = client.post(f"{A}/links/{link['id']}/invitation", json={"to": "amira@example.org"}, headers=auth)
    assert sent.status_code == 200, sent.get_json()
    assert sent.get_json() == {"sent": True, "to": "amira@example.org", "language": "ar", "sessions": ["plenary-1"]}
    assert len(inbox.messages) == 1
    message = email.message_from_bytes(inbox.messages[0].as_bytes(), policy=email.policy.default)
    assert message["To"].addresses[0].addr_spec == "amira@example.org"
    text = message.get_body(("plain",)).get_content()
    assert link["url"] in text and link["url"].startswith("https://minbar.example.org/")
    assert "أميرة" in text and "رابط" in text      # in Arabic, the person's language
    attachment = next(part for part in message.iter_attachments() if part.get_content_type() == "text/calendar")
    calendar = Calendar.from_ical(attachment.get_payload(decode=True))
    events = list(calendar.walk("VEVENT"))
    assert [str(e["UID"]) for e in events] == [f"plenary-1@{SLUG}.minbar"]
    # Nothing configured: a clear refusal, nothing sent.
    loaded_app.config["MINBAR_SMTP_URL"] = None
    refused = client.post(f"{A}/links/{link['id']}/invitation", json={"to": "amira@example.org"}, headers=auth)
    assert refused.status_code == 400 and "MINBAR_SMTP_URL" in refused.get_json()["error"]["message"]
    bad = client.post(f"{A}/links/{link['id']}/invitation", json={"to": "a@b.org\r\nBcc: x@y.org"}, headers=auth)
    assert bad.status_code == 400
