"""Who speaks next: the Python side of the cases shared with the browser's kit
(tests/data/next_speakers_cases.json; tests/js/next_speakers.test.mjs runs them in Node)."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from sessions.live import features
from sessions.live.state import Command, SessionInfo, SlotInfo
from sessions.live.next_speakers import next_speakers
from speakers.identity import Identity

DATA = json.loads((Path(__file__).resolve().parents[2] / "data" / "next_speakers_cases.json").read_text(encoding="utf-8"))
NOW = datetime(2021, 2, 24, 9, 15, tzinfo=timezone.utc)


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["name"] for c in DATA["cases"]])
def test_the_shared_case(case):
    assert next_speakers(DATA["slots"], case["slot"], case["queue"]) == case["expected"]


def test_state_publishes_the_same_answer_after_real_commands():
    info = SessionInfo(key="plenary-1", conference="gcm-arab-2021", kind="plenary", starts_at=NOW,
                       ends_at=NOW + timedelta(hours=1),
                       slots=tuple(SlotInfo(key=s["id"], kind=s["kind"], minutes=5, language="ar") for s in DATA["slots"]))
    chair = Identity(role="chair", conference="gcm-arab-2021", session="plenary-1", name="Chair", token_id="c")
    delegate = Identity(role="participant", conference="gcm-arab-2021", name="Mr Omar Said", delegation="Egypt",
                        token_id="p")
    live = features.LIVE.initial(info)
    live = features.LIVE.apply(live, Command("queue", "request", {"priority": "point_of_order"}, delegate), info, NOW)
    live = features.LIVE.apply(live, Command("slot", "next", {}, chair), info, NOW)

    speakers = features.LIVE.to_contract(live, info, NOW)["speakers"]

    assert speakers["current"] == {"kind": "slot", "slot": "b"}
    assert [e["kind"] for e in speakers["next"]] == ["request", "slot", "discussion"]
    assert speakers["next"][0]["name"] == "Mr Omar Said" and speakers["next"][0]["priority"] == "point_of_order"
