"""The `timer` and `slot` events over Socket.IO (in-process clients)."""
from __future__ import annotations

from conftest import ack


def test_chair_starts_timer_and_participant_in_room_receives_running_state(issue_token, live_client, clock):
    chair = live_client(issue_token("chair", session="plenary-1"))
    viewer = live_client()
    assert ack(chair, "join", {"session": "plenary-1"})["ok"]
    joined = ack(viewer, "join", {"session": "plenary-1"})
    assert joined["state"]["timer"]["status"] == "idle"
    assert joined["state"]["slot"] == "plenary-1-state-a"
    viewer.get_received("/live")

    answer = ack(chair, "timer", {"session": "plenary-1", "action": "start"})

    assert answer["ok"] is True
    [event] = [e for e in viewer.get_received("/live") if e["name"] == "state"]
    state = event["args"][0]
    assert state["version"] == 1
    assert state["timer"] == {"status": "running", "limit_s": 300, "elapsed_ms": 0,
                              "started_at": state["server_time"], "warn_s": 60}


def test_participant_cannot_start_the_timer(issue_token, live_client):
    participant = live_client(issue_token("participant", name="Delegate"))
    answer = ack(participant, "timer", {"session": "plenary-1", "action": "start"})
    assert answer == {"ok": False, "error": {"code": "forbidden", "message": "Your role may not do this in this session."}}


def test_anonymous_viewer_cannot_start_the_timer(live_client):
    answer = ack(live_client(), "timer", {"session": "plenary-1", "action": "start"})
    assert answer["error"]["code"] == "unauthorized"


def test_chair_of_another_session_is_forbidden(issue_token, live_client):
    chair = live_client(issue_token("chair", session="plenary-2"))
    assert ack(chair, "timer", {"session": "plenary-1", "action": "start"})["error"]["code"] == "forbidden"


def test_unknown_session_is_not_found(issue_token, live_client):
    chair = live_client(issue_token("chair", session="plenary-1"))
    assert ack(chair, "join", {"session": "no-such-session"})["error"]["code"] == "not_found"


def test_pausing_an_idle_timer_is_invalid_state_and_changes_nothing(issue_token, live_client):
    chair = live_client(issue_token("chair", session="plenary-1"))
    before = ack(chair, "join", {"session": "plenary-1"})["state"]
    answer = ack(chair, "timer", {"session": "plenary-1", "action": "pause"})
    after = ack(chair, "join", {"session": "plenary-1"})["state"]
    assert answer["error"]["code"] == "invalid_state"
    assert after["version"] == before["version"] == 0


def test_malformed_payloads_get_bad_request(issue_token, live_client):
    chair = live_client(issue_token("chair", session="plenary-1"))
    for payload in ([1, 2], "start", {"session": 5, "action": "start"}, {"session": "plenary-1"},
                    {"session": "plenary-1", "action": "explode"}, {"session": "plenary-1", "action": "adjust", "seconds": "ten"},
                    {"session": "plenary-1", "action": "start", "pad": "x" * 20000}):
        answer = chair.emit("timer", payload, namespace="/live", callback=True)
        assert answer["ok"] is False and answer["error"]["code"] == "bad_request", payload
    assert chair.is_connected("/live")


def test_invalid_token_is_refused_at_connect(loaded_app):
    from conference.extensions import socketio

    client = socketio.test_client(loaded_app, namespace="/live", auth={"token": "forged"})
    assert not client.is_connected("/live")


def test_next_slot_halts_timer_records_actual_and_loads_next_limit(issue_token, live_client, clock):
    chair = live_client(issue_token("chair", session="plenary-1"))
    ack(chair, "join", {"session": "plenary-1"})
    ack(chair, "timer", {"session": "plenary-1", "action": "start"})
    clock.advance(seconds=290)
    state = ack(chair, "slot", {"session": "plenary-1", "action": "next"})["state"]
    assert state["slot"] == "plenary-1-state-b"
    assert state["timer"]["status"] == "idle" and state["timer"]["elapsed_ms"] == 0
    assert state["actuals"] == {"plenary-1-state-a": 290_000}
    state = ack(chair, "slot", {"session": "plenary-1", "action": "goto", "slot": "plenary-1-discussion"})["state"]
    assert state["timer"]["limit_s"] == 30 * 60
