"""The list of speakers of a session: the document delegations and interpreters receive.

`build(slots, language, actual=None, ended=False)` takes the session's slots in agenda order
(`SlotIn`: what the agenda and the workspace say of each) and gives one `Entry` per slot: its
order (from 1), the State or organisation, the speaker and their title (None while the speaker is
to be determined: the slot's role says who is expected), the language of the statement, the time
allotted. Once the session has ended (`ended`, from `sessions.reports.actuals`), each entry also
has the time used (`used_ms`, what the timer ran in its slot) or, for a slot the timer never ran
in, `took_floor` False: "did not take the floor". Before that both are None.

Plain Python: no Flask, no database (`sessions.reports.speakers_list_query` reads them).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from conference.i18n import pick
from speakers.collation import language_name, state_name


@dataclass(frozen=True)
class SlotIn:
    key: str
    kind: str                           # statement, presentation, discussion
    role: Mapping[str, str]             # the slot's role, per language
    limit_s: int                        # the time the timer allots
    language: str | None = None         # the statement's language (the slot's, else the speaker's)
    speaker: Mapping[str, str] | None = None   # the speaker's name per language; None: TBD
    delegation: str = ""                # the State the speaker represents, as the workspace holds it
    organisation: str = ""
    title: str = ""
    group: str = ""


@dataclass(frozen=True)
class Entry:
    order: int
    key: str
    kind: str
    party: str                          # the State (in the document's language) or organisation
    speaker: str | None                 # None: to be determined
    title: str
    role: str
    language: str                       # the language's name in the document's language
    language_code: str | None
    allotted_ms: int
    used_ms: int | None = None          # after the session: what the timer ran in the slot
    took_floor: bool | None = None      # after the session: False when the timer never ran in it


@dataclass(frozen=True)
class SpeakersList:
    language: str
    ended: bool
    entries: tuple[Entry, ...] = field(default_factory=tuple)

    @property
    def total_allotted_ms(self) -> int:
        return sum(e.allotted_ms for e in self.entries)

    @property
    def total_used_ms(self) -> int | None:
        if not self.ended:
            return None
        return sum(e.used_ms or 0 for e in self.entries)


def party(slot: SlotIn, language: str) -> str:
    if slot.group == "member_state" or (slot.delegation and not slot.organisation):
        return state_name(slot.delegation, language) if slot.delegation else slot.organisation
    return slot.organisation or slot.delegation


def build(slots: Sequence[SlotIn], language: str, actual: Mapping[str, int | None] | None = None,
          ended: bool = False) -> SpeakersList:
    """One entry per slot, in order; `actual` (slot key -> ms the timer ran, None: never) counts
    only once `ended`."""
    entries = []
    for order, slot in enumerate(slots, start=1):
        used, took = None, None
        if ended:
            used = (actual or {}).get(slot.key)
            took = used is not None
        entries.append(Entry(
            order=order, key=slot.key, kind=slot.kind, party=party(slot, language),
            speaker=pick(slot.speaker, language) if slot.speaker else None, title=slot.title,
            role=pick(slot.role, language), language=language_name(slot.language, language),
            language_code=slot.language, allotted_ms=slot.limit_s * 1000, used_ms=used, took_floor=took,
        ))
    return SpeakersList(language=language, ended=ended, entries=tuple(entries))


def minutes_label(ms: int | None) -> str:
    """"5:00", "12:30", "1:02:07" (as the timer shows), "" for None."""
    if ms is None:
        return ""
    total = int(ms / 1000)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
