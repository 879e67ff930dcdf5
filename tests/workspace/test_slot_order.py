"""Reordering a session's slots over HTTP (`PUT …/sessions/<id>/slot-order`), its refusals, and a
start changed alone moving a session keeping its length."""
from __future__ import annotations

from datetime import time

import pytest

from conference.workspace import edits

from .conftest import SLUG

A = f"/api/v1/conferences/{SLUG}"
ORDER = f"{A}/sessions/plenary-4/slot-order"
SLOTS = ["plenary-4-special-rapporteur", "plenary-4-women-children-youth", "plenary-4-discussion"]


def call(client, method, path, body=None, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.open(path, method=method, json=body, headers=headers)


def order_of(client, token, session="plenary-4"):
    agenda = call(client, "GET", f"/api/v1/conferences/{SLUG}", token=token).get_json()
    item = next(s for day in agenda["days"] for s in day["sessions"] if s["id"] == session)
    return [slot["id"] for slot in item["slots"]]


def reorders(client, token):
    return [e for e in call(client, "GET", f"{A}/audit?action=workspace.slot.reorder", token=token).get_json()]


def test_who_may_reorder(client, issue_token):
    body = {"slots": SLOTS[::-1]}
    assert call(client, "PUT", ORDER, body).status_code == 401
    for role in ("participant", "chair", "speaker"):
        refused = call(client, "PUT", ORDER, body, issue_token(role, session="plenary-4"))
        assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "forbidden"
    organiser = issue_token("organiser")
    assert order_of(client, organiser) == SLOTS
    assert call(client, "PUT", f"/api/v1/conferences/nope/sessions/plenary-4/slot-order", body,
                organiser).status_code == 404


def test_a_new_order_is_saved_answered_and_audited(client, issue_token):
    token = issue_token("organiser")
    new = [SLOTS[1], SLOTS[0], SLOTS[2]]
    answer = call(client, "PUT", ORDER, {"slots": new}, token)
    assert answer.status_code == 200, answer.get_json()
    assert [s["id"] for s in answer.get_json()["slots"]] == new
    assert order_of(client, token) == new
    entry = reorders(client, token)[-1]
    assert entry["session"] == "plenary-4" and entry["target"] == "session:plenary-4"
    assert entry["before"][f"slot:{SLOTS[0]}"]["position"] == 0
    assert entry["after"][f"slot:{SLOTS[0]}"]["position"] == 1
    assert entry["after"][f"slot:{SLOTS[1]}"]["position"] == 0


@pytest.mark.parametrize("body,says", [
    ({"slots": [SLOTS[0], SLOTS[1], "plenary-1-state-a"]}, "unknown: plenary-1-state-a"),
    ({"slots": [SLOTS[0], SLOTS[1]]}, "missing: plenary-4-discussion"),
    ({"slots": [SLOTS[0], SLOTS[0], SLOTS[1], SLOTS[2]]}, "repeated: plenary-4-special-rapporteur"),
    ({"slots": [SLOTS[1], SLOTS[0], SLOTS[0]]}, "missing: plenary-4-discussion; repeated"),
    ({"slots": "plenary-4-discussion"}, "list of the session's slot ids"),
    ({"slots": [SLOTS[1], SLOTS[0], 3]}, "list of the session's slot ids"),
    ({"order": SLOTS}, "slots"),
    ({"slots": SLOTS[::-1], "minutes": 3}, "slots"),
], ids=["unknown", "missing", "repeated", "missing-and-repeated", "not-a-list", "not-ids", "other-key", "extra-key"])
def test_an_order_that_is_not_a_permutation_is_refused_and_changes_nothing(client, issue_token, body, says):
    token = issue_token("organiser")
    refused = call(client, "PUT", ORDER, body, token)
    assert refused.status_code == 400, refused.get_json()
    error = refused.get_json()["error"]
    assert error["code"] == "bad_request" and says in error["message"], error
    assert order_of(client, token) == SLOTS
    assert reorders(client, token) == []


def test_an_unknown_session_or_a_body_that_is_no_object(client, issue_token):
    token = issue_token("organiser")
    missing = call(client, "PUT", f"{A}/sessions/plenary-9/slot-order", {"slots": []}, token)
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"
    assert call(client, "PUT", ORDER, ["a"], token).status_code == 400
    assert order_of(client, token) == SLOTS


def test_a_start_changed_alone_moves_the_session_keeping_its_length(client, issue_token):
    """plenary-4 (14:20-14:50, its slots filling 30 minutes) starts at 14:30 with the rest of the
    day shifted: it ends at 15:00, and the round table after it moves by ten minutes."""
    token = issue_token("organiser")
    moved = call(client, "PATCH", f"{A}/sessions/plenary-4",
                 {"starts_at": "2021-02-24T14:30", "shift_following": True}, token)
    assert moved.status_code == 200, moved.get_json()
    assert (moved.get_json()["starts_at"], moved.get_json()["ends_at"]) == \
        ("2021-02-24T14:30:00+02:00", "2021-02-24T15:00:00+02:00")
    agenda = call(client, "GET", f"/api/v1/conferences/{SLUG}", token=token).get_json()
    after = next(s for day in agenda["days"] for s in day["sessions"] if s["id"] == "roundtable-1")
    assert after["starts_at"] == "2021-02-24T15:00:00+02:00"


def test_a_form_that_sends_both_times_asks_for_what_changed():
    shown = (time(14, 20), time(14, 50))
    assert edits.times_changed(shown, (time(14, 30), time(14, 50))) == (time(14, 30), None)
    assert edits.times_changed(shown, (time(14, 20), time(15, 0))) == (None, time(15, 0))
    assert edits.times_changed(shown, (time(14, 10), time(15, 0))) == (time(14, 10), time(15, 0))
    assert edits.times_changed(shown, shown) == (None, None)


def _form(browser, **fields):
    shown = {"shown_starts_at": "2021-02-24T14:20", "shown_ends_at": "2021-02-24T14:50",
             "starts_at": "2021-02-24T14:20", "ends_at": "2021-02-24T14:50"}
    return browser.post(f"/workspace/{SLUG}/schedule/plenary-4?lang=en",
                        data={"csrf_token": browser.csrf, **shown, **fields})


def test_the_schedule_form_without_javascript_keeps_the_length_of_a_session_moved(browser):
    """The page's form posts both times; the start changed alone moves the session, 30 minutes long."""
    moved = _form(browser, starts_at="2021-02-24T14:30", shift_following="1")
    assert moved.status_code == 303, moved.get_data(as_text=True)
    assert "saved=plenary-4" in moved.headers["Location"]
    page = browser.get(moved.headers["Location"]).get_data(as_text=True)
    assert 'value="2021-02-24T14:30"' in page and 'value="2021-02-24T15:00"' in page
    assert 'role="status" aria-live="polite" data-saved="Saved.">Saved.</p>' in page
    agenda = browser.get(f"/api/v1/conferences/{SLUG}").get_json()
    after = {s["id"]: s for day in agenda["days"] for s in day["sessions"]}
    assert after["plenary-4"]["ends_at"] == "2021-02-24T15:00:00+02:00"
    assert after["roundtable-1"]["starts_at"] == "2021-02-24T15:00:00+02:00"


def test_the_schedule_form_is_for_organisers_only(client, issue_token):
    form = {"shown_starts_at": "2021-02-24T14:20", "shown_ends_at": "2021-02-24T14:50",
            "starts_at": "2021-02-24T14:30", "ends_at": "2021-02-24T14:50"}
    signed_out = client.post(f"/workspace/{SLUG}/schedule/plenary-4", data=form)
    assert signed_out.status_code == 303 and "/signin" in signed_out.headers["Location"]
    chair = client.post(f"/workspace/{SLUG}/schedule/plenary-4", data=form,
                        headers={"Authorization": f"Bearer {issue_token('chair', session='plenary-4')}"})
    assert chair.status_code == 403
    agenda = call(client, "GET", f"/api/v1/conferences/{SLUG}").get_json()
    plenary = next(s for day in agenda["days"] for s in day["sessions"] if s["id"] == "plenary-4")
    assert plenary["starts_at"] == "2021-02-24T14:20:00+02:00"


def test_the_schedule_form_without_javascript_refuses_with_the_reason(browser):
    refused = _form(browser, ends_at="2021-02-24T15:30")
    assert refused.status_code == 409
    page = refused.get_data(as_text=True)
    assert 'role="alert"' in page and "overlaps" in page
    assert "“Round table 1" in page.split("workspace-status refusal")[1].split("</div>")[0]
    assert "roundtable-1 (" not in page
    agenda = browser.get(f"/api/v1/conferences/{SLUG}").get_json()
    after = {s["id"]: s for day in agenda["days"] for s in day["sessions"]}
    assert after["plenary-4"]["ends_at"] == "2021-02-24T14:50:00+02:00"
    assert _form(browser, starts_at="soon").status_code == 400
    no_csrf = browser.post(f"/workspace/{SLUG}/schedule/plenary-4", data={"starts_at": "2021-02-24T14:30"})
    assert no_csrf.status_code == 403
    assert browser.post(f"/workspace/{SLUG}/schedule/plenary-9", data={"csrf_token": browser.csrf}).status_code == 404
