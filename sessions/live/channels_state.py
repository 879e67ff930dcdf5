"""Interpretation channels in a session's live state: the `channels` part (a session's channel
settings, how they are stored, and STATE `channels`).

Plain Python (layer 1): the relay rules are `sessions.live.channels`; the `channel` commands that
change these settings, and the floor that follows the speaker, are `sessions.live.channels_live`.
Time comes in as `now`.

STATE `channels` (the contract's `floor` and `booths`, then extensions):

- `floor`: the language on the floor; `booths`: `[{"language", "on", "mode", "via"}]` in agenda order.
- `floor_source`: how the floor got its language: `{"kind": "agenda" | "slot" | "intervention" |
  "manual", "slot": ID | null, "entry": ID | null, "role": ROLE | null, "at": ms | null}`.
- `warnings`: `[{"code", "language", "message", ...}]`, no_path first, then relay_source_off
  (`sessions.live.channels.warnings_for`, with `floor` and, for relay_source_off, `channels`: the
  channels that need the booth that is off), then `next_no_path`: a channel the NEXT speaker's
  language would leave without a path (`would_strand`), with `speaker_language` and `slot` or
  `entry` (the head of the open-discussion queue). `message` is plain English; pages translate by
  `code` from the other fields.
- `listen`: `{"floor" | LANG: url}`, the media platform's link per channel (only those configured).
- `listeners`: `{"floor": n, LANG: n, ...}`, how many listen to each channel (the `select` of
  `sessions.live.channels_live`). Not part of the versioned state: this part publishes zeros and the
  transport (`conference.live`) fills in the current counts from `sessions.live.listeners` whenever
  it sends a STATE.
- `slowdown`: `{"booth": LANG, "at": ms}` while an interpreter's "slow down" signal is fresh (less
  than SLOWDOWN_S old as of `server_time`), else null. Pages hide it SLOWDOWN_S after `at`. The
  signal is meant for whoever has the floor: it ends (`channels_live.end_slowdown`) when the
  current slot changes or another intervention starts or ends.
- `turns`: `{LANG: {"started_at": ms, "turn_s": s, "interpreter": name} | null}` per booth.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sessions.live import channels
from sessions.live.channels import Booth
from sessions.live.state import Part, SessionInfo
from timing.clock import to_ms

SLOWDOWN_S = 20
FLOOR = "floor"


@dataclass(frozen=True)
class Turn:
    started_ms: int
    turn_s: int
    interpreter: str


@dataclass(frozen=True)
class FloorSource:
    kind: str = "agenda"        # agenda | slot | intervention | manual
    slot: str | None = None
    entry: str | None = None
    role: str | None = None
    at_ms: int | None = None


@dataclass(frozen=True)
class Channels:
    """A session's channel settings. Booths come from the agenda (`SessionInfo.booths`); only their
    on/off switch lives here (`off`), so a booth added to the agenda later starts on.

    `slot` and `queue_next` mirror the session's current slot and the head of its queue (kept up
    to date by `follow_speaker`): STATE's next-speaker warning needs them, and a part publishes
    from its own value only."""

    floor: str
    off: frozenset[str] = frozenset()
    slowdown: tuple[str, int] | None = None       # (booth, at ms)
    turns: Mapping[str, Turn] = field(default_factory=dict)
    source: FloorSource = FloorSource()
    slot: str | None = None
    queue_next: tuple[str, str] | None = None     # (entry id, language)


# -- the booths and what they do now ---------------------------------------------------------

def booths_of(info: SessionInfo, value: Channels) -> tuple[Booth, ...]:
    return tuple(Booth(b.language, b.sources, on=b.language not in value.off) for b in info.booths)


def channel_names(info: SessionInfo) -> tuple[str, ...]:
    """What a listener may select: the floor, then each booth's language."""
    return (FLOOR,) + tuple(b.language for b in info.booths)


def _needed_by(floor: str, booths: tuple[Booth, ...], stranded: list[str], language: str) -> list[str]:
    # The stranded channels whose chain would pass through `language` if every booth were on:
    # the same rule as `channels.warnings_for`, kept here so pages can word the warning themselves.
    all_on = channels.compute(floor, [replace(b, on=True) for b in booths])
    return [s.language for s in all_on if s.language in stranded and language in s.chain[1:-1]]


def warnings(value: Channels, info: SessionInfo) -> list[dict]:
    booths = booths_of(info, value)
    found = channels.warnings_for(value.floor, booths)
    stranded = [w.language for w in found if w.code == "no_path"]
    out = []
    for w in found:
        item = {"code": w.code, "language": w.language, "message": w.message, "floor": value.floor}
        if w.code == "relay_source_off":
            item["channels"] = _needed_by(value.floor, booths, stranded, w.language)
        out.append(item)
    for speaker_language, slot, entry in _upcoming(value, info):
        if speaker_language == value.floor:
            continue  # the current warnings already say it
        for language in channels.would_strand(speaker_language, booths):
            out.append({
                "code": "next_no_path", "language": language, "floor": value.floor,
                "speaker_language": speaker_language, "slot": slot, "entry": entry,
                "message": f"The next speaker speaks {channels._name(speaker_language)}: the "
                           f"{channels._name(language)} booth will have no path, directly or "
                           f"through relay.",
            })
    return out


def _upcoming(value: Channels, info: SessionInfo) -> list[tuple[str, str | None, str | None]]:
    """(language, slot, entry) of who speaks next: the next slot, and the head of the queue."""
    found = []
    index = info.slot_index(value.slot)
    if index is not None and index + 1 < len(info.slots):
        following = info.slots[index + 1]
        if following.language in info.languages:
            found.append((following.language, following.key, None))
    if value.queue_next is not None:
        entry, language = value.queue_next
        if language in info.languages:
            found.append((language, None, entry))
    return found


def listen_links(info: SessionInfo) -> dict[str, str]:
    links = {FLOOR: info.floor_listen_url} if info.floor_listen_url else {}
    links.update({b.language: b.listen_url for b in info.booths if b.listen_url})
    return links


# -- the part ----------------------------------------------------------------------------------

def _initial(info: SessionInfo) -> Channels:
    first = info.slots[0] if info.slots else None
    if first is not None and first.language in info.languages:
        floor = first.language
    else:
        floor = info.languages[0] if info.languages else ""
    return Channels(floor=floor, slot=first.key if first else None)


def _dump(value: Channels) -> dict:
    source = value.source
    return {
        "floor": value.floor,
        "off": sorted(value.off),
        "slowdown": list(value.slowdown) if value.slowdown else None,
        "turns": {k: [t.started_ms, t.turn_s, t.interpreter] for k, t in value.turns.items()},
        "source": {"kind": source.kind, "slot": source.slot, "entry": source.entry,
                   "role": source.role, "at": source.at_ms},
        "slot": value.slot,
        "queue_next": list(value.queue_next) if value.queue_next else None,
    }


def _load(data: Any, info: SessionInfo) -> Channels:
    if not isinstance(data, Mapping) or not isinstance(data.get("floor"), str):
        return _initial(info)
    source = data.get("source") or {}
    slowdown = data.get("slowdown")
    queue_next = data.get("queue_next")
    return Channels(
        floor=data["floor"],
        off=frozenset(data.get("off", ())),
        slowdown=(slowdown[0], int(slowdown[1])) if slowdown else None,
        turns={k: Turn(int(v[0]), int(v[1]), v[2]) for k, v in (data.get("turns") or {}).items()},
        source=FloorSource(source.get("kind", "agenda"), source.get("slot"), source.get("entry"),
                           source.get("role"), source.get("at")),
        slot=data.get("slot"),
        queue_next=(queue_next[0], queue_next[1]) if queue_next else None,
    )


def _contract(value: Channels, info: SessionInfo, now: datetime) -> dict:
    booths = booths_of(info, value)
    state = channels.to_contract(value.floor, channels.compute(value.floor, booths))
    source = value.source
    state["floor_source"] = {"kind": source.kind, "slot": source.slot, "entry": source.entry,
                             "role": source.role, "at": source.at_ms}
    state["warnings"] = warnings(value, info)
    state["listen"] = listen_links(info)
    state["listeners"] = {name: 0 for name in channel_names(info)}   # filled in by the transport
    fresh = value.slowdown is not None and to_ms(now) - value.slowdown[1] < SLOWDOWN_S * 1000
    state["slowdown"] = {"booth": value.slowdown[0], "at": value.slowdown[1]} if fresh else None
    state["turns"] = {
        b.language: ({"started_at": t.started_ms, "turn_s": t.turn_s, "interpreter": t.interpreter}
                     if (t := value.turns.get(b.language)) else None)
        for b in info.booths
    }
    return state


CHANNELS = Part(name="channels", initial=_initial, dump=_dump, load=_load,
                contract=_contract)
