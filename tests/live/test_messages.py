"""The console's own commands over Socket.IO (in-process clients): the chair's `message` to the
speaker, the `timer` action `thresholds`, and the `started` part (the session's actual start)."""
from __future__ import annotations

import pytest

from conftest import ack
from timing.clock import to_ms

SESSION = "plenary-1"


@pytest.fixture
def chair(issue_token, live_client):
    client = live_client(issue_token("chair", session=SESSION))
    assert ack(client, "join", {"session": SESSION})["ok"]
    return client


def state_of(client) -> dict:
    return ack(client, "join", {"session": SESSION})["state"]


# -- message -------------------------------------------------------------------------------

def test_message_is_null_before_the_chair_sends_one(chair):
    assert state_of(chair)["message"] is None


def test_chair_sends_a_free_text_message_and_the_room_receives_it(chair, live_client, clock):
    viewer = live_client()
    ack(viewer, "join", {"session": SESSION})
    viewer.get_received("/live")

    answer = ack(chair, "message", {"session": SESSION, "action": "send", "text": "  Two minutes left.  ", "preset": None})

    assert answer["ok"] is True
    expected = {"text": "Two minutes left.", "preset": None, "sent_at": to_ms(clock.now()), "slot": "plenary-1-state-a"}
    assert answer["state"]["message"] == expected
    [event] = [e for e in viewer.get_received("/live") if e["name"] == "state"]
    assert event["args"][0]["message"] == expected


def test_chair_sends_the_conclude_preset_without_text(chair, clock):
    answer = ack(chair, "message", {"session": SESSION, "action": "send", "preset": "conclude"})
    assert answer["state"]["message"] == {"text": "", "preset": "conclude", "sent_at": to_ms(clock.now()),
                                          "slot": "plenary-1-state-a"}


def test_sending_again_replaces_the_message(chair):
    ack(chair, "message", {"session": SESSION, "action": "send", "text": "first"})
    answer = ack(chair, "message", {"session": SESSION, "action": "send", "text": "second", "preset": "conclude"})
    assert (answer["state"]["message"]["text"], answer["state"]["message"]["preset"]) == ("second", "conclude")


def test_clear_removes_the_message(chair):
    ack(chair, "message", {"session": SESSION, "action": "send", "text": "hello"})
    answer = ack(chair, "message", {"session": SESSION, "action": "clear"})
    assert answer["ok"] is True and answer["state"]["message"] is None


def test_clearing_when_there_is_no_message_is_invalid_state_and_changes_nothing(chair):
    before = state_of(chair)
    answer = ack(chair, "message", {"session": SESSION, "action": "clear"})
    assert answer == {"ok": False, "error": {"code": "invalid_state", "message": "There is no message to clear."}}
    assert state_of(chair)["version"] == before["version"]


def test_message_text_is_stored_as_plain_text_not_markup(chair):
    answer = ack(chair, "message", {"session": SESSION, "action": "send", "text": "<b>Stop</b> & go"})
    assert answer["state"]["message"]["text"] == "<b>Stop</b> & go"


def test_message_of_280_characters_is_accepted(chair):
    answer = ack(chair, "message", {"session": SESSION, "action": "send", "text": "م" * 280})
    assert answer["ok"] is True and len(answer["state"]["message"]["text"]) == 280


@pytest.mark.parametrize("payload", [
    {"action": "send", "text": "x" * 281},
    {"action": "send", "text": ""},
    {"action": "send", "text": "   "},
    {"action": "send"},
    {"action": "send", "text": 42},
    {"action": "send", "text": ["a"]},
    {"action": "send", "text": "ok", "preset": "hurry"},
    {"action": "send", "text": "ok", "preset": 1},
    {"action": "send", "text": "bell\x07"},
    {"action": "shout", "text": "ok"},
])
def test_bad_message_payloads_are_bad_request_and_change_nothing(chair, payload):
    before = state_of(chair)
    answer = ack(chair, "message", {"session": SESSION, **payload})
    assert answer["ok"] is False and answer["error"]["code"] == "bad_request", payload
    after = state_of(chair)
    assert (after["version"], after["message"]) == (before["version"], None)


def test_participant_may_not_send_a_message(issue_token, live_client):
    participant = live_client(issue_token("participant", name="Delegate"))
    answer = ack(participant, "message", {"session": SESSION, "action": "send", "text": "hi"})
    assert answer["error"]["code"] == "forbidden"


def test_speaker_may_not_send_a_message(issue_token, live_client):
    speaker = live_client(issue_token("speaker", session=SESSION, name="Speaker"))
    assert ack(speaker, "message", {"session": SESSION, "action": "send", "text": "hi"})["error"]["code"] == "forbidden"


def test_anonymous_viewer_may_not_send_a_message(live_client):
    answer = ack(live_client(), "message", {"session": SESSION, "action": "send", "text": "hi"})
    assert answer["error"]["code"] == "unauthorized"


def test_chair_of_another_session_may_not_send_a_message(issue_token, live_client):
    other = live_client(issue_token("chair", session="plenary-2"))
    assert ack(other, "message", {"session": SESSION, "action": "send", "text": "hi"})["error"]["code"] == "forbidden"


def test_organiser_may_send_a_message(issue_token, live_client):
    organiser = live_client(issue_token("organiser", name="Secretariat"))
    assert ack(organiser, "message", {"session": SESSION, "action": "send", "preset": "conclude"})["ok"] is True


def test_message_to_an_unknown_session_is_not_found(chair):
    answer = ack(chair, "message", {"session": "no-such-session", "action": "send", "text": "hi"})
    assert answer["error"]["code"] == "not_found"


def test_message_is_persisted_and_logged(chair, loaded_app):
    from sqlalchemy import select

    from sessions.models import EventLog

    ack(chair, "message", {"session": SESSION, "action": "send", "text": "Noted"})
    assert state_of(chair)["message"]["text"] == "Noted"
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        row = db.scalars(select(EventLog).where(EventLog.action == "message.send")).one()
    assert (row.session_key, row.payload["text"]) == (SESSION, "Noted")


def test_message_remembers_the_slot_it_was_sent_in(chair):
    ack(chair, "message", {"session": SESSION, "action": "send", "preset": "conclude"})
    state = ack(chair, "slot", {"session": SESSION, "action": "next"})["state"]
    assert (state["slot"], state["message"]["slot"]) == ("plenary-1-state-b", "plenary-1-state-a")


# -- timer thresholds ------------------------------------------------------------------------

def test_chair_sets_the_amber_threshold(chair):
    answer = ack(chair, "timer", {"session": SESSION, "action": "thresholds", "warn_s": 120})
    assert answer["ok"] is True and answer["state"]["timer"]["warn_s"] == 120


def test_threshold_survives_reset_next_slot_and_a_running_timer(chair, clock):
    ack(chair, "timer", {"session": SESSION, "action": "thresholds", "warn_s": 30})
    ack(chair, "timer", {"session": SESSION, "action": "start"})
    clock.advance(seconds=10)
    ack(chair, "timer", {"session": SESSION, "action": "adjust", "seconds": 60})
    ack(chair, "timer", {"session": SESSION, "action": "reset"})
    state = ack(chair, "slot", {"session": SESSION, "action": "next"})["state"]
    assert state["timer"] == {"status": "idle", "limit_s": 300, "elapsed_ms": 0, "started_at": None, "warn_s": 30}


def test_setting_the_threshold_keeps_the_running_timer(chair, clock):
    ack(chair, "timer", {"session": SESSION, "action": "start"})
    clock.advance(seconds=42)
    state = ack(chair, "timer", {"session": SESSION, "action": "thresholds", "warn_s": 0})["state"]
    assert (state["timer"]["status"], state["timer"]["elapsed_ms"], state["timer"]["warn_s"]) == ("running", 42000, 0)


@pytest.mark.parametrize("warn_s", [-1, 3601, "60", 1.5, True, None])
def test_bad_threshold_is_bad_request_and_changes_nothing(chair, warn_s):
    answer = ack(chair, "timer", {"session": SESSION, "action": "thresholds", "warn_s": warn_s})
    assert answer["ok"] is False and answer["error"]["code"] == "bad_request"
    assert state_of(chair)["timer"]["warn_s"] == 60


def test_participant_may_not_set_the_threshold(issue_token, live_client):
    participant = live_client(issue_token("participant", name="Delegate"))
    answer = ack(participant, "timer", {"session": SESSION, "action": "thresholds", "warn_s": 10})
    assert answer["error"]["code"] == "forbidden"


# -- the session's actual start --------------------------------------------------------------

def test_started_is_null_until_the_first_timer_start(chair):
    assert state_of(chair)["started"] == {"started_at": None}
    ack(chair, "message", {"session": SESSION, "action": "send", "text": "before"})
    assert state_of(chair)["started"] == {"started_at": None}


def test_first_timer_start_sets_started_and_later_commands_keep_it(chair, clock):
    first = to_ms(clock.now())
    ack(chair, "timer", {"session": SESSION, "action": "start"})
    clock.advance(seconds=300)
    ack(chair, "slot", {"session": SESSION, "action": "next"})
    state = ack(chair, "timer", {"session": SESSION, "action": "start"})["state"]
    assert state["started"] == {"started_at": first}


def test_first_slot_move_sets_started(chair, clock):
    state = ack(chair, "slot", {"session": SESSION, "action": "goto", "slot": "plenary-1-state-c"})["state"]
    assert state["started"] == {"started_at": to_ms(clock.now())}
