"""The channels part and the `channel` family in plain Python: the floor follows the speaker,
warnings, listener counts, the booth switch, slow-down and turns."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from sessions.live import channels_live  # noqa: F401
from sessions.live import channels_state
from sessions.live import listeners  # noqa: F401
from sessions.live import speaking  # noqa: F401
from sessions.live.features import LIVE
from sessions.live.state import BoothConfig, Command, Refused, SessionInfo, SlotInfo
from sessions.live.queue import Entry, Priority, Queue
from speakers.identity import ANONYMOUS, Identity
from timing.clock import to_ms

NOW = datetime(2021, 2, 24, 9, 0, tzinfo=timezone.utc)
CONF, SESSION = "channels-demo", "plenary-1"

CHAIR = Identity(role="chair", conference=CONF, session=SESSION, name="Chair", token_id="t-chair")
FR_INTERPRETER = Identity(role="interpreter", conference=CONF, name="Anne", booth="fr", token_id="t-fr")
EN_INTERPRETER = Identity(role="interpreter", conference=CONF, name="Omar", booth="en", token_id="t-en")
PARTICIPANT = Identity(role="participant", conference=CONF, name="Delegate", token_id="t-p1")
OTHER_PARTICIPANT = Identity(role="participant", conference=CONF, name="Other", token_id="t-p2")

# The French booth works from English only: an Arabic floor puts it on relay through English.
BOOTHS = (BoothConfig("ar", ("en", "fr"), "https://media.example.org/ar"),
          BoothConfig("en", ("ar", "fr"), "https://media.example.org/en"),
          BoothConfig("fr", ("en",)))


def slot(key, language, kind="statement"):
    return SlotInfo(key=key, kind=kind, minutes=5, language=language, speaker=key.title())


INFO = SessionInfo(
    key=SESSION, conference=CONF, kind="plenary", starts_at=NOW, ends_at=NOW + timedelta(hours=1),
    slots=(slot("s-ar", "ar"), slot("s-fr", "fr"), slot("s-en", "en"), slot("s-unknown", None),
           slot("s-discussion", None, "discussion")),
    booths=BOOTHS, floor_listen_url="https://media.example.org/floor",
)


def entry(entry_id, language):
    return Entry(id=entry_id, requester=f"token:{entry_id}", name="Delegate", delegation="", group="member_state",
                 language=language, priority=Priority.ORDINARY, requested_at=NOW)


def run(live, family, action, actor=CHAIR, now=NOW, **payload):
    command = Command(family, action, {"session": SESSION, "action": action, **payload}, actor)
    family_ = LIVE.families[family]
    if not family_.authorise(actor, INFO, command):
        raise PermissionError(action)
    return LIVE.apply(live, command, INFO, now)


def channels(live, now=NOW):
    return LIVE.to_contract(live, INFO, now)["channels"]


def modes(live):
    return {b["language"]: (b["mode"], b["via"]) for b in channels(live)["booths"]}


# -- the floor follows the speaker --------------------------------------------------------------

def test_session_starts_with_the_first_speakers_language_on_the_floor():
    live = LIVE.initial(INFO)

    assert channels(live)["floor"] == "ar"
    assert channels(live)["floor_source"] == {"kind": "agenda", "slot": None, "entry": None,
                                              "role": None, "at": None}
    assert modes(live) == {"ar": ("floor", None), "en": ("direct", None), "fr": ("relay", "en")}


def test_chair_moving_to_a_french_speaker_switches_the_floor_to_french():
    live = run(LIVE.initial(INFO), "slot", "next")

    state = channels(live)
    assert (live.slot, state["floor"]) == ("s-fr", "fr")
    assert state["floor_source"] == {"kind": "slot", "slot": "s-fr", "entry": None, "role": None,
                                     "at": to_ms(NOW)}
    assert modes(live) == {"ar": ("direct", None), "en": ("direct", None), "fr": ("floor", None)}


def test_goto_and_prev_follow_each_slots_language():
    live = run(LIVE.initial(INFO), "slot", "goto", slot="s-en")
    assert channels(live)["floor"] == "en"

    live = run(live, "slot", "prev")
    assert channels(live)["floor"] == "fr"


def test_slot_without_a_language_keeps_the_floor():
    live = run(LIVE.initial(INFO), "slot", "goto", slot="s-en")
    live = run(live, "slot", "next")

    assert (live.slot, channels(live)["floor"]) == ("s-unknown", "en")


def test_next_slot_overrides_a_manual_floor():
    live = run(LIVE.initial(INFO), "channel", "floor", language="en")
    assert channels(live)["floor_source"]["kind"] == "manual"

    live = run(live, "slot", "next")

    assert channels(live)["floor"] == "fr"


def test_automatic_switch_is_noted_for_the_event_log():
    before = LIVE.initial(INFO)
    command = Command("slot", "next", {"action": "next"}, CHAIR)
    after = LIVE.apply(before, command, INFO, NOW)

    assert LIVE.notes(before, after, command, INFO) == (
        "floor ar -> fr (automatic: the speaker's language, slot s-fr)")


def test_manual_floor_switch_has_no_note():
    before = LIVE.initial(INFO)
    command = Command("channel", "floor", {"action": "floor", "language": "en"}, CHAIR)
    after = LIVE.apply(before, command, INFO, NOW)

    assert LIVE.notes(before, after, command, INFO) == ""


def test_intervention_granted_switches_the_floor_to_the_requesters_language():
    # The queue part is another feature's; any value with `speaking` (and `entries`) is followed.
    live = run(LIVE.initial(INFO), "slot", "goto", slot="s-discussion")
    granted = live.with_part("queue", Queue(speaking=entry("e7", "fr")))

    after = channels_live.follow_speaker(live, granted, Command("queue", "grant", {}, CHAIR), INFO, NOW)

    assert channels(after)["floor"] == "fr"
    assert channels(after)["floor_source"] == {"kind": "intervention", "slot": None, "entry": "e7",
                                               "role": None, "at": to_ms(NOW)}


def test_same_intervention_again_does_not_switch_the_floor_back():
    live = LIVE.initial(INFO).with_part("queue", Queue(speaking=entry("e7", "fr")))
    live = run(live, "channel", "floor", language="en")

    after = channels_live.follow_speaker(live, live, Command("queue", "move", {}, CHAIR), INFO, NOW)

    assert channels(after)["floor"] == "en"


# -- warnings -----------------------------------------------------------------------------------

def test_no_warnings_with_every_booth_on():
    assert channels(LIVE.initial(INFO))["warnings"] == []


def test_english_booth_off_with_arabic_floor_strands_french_and_names_the_relay():
    live = run(LIVE.initial(INFO), "channel", "booth", booth="en", on=False)

    assert modes(live) == {"ar": ("floor", None), "en": ("unavailable", None), "fr": ("unavailable", None)}
    assert channels(live)["warnings"] == [
        {"code": "no_path", "language": "fr", "floor": "ar",
         "message": "The French booth cannot work from Arabic, directly or through relay; its channel is silent."},
        {"code": "relay_source_off", "language": "en", "floor": "ar", "channels": ["fr"],
         "message": "The English booth is off, and the French channel needs its relay."},
    ]


def test_next_arabic_speaker_with_english_off_warns_that_french_would_be_stranded():
    info = replace(INFO, slots=(slot("s-fr", "fr"), slot("s-ar", "ar")))
    live = LIVE.initial(info)
    command = Command("channel", "booth", {"booth": "en", "on": False}, CHAIR)
    live = LIVE.apply(live, command, info, NOW)

    state = LIVE.to_contract(live, info, NOW)["channels"]

    assert state["floor"] == "fr"
    assert state["warnings"] == [{
        "code": "next_no_path", "language": "fr", "floor": "fr", "speaker_language": "ar",
        "slot": "s-ar", "entry": None,
        "message": "The next speaker speaks Arabic: the French booth will have no path, directly or through relay.",
    }]


def test_head_of_the_queue_speaking_arabic_is_warned_too():
    info = replace(INFO, slots=(slot("s-fr", "fr"),))
    live = LIVE.initial(info)
    live = LIVE.apply(live, Command("channel", "booth", {"booth": "en", "on": False}, CHAIR), info, NOW)
    queued = live.with_part("queue", Queue(entries=(entry("e3", "ar"),)))

    after = channels_live.follow_speaker(live, queued, Command("queue", "request", {}, PARTICIPANT), info, NOW)

    [warning] = LIVE.to_contract(after, info, NOW)["channels"]["warnings"]
    assert (warning["code"], warning["language"], warning["speaker_language"], warning["entry"]) == (
        "next_no_path", "fr", "ar", "e3")


# -- listeners ----------------------------------------------------------------------------------

def test_listener_counts_start_at_zero_for_every_channel():
    assert channels(LIVE.initial(INFO))["listeners"] == {"floor": 0, "ar": 0, "en": 0, "fr": 0}


# Listener counts live outside the versioned state (sessions.live.listeners.Board): a `select` in the
# live state only validates; the board counts one entry per link or per anonymous connection.

NAMES = channels_state.channel_names(INFO)
SESSION_KEY = (CONF, INFO.key)


def test_select_in_the_live_state_changes_nothing():
    live = LIVE.initial(INFO)
    assert run(live, "channel", "select", PARTICIPANT, language="fr") == live
    assert run(live, "channel", "select", ANONYMOUS, language="en", client="browser-one-123") == live


def test_token_holders_are_counted_once_each_and_move_between_channels():
    board = listeners.Board()
    board.select("sid-1", SESSION_KEY, PARTICIPANT.key, "fr")
    board.select("sid-2", SESSION_KEY, OTHER_PARTICIPANT.key, "fr")
    board.select("sid-3", SESSION_KEY, PARTICIPANT.key, "fr")      # a second tab, same link
    assert board.counts(SESSION_KEY, NAMES) == {"floor": 0, "ar": 0, "en": 0, "fr": 2}

    board.select("sid-1", SESSION_KEY, PARTICIPANT.key, "floor")

    assert board.counts(SESSION_KEY, NAMES) == {"floor": 1, "ar": 0, "en": 0, "fr": 1}


def test_anonymous_viewers_are_counted_per_connection():
    board = listeners.Board()
    board.select("sid-a", SESSION_KEY, "connection:sid-a", "en")
    board.select("sid-b", SESSION_KEY, "connection:sid-b", "en")
    board.select("sid-a", SESSION_KEY, "connection:sid-a", "ar")

    assert board.counts(SESSION_KEY, NAMES) == {"floor": 0, "ar": 1, "en": 1, "fr": 0}


def test_repeated_select_changes_nothing_and_a_disconnection_drops_the_listener():
    board = listeners.Board()
    assert board.select("sid-1", SESSION_KEY, PARTICIPANT.key, "fr") is True
    board.take_dirty()

    assert board.select("sid-1", SESSION_KEY, PARTICIPANT.key, "fr") is False
    assert board.take_dirty() == set()
    assert board.drop("sid-1") == SESSION_KEY
    assert board.counts(SESSION_KEY, NAMES)["fr"] == 0 and len(board) == 0


def test_a_connection_listens_to_one_session_at_a_time_so_the_board_is_bounded():
    board = listeners.Board()
    for n in range(1000):
        board.select("sid-1", (CONF, f"session-{n % 7}"), "connection:sid-1", "fr")
    assert len(board) == 1 and len(board.sessions()) == 1


def test_bad_select_values_are_refused_bad_request():
    live = LIVE.initial(INFO)
    for payload in ({"language": "es"}, {"language": None}, {"language": 3}, {},
                    {"language": "fr", "client": "x"}, {"language": "fr", "client": "a b c d e f g h"}):
        with pytest.raises(Refused) as refused:
            run(live, "channel", "select", ANONYMOUS, **payload)
        assert refused.value.code == "bad_request", payload


# -- booths, floor, slow-down, turns ------------------------------------------------------------

def test_floor_unknown_language_is_bad_request():
    with pytest.raises(Refused) as refused:
        run(LIVE.initial(INFO), "channel", "floor", language="es")

    assert (refused.value.code, refused.value.message) == (
        "bad_request", "The floor language must be one of ar, en, fr.")


def test_same_floor_again_changes_nothing():
    live = LIVE.initial(INFO)

    assert run(live, "channel", "floor", FR_INTERPRETER, language="ar") == live


def test_interpreter_may_switch_only_their_own_booth():
    family = LIVE.families["channel"]
    own = Command("channel", "booth", {"booth": "fr", "on": False}, FR_INTERPRETER)
    other = Command("channel", "booth", {"booth": "en", "on": False}, FR_INTERPRETER)

    assert (family.authorise(FR_INTERPRETER, INFO, own), family.authorise(FR_INTERPRETER, INFO, other)) == (True, False)


def test_participant_may_select_but_not_set_the_floor():
    family = LIVE.families["channel"]
    select = Command("channel", "select", {"language": "fr"}, PARTICIPANT)
    floor = Command("channel", "floor", {"language": "fr"}, PARTICIPANT)

    assert (family.authorise(PARTICIPANT, INFO, select), family.authorise(PARTICIPANT, INFO, floor)) == (True, False)


def test_booth_switched_off_and_on_round_trips_through_storage():
    live = run(LIVE.initial(INFO), "channel", "booth", FR_INTERPRETER, booth="fr", on=False)
    stored = LIVE.load(LIVE.dump(live), 3, INFO)

    assert stored.part("channels") == live.part("channels")
    assert channels(stored)["booths"][2] == {"language": "fr", "on": False, "mode": "unavailable", "via": None}


def test_slowdown_is_shown_for_twenty_seconds_and_cleared_by_the_chair():
    live = run(LIVE.initial(INFO), "channel", "slowdown", FR_INTERPRETER)

    assert channels(live)["slowdown"] == {"booth": "fr", "at": to_ms(NOW)}
    assert channels(live, NOW + timedelta(seconds=20))["slowdown"] is None
    cleared = run(live, "channel", "slowdown", CHAIR, on=False)
    assert channels(cleared)["slowdown"] is None


@pytest.mark.parametrize("action,payload", [("next", {}), ("prev", {}), ("goto", {"slot": "s-en"})])
def test_slowdown_ends_when_the_slot_changes(action, payload):
    start = run(LIVE.initial(INFO), "slot", "goto", slot="s-fr")
    raised = run(start, "channel", "slowdown", FR_INTERPRETER, now=NOW + timedelta(seconds=1))

    moved = run(raised, "slot", action, now=NOW + timedelta(seconds=5), **payload)

    assert moved.slot != raised.slot
    assert moved.part("channels").slowdown is None
    assert channels(moved, NOW + timedelta(seconds=5))["slowdown"] is None      # still fresh, but over


def test_slowdown_outlives_commands_that_keep_the_same_speaker():
    raised = run(LIVE.initial(INFO), "channel", "slowdown", FR_INTERPRETER)

    later = run(raised, "timer", "start", now=NOW + timedelta(seconds=3))
    later = run(later, "channel", "booth", now=NOW + timedelta(seconds=4), booth="en", on=False)

    assert channels(later, NOW + timedelta(seconds=5))["slowdown"] == {"booth": "fr", "at": to_ms(NOW)}


def test_slowdown_ends_when_another_intervention_takes_the_floor():
    live = run(LIVE.initial(INFO), "slot", "goto", slot="s-discussion")
    live = live.with_part("queue", Queue(speaking=entry("e7", "fr")))
    raised = run(live, "channel", "slowdown", FR_INTERPRETER)
    granted = raised.with_part("queue", Queue(speaking=entry("e8", "en")))

    after = channels_live.end_slowdown(raised, granted, Command("queue", "grant", {}, CHAIR), INFO,
                                       NOW + timedelta(seconds=2))

    assert after.part("channels").slowdown is None
    same = channels_live.end_slowdown(raised, raised, Command("queue", "move", {}, CHAIR), INFO, NOW)
    assert same.part("channels").slowdown == ("fr", to_ms(NOW))


def test_interpreter_cannot_clear_another_booths_slowdown():
    live = run(LIVE.initial(INFO), "channel", "slowdown", FR_INTERPRETER)

    assert run(live, "channel", "slowdown", EN_INTERPRETER, on=False) == live


def test_handover_restarts_the_booths_turn_timer():
    live = LIVE.initial(INFO)
    assert channels(live)["turns"] == {"ar": None, "en": None, "fr": None}

    live = run(live, "channel", "handover", FR_INTERPRETER)
    later = NOW + timedelta(minutes=31)
    live = run(live, "channel", "handover", FR_INTERPRETER, now=later, interpreter="  Marie   Dupont ", minutes=20)

    assert channels(live)["turns"]["fr"] == {"started_at": to_ms(later), "turn_s": 1200,
                                             "interpreter": "Marie Dupont"}


def test_first_handover_uses_thirty_minutes_and_the_link_holders_name():
    live = run(LIVE.initial(INFO), "channel", "handover", FR_INTERPRETER)

    assert channels(live)["turns"]["fr"] == {"started_at": to_ms(NOW), "turn_s": 1800, "interpreter": "Anne"}


@pytest.mark.parametrize("payload", [{"minutes": 0}, {"minutes": "30"}, {"minutes": True},
                                     {"interpreter": 5}, {"interpreter": "x" * 81}, {"booth": "es"}])
def test_bad_handover_is_refused(payload):
    with pytest.raises(Refused) as refused:
        run(LIVE.initial(INFO), "channel", "handover", CHAIR, **{"booth": "fr", **payload})

    assert refused.value.code in ("bad_request", "not_found")


def test_listen_links_name_only_configured_channels():
    assert channels(LIVE.initial(INFO))["listen"] == {
        "floor": "https://media.example.org/floor", "ar": "https://media.example.org/ar",
        "en": "https://media.example.org/en"}
