"""The Python side of the cases shared with the browser's live kit (tests/data/timing_cases.json,
also read by tests/js/live_kit.test.mjs): phase, remaining time, the clock text and the drift
projection cannot differ between the server and the pages."""
from __future__ import annotations

import json
from pathlib import Path
from datetime import datetime, timedelta, timezone

import pytest

from sessions.live_pages import format_clock
from timing import timer
from timing.drift import PlannedItem, project

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
