"""Speech texts over HTTP (upload, read, list, the upload form) and the booth view page, on the
small channels-demo conference."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from conftest import load_agenda_file

AGENDA = Path(__file__).resolve().parent.parent / "data" / "agendas" / "channels.toml"
CONF, SESSION, SLOT = "channels-demo", "plenary-1", "plenary-1-lebanon"
URL = f"/api/v1/conferences/{CONF}/sessions/{SESSION}/slots/{SLOT}/speech-text"
TEXT = "السيد الرئيس،\nيسعدني أن أتحدث باسم لبنان <script>alert(1)</script>"


@pytest.fixture
def demo(loaded_app, clock, issue_token):
    load_agenda_file(loaded_app, AGENDA, clock.now())
    return loaded_app


@pytest.fixture
def token(demo, issue_token):
    def make(role, session=None, **fields):
        return issue_token(role, session=session, conference=CONF, **fields)
    return make


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def upload(client, token, text=TEXT, url=URL):
    return client.put(url, json={"text": text}, headers=bearer(token))


# -- upload -------------------------------------------------------------------------------------

def test_speaker_of_the_session_uploads_a_text(client, token):
    response = upload(client, token("speaker", session=SESSION, name="Delegate of Lebanon"))

    assert response.status_code == 200
    body = response.get_json()
    assert {k: body[k] for k in ("slot", "session", "revision", "uploaded_by", "chars")} == {
        "slot": SLOT, "session": SESSION, "revision": 1, "uploaded_by": "Delegate of Lebanon", "chars": len(TEXT)}
    assert "text" not in body


def test_organiser_uploads_as_plain_text_and_each_upload_is_a_new_revision(client, token):
    organiser = token("organiser", name="Secretariat")
    upload(client, organiser, "First version")

    response = client.put(URL, data="Second version\r\n".encode(), headers={**bearer(organiser), "Content-Type": "text/plain; charset=utf-8"})

    assert response.status_code == 200 and response.get_json()["revision"] == 2
    read = client.get(URL, headers=bearer(token("interpreter", booth="fr")))
    assert (read.get_json()["text"], read.get_json()["revision"]) == ("Second version", 2)


def test_every_revision_is_kept_and_logged(demo, client, token):
    from sessions.models import EventLog
    from sessions.booth.models import SpeechText

    organiser = token("organiser", name="Secretariat")
    upload(client, organiser, "one")
    upload(client, organiser, "two")

    with demo.extensions["minbar.db"].session_scope() as db:
        rows = db.scalars(select(SpeechText).order_by(SpeechText.revision)).all()
        assert [(r.slot_key, r.revision, r.text) for r in rows] == [(SLOT, 1, "one"), (SLOT, 2, "two")]
        logged = db.scalars(select(EventLog).where(EventLog.action == "speech_text.upload")).all()
        assert [e.payload for e in logged] == [{"slot": SLOT, "revision": 1, "chars": 3},
                                               {"slot": SLOT, "revision": 2, "chars": 3}]


@pytest.mark.parametrize("role,fields", [("participant", {}), ("interpreter", {"booth": "fr"}),
                                         ("rapporteur", {"session": SESSION})])
def test_other_roles_may_not_upload(client, token, role, fields):
    session = fields.pop("session", None)
    response = upload(client, token(role, session=session, **fields))

    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "forbidden"


def test_chair_may_not_upload(client, token):
    assert upload(client, token("chair", session=SESSION)).status_code == 403


def test_speaker_link_of_another_session_may_not_upload(demo, client, issue_token):
    other = issue_token("speaker", session="plenary-1", conference="gcm-arab-2021")

    response = upload(client, other)

    assert response.status_code == 403


def test_speaker_link_naming_a_person_uploads_only_for_that_persons_slot(demo, client, token):
    from speakers.models import AccessToken
    from speakers.tokens import unsign

    speaker = token("speaker", session=SESSION)
    with demo.extensions["minbar.db"].session_scope() as db:
        db.get(AccessToken, unsign(speaker, demo.config["SECRET_KEY"])).person_key = "delegate-morocco"

    assert upload(client, speaker).status_code == 403
    morocco = URL.replace(SLOT, "plenary-1-morocco")
    assert upload(client, speaker, "Monsieur le Président", url=morocco).status_code == 200


def test_upload_without_a_token_is_unauthorized(demo, client):
    response = client.put(URL, json={"text": "x"})

    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthorized"


def test_upload_with_a_forged_token_is_unauthorized(demo, client):
    assert client.put(URL, json={"text": "x"}, headers=bearer("forged")).status_code == 401


def test_an_unknown_conference_session_or_slot_is_not_found_before_any_sign_in_is_asked(demo, client):
    for url in (URL.replace(CONF, "nope"), URL.replace(f"/{SESSION}/", "/nope/"), URL.replace(SLOT, "nope")):
        response = client.put(url, json={"text": "x"})
        assert (response.status_code, response.get_json()["error"]["code"]) == (404, "not_found"), url


@pytest.mark.parametrize("body,content_type", [
    ({"text": ""}, None), ({"text": "   \n "}, None), ({"text": 5}, None), ({"words": "x"}, None),
    ({"text": "x" * 50_001}, None), ({"text": "a\x00b"}, None), (b"\xff\xfe", "text/plain"),
    (b"<p>hi</p>", "text/html"),
])
def test_bad_uploads_are_bad_request_and_store_nothing(demo, client, token, body, content_type):
    organiser = token("organiser")
    if content_type is None:
        response = client.put(URL, json=body, headers=bearer(organiser))
    else:
        response = client.put(URL, data=body, headers={**bearer(organiser), "Content-Type": content_type})

    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_request"
    assert client.get(URL, headers=bearer(organiser)).status_code == 204


def test_text_of_exactly_the_limit_is_accepted(client, token):
    assert upload(client, token("organiser"), "x" * 50_000).status_code == 200


def test_upload_for_an_unknown_slot_is_not_found(client, token):
    response = upload(client, token("organiser"), url=URL.replace(SLOT, "no-such-slot"))

    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


# -- reading ------------------------------------------------------------------------------------

@pytest.mark.parametrize("role,fields", [("interpreter", {"booth": "fr"}), ("chair", {"session": SESSION}),
                                         ("organiser", {})])
def test_interpreters_chair_and_organisers_read_the_text(client, token, role, fields):
    upload(client, token("organiser", name="Secretariat"))
    session = fields.pop("session", None)

    response = client.get(URL, headers=bearer(token(role, session=session, **fields)))

    assert response.status_code == 200
    body = response.get_json()
    assert (body["text"], body["revision"], body["uploaded_by"]) == (TEXT, 1, "Secretariat")


@pytest.mark.parametrize("role", ["participant", "speaker", "rapporteur"])
def test_others_may_not_read_the_text(client, token, role):
    upload(client, token("organiser"))

    response = client.get(URL, headers=bearer(token(role, session=SESSION if role != "participant" else None)))

    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "forbidden"


def test_reading_a_slot_without_a_text_is_204_no_content(client, token):
    # The booth asks at every slot change: a slot with no text is no error (no 404 in its console).
    response = client.get(URL, headers=bearer(token("interpreter", booth="fr")))

    assert (response.status_code, response.data) == (204, b"")


def test_reading_an_unknown_slot_or_session_is_still_not_found(client, token):
    reader = bearer(token("interpreter", booth="fr"))
    slot = client.get(URL.replace(SLOT, "no-such-slot"), headers=reader)
    assert slot.status_code == 404 and slot.get_json()["error"]["code"] == "not_found"
    session = client.get(URL.replace(f"/sessions/{SESSION}/", "/sessions/no-such-session/"),
                         headers=bearer(token("organiser")))
    assert session.status_code == 404 and session.get_json()["error"]["code"] == "not_found"


def test_list_names_the_slots_with_a_text_without_the_text(client, token):
    organiser = token("organiser")
    upload(client, organiser, "Monsieur le Président", url=URL.replace(SLOT, "plenary-1-morocco"))
    upload(client, organiser)

    response = client.get(f"/api/v1/conferences/{CONF}/sessions/{SESSION}/speech-texts",
                          headers=bearer(token("interpreter", booth="en")))

    assert [(t["slot"], t["revision"], "text" in t) for t in response.get_json()["texts"]] == [
        (SLOT, 1, False), ("plenary-1-morocco", 1, False)]


def test_list_is_forbidden_to_participants(client, token):
    response = client.get(f"/api/v1/conferences/{CONF}/sessions/{SESSION}/speech-texts",
                          headers=bearer(token("participant")))

    assert response.status_code == 403


# -- the upload form ----------------------------------------------------------------------------

FORM = f"/conferences/{CONF}/sessions/{SESSION}/speech-text"


def test_form_uploads_a_text_and_hides_it_from_the_speaker(client, token):
    speaker = token("speaker", session=SESSION)

    assert client.get(f"{FORM}?token={speaker}", follow_redirects=True).status_code == 200   # signs in
    response = client.post(f"{FORM}?lang=en", data={"slot": "plenary-1-morocco", "text": "Merci."})

    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Saved: revision 1." in html
    assert "Merci." not in html
    interpreter = token("interpreter", booth="ar")
    read = client.get(URL.replace(SLOT, "plenary-1-morocco"), headers=bearer(interpreter))
    assert read.get_json()["text"] == "Merci."


def test_form_in_french_refuses_an_empty_text(client, token):
    speaker = token("speaker", session=SESSION)

    assert client.get(f"{FORM}?token={speaker}", follow_redirects=True).status_code == 200
    response = client.post(f"{FORM}?lang=fr", data={"slot": SLOT, "text": "  "})

    assert response.status_code == 400
    assert "Le texte est vide." in response.get_data(as_text=True)


def test_form_escapes_the_text_for_the_organiser(client, token):
    organiser = token("organiser")
    upload(client, organiser)

    html = client.get(f"{FORM}?token={organiser}&lang=ar", follow_redirects=True).get_data(as_text=True)

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_form_names_the_speakers_in_the_readers_language(client, issue_token):
    organiser = issue_token("organiser", name="Secretariat")     # the bundled conference names people per language
    form = "/conferences/gcm-arab-2021/sessions/opening/speech-text"

    html = client.get(f"{form}?token={organiser}&lang=ar", follow_redirects=True).get_data(as_text=True)

    option = re.search(r'<option value="opening-dg-iom"[^>]*>(.*?)</option>', html, re.S).group(1)
    assert "· المدير العام للمنظمة الدولية للهجرة" in option
    assert "Director General of IOM" not in option


def test_form_needs_a_link_and_refuses_participants(client, token):
    assert client.get(FORM).status_code == 401
    assert client.get(f"{FORM}?token={token('participant')}", follow_redirects=True).status_code == 403


# -- the booth view page ------------------------------------------------------------------------

BOOTH = f"/conferences/{CONF}/sessions/{SESSION}/booth"


def test_booth_view_shows_floor_mode_speaker_and_the_speech_text(client, token):
    upload(client, token("organiser"))
    interpreter = token("interpreter", booth="fr", name="Anne")

    response = client.get(f"{BOOTH}?token={interpreter}&lang=en", follow_redirects=True)

    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert '<strong id="booth-floor">Arabic</strong>' in html
    assert 'data-mode="relay" data-via="en">Relay via the English booth</span>' in html
    assert "Delegate of Lebanon" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_booth_view_in_arabic_is_right_to_left(client, token):
    html = client.get(f"{BOOTH}?token={token('interpreter', booth='ar')}&lang=ar", follow_redirects=True).get_data(as_text=True)

    assert '<html lang="ar" dir="rtl">' in html
    assert "مقصورة" in html


def test_chair_views_any_booth_with_the_booth_parameter(client, token):
    html = client.get(f"{BOOTH}?token={token('chair', session=SESSION)}&booth=en&lang=en", follow_redirects=True).get_data(as_text=True)

    assert '<strong id="booth-name">English</strong>' in html
    assert 'data-mode="direct" data-via="">Direct from Arabic</span>' in html


def test_booth_view_unknown_booth_is_not_found(client, token):
    assert client.get(f"{BOOTH}?token={token('organiser')}&booth=es", follow_redirects=True).status_code == 404


@pytest.mark.parametrize("role", ["participant", "speaker", "rapporteur"])
def test_booth_view_is_forbidden_to_other_roles(client, token, role):
    link = token(role, session=SESSION if role != "participant" else None)

    assert client.get(f"{BOOTH}?token={link}", follow_redirects=True).status_code == 403


def test_booth_view_without_a_link_is_unauthorized(demo, client):
    assert client.get(BOOTH).status_code == 401


# -- the console panel and the participant picker (first paint) ---------------------------------

def _switch_off_english(demo, clock):
    from sessions.live import operations
    from sessions.live.state import Command
    from speakers.identity import Identity

    chair = Identity(role="organiser", conference=CONF, name="Secretariat", token_id="t-org")
    with demo.extensions["minbar.db"].session_scope() as db:
        operations.apply(db, CONF, SESSION, Command("channel", "booth", {"booth": "en", "on": False}, chair), clock.now())


def test_console_panel_words_the_warnings_in_french(demo, client, token, clock):
    _switch_off_english(demo, clock)

    html = client.get(f"/conferences/{CONF}/sessions/{SESSION}/console?token={token('chair', session=SESSION)}&lang=fr", follow_redirects=True).get_data(as_text=True)

    assert 'id="channels-panel"' in html
    assert "La cabine FR ne peut travailler à partir de la langue de la salle (arabe), ni directement ni par relais\u202f: son canal est muet." in html
    assert "La cabine EN est coupée, et ces canaux ont besoin de son relais\u202f: français." in html


def test_participant_picker_shows_each_channel_and_its_listening_link(demo, client):
    html = client.get(f"/conferences/{CONF}/sessions/{SESSION}/live?lang=en").get_data(as_text=True)

    assert 'id="channel-picker"' in html
    assert "Interpreted by relay, via English" in html
    assert 'href="https://media.example.org/channels-demo/ar"' in html
    assert 'data-listen-for="fr" href="#" target="_blank" rel="noopener noreferrer" hidden' in html
