"""The speaker timer and the current slot: the `timer` and `slot` command families.

A session starts on its first slot with the timer idle at that slot's limit. Moving to another
slot halts the running timer, records the finished slot's actual speaking time, and loads the
next slot's limit (a discussion block's timer runs against the block's length).

The chair may set the session's amber threshold (`timer` action `thresholds`, `{"warn_s": N}`);
it is kept in the timer part and survives resets and slot moves. The `started` part records when
the session actually began (its first timer start or slot move), for schedule-drift projections.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from sessions.live.state import Command, Family, Feature, LiveSession, Part, Refused, SessionInfo
from speakers import policy
from timing import timer as timers
from timing.clock import from_ms, to_ms
from timing.timer import Timer, TimerStatus

MAX_ADJUST_S = timers.MAX_ADJUST_S
MAX_WARN_S = 3600


def limit_for(info: SessionInfo, slot_key: str | None) -> int:
    slot = info.slot(slot_key)
    if slot is None or slot.minutes is None:
        return info.default_limit_s
    return slot.minutes * 60


# -- the timer part ------------------------------------------------------------------------

@dataclass(frozen=True)
class SessionTimer(Timer):
    """The session's timer: the core `Timer` plus the chair's amber threshold.

    `warn_s` None means the session's default (`SessionInfo.warn_s`). It belongs to the session,
    not to one speaker, so `_carry` keeps it when the core builds a fresh Timer (reset, next slot).
    """

    warn_s: int | None = None


def _carry(new: Timer, old: Timer) -> SessionTimer:
    # The core's transitions keep a SessionTimer (dataclasses.replace); reset() builds a plain one.
    if isinstance(new, SessionTimer):
        return new
    return SessionTimer(new.status, new.limit_s, new.accumulated_ms, new.started_at, new.added_s,
                        warn_s=getattr(old, "warn_s", None))


def _dump_timer(t: Timer) -> dict:
    return {"status": t.status.value, "limit_s": t.limit_s, "accumulated_ms": t.accumulated_ms,
            "started_at": to_ms(t.started_at) if t.started_at else None, "added_s": t.added_s,
            "warn_s": getattr(t, "warn_s", None)}


def _load_timer(data: dict, _info: SessionInfo) -> Timer:
    started = data.get("started_at")
    return SessionTimer(status=TimerStatus(data["status"]), limit_s=data["limit_s"],
                        accumulated_ms=data.get("accumulated_ms", 0),
                        started_at=from_ms(started) if started is not None else None,
                        added_s=data.get("added_s", 0), warn_s=data.get("warn_s"))


def _timer_contract(t: Timer, info: SessionInfo, now: datetime) -> dict:
    warn_s = getattr(t, "warn_s", None)
    return {**timers.to_contract(t, now), "warn_s": info.warn_s if warn_s is None else warn_s}


def _restore_timer(t: Timer, at: datetime, now: datetime) -> Timer:
    """The timer as `undo` puts it back at `now`, as it was at `at`: a running one keeps the
    elapsed time it had at `at` and runs on from `now` (its anchor moves by now - at)."""
    if t.status is TimerStatus.RUNNING and t.started_at is not None and now > at:
        return replace(t, started_at=t.started_at + (now - at))
    return t


TIMER = Part(
    name="timer",
    initial=lambda info: SessionTimer(TimerStatus.IDLE, limit_for(info, info.slots[0].key if info.slots else None)),
    dump=_dump_timer, load=_load_timer, contract=_timer_contract, restore=_restore_timer,
)

# Finished slots' actual speaking time in ms, by slot id: the planned-versus-actual record.
ACTUALS = Part(
    name="actuals",
    initial=lambda info: {},
    dump=dict, load=lambda data, info: dict(data), contract=lambda value, info, now: dict(value),
)

# When the session actually began: STATE `started` is {"started_at": Unix ms or null}.
STARTED = Part(
    name="started",
    initial=lambda info: None,
    dump=lambda value: {"started_at": to_ms(value)} if value is not None else None,
    load=lambda data, info: from_ms(data["started_at"]) if data and data.get("started_at") is not None else None,
    contract=lambda value, info, now: {"started_at": to_ms(value) if value is not None else None},
    undoable=False,   # the session did begin, whatever is undone afterwards
)


def mark_started(live: LiveSession, now: datetime) -> LiveSession:
    """The first timer start (or resume) or slot move is the session's actual start; later ones
    change nothing."""
    return live if live.part("started") is not None else live.with_part("started", now)


def stored_started_at(data: Mapping | None) -> datetime | None:
    """The actual start recorded in a stored live state (`LiveStateRow.data`), if any."""
    stored = ((data or {}).get("parts") or {}).get("started")
    return STARTED.load(stored, None) if stored else None


# -- the timer family ----------------------------------------------------------------------

def _seconds(payload) -> int:
    seconds = payload.get("seconds")
    if not isinstance(seconds, int) or isinstance(seconds, bool) or seconds == 0 or abs(seconds) > MAX_ADJUST_S:
        raise Refused("bad_request", f"'seconds' must be a whole number from -{MAX_ADJUST_S} to {MAX_ADJUST_S}, not 0.")
    return seconds


def _warn_seconds(payload) -> int:
    warn_s = payload.get("warn_s")
    if not isinstance(warn_s, int) or isinstance(warn_s, bool) or not 0 <= warn_s <= MAX_WARN_S:
        raise Refused("bad_request", f"'warn_s' must be a whole number of seconds from 0 to {MAX_WARN_S}.")
    return warn_s


def handle_timer(live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> LiveSession:
    t: Timer = live.part("timer")
    # The core timer's refusals are `Refused` already (one refusal type): they pass through.
    if command.action == "start":
        new = timers.start(t, now)
    elif command.action == "pause":
        new = timers.pause(t, now)
    elif command.action == "resume":
        new = timers.resume(t, now)
    elif command.action == "reset":
        new = timers.reset(t, limit_for(info, live.slot))
    elif command.action == "thresholds":
        new = replace(_carry(t, t), warn_s=_warn_seconds(command.payload))
    else:  # adjust
        new = timers.adjust(t, _seconds(command.payload))
    live = live.with_part("timer", _carry(new, t))
    return mark_started(live, now) if command.action in ("start", "resume") else live


TIMER_FAMILY = Family(
    name="timer",
    actions=frozenset({"start", "pause", "resume", "reset", "adjust", "thresholds"}),
    handle=handle_timer,
    authorise=lambda actor, info, command: policy.may(actor, "timer.control", info.conference, info.key),
)


# -- the slot family -----------------------------------------------------------------------

def move_to(live: LiveSession, info: SessionInfo, target: str, now: datetime) -> LiveSession:
    """Halt the timer, record the slot just finished (if it ran), load the target slot's limit."""
    halted, elapsed = timers.halt(live.part("timer"), now)
    actuals = dict(live.part("actuals"))
    if live.slot is not None and elapsed > 0:
        actuals[live.slot] = elapsed
    moved = replace(live, slot=target)
    moved = moved.with_part("actuals", actuals)
    moved = mark_started(moved, now)
    return moved.with_part("timer", _carry(timers.reset(halted, limit_for(info, target)), halted))


def handle_slot(live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> LiveSession:
    if not info.slots:
        raise Refused("invalid_state", "This session has no speaker slots.")
    index = info.slot_index(live.slot) or 0
    if command.action == "next":
        if index + 1 >= len(info.slots):
            raise Refused("invalid_state", "This is already the last slot of the session.")
        target = info.slots[index + 1].key
    elif command.action == "prev":
        if index == 0:
            raise Refused("invalid_state", "This is already the first slot of the session.")
        target = info.slots[index - 1].key
    else:  # goto
        target = command.payload.get("slot")
        if not isinstance(target, str):
            raise Refused("bad_request", "'slot' must be a slot id.")
        if info.slot(target) is None:
            raise Refused("not_found", f"There is no slot '{target}' in this session.")
    return move_to(live, info, target, now)


SLOT_FAMILY = Family(
    name="slot",
    actions=frozenset({"next", "prev", "goto"}),
    handle=handle_slot,
    authorise=lambda actor, info, command: policy.may(actor, "slot.move", info.conference, info.key),
)


FEATURE = Feature("timer_and_slots", parts=(TIMER, ACTUALS, STARTED), families=(TIMER_FAMILY, SLOT_FAMILY))
