"""Say what is wrong with a parsed agenda: every finding, in file order, never just the first.

`validate(spec)` reports; it changes nothing and raises nothing. An "error" finding means the
file must not be loaded; a "warning" means it loads but a person should look (pretalx's
schedule warnings). Each message names the item (or conference, person, booth, day) and says
what is wrong in plain words, with the numbers.

Lengths are wall-clock minutes between `start` and `end` on the item's day; an item cannot run
past midnight. The codes, with an example message each, are listed in docs/agenda-format.md.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, time
from urllib.parse import urlsplit

import pytz

from conference.agenda.parse import parse_file
from conference.agenda.schema import (
    CHAIR_TITLES, LANGUAGES, NUMBERED_KINDS, SESSION_KINDS, SLOT_KINDS, STAKEHOLDER_GROUPS,
    ConferenceSpec, Finding, ItemSpec, SlotSpec, Text, Where,
)

__all__ = ["check_file", "has_errors", "validate"]

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
OBJECTIVES = range(1, 24)
LANGUAGE_NAMES = {"ar": "Arabic", "en": "English", "fr": "French"}


def check_file(path) -> tuple[ConferenceSpec | None, list[Finding]]:
    """Parse and validate the agenda file at `path`: the parse findings first, then validation's.

    Validation runs whenever parsing produced a spec, even one with (non-structural) errors, so a
    secretariat sees as much as possible in one pass.
    """
    spec, findings = parse_file(path)
    if spec is not None:
        findings = findings + validate(spec)
    return spec, findings


def url_problem(value: str) -> str | None:
    """Why `value` is not a plain web address (`https://host/...` or `http://host/...`), or None.

    Agenda URLs become links on pages, the calendar's LOCATION and the schedule feeds, so anything
    a browser could run or reinterpret is refused: another scheme (`javascript:`, `data:`,
    `vbscript:`, `file:`...), a relative address, whitespace or control characters anywhere
    (`java\tscript:` is `javascript:` to a browser, which drops tabs and newlines), a backslash,
    or a user name before the host.
    """
    if any(unicodedata.category(ch)[0] in "CZ" for ch in value):
        return "it contains spaces or control characters"
    if "\\" in value:
        return "it contains a backslash"
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme not in ("https", "http"):
        return "it must start with https:// (or http://)"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError:
        return "it is not a valid web address"
    if not value[len(scheme) + 1:].startswith("//") or not parts.hostname:
        return "it has no host after https://"
    if "@" in parts.netloc:
        return "it names a user before the host"
    return None


def has_errors(findings) -> bool:
    """True when any finding refuses the file."""
    return any(f.level == "error" for f in findings)


def validate(spec: ConferenceSpec) -> list[Finding]:
    """Every error and warning about `spec`, in file order (by line; ties keep check order)."""
    report = _Report(spec)
    _check_conference(spec, report)
    _check_urls(spec, report)
    _check_booths(spec, report)
    _check_people(spec, report)
    _check_days(spec, report)
    for item in spec.items:
        _check_item(item, report)
    _check_item_ids(spec, report)
    _check_numbers(spec, report)
    _check_timeline(spec, report)
    _check_objective_coverage(spec, report)
    return sorted(report.findings, key=lambda f: f.where.line or 0)


class _Report:
    """The findings so far, plus what every check needs to know about the conference."""

    def __init__(self, spec: ConferenceSpec) -> None:
        self.findings: list[Finding] = []
        self.languages = tuple(lang for lang in spec.languages if lang in LANGUAGES)
        self.people = {p.id for p in spec.people}
        self.zone = _zone(spec.timezone)

    def error(self, code: str, where: Where, message: str) -> None:
        self.findings.append(Finding("error", code, where, message))

    def warning(self, code: str, where: Where, message: str) -> None:
        self.findings.append(Finding("warning", code, where, message))

    def language_problem(self, language: str) -> str | None:
        """Why `language` cannot be used for a person, slot or booth; None when it can."""
        if language not in LANGUAGES:
            return f"'{language}' is not a language Minbar knows ({', '.join(LANGUAGES)})"
        if language not in self.languages:
            return (f"'{language}' is not one of the conference's languages "
                    f"({', '.join(self.languages)})")
        return None

    def texts(self, text: Text, what: str, label: str, where: Where, required: bool) -> None:
        """Text keys must be known languages; a text, once given, needs every conference language."""
        for key in text:
            if key not in LANGUAGES:
                self.error("unknown_language", where,
                           f"{label}: {what} has a text in '{key}', which is not a language "
                           f"Minbar knows ({', '.join(LANGUAGES)})")
        if not (required or text):
            return
        missing = [lang for lang in self.languages if not text.get(lang, "").strip()]
        if missing:
            names = " or ".join(f"{LANGUAGE_NAMES[lang]} ({lang})" for lang in missing)
            self.warning("missing_translation", where, f"{label}: {what} has no {names} text")


def _zone(name: str):
    try:
        return pytz.timezone(name)
    except (pytz.UnknownTimeZoneError, AttributeError, TypeError):
        return None


def _at(item: ItemSpec, field: str | None = None, slot: SlotSpec | None = None) -> Where:
    """Where to point for `item` (or its `slot`): its place in the file, named by id."""
    if slot is not None:
        return replace(slot.where, item=item.id, slot=slot.id, field=field)
    return replace(item.where, item=item.id, field=field)


def _hhmm(t: time) -> str:
    return t.strftime("%H:%M")


def _minutes(start: time, end: time) -> int:
    day = date(2000, 1, 1)
    return int((datetime.combine(day, end) - datetime.combine(day, start)).total_seconds() // 60)


def _span(item: ItemSpec) -> str:
    return f"{_hhmm(item.start)}-{_hhmm(item.end)}"


def _line_note(where: Where) -> str:
    return f" (line {where.line})" if where.line is not None else ""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _check_conference(spec: ConferenceSpec, report: _Report) -> None:
    label = f"conference {spec.slug}"
    where = spec.where
    if not ID.match(spec.slug):
        report.error("bad_slug", replace(where, field="slug"),
                     f"conference: the slug '{spec.slug}' may contain only lowercase letters, "
                     "digits and single hyphens between them, such as gcm-arab-2021")
    if report.zone is None:
        report.error("unknown_timezone", replace(where, field="timezone"),
                     f"{label}: '{spec.timezone}' is not a time zone Minbar knows; use an IANA "
                     "name such as Asia/Beirut or UTC")
    if not spec.languages:
        report.error("bad_value", replace(where, field="languages"),
                     f"{label}: the conference has no languages; list at least one of ar, en, fr")
    for n, language in enumerate(spec.languages):
        if language not in LANGUAGES:
            report.error("unknown_language", replace(where, field="languages"),
                         f"{label}: '{language}' is not a language Minbar knows "
                         f"({', '.join(LANGUAGES)})")
        if spec.languages[:n].count(language) == 1:  # only its first repeat
            report.error("bad_value", replace(where, field="languages"),
                         f"{label}: the language '{language}' is listed more than once")
    report.texts(spec.title, "the title", label, replace(where, field="title"), required=True)
    report.texts(spec.venue, "the venue", label, replace(where, field="venue"), required=False)
    report.texts(spec.organisers, "the organisers", label, replace(where, field="organisers"),
                 required=False)


def _check_urls(spec: ConferenceSpec, report: _Report) -> None:
    """Every URL field of the format: the conference's `platform_url` and `floor_listen_url`,
    each booth's `listen_url`. Empty means "none" and is fine."""
    fields = [(f"conference {spec.slug}", spec.where, name, getattr(spec, name))
              for name in ("platform_url", "floor_listen_url")]
    fields += [(f"booth {booth.language}", booth.where, "listen_url", booth.listen_url) for booth in spec.booths]
    for label, where, name, value in fields:
        problem = url_problem(value) if value else None
        if problem:
            report.error("bad_url", replace(where, field=name),
                         f"{label}: {name} {value!r} is not a web address Minbar can link to: {problem}")


def _check_booths(spec: ConferenceSpec, report: _Report) -> None:
    seen: dict[str, Where] = {}
    for booth in spec.booths:
        label = f"booth {booth.language}"
        problem = report.language_problem(booth.language)
        if problem:
            report.error("unknown_language", replace(booth.where, field="language"),
                         f"{label}: {problem}")
        for source in booth.sources:
            problem = report.language_problem(source)
            if problem:
                report.error("unknown_language", replace(booth.where, field="sources"),
                             f"{label}: the source language {problem}")
        if booth.language in seen:
            report.error("duplicate_id", booth.where,
                         f"{label}: there is already a booth for '{booth.language}'"
                         f"{_line_note(seen[booth.language])}; one booth per language")
        else:
            seen[booth.language] = booth.where


def _check_people(spec: ConferenceSpec, report: _Report) -> None:
    seen: dict[str, Where] = {}
    for person in spec.people:
        label = f"person {person.id}"
        if not ID.match(person.id):
            report.error("bad_id", replace(person.where, field="id"), _bad_id_message(label, person.id))
        if person.id in seen:
            report.error("duplicate_id", replace(person.where, field="id"),
                         f"{label}: another person already has the id '{person.id}'"
                         f"{_line_note(seen[person.id])}")
        else:
            seen[person.id] = person.where
        if person.group not in STAKEHOLDER_GROUPS:
            report.error("unknown_kind", replace(person.where, field="group"),
                         f"{label}: '{person.group}' is not a stakeholder group; use one of "
                         f"{', '.join(STAKEHOLDER_GROUPS)}")
        if person.language is not None:
            problem = report.language_problem(person.language)
            if problem:
                report.error("unknown_language", replace(person.where, field="language"),
                             f"{label}: {problem}")
        if person.rank is not None and person.rank < 1:
            report.error("bad_value", replace(person.where, field="rank"),
                         f"{label}: rank {person.rank} should be 1 or more")


def _bad_id_message(label: str, value: str) -> str:
    return (f"{label}: the id '{value}' may contain only lowercase letters, digits and single "
            "hyphens between them, such as plenary-1")


def _check_days(spec: ConferenceSpec, report: _Report) -> None:
    wheres = spec.day_wheres
    if len(wheres) != len(spec.days):  # a spec not read from a file
        wheres = (spec.where,) * len(spec.days)
    for n, (day, where) in enumerate(zip(spec.days, wheres)):
        if day in spec.days[:n]:
            report.error("bad_day", where,
                         f"day {day}: the day is listed twice; put all its items under one [[days]]")
        elif n and day < max(spec.days[:n]):
            report.error("bad_day", where,
                         f"day {day}: the day is listed after {max(spec.days[:n])}; list days in "
                         "date order")
    if not spec.days:
        return
    for item in spec.items:
        if item.day not in spec.days:
            report.error("bad_day", _at(item, "day"),
                         f"item {item.id}: its date {item.day} is not one of the conference's days")


def _check_item(item: ItemSpec, report: _Report) -> None:
    label = f"item {item.id}"
    if not ID.match(item.id):
        report.error("bad_id", _at(item, "id"), _bad_id_message(label, item.id))
    if item.kind not in SESSION_KINDS:
        report.error("unknown_kind", _at(item, "kind"),
                     f"{label}: '{item.kind}' is not a kind of item; use one of {', '.join(SESSION_KINDS)}")
    length = _minutes(item.start, item.end)
    if length <= 0:
        report.error("end_before_start", _at(item, "end"),
                     f"{label}: it ends at {_hhmm(item.end)}, which is not after its start at "
                     f"{_hhmm(item.start)}")
    _check_wall_times(item, report)
    for name in ("stated_minutes", "intervention_minutes"):
        value = getattr(item, name)
        if value is not None and value < 1:
            report.error("bad_value", _at(item, name),
                         f"{label}: {name} is {value}; it should be 1 or more")
    if item.stated_minutes and length > 0 and item.stated_minutes != length:
        report.warning("stated_length_mismatch", _at(item, "stated_minutes"),
                       f"{label}: the agenda calls it {_plural(item.stated_minutes, 'minute')} long "
                       f"but its time slot ({_span(item)}) lasts {_plural(length, 'minute')}")
    wrong = [n for n in item.objectives if n not in OBJECTIVES]
    if wrong:
        report.error("objective_out_of_range", _at(item, "objectives"),
                     f"{label}: GCM objectives are numbered 1 to 23, so "
                     f"{', '.join(map(str, wrong))} cannot be one")
    report.texts(item.title, "the title", label, _at(item, "title"), required=True)
    report.texts(item.description, "the description", label, _at(item, "description"),
                 required=False)
    _check_chair(item, report)
    _check_slots(item, length, report)
    _check_tbd(item, report)


def _check_wall_times(item: ItemSpec, report: _Report) -> None:
    """Start and end must each name exactly one instant in the zone (pytz is_dst=None)."""
    if report.zone is None:
        return
    zone_name = report.zone.zone
    for name, wall in (("start", item.start), ("end", item.end)):
        try:
            report.zone.localize(datetime.combine(item.day, wall), is_dst=None)
        except pytz.NonExistentTimeError:
            report.error("nonexistent_time", _at(item, name),
                         f"item {item.id}: its {name} time, {_hhmm(wall)} on {item.day}, does not "
                         f"exist in {zone_name}: the clocks skip it when daylight saving time starts")
        except pytz.AmbiguousTimeError:
            report.error("ambiguous_time", _at(item, name),
                         f"item {item.id}: its {name} time, {_hhmm(wall)} on {item.day}, happens "
                         f"twice in {zone_name} (the clocks go back when daylight saving time "
                         "ends), so it is not clear which one is meant")


def _check_chair(item: ItemSpec, report: _Report) -> None:
    chair = item.chair
    if chair is None:
        return
    label = f"item {item.id}"
    where = replace(chair.where, item=item.id, field="chair")
    if chair.title not in CHAIR_TITLES:
        report.error("unknown_kind", where,
                     f"{label}: '{chair.title}' is not a chair title; use one of {', '.join(CHAIR_TITLES)}")
    if chair.person is not None and chair.person not in report.people:
        report.error("unknown_person", where,
                     f"{label}: the chair '{chair.person}' is not declared in [[people]]")
    report.texts(chair.role, "the chair's role", label, where, required=False)


def _check_slots(item: ItemSpec, length: int, report: _Report) -> None:
    label = f"item {item.id}"
    for position, slot in enumerate(item.slots, 1):
        slot_label = f"{label}, slot {slot.id}"
        # A default id built from a bad item id is bad too; the item's finding covers it.
        if not ID.match(slot.id) and (ID.match(item.id) or slot.id != f"{item.id}-{position}"):
            report.error("bad_id", _at(item, "id", slot), _bad_id_message(slot_label, slot.id))
        if slot.kind not in SLOT_KINDS:
            report.error("unknown_kind", _at(item, "kind", slot),
                         f"{slot_label}: '{slot.kind}' is not a kind of slot; use one of "
                         f"{', '.join(SLOT_KINDS)}")
        if slot.speaker is not None and slot.speaker not in report.people:
            report.error("unknown_person", _at(item, "speaker", slot),
                         f"{slot_label}: the speaker '{slot.speaker}' is not declared in [[people]]")
        if slot.speaker is not None and slot.tbd:
            report.warning("tbd_conflict", _at(item, "tbd", slot),
                           f"{slot_label}: it names the speaker '{slot.speaker}' but is still "
                           "marked tbd = true; remove one of the two")
        if slot.language is not None:
            problem = report.language_problem(slot.language)
            if problem:
                report.error("unknown_language", _at(item, "language", slot),
                             f"{slot_label}: {problem}")
        if slot.minutes is not None and slot.minutes < 1:
            report.error("bad_value", _at(item, "minutes", slot),
                         f"{slot_label}: {slot.minutes} minutes is not a speaking time; use 1 or more")
        report.texts(slot.role, "the role", slot_label, _at(item, "role", slot), required=False)
    if length > 0:
        _check_slot_minutes(item, length, report)


def _check_slot_minutes(item: ItemSpec, length: int, report: _Report) -> None:
    """The slots' minutes against the item's length, and slots without a limit.

    Limits: a discussion without minutes takes what is left of the item, so it needs none. A
    speaking slot (statement, presentation) without minutes is reported when other slots of the
    item have a limit, or when two or more speakers share an item with no limit at all; a single
    speaker alone is bounded by the item's own length.
    """
    label = f"item {item.id}"
    timed = [s.minutes for s in item.slots if s.minutes is not None]
    total = sum(timed)
    if total > length:
        report.error("slots_exceed_item", _at(item, "slots"),
                     f"{label}: the slots add up to {total} minutes but the item lasts "
                     f"{length} minutes ({_span(item)})")
    elif item.slots and len(timed) == len(item.slots) and total < length:
        report.warning("slots_underfill", _at(item, "slots"),
                       f"{label}: the slots add up to {total} minutes but the item lasts "
                       f"{length} minutes ({_span(item)}); {length - total} minutes are unplanned")
    speaking = [s for s in item.slots if s.kind != "discussion"]
    unlimited = [s for s in speaking if s.minutes is None]
    if timed and unlimited:
        report.warning("no_limit", _at(item, "minutes", unlimited[0]),
                       f"{label}: {_names('slot', [s.id for s in unlimited])} no speaking "
                       "limit (minutes) although other slots of the item have one")
    elif not timed and len(speaking) >= 2:
        report.warning("no_limit", _at(item, "slots"),
                       f"{label}: none of its {len(speaking)} speakers has a speaking limit "
                       "(minutes), so the timer has nothing to count down")


def _names(word: str, ids: list[str]) -> str:
    return f"{word} {ids[0]} has" if len(ids) == 1 else f"{word}s {', '.join(ids)} have"


def _check_tbd(item: ItemSpec, report: _Report) -> None:
    open_slots = [s for s in item.slots if s.tbd and s.speaker is None]
    chair_open = item.chair is not None and item.chair.person is None
    parts = []
    if open_slots:
        parts.append("the speaker of 1 slot" if len(open_slots) == 1
                     else f"the speakers of {len(open_slots)} slots")
    if chair_open:
        parts.append(f"the {item.chair.title}")
    if parts:
        report.warning("tbd", _at(item),
                       f"item {item.id}: still to be determined (TBD): {' and '.join(parts)}")


def _check_item_ids(spec: ConferenceSpec, report: _Report) -> None:
    items: dict[str, Where] = {}
    slots: dict[str, tuple[str, Where]] = {}
    for item in spec.items:
        if item.id in items:
            report.error("duplicate_id", _at(item, "id"),
                         f"item {item.id}: another item already has the id '{item.id}'"
                         f"{_line_note(items[item.id])}")
        else:
            items[item.id] = item.where
        for slot in item.slots:
            if slot.id in slots:
                owner, first = slots[slot.id]
                report.error("duplicate_id", _at(item, "id", slot),
                             f"item {item.id}, slot {slot.id}: a slot of item {owner} already has "
                             f"the id '{slot.id}'{_line_note(first)}; slot ids are unique across "
                             "the conference")
            else:
                slots[slot.id] = (item.id, slot.where)


def _check_numbers(spec: ConferenceSpec, report: _Report) -> None:
    seen: dict[tuple[str, int], str] = {}
    for item in spec.items:
        label = f"item {item.id}"
        where = _at(item, "number")
        if item.kind in NUMBERED_KINDS:
            if item.number is None:
                report.error("bad_number", where, f"{label}: a {item.kind} needs a number")
            elif item.number < 1:
                report.error("bad_number", where,
                             f"{label}: {item.kind} number {item.number} should be 1 or more")
            elif (item.kind, item.number) in seen:
                report.error("bad_number", where,
                             f"{label}: {item.kind} number {item.number} is already used by item "
                             f"{seen[item.kind, item.number]}")
            else:
                seen[item.kind, item.number] = item.id
        elif item.number is not None:
            report.error("bad_number", where,
                         f"{label}: only plenaries and roundtables are numbered, but this "
                         f"item of kind {item.kind} has number {item.number}")


def _check_timeline(spec: ConferenceSpec, report: _Report) -> None:
    """Within each day: overlaps (errors), items out of order and gaps (warnings)."""
    by_day: dict[date, list[ItemSpec]] = defaultdict(list)
    for item in spec.items:
        if _minutes(item.start, item.end) > 0:
            by_day[item.day].append(item)
    for items in by_day.values():
        for n, later in enumerate(items):
            for earlier in items[:n]:
                overlap = _minutes(max(earlier.start, later.start), min(earlier.end, later.end))
                if overlap > 0:
                    report.error("overlap", _at(later, "start"),
                                 f"item {later.id} ({_span(later)}) overlaps item {earlier.id} "
                                 f"({_span(earlier)}) on {later.day} by {_plural(overlap, 'minute')}")
            before = items[n - 1] if n else None
            if before and later.start < before.start and later.end <= before.start:
                report.warning("out_of_order", _at(later, "start"),
                               f"item {later.id} ({_span(later)}) is listed after item "
                               f"{before.id} ({_span(before)}), which starts later; the agenda "
                               "shows items in the order of the file")
        _check_gaps(sorted(items, key=lambda i: i.start), report)


def _check_gaps(items: list[ItemSpec], report: _Report) -> None:
    latest = None  # the item that ends last so far: a long item can contain shorter ones
    for item in items:
        if latest is not None and item.start > latest.end:
            report.warning("gap", _at(item, "start"),
                           f"item {item.id}: nothing is scheduled for "
                           f"{_plural(_minutes(latest.end, item.start), 'minute')} between the end "
                           f"of item {latest.id} at {_hhmm(latest.end)} and its start at "
                           f"{_hhmm(item.start)}")
        if latest is None or item.end > latest.end:
            latest = item


def _check_objective_coverage(spec: ConferenceSpec, report: _Report) -> None:
    """The roundtables together should review each of the 23 GCM objectives exactly once.

    Only checked when some roundtable names objectives: a conference without them is not a
    GCM review and has nothing to cover.
    """
    roundtables = [i for i in spec.items if i.kind == "roundtable"]
    if not any(rt.objectives for rt in roundtables):
        return
    holders: dict[int, list[str]] = defaultdict(list)
    for rt in roundtables:
        for n in rt.objectives:
            holders[n].append(rt.id)
    missing = [n for n in OBJECTIVES if n not in holders]
    repeated = {n: ids for n, ids in sorted(holders.items()) if n in OBJECTIVES and len(ids) > 1}
    if not (missing or repeated):
        return
    parts = []
    if missing:
        parts.append(f"no roundtable covers {_numbered('objective', missing)}")
    for n, ids in repeated.items():
        parts.append(f"objective {n} is covered {len(ids)} times ({', '.join(ids)})")
    names = ", ".join(rt.id for rt in roundtables)
    report.warning("objective_coverage", _at(roundtables[0], "objectives"),
                   f"item {roundtables[0].id}: the roundtables ({names}) should cover GCM "
                   f"objectives 1-23 exactly once each, but {'; '.join(parts)}")


def _numbered(word: str, numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"{word} {numbers[0]}"
    return f"{word}s {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"
