"""Invitations through a real SMTP server (tests/smtp_inbox.py) started by the test on a free port."""
from __future__ import annotations

import email
import email.policy
import re

import pytest
from icalendar import Calendar

from .conftest import SLUG

A = f"/api/v1/conferences/{SLUG}"


def test_the_invitation_reaches_the_smtp_server_with_the_link_and_a_parsable_ics(loaded_app, client, issue_token,
                                                                                  inbox):
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


TITLES = {
    "ar": "رابط دخولك إلى المؤتمر الإقليمي لاستعراض الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية "
          "في المنطقة العربية",
    "en": "Your access link for Regional Conference to Review the Global Compact for Safe, Orderly and Regular "
          "Migration in the Arab Region",
    "fr": "Votre lien d’accès à Conférence régionale d’examen du Pacte mondial pour des migrations sûres, "
          "ordonnées et régulières dans la région arabe",
}
# plenary-1 starts at 11:15 in Beirut on 24 February 2021.
EXPECTED = {
    ("ar", "female"): ("السيدة أميرة المحترمة،", "الأربعاء، 24 شباط/فبراير 2021، 11:15 ص بتوقيت بيروت"),
    ("ar", "male"): ("السيد أمير المحترم،", "الأربعاء، 24 شباط/فبراير 2021، 11:15 ص بتوقيت بيروت"),
    ("fr", "female"): ("Madame Amira,", "mercredi 24 février 2021, 11:15, heure de Beyrouth"),
    ("fr", "male"): ("Monsieur Amir,", "mercredi 24 février 2021, 11:15, heure de Beyrouth"),
    ("en", "female"): ("Dear Amira,", "Wednesday, 24 February 2021, 11:15, Beirut time"),
    ("ar", None): ("أمير المحترم/ة،", "الأربعاء، 24 شباط/فبراير 2021، 11:15 ص بتوقيت بيروت"),
}


@pytest.mark.parametrize("language, gender", list(EXPECTED))
def test_the_invitation_reads_right_subject_greeting_time_and_calendar_charset(loaded_app, client, issue_token,
                                                                               inbox, language, gender):
    auth = {"Authorization": f"Bearer {issue_token('organiser')}"}
    name = {"ar": "أميرة", "en": "Amira", "fr": "Amira"} if gender == "female" else \
        {"ar": "أمير", "en": "Amir", "fr": "Amir"}
    person = {"key": "amira", "name": name, "group": "member_state", "language": language}
    if gender:
        person["gender"] = gender
    assert client.post(f"{A}/people", json=person, headers=auth).status_code == 201
    client.patch(f"{A}/sessions/plenary-1/slots/plenary-1-state-a", json={"speaker": "amira"}, headers=auth)
    link = client.post(f"{A}/links", json={"role": "speaker", "person": "amira", "session": "plenary-1"},
                       headers=auth).get_json()
    sent = client.post(f"{A}/links/{link['id']}/invitation", json={"to": "amira@example.org"}, headers=auth)
    assert sent.status_code == 200, sent.get_json()
    raw = inbox.raw[-1]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    # Folded (the subject is long) and still exactly the subject: no space lost at a fold.
    assert message["Subject"] == TITLES[language]
    assert max(len(line) for line in raw.split(b"\n")[:12]) <= 78
    text = message.get_body(("plain",)).get_content()
    hello, when = EXPECTED[(language, gender)]
    assert text.startswith(hello + "\n")
    assert when in text
    assert "المحترم/ة" not in text or gender is None
    assert not re.search(r"\d:\d\d:\d\d", text)                 # no seconds
    attachment = next(part for part in message.iter_attachments() if part.get_content_type() == "text/calendar")
    assert attachment.get_param("charset") == "utf-8"
    assert attachment.get_param("method") == "PUBLISH"
