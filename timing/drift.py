"""Schedule drift: when the rest of a day will probably happen, given what has happened so far."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from timing.clock import to_utc

_S = timedelta(seconds=1)


@dataclass(frozen=True)
class PlannedItem:
    """An agenda item of one day, with its actual times once it has started or ended.

    All instants must be aware; they are kept in UTC. An item cannot have ended without starting,
    nor end before it starts.
    """

    id: str
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None = None
    actual_end: datetime | None = None

    def __post_init__(self) -> None:
        for name in ("planned_start", "planned_end", "actual_start", "actual_end"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, to_utc(value))
        if self.planned_end < self.planned_start:
            raise ValueError(f"{self.id}: planned_end is before planned_start")
        if self.actual_end is not None:
            if self.actual_start is None:
                raise ValueError(f"{self.id}: actual_end is set but actual_start is not")
            if self.actual_end < self.actual_start:
                raise ValueError(f"{self.id}: actual_end is before actual_start")

    @property
    def planned_duration(self) -> timedelta:
        return self.planned_end - self.planned_start


@dataclass(frozen=True)
class Projection:
    """Where an item is now expected to sit; `delay_s` = projected_start - planned_start, in whole
    seconds (truncated toward zero; negative when an item started early)."""

    id: str
    planned_start: datetime
    planned_end: datetime
    projected_start: datetime
    projected_end: datetime
    delay_s: int


def project(items: Sequence[PlannedItem], now: datetime) -> list[Projection]:
    """Project a day's items, given in agenda order, as of `now`.

    Priority order for each item:
    1. It has ended: its actual start and end.
    2. It has started and not ended: from its actual start for its planned duration, or until
       `now` if it is already running past that.
    3. It has not started: at its planned start, or at the previous item's projected end if that
       is later, for its planned duration.

    Later items never move earlier than planned, so a gap between items absorbs delay. To let a
    break absorb delay, leave it out of `items`; passed in, it keeps its length like any item.
    An item that has not started is not pushed past `now`: items nobody starts (breaks) would be
    wrongly delayed, and a late start shows up as soon as the item does start.
    """
    now = to_utc(now)
    projections: list[Projection] = []
    previous_end: datetime | None = None
    for item in items:
        if item.actual_end is not None:
            start, end = item.actual_start, item.actual_end
        elif item.actual_start is not None:
            start = item.actual_start
            end = max(start + item.planned_duration, now)
        else:
            start = item.planned_start
            if previous_end is not None and previous_end > start:
                start = previous_end
            end = start + item.planned_duration
        projections.append(Projection(
            id=item.id,
            planned_start=item.planned_start,
            planned_end=item.planned_end,
            projected_start=start,
            projected_end=end,
            delay_s=int((start - item.planned_start) / _S),
        ))
        previous_end = end
    return projections


def project_slots(now_ms: int, starts_at_ms: int, ends_at_ms: int, current: dict | None,
                  later_limits_s: Sequence[int]) -> dict:
    """Where the session's remaining slots take it, in Unix ms (Minbar.projectSlots in
    static/js/live-rules.js is the same rule; both are checked against tests/data/timing_cases.json).

    `current` is the current slot's timer, {"status", "limit_s", "remaining_ms"}, or None when no
    slot is current; `later_limits_s` are the limits of the slots after it. The current speaker
    takes their time left (a whole limit if not started; nothing once over time), then every later
    slot its limit, from now or the scheduled start, whichever is later. `over_ms` is how far past
    the scheduled end that lands (negative: time to spare).
    """
    rest = 0
    if current is not None:
        left = current["limit_s"] * 1000 if current["status"] == "idle" else current["remaining_ms"]
        rest = max(0, left) + sum(limit * 1000 for limit in later_limits_s)
    projected_end = max(now_ms, starts_at_ms) + rest
    return {"projected_end": projected_end, "over_ms": projected_end - ends_at_ms}
