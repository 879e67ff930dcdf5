"""The app's clock: the real one, or a rehearsal clock shifted to a past instant (MINBAR_AT).

A rehearsal (`minbar run --at 2021-02-24T11:14`) is kept with the instance: the file
`<instance>/rehearsal.json` holds its `--at` instant and the rehearsal clock's offset from real
time. Any process started with the same `--at` (a restart after a crash, a second process, a CLI
command) reads the kept offset and so continues the same rehearsal, where it was; a different
`--at` starts a new one, which `minbar run` keeps (`keep_rehearsal`) in place of the old. Without
`--at` the clock is the real one and the kept rehearsal is left as it is.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytz

from timing.clock import Clock, ShiftedClock, SystemClock, from_ms, to_ms

REHEARSAL_FILE = "rehearsal.json"


def parse_instant(text: str, zone_name: str = "Asia/Beirut") -> datetime:
    """ISO 8601; a time without an offset is wall time in the conference's zone."""
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = pytz.timezone(zone_name).localize(moment, is_dst=None)
    return moment.astimezone(pytz.utc)


@dataclass(frozen=True)
class Rehearsal:
    at: datetime                    # the `--at` instant the rehearsal began from
    offset: timedelta               # the rehearsal clock minus the real clock
    continued: bool                 # read from the instance (True) or begun by this process
    replaced: datetime | None = None   # a kept rehearsal with another `--at`, set aside


class RehearsalClock(ShiftedClock):
    """A ShiftedClock that knows its rehearsal (for start-up to keep and announce it)."""

    rehearsal: Rehearsal


def rehearsal_path(instance: str | Path) -> Path:
    return Path(instance) / REHEARSAL_FILE


def kept_rehearsal(instance: str | Path | None) -> tuple[datetime, timedelta] | None:
    """The instance's kept rehearsal (`--at` instant, offset), or None (none kept, or unreadable)."""
    if not instance:
        return None
    try:
        data = json.loads(rehearsal_path(instance).read_text())
        return from_ms(int(data["at_ms"])), timedelta(milliseconds=int(data["offset_ms"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def rehearsal_for(at: datetime, instance: str | Path | None, base: Clock) -> Rehearsal:
    """The rehearsal from `at`: the kept one when it began from the same instant, else a new one
    starting now."""
    kept = kept_rehearsal(instance)
    if kept is not None and kept[0] == at:
        return Rehearsal(at, kept[1], continued=True)
    return Rehearsal(at, at - base.now(), continued=False, replaced=kept[0] if kept else None)


def keep_rehearsal(rehearsal: Rehearsal, instance: str | Path) -> None:
    """Write the rehearsal into the instance (atomically: a crash leaves the old file or the new)."""
    path = rehearsal_path(instance)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    with open(temporary, "w") as handle:
        json.dump({"at_ms": to_ms(rehearsal.at), "offset_ms": rehearsal.offset // timedelta(milliseconds=1),
                   "at": rehearsal.at.isoformat()}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


DEFAULT_ZONE = "Asia/Beirut"      # the bundled conference's


def server_zone(config) -> str:
    """The zone `--at` is read in, and that pages outside a conference name (MINBAR_ZONE)."""
    return config.get("MINBAR_ZONE") or DEFAULT_ZONE


def clock_from_config(config, base: Clock | None = None) -> SystemClock | RehearsalClock:
    at = config.get("MINBAR_AT")
    if not at:
        return SystemClock()
    base = base if base is not None else SystemClock()
    rehearsal = rehearsal_for(parse_instant(at, server_zone(config)),
                              config.get("INSTANCE_PATH"), base)
    clock = RehearsalClock.with_offset(rehearsal.offset, base)
    clock.rehearsal = rehearsal
    return clock
