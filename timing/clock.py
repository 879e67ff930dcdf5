"""Clocks: where "now" comes from.

The core never reads the system time itself; it is given a `Clock` (or a `now`), so a test or a
rehearsal can put it at any instant. Every clock returns an aware datetime in UTC.

Unix milliseconds (`to_ms`, `from_ms`) are the wire format of instants in the live contract
(`server_time`, `started_at`).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Protocol, runtime_checkable

UTC = timezone.utc
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)


def to_utc(dt: datetime) -> datetime:
    """The same instant in UTC. A naive datetime names no instant: refused with ValueError."""
    if not isinstance(dt, datetime):
        raise TypeError(f"expected a datetime, got {type(dt).__name__}")
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"naive datetime {dt.isoformat()} refused: instants must carry a zone")
    return dt.astimezone(UTC)


def to_ms(dt: datetime) -> int:
    """Unix time in whole milliseconds (floored, so sub-millisecond parts never round up)."""
    # Integer timedelta arithmetic, not dt.timestamp(), so large values stay exact.
    return (to_utc(dt) - EPOCH) // _MS


def from_ms(ms: int) -> datetime:
    """The aware UTC instant for a Unix time in milliseconds."""
    return EPOCH + timedelta(milliseconds=ms)


@runtime_checkable
class Clock(Protocol):
    """Anything that can say what time it is, as an aware UTC datetime."""

    def now(self) -> datetime: ...


class SystemClock:
    """The machine's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class ShiftedClock:
    """A rehearsal clock (`minbar run --at`): it reads `at` when created, then runs at real speed.

    now() = at + (base.now() - base.now() at creation), that is base.now() + offset. A clock built
    from a kept offset (`with_offset`) goes on where an earlier one was: `conference.clock` keeps
    a rehearsal's offset with the instance, so a restarted process continues the rehearsal.
    """

    def __init__(self, at: datetime, base: Clock | None = None) -> None:
        self._base = base if base is not None else SystemClock()
        self._offset = to_utc(at) - self._base.now()

    @classmethod
    def with_offset(cls, offset: timedelta, base: Clock | None = None) -> "ShiftedClock":
        """A clock reading base.now() + offset."""
        clock = cls.__new__(cls)
        clock._base = base if base is not None else SystemClock()
        clock._offset = offset
        return clock

    @property
    def offset(self) -> timedelta:
        """This clock minus the base clock."""
        return self._offset

    def now(self) -> datetime:
        return self._base.now() + self._offset


class FixedClock:
    """A clock that moves only when told to; for tests."""

    def __init__(self, at: datetime) -> None:
        self._now = to_utc(at)

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float = 0, ms: int = 0) -> datetime:
        """Move forward (or, with negative values, back) and return the new now."""
        self._now += timedelta(seconds=seconds, milliseconds=ms)
        return self._now

    def set(self, at: datetime) -> None:
        """Jump to the instant `at`."""
        self._now = to_utc(at)
