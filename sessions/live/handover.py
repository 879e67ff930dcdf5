"""Operators who cannot overrun each other: the `handover` part and its guard.

Two chair consoles on one session (two people, or one person with two windows: a console is a
connection, whatever its link) can both press Next before either sees the other's move; both
moves would apply and a speaker be skipped with nobody told. `expect` catches only the case where
the second console had not yet received the first change; a person cannot react in 40 ms.

So the live state remembers the last slot move or timer command: which connection sent it, who
(the link's name and role), what (`slot.next`, `timer.start`, ...) and when. A slot move (`next`,
`prev`, `goto`) or a timer `start` from *another* connection within `SessionInfo.handover_ms`
(MINBAR_HANDOVER_S, 1.5 s by default) of it is `Refused("just_changed")`, with `by`, `role`,
`action` and `at` so the console can say, in its reader's language, who changed what, and the
current STATE. The operator may then send the command again with `"force": true`. The same
connection is never refused (its own double presses are the console's to merge: it sends one
press per second at most). Commands without a connection (HTTP, the command line) are neither
refused nor remembered.

STATE `handover`: `{"by": NAME, "role": ROLE, "action": "slot.next", "at": UNIX_MS}` or null (the
connection id stays on the server).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sessions.live.state import Command, Feature, LiveSession, Part, Refused, SessionInfo
from timing.clock import to_ms

NAME = "handover"
GUARDED = frozenset({"slot.next", "slot.prev", "slot.goto", "timer.start"})
REMEMBERED_FAMILIES = frozenset({"slot", "timer"})


def _load(data: Any, _info: SessionInfo) -> dict | None:
    if not isinstance(data, dict) or not isinstance(data.get("at"), int):
        return None
    return {"connection": str(data.get("connection") or ""), "by": str(data.get("by") or ""),
            "role": str(data.get("role") or ""), "action": str(data.get("action") or ""), "at": data["at"]}


def _contract(value: dict | None, _info: SessionInfo, _now: datetime) -> dict | None:
    if not value:
        return None
    return {"by": value["by"], "role": value["role"], "action": value["action"], "at": value["at"]}


PART = Part(name=NAME, initial=lambda info: None, dump=lambda value: value, load=_load, contract=_contract,
            undoable=False)   # who last acted stays true whatever is undone


def forced(command: Command) -> bool:
    """`"force": true`: the operator saw the refusal and means it. Anything else is not forced."""
    value = command.payload.get("force")
    if value is not None and not isinstance(value, bool):
        raise Refused("bad_request", "'force' must be true or false.")
    return value is True


def guard(live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> None:
    """`just_changed` for a guarded command from another connection within the window."""
    if command.name not in GUARDED or forced(command) or command.connection is None or info.handover_ms <= 0:
        return
    last = live.parts.get(NAME)
    if not last or last["connection"] == command.connection:
        return
    # `now` is taken before the session's row is locked (sessions.live.operations), so a command
    # that waited for the lock behind the move it raced can come after it with an earlier instant:
    # a negative `ago` within the window is that race, not a clock gone back (one further back is).
    ago = to_ms(now) - last["at"]
    if -info.handover_ms < ago < info.handover_ms:
        ago = max(0, ago)
        raise Refused("just_changed",
                      f"{last['by'] or last['role']} did {last['action']} {ago} ms ago; nothing was done. "
                      "Send it again with \"force\": true to do it anyway.",
                      by=last["by"], role=last["role"], action=last["action"], at=last["at"], ago_ms=ago)


def remember(before: LiveSession, after: LiveSession, command: Command, info: SessionInfo,
             now: datetime) -> LiveSession:
    """After a slot move or timer command that changed something, record who sent it and when."""
    if command.family not in REMEMBERED_FAMILIES or command.connection is None:
        return after
    if after.slot == before.slot and after.parts.get("timer") == before.parts.get("timer"):
        return after
    actor = command.actor
    record = {"connection": command.connection, "by": getattr(actor, "name", "") or "",
              "role": getattr(actor, "role", "") or "", "action": command.name, "at": to_ms(now)}
    return after.with_part(NAME, record)


FEATURE = Feature(NAME, parts=(PART,), after_apply=(remember,), guards=(guard,))
