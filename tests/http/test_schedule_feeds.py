"""The frab-compatible schedule feeds: valid against the published schema of the format
(tests/data/schedule-format, see SOURCE.md there), and faithful to the agenda's times."""
from __future__ import annotations

import json
import re
import uuid
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

import jsonschema
import pytest
import xmlschema

from conference import ical, schedule_export
from conftest import DATA, load_agenda_file

SCHEMAS = DATA / "schedule-format"
SLUGS = ["gcm-arab-2021", "dst-crossing-2021", "utc-2021"]


RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def strict_formats() -> jsonschema.FormatChecker:
    """The schema's formats, checked for real (jsonschema's draft-6 checker skips these without
    optional packages): date, date-time (RFC 3339, with an offset), uuid, absolute http(s) uri."""
    checker = jsonschema.FormatChecker()

    @checker.checks("date", raises=ValueError)
    def is_date(value):
        return not isinstance(value, str) or bool(date.fromisoformat(value)) and len(value) == 10

    @checker.checks("date-time", raises=ValueError)
    def is_date_time(value):
        return not isinstance(value, str) or bool(RFC3339.match(value)) and bool(datetime.fromisoformat(value))

    @checker.checks("uuid", raises=ValueError)
    def is_uuid(value):
        return not isinstance(value, str) or str(uuid.UUID(value)) == value

    @checker.checks("uri")
    def is_uri(value):
        if not isinstance(value, str):
            return True
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value

    return checker


@pytest.fixture(scope="module")
def json_validator():
    schema = json.loads((SCHEMAS / "schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft6Validator(schema, format_checker=strict_formats())


@pytest.fixture(scope="module")
def xml_schema():
    return xmlschema.XMLSchema(str(SCHEMAS / "schedule.xml.xsd"))


@pytest.fixture
def feeds_client(loaded_app, clock):
    load_agenda_file(loaded_app, DATA / "agendas" / "dst_crossing.toml", clock.now())
    load_agenda_file(loaded_app, DATA / "agendas" / "utc.toml", clock.now())
    return loaded_app.test_client()


def agenda_times(client, slug: str) -> dict[str, tuple[datetime, datetime]]:
    """session id -> (start, end) as the JSON API states them."""
    days = client.get(f"/api/v1/conferences/{slug}").json["days"]
    return {s["id"]: (datetime.fromisoformat(s["starts_at"]), datetime.fromisoformat(s["ends_at"]))
            for day in days for s in day["sessions"]}


def minutes(hh_mm: str) -> timedelta:
    hours, mins = hh_mm.split(":")
    return timedelta(hours=int(hours), minutes=int(mins))


def session_key(slug_field: str, acronym: str) -> str:
    return slug_field.removeprefix(acronym + "-").removeprefix("session-")


# -- validity ----------------------------------------------------------------------------------

@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_schedule_json_validates_against_the_published_schema(feeds_client, json_validator, slug, lang):
    response = feeds_client.get(f"/conferences/{slug}/schedule.json?lang={lang}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in json_validator.iter_errors(response.json)]
    assert errors == []


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_schedule_xml_validates_against_the_published_xsd(feeds_client, xml_schema, slug, lang):
    response = feeds_client.get(f"/conferences/{slug}/schedule.xml?lang={lang}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/xml; charset=utf-8"
    assert [str(e.reason) for e in xml_schema.iter_errors(response.data.decode("utf-8"))] == []


def test_the_validators_do_reject_a_broken_schedule(client, json_validator, xml_schema):
    # A check that the two validations above can fail: a start that is not HH:MM.
    document = client.get("/conferences/gcm-arab-2021/schedule.json").json
    room = next(iter(document["schedule"]["conference"]["days"][0]["rooms"].values()))
    room[0]["start"] = "9:30"
    assert not json_validator.is_valid(document)
    room[0]["start"], room[0]["date"] = "09:30", "2021-02-24 09:30"
    assert not json_validator.is_valid(document)
    xml = client.get("/conferences/gcm-arab-2021/schedule.xml").data.decode("utf-8")
    assert not xml_schema.is_valid(xml.replace("<start>09:30</start>", "<start>9:30</start>", 1))


# -- faithful times ----------------------------------------------------------------------------

@pytest.mark.parametrize("slug", SLUGS)
def test_schedule_json_round_trips_the_agendas_times(feeds_client, slug):
    document = feeds_client.get(f"/conferences/{slug}/schedule.json").json["schedule"]["conference"]
    expected = agenda_times(feeds_client, slug)
    found = {}
    for day in document["days"]:
        for events in day["rooms"].values():
            for event in events:
                start = datetime.fromisoformat(event["date"])
                assert event["start"] == start.strftime("%H:%M")
                assert start.date().isoformat() == day["date"]
                found[session_key(event["slug"], document["acronym"])] = (start, start + minutes(event["duration"]))
    assert found == expected
    assert (document["start"], document["end"], document["daysCount"]) == \
        (min(expected.values())[0].date().isoformat(), max(e for _, e in expected.values()).date().isoformat(),
         len(document["days"]))


@pytest.mark.parametrize("slug", SLUGS)
def test_schedule_xml_round_trips_the_agendas_times(feeds_client, slug):
    root = ET.fromstring(feeds_client.get(f"/conferences/{slug}/schedule.xml").data)
    acronym = root.findtext("conference/acronym")
    found = {}
    for event in root.iter("event"):
        start = datetime.fromisoformat(event.findtext("date"))
        assert event.findtext("start") == start.strftime("%H:%M")
        found[session_key(event.findtext("slug"), acronym)] = (start, start + minutes(event.findtext("duration")))
    assert found == agenda_times(feeds_client, slug)


def test_summer_time_offsets_in_the_schedule(feeds_client):
    document = feeds_client.get("/conferences/dst-crossing-2021/schedule.json").json["schedule"]["conference"]
    dates = [e["date"] for d in document["days"] for events in d["rooms"].values() for e in events]
    assert dates == ["2021-03-27T10:00:00+02:00", "2021-03-27T11:00:00+02:00", "2021-03-27T12:00:00+02:00",
                     "2021-03-29T10:00:00+03:00", "2021-03-29T11:00:00+03:00"]
    assert (document["days"][1]["day_start"], document["days"][1]["day_end"]) == \
        ("2021-03-29T10:00:00+03:00", "2021-03-29T11:30:00+03:00")


# -- identity, names, content ------------------------------------------------------------------

@pytest.mark.parametrize("slug,expected", [
    ("gcm-arab-2021", "gcm_arab_2021"), ("utc-2021", "utc_2021"), ("ab", "ab__"), ("x9", "x9__"),
    ("dst-crossing-2021", "dst_crossing_2021"),
])
def test_acronym_is_derived_from_the_slug_within_the_schema_pattern(slug, expected):
    schema = json.loads((SCHEMAS / "schema.json").read_text(encoding="utf-8"))
    assert schedule_export.acronym(slug) == expected
    assert re.search(schema["definitions"]["Conference"]["properties"]["acronym"]["pattern"], expected)
    assert re.fullmatch(r"[a-z0-9_-]{4,}", expected)          # the XSD's acronym type


def test_event_guids_and_ids_are_stable_and_derived_from_the_uid(feeds_client, loaded_app, clock):
    def events():
        document = feeds_client.get("/conferences/gcm-arab-2021/schedule.json?lang=ar").json
        return [e for d in document["schedule"]["conference"]["days"] for es in d["rooms"].values() for e in es]

    first = events()
    opening = next(e for e in first if e["slug"] == "gcm_arab_2021-opening")
    assert opening["guid"] == str(uuid.uuid5(uuid.NAMESPACE_URL, "minbar:opening@gcm-arab-2021.minbar"))
    assert len({e["guid"] for e in first}) == len({e["id"] for e in first}) == 21
    database = loaded_app.extensions["minbar.db"]
    database.drop_all()
    database.create_all()
    from conference.paths import bundled_agenda
    load_agenda_file(loaded_app, bundled_agenda(), clock.now())
    assert [(e["guid"], e["id"]) for e in events()] == [(e["guid"], e["id"]) for e in first]


def test_stable_ids_resolve_collisions_by_key_order():
    assert schedule_export.stable_ids(["a", "b", "c"], "x") == schedule_export.stable_ids(["c", "b", "a"], "x")
    assert all(1 <= n <= 2**31 - 1 for n in schedule_export.stable_ids([f"k{i}" for i in range(500)], "x").values())


@pytest.mark.parametrize("lang,title,room", [
    ("ar", "الجلسة الافتتاحية", "قاعة الجلسات العامة الافتراضية"),
    ("en", "Opening session", "Online plenary hall"),
    ("fr", "Séance d’ouverture", "Salle plénière en ligne"),
])
def test_schedule_speaks_the_requested_language(client, lang, title, room):
    document = client.get(f"/conferences/gcm-arab-2021/schedule.json?lang={lang}").json["schedule"]["conference"]
    first_day = document["days"][0]
    assert list(first_day["rooms"]) == [room]
    assert first_day["rooms"][room][1]["title"] == title
    assert document["rooms"][0]["name"] == room
    xml = client.get(f"/conferences/gcm-arab-2021/schedule.xml?lang={lang}").data.decode("utf-8")
    assert f"<title>{title}</title>" in xml.replace("&#x27;", "'")


def test_persons_are_named_people_and_tbd_roles_stay_in_the_description(client):
    document = client.get("/conferences/gcm-arab-2021/schedule.json?lang=en").json["schedule"]["conference"]
    events = {e["slug"]: e for d in document["days"] for es in d["rooms"].values() for e in es}
    opening = events["gcm_arab_2021-opening"]
    assert [p["public_name"] for p in opening["persons"]] == [
        "Director General of IOM", "Executive Secretary of ESCWA", "Secretary-General of the League of Arab States"]
    assert "Representative of migrants (TBD)" in opening["description"]
    plenary = events["gcm_arab_2021-plenary-1"]
    assert plenary["persons"] == []
    assert "• Representative of State A (TBD) – 5 minutes" in plenary["description"]
    assert (plenary["track"], plenary["type"], plenary["url"]) == \
        ("Plenary", "plenary", "http://localhost/conferences/gcm-arab-2021/sessions/plenary-1?lang=en")
    assert plenary["links"] == [
        {"url": "https://meet.example.org/gcm-arab-2021", "title": "Online platform", "type": "web"},
        {"url": "http://localhost/conferences/gcm-arab-2021/sessions/plenary-1/live", "title": "Follow live",
         "type": "web"}]


def test_schedule_feeds_answer_conditional_requests(client):
    for feed in ("schedule.json", "schedule.xml"):
        first = client.get(f"/conferences/gcm-arab-2021/{feed}")
        again = client.get(f"/conferences/gcm-arab-2021/{feed}", headers={"If-None-Match": first.headers["ETag"]})
        assert (first.status_code, again.status_code) == (200, 304)
        assert first.headers["Content-Disposition"] == f'inline; filename="gcm-arab-2021-{feed}"'


def test_event_uid_and_guid_share_the_session_id():
    assert ical.event_uid("gcm-arab-2021", "plenary-1") == "plenary-1@gcm-arab-2021.minbar"
    assert schedule_export.event_guid("gcm-arab-2021", "plenary-1") == \
        str(uuid.uuid5(uuid.NAMESPACE_URL, "minbar:plenary-1@gcm-arab-2021.minbar"))
