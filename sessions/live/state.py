"""A session's live state: one versioned aggregate made of parts (timer, queue, channels, ...).

Plain Python. Each feature declares a `Feature`: its `Part`s (initial value, how each is stored,
how the contract publishes it), its `Family`s of commands (the `timer`, `slot`, `queue`,
`channel`, ... events of the contract: a pure function from (live state, command, session info,
now) to a new live state, raising `Refused` for anything that does not apply), its after-apply
hooks and event-log notes. `sessions.live.features.FEATURES` lists the features in order and
`LiveFeatures` runs them; `sessions.live.operations` loads, applies, persists and logs; the transports
only parse and broadcast. Nothing registers itself by being imported.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from types import MappingProxyType
from typing import Any, Callable, Mapping

from conference.errors import MinbarError
from timing.clock import to_ms


# A command that does not apply now; nothing changes. The one refusal type from the core to the
# wire (`conference.errors.MinbarError`: `code`, `message`, `extra`), raised as it is by every
# feature (the timer's, the queue's and the channels' refusals are the same class).
Refused = MinbarError


@dataclass(frozen=True)
class SlotInfo:
    key: str
    kind: str                       # statement | presentation | discussion
    minutes: int | None
    language: str | None
    role: Mapping[str, str] = field(default_factory=dict)
    speaker: str | None = None      # the speaker's name, None while TBD
    delegation: str = ""


@dataclass(frozen=True)
class BoothConfig:
    language: str
    sources: tuple[str, ...]
    listen_url: str = ""


@dataclass(frozen=True)
class SessionInfo:
    """What the live core needs to know of a session's agenda entry (read from the database)."""

    key: str
    conference: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    slots: tuple[SlotInfo, ...] = ()
    languages: tuple[str, ...] = ("ar", "en", "fr")
    booths: tuple[BoothConfig, ...] = ()
    floor_listen_url: str = ""      # the media platform's floor-channel link, if any
    intervention_s: int = 180
    warn_s: int = 60                # amber in the last minute by default
    default_limit_s: int = 300
    # Protocol ranks (speakers.models.Person.rank) by person key, of the people a command concerns
    # (its actor, when the link names a person); the queue's states_first policy reads them.
    ranks: Mapping[str, int] = field(default_factory=dict)
    # Two consoles' slot moves and timer starts closer than this are one too many (sessions.live.handover;
    # MINBAR_HANDOVER_S); 0 switches the rule off.
    handover_ms: int = 1500

    def slot(self, key: str | None) -> SlotInfo | None:
        return next((s for s in self.slots if s.key == key), None)

    def slot_index(self, key: str | None) -> int | None:
        return next((i for i, s in enumerate(self.slots) if s.key == key), None)


@dataclass(frozen=True)
class Command:
    family: str
    action: str
    payload: Mapping[str, Any]
    actor: Any                      # speakers.identity.Identity
    # The connection it came on (the Socket.IO sid), or None (HTTP, the command line): two
    # consoles of one link are two operators (sessions.live.handover).
    connection: str | None = None

    @property
    def name(self) -> str:
        """The event log's name: "timer.start", "slot.next"; an event of one action ("undo") alone."""
        return self.family if self.action == self.family else f"{self.family}.{self.action}"


@dataclass(frozen=True)
class LiveSession:
    session: str
    version: int = 0
    slot: str | None = None
    parts: Mapping[str, Any] = field(default_factory=dict)

    def part(self, name: str) -> Any:
        return self.parts[name]

    def with_part(self, name: str, value: Any) -> "LiveSession":
        return replace(self, parts=MappingProxyType({**self.parts, name: value}))


@dataclass(frozen=True)
class Part:
    name: str
    initial: Callable[[SessionInfo], Any]
    dump: Callable[[Any], Any]                          # -> JSON-able
    load: Callable[[Any, SessionInfo], Any]
    contract: Callable[[Any, SessionInfo, datetime], Any]
    # When set, STATE publishes view(live, info, now) instead of contract(value, ...): for a part
    # whose public shape also reads other parts (the queue's time budget reads the slot and timer).
    view: Callable[[LiveSession, SessionInfo, datetime], Any] | None = None
    # `undo` puts back the value a part had before the undone command (see sessions.live.undo): False
    # for a record of what happened that stays true (the session's actual start).
    undoable: bool = True
    # restore(value, at, now): the value as `undo` puts it back at `now`, recorded at `at` (a
    # running timer's anchor moves by now - at, so its elapsed time goes on from what it was).
    restore: Callable[[Any, datetime, datetime], Any] | None = None


Handler = Callable[[LiveSession, Command, SessionInfo, datetime], LiveSession]
Authorise = Callable[[Any, SessionInfo, Command], bool]


@dataclass(frozen=True)
class Family:
    name: str
    actions: frozenset[str]
    handle: Handler
    authorise: Authorise
    # Extra acknowledgement fields for the actor alone (never broadcast), read from the state after
    # the command: (live, command, info, now) -> mapping (the queue tells a requester their place).
    ack: Callable[[LiveSession, Command, SessionInfo, datetime], Mapping[str, Any]] | None = None
    # The action of an event sent without `action` (`undo` has one action and no `action` field).
    default_action: str | None = None
    # False: the after-apply hooks do not run after this family's commands (`undo` puts parts
    # back exactly; the floor must not follow the restored slot on its own).
    follow: bool = True


# Before a command's handler, after its `expect` passed: (live, command, info, now) -> None, or
# Refused (two operators overrunning each other: sessions.live.handover).
Guard = Callable[[LiveSession, Command, SessionInfo, datetime], None]
# After a command's handler: (before, after, command, info, now) -> after. A feature that follows
# another's changes (the channels' floor follows the slot and the queue) declares one, so the
# other feature's code needs no change.
Hook = Callable[[LiveSession, LiveSession, Command, SessionInfo, datetime], LiveSession]
# (before, after, command, info) -> a note for the event log ("" for none): what a command changed
# beyond its own part (an automatic floor switch after a slot move).
Note = Callable[[LiveSession, LiveSession, Command, SessionInfo], str]


@dataclass(frozen=True)
class Feature:
    """One live feature, declared whole: its parts, its command families, its after-apply hooks
    and event-log notes. `sessions.live.features.FEATURES` lists them in order."""

    name: str
    parts: tuple[Part, ...] = ()
    families: tuple[Family, ...] = ()
    after_apply: tuple[Hook, ...] = ()
    notes: tuple[Note, ...] = ()
    guards: tuple[Guard, ...] = ()


class LiveFeatures:
    """The live core over an explicit, ordered list of features.

    Parts appear in STATE in the features' order; after-apply hooks and notes run in the
    features' order (then each feature's own order). A name declared twice is a ValueError.
    """

    def __init__(self, features: tuple[Feature, ...]):
        self.features = tuple(features)
        self.parts: Mapping[str, Part] = MappingProxyType(_unique("part", (p for f in self.features for p in f.parts)))
        self.families: Mapping[str, Family] = MappingProxyType(
            _unique("family", (c for f in self.features for c in f.families)))
        self.after_apply: tuple[Hook, ...] = tuple(h for f in self.features for h in f.after_apply)
        self.notes_of: tuple[Note, ...] = tuple(n for f in self.features for n in f.notes)
        self.guards: tuple[Guard, ...] = tuple(g for f in self.features for g in f.guards)

    def family(self, name: str) -> Family | None:
        return self.families.get(name)

    def command_family(self, command: Command) -> Family:
        """The command's family; `Refused("bad_request")` for an unknown family or action."""
        family = self.families.get(command.family)
        if family is None or command.action not in family.actions:
            raise Refused("bad_request", f"Unknown action '{command.action}' for '{command.family}'.")
        return family

    def notes(self, before: LiveSession, after: LiveSession, command: Command, info: SessionInfo) -> str:
        return "; ".join(note for describe in self.notes_of if (note := describe(before, after, command, info)))

    def initial(self, info: SessionInfo) -> LiveSession:
        first = info.slots[0].key if info.slots else None
        return LiveSession(info.key, 0, first, MappingProxyType({n: p.initial(info) for n, p in self.parts.items()}))

    def dump(self, live: LiveSession) -> dict:
        return {"slot": live.slot,
                "parts": {n: self.parts[n].dump(v) for n, v in live.parts.items() if n in self.parts}}

    def load(self, data: Mapping | None, version: int, info: SessionInfo) -> LiveSession:
        """Rebuild from stored data; a part added since the row was written starts from its initial."""
        if not data:
            return replace(self.initial(info), version=version)
        stored = data.get("parts", {})
        parts = {n: (p.load(stored[n], info) if n in stored else p.initial(info)) for n, p in self.parts.items()}
        return LiveSession(info.key, version, data.get("slot"), MappingProxyType(parts))

    def apply(self, live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> LiveSession:
        """The state after `command`, or `Refused`: a stale `expect` first, then every guard,
        then the family's handler, then (unless the family says not to) every after-apply hook."""
        family = self.command_family(command)
        check_expected(live, command, info, now, self)
        for guard in self.guards:
            try:
                guard(live, command, info, now)
            except Refused as refusal:   # the refused console shows what is current, as for `stale`
                refusal.extra.setdefault("state", self.to_contract(live, info, now))
                raise
        new = family.handle(live, command, info, now)
        if family.follow:
            for hook in self.after_apply:
                new = hook(live, new, command, info, now)
        return new

    def default_action(self, family_name: str) -> str | None:
        """The action of a command sent without one (`Family.default_action`), else None."""
        family = self.families.get(family_name)
        return family.default_action if family is not None else None

    def ack_fields(self, live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> dict:
        """The command family's extra acknowledgement fields (see `Family.ack`); {} for most."""
        family = self.families.get(command.family)
        return dict(family.ack(live, command, info, now)) if family is not None and family.ack else {}

    def to_contract(self, live: LiveSession, info: SessionInfo, now: datetime) -> dict:
        """The contract's STATE: session, version, server_time, slot, then every part by name."""
        state = {"session": live.session, "version": live.version, "server_time": to_ms(now), "slot": live.slot}
        for name, value in live.parts.items():
            part = self.parts.get(name)
            if part is not None:
                state[name] = part.view(live, info, now) if part.view else part.contract(value, info, now)
        return state


def _unique(kind: str, items) -> dict:
    named: dict = {}
    for item in items:
        if item.name in named:
            raise ValueError(f"The live {kind} '{item.name}' is declared twice.")
        named[item.name] = item
    return named


def expected_version(payload: Mapping[str, Any]) -> int | None:
    """The command's `expect`: the STATE version the client acted on (None when not given, or
    null). Anything but a whole number from 0 up is `Refused("bad_request")`."""
    value = payload.get("expect")
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise Refused("bad_request", "'expect' must be the STATE version the command was meant for (a whole number from 0).")
    return value


def check_expected(live: LiveSession, command: Command, info: SessionInfo, now: datetime,
                   features: LiveFeatures) -> None:
    """`Refused("stale", state=STATE)` when the command names a version the session has left."""
    expected = expected_version(command.payload)
    if expected is not None and expected != live.version:
        raise Refused("stale", f"The session has changed since version {expected}; it is now at "
                               f"version {live.version}. Nothing was done.",
                      state=features.to_contract(live, info, now))
