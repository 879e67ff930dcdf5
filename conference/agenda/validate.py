"""Say what is wrong with a parsed agenda: every finding, in file order, never just the first.

`validate(spec)` reports; it changes nothing and raises nothing. An "error" finding means the
file must not be loaded; a "warning" means it loads but a person should look (pretalx's
schedule warnings). Each message names the item (or conference, person, booth, day) and says
what is wrong in plain words, with the numbers.

Lengths are wall-clock minutes between `start` and `end` on the item's day; an item cannot run
past midnight. The codes, with an example message each, are listed in docs/agenda-format.md.
The checks of one item are in `check_items.py`, those across items in `check_schedule.py`, what
they share in `report.py`.
"""
from __future__ import annotations

import unicodedata
from dataclasses import replace
from urllib.parse import urlsplit

from conference.agenda.check_items import check_item
from conference.agenda.check_schedule import (
    check_item_ids, check_numbers, check_objective_coverage, check_timeline,
)
from conference.agenda.parse import parse_file
from conference.agenda.report import ID, Report, bad_id_message, item_where, line_note
from conference.agenda.schema import LANGUAGES, STAKEHOLDER_GROUPS, ConferenceSpec, Finding, Where

__all__ = ["check_file", "has_errors", "validate"]


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
    report = Report(spec)
    _check_conference(spec, report)
    _check_urls(spec, report)
    _check_booths(spec, report)
    _check_people(spec, report)
    _check_days(spec, report)
    for item in spec.items:
        check_item(item, report)
    check_item_ids(spec, report)
    check_numbers(spec, report)
    check_timeline(spec, report)
    check_objective_coverage(spec, report)
    return sorted(report.findings, key=lambda f: f.where.line or 0)


def _check_conference(spec: ConferenceSpec, report: Report) -> None:
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
    report.texts(spec.symbol, "the document symbol", label, replace(where, field="symbol"), required=False)
    for language, symbol in spec.symbol.items():
        if len(symbol) > SYMBOL_MAX or any(c in symbol for c in "\r\n\t"):
            report.error("bad_value", replace(where, field="symbol"),
                         f"{label}: the document symbol in '{language}' must be one line of at most "
                         f"{SYMBOL_MAX} characters")


SYMBOL_MAX = 60   # a document symbol ("E/ESCWA/C.1/2021/4") on one line


def _check_urls(spec: ConferenceSpec, report: Report) -> None:
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


def _check_booths(spec: ConferenceSpec, report: Report) -> None:
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
                         f"{line_note(seen[booth.language])}; one booth per language")
        else:
            seen[booth.language] = booth.where


def _check_people(spec: ConferenceSpec, report: Report) -> None:
    seen: dict[str, Where] = {}
    for person in spec.people:
        label = f"person {person.id}"
        if not ID.match(person.id):
            report.error("bad_id", replace(person.where, field="id"), bad_id_message(label, person.id),
                         "person", id=person.id)
        if person.id in seen:
            report.error("duplicate_id", replace(person.where, field="id"),
                         f"{label}: another person already has the id '{person.id}'"
                         f"{line_note(seen[person.id])}", "person", id=person.id)
        else:
            seen[person.id] = person.where
        if person.group not in STAKEHOLDER_GROUPS:
            report.error("unknown_kind", replace(person.where, field="group"),
                         f"{label}: '{person.group}' is not a stakeholder group; use one of "
                         f"{', '.join(STAKEHOLDER_GROUPS)}", "group", person=person.id, value=person.group)
        if person.language is not None:
            problem = report.language_problem(person.language)
            if problem:
                report.error("unknown_language", replace(person.where, field="language"),
                             f"{label}: {problem}")
        if person.rank is not None and person.rank < 1:
            report.error("bad_value", replace(person.where, field="rank"),
                         f"{label}: rank {person.rank} should be 1 or more", "rank", person=person.id, value=person.rank)


def _check_days(spec: ConferenceSpec, report: Report) -> None:
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
            report.error("bad_day", item_where(item, "day"),
                         f"item {item.id}: its date {item.day} is not one of the conference's days",
                         "item", item=item.id, day=item.day)
