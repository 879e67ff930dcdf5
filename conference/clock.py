"""The app's clock: the real one, or a rehearsal clock shifted to a past instant (MINBAR_AT)."""
from __future__ import annotations

from datetime import datetime

import pytz

from timing.clock import ShiftedClock, SystemClock


def parse_instant(text: str, zone_name: str = "Asia/Beirut") -> datetime:
    """ISO 8601; a time without an offset is wall time in the conference's zone."""
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = pytz.timezone(zone_name).localize(moment, is_dst=None)
    return moment.astimezone(pytz.utc)


def clock_from_config(config) -> SystemClock | ShiftedClock:
    at = config.get("MINBAR_AT")
    if not at:
        return SystemClock()
    return ShiftedClock(parse_instant(at, config.get("MINBAR_ZONE", "Asia/Beirut")))
