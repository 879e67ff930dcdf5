"""Conference time zones (pytz): turning agenda wall times into instants, and back for display.

Instants are stored in UTC; a zone is only for reading and presenting them. With pytz a zone must
be applied with `localize`, never `datetime(..., tzinfo=zone)` (that picks the zone's first
historical offset, +02:22 LMT for Beirut). `localize(..., is_dst=None)` makes the two wall times a
DST change breaks into errors instead of silent guesses. In Asia/Beirut, for example:

- 2021-03-28 00:00-00:59 does not exist (clocks jump from 00:00 to 01:00): `NonexistentTime`;
- 2021-10-30 23:00-23:59 happens twice (clocks go back from 00:00 to 23:00): `AmbiguousTime`.
"""

from __future__ import annotations

from datetime import date, datetime, time, tzinfo

import pytz

from timing.clock import to_utc

__all__ = [
    "AmbiguousTime", "NonexistentTime", "UnknownZone",
    "get_zone", "localize", "to_utc", "to_zone", "utc_offset_iso",
]


class UnknownZone(ValueError):
    """The name is not an IANA time zone that pytz knows."""


class WallTimeError(ValueError):
    """A wall time that does not name exactly one instant in its zone."""

    def __init__(self, local: datetime, zone_name: str, what: str, why: str) -> None:
        shown = local.isoformat(sep=" ", timespec="minutes" if not local.second else "seconds")
        super().__init__(f"{shown} {what} in {zone_name}: {why}.")
        self.local = local
        self.zone_name = zone_name


class NonexistentTime(WallTimeError):
    """The clocks skip this wall time (daylight saving time starts)."""

    def __init__(self, local: datetime, zone_name: str) -> None:
        super().__init__(local, zone_name, "does not exist",
                         "the clocks skip it when daylight saving time starts")


class AmbiguousTime(WallTimeError):
    """This wall time happens twice (daylight saving time ends)."""

    def __init__(self, local: datetime, zone_name: str) -> None:
        super().__init__(local, zone_name, "happens twice",
                         "the clocks go back when daylight saving time ends")


def get_zone(name: str) -> tzinfo:
    """The pytz zone called `name` (e.g. "Asia/Beirut"); `UnknownZone` if there is none."""
    try:
        return pytz.timezone(name)
    except (pytz.UnknownTimeZoneError, AttributeError, TypeError):
        # AttributeError/TypeError: pytz assumes a str and fails oddly on anything else.
        raise UnknownZone(f"Unknown time zone: {name!r}.") from None


def localize(day: date, wall: time, zone_name: str) -> datetime:
    """The UTC instant at which the clocks in `zone_name` show `wall` on `day`.

    `wall` must be naive (its zone is `zone_name`). Raises `NonexistentTime` or `AmbiguousTime`
    when a DST change means that wall time is not exactly one instant.
    """
    if wall.tzinfo is not None:
        raise ValueError(f"wall time {wall.isoformat()} must be naive: {zone_name} is its zone")
    zone = get_zone(zone_name)
    local = datetime.combine(day, wall)
    try:
        return to_utc(zone.localize(local, is_dst=None))
    except pytz.NonExistentTimeError:
        raise NonexistentTime(local, zone_name) from None
    except pytz.AmbiguousTimeError:
        raise AmbiguousTime(local, zone_name) from None


def to_zone(dt: datetime, zone_name: str) -> datetime:
    """The instant `dt` as the clocks in `zone_name` show it; a naive `dt` is a ValueError."""
    # astimezone() calls the pytz zone's fromutc(), which picks the right offset (unlike tzinfo=).
    return to_utc(dt).astimezone(get_zone(zone_name))


def utc_offset_iso(dt: datetime, zone_name: str) -> str:
    """ISO 8601 in the zone with its offset, to the second: "2021-02-24T10:00:00+02:00"."""
    return to_zone(dt, zone_name).isoformat(timespec="seconds")
