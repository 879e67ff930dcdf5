"""The live pages' projections follow a change made in the workspace: the session's room gets a
fresh STATE with the new limits."""
from __future__ import annotations

from conftest import ack

SLUG = "gcm-arab-2021"


def test_a_new_speaking_limit_reaches_the_sessions_room(client, live_client, issue_token):
    viewer = live_client()
    joined = ack(viewer, "join", {"session": "plenary-1"})
    assert joined["ok"] and joined["state"]["timer"]["limit_s"] == 300
    viewer.get_received("/live")
    auth = {"Authorization": f"Bearer {issue_token('organiser')}"}
    done = client.patch(f"/api/v1/conferences/{SLUG}/sessions/plenary-1/slots/plenary-1-state-a",
                        json={"minutes": 4}, headers=auth)
    assert done.status_code == 200
    states = [e["args"][0] for e in viewer.get_received("/live") if e["name"] == "state"]
    assert states and states[-1]["session"] == "plenary-1"
    assert states[-1]["timer"]["limit_s"] == 240


def test_two_conferences_live_sessions_never_see_each_others_events(client, live_client, issue_token):
    auth = {"Authorization": f"Bearer {issue_token('organiser')}"}
    made = client.post(f"/api/v1/conferences/{SLUG}/clone", json={"slug": "gcm-arab-2022", "first_day": "2022-07-06"},
                       headers=auth)
    assert made.status_code == 201
    here, there = live_client(), live_client()
    assert ack(here, "join", {"session": "plenary-1"})["ok"]
    assert ack(there, "join", {"conference": "gcm-arab-2022", "session": "plenary-1"})["ok"]
    here.get_received("/live")
    there.get_received("/live")
    chair = live_client(issue_token("chair", "plenary-1"))
    assert ack(chair, "timer", {"session": "plenary-1", "action": "start"})["ok"]
    assert any(e["name"] == "state" for e in here.get_received("/live"))
    assert not any(e["name"] == "state" for e in there.get_received("/live"))
    # The original's organiser link cannot touch the clone.
    done = client.patch("/api/v1/conferences/gcm-arab-2022/sessions/plenary-1/slots/plenary-1-state-a",
                        json={"minutes": 4}, headers=auth)
    assert done.status_code == 403


def test_the_balance_counts_open_discussion_interventions_for_their_speakers(client, live_client, issue_token, clock):
    chair = live_client(issue_token("chair", "plenary-1"))
    speaker = live_client(issue_token("participant", "plenary-1", name="NGO", group="civil_society",
                                      delegation="Lebanon"))
    assert ack(chair, "slot", {"session": "plenary-1", "action": "goto", "slot": "plenary-1-discussion"})["ok"]
    entry = ack(speaker, "queue", {"session": "plenary-1", "action": "request"})["entry"]
    assert ack(chair, "queue", {"session": "plenary-1", "action": "grant", "entry": entry})["ok"]
    clock.advance(90)
    assert ack(chair, "queue", {"session": "plenary-1", "action": "finish"})["ok"]
    auth = {"Authorization": f"Bearer {issue_token('organiser')}"}
    figures = client.get(f"/api/v1/conferences/{SLUG}/balance?session=plenary-1", headers=auth).get_json()
    groups = {line["value"]: line for line in figures["group"]}
    assert (groups["civil_society"]["actual_turns"], groups["civil_society"]["actual_s"]) == (1, 90)
    assert groups["civil_society"]["planned_turns"] == 0
    delegations = {line["value"]: line for line in figures["delegation"]}
    assert delegations["Lebanon"]["actual_s"] == 90
    assert groups["open_discussion"]["planned_turns"] == 1
