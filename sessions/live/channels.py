"""Interpretation channels: which language channel carries what, given the floor and the booths.

Each language is a channel. The floor channel carries the speaker in the language they speak; each
booth produces its one target language, working either from the floor or, when it cannot, from
another booth's output (relay, or pivot). `compute` gives every booth a mode:

- "floor": the booth's language is the floor language. Its interpreters rest and the floor channel
  carries the language (whether the booth is switched on or not).
- "direct": the booth is on and works from the floor language.
- "relay": the booth is on and works from the output of another booth, `via`. The chain is the
  shortest one of working booths, found breadth-first from the floor.
- "unavailable": the booth is off, or no chain of working booths reaches it.

A booth that is off produces nothing, so nobody can take relay from it.

Tie-break, when several sources give an equally short chain: the source listed earlier in the
booth's own `sources` (its preference: the language its interpreters know best comes first), then
the alphabetical language code. The second rule only makes the order total; with no language
listed twice in `sources` the first one always decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from conference.errors import MinbarError

_NAMES = {"ar": "Arabic", "en": "English", "fr": "French"}


def _name(language: str) -> str:
    return _NAMES.get(language, language)


def _channels(languages: list[str]) -> str:
    """'the French channel needs' / 'the French and Spanish channels need'."""
    names = [_name(lang) for lang in languages]
    if len(names) == 1:
        return f"the {names[0]} channel needs"
    return f"the {', '.join(names[:-1])} and {names[-1]} channels need"


class Mode(StrEnum):
    FLOOR = "floor"
    DIRECT = "direct"
    RELAY = "relay"
    UNAVAILABLE = "unavailable"


# A refused command: `code` is a contract error code, `message` a plain English sentence. The one
# refusal type of the live core and the wire (`conference.errors.MinbarError`).
ChannelRefused = MinbarError


@dataclass(frozen=True)
class Booth:
    """A booth producing `language`, able to work from `sources` (most preferred first)."""

    language: str
    sources: tuple[str, ...]
    on: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", tuple(self.sources))


@dataclass(frozen=True)
class BoothStatus:
    """What a booth's channel carries now. `chain` runs from the floor language to this booth's
    language: (floor,) for "floor", (floor, language) for "direct", longer for "relay", and empty
    for "unavailable". `via` is the booth it takes relay from, else None."""

    language: str
    on: bool
    mode: Mode
    via: str | None = None
    chain: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChannelWarning:
    code: str        # "no_path" | "relay_source_off"
    language: str    # the channel concerned (for relay_source_off: the booth that is off)
    message: str


def _chains(floor: str, booths: Sequence[Booth]) -> dict[str, tuple[str, ...]]:
    """Breadth-first from the floor: the chain to every working booth that can be reached."""
    chains = {floor: (floor,)}
    waiting = [b for b in booths if b.on and b.language != floor]
    level = 1
    while True:
        # A whole level is settled before it becomes a source, so a booth reached at this level
        # never serves another booth at the same level (that chain would be longer).
        reached = {}
        for booth in waiting:
            choices = [(i, source) for i, source in enumerate(booth.sources)
                       if len(chains.get(source, ())) == level]
            if choices:
                _, source = min(choices)
                reached[booth.language] = chains[source] + (booth.language,)
        if not reached:
            return chains
        chains.update(reached)
        waiting = [b for b in waiting if b.language not in reached]
        level += 1


def compute(floor: str, booths: Sequence[Booth]) -> list[BoothStatus]:
    """The status of every booth, in the order given. Two booths for one language: ValueError."""
    languages = [b.language for b in booths]
    if len(set(languages)) != len(languages):
        raise ValueError(f"one booth per language, got {languages}")
    chains = _chains(floor, booths)
    statuses = []
    for b in booths:
        chain = chains.get(b.language, ())
        if b.language == floor:
            statuses.append(BoothStatus(b.language, b.on, Mode.FLOOR, None, (floor,)))
        elif not chain:
            statuses.append(BoothStatus(b.language, b.on, Mode.UNAVAILABLE))
        elif len(chain) == 2:
            statuses.append(BoothStatus(b.language, b.on, Mode.DIRECT, None, chain))
        else:
            statuses.append(BoothStatus(b.language, b.on, Mode.RELAY, chain[-2], chain))
    return statuses


def _stranded(floor: str, booths: Sequence[Booth]) -> list[str]:
    # Only booths that are on: a booth switched off is silent by choice, and its mode says so.
    return [s.language for s in compute(floor, booths) if s.on and s.mode is Mode.UNAVAILABLE]


def warnings_for(floor: str, booths: Sequence[Booth]) -> list[ChannelWarning]:
    """What the chair and the interpreters should know, no_path ones first, each in booth order.

    - "no_path": a booth that is on but that no chain from the floor reaches; its channel is silent.
    - "relay_source_off": a booth that is off and that such a stranded channel would take relay
      through if every booth were on. Switching it on is the likely fix.
    """
    stranded = _stranded(floor, booths)
    found = [ChannelWarning("no_path", lang, f"The {_name(lang)} booth cannot work from "
                            f"{_name(floor)}, directly or through relay; its channel is silent.")
             for lang in stranded]
    all_on = compute(floor, [replace(b, on=True) for b in booths])
    needed_by = {b.language: [s.language for s in all_on
                              if s.language in stranded and b.language in s.chain[1:-1]]
                 for b in booths if not b.on}
    for lang, dependents in needed_by.items():
        if dependents:
            message = f"The {_name(lang)} booth is off, and {_channels(dependents)} its relay."
            found.append(ChannelWarning("relay_source_off", lang, message))
    return found


def would_strand(language: str, booths: Sequence[Booth]) -> list[str]:
    """The channels (of booths that are on) a speaker of `language` would leave without a path, in
    booth order: what the chair console warns about before that speaker starts."""
    return _stranded(language, booths)


def to_contract(floor: str, statuses: Iterable[BoothStatus]) -> dict:
    """The channels as the live contract's STATE publishes them (the chain stays internal)."""
    return {"floor": floor,
            "booths": [{"language": s.language, "on": s.on, "mode": s.mode.value, "via": s.via}
                       for s in statuses]}


# --- validators for the channel commands -----------------------------------------------------

def set_floor(floor: str, language: str, languages: Iterable[str]) -> str:
    """The new floor language, checked against the conference's `languages` ("bad_request" for any
    other value). Naming the current `floor` again is allowed and changes nothing, so a repeated
    command from the chair and the interpreters is harmless."""
    languages = tuple(languages)
    if not isinstance(language, str) or language not in languages:
        raise ChannelRefused("bad_request",
                             f"The floor language must be one of {', '.join(languages)}.")
    return language


def set_booth(booths: Sequence[Booth], language: str, on: bool) -> tuple[Booth, ...]:
    """The booths with `language`'s booth switched on or off ("not_found" for no such booth,
    "bad_request" when `on` is not a boolean)."""
    if not isinstance(on, bool):
        raise ChannelRefused("bad_request", "A booth is switched with true or false.")
    if not any(b.language == language for b in booths):
        raise ChannelRefused("not_found", f"There is no {_name(str(language))} booth.")
    return tuple(replace(b, on=on) if b.language == language else b for b in booths)
