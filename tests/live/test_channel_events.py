"""The `channel` event over Socket.IO (in-process clients): every action and its refusals, and the
floor following the chair's slot moves, on the small channels-demo conference."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import select

from conference.live import listener_hub
from conftest import ack, load_agenda_file

AGENDA = Path(__file__).resolve().parent.parent / "data" / "agendas" / "channels.toml"
CONF, SESSION = "channels-demo", "plenary-1"
FORBIDDEN = {"ok": False, "error": {"code": "forbidden", "message": "Your role may not do this in this session."}}


@pytest.fixture
def demo(loaded_app, clock, issue_token, live_client):
    """The channels-demo conference loaded; `demo.token(role, ...)` and `demo.client(token)`."""
    load_agenda_file(loaded_app, AGENDA, clock.now())

    class Demo:
        app = loaded_app

        @staticmethod
        def token(role, session=None, **fields):
            return issue_token(role, session=session, conference=CONF, **fields)

        @staticmethod
        def client(token=None):
            client = live_client(token)
            assert ack(client, "join", {"session": SESSION, "conference": CONF})["ok"]
            client.get_received("/live")
            return client

    return Demo


def send(sender, action, **payload):
    return ack(sender, "channel", {"session": SESSION, "conference": CONF, "action": action, **payload})


def broadcasts(client):
    return [e["args"][0] for e in client.get_received("/live") if e["name"] == "state"]


def booths(state):
    return {b["language"]: (b["on"], b["mode"], b["via"]) for b in state["channels"]["booths"]}


# -- joining ----------------------------------------------------------------------------------

def test_join_state_carries_the_channels(demo):
    state = ack(demo.client(), "join", {"session": SESSION, "conference": CONF})["state"]

    channels = state["channels"]
    assert (channels["floor"], channels["warnings"], channels["slowdown"]) == ("ar", [], None)
    assert channels["booths"] == [
        {"language": "ar", "on": True, "mode": "floor", "via": None},
        {"language": "en", "on": True, "mode": "direct", "via": None},
        {"language": "fr", "on": True, "mode": "relay", "via": "en"},
    ]
    assert channels["listen"] == {"floor": "https://media.example.org/channels-demo/floor",
                                  "ar": "https://media.example.org/channels-demo/ar",
                                  "en": "https://media.example.org/channels-demo/en"}
    assert channels["listeners"] == {"floor": 0, "ar": 0, "en": 0, "fr": 0}
    assert channels["turns"] == {"ar": None, "en": None, "fr": None}


# -- the floor follows the chair's slot moves -----------------------------------------------------

def test_chair_moving_to_the_french_speaker_broadcasts_french_floor_and_new_modes(demo):
    chair = demo.client(demo.token("chair", session=SESSION))
    viewer = demo.client()

    answer = ack(chair, "slot", {"session": SESSION, "conference": CONF, "action": "next"})

    assert answer["ok"] is True
    [state] = broadcasts(viewer)
    assert (state["slot"], state["channels"]["floor"]) == ("plenary-1-morocco", "fr")
    assert booths(state) == {"ar": (True, "direct", None), "en": (True, "direct", None), "fr": (True, "floor", None)}
    assert state["channels"]["floor_source"]["kind"] == "slot"


def test_automatic_floor_switch_is_written_to_the_event_log(demo):
    from sessions.models import EventLog

    chair = demo.client(demo.token("chair", session=SESSION))
    ack(chair, "slot", {"session": SESSION, "conference": CONF, "action": "next"})

    with demo.app.extensions["minbar.db"].session_scope() as db:
        [row] = db.scalars(select(EventLog).where(EventLog.session_key == SESSION, EventLog.action == "slot.next")).all()
        assert row.note == "floor ar -> fr (automatic: the speaker's language, slot plenary-1-morocco)"


# -- floor ------------------------------------------------------------------------------------

def test_interpreter_sets_the_floor_and_everyone_sees_it(demo):
    interpreter = demo.client(demo.token("interpreter", booth="fr", name="Anne"))
    viewer = demo.client()

    answer = send(interpreter, "floor", language="en")

    assert answer["ok"] is True
    assert answer["state"]["channels"]["floor"] == "en"
    [state] = broadcasts(viewer)
    assert booths(state) == {"ar": (True, "direct", None), "en": (True, "floor", None), "fr": (True, "direct", None)}
    assert state["channels"]["floor_source"]["kind"] == "manual"


def test_chair_sets_the_floor(demo):
    chair = demo.client(demo.token("chair", session=SESSION))

    assert send(chair, "floor", language="fr")["state"]["channels"]["floor"] == "fr"


def test_participant_setting_the_floor_is_forbidden(demo):
    participant = demo.client(demo.token("participant", name="Delegate"))

    assert send(participant, "floor", language="fr") == FORBIDDEN


def test_anonymous_setting_the_floor_is_unauthorized(demo):
    assert send(demo.client(), "floor", language="fr")["error"]["code"] == "unauthorized"


def test_speaker_setting_the_floor_is_forbidden(demo):
    speaker = demo.client(demo.token("speaker", session=SESSION))

    assert send(speaker, "floor", language="fr") == FORBIDDEN


@pytest.mark.parametrize("language", ["es", "", None, 7, "floor"])
def test_floor_unknown_language_is_bad_request_and_changes_nothing(demo, language):
    chair = demo.client(demo.token("chair", session=SESSION))

    answer = send(chair, "floor", language=language)

    assert answer == {"ok": False, "error": {"code": "bad_request",
                                             "message": "The floor language must be one of ar, en, fr."}}
    assert ack(chair, "join", {"session": SESSION, "conference": CONF})["state"]["version"] == 0


# -- booth ------------------------------------------------------------------------------------

def test_interpreter_switches_their_booth_off_and_on(demo):
    interpreter = demo.client(demo.token("interpreter", booth="en", name="Omar"))
    viewer = demo.client()

    off = send(interpreter, "booth", booth="en", on=False)

    assert booths(off["state"]) == {"ar": (True, "floor", None), "en": (False, "unavailable", None),
                                    "fr": (True, "unavailable", None)}
    assert [w["code"] for w in off["state"]["channels"]["warnings"]] == ["no_path", "relay_source_off"]
    on = send(interpreter, "booth", booth="en", on=True)
    assert booths(on["state"])["fr"] == (True, "relay", "en")
    assert [s["version"] for s in broadcasts(viewer)] == [1, 2]


def test_interpreter_switching_another_booth_is_forbidden(demo):
    interpreter = demo.client(demo.token("interpreter", booth="fr", name="Anne"))

    assert send(interpreter, "booth", booth="en", on=False) == FORBIDDEN


def test_chair_switches_any_booth(demo):
    chair = demo.client(demo.token("chair", session=SESSION))

    assert booths(send(chair, "booth", booth="fr", on=False)["state"])["fr"] == (False, "unavailable", None)


def test_participant_switching_a_booth_is_forbidden(demo):
    participant = demo.client(demo.token("participant", name="Delegate"))

    assert send(participant, "booth", booth="fr", on=False) == FORBIDDEN


@pytest.mark.parametrize("payload,code", [({"booth": "es", "on": False}, "not_found"),
                                          ({"booth": "fr", "on": "no"}, "bad_request"),
                                          ({"booth": "fr"}, "bad_request"),
                                          ({"on": False}, "bad_request")])
def test_bad_booth_commands_are_refused(demo, payload, code):
    chair = demo.client(demo.token("chair", session=SESSION))

    assert send(chair, "booth", **payload)["error"]["code"] == code


# -- select -----------------------------------------------------------------------------------

def listener_events(client):
    return [e["args"][0] for e in client.get_received("/live") if e["name"] == "listeners"]


def test_select_counts_listeners_per_channel_for_tokens_and_anonymous_browsers(demo):
    participant = demo.client(demo.token("participant", name="Delegate"))
    anonymous, another = demo.client(), demo.client()
    chair = demo.client(demo.token("chair", session=SESSION))

    assert send(participant, "select", language="fr")["ok"] is True
    assert send(anonymous, "select", language="fr", client="browser-abc-123")["ok"] is True
    answer = send(another, "select", language="floor", client="browser-def-456")

    assert answer["state"]["channels"]["listeners"] == {"floor": 1, "ar": 0, "en": 0, "fr": 2}
    assert answer["listeners"] == {"floor": 1, "ar": 0, "en": 0, "fr": 2}
    # Channel choices are not STATE changes: the counts go to the room as a `listeners` event at
    # most every LISTENERS_PUBLISH_S, and every STATE sent carries the current counts.
    assert broadcasts(chair) == []
    deadline = time.monotonic() + 3 * listener_hub.LISTENERS_PUBLISH_S
    published = []
    while not published and time.monotonic() < deadline:
        time.sleep(0.1)
        published = listener_events(chair)
    assert published[-1] == {"conference": CONF, "session": SESSION, "server_time": published[-1]["server_time"],
                             "listeners": {"floor": 1, "ar": 0, "en": 0, "fr": 2}}
    send(chair, "floor", language="en")
    assert broadcasts(chair)[-1]["channels"]["listeners"] == {"floor": 1, "ar": 0, "en": 0, "fr": 2}


def test_one_anonymous_connection_counts_once_whatever_client_ids_it_sends(demo):
    anonymous = demo.client()
    for n in range(25):   # within the rate limit's burst
        assert send(anonymous, "select", language=("fr", "en")[n % 2], client=f"fake-listener-{n:04d}")["ok"]
    answer = send(anonymous, "select", language="fr", client="fake-listener-last")
    assert answer["listeners"] == {"floor": 0, "ar": 0, "en": 0, "fr": 1}
    anonymous.disconnect(namespace="/live")
    watcher = demo.client()
    assert ack(watcher, "join", {"session": SESSION, "conference": CONF})["state"]["channels"]["listeners"]["fr"] == 0


def test_select_changes_no_version_and_writes_neither_the_state_row_nor_the_event_log(demo):
    from sessions.models import EventLog, LiveStateRow

    participant = demo.client(demo.token("participant", name="Delegate"))
    first = send(participant, "select", language="ar")
    others = [demo.client() for _ in range(5)]
    for n, client in enumerate(others * 4):
        assert send(client, "select", language=("ar", "en", "fr")[n % 3])["ok"]

    again = send(participant, "select", language="ar")

    assert (first["state"]["version"], again["state"]["version"]) == (0, 0)
    with demo.app.extensions["minbar.db"].session_scope() as db:
        assert db.scalars(select(EventLog).where(EventLog.action == "channel.select")).all() == []
        rows = db.scalars(select(LiveStateRow)).all()
        assert all("listeners" not in (row.data or {}).get("channels", {}) for row in rows)
        assert all(row.version == 0 for row in rows)


def test_repeated_select_is_acknowledged_without_a_new_version(demo):
    participant = demo.client(demo.token("participant", name="Delegate"))
    first = send(participant, "select", language="ar")

    again = send(participant, "select", language="ar")

    assert (first["state"]["version"], again["state"]["version"]) == (0, 0)
    assert broadcasts(participant) == []


@pytest.mark.parametrize("payload", [{"language": "es"}, {"language": None}, {},
                                     {"language": "fr", "client": "short"}, {"language": "fr", "client": ["x"]}])
def test_select_unknown_channel_or_bad_client_id_is_bad_request(demo, payload):
    assert send(demo.client(), "select", **payload)["error"]["code"] == "bad_request"


# -- slowdown and handover ----------------------------------------------------------------------

def test_interpreter_asks_to_slow_down_and_the_chair_clears_it(demo, clock):
    interpreter = demo.client(demo.token("interpreter", booth="fr", name="Anne"))
    chair = demo.client(demo.token("chair", session=SESSION))

    raised = send(interpreter, "slowdown")

    assert raised["state"]["channels"]["slowdown"] == {"booth": "fr", "at": raised["state"]["server_time"]}
    assert broadcasts(chair)[-1]["channels"]["slowdown"]["booth"] == "fr"
    assert send(chair, "slowdown", on=False)["state"]["channels"]["slowdown"] is None


def test_slowdown_ends_when_the_chair_moves_to_the_next_speaker(demo, clock):
    interpreter = demo.client(demo.token("interpreter", booth="fr", name="Anne"))
    chair = demo.client(demo.token("chair", session=SESSION))
    viewer = demo.client()
    send(interpreter, "slowdown")
    clock.advance(seconds=2)                 # well within the signal's 20 seconds

    moved = ack(chair, "slot", {"session": SESSION, "conference": CONF, "action": "next"})

    assert moved["state"]["slot"] == "plenary-1-morocco"
    assert moved["state"]["channels"]["slowdown"] is None
    assert broadcasts(viewer)[-1]["channels"]["slowdown"] is None
    assert ack(viewer, "join", {"session": SESSION, "conference": CONF})["state"]["channels"]["slowdown"] is None


def test_slowdown_for_another_booth_is_forbidden(demo):
    interpreter = demo.client(demo.token("interpreter", booth="fr", name="Anne"))

    assert send(interpreter, "slowdown", booth="en") == FORBIDDEN


def test_participant_slowdown_is_forbidden(demo):
    participant = demo.client(demo.token("participant", name="Delegate"))

    assert send(participant, "slowdown", booth="fr") == FORBIDDEN


def test_handover_restarts_the_turn_timer(demo, clock):
    interpreter = demo.client(demo.token("interpreter", booth="ar", name="Rana"))

    first = send(interpreter, "handover")
    clock.advance(seconds=1800)
    second = send(interpreter, "handover", interpreter="Karim", minutes=25)

    assert first["state"]["channels"]["turns"]["ar"] == {
        "started_at": first["state"]["server_time"], "turn_s": 1800, "interpreter": "Rana"}
    assert second["state"]["channels"]["turns"]["ar"] == {
        "started_at": second["state"]["server_time"], "turn_s": 1500, "interpreter": "Karim"}


def test_handover_for_another_booth_is_forbidden_and_bad_minutes_bad_request(demo):
    interpreter = demo.client(demo.token("interpreter", booth="ar", name="Rana"))

    assert send(interpreter, "handover", booth="fr") == FORBIDDEN
    assert send(interpreter, "handover", minutes=500)["error"]["code"] == "bad_request"


def test_unknown_channel_action_is_bad_request(demo):
    chair = demo.client(demo.token("chair", session=SESSION))

    assert send(chair, "explode")["error"]["code"] == "bad_request"


def test_channel_state_survives_reloading_from_the_database(demo):
    chair = demo.client(demo.token("chair", session=SESSION))
    send(chair, "booth", booth="en", on=False)
    send(chair, "floor", language="fr")

    fresh = demo.client()
    state = ack(fresh, "join", {"session": SESSION, "conference": CONF})["state"]

    assert (state["version"], state["channels"]["floor"]) == (2, "fr")
    assert booths(state)["en"] == (False, "unavailable", None)


# -- interventions from the list of speakers ------------------------------------------------------

def test_granting_the_floor_to_a_french_speaking_delegate_switches_the_floor_and_warns_ahead(demo):
    chair = demo.client(demo.token("chair", session=SESSION))
    delegate = demo.client(demo.token("participant", name="Delegate of Tunisia", language="ar"))
    ack(chair, "slot", {"session": SESSION, "conference": CONF, "action": "goto", "slot": "plenary-1-discussion"})
    send(chair, "floor", language="fr")
    send(chair, "booth", booth="en", on=False)
    request = ack(delegate, "queue", {"session": SESSION, "conference": CONF, "action": "request"})
    assert request["ok"] is True

    # Waiting: an Arabic speaker next, with English off, would leave French without a path.
    warnings = request["state"]["channels"]["warnings"]
    entry = request["state"]["queue"]["entries"][0]["id"]
    assert [(w["code"], w["language"], w["speaker_language"], w["entry"]) for w in warnings] == [
        ("next_no_path", "fr", "ar", entry)]

    granted = ack(chair, "queue", {"session": SESSION, "conference": CONF, "action": "grant", "entry": entry})

    channels = granted["state"]["channels"]
    assert (channels["floor"], channels["floor_source"]["kind"], channels["floor_source"]["entry"]) == (
        "ar", "intervention", entry)
    assert [w["code"] for w in channels["warnings"]] == ["no_path", "relay_source_off"]
