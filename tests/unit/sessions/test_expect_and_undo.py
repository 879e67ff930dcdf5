"""`expect` and `undo` in the pure live core: a stale command is refused with the current STATE and
changes nothing; undo puts back the last timer or slot command exactly, once, within 60 s, only
while nothing else has changed."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from sessions.live import undo
from sessions.live.features import LIVE
from sessions.live.state import Command, Refused, SessionInfo, SlotInfo
from speakers.identity import Identity

NOW = datetime(2021, 2, 24, 9, 0, tzinfo=timezone.utc)
CONF, SESSION = "gcm-arab-2021", "plenary-1"
CHAIR = Identity(role="chair", conference=CONF, session=SESSION, name="Chair", token_id="t-chair")
PARTICIPANT = Identity(role="participant", conference=CONF, name="Delegate", token_id="t-p1")

INFO = SessionInfo(
    key=SESSION, conference=CONF, kind="plenary", starts_at=NOW, ends_at=NOW + timedelta(hours=1),
    slots=tuple(SlotInfo(key=k, kind="statement", minutes=5, language="ar", speaker=k) for k in ("a", "b", "c")),
)


def step(live, family, action, now=NOW, actor=CHAIR, **payload):
    """One command as `sessions.live.operations.apply` runs it: a change bumps the version by one."""
    command = Command(family, action, {"session": SESSION, "action": action, **payload}, actor)
    new = LIVE.apply(live, command, INFO, now)
    return new if new == live else replace(new, version=live.version + 1)


def state(live, now=NOW):
    return LIVE.to_contract(live, INFO, now)


def test_expect_matching_the_version_applies():
    live = LIVE.initial(INFO)
    live = step(live, "timer", "start", expect=0)
    assert live.version == 1 and state(live)["timer"]["status"] == "running"


def test_stale_expect_is_refused_with_the_current_state_and_nothing_changes():
    live = step(LIVE.initial(INFO), "slot", "next")            # another console moved first
    with pytest.raises(Refused) as refused:
        step(live, "slot", "next", now=NOW + timedelta(seconds=1), expect=0)
    assert refused.value.code == "stale"
    assert refused.value.extra["state"] == state(live, NOW + timedelta(seconds=1))
    assert refused.value.extra["state"]["slot"] == "b" and refused.value.extra["state"]["version"] == 1


@pytest.mark.parametrize("bad", [-1, 1.5, "1", True, [1], {"v": 1}])
def test_malformed_expect_is_bad_request(bad):
    with pytest.raises(Refused) as refused:
        step(LIVE.initial(INFO), "timer", "start", expect=bad)
    assert refused.value.code == "bad_request"


def test_expect_null_or_absent_is_not_checked():
    live = step(LIVE.initial(INFO), "slot", "next")
    assert step(live, "slot", "next", expect=None).slot == "c"


def test_stale_check_applies_to_every_family_that_carries_it():
    live = step(LIVE.initial(INFO), "slot", "next")
    for family, action, payload in (("message", "send", {"text": "Please conclude"}),
                                    ("timer", "adjust", {"seconds": 30}), ("presentation", "sync", {"ids": []}),
                                    ("channel", "floor", {"language": "en"}), ("queue", "close", {})):
        if family not in LIVE.families:
            continue
        with pytest.raises(Refused) as refused:
            step(live, family, action, expect=0, **payload)
        assert refused.value.code == "stale", family


def test_undo_a_reset_of_a_running_timer_restores_it_running_with_the_time_it_had():
    live = step(LIVE.initial(INFO), "timer", "start")
    reset_at = NOW + timedelta(seconds=5)
    live = step(live, "timer", "reset", now=reset_at)
    assert state(live, reset_at)["timer"]["status"] == "idle"
    undo_at = reset_at + timedelta(seconds=3)
    undone = step(live, "undo", "undo", now=undo_at, expect=live.version)
    timer = state(undone, undo_at)["timer"]
    assert timer["status"] == "running" and timer["elapsed_ms"] == 5000      # as at the reset
    later = state(undone, undo_at + timedelta(seconds=2))["timer"]
    assert later["elapsed_ms"] == 7000                                       # and runs on
    assert undone.version == live.version + 1


def test_undo_a_slot_move_restores_slot_timer_and_actuals_exactly():
    live = step(LIVE.initial(INFO), "timer", "start")
    live = step(live, "timer", "adjust", seconds=30)
    before = live
    moved_at = NOW + timedelta(seconds=10)
    live = step(live, "slot", "next", now=moved_at)
    assert live.slot == "b" and live.part("actuals") == {"a": 10000}
    undone = step(live, "undo", "undo", now=moved_at + timedelta(seconds=4))
    assert undone.slot == "a" and undone.part("actuals") == {}
    timer = state(undone, moved_at + timedelta(seconds=4))["timer"]
    assert timer["status"] == "running" and timer["elapsed_ms"] == 10000 and timer["limit_s"] == 330
    assert state(undone, moved_at)["undo"] is None
    assert {k: v for k, v in undone.parts.items() if k not in ("timer", "undo")} == \
        {k: v for k, v in before.parts.items() if k not in ("timer", "undo")}


def test_undo_keeps_the_sessions_actual_start():
    live = step(LIVE.initial(INFO), "timer", "start")
    undone = step(live, "undo", "undo", now=NOW + timedelta(seconds=1))
    assert state(undone)["timer"]["status"] == "idle"
    assert undone.part("started") == NOW


def test_state_says_while_an_undo_is_possible():
    live = step(LIVE.initial(INFO), "slot", "next")
    assert state(live)["undo"] == {"action": "slot.next", "version": 1, "until": state(live)["server_time"] + 60000}
    assert state(live, NOW + timedelta(seconds=61))["undo"] is None
    assert state(LIVE.initial(INFO))["undo"] is None


def test_nothing_to_undo_at_first():
    with pytest.raises(Refused) as refused:
        step(LIVE.initial(INFO), "undo", "undo")
    assert refused.value.code == "invalid_state"


def test_undo_is_refused_after_another_change():
    live = step(LIVE.initial(INFO), "slot", "next")
    live = step(live, "message", "send", text="Please conclude")
    with pytest.raises(Refused) as refused:
        step(live, "undo", "undo", expect=live.version)
    assert refused.value.code == "invalid_state"


def test_undo_is_refused_after_sixty_seconds():
    live = step(LIVE.initial(INFO), "slot", "next")
    assert step(live, "undo", "undo", now=NOW + timedelta(seconds=60)).slot == "a"
    with pytest.raises(Refused) as refused:
        step(live, "undo", "undo", now=NOW + timedelta(seconds=60, milliseconds=1))
    assert refused.value.code == "invalid_state"


def test_undo_never_undoes_twice():
    live = step(LIVE.initial(INFO), "slot", "next")
    live = step(live, "slot", "next")
    undone = step(live, "undo", "undo")
    assert undone.slot == "b"
    with pytest.raises(Refused) as refused:
        step(undone, "undo", "undo")
    assert refused.value.code == "invalid_state"


def test_a_command_that_changes_nothing_leaves_the_undo_as_it_was():
    live = step(LIVE.initial(INFO), "timer", "thresholds", warn_s=30)
    same = step(live, "timer", "thresholds", warn_s=30)
    assert same == live and state(same)["undo"]["action"] == "timer.thresholds"
    assert state(step(same, "undo", "undo"))["timer"]["warn_s"] == 60


def test_undo_is_for_whoever_may_control_the_timer():
    family = LIVE.families["undo"]
    command = Command("undo", "undo", {"session": SESSION}, CHAIR)
    assert family.authorise(CHAIR, INFO, command)
    assert not family.authorise(PARTICIPANT, INFO, replace(command, actor=PARTICIPANT))
    assert undo.UNDO_WINDOW_S == 60
