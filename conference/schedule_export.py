"""The frab-compatible schedule feeds (`schedule.json`, `schedule.xml`) that conference apps read.

The format is the one frab, pretalx and the c3voc tools publish (schema: c3voc `validator/`,
copied into tests/data/schedule-format/), read by apps such as Giggity, EventFahrplan and
ConfClerk. `build_schedule` makes one plain dict; `to_json` and `to_xml` serialize that same dict,
so both feeds always carry the same data. Pure: no Flask, no database, no clock.

Choices the format leaves open (docs/calendar.md, "Schedule feeds"):
- one room per day: the online plenary hall, named in the export's language;
- `acronym` is derived from the conference slug to fit the schema's pattern
  `^[a-z0-9_-][a-z0-9_]{3,}(-2[0-9]{3}-[a-z]+)?$`: every character outside [a-z0-9] becomes "_"
  and a slug shorter than four characters is padded with "_" (`gcm-arab-2021` -> `gcm_arab_2021`);
- `guid` is a UUID5 of the session's iCalendar UID, so it never changes either;
- `id` (a deprecated positive integer that apps still key favourites on) is a hash of the UID,
  not a position, so inserting a session does not renumber the others; in the unlikely event
  of a collision the later key in alphabetical order takes the next free number;
- `persons` are the people named for the session (chair, then speakers, in order); a role still
  to be determined is not a person, so it is not listed there but in `description`;
- `language` is the speakers' languages when known (`"ar"`, or `"ar,en"`), else null: sessions
  are interpreted into every conference language;
- `track` is the kind in the export's language, `type` the kind's stable key (`plenary`).
"""
from __future__ import annotations

import hashlib
import json
import math
import re
import uuid
import xml.etree.ElementTree as ET
from itertools import groupby
from typing import Iterable, Mapping

from conference import i18n, ical
from conference.i18n import N_
from conference.presenters import KIND_LABELS
from timing.zones import to_zone

JSON_SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
XSD_URL = "https://c3voc.de/schedule/schema.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# The JSON schema's pattern, applied as JSON Schema does (a search, not a full match).
ZONE_NAME = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")
MAX_ID = 2**31 - 1


ROOM_NAME = N_("Online plenary hall")
PLATFORM_LINK = N_("Online platform")
LIVE_LINK = N_("Follow live")


def acronym(slug: str) -> str:
    """A conforming acronym for the conference slug (see the module docstring)."""
    text = re.sub(r"[^a-z0-9]", "_", slug.lower())
    return text.ljust(4, "_")


def event_guid(conference_slug: str, session_key: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "minbar:" + ical.event_uid(conference_slug, session_key)))


def person_guid(conference_slug: str, person_key: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"minbar:person:{person_key}@{conference_slug}.minbar"))


def _hash_id(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:4], "big") % MAX_ID + 1


def stable_ids(keys: Iterable[str], namespace: str) -> dict[str, int]:
    """A positive integer per key, from a hash, unique among `keys` (see the module docstring)."""
    ids: dict[str, int] = {}
    used: set[int] = set()
    for key in sorted(set(keys)):
        number = _hash_id(f"{namespace}:{key}")
        while number in used:
            number = number % MAX_ID + 1
        ids[key] = number
        used.add(number)
    return ids


def hh_mm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _timeslot_minutes(items: list, zone: str) -> int:
    """The largest step that every start and length is a multiple of (5 when nothing is known)."""
    values = []
    for item in items:
        local = to_zone(item.starts_at, zone)
        values += [local.hour * 60 + local.minute, item.minutes]
    step = 0
    for value in values:
        step = math.gcd(step, value)
    return step or 5


def _languages(item) -> str | None:
    seen: list[str] = []
    for slot in item.slots:
        language = slot.language or (slot.speaker.language if slot.speaker is not None else None)
        if language and language not in seen:
            seen.append(language)
    return ",".join(seen) or None


def _persons(conference, item, language: str, person_ids: Mapping[str, int]) -> list[dict]:
    people = []
    if item.chair_person is not None:
        people.append(item.chair_person)
    people += [slot.speaker for slot in item.slots if slot.speaker is not None]
    listed, seen = [], set()
    for person in people:
        if person.key in seen:
            continue
        seen.add(person.key)
        listed.append({"id": person_ids[person.key], "guid": person_guid(conference.slug, person.key),
                       "public_name": ical.person_name(person, language)})
    return listed


def _links(conference, item, language: str, base_url: str) -> list[dict]:
    links = []
    if ical.web_url(conference.platform_url):
        links.append({"url": conference.platform_url, "title": i18n.gettext(language, PLATFORM_LINK),
                      "type": "web"})
    if item.slots:
        links.append({"url": ical.session_url(base_url, conference.slug, item.key) + "/live",
                      "title": i18n.gettext(language, LIVE_LINK), "type": "web"})
    return links


def build_schedule(conference, items: Iterable, language: str, base_url: str,
                   objective_titles: Mapping[int, Mapping[str, str]] | None = None,
                   generator_version: str = "0") -> dict:
    """The schedule as the frab/pretalx JSON document (a dict), in `language`."""
    items = sorted(items, key=lambda i: (i.starts_at, i.position))
    zone = conference.timezone
    base = base_url.rstrip("/")
    short = acronym(conference.slug)
    room = i18n.gettext(language, ROOM_NAME)
    event_ids = stable_ids([i.key for i in items], f"{conference.slug}:event")
    person_ids = stable_ids([p.key for i in items for p in _people_of(i)], f"{conference.slug}:person")
    newest = max([conference.modified_at] + [i.modified_at for i in items])

    days = []
    for index, (day, group) in enumerate(groupby(items, key=lambda i: i.day), start=1):
        group = list(group)
        events = []
        for item in group:
            local = to_zone(item.starts_at, zone)
            events.append({
                "id": event_ids[item.key],
                "guid": event_guid(conference.slug, item.key),
                "date": local.isoformat(),
                "start": local.strftime("%H:%M"),
                "duration": hh_mm(item.minutes),
                "room": room,
                "slug": f"{short}-{item.key}" if len(item.key) >= 4 else f"{short}-session-{item.key}",
                "url": ical.session_url(base, conference.slug, item.key, language),
                "title": i18n.pick(item.title, language),
                "subtitle": "",
                "track": ical.kind_label(item, language, numbered=False),
                "type": item.kind,
                "language": _languages(item),
                "abstract": i18n.pick(item.description, language),
                "description": ical.describe(item, language, objective_titles),
                "persons": _persons(conference, item, language, person_ids),
                "links": _links(conference, item, language, base),
            })
        days.append({
            "index": index,
            "date": day.isoformat(),
            "day_start": to_zone(group[0].starts_at, zone).isoformat(),
            "day_end": to_zone(max(i.ends_at for i in group), zone).isoformat(),
            "rooms": {room: events},
        })

    room_entry = {"name": room, "guid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"minbar:room:plenary@{conference.slug}")),
                  "type": "online"}
    if ical.web_url(conference.platform_url):
        room_entry["url"] = conference.platform_url
    kinds = []
    for item in items:
        if item.kind not in kinds:
            kinds.append(item.kind)
    conference_entry = {
        "acronym": short,
        "title": i18n.pick(conference.title, language),
        "start": days[0]["date"] if days else None,
        "end": days[-1]["date"] if days else None,
        "daysCount": len(days),
        "timeslot_duration": hh_mm(_timeslot_minutes(items, zone)),
        "url": f"{base}/conferences/{conference.slug}?lang={language}",
        "rooms": [room_entry],
        "tracks": [{"name": i18n.gettext(language, KIND_LABELS.get(k, k)), "slug": k.replace("_", "-")}
                   for k in kinds],
        "days": days,
    }
    if ZONE_NAME.search(zone):
        conference_entry["time_zone_name"] = zone
    if not days:
        del conference_entry["start"], conference_entry["end"]
    return {
        "$schema": JSON_SCHEMA_URL,
        "generator": {"name": "Minbar", "version": generator_version},
        "schedule": {
            "version": newest.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "base_url": base + "/",
            "conference": conference_entry,
        },
    }


def _people_of(item) -> list:
    people = [item.chair_person] if item.chair_person is not None else []
    return people + [slot.speaker for slot in item.slots if slot.speaker is not None]


def to_json(schedule: dict) -> bytes:
    return json.dumps(schedule, ensure_ascii=False, indent=2).encode("utf-8")


def to_xml(schedule: dict, url: str | None = None) -> bytes:
    """The same schedule as frab XML (`schedule.xml.xsd`); `url` is where this XML is published."""
    body = schedule["schedule"]
    conf = body["conference"]
    root = ET.Element("schedule", {f"{{{XSI}}}noNamespaceSchemaLocation": XSD_URL})
    ET.SubElement(root, "generator", {"name": schedule["generator"]["name"],
                                      "version": schedule["generator"]["version"]})
    if url:
        ET.SubElement(root, "url").text = url
    ET.SubElement(root, "version").text = body["version"]
    conference = ET.SubElement(root, "conference")
    for name in ("acronym", "title", "start", "end"):
        if name in conf:
            ET.SubElement(conference, name).text = conf[name]
    ET.SubElement(conference, "days").text = str(conf["daysCount"])
    ET.SubElement(conference, "timeslot_duration").text = conf["timeslot_duration"]
    ET.SubElement(conference, "base_url").text = body["base_url"]
    ET.SubElement(conference, "url").text = conf["url"]
    if "time_zone_name" in conf:
        ET.SubElement(conference, "time_zone_name").text = conf["time_zone_name"]
    for track in conf["tracks"]:
        ET.SubElement(conference, "track", {"name": track["name"], "slug": track["slug"]})
    rooms = {room["name"]: room for room in conf["rooms"]}
    for day in conf["days"]:
        day_element = ET.SubElement(root, "day", {"index": str(day["index"]), "date": day["date"],
                                                  "start": day["day_start"], "end": day["day_end"]})
        for room_name, events in day["rooms"].items():
            room_element = ET.SubElement(day_element, "room", {"name": room_name, "guid": rooms[room_name]["guid"]})
            for event in events:
                _event_xml(room_element, event)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _event_xml(parent: ET.Element, event: dict) -> None:
    element = ET.SubElement(parent, "event", {"guid": event["guid"], "id": str(event["id"])})
    for name in ("date", "start", "duration", "room", "slug", "url", "title", "subtitle", "track", "type",
                 "language", "abstract", "description"):
        value = event.get(name)
        if value is not None:
            ET.SubElement(element, name).text = value
    persons = ET.SubElement(element, "persons")
    for person in event["persons"]:
        ET.SubElement(persons, "person", {"id": str(person["id"]), "guid": person["guid"]}).text = person["public_name"]
    links = ET.SubElement(element, "links")
    for link in event["links"]:
        ET.SubElement(links, "link", {"href": link["url"], "type": link["type"]}).text = link["title"]
