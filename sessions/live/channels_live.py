"""Interpretation channels in a session's live state: the `channel` family and the floor that
follows the speaker, over the `channels` part of `sessions.live.channels_state` (which also says
what STATE `channels` holds).

Plain Python (layer 1): the relay rules are `sessions.live.channels`. Time comes in as `now`.

The `channel` actions (payload fields besides `session` and `action`):

- `floor` `{"language": LANG}`: the chair or an interpreter (a delegate switched language).
- `booth` `{"booth": LANG, "on": bool}`: an interpreter of that booth, or the chair.
- `select` `{"language": LANG | "floor", "client": ID?}`: anyone, for themself. Choices are not
  kept in the live state (no version, no event log, no lock on the session's row): the transport
  records them in `sessions.live.listeners` (a token holder counts once per link, an anonymous viewer
  once per connection; `client`, if sent, must be 8-64 letters, digits, `-`, `_` and is not used
  for counting) and publishes counts at most every few seconds. Here `select` only validates
  (`check_select`) and changes nothing.
- `slowdown` `{"booth": LANG?}`: an interpreter of that booth (the booth defaults to the link's)
  raises "slow down"; `{"on": false}` clears it (the chair, or that booth's interpreter).
- `handover` `{"booth": LANG?, "interpreter": NAME?, "minutes": N?}`: an interpreter of that booth
  (or the chair) restarts the booth's turn timer (TURN_S, 30 minutes, unless `minutes` says
  otherwise, 5 to 120).

The floor follows the speaker: after every command (any family), `follow_speaker` compares the
state before and after; when the current slot changed to one whose speaker's language is known,
or the queue gave the floor to an entry whose language is known, the floor takes that language.
The event log notes it (`floor_note`).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from sessions.live import channels
from sessions.live.channels import ChannelRefused
from sessions.live.channels_state import CHANNELS, Channels, FloorSource, Turn, booths_of, channel_names
from sessions.live.state import Command, Family, Feature, LiveSession, Refused, SessionInfo
from speakers import policy
from timing.clock import to_ms

TURN_S = 30 * 60
MIN_TURN_MINUTES, MAX_TURN_MINUTES = 5, 120
MAX_NAME = 80
CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


# -- the commands ------------------------------------------------------------------------------

def _booth_of(command: Command, info: SessionInfo) -> str:
    """The booth a command is about: the payload's `booth`, else the interpreter's own."""
    booth = command.payload.get("booth", getattr(command.actor, "booth", None))
    if not isinstance(booth, str):
        raise ChannelRefused("bad_request", "Name the booth: 'booth' must be a language code.")
    if not any(b.language == booth for b in info.booths):
        raise ChannelRefused("not_found", f"There is no {channels._name(booth)} booth.")
    return booth


def _floor(value: Channels, command: Command, info: SessionInfo, now: datetime) -> Channels:
    language = channels.set_floor(value.floor, command.payload.get("language"), info.languages)
    if language == value.floor:
        return value
    source = FloorSource("manual", role=getattr(command.actor, "role", None), at_ms=to_ms(now))
    return replace(value, floor=language, source=source)


def _booth(value: Channels, command: Command, info: SessionInfo, now: datetime) -> Channels:
    booth = command.payload.get("booth")
    if not isinstance(booth, str):
        raise ChannelRefused("bad_request", "Name the booth: 'booth' must be a language code.")
    switched = channels.set_booth(booths_of(info, value), booth, command.payload.get("on"))
    off = frozenset(b.language for b in switched if not b.on)
    return replace(value, off=off)


def check_select(payload: Mapping, names: tuple[str, ...]) -> str:
    """The channel a `select` chooses (one of `names`); raises ChannelRefused("bad_request")."""
    language = payload.get("language")
    if not isinstance(language, str) or language not in names:
        raise ChannelRefused("bad_request", f"The channel must be one of {', '.join(names)}.")
    client = payload.get("client")
    if client is not None and (not isinstance(client, str) or not CLIENT_ID.match(client)):
        raise ChannelRefused("bad_request", "'client' must be 8 to 64 letters, digits, '-' or '_'.")
    return language


def _select(value: Channels, command: Command, info: SessionInfo, now: datetime) -> Channels:
    # Listeners live outside the versioned state (sessions.live.listeners): validate, change nothing.
    check_select(command.payload, channel_names(info))
    return value


def _slowdown(value: Channels, command: Command, info: SessionInfo, now: datetime) -> Channels:
    on = command.payload.get("on", True)
    if not isinstance(on, bool):
        raise ChannelRefused("bad_request", "'on' must be true or false.")
    if not on:
        # The chair clears any signal; an interpreter only their own booth's.
        mine = policy.may(command.actor, "channel.clear_signals", info.conference, info.key) or (
            value.slowdown is not None and value.slowdown[0] == getattr(command.actor, "booth", None))
        return replace(value, slowdown=None) if mine else value
    return replace(value, slowdown=(_booth_of(command, info), to_ms(now)))


def _handover(value: Channels, command: Command, info: SessionInfo, now: datetime) -> Channels:
    booth = _booth_of(command, info)
    minutes = command.payload.get("minutes", TURN_S // 60)
    if (not isinstance(minutes, int) or isinstance(minutes, bool)
            or not MIN_TURN_MINUTES <= minutes <= MAX_TURN_MINUTES):
        raise ChannelRefused("bad_request", f"'minutes' must be a whole number from "
                                            f"{MIN_TURN_MINUTES} to {MAX_TURN_MINUTES}.")
    name = command.payload.get("interpreter", None)
    if name is None:
        name = getattr(command.actor, "name", "") or ""
    if not isinstance(name, str) or len(name.strip()) > MAX_NAME:
        raise ChannelRefused("bad_request", f"'interpreter' must be a name of at most {MAX_NAME} characters.")
    turns = {**value.turns, booth: Turn(to_ms(now), minutes * 60, " ".join(name.split()))}
    return replace(value, turns=turns)


ACTIONS = {"floor": _floor, "booth": _booth, "select": _select, "slowdown": _slowdown,
           "handover": _handover}


def handle_channel(live: LiveSession, command: Command, info: SessionInfo, now: datetime) -> LiveSession:
    value: Channels = live.part("channels")
    try:
        new = ACTIONS[command.action](value, command, info, now)
    except ChannelRefused as refusal:
        raise Refused(refusal.code, refusal.message) from None
    return live if new == value else live.with_part("channels", new)


def authorise_channel(actor, info: SessionInfo, command: Command) -> bool:
    action, payload = command.action, command.payload
    if action in ("select", "floor"):
        return policy.may(actor, f"channel.{action}", info.conference, info.key)
    booth = payload.get("booth") if action == "booth" else payload.get("booth", getattr(actor, "booth", None))
    return policy.may(actor, "channel.booth", info.conference, info.key, booth=booth)


CHANNEL_FAMILY = Family(name="channel", actions=frozenset(ACTIONS), handle=handle_channel,
                        authorise=authorise_channel)


# -- the floor follows the speaker -------------------------------------------------------------

def _get(obj, name: str):
    # The queue part is another feature's value: read it as an object or as a mapping.
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


def _speaking(live: LiveSession):
    return _get(live.parts.get("queue"), "speaking")


def _queue_head(live: LiveSession) -> tuple[str, str] | None:
    entries = _get(live.parts.get("queue"), "entries") or ()
    head = entries[0] if entries else None
    language = _get(head, "language")
    return (str(_get(head, "id")), language) if head is not None and isinstance(language, str) else None


def follow_speaker(before: LiveSession, after: LiveSession, command: Command, info: SessionInfo,
                   now: datetime) -> LiveSession:
    """After any command: when a new slot or a new intervention starts and its speaker's language
    is known, the floor takes that language; and the part's mirrors of the slot and the queue's
    head are brought up to date."""
    value: Channels = after.part("channels")
    new = replace(value, slot=after.slot, queue_next=_queue_head(after))
    speaking, was_speaking = _speaking(after), _speaking(before)
    if after.slot != before.slot:
        slot = info.slot(after.slot)
        if slot is not None and slot.language in info.languages and slot.language != value.floor:
            new = replace(new, floor=slot.language,
                          source=FloorSource("slot", slot=slot.key, at_ms=to_ms(now)))
    if speaking is not None and _get(speaking, "id") != _get(was_speaking, "id"):
        language = _get(speaking, "language")
        if language in info.languages and language != new.floor:
            new = replace(new, floor=language,
                          source=FloorSource("intervention", entry=str(_get(speaking, "id")), at_ms=to_ms(now)))
    return after if new == value else after.with_part("channels", new)


def end_slowdown(before: LiveSession, after: LiveSession, command: Command, info: SessionInfo,
                 now: datetime) -> LiveSession:
    """After any command: a "slow down" was meant for whoever had the floor, so it ends when the
    floor passes to another speaker (the current slot changes, or another intervention starts or
    ends) instead of lingering, fresh, over the next speaker."""
    value: Channels = after.part("channels")
    if value.slowdown is None:
        return after
    if after.slot == before.slot and _get(_speaking(after), "id") == _get(_speaking(before), "id"):
        return after
    return after.with_part("channels", replace(value, slowdown=None))


def floor_note(before: LiveSession, after: LiveSession, command: Command, info: SessionInfo) -> str:
    """The event log's note for a floor switch a command made on its own (not a `channel.floor`)."""
    old, new = before.parts.get("channels"), after.parts.get("channels")
    if old is None or new is None or old.floor == new.floor or command.family == "channel":
        return ""
    cause = f"slot {new.source.slot}" if new.source.kind == "slot" else f"intervention {new.source.entry}"
    return f"floor {old.floor} -> {new.floor} (automatic: the speaker's language, {cause})"


FEATURE = Feature("channels", parts=(CHANNELS,), families=(CHANNEL_FAMILY,),
                  after_apply=(follow_speaker, end_slowdown), notes=(floor_note,))
