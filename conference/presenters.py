"""Agenda items shaped for reading: titles in the reader's language, times in two zones.

Plain Python over the models, so pages and exports (calendar descriptions, schedule feeds)
describe an item the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import pytz

from conference import i18n
from conference.i18n import N_
from sessions.models import AgendaItem


KIND_LABELS = {
    "registration": N_("Registration"),
    "opening": N_("Opening session"),
    "introductory": N_("Introductory session"),
    "plenary": N_("Plenary"),
    "roundtable": N_("Roundtable"),
    "break": N_("Break"),
    "summary": N_("Summary"),
    "key_messages": N_("Key messages"),
    "closing": N_("Closing session"),
}
SLOT_KIND_LABELS = {"statement": N_("Statement"), "presentation": N_("Presentation"),
                    "discussion": N_("Open discussion")}
CHAIR_LABELS = {"chair": N_("Chair"), "facilitator": N_("Facilitator"), "moderator": N_("Moderator")}


@dataclass(frozen=True)
class Zones:
    conference: str
    reader: str | None = None     # the reader's IANA zone when known and different

    @classmethod
    def for_reader(cls, conference_zone: str, reader_zone: str | None) -> "Zones":
        if reader_zone and reader_zone in pytz.all_timezones_set and reader_zone != conference_zone:
            return cls(conference_zone, reader_zone)
        return cls(conference_zone)


def status(item: AgendaItem, now: datetime, next_key: str | None) -> str:
    if item.starts_at <= now < item.ends_at:
        return "now"
    if item.key == next_key:
        return "next"
    return "past" if item.ends_at <= now else "later"


def next_item_key(items: list[AgendaItem], now: datetime) -> str | None:
    upcoming = [i for i in items if i.starts_at > now]
    return min(upcoming, key=lambda i: i.starts_at).key if upcoming else None


def time_range(item: AgendaItem, language: str, zone: str) -> str:
    return i18n.fmt_time_range(item.starts_at, item.ends_at, language, pytz.timezone(zone))


# The agenda's mark of a slot nobody is assigned to yet: "(TBD)", "(presenter TBD)", "(à
# déterminer)", "(يحدد لاحقاً)", "(يتم تحديدها لاحقاً - أ)" (where the State's letter stays).
_TBD_MARK = re.compile(r"\bTBD\b|à déterminer|(?:يتم\s+)?(?:يحدد|تحديدها|تحديده)\s+لاحقا\u064b?")
_PARENTHESIS = re.compile(r"\s*\(((?:[^()]|\([^()]*\))*)\)")


def marks_tbd(text: str) -> bool:
    """Whether `text` (a role) already says it is to be determined ("(TBD)", "(يحدد لاحقاً)")."""
    return bool(_TBD_MARK.search(text or ""))


def _without_mark(match: re.Match) -> str:
    inner = match.group(1)
    if not _TBD_MARK.search(inner):
        return match.group(0)
    rest = _TBD_MARK.sub("", inner).strip(" -–—،,")
    return f" ({rest})" if rest else ""


def role_label(slot, language: str) -> str:
    """The slot's role in `language`; once a person is assigned, without the agenda's "(TBD)"
    mark (never "Representative of State A (TBD) Ambassador Laila Odeh")."""
    role = i18n.pick(slot.role, language) if slot.role else ""
    if slot.speaker is None or not role:
        return role
    return _PARENTHESIS.sub(_without_mark, role).strip() or role


def speaker_label(slot, language: str) -> str | None:
    """The speaker's name to show beside the slot's role in `language`, or None when it would only
    repeat the role: the same designation word for word, up to the ending of a word (the role
    "Executive Secretariat of ESCWA" beside the person "Executive Secretary of ESCWA"), compared in
    `language` and in English. None too while the speaker is to be determined."""
    person = slot.speaker
    if person is None:
        return None
    role = slot.role or {}
    for code in dict.fromkeys((language, "en")):
        if _same_designation(role.get(code) or "", person.name_in(code)):
            return None
    return person.name_in(language)


def _same_designation(role: str, name: str) -> bool:
    said, who = role.casefold().split(), name.casefold().split()
    return bool(said) and len(said) == len(who) and all(
        a == b or (len(a) >= 6 and len(b) >= 6 and a[:6] == b[:6]) for a, b in zip(said, who))
