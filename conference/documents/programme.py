"""The programme, as data both engines read (`programme_pdf` through its print template,
`programme_docx`): a cover (title, dates, place or "online", organisers, symbol) and the programme
day by day in the conference's zone, each item with its time, title, chair, speakers (names in the
reader's language, delegation or organisation, title), rapporteurs and interpretation languages;
what is still to be determined says so.

Plain Python over the models: no Flask; the time comes in.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from babel import Locale

from conference import i18n, presenters
from conference.documents.meta import ONLINE, TBD, DocumentMeta
from conference.i18n import N_
from timing import un_dates
from timing.zones import to_zone

PROGRAMME = N_("Programme")
DATES = N_("Dates")
PLACE = N_("Place")
ORGANISERS = N_("Organisers")
INTERPRETATION = N_("Interpretation")
RAPPORTEURS = N_("Rapporteurs")
SPEAKERS = N_("Speakers")
TIME = N_("Time")
SESSION = N_("Session")
DAY_N = N_("Day %(n)d")
ZONE_NOTE = N_("All times are %(zone)s")           # zone: i18n.zone_name, "Beirut time"
OPEN_DISCUSSION = N_("Open discussion")
MINUTES = ("%(num)d minute", "%(num)d minutes")    # translated as the agenda page's ngettext


@dataclass(frozen=True)
class Speaker:
    role: str                  # the slot's role ("Representative of State A")
    name: str                  # the person in the reader's language; "" when the role says it all or TBD
    affiliation: str           # delegation or organisation
    title: str
    minutes: str               # "5 minutes", or ""
    tbd: bool                  # nobody assigned yet (and the role does not say so itself)
    discussion: bool = False


@dataclass(frozen=True)
class Entry:
    key: str
    time: str                  # "10:00–11:15", in the conference's zone
    starts_at: datetime
    title: str
    is_break: bool
    chair_label: str           # "Chair", "Facilitator", "Moderator" (translated), or ""
    chair: str                 # the person, else the role as the agenda gives it
    chair_tbd: bool
    speakers: tuple[Speaker, ...]
    rapporteurs: tuple[str, ...]
    interpretation: str        # "Arabic, English, French" in the reader's language, or ""


@dataclass(frozen=True)
class Day:
    heading: str               # "Day 1 · Wednesday, 24 February 2021"
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Programme:
    meta: DocumentMeta
    title: str
    document: str              # "Programme"
    dates: str                 # "24–25 February 2021"
    place: str
    organisers: str
    zone_note: str             # "All times are Beirut time"
    interpretation: str
    days: tuple[Day, ...]
    labels: dict[str, str]

    @property
    def language(self) -> str:
        return self.meta.language


def build(conf, items, people: dict, language: str, now: datetime) -> Programme:
    """The programme of `conf` (its `items` in agenda order, `people` by key) in `language`,
    made at `now` (the date of issue)."""
    _ = lambda message, **values: i18n.gettext(language, message, **values)   # noqa: E731
    title = i18n.pick(conf.title, language)
    organisers = i18n.pick(conf.organisers, language)
    meta = DocumentMeta(
        language=language, title=title, subject=_(PROGRAMME), author=organisers or title,
        created=now, issued=to_zone(now, conf.timezone).date(),
        symbol=(conf.symbol or {}).get(language, ""), keywords=(conf.slug,))
    interpretation = languages_label(conf, language)
    days = []
    for n, (day, group) in enumerate(groupby(items, key=lambda i: i.day), start=1):
        heading = f"{_(DAY_N, n=n)} · {un_dates.date(day, language, weekday=True)}"
        days.append(Day(heading, tuple(_entry(i, conf, people, language, interpretation) for i in group)))
    first, last = conf.first_day, conf.last_day
    zone_note = _(ZONE_NOTE, zone=i18n.zone_name(conf.timezone, language))
    return Programme(
        meta=meta, title=title, document=_(PROGRAMME),
        dates=un_dates.date_range(first, last, language) if first else "",
        place=i18n.pick(conf.venue, language) or _(ONLINE), organisers=organisers,
        zone_note=zone_note, interpretation=interpretation, days=tuple(days),
        labels={key: _(message) for key, message in (
            ("dates", DATES), ("place", PLACE), ("organisers", ORGANISERS), ("time", TIME),
            ("session", SESSION), ("speakers", SPEAKERS), ("rapporteurs", RAPPORTEURS),
            ("interpretation", INTERPRETATION), ("tbd", TBD))})


def languages_label(conf, language: str) -> str:
    """The languages interpreted (the booths', else the conference's), named in `language`."""
    codes = [b["language"] for b in (conf.booths or ())] or list(conf.languages or ())
    names = Locale.parse(language).languages
    joined = [names.get(code, code) for code in codes]
    return ("، " if language == "ar" else ", ").join(joined)


def _entry(item, conf, people: dict, language: str, interpretation: str) -> Entry:
    _ = lambda message, **values: i18n.gettext(language, message, **values)   # noqa: E731
    chair_label, chair, chair_tbd = "", "", False
    if item.chair_title:
        chair_label = _(presenters.CHAIR_LABELS[item.chair_title])
        if item.chair_person is not None:
            chair = item.chair_person.name_in(language)
        else:
            chair = i18n.pick(item.chair_role, language)
            chair_tbd = not presenters.marks_tbd(chair)
    rapporteurs = tuple(people[key].name_in(language) for key in (item.rapporteurs or ()) if key in people)
    is_break = item.kind == "break"
    return Entry(
        key=item.key, time=presenters.time_range(item, language, conf.timezone), starts_at=item.starts_at,
        title=i18n.pick(item.title, language), is_break=is_break, chair_label=chair_label, chair=chair,
        chair_tbd=chair_tbd, speakers=tuple(_speaker(s, language) for s in item.slots),
        rapporteurs=rapporteurs, interpretation="" if is_break else interpretation)


def _speaker(slot, language: str) -> Speaker:
    minutes = (i18n.ngettext(language, *MINUTES, slot.minutes) if slot.minutes else "")
    if slot.kind == "discussion":
        return Speaker(role=i18n.pick(slot.role, language) or i18n.gettext(language, OPEN_DISCUSSION),
                       name="", affiliation="", title="", minutes=minutes, tbd=False, discussion=True)
    role = presenters.role_label(slot, language)
    person = slot.speaker
    if person is None:
        return Speaker(role=role, name="", affiliation="", title="", minutes=minutes,
                       tbd=not presenters.marks_tbd(role))
    name = presenters.speaker_label(slot, language) or ""
    # Title and affiliation describe a named person; a role that names the office says them already.
    return Speaker(role=role, name=name, affiliation=(person.delegation or person.organisation) if name else "",
                   title=person.title if name else "", minutes=minutes, tbd=False)
