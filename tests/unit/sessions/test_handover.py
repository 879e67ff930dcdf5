"""The pure rule of sessions/live/handover.py: another connection's slot move or timer start within the
window after a slot or timer command is refused `just_changed`, with who and what."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from conference.errors import MinbarError
from sessions.live import features
from sessions.live.state import Command, SessionInfo, SlotInfo
from speakers.identity import Identity

NOW = datetime(2021, 2, 24, 9, 15, tzinfo=timezone.utc)
INFO = SessionInfo(key="plenary-1", conference="gcm-arab-2021", kind="plenary", starts_at=NOW,
                   ends_at=NOW + timedelta(hours=1),
                   slots=tuple(SlotInfo(key=k, kind="statement", minutes=5, language="ar") for k in "abcde"))
HANA = Identity(role="chair", conference="gcm-arab-2021", session="plenary-1", name="Chair Hana", token_id="t1")
LIVE = features.LIVE


def press(live, family, action, connection, at_ms, actor=HANA, info=INFO, **payload):
    return LIVE.apply(live, Command(family, action, payload, actor, connection=connection), info,
                      NOW + timedelta(milliseconds=at_ms))


@pytest.mark.parametrize("gap_ms", [0, 5, 40, 300, 1499])
def test_another_consoles_next_within_the_window_is_refused_naming_who(gap_ms):
    moved = press(LIVE.initial(INFO), "slot", "next", "sid-1", 0)

    with pytest.raises(MinbarError) as refused:
        press(moved, "slot", "next", "sid-2", gap_ms, expect=moved.version)

    error = refused.value.to_contract()
    assert (error["code"], error["by"], error["role"], error["action"], error["ago_ms"]) == \
        ("just_changed", "Chair Hana", "chair", "slot.next", gap_ms)
    assert error["state"]["slot"] == "b"


@pytest.mark.parametrize("gap_ms", [-5, -1499])
def test_a_next_that_raced_the_move_for_the_lock_is_refused(gap_ms):
    # Its instant was taken before the other console's move took the session's lock, and it was
    # applied after: without `expect` (optional in the contract) only the window holds it back.
    moved = press(LIVE.initial(INFO), "slot", "next", "sid-1", 0)

    with pytest.raises(MinbarError) as refused:
        press(moved, "slot", "next", "sid-2", gap_ms)

    error = refused.value.to_contract()
    assert (error["code"], error["by"], error["ago_ms"]) == ("just_changed", "Chair Hana", 0)
    assert error["state"]["slot"] == "b"


def test_a_move_recorded_on_another_clock_far_ahead_does_not_hold_the_session():
    # A rehearsal started again at an earlier instant: the last move is not a moment ago.
    moved = press(LIVE.initial(INFO), "slot", "next", "sid-1", 0)
    assert press(moved, "slot", "next", "sid-2", -60_000).slot == "c"


@pytest.mark.parametrize("gap_ms", [1500, 1600])
def test_after_the_window_the_other_console_moves(gap_ms):
    moved = press(LIVE.initial(INFO), "slot", "next", "sid-1", 0)
    assert press(moved, "slot", "next", "sid-2", gap_ms).slot == "c"


def test_force_the_same_connection_and_commands_without_a_connection_pass():
    moved = press(LIVE.initial(INFO), "slot", "next", "sid-1", 0)
    assert press(moved, "slot", "next", "sid-2", 10, force=True).slot == "c"
    assert press(moved, "slot", "next", "sid-1", 10).slot == "c"
    assert press(moved, "slot", "next", None, 10).slot == "c"


def test_a_timer_start_is_held_back_and_a_pause_is_not():
    started = press(LIVE.initial(INFO), "timer", "start", "sid-1", 0)
    with pytest.raises(MinbarError, match="timer.start"):
        press(started, "slot", "next", "sid-2", 100)
    assert press(started, "timer", "pause", "sid-2", 100).part("timer").status.value == "paused"


def test_the_window_is_the_sessions_and_0_switches_it_off():
    moved = press(LIVE.initial(INFO), "slot", "next", "sid-1", 0)
    assert press(moved, "slot", "next", "sid-2", 10, info=replace(INFO, handover_ms=0)).slot == "c"
    with pytest.raises(MinbarError):
        press(moved, "slot", "next", "sid-2", 2500, info=replace(INFO, handover_ms=3000))


def test_who_last_moved_is_stored_and_published_without_the_connection():
    moved = press(LIVE.initial(INFO), "slot", "next", "sid-1", 0)
    stored = LIVE.load(LIVE.dump(moved), moved.version, INFO)

    assert stored.part("handover")["connection"] == "sid-1"
    assert LIVE.to_contract(stored, INFO, NOW)["handover"] == {
        "by": "Chair Hana", "role": "chair", "action": "slot.next", "at": int(NOW.timestamp() * 1000)}
    with pytest.raises(MinbarError):
        press(stored, "slot", "next", "sid-2", 200)      # another process reading the stored state agrees
