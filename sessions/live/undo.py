"""Undo: the chair takes back their last `timer` or `slot` command (the `undo` part and event).

Plain Python; `feature(BASE_FEATURES)` builds the feature over the parts of the features before
it (`sessions.live.features`). After every `timer` or `slot` command that changed something,
`remember` (the last after-apply hook) keeps an undo record in the live state: the version the
command made, when it was applied, its name, and the slot and the parts as they were just
before it (only the parts it changed, the after-apply hooks' changes included: the queue's
intervention ended by a slot move, the floor that followed the speaker). A part marked `undoable=False` (the session's actual
start) is never put back.

The `undo` event (`{"session": ID, "expect": VERSION}`, the chair or an organiser: the timer's
permission) puts that slot and those parts back, when:
- the record's version is the session's current one: nothing has changed since the command (a
  queue request, a floor switch, another timer command: any new version makes it too late);
- it is at most UNDO_WINDOW_S old by the server's clock;
- it was not undone already (undoing clears the record).
Otherwise it is `Refused("invalid_state")` and nothing changes. A running timer keeps running
with the time it had when the command was applied: its anchor moves by the time the undone
command was in force (`Part.restore`), so its elapsed time goes on from there. The after-apply
hooks do not run after `undo` (`Family.follow=False`): the parts come back exactly as they were.

STATE `undo`: `{"action": "slot.next", "version": N, "until": UNIX_MS}` while an undo is possible
(`version` is then STATE's own), else null.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sessions.live import speaking
from sessions.live.state import Command, Family, Feature, LiveSession, Part, Refused, SessionInfo
from timing.clock import from_ms, to_ms

UNDO_WINDOW_S = 60
UNDOABLE_FAMILIES = frozenset({"timer", "slot"})
NAME = "undo"


def _record_of(live: LiveSession) -> dict | None:
    record = live.parts.get(NAME)
    return record if isinstance(record, dict) else None


def _load(data: Any, _info: SessionInfo) -> dict | None:
    if not isinstance(data, dict) or not isinstance(data.get("version"), int) or not isinstance(data.get("at"), int):
        return None
    return {"version": data["version"], "at": data["at"], "action": str(data.get("action", "")),
            "slot": data.get("slot"), "parts": dict(data.get("parts") or {})}


def available(live: LiveSession, now: datetime) -> dict | None:
    """The undo record when an undo is possible now, else None."""
    record = _record_of(live)
    if record is None or record["version"] != live.version:
        return None
    if now - from_ms(record["at"]) > timedelta(seconds=UNDO_WINDOW_S):
        return None
    return record


def view(live: LiveSession, _info: SessionInfo, now: datetime) -> dict | None:
    record = available(live, now)
    if record is None:
        return None
    return {"action": record["action"], "version": record["version"],
            "until": record["at"] + UNDO_WINDOW_S * 1000}


PART = Part(
    name=NAME,
    initial=lambda info: None,
    dump=lambda value: value,
    load=_load,
    contract=lambda value, info, now: None,
    view=view,
    undoable=False,
)


def remember(parts: Mapping[str, Part], before: LiveSession, after: LiveSession, command: Command,
             info: SessionInfo, now: datetime) -> LiveSession:
    """After-apply hook, the last one: a `timer` or `slot` command that changed something leaves
    an undo record of what it changed."""
    if command.family not in UNDOABLE_FAMILIES or after == before:
        return after
    changed = {name: parts[name].dump(value) for name, value in before.parts.items()
               if name in parts and parts[name].undoable and after.parts.get(name) != value}
    record = {"version": before.version + 1, "at": to_ms(now), "action": command.name,
              "slot": before.slot, "parts": changed}
    return after.with_part(NAME, record)


def handle_undo(parts: Mapping[str, Part], live: LiveSession, command: Command, info: SessionInfo,
                now: datetime) -> LiveSession:
    record = _record_of(live)
    if record is None or record["version"] != live.version:
        raise Refused("invalid_state", "There is nothing to undo: no timer or slot command was the "
                                       "last change to this session.")
    at = from_ms(record["at"])
    if now - at > timedelta(seconds=UNDO_WINDOW_S):
        raise Refused("invalid_state", f"Too late to undo: a command can be undone for {UNDO_WINDOW_S} seconds.")
    restored = replace(live, slot=record["slot"])
    for name, data in record["parts"].items():
        part = parts.get(name)
        if part is None:
            continue
        value = part.load(data, info)
        restored = restored.with_part(name, part.restore(value, at, now) if part.restore else value)
    return restored.with_part(NAME, None)


def note(before: LiveSession, after: LiveSession, command: Command, info: SessionInfo) -> str:
    """The event log's note for an undo: which command it took back."""
    if command.family != NAME:
        return ""
    record = _record_of(before) or {}
    return f"undid {record.get('action', '?')} (version {record.get('version', '?')})"


def feature(features: tuple[Feature, ...]) -> Feature:
    """Undo over `features`: it records and puts back their parts. Listed after them, so its hook
    runs last and sees every other hook's changes."""
    parts = {p.name: p for f in features for p in f.parts}
    family = Family(
        name=NAME,
        actions=frozenset({NAME}),
        handle=lambda live, command, info, now: handle_undo(parts, live, command, info, now),
        # The timer's permission: whoever may start and reset the timer may take a command back.
        authorise=lambda actor, info, command: speaking.TIMER_FAMILY.authorise(actor, info, command),
        default_action=NAME,
        follow=False,
    )
    return Feature(NAME, parts=(PART,), families=(family,),
                   after_apply=(lambda before, after, command, info, now:
                                remember(parts, before, after, command, info, now),),
                   notes=(note,))
