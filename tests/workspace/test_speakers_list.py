"""The list of speakers over HTTP on the bundled conference: focal points, inscriptions in their
window, the protocol order, the secretariat's moves, merges and withdrawals (audited with their
reason), confirmation into slots through the agenda engine, and every refusal."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from conference import queries
from conference.ical import event_sequence

SLUG, SESSION = "gcm-arab-2021", "plenary-1"      # 11:15-12:15 Beirut: 30 min of discussion, 6 × 5 min of statements
API = f"/api/v1/conferences/{SLUG}"
LIST = f"{API}/sessions/{SESSION}"


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def organiser(issue_token):
    return bearer(issue_token("organiser"))


@pytest.fixture
def people(client, organiser):
    """Two delegations with a few people each; Jordan's focal point is Rania."""
    for key, delegation, group in (("rania", "Jordan", "member_state"), ("ayman", "Jordan", "member_state"),
                                   ("samir", "Lebanon", "member_state"), ("lina", "Lebanon", "member_state"),
                                   ("iom", "IOM", "un_entity"), ("ngo", "Caritas", "civil_society")):
        response = client.post(f"{API}/people", json={"key": key, "name": key.title(), "delegation": delegation,
                                                      "group": group}, headers=organiser)
        assert response.status_code == 201, response.get_json()


def name_focal_point(client, organiser, person):
    response = client.post(f"{API}/focal-points", json={"person": person}, headers=organiser)
    assert response.status_code == 201, response.get_json()
    return bearer(response.get_json()["url"].split("token=")[1])


@pytest.fixture
def jordan(client, organiser, people):
    return name_focal_point(client, organiser, "rania")


@pytest.fixture
def lebanon(client, organiser, people):
    return name_focal_point(client, organiser, "samir")


@pytest.fixture
def window(client, organiser, clock):
    """Inscription open from an hour ago for a day."""
    opens = clock.now() - timedelta(hours=1)
    response = client.put(f"{LIST}/speakers/window", headers=organiser,
                          json={"opens_at": opens.isoformat(), "closes_at": (opens + timedelta(days=1)).isoformat()})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["status"] == "open"


def inscribe(client, who, **body):
    return client.post(f"{LIST}/inscriptions", json={"language": "ar", "level": "other", **body}, headers=who)


def names(answer) -> list[str]:
    return [e["person"] for e in answer["entries"]]


def audit(loaded_app, prefix):
    from conference import audit as log

    with loaded_app.extensions["minbar.db"].read_scope() as db:
        return log.entries(db, queries.conference(db, SLUG), action=prefix)


# -- focal points ---------------------------------------------------------------------------------

def test_a_focal_point_inscribes_for_its_delegation_in_protocol_order(client, jordan, lebanon, window, loaded_app):
    assert inscribe(client, jordan, person="ayman", level="head_of_delegation").status_code == 201
    assert inscribe(client, lebanon, person="lina", level="other").status_code == 201
    answer = inscribe(client, lebanon, person="samir", level="minister").get_json()
    assert names(answer) == ["samir", "ayman", "lina"]
    assert answer["revision"] == 3 and answer["status"] == "open"
    assert [e["delegation"] for e in answer["entries"]] == ["Lebanon", "Jordan", "Lebanon"]
    assert len(audit(loaded_app, "speakers.inscribe")) == 3


def test_a_focal_point_names_a_new_speaker_who_becomes_a_person_of_its_delegation(client, jordan, window, organiser):
    answer = inscribe(client, jordan, name={"ar": "وزير العمل", "en": "Minister of Labour"}, level="minister",
                      group="un_entity")           # not the focal point's to choose: ignored
    assert answer.status_code == 201, answer.get_json()
    key = answer.get_json()["entries"][0]["person"]
    person = next(p for p in client.get(f"{API}/people", headers=organiser).get_json() if p["key"] == key)
    assert (person["delegation"], person["group"], person["language"]) == ("Jordan", "member_state", "ar")


def test_a_statement_text_uploaded_with_the_inscription_waits_for_its_slot(client, jordan, window, organiser, issue_token):
    answer = inscribe(client, jordan, person="ayman", text="السيد الرئيس، ...").get_json()
    slot = answer["entries"][0]["slot"]
    assert client.post(f"{LIST}/speakers/confirm", headers=organiser).status_code == 200
    texts = client.get(f"{LIST}/speech-texts", headers=organiser).get_json()["texts"]
    assert [t["slot"] for t in texts] == [slot]


def test_refused_for_another_delegation(client, jordan, window):
    response = inscribe(client, jordan, person="lina", delegation="Lebanon")
    assert response.status_code == 403
    response = inscribe(client, jordan, person="lina")            # Lebanon's person, for Jordan
    assert response.status_code == 403
    assert client.get(f"{LIST}/speakers", headers=jordan).get_json()["entries"] == []


def test_refused_outside_the_window(client, jordan, organiser, clock):
    assert inscribe(client, jordan, person="ayman").get_json()["error"]["code"] == "closed"   # no window yet
    opens = clock.now() + timedelta(hours=1)
    client.put(f"{LIST}/speakers/window", headers=organiser,
               json={"opens_at": opens.isoformat(), "closes_at": (opens + timedelta(hours=1)).isoformat()})
    response = inscribe(client, jordan, person="ayman")
    assert (response.status_code, response.get_json()["error"]["code"]) == (409, "closed")
    clock.advance(3 * 3600)        # after it closed
    assert inscribe(client, jordan, person="ayman").status_code == 409
    # The secretariat itself is not held to the window.
    assert inscribe(client, organiser, person="ayman", delegation="Jordan").status_code == 201


def test_bad_inscriptions_change_nothing(client, jordan, window):
    for body in ({"person": "ayman", "level": "emperor"}, {"person": "ayman", "language": "de"}, {"person": "ayman", "level": None},
                 {"person": "nobody"}, {"name": ""}, {"person": "ayman", "colour": "red"},
                 {"person": "ayman", "text": "\x00"}):
        response = inscribe(client, jordan, **body)
        assert response.status_code in (400, 404), body
    assert inscribe(client, jordan, person="ayman").status_code == 201
    assert inscribe(client, jordan, person="ayman").status_code == 409       # already listed
    assert client.get(f"{LIST}/speakers", headers=jordan).get_json()["revision"] == 1


def test_a_focal_point_reads_its_own_delegations_registrations_only(client, jordan, loaded_app, clock):
    from conference.registration.models import Registration

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        conf = queries.conference(db, SLUG)
        for name, delegation in (("Ayman", "Jordan"), ("Lina", "Lebanon")):
            db.add(Registration(conference_id=conf.id, name=name, name_latin=name, delegation=delegation,
                                group="member_state", email=f"{name}@example.org", email_key=name, language="ar",
                                status="pending", created_at=clock.now(), title="", function="", needs="",
                                source_key="", decision_reason=""))
    own = client.get(f"{API}/delegations/Jordan/registrations", headers=jordan)
    assert own.status_code == 200
    assert [r["name"] for r in own.get_json()] == ["Ayman"] and "email" not in own.get_json()[0]
    assert client.get(f"{API}/delegations/Lebanon/registrations", headers=jordan).status_code == 403
    assert client.get(f"{API}/delegations/Jordan/registrations").status_code == 401


def test_a_focal_point_may_nothing_else(client, jordan, window):
    assert client.post(f"{LIST}/speakers/confirm", headers=jordan).status_code == 403
    assert client.get(f"{API}/people", headers=jordan).status_code == 403
    assert client.post(f"{API}/focal-points", json={"person": "ayman"}, headers=jordan).status_code == 403


def test_removing_a_focal_point_revokes_its_link(client, organiser, jordan, window):
    assert client.delete(f"{API}/focal-points/rania", headers=organiser).status_code == 204
    assert inscribe(client, jordan, person="ayman").status_code == 401
    assert client.get(f"{API}/focal-points", headers=organiser).get_json() == []


# -- the secretariat ------------------------------------------------------------------------------

@pytest.fixture
def listed(client, jordan, lebanon, window):
    inscribe(client, jordan, person="ayman", level="head_of_delegation")
    inscribe(client, lebanon, person="lina")
    answer = inscribe(client, lebanon, person="samir", level="minister").get_json()
    return {e["person"]: e["id"] for e in answer["entries"]}


def test_move_merge_withdraw_need_a_reason_that_goes_into_the_audit_log(client, organiser, listed, loaded_app):
    entry = listed["lina"]
    for action, extra in (("move", {"position": 0}), ("withdraw", {}), ("merge", {"into": listed["samir"]})):
        response = client.post(f"{LIST}/speakers/{entry}/{action}", json=extra, headers=organiser)
        assert response.status_code == 400, action
    moved = client.post(f"{LIST}/speakers/{entry}/move", json={"position": 0, "reason": "Asked to open"},
                        headers=organiser).get_json()
    assert names(moved) == ["lina", "samir", "ayman"] and moved["entries"][0]["placed"]
    # A new inscription goes by the rule; the moved entry keeps its place.
    again = inscribe(client, organiser, person="iom", level="head_of_state", delegation="IOM").get_json()
    assert names(again) == ["lina", "samir", "ayman", "iom"]
    merged = client.post(f"{LIST}/speakers/{listed['ayman']}/merge", json={"into": listed["samir"], "reason": "Joint"},
                         headers=organiser).get_json()
    assert names(merged) == ["lina", "samir", "iom"]
    assert merged["entries"][1]["joint"] == ["Jordan"]
    gone = client.post(f"{LIST}/speakers/{listed['lina']}/withdraw", json={"reason": "Withdrew"}, headers=organiser)
    assert names(gone.get_json()) == ["samir", "iom"]
    notes = [(e.action, e.note) for e in audit(loaded_app, "speakers.") if e.note]
    assert notes == [("speakers.move", "Asked to open"), ("speakers.merge", "Joint"), ("speakers.withdraw", "Withdrew")]


def test_a_non_organiser_may_not_manage_the_list(client, listed, issue_token):
    for role, kw in (("chair", {"session": SESSION}), ("interpreter", {"booth": "en"}), ("participant", {})):
        who = bearer(issue_token(role, **kw))
        assert client.post(f"{LIST}/speakers/confirm", headers=who).status_code == 403, role
        assert client.post(f"{LIST}/speakers/{listed['lina']}/withdraw", json={"reason": "x"},
                           headers=who).status_code == 403, role
    assert client.post(f"{LIST}/speakers/confirm").status_code == 401
    assert client.get(f"{LIST}/speakers").status_code == 401


def test_confirming_makes_the_slots_issues_links_and_moves_the_calendar_on(client, organiser, listed, loaded_app, clock):
    with loaded_app.extensions["minbar.db"].read_scope() as db:
        before = event_sequence(queries.item(db, queries.conference(db, SLUG), SESSION))
    clock.advance(60)
    response = client.post(f"{LIST}/speakers/confirm", headers=organiser)
    assert response.status_code == 200, response.get_json()
    answer = response.get_json()
    assert answer["status"] == "confirmed" and answer["confirmed_revision"] == answer["revision"] == 3
    assert sorted(link["person"] for link in answer["links"]) == ["ayman", "lina", "samir"]
    session = next(s for day in client.get(f"{API}").get_json()["days"] for s in day["sessions"] if s["id"] == SESSION)
    speakers = [s["speaker"]["id"] if s["speaker"] else None for s in session["slots"]]
    assert speakers == ["samir", "ayman", "lina", None]       # the TBD statements replaced; the discussion kept
    assert [s["minutes"] for s in session["slots"]] == [5, 5, 5, 30]
    with loaded_app.extensions["minbar.db"].read_scope() as db:
        assert event_sequence(queries.item(db, queries.conference(db, SLUG), SESSION)) > before
    ics = client.get(f"/conferences/{SLUG}/sessions/{SESSION}.ics?lang=en").get_data(as_text=True)
    assert "Samir" in ics
    # A change after confirmation is a new revision, shown as changed until confirmed again.
    changed = client.post(f"{LIST}/speakers/{listed['lina']}/withdraw", json={"reason": "Ill"}, headers=organiser)
    assert changed.get_json()["status"] == "changed" and changed.get_json()["revision"] == 4
    again = client.post(f"{LIST}/speakers/confirm", headers=organiser).get_json()
    assert again["status"] == "confirmed" and again["links"] == []      # both still hold their link
    session = next(s for day in client.get(f"{API}").get_json()["days"] for s in day["sessions"] if s["id"] == SESSION)
    assert [s["speaker"]["id"] if s["speaker"] else None for s in session["slots"]] == ["samir", "ayman", None]


def test_a_list_longer_than_the_session_is_refused_with_the_figure(client, organiser, people, window):
    for n in range(7):
        client.post(f"{API}/people", json={"key": f"p{n}", "name": f"P {n}", "delegation": "Jordan",
                                           "group": "member_state"}, headers=organiser)
        assert inscribe(client, organiser, person=f"p{n}", delegation="Jordan").status_code == 201
    response = client.post(f"{LIST}/speakers/confirm", headers=organiser)
    assert response.status_code == 409
    error = response.get_json()["error"]
    assert error["message"] == "7 speakers × 5 min = 35 min > 30 min"
    assert (error["needed"], error["available"]) == (35, 30)
    assert client.get(f"{LIST}/speakers", headers=organiser).get_json()["confirmed_revision"] is None
    session = next(s for day in client.get(f"{API}").get_json()["days"] for s in day["sessions"] if s["id"] == SESSION)
    assert len(session["slots"]) == 7                           # nothing changed


# -- the pages ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_the_focal_point_page_inscribes_without_javascript(loaded_app, client, jordan, window, lang):
    page = loaded_app.test_client()
    token = jordan["Authorization"].split()[1]
    assert page.get(f"/conferences/{SLUG}/focal-point?token={token}&lang={lang}").status_code in (302, 303)
    shown = page.get(f"/conferences/{SLUG}/focal-point?lang={lang}")
    assert shown.status_code == 200
    html = shown.get_data(as_text=True)
    assert f'name="session" value="{SESSION}"' in html and ('dir="rtl"' in html) == (lang == "ar")
    posted = page.post(f"/conferences/{SLUG}/focal-point?lang={lang}",
                       data={"session": SESSION, "person": "ayman", "level": "minister", "language": "ar"})
    assert posted.status_code == 200
    assert 'role="status"' in posted.get_data(as_text=True)
    refused = page.post(f"/conferences/{SLUG}/focal-point?lang={lang}",
                        data={"session": SESSION, "person": "lina", "level": "minister", "language": "ar"})
    assert refused.status_code == 403 and 'role="alert"' in refused.get_data(as_text=True)
    assert names(client.get(f"{LIST}/speakers", headers=jordan).get_json()) == ["ayman"]


def test_the_focal_point_page_is_a_focal_points(client, issue_token):
    assert client.get(f"/conferences/{SLUG}/focal-point").status_code == 401
    who = bearer(issue_token("participant"))
    assert client.get(f"/conferences/{SLUG}/focal-point", headers=who).status_code == 403


def test_the_workspace_page_shows_the_lists(client, organiser, listed):
    page = client.get(f"/workspace/{SLUG}/speakers?lang=fr", headers=organiser)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f'data-url="/sessions/{SESSION}/speakers/confirm"' in html and "Samir" in html
    moved = client.post(f"{LIST}/speakers/{listed['lina']}/move", json={"place": 1, "reason": "r"}, headers=organiser)
    assert names(moved.get_json())[0] == "lina"


def test_the_booth_shows_the_current_revision_of_the_list(client, organiser, listed, issue_token):
    booth = bearer(issue_token("interpreter", session=SESSION, booth="en"))
    url = f"/conferences/{SLUG}/sessions/{SESSION}/booth?lang=en"
    html = client.get(url, headers=booth).get_data(as_text=True)
    assert "Not confirmed yet (revision 3)" in html and html.index("Samir") < html.index("Ayman") < html.index("Lina")
    client.post(f"{LIST}/speakers/confirm", headers=organiser)
    client.post(f"{LIST}/speakers/{listed['ayman']}/withdraw", json={"reason": "Left"}, headers=organiser)
    html = client.get(url, headers=booth).get_data(as_text=True)
    assert "Changed since it was confirmed (revision 4)" in html
    assert "Ayman" not in html.split('id="list-heading"')[1].split("</section>")[0]
    assert client.get(f"{LIST}/speakers", headers=booth).status_code == 200


def test_an_approved_registrant_is_named_focal_point_and_a_ranked_speaker_brings_their_level(
        client, organiser, people, window, loaded_app, clock):
    from conference.registration.models import Registration

    client.patch(f"{API}/people/ayman", json={"rank": 3, "language": "fr"}, headers=organiser)   # a minister
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        conf = queries.conference(db, SLUG)
        common = dict(conference_id=conf.id, delegation="Jordan", group="member_state", email_key="k", language="ar",
                      created_at=clock.now(), title="", function="", needs="", source_key="", decision_reason="")
        db.add(Registration(id=41, name="Rania", name_latin="Rania", email="r@example.org", status="approved",
                            person_key="rania", **common))
        db.add(Registration(id=42, name="Omar", name_latin="Omar", email="o@example.org", status="pending", **common))
    assert client.post(f"{API}/focal-points", json={"registration": 42}, headers=organiser).status_code == 409
    assert client.post(f"{API}/focal-points", json={"registration": 99}, headers=organiser).status_code == 404
    named = client.post(f"{API}/focal-points", json={"registration": 41}, headers=organiser)
    assert named.status_code == 201 and named.get_json()["person"] == "rania"
    focal = bearer(named.get_json()["url"].split("token=")[1])
    entry = client.post(f"{LIST}/inscriptions", json={"person": "ayman"}, headers=focal).get_json()["entries"][0]
    assert (entry["level"], entry["language"]) == ("minister", "fr")


def test_the_console_and_the_stage_follow_the_confirmed_list(client, organiser, listed, issue_token):
    stage_url = f"/conferences/{SLUG}/sessions/{SESSION}/stage?lang=en"
    assert "Samir" not in client.get(stage_url).get_data(as_text=True)
    assert client.post(f"{LIST}/speakers/confirm", headers=organiser).status_code == 200
    stage = client.get(stage_url).get_data(as_text=True)
    current = stage.split('id="current-slot"')[1].split("</p>")[0]
    assert "Samir" in current and "Lebanon" in current                  # the minister first
    chair = bearer(issue_token("chair", session=SESSION))
    console = client.get(f"/conferences/{SLUG}/sessions/{SESSION}/console?lang=en", headers=chair).get_data(as_text=True)
    assert console.index('"speaker": "Samir"') < console.index('"speaker": "Ayman"') < console.index('"speaker": "Lina"')


def test_a_focal_point_uploads_its_entrys_text_later_and_only_its_own(client, jordan, lebanon, listed, organiser):
    url = f"{LIST}/speakers/{listed['ayman']}/speech-text"
    saved = client.put(url, json={"text": "نص الكلمة"}, headers=jordan)
    assert saved.status_code == 200 and saved.get_json()["revision"] == 1
    assert client.put(url, json={"text": "not ours"}, headers=lebanon).status_code == 403
    assert client.put(url, json={"text": ""}, headers=jordan).status_code == 400
    assert client.put(f"{LIST}/speakers/999/speech-text", json={"text": "x"}, headers=jordan).status_code == 404
    slot = next(e["slot"] for e in client.get(f"{LIST}/speakers", headers=jordan).get_json()["entries"]
                if e["person"] == "ayman")
    client.post(f"{LIST}/speakers/confirm", headers=organiser)
    text = client.get(f"{LIST}/slots/{slot}/speech-text", headers=organiser).get_json()
    assert (text["text"], text["revision"]) == ("نص الكلمة", 1)
