"""Every refusal of the `timer` and `slot` families, and the `clock` event (in-process clients).

Each refusal must answer `{"ok": false, "error": {"code", "message"}}`, change nothing (the
session's STATE, version included, is the same afterwards), broadcast nothing to the room and
leave the connection open. tests/live/test_timer_events.py covers the first case of each code;
this file walks all of them.
"""
from __future__ import annotations

import pytest

from conftest import ack
from live_socket import settled
from timing.clock import to_ms

SESSION = "plenary-1"
FIRST, LAST = "plenary-1-state-a", "plenary-1-discussion"
TIMER_ACTIONS = ("start", "pause", "resume", "reset", "adjust")
SLOT_ACTIONS = ("next", "prev", "goto")


def command(family: str, action: str, **extra) -> dict:
    payload = {"session": SESSION, "action": action, **extra}
    if family == "timer" and action == "adjust":
        payload.setdefault("seconds", 60)
    if family == "slot" and action == "goto":
        payload.setdefault("slot", LAST)
    return payload


@pytest.fixture
def room(issue_token, live_client):
    """The chair and an anonymous watcher in plenary-1's room; `.state()` reads STATE afresh."""
    class Room:
        chair = live_client(issue_token("chair", session=SESSION))
        watcher = live_client()

        def state(self) -> dict:
            return settled(ack(self.watcher, "join", {"session": SESSION})["state"])

        def drain(self) -> None:
            self.watcher.get_received("/live")

        def broadcasts(self) -> list:
            return [e for e in self.watcher.get_received("/live") if e["name"] == "state"]

    r = Room()
    assert ack(r.chair, "join", {"session": SESSION})["ok"]
    r.state()
    r.drain()
    return r


def assert_refused(answer: dict, code: str) -> None:
    assert answer["ok"] is False, answer
    assert set(answer) == {"ok", "error"}
    assert answer["error"]["code"] == code, answer
    assert isinstance(answer["error"]["message"], str) and answer["error"]["message"]


def assert_refusal_changes_nothing(room, client, family: str, payload, code: str) -> None:
    before = room.state()
    room.drain()
    answer = client.emit(family, payload, namespace="/live", callback=True)
    assert_refused(answer, code)
    assert room.broadcasts() == []
    assert room.state() == before
    assert client.is_connected("/live")


# -- who may ------------------------------------------------------------------------------

@pytest.mark.parametrize("family,action", [("timer", a) for a in TIMER_ACTIONS] + [("slot", a) for a in SLOT_ACTIONS])
def test_participant_is_forbidden_every_timer_and_slot_action(room, issue_token, live_client, family, action):
    participant = live_client(issue_token("participant", name="Delegate of Jordan"))
    assert_refusal_changes_nothing(room, participant, family, command(family, action), "forbidden")


@pytest.mark.parametrize("role,fields", [
    ("speaker", {"session": SESSION, "name": "State A"}),
    ("rapporteur", {"session": SESSION}),
    ("interpreter", {"booth": "fr"}),
])
def test_other_roles_of_the_session_are_forbidden_the_timer(room, issue_token, live_client, role, fields):
    someone = live_client(issue_token(role, **fields))
    assert_refusal_changes_nothing(room, someone, "timer", command("timer", "start"), "forbidden")
    assert_refusal_changes_nothing(room, someone, "slot", command("slot", "next"), "forbidden")


@pytest.mark.parametrize("family,action", [("timer", a) for a in TIMER_ACTIONS] + [("slot", a) for a in SLOT_ACTIONS])
def test_chair_of_another_session_is_forbidden_every_action(room, issue_token, live_client, family, action):
    other_chair = live_client(issue_token("chair", session="plenary-2"))
    assert_refusal_changes_nothing(room, other_chair, family, command(family, action), "forbidden")


def test_organiser_of_another_conference_is_forbidden(room, loaded_app, live_client, clock):
    from conference.models import Conference
    from speakers import access

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        other = Conference(slug="other-2022", title={"en": "Other"}, timezone="Asia/Beirut",
                           languages=["ar", "en", "fr"], modified_at=clock.now())
        db.add(other)
        db.flush()
        token, _row = access.issue(db, conference=other, role="organiser", now=clock.now(),
                                   secret=loaded_app.config["SECRET_KEY"])
    organiser = live_client(token)
    payload = {**command("timer", "start"), "conference": "gcm-arab-2021"}
    assert_refusal_changes_nothing(room, organiser, "timer", payload, "forbidden")


def test_anonymous_watcher_needs_a_token_for_slots(room):
    assert_refusal_changes_nothing(room, room.watcher, "slot", command("slot", "next"), "unauthorized")


# -- what does not exist ------------------------------------------------------------------

@pytest.mark.parametrize("family,action", [("timer", "start"), ("slot", "next")])
def test_unknown_session_is_not_found(room, family, action):
    payload = {**command(family, action), "session": "plenary-99"}
    assert_refusal_changes_nothing(room, room.chair, family, payload, "not_found")


def test_unknown_conference_is_not_found(room):
    payload = {**command("timer", "start"), "conference": "no-such-conference"}
    assert_refusal_changes_nothing(room, room.chair, "timer", payload, "not_found")


@pytest.mark.parametrize("target", ["plenary-1-state-z", "plenary-2-state-g", "nope"])
def test_goto_an_unknown_slot_or_another_sessions_slot_is_not_found(room, target):
    assert_refusal_changes_nothing(room, room.chair, "slot", command("slot", "goto", slot=target), "not_found")


# -- malformed payloads -------------------------------------------------------------------

MALFORMED = {
    "a list": [SESSION, "start"],
    "a string": "start",
    "a number": 42,
    "an empty object": {},
    "no action": {"session": SESSION},
    "action not a string": {"session": SESSION, "action": ["start"]},
    "unknown action": {"session": SESSION, "action": "explode"},
    "session not a string": {"session": 1, "action": "start"},
    "session with capitals": {"session": "Plenary-1", "action": "start"},
    "session with a slash": {"session": "plenary-1/../x", "action": "start"},
    "session too long": {"session": "p" * 121, "action": "start"},
    "conference not a slug": {"session": SESSION, "conference": "GCM 2021", "action": "start"},
    "oversized": {"session": SESSION, "action": "start", "pad": "x" * 17_000},
    "oversized in Arabic": {"session": SESSION, "action": "start", "note": "م" * 9_000},
}


@pytest.mark.parametrize("payload", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_timer_payload_is_bad_request_and_changes_nothing(room, payload):
    assert_refusal_changes_nothing(room, room.chair, "timer", payload, "bad_request")


@pytest.mark.parametrize("payload", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_slot_payload_is_bad_request_and_changes_nothing(room, payload):
    if isinstance(payload, dict) and payload.get("action") == "start":
        payload = {**payload, "action": "next"}
    assert_refusal_changes_nothing(room, room.chair, "slot", payload, "bad_request")


@pytest.mark.parametrize("seconds", [None, "60", 1.5, True, 0, 3601, -3601, [60], {"s": 60}])
def test_adjust_with_bad_seconds_is_bad_request(room, seconds):
    payload = {"session": SESSION, "action": "adjust", "seconds": seconds}
    assert_refusal_changes_nothing(room, room.chair, "timer", payload, "bad_request")


def test_event_without_a_payload_is_bad_request(room):
    before = room.state()
    answer = room.chair.emit("timer", namespace="/live", callback=True)
    assert_refused(answer, "bad_request")
    assert room.state() == before


# -- actions that do not apply now --------------------------------------------------------

def _run(room, *actions: tuple[str, dict]) -> None:
    for family, payload in actions:
        assert ack(room.chair, family, payload)["ok"], (family, payload)


INVALID = {
    "pause when idle": ((), "pause"),
    "resume when idle": ((), "resume"),
    "start when running": (("start",), "start"),
    "resume when running": (("start",), "resume"),
    "start when paused": (("start", "pause"), "start"),
    "pause when paused": (("start", "pause"), "pause"),
}


@pytest.mark.parametrize("setup,action", INVALID.values(), ids=INVALID.keys())
def test_timer_transition_that_does_not_apply_is_invalid_state(room, clock, setup, action):
    for done in setup:
        _run(room, ("timer", command("timer", done)))
        clock.advance(seconds=7)
    assert_refusal_changes_nothing(room, room.chair, "timer", command("timer", action), "invalid_state")


def test_prev_on_the_first_slot_is_invalid_state(room):
    assert room.state()["slot"] == FIRST
    assert_refusal_changes_nothing(room, room.chair, "slot", command("slot", "prev"), "invalid_state")


def test_next_on_the_last_slot_is_invalid_state(room):
    _run(room, ("slot", command("slot", "goto", slot=LAST)))
    assert_refusal_changes_nothing(room, room.chair, "slot", command("slot", "next"), "invalid_state")


def test_slot_move_in_a_session_without_slots_is_invalid_state(issue_token, live_client):
    chair = live_client(issue_token("chair", session="summary-day-1"))
    before = settled(ack(chair, "join", {"session": "summary-day-1"})["state"])
    answer = ack(chair, "slot", {"session": "summary-day-1", "action": "next"})
    assert_refused(answer, "invalid_state")
    assert settled(ack(chair, "join", {"session": "summary-day-1"})["state"]) == before


def test_refusals_in_a_row_leave_the_running_timer_exactly_as_it_was(room, clock):
    _run(room, ("timer", command("timer", "start")))
    clock.advance(seconds=42)
    before = room.state()
    for payload in ({**command("timer", "start")}, {**command("timer", "resume")},
                    {"session": SESSION, "action": "adjust", "seconds": 0}, "junk"):
        assert ack(room.chair, "timer", payload)["ok"] is False
    after = room.state()
    assert after == before
    assert after["timer"]["status"] == "running" and after["timer"]["elapsed_ms"] == 42_000
    assert after["version"] == 1


def test_refusal_is_sent_only_to_the_one_who_asked(room, issue_token, live_client):
    other_chair = live_client(issue_token("chair", session="plenary-2"))
    room.chair.get_received("/live")
    assert ack(other_chair, "timer", command("timer", "start"))["ok"] is False
    assert room.chair.get_received("/live") == []
    assert room.broadcasts() == []


# -- the clock ----------------------------------------------------------------------------

def test_clock_answers_the_app_clock_in_unix_ms(live_client, clock):
    client = live_client()
    clock.advance(ms=1234)
    answer = ack(client, "clock", {})
    assert answer == {"ok": True, "server_time": to_ms(clock.now())}
    assert answer["server_time"] == 1614155401234  # 2021-02-24T08:30:01.234Z


def test_clock_follows_the_app_clock_as_it_moves(live_client, clock):
    client = live_client()
    first = ack(client, "clock", {})["server_time"]
    clock.advance(seconds=90)
    assert ack(client, "clock", {})["server_time"] - first == 90_000


def test_clock_takes_no_arguments_but_tolerates_extra_fields(live_client, clock):
    client = live_client()
    assert client.emit("clock", namespace="/live", callback=True) == {"ok": True, "server_time": to_ms(clock.now())}
    assert ack(client, "clock", {"t0": 5})["server_time"] == to_ms(clock.now())


def test_clock_with_a_malformed_payload_is_bad_request(live_client):
    client = live_client()
    assert_refused(client.emit("clock", "now", namespace="/live", callback=True), "bad_request")
    assert client.is_connected("/live")


def test_clock_against_the_system_clock_is_close_to_now(loaded_app, live_client):
    import time

    from timing.clock import SystemClock

    loaded_app.extensions["minbar.clock"] = SystemClock()
    before = int(time.time() * 1000)
    server_time = ack(live_client(), "clock", {})["server_time"]
    after = int(time.time() * 1000)
    assert before - 5 <= server_time <= after + 5


# -- rooms --------------------------------------------------------------------------------

def test_joining_another_session_leaves_the_first_ones_room(room, live_client):
    wanderer = live_client()
    assert ack(wanderer, "join", {"session": SESSION})["ok"]
    assert ack(wanderer, "join", {"session": "plenary-2"})["state"]["session"] == "plenary-2"
    wanderer.get_received("/live")
    assert ack(room.chair, "timer", command("timer", "start"))["ok"]
    assert wanderer.get_received("/live") == []
    assert [e["args"][0]["version"] for e in room.broadcasts()] == [1]


@pytest.mark.parametrize("target", [None, 5, ["plenary-1-state-b"]])
def test_goto_without_a_slot_id_is_bad_request(room, target):
    payload = command("slot", "goto", slot=target)
    if target is None:
        del payload["slot"]
    assert_refusal_changes_nothing(room, room.chair, "slot", payload, "bad_request")
