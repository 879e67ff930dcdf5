"""Clock times in each language's own pattern: the server's (babel's short time format, the
`time` filter of the pages) and the live kit's (Minbar.formatTime, tests/js/live_kit.test.mjs)
against the same cases, tests/data/time_format_cases.json."""
from __future__ import annotations

import json
from datetime import datetime, time, timezone
from pathlib import Path

import pytest

from conference import i18n
from conference.live_kit import time_format

CASES = json.loads((Path(__file__).resolve().parents[1] / "data" / "time_format_cases.json").read_text("utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['lang']}-{c['hour']:02}{c['minute']:02}")
def test_the_server_writes_the_time_the_kit_writes(case):
    assert time_format(case["lang"]) == case["format"]
    moment = datetime.combine(datetime(2021, 2, 24).date(), time(case["hour"], case["minute"]), tzinfo=timezone.utc)
    assert i18n.fmt_time(moment, case["lang"], timezone.utc) == case["text"]


def test_arabic_puts_the_day_period_after_the_time():
    # Read right to left, "11:15 ص": the marker follows the time, as the locale writes it.
    assert time_format("ar")["pattern"].endswith("a")
    assert [c["text"] for c in CASES if c["lang"] == "ar" and c["hour"] == 11] == ["11:15 ص"]
