"""iCalendar (RFC 5545) exports of an agenda, built with the icalendar library.

Pure: takes the models (or anything shaped like them: `conference.slug/title/timezone/
platform_url`, items with `key/kind/number/title/description/starts_at/ends_at/sequence/
modified_at/objectives/slots/chair_*`), a language and the site's base URL; no Flask, no
database, no clock. Building is separate from serializing (`build_calendar`, then `serialize`).

Identity and change tracking, which calendar clients rely on (docs/calendar.md):
- UID `<session-id>@<conference-slug>.minbar`: made of stable ids, so it is the same in every
  export, in every language and after a database rebuild;
- no METHOD: a feed is a published calendar, not an iTIP message (iTIP's PUBLISH requires an
  ORGANIZER, which a conference feed has no honest address for);
- DTSTAMP and LAST-MODIFIED are the item's `modified_at`, which the agenda loader moves on
  whenever the item changes (`conference/agenda/load.py`): for an object without METHOD, RFC 5545
  defines DTSTAMP as the time the information was last revised. The output is then a pure
  function of the database, byte for byte, so its hash is a stable ETag across requests and
  server processes, and clients that poll see a change only when there is one;
- SEQUENCE is `modified_at` in whole seconds since 2020-01-01T00:00Z (`event_sequence`): it grows
  with every change, and never goes back, even after the database is rebuilt from the same file
  (a rebuild loads the items later, so their `modified_at` is later);
- a session removed from the agenda stays as a VEVENT with STATUS:CANCELLED and a higher SEQUENCE
  (the loader keeps a tombstone of it), so subscribed calendars remove it.

Times are written in the conference's zone (`DTSTART;TZID=Asia/Beirut:20210224T100000`) with a
VTIMEZONE generated from the tz database for a narrow span around the conference, rewritten so
that ical.js (Thunderbird) and the Python `ical` parser both read it right (`portable_vtimezones`).
A conference kept in UTC gets UTC times (`...Z`) and needs no VTIMEZONE.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Iterable, Mapping
from urllib.parse import quote, urlencode

from icalendar import Alarm, Calendar, Event
from icalendar.prop import vDuration, vText

from conference import i18n
from conference.i18n import N_
from conference.presenters import CHAIR_LABELS, KIND_LABELS
from timing.clock import to_utc
from timing.zones import to_zone

PRODID = "-//Minbar//Conference Console//EN"
MIN_ALARM, MAX_ALARM = 1, 1440
# How often subscribed calendars should poll (REFRESH-INTERVAL, RFC 7986; X-PUBLISHED-TTL, Outlook).
REFRESH = timedelta(hours=1)
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=timezone.utc)


SPEAKING_ORDER = N_("Speaking order")
# Punctuation is the translators' (French puts a space before the colon).
LABELLED = N_("%(label)s: %(value)s")
HEADING = N_("%(label)s:")
FLOOR_LIMIT = N_("Interventions from the floor: %(limit)s each")
SESSION_PAGE = N_("Session page: %(url)s")
CANCELLED = N_("This session was removed from the agenda.")


def web_url(value: str | None) -> str:
    """`value` when it is a plain https/http address, else "": agenda files with anything else
    are refused by `minbar agenda check` (bad_url), and a database loaded before that rule must
    not put a `javascript:` address in a calendar or a feed either."""
    from conference.agenda.validate import url_problem

    return value if value and url_problem(value) is None else ""


def event_uid(conference_slug: str, session_key: str) -> str:
    """The session's iCalendar UID: never changes for the session."""
    return f"{session_key}@{conference_slug}.minbar"


def session_url(base_url: str, conference_slug: str, session_key: str, language: str | None = None) -> str:
    """The session page, absolute; with `language`, opened in that language."""
    url = f"{base_url.rstrip('/')}/conferences/{quote(conference_slug)}/sessions/{quote(session_key)}"
    return f"{url}?lang={language}" if language else url


def calendar_name(text: str) -> str:
    """A calendar name every parser reads whole: no `,` or `;`.

    In NAME and X-WR-CALNAME a comma separates values for some parsers (vobject reads "Global
    Compact for Safe, Orderly..." as "Global Compact for Safe") and an escaped one is read
    literally, backslash included, by others (ical.js, icalendar): so a comma is left out (the
    space after it stays) and a semicolon becomes a dash.
    """
    text = re.sub(r"\s*;\s*", " – ", text)
    text = re.sub(r"\s*,\s*", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def event_sequence(item) -> int:
    """SEQUENCE: `modified_at` in whole seconds since 2020-01-01T00:00Z (see the module docstring),
    never below the item's own `sequence`, the floor its agenda file carries (the workspace writes
    the SEQUENCE it had published there, so a database rebuilt from the file never goes back)."""
    published = int((to_utc(item.modified_at) - SEQUENCE_EPOCH).total_seconds())
    return max(0, published, getattr(item, "sequence", 0) or 0)


def build_calendar(conference, items: Iterable, language: str, base_url: str,
                   alarm_minutes: int | None = None, name: str | None = None,
                   objective_titles: Mapping[int, Mapping[str, str]] | None = None,
                   scope: str = "agenda", subscription: bool = True) -> Calendar:
    """A VCALENDAR (no METHOD) with one VEVENT per item, in `language`.

    `name` is the calendar's display name (NAME, X-WR-CALNAME), the conference title by default,
    written without `,` or `;` (`calendar_name`); `scope` names this export in the calendar's own
    UID (`agenda`, `day-2021-02-24`, ...), which keeps the output free of random values.
    `alarm_minutes` (1..1440) adds a display reminder that many minutes before each event;
    anything else is a ValueError. A `subscription` calendar (the agenda feeds) tells clients how
    often to poll it (REFRESH-INTERVAL and X-PUBLISHED-TTL). Items with a true `cancelled` are
    written as cancelled events (STATUS:CANCELLED). An empty calendar is a ValueError: RFC 5545
    requires at least one component.
    """
    check_alarm(alarm_minutes)
    items = list(items)
    if not items:
        raise ValueError("a calendar needs at least one event")
    calendar = Calendar.new(prodid=PRODID, uid=f"{scope}@{conference.slug}.minbar")
    # icalendar writes NAME and X-WR-CALNAME verbatim; as TEXT they need RFC 5545's escapes, or a
    # backslash in a title starts an escape that libical drops with what follows.
    title = calendar_name(name or i18n.pick(conference.title, language))
    calendar.add("NAME", vText(title))
    calendar.add("X-WR-CALNAME", vText(title))
    if subscription:
        # RFC 7986 requires the VALUE=DURATION parameter on REFRESH-INTERVAL.
        calendar.add("REFRESH-INTERVAL", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
        calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    calendar.add("X-WR-TIMEZONE", conference.timezone)
    for item in items:
        calendar.add_component(build_event(conference, item, language, base_url, alarm_minutes, objective_titles))
    if items and not _is_utc(conference.timezone):
        first = min(to_zone(item.starts_at, conference.timezone).date() for item in items)
        last = max(to_zone(item.ends_at, conference.timezone).date() for item in items)
        # The whole calendar years the conference touches: small (three observances for Beirut in
        # 2021), yet unchanged when a session moves by a day, so the output stays stable.
        calendar.add_missing_timezones(first_date=date(first.year, 1, 1), last_date=date(last.year + 1, 1, 1))
        portable_vtimezones(calendar)
    return calendar


def build_event(conference, item, language: str, base_url: str, alarm_minutes: int | None = None,
                objective_titles: Mapping[int, Mapping[str, str]] | None = None) -> Event:
    """One VEVENT for `item`: times in the conference's zone, text in `language`."""
    check_alarm(alarm_minutes)
    zone = conference.timezone
    # A UTC conference gets plain UTC times ("...Z"), which need no VTIMEZONE.
    local = to_utc if _is_utc(zone) else (lambda moment: to_zone(moment, zone))
    summary = i18n.pick(item.title, language)
    cancelled = bool(getattr(item, "cancelled", False))
    event = Event.new(
        uid=event_uid(conference.slug, item.key),
        stamp=to_utc(item.modified_at),
        start=local(item.starts_at),
        end=local(item.ends_at),
        summary=summary,
        description=(i18n.gettext(language, CANCELLED) if cancelled else
                     event_description(item, language, base_url, conference.slug, objective_titles)),
        location=None if cancelled else (web_url(conference.platform_url) or i18n.pick(conference.venue, language) or None),
        categories=[kind_label(item, language, numbered=False)],
        sequence=event_sequence(item),
        last_modified=to_utc(item.modified_at),
        status="CANCELLED" if cancelled else None,
        url=None if cancelled else session_url(base_url, conference.slug, item.key, language),
    )
    if alarm_minutes and not cancelled:
        alarm = Alarm.new(description=summary)
        alarm.add("ACTION", "DISPLAY")
        alarm.add("TRIGGER", timedelta(minutes=-alarm_minutes))
        event.add_component(alarm)
    return event


def serialize(calendar: Calendar) -> bytes:
    """The calendar as iCalendar text (UTF-8, CRLF line ends, folded at 75 octets)."""
    return calendar.to_ical()


def check_alarm(alarm_minutes: int | None) -> None:
    if alarm_minutes is None:
        return
    if isinstance(alarm_minutes, bool) or not isinstance(alarm_minutes, int) \
            or not MIN_ALARM <= alarm_minutes <= MAX_ALARM:
        raise ValueError(f"alarm_minutes must be a whole number from {MIN_ALARM} to {MAX_ALARM}, "
                         f"not {alarm_minutes!r}")


def portable_vtimezones(calendar: Calendar) -> Calendar:
    """Rewrite each generated VTIMEZONE so that every parser reads the same offsets.

    icalendar writes an observance's onsets as `DTSTART` plus one comma-separated `RDATE` list.
    ical.js 2.2.1 reads only the first value of an RDATE line and then ignores DTSTART, so summer
    events come out an hour wrong in most years; the Python `ical` parser drops the DTSTART onset
    of an observance without RRULE. Giving every onset its own RDATE line, DTSTART repeated as
    the first, satisfies both (docs/calendar.md, "Time zones").

    icalendar also writes the onset of a forward jump (summer time) as the wall time after the
    jump (`20210328T010000` with TZOFFSETFROM +0200, an hour after the real change). RFC 5545
    reads an onset in the TZOFFSETFROM offset, so it is moved back to the wall time before the
    jump (`20210328T000000`): every onset then names the real instant of the change.

    And the COMMENT icalendar puts in the VTIMEZONE goes: RFC 5545 has none there.
    """
    for timezone in calendar.timezones:
        # icalendar adds a COMMENT ("This timezone only works from ...") that RFC 5545 does not
        # allow in VTIMEZONE itself (libical's restriction check refuses it).
        timezone.pop("COMMENT", None)
        for observance in timezone.subcomponents:
            if "RRULE" in observance:
                continue
            shift = _forward_jump(observance)
            onsets = [observance.DTSTART]
            rdates = observance.pop("RDATE", None) or []
            for prop in rdates if isinstance(rdates, list) else [rdates]:
                onsets += [value.dt for value in prop.dts]
            onsets = sorted({onset - shift for onset in onsets})
            observance.pop("DTSTART")
            observance.add("DTSTART", onsets[0])
            for onset in onsets:
                observance.add("RDATE", onset)
    return calendar


def _forward_jump(observance) -> timedelta:
    """How far the clocks jump forward at this observance's onsets (zero for a jump back)."""
    before = observance["TZOFFSETFROM"].td
    after = observance["TZOFFSETTO"].td
    return after - before if after > before else timedelta(0)


def _is_utc(zone: str) -> bool:
    return zone in ("UTC", "Etc/UTC", "Etc/GMT", "GMT", "Zulu", "Etc/Zulu", "UCT", "Etc/UCT")


# -- text -------------------------------------------------------------------------------------

def kind_label(item, language: str, numbered: bool = True) -> str:
    """"Plenary 2", "Opening session": the item's kind in `language`."""
    label = i18n.gettext(language, KIND_LABELS.get(item.kind, item.kind))
    return f"{label} {item.number}" if numbered and item.number else label


def _labelled(language: str, label: str, value: str) -> str:
    return i18n.gettext(language, LABELLED, label=label, value=value)


def _heading(language: str, message: str) -> str:
    return i18n.gettext(language, HEADING, label=i18n.gettext(language, message))


def _minutes(language: str, minutes: int) -> str:
    # The plural forms come from the shared catalogue entry the agenda pages use.
    return i18n.ngettext(language, "%(num)d minute", "%(num)d minutes", minutes)


def person_name(person, language: str) -> str:
    """A person's name as written in `language` (agenda files may give it per language)."""
    name_in = getattr(person, "name_in", None)
    return name_in(language) if name_in else person.name


def slot_lines(item, language: str) -> list[str]:
    """Who speaks, in order, with their limits.

    As on the agenda pages, a role that already names the speaker is not repeated, and a slot
    still to be determined shows its role, which says so itself ("Representative of State A (TBD)").
    """
    tbd = i18n.gettext(language, "to be determined")
    lines = []
    for slot in item.slots:
        role = i18n.pick(slot.role, language)
        if slot.kind == "discussion":
            text = role or i18n.gettext(language, "Open discussion")
        elif slot.speaker is not None:
            name = person_name(slot.speaker, language)
            text = _labelled(language, role, name) if role and role != name else name
        else:
            text = role or tbd
        if slot.minutes:
            text += " – " + _minutes(language, slot.minutes)
        lines.append(text)
    return lines


def chair_line(item, language: str) -> str | None:
    if not item.chair_title:
        return None
    label = i18n.gettext(language, CHAIR_LABELS.get(item.chair_title, item.chair_title))
    if item.chair_person is not None:
        return _labelled(language, label, person_name(item.chair_person, language))
    return _labelled(language, label, i18n.pick(item.chair_role, language) or i18n.gettext(language, "to be determined"))


def objective_lines(item, language: str, objective_titles: Mapping[int, Mapping[str, str]] | None) -> list[str]:
    titles = objective_titles or {}
    return [f"{number}. {i18n.pick(titles[number], language)}" if titles.get(number) else str(number)
            for number in item.objectives]


def describe(item, language: str, objective_titles: Mapping[int, Mapping[str, str]] | None = None) -> str:
    """The item in plain text: kind, description, chair, speakers with limits, GCM objectives.

    Shared by the calendar's DESCRIPTION and the schedule feeds' `description`.
    """
    blocks = [kind_label(item, language)]
    text = i18n.pick(item.description, language)
    if text:
        blocks.append(text)
    people = [line for line in [chair_line(item, language)] if line]
    lines = slot_lines(item, language)
    if lines:
        people.append(_heading(language, SPEAKING_ORDER))
        people += [f"• {line}" for line in lines]
    if item.intervention_minutes:
        people.append(i18n.gettext(language, FLOOR_LIMIT, limit=_minutes(language, item.intervention_minutes)))
    if people:
        blocks.append("\n".join(people))
    objectives = objective_lines(item, language, objective_titles)
    if objectives:
        blocks.append("\n".join([_heading(language, "GCM objectives")] + [f"• {o}" for o in objectives]))
    return "\n\n".join(blocks)


def event_description(item, language: str, base_url: str, conference_slug: str,
                      objective_titles: Mapping[int, Mapping[str, str]] | None = None) -> str:
    page = session_url(base_url, conference_slug, item.key, language)
    return describe(item, language, objective_titles) + "\n\n" + \
        i18n.gettext(language, SESSION_PAGE, url=page)


# -- "Add to calendar" links for web calendars ------------------------------------------------

def _utc_basic(moment: datetime) -> str:
    return to_utc(moment).strftime("%Y%m%dT%H%M%SZ")


def _utc_iso(moment: datetime) -> str:
    return to_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def google_calendar_url(conference, item, language: str, base_url: str) -> str:
    """Google Calendar's "create event" page, prefilled; times as UTC instants."""
    query = {
        "action": "TEMPLATE",
        "text": i18n.pick(item.title, language),
        "dates": f"{_utc_basic(item.starts_at)}/{_utc_basic(item.ends_at)}",
        "details": _short_details(conference, item, language, base_url),
        "location": web_url(conference.platform_url),
        "ctz": conference.timezone,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query, quote_via=quote)


OUTLOOK_PERSONAL = "https://outlook.live.com"     # Outlook.com, personal Microsoft accounts
OUTLOOK_WORK = "https://outlook.office.com"       # Microsoft 365, work or school accounts


def outlook_calendar_url(conference, item, language: str, base_url: str, work: bool = False) -> str:
    """Outlook on the web's "new event" page, prefilled; times as UTC instants. The same deep
    link on the personal (outlook.live.com) or the work-account host (outlook.office.com)."""
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": i18n.pick(item.title, language),
        "startdt": _utc_iso(item.starts_at),
        "enddt": _utc_iso(item.ends_at),
        "body": _short_details(conference, item, language, base_url),
        "location": web_url(conference.platform_url),
    }
    host = OUTLOOK_WORK if work else OUTLOOK_PERSONAL
    return host + "/calendar/0/deeplink/compose?" + urlencode(query, quote_via=quote)


def _short_details(conference, item, language: str, base_url: str) -> str:
    # Kept short: these travel in a URL. The full description is in the .ics.
    return "\n".join([
        f"{i18n.pick(conference.title, language)} – {kind_label(item, language)}",
        session_url(base_url, conference.slug, item.key, language),
    ])
