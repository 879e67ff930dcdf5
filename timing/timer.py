"""The speaker timer: a small state machine over stored instants and totals.

Nothing ticks. A `Timer` stores what happened (the finished running time and, while running, the
instant it was started); elapsed time, overrun and warning are derived from a `now` the caller
passes in. A restart therefore loses nothing: load the fields, ask again with a new `now`.

Transitions (every other one raises `TimerRefused("invalid_state", ...)` and changes nothing):

    idle    --start-->  running
    running --pause-->  paused
    paused  --resume--> running
    any     --reset-->  idle      (elapsed and added time cleared; optionally a new limit)
    any     --adjust--> same      (added time changes; bad seconds are "bad_request")
    any     --halt-->   paused or unchanged   (leaving the slot; never refused)

All functions are pure: they return a new Timer and never modify the one given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Literal

from timing.clock import to_ms, to_utc
from timing.errors import MinbarError

MAX_ADJUST_S = 3600
_MS = timedelta(milliseconds=1)

Phase = Literal["normal", "warning", "overrun"]


class TimerStatus(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"


# A command that does not apply: `code` is a contract error code, `message` a sentence. The one
# refusal type of the live core and the wire (`timing.errors.MinbarError`).
TimerRefused = MinbarError


@dataclass(frozen=True)
class Timer:
    """One speaker's timer.

    `accumulated_ms` is the sum of the finished running intervals; `started_at` is when the current
    interval began and is set exactly while running. `added_s` is the chair's net adjustment, kept
    apart from `limit_s` so a reset to the slot's limit is exact (ontime's `addedTime`).
    Breaking these invariants (e.g. a naive `started_at` read back from SQLite) is a ValueError.
    """

    status: TimerStatus
    limit_s: int
    accumulated_ms: int = 0
    started_at: datetime | None = None
    added_s: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", TimerStatus(self.status))
        for name in ("limit_s", "accumulated_ms", "added_s"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"{name} must be an int, got {value!r}")
        if self.limit_s < 0 or self.accumulated_ms < 0:
            raise ValueError("limit_s and accumulated_ms must not be negative")
        if (self.started_at is not None) != (self.status is TimerStatus.RUNNING):
            raise ValueError("started_at must be set exactly while the timer is running")
        if self.status is TimerStatus.IDLE and self.accumulated_ms:
            raise ValueError("an idle timer has no elapsed time")
        if self.started_at is not None:
            object.__setattr__(self, "started_at", to_utc(self.started_at))

    @property
    def effective_limit_s(self) -> int:
        """The limit the speaker actually has: the slot's limit plus the chair's adjustments."""
        return max(0, self.limit_s + self.added_s)


def _refuse(message: str) -> TimerRefused:
    return TimerRefused("invalid_state", message)


def _running_ms(t: Timer, now: datetime) -> int:
    # Clamped: a clock that steps back (another process, NTP) must never make elapsed time shrink
    # below what was already banked.
    return max(0, (now - t.started_at) // _MS)


def start(t: Timer, now: datetime) -> Timer:
    """Start an idle timer. A paused timer is resumed, not started, so its elapsed time is kept."""
    if t.status is TimerStatus.RUNNING:
        raise _refuse("The timer is already running, so it cannot be started.")
    if t.status is TimerStatus.PAUSED:
        raise _refuse("The timer is paused, so it cannot be started; resume or reset it.")
    return replace(t, status=TimerStatus.RUNNING, started_at=now)


def pause(t: Timer, now: datetime) -> Timer:
    """Pause a running timer, banking the interval that just ended."""
    if t.status is not TimerStatus.RUNNING:
        raise _refuse("The timer is not running, so it cannot be paused.")
    return replace(t, status=TimerStatus.PAUSED, started_at=None,
                   accumulated_ms=t.accumulated_ms + _running_ms(t, now))


def resume(t: Timer, now: datetime) -> Timer:
    """Resume a paused timer; the elapsed time so far is kept."""
    if t.status is not TimerStatus.PAUSED:
        raise _refuse("The timer is not paused, so it cannot be resumed.")
    return replace(t, status=TimerStatus.RUNNING, started_at=now)


def reset(t: Timer, limit_s: int | None = None) -> Timer:
    """Back to idle with nothing elapsed and no added time, from any status.

    `limit_s` replaces the limit (e.g. the next slot's); None keeps the current one.
    """
    return Timer(status=TimerStatus.IDLE, limit_s=t.limit_s if limit_s is None else limit_s)


def adjust(t: Timer, seconds: int) -> Timer:
    """Give the speaker `seconds` more (or, if negative, fewer) seconds, in any status.

    `seconds` must be a nonzero int with |seconds| <= 3600, else `TimerRefused("bad_request")`.
    Taking away more than the speaker has leaves an effective limit of 0, and `added_s` is clamped
    there too, so a later +N always gives N seconds back rather than repaying a hidden debt.
    """
    valid = isinstance(seconds, int) and not isinstance(seconds, bool)
    if not valid or seconds == 0 or abs(seconds) > MAX_ADJUST_S:
        raise TimerRefused(
            "bad_request",
            f"The adjustment must be a whole number of seconds from -{MAX_ADJUST_S} to "
            f"{MAX_ADJUST_S}, other than 0.",
        )
    return replace(t, added_s=max(-t.limit_s, t.added_s + seconds))


def halt(t: Timer, now: datetime) -> tuple[Timer, int]:
    """Stop the clock when the chair leaves the slot: (the timer, paused if it was running, and
    its final elapsed ms). Never refused, so moving between slots always works; the caller records
    the elapsed time (planned vs actual) and then resets the timer for the next slot.
    """
    if t.status is TimerStatus.RUNNING:
        t = pause(t, now)
    return t, elapsed_ms(t, now)


def elapsed_ms(t: Timer, now: datetime) -> int:
    """Milliseconds the timer has run as of `now`; never negative, even if `now` < started_at."""
    if t.status is TimerStatus.RUNNING:
        return t.accumulated_ms + _running_ms(t, now)
    return t.accumulated_ms


def remaining_ms(t: Timer, now: datetime) -> int:
    """Milliseconds left of the effective limit; negative once the speaker is over time."""
    return t.effective_limit_s * 1000 - elapsed_ms(t, now)


def phase(t: Timer, now: datetime, warn_s: int = 60) -> Phase:
    """"overrun" once the limit is reached, "warning" in its last `warn_s` s, else "normal"."""
    left = remaining_ms(t, now)
    if left <= 0:
        return "overrun"
    if left <= warn_s * 1000:
        return "warning"
    return "normal"


def format_clock(ms: int) -> str:
    """"4:59", "0:07", overtime as "+0:42": the same as Minbar.formatClock in static/js/live-rules.js
    (both checked against tests/data/timing_cases.json). Whole seconds round towards the limit, so
    the clock shows 0:01 until the very last millisecond, then +0:00."""
    over = ms < 0
    total = (-ms) // 1000 if over else -(-ms // 1000)
    return f"{'+' if over else ''}{total // 60}:{total % 60:02d}"


def from_contract(data: dict, at: datetime) -> Timer:
    """The timer a STATE's `timer` (see `to_contract`) describes, as of `at`, the instant the STATE
    was made for: elapsed time is banked, so asking it about `at` answers what the STATE says. The
    effective limit becomes the limit (added time is already in it)."""
    status = TimerStatus(data["status"])
    elapsed = 0 if status is TimerStatus.IDLE else int(data["elapsed_ms"])
    return Timer(status=status, limit_s=int(data["limit_s"]), accumulated_ms=elapsed,
                 started_at=at if status is TimerStatus.RUNNING else None)


def to_contract(t: Timer, now: datetime) -> dict:
    """The timer as the live contract's STATE publishes it, with elapsed time as of `now`.

    `limit_s` is the effective limit; `started_at` is Unix ms while running and null otherwise.
    """
    return {
        "status": t.status.value,
        "limit_s": t.effective_limit_s,
        "elapsed_ms": elapsed_ms(t, now),
        "started_at": to_ms(t.started_at) if t.started_at is not None else None,
    }
