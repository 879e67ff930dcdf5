"""An assigned person replaces "(TBD)" on every live page, and the open discussion is named as
such, never "to be determined" (conference.presenters.role_label, sessions/live/pages.py)."""
from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from conftest import ack

BASE = "/conferences/gcm-arab-2021/sessions/plenary-1"


def html_of(response) -> str:
    return response.get_data(as_text=True)


def config_of(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="live-config">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


TBD = {"en": "(TBD)", "fr": "(à déterminer)", "ar": "لاحقاً"}


@pytest.fixture
def assigned(loaded_app):
    """Ambassador Laila Odeh assigned to State A's slot, as the workspace would."""
    from conference.models import Conference
    from sessions.models import Slot
    from speakers.models import Person

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        conf = db.scalar(select(Conference).where(Conference.slug == "gcm-arab-2021"))
        person = Person(conference_id=conf.id, key="laila-odeh", name="Ambassador Laila Odeh", language="ar")
        db.add(person)
        db.flush()
        slot = db.scalar(select(Slot).where(Slot.key == "plenary-1-state-a"))
        slot.speaker_id, slot.tbd = person.id, False
    return person


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
@pytest.mark.parametrize("view,role,fields", [("console", "chair", {"session": "plenary-1"}),
                                             ("stage", "speaker", {"session": "plenary-1"}),
                                             ("booth", "interpreter", {"booth": "fr"}),
                                             ("live", None, {})])
def test_an_assigned_person_replaces_tbd_on_every_live_page(client, issue_token, assigned, view, role, fields, lang):
    query = f"?lang={lang}" + (f"&token={issue_token(role, **fields)}" if role else "")

    html = html_of(client.get(f"{BASE}/{view}{query}", follow_redirects=True))

    current = html.split('id="current-slot"', 1)[1].split("</p>", 1)[0]
    assert "Ambassador Laila Odeh" in current
    assert TBD[lang] not in current
    slot_a = next(s for s in config_of(html)["slots"] if s["id"] == "plenary-1-state-a")
    assert TBD[lang] not in slot_a["role"] and slot_a["speaker"] == "Ambassador Laila Odeh"


def test_the_open_discussion_is_named_never_to_be_determined(client, issue_token, live_client):
    chair = live_client(issue_token("chair", session="plenary-1"))
    ack(chair, "join", {"session": "plenary-1"})
    assert ack(chair, "slot", {"session": "plenary-1", "action": "goto", "slot": "plenary-1-discussion"})["ok"]

    for view, token in (("stage", issue_token("speaker", session="plenary-1")), ("live", None)):
        html = html_of(client.get(f"{BASE}/{view}?lang=en" + (f"&token={token}" if token else ""),
                                  follow_redirects=True))
        current = html.split('id="current-slot"', 1)[1].split("</p>", 1)[0]
        assert "to be determined" not in current
        discussion = next(s for s in config_of(html)["slots"] if s["id"] == "plenary-1-discussion")
        assert discussion["role"] and discussion["tbd"] is False
