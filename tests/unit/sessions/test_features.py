"""The live features declared once: one ordered list, nothing registered by import, one refusal type."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from conference.errors import MinbarError
from sessions.live import channels
from sessions.live import features
from sessions.live import messages
from sessions.live import queue
from sessions.live import speaking
from sessions.live.features import LIVE
from sessions.live.state import Command, Feature, LiveFeatures, Refused, SessionInfo, SlotInfo
from speakers.identity import Identity
from timing import timer

NOW = datetime(2021, 2, 24, 9, 0, tzinfo=timezone.utc)
INFO = SessionInfo(key="plenary-1", conference="gcm-arab-2021", kind="plenary", starts_at=NOW,
                   ends_at=NOW + timedelta(hours=1),
                   slots=(SlotInfo(key="a", kind="statement", minutes=5, language="ar"),))
CHAIR = Identity(role="chair", conference="gcm-arab-2021", session="plenary-1", name="Chair", token_id="t")


def test_the_features_in_their_declared_order():
    assert [f.name for f in features.FEATURES] == [
        "timer_and_slots", "messages", "presentation", "channels", "queue", "handover", "next_speakers", "undo"]
    assert list(features.LIVE.families) == ["timer", "slot", "message", "presentation", "channel", "queue", "undo"]
    assert list(features.LIVE.parts) == ["timer", "actuals", "started", "message", "presentation",
                                         "channels", "queue", "interventions", "handover", "speakers",
                                         "undo"]
    state = features.LIVE.to_contract(features.LIVE.initial(INFO), INFO, NOW)
    assert list(state)[4:] == list(features.LIVE.parts)


def test_the_transport_registers_one_event_per_family(app):
    """Read from the Socket.IO server the factory built: every family of the app's live features
    has a handler on /live, and nothing but the families and the fixed events is there."""
    from conference.extensions import socketio

    registered = set(socketio.server.handlers["/live"])
    families = set(app.extensions["minbar.features"].families)
    assert families and families <= registered
    assert registered - families == {"connect", "disconnect", "clock", "join", "*"}
    assert app.extensions["minbar.features"] is features.LIVE


def test_a_core_of_only_some_features_knows_only_those():
    core = LiveFeatures((speaking.FEATURE, messages.FEATURE))
    live = core.initial(INFO)
    assert set(live.parts) == {"timer", "actuals", "started", "message"}
    with pytest.raises(Refused) as refused:
        core.apply(live, Command("queue", "close", {}, CHAIR), INFO, NOW)
    assert refused.value.code == "bad_request"
    started = core.apply(live, Command("timer", "start", {}, CHAIR), INFO, NOW)
    assert core.to_contract(started, INFO, NOW)["timer"]["status"] == "running"


def test_hooks_run_in_the_features_order():
    calls = []

    def hook(name):
        def run(before, after, command, info, now):
            calls.append(name)
            return after
        return run

    core = LiveFeatures((speaking.FEATURE, Feature("first", after_apply=(hook("first"),)),
                         Feature("second", after_apply=(hook("second"),))))
    core.apply(core.initial(INFO), Command("timer", "start", {}, CHAIR), INFO, NOW)
    assert calls == ["first", "second"]


def test_a_name_declared_twice_is_an_error():
    with pytest.raises(ValueError):
        LiveFeatures((speaking.FEATURE, speaking.FEATURE))


def test_one_refusal_type_from_the_core_to_the_wire():
    assert Refused is MinbarError
    assert timer.TimerRefused is MinbarError and queue.QueueRefused is MinbarError
    assert channels.ChannelRefused is MinbarError
    live = features.LIVE.initial(INFO)
    with pytest.raises(MinbarError) as refused:
        LIVE.apply(live, Command("timer", "pause", {}, CHAIR), INFO, NOW)   # the timer core's own
    assert refused.value.to_contract()["code"] == "invalid_state"
