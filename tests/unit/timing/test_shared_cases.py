"""The Python side of the cases shared with the browser's live kit (tests/data/timing_cases.json,
also read by tests/js/live_kit.test.mjs): phase, remaining time, the clock text and the drift
projection cannot differ between the server and the pages."""
from __future__ import annotations

import json
from pathlib import Path
from datetime import datetime, timedelta, timezone

import pytest

from timing import timer
from timing.timer import format_clock
from timing.drift import PlannedItem, project, project_slots

CASES = json.loads((Path(__file__).resolve().parents[2] / "data" / "timing_cases.json").read_text(encoding="utf-8"))
T0 = datetime(2021, 2, 24, 9, 0, tzinfo=timezone.utc)


def at(ms: int | None) -> datetime | None:
    return None if ms is None else datetime.fromtimestamp(ms / 1000, tz=timezone.utc)


def ms(moment: datetime) -> int:
    return round(moment.timestamp() * 1000)


@pytest.mark.parametrize("case", CASES["timer"], ids=[c["name"] for c in CASES["timer"]])
def test_timer_remaining_and_phase_match_the_shared_cases(case):
    now = T0 + timedelta(milliseconds=case["run_ms"])
    if case["status"] == "running":
        t = timer.Timer(status="running", limit_s=case["limit_s"], accumulated_ms=case["elapsed_ms"], started_at=T0)
    else:
        t = timer.Timer(status=case["status"], limit_s=case["limit_s"], accumulated_ms=case["elapsed_ms"])

    assert timer.remaining_ms(t, now) == case["remaining_ms"]
    assert timer.phase(t, now, case["warn_s"]) == case["phase"]


@pytest.mark.parametrize("case", CASES["format_clock"], ids=[str(c["ms"]) for c in CASES["format_clock"]])
def test_clock_text_matches_the_shared_cases(case):
    assert format_clock(case["ms"]) == case["text"]


@pytest.mark.parametrize("case", CASES["project"], ids=[c["name"] for c in CASES["project"]])
def test_drift_projection_matches_the_shared_cases(case):
    items = [PlannedItem(i["id"], at(i["planned_start"]), at(i["planned_end"]), at(i["actual_start"]), at(i["actual_end"]))
             for i in case["items"]]

    got = [{"id": p.id, "projected_start": ms(p.projected_start), "projected_end": ms(p.projected_end), "delay_s": p.delay_s}
           for p in project(items, at(case["now"]))]

    assert got == case["expected"]


@pytest.mark.parametrize("case", CASES["timer"], ids=[c["name"] for c in CASES["timer"]])
def test_a_live_page_first_paint_matches_the_shared_cases(case):
    # The page reads the STATE's timer back through timing.timer: no rule of its own.
    from sessions.live.pages import LivePage

    now = T0 + timedelta(milliseconds=case["run_ms"])
    started = T0 if case["status"] == "running" else None
    t = timer.Timer(status=case["status"], limit_s=case["limit_s"], accumulated_ms=case["elapsed_ms"],
                    started_at=started)
    state = {"timer": {**timer.to_contract(t, now), "warn_s": case["warn_s"]}}
    page = LivePage(conference=None, item=None, identity=None, state=state, slots=[], moment=now)

    assert (page.remaining_ms, page.phase) == (case["remaining_ms"], case["phase"])
    assert page.remaining == format_clock(case["remaining_ms"])


@pytest.mark.parametrize("case", CASES["project_slots"], ids=[c["name"] for c in CASES["project_slots"]])
def test_slot_projection_matches_the_shared_cases(case):
    got = project_slots(case["now"], case["starts_at"], case["ends_at"], case["current"], case["later_limits_s"])

    assert got == case["expected"]
