"""The calendar feeds: every .ics the app serves reads the same in two strict, independent parsers
(the PyPI `ical` package and ical.js, which Thunderbird uses), keeps its UIDs, follows changes
(SEQUENCE, LAST-MODIFIED, ETag), speaks the requested language, and is right across a DST change."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from html import unescape
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from conference import feed_cache, ical
from conference.paths import bundled_agenda
from calendar_readers import read_with_ical, read_with_icaljs, utc_iso
from conftest import DATA, load_agenda_file

SLUG = "gcm-arab-2021"
UTC = timezone.utc
LOADED_AT = datetime(2021, 2, 24, 8, 30, tzinfo=UTC)      # the fixture clock, when agendas are loaded


# -- the two parsers (tests/calendar_readers.py) -------------------------------------------------

def sequence_at(moment: datetime) -> int:
    """SEQUENCE of an event last changed at `moment`: whole seconds since 2020-01-01T00:00Z."""
    return int((moment - datetime(2020, 1, 1, tzinfo=UTC)).total_seconds())


def both_parsers(body: bytes, caplog) -> dict[str, tuple[str, str]]:
    """uid -> (start, end) in UTC, asserting that both parsers agree on every event."""
    strict = {e.uid: (utc_iso(e.dtstart), utc_iso(e.dtend)) for e in read_with_ical(body, caplog).events}
    icaljs = read_with_icaljs(body)
    lenient = {e["uid"]: (e["start"], e["end"]) for e in icaljs["events"]}
    assert strict == lenient
    return strict


# -- fixtures ----------------------------------------------------------------------------------

@pytest.fixture
def feeds_client(loaded_app, clock):
    """The bundled conference plus the DST-crossing and the UTC test agendas."""
    load_agenda_file(loaded_app, DATA / "agendas" / "dst_crossing.toml", clock.now())
    load_agenda_file(loaded_app, DATA / "agendas" / "utc.toml", clock.now())
    return loaded_app.test_client()


def get_ics(client, url: str, **headers) -> bytes:
    response = client.get(url, headers=headers)
    assert response.status_code == 200, response.get_data(as_text=True)[-500:]
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return response.data


def reload_edited(app, clock, tmp_path, edit, later: int = 3600) -> None:
    """Load an edited copy of the bundled agenda `later` seconds on, as `minbar agenda load` would."""
    text = edit(bundled_agenda().read_text(encoding="utf-8"))
    path = tmp_path / "edited.toml"
    path.write_text(text, encoding="utf-8")
    clock.advance(seconds=later)
    load_agenda_file(app, path, clock.now())


def move_closing_later(text: str) -> str:
    old = 'id = "closing"\n  kind = "closing"\n  start = "15:45"\n  end = "16:00"'
    assert old in text
    return text.replace(old, 'id = "closing"\n  kind = "closing"\n  start = "16:00"\n  end = "16:15"')


SERVED = [
    "/conferences/gcm-arab-2021/agenda.ics",
    "/conferences/gcm-arab-2021/agenda.ics?lang=ar",
    "/conferences/gcm-arab-2021/agenda.ics?lang=fr&alarm=10",
    "/conferences/gcm-arab-2021/agenda.ics?day=2021-02-25",
    "/conferences/gcm-arab-2021/agenda.ics?sessions=opening,roundtable-1",
    "/conferences/gcm-arab-2021/sessions/opening.ics",
    "/conferences/dst-crossing-2021/agenda.ics",
    "/conferences/dst-crossing-2021/agenda.ics?lang=ar&alarm=1440",
    "/conferences/utc-2021/agenda.ics",
    "/conferences/utc-2021/sessions/roundtable-1.ics?lang=fr",
]


# -- parsing -----------------------------------------------------------------------------------

@pytest.mark.parametrize("url", SERVED)
def test_served_calendar_parses_cleanly_in_both_parsers(feeds_client, caplog, url):
    body = get_ics(feeds_client, url)
    events = both_parsers(body, caplog)
    assert events


def test_every_session_calendar_parses_cleanly_in_both_parsers(client, caplog):
    keys = [s["id"] for day in client.get(f"/api/v1/conferences/{SLUG}").json["days"] for s in day["sessions"]]
    assert len(keys) == 21
    for key in keys:
        events = both_parsers(get_ics(client, f"/conferences/{SLUG}/sessions/{key}.ics"), caplog)
        assert list(events) == [f"{key}@{SLUG}.minbar"]


def test_opening_session_is_10_beirut_and_08_utc_in_both_parsers(client, caplog):
    body = get_ics(client, f"/conferences/{SLUG}/agenda.ics")
    assert "DTSTART;TZID=Asia/Beirut:20210224T100000" in body.decode()
    events = both_parsers(body, caplog)
    assert events[f"opening@{SLUG}.minbar"] == ("2021-02-24T08:00:00Z", "2021-02-24T09:00:00Z")
    icaljs = read_with_icaljs(body)
    assert {e["zone"] for e in icaljs["events"]} == {"Asia/Beirut"}
    assert icaljs["timezones"] == ["Asia/Beirut"]


def test_summer_time_events_are_right_after_the_dst_change(feeds_client, caplog):
    # 10:00 Beirut is 08:00Z on Saturday 27 March 2021 (UTC+2) and 07:00Z on Monday 29 March (UTC+3).
    body = get_ics(feeds_client, "/conferences/dst-crossing-2021/agenda.ics")
    assert both_parsers(body, caplog) == {
        "opening@dst-crossing-2021.minbar": ("2021-03-27T08:00:00Z", "2021-03-27T09:00:00Z"),
        "plenary-1@dst-crossing-2021.minbar": ("2021-03-27T09:00:00Z", "2021-03-27T10:00:00Z"),
        "summary-1@dst-crossing-2021.minbar": ("2021-03-27T10:00:00Z", "2021-03-27T10:15:00Z"),
        "plenary-2@dst-crossing-2021.minbar": ("2021-03-29T07:00:00Z", "2021-03-29T08:00:00Z"),
        "closing@dst-crossing-2021.minbar": ("2021-03-29T08:00:00Z", "2021-03-29T08:30:00Z"),
    }


def test_utc_conference_is_written_in_utc_without_a_vtimezone(feeds_client, caplog):
    body = get_ics(feeds_client, "/conferences/utc-2021/agenda.ics")
    text = body.decode()
    assert "BEGIN:VTIMEZONE" not in text
    assert "X-WR-TIMEZONE:UTC\r\n" in text
    assert "DTSTART:20210602T230000Z\r\n" in text
    assert both_parsers(body, caplog)["closing@utc-2021.minbar"] == ("2021-06-02T23:00:00Z", "2021-06-02T23:59:00Z")


def test_vtimezone_onsets_are_the_real_changes_of_the_zone(feeds_client):
    body = get_ics(feeds_client, "/conferences/dst-crossing-2021/agenda.ics")
    zone = Calendar.from_ical(body).timezones[0]
    onsets = []
    for observance in zone.subcomponents:
        offset_from = observance["TZOFFSETFROM"].td
        rdates = observance.get("RDATE")
        rdates = rdates if isinstance(rdates, list) else [rdates]
        assert all(len(prop.dts) == 1 for prop in rdates)          # one onset per RDATE line
        assert rdates[0].dts[0].dt == observance.DTSTART            # DTSTART repeated as the first
        onsets += [(prop.dts[0].dt.replace(tzinfo=None) - offset_from).replace(tzinfo=UTC) for prop in rdates]
    beirut = ZoneInfo("Asia/Beirut")
    changes = [moment for moment in sorted(onsets)[1:]
               if moment.astimezone(beirut).utcoffset() != (moment - timedelta(seconds=1)).astimezone(beirut).utcoffset()]
    assert sorted(onsets)[1:] == changes == [datetime(2021, 3, 27, 22, tzinfo=UTC), datetime(2021, 10, 30, 21, tzinfo=UTC)]


# -- what the calendar says --------------------------------------------------------------------

def test_calendar_and_event_properties(client):
    body = get_ics(client, f"/conferences/{SLUG}/agenda.ics?lang=en")
    calendar = Calendar.from_ical(body)
    # No METHOD: a published feed is not an iTIP message (docs/calendar.md).
    assert ("METHOD" in calendar, str(calendar["PRODID"]), str(calendar["X-WR-TIMEZONE"])) == \
        (False, "-//Minbar//Conference Console//EN", "Asia/Beirut")
    assert str(calendar["X-WR-CALNAME"]).startswith("Regional Conference to Review the Global Compact")
    events = {str(e["UID"]): e for e in calendar.events}
    assert len(events) == 21
    plenary = events[f"plenary-1@{SLUG}.minbar"]
    assert str(plenary["SUMMARY"]) == "Plenary session 1: Voluntary reports of the Arab countries"
    assert plenary["DTSTART"].params["TZID"] == "Asia/Beirut"
    assert (plenary["SEQUENCE"], plenary["LAST-MODIFIED"].dt, plenary["DTSTAMP"].dt) == \
        (sequence_at(LOADED_AT), LOADED_AT, LOADED_AT)
    assert str(plenary["LOCATION"]) == "https://meet.example.org/gcm-arab-2021"
    assert plenary["CATEGORIES"].cats == ["Plenary"]
    assert str(plenary["URL"]) == f"http://localhost/conferences/{SLUG}/sessions/plenary-1?lang=en"
    description = str(plenary["DESCRIPTION"])
    assert "• Representative of State A (TBD) – 5 minutes" in description
    assert "Chair: Representative of a State (TBD)" in description
    assert "Interventions from the floor: 3 minutes each" in description
    assert "GCM objectives" not in description
    assert description.endswith(f"Session page: http://localhost/conferences/{SLUG}/sessions/plenary-1?lang=en")


def test_description_lists_the_objectives_with_their_titles(loaded_app, client):
    from conference import queries

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        titles = {n: o.title for n, o in queries.objectives(db).items()}
    body = get_ics(client, f"/conferences/{SLUG}/sessions/roundtable-1.ics?lang=fr")
    description = str(Calendar.from_ical(body).events[0]["DESCRIPTION"])
    expected = "\n".join(["Objectifs du Pacte mondial\u202f:"] + [f"• {n}. {titles[n]['fr']}" for n in (2, 5, 6, 12, 18)])
    assert expected in description


def test_description_names_the_speakers_with_their_limits(feeds_client):
    body = get_ics(feeds_client, "/conferences/utc-2021/sessions/roundtable-1.ics?lang=en")
    description = str(Calendar.from_ical(body).events[0]["DESCRIPTION"])
    assert "Facilitator: Chair Person\nSpeaking order:\n" \
           "• Representative of State A – 5 minutes\n• Open discussion – 55 minutes" in description


@pytest.mark.parametrize("lang,opening,calendar_name_start", [
    ("ar", "الجلسة الافتتاحية", "المؤتمر الإقليمي لاستعراض"),
    ("en", "Opening session", "Regional Conference"),
    ("fr", "Séance d’ouverture", "Conférence régionale"),
])
def test_export_carries_the_titles_of_the_requested_language(client, caplog, lang, opening, calendar_name_start):
    body = get_ics(client, f"/conferences/{SLUG}/agenda.ics?lang={lang}")
    summaries = {e.uid: e.summary for e in read_with_ical(body, caplog).events}
    assert summaries[f"opening@{SLUG}.minbar"] == opening
    assert {e["uid"]: e["summary"] for e in read_with_icaljs(body)["events"]} == summaries
    assert str(Calendar.from_ical(body)["X-WR-CALNAME"]).startswith(calendar_name_start)


def test_default_language_is_the_readers(loaded_app):
    fresh = loaded_app.test_client()
    body = get_ics(fresh, f"/conferences/{SLUG}/sessions/opening.ics", **{"Accept-Language": "fr-FR,fr;q=0.9"})
    assert str(Calendar.from_ical(body).events[0]["SUMMARY"]) == "Séance d’ouverture"


def test_unknown_language_is_refused(client):
    response = client.get(f"/conferences/{SLUG}/agenda.ics?lang=de", headers={"Accept": "application/json"})
    assert (response.status_code, response.json) == \
        (400, {"error": {"code": "bad_request", "message": "Unknown language “de”: use ar, en or fr."}})


# -- reminders, days, selections ---------------------------------------------------------------

def test_alarm_adds_a_display_reminder_to_every_event(client, caplog):
    body = get_ics(client, f"/conferences/{SLUG}/agenda.ics?alarm=10")
    alarms = [e["alarms"] for e in read_with_icaljs(body)["events"]]
    assert alarms == [[{"action": "DISPLAY", "trigger": "-PT10M"}]] * 21
    assert {(a.action, a.trigger) for e in read_with_ical(body, caplog).events for a in e.alarm} == \
        {("DISPLAY", timedelta(minutes=-10))}


def test_no_alarm_unless_asked(client):
    assert b"BEGIN:VALARM" not in get_ics(client, f"/conferences/{SLUG}/agenda.ics")


@pytest.mark.parametrize("value", ["0", "1441", "-5", "10.5", "ten", "1e3", "²", "٣", "00010000"])
def test_alarm_outside_1_to_1440_minutes_is_400(client, value):
    response = client.get(f"/conferences/{SLUG}/agenda.ics", query_string={"alarm": value, "lang": "en"})
    assert response.status_code == 400
    assert "The reminder must be a whole number of minutes from 1 to 1440." in response.get_data(as_text=True)


def test_day_gives_that_days_sessions_only(client):
    calendar = Calendar.from_ical(get_ics(client, f"/conferences/{SLUG}/agenda.ics?day=2021-02-25"))
    starts = [e["DTSTART"].dt for e in calendar.events]
    assert len(starts) == 10 and {s.date() for s in starts} == {date(2021, 2, 25)}


@pytest.mark.parametrize("day,message", [
    ("2021-02-26", "2021-02-26 is not a day of this conference."),
    ("2021-02-30", "“2021-02-30” is not a date: write it as YYYY-MM-DD."),
    ("24/02/2021", "“24/02/2021” is not a date: write it as YYYY-MM-DD."),
    ("2021-W08-3", "“2021-W08-3” is not a date: write it as YYYY-MM-DD."),
])
def test_bad_day_is_400_with_a_clear_message(client, day, message):
    response = client.get(f"/conferences/{SLUG}/agenda.ics", query_string={"day": day, "lang": "en"},
                          headers={"Accept": "application/json"})
    assert (response.status_code, response.json["error"]["message"]) == (400, message)


def test_selection_gives_exactly_the_chosen_sessions_in_agenda_order(client):
    calendar = Calendar.from_ical(get_ics(client, f"/conferences/{SLUG}/agenda.ics?sessions=closing,opening"))
    assert [str(e["UID"]) for e in calendar.events] == [f"opening@{SLUG}.minbar", f"closing@{SLUG}.minbar"]


def test_selection_from_the_form_without_javascript_equals_the_link(client):
    # A GET form with one checkbox per session sends sessions=a&sessions=b; links say sessions=a,b.
    # "No reminder" is sent as alarm=none (an empty alarm= is refused like any bad value).
    from_form = get_ics(client, f"/conferences/{SLUG}/agenda.ics?lang=en&sessions=opening&sessions=closing&alarm=none")
    from_link = get_ics(client, f"/conferences/{SLUG}/agenda.ics?lang=en&sessions=opening,closing")
    assert from_form == from_link


@pytest.mark.parametrize("query,message", [
    ("sessions=opening,nope", "There is no session “nope” in this conference."),
    ("sessions=x1,opening,x2", "There are no sessions “x1, x2” in this conference."),
    ("sessions=<script>", "There is no session “<script>” in this conference."),
    ("sessions=,", "No session was selected."),
])
def test_unknown_or_empty_selection_is_400_naming_the_ids(client, query, message):
    response = client.get(f"/conferences/{SLUG}/agenda.ics?lang=en&{query}", headers={"Accept": "application/json"})
    assert (response.status_code, response.json["error"]["message"]) == (400, message)


def test_unknown_selection_on_the_error_page_is_escaped(client):
    response = client.get(f"/conferences/{SLUG}/agenda.ics?lang=en&sessions=<b>x</b>")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "There is no session “&lt;b&gt;x&lt;/b&gt;” in this conference." in html


def test_unknown_session_or_conference_is_404(client):
    assert client.get(f"/conferences/{SLUG}/sessions/nope.ics").status_code == 404
    assert client.get("/conferences/nope/agenda.ics").status_code == 404


def test_response_headers_name_the_file_and_validators(client):
    whole = client.get(f"/conferences/{SLUG}/agenda.ics")
    one = client.get(f"/conferences/{SLUG}/sessions/opening.ics")
    assert whole.headers["Content-Disposition"] == f'attachment; filename="{SLUG}.ics"'
    assert one.headers["Content-Disposition"] == f'attachment; filename="{SLUG}-opening.ics"'
    assert whole.headers["Last-Modified"] == "Wed, 24 Feb 2021 08:30:00 GMT"
    assert whole.headers["ETag"] == f'"{feed_cache.etag_of(whole.data)}"'


# -- identity and change -----------------------------------------------------------------------

def test_uids_and_bytes_are_identical_across_exports_and_a_database_rebuild(loaded_app, client, clock):
    first = get_ics(client, f"/conferences/{SLUG}/agenda.ics")
    assert get_ics(client, f"/conferences/{SLUG}/agenda.ics") == first
    database = loaded_app.extensions["minbar.db"]
    database.drop_all()
    database.create_all()
    feed_cache.cache_for(loaded_app).clear()
    load_agenda_file(loaded_app, bundled_agenda(), clock.now())
    rebuilt = get_ics(client, f"/conferences/{SLUG}/agenda.ics")
    uids = [str(e["UID"]) for e in Calendar.from_ical(first).events]
    assert [str(e["UID"]) for e in Calendar.from_ical(rebuilt).events] == uids
    assert uids[:3] == [f"registration@{SLUG}.minbar", f"opening@{SLUG}.minbar", f"introductory@{SLUG}.minbar"]
    assert rebuilt == first


def test_rescheduled_session_has_a_higher_sequence_and_the_new_time(loaded_app, client, clock, tmp_path, caplog):
    url = f"/conferences/{SLUG}/sessions/closing.ics"
    before = Calendar.from_ical(get_ics(client, url)).events[0]
    assert (before["SEQUENCE"], before["LAST-MODIFIED"].dt) == (sequence_at(LOADED_AT), LOADED_AT)
    reload_edited(loaded_app, clock, tmp_path, move_closing_later)
    body = get_ics(client, url)
    after = Calendar.from_ical(body).events[0]
    assert (after["SEQUENCE"], after["LAST-MODIFIED"].dt) == \
        (sequence_at(LOADED_AT + timedelta(hours=1)), LOADED_AT + timedelta(hours=1))
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert both_parsers(body, caplog) == {f"closing@{SLUG}.minbar": ("2021-02-25T14:00:00Z", "2021-02-25T14:15:00Z")}
    # Sessions that did not move keep their sequence.
    opening = Calendar.from_ical(get_ics(client, f"/conferences/{SLUG}/sessions/opening.ics")).events[0]
    assert opening["SEQUENCE"] == sequence_at(LOADED_AT)


def test_conditional_get_is_304_until_the_agenda_changes(loaded_app, client, clock, tmp_path):
    url = f"/conferences/{SLUG}/agenda.ics?lang=en"
    first = client.get(url)
    etag, last_modified = first.headers["ETag"], first.headers["Last-Modified"]
    by_etag = client.get(url, headers={"If-None-Match": etag})
    by_date = client.get(url, headers={"If-Modified-Since": last_modified})
    assert (by_etag.status_code, by_etag.data, by_date.status_code) == (304, b"", 304)
    assert by_etag.headers["ETag"] == etag

    reload_edited(loaded_app, clock, tmp_path, move_closing_later)
    changed = client.get(url, headers={"If-None-Match": etag})
    since = client.get(url, headers={"If-Modified-Since": last_modified})
    assert (changed.status_code, since.status_code) == (200, 200)
    assert changed.headers["ETag"] != etag
    assert changed.headers["Last-Modified"] == "Wed, 24 Feb 2021 09:30:00 GMT"
    assert client.get(url, headers={"If-None-Match": changed.headers["ETag"]}).status_code == 304


def test_cache_serves_repeats_and_never_serves_stale_data(loaded_app, client, clock, tmp_path):
    cache = feed_cache.cache_for(loaded_app)
    url = f"/conferences/{SLUG}/agenda.ics?lang=en"
    first = client.get(url).data
    hits = cache.hits
    assert client.get(url).data == first and cache.hits == hits + 1
    # Even a reload at the very same instant (no timestamp moves) is seen.
    reload_edited(loaded_app, clock, tmp_path, move_closing_later, later=0)
    after = client.get(url).data
    assert after != first and b"DTSTART;TZID=Asia/Beirut:20210225T160000" in after


def test_retitled_session_has_a_higher_sequence(loaded_app, client, clock, tmp_path):
    def retitle(text: str) -> str:
        return text.replace('en = "Opening session"', 'en = "Opening session of the Conference"', 1)

    reload_edited(loaded_app, clock, tmp_path, retitle)
    event = Calendar.from_ical(get_ics(client, f"/conferences/{SLUG}/sessions/opening.ics?lang=en")).events[0]
    assert (str(event["SUMMARY"]), event["SEQUENCE"]) == \
        ("Opening session of the Conference", sequence_at(LOADED_AT + timedelta(hours=1)))


# -- "Add to calendar" links -------------------------------------------------------------------

def links_of(html: str, session: str) -> dict[str, dict]:
    """The Google and Outlook links of one session on a page, as parsed query strings."""
    start = html.index(f'value="{session}"') if f'value="{session}"' in html else 0
    found = {}
    for name, pattern in (("google", r'class="calendar-google" href="([^"]+)"'),
                          ("outlook", r'class="calendar-outlook" href="([^"]+)"')):
        url = unescape(re.search(pattern, html[start:]).group(1))
        found[name] = {"base": url.split("?")[0], **{k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}}
    return found


def test_add_to_calendar_links_carry_the_right_utc_instants(client):
    html = client.get(f"/conferences/{SLUG}/sessions/opening?lang=en").get_data(as_text=True)
    links = links_of(html, "opening")
    assert links["google"]["base"] == "https://calendar.google.com/calendar/render"
    assert (links["google"]["action"], links["google"]["text"], links["google"]["dates"]) == \
        ("TEMPLATE", "Opening session", "20210224T080000Z/20210224T090000Z")
    assert links["google"]["location"] == "https://meet.example.org/gcm-arab-2021"
    assert links["outlook"]["base"] == "https://outlook.live.com/calendar/0/deeplink/compose"
    assert (links["outlook"]["subject"], links["outlook"]["startdt"], links["outlook"]["enddt"]) == \
        ("Opening session", "2021-02-24T08:00:00Z", "2021-02-24T09:00:00Z")
    assert f"http://localhost/conferences/{SLUG}/sessions/opening?lang=en" in links["outlook"]["body"]


def test_add_to_calendar_links_in_summer_time(feeds_client):
    html = feeds_client.get("/conferences/dst-crossing-2021?lang=ar").get_data(as_text=True)
    links = links_of(html, "plenary-2")
    assert links["google"]["dates"] == "20210329T070000Z/20210329T080000Z"
    assert (links["outlook"]["startdt"], links["outlook"]["enddt"]) == ("2021-03-29T07:00:00Z", "2021-03-29T08:00:00Z")
    assert links["google"]["text"] == "الجلسة العامة الثانية"


def test_link_builders_use_utc_whatever_the_zone():
    class NewYork(FakeConference):
        timezone = "America/New_York"

    assert "dates=20210701T140000Z%2F20210701T153000Z" in ical.google_calendar_url(NewYork, FakeItem, "en", "https://x")
    assert "startdt=2021-07-01T14%3A00%3A00Z&enddt=2021-07-01T15%3A30%3A00Z" in \
        ical.outlook_calendar_url(NewYork, FakeItem, "en", "https://x")


# -- the agenda page's calendar tools ----------------------------------------------------------

def test_agenda_page_offers_subscription_download_and_a_selection_form(client):
    html = client.get(f"/conferences/{SLUG}?lang=fr").get_data(as_text=True)
    assert f'href="webcal://localhost/conferences/{SLUG}/agenda.ics?lang=fr"' in html
    assert f'href="http://localhost/conferences/{SLUG}/agenda.ics?lang=fr"' in html
    assert re.search(r'<form id="calendar-selection" class="calendar-selection" method="get"\s+'
                     rf'action="/conferences/{SLUG}/agenda.ics">', html)
    boxes = re.findall(r'<input type="checkbox" name="sessions" value="([a-z0-9-]+)" form="calendar-selection">', html)
    assert len(boxes) == 21 and boxes[:2] == ["registration", "opening"]
    assert html.count('class="calendar-ics"') == 21
    assert "S’abonner à l’ordre du jour" in html


def test_follow_live_links_only_for_sessions_with_slots(client):
    html = client.get(f"/conferences/{SLUG}?lang=en").get_data(as_text=True)
    live = re.findall(r'class="follow-live" href="/conferences/gcm-arab-2021/sessions/([a-z0-9-]+)/live"', html)
    assert "opening" in live and "plenary-1" in live
    assert "registration" not in live and "break-1" not in live
    session = client.get(f"/conferences/{SLUG}/sessions/plenary-1?lang=en").get_data(as_text=True)
    assert 'class="follow-live" href="/conferences/gcm-arab-2021/sessions/plenary-1/live"' in session


def test_agenda_page_cache_follows_an_agenda_reload(loaded_app, client, clock, tmp_path):
    cache = feed_cache.cache_for(loaded_app, "pages")
    client.get(f"/conferences/{SLUG}?lang=en")          # sets the language cookie, part of the key
    first = client.get(f"/conferences/{SLUG}?lang=en").get_data(as_text=True)
    hits = cache.hits
    assert client.get(f"/conferences/{SLUG}?lang=en").get_data(as_text=True) == first
    assert cache.hits == hits + 1
    reload_edited(loaded_app, clock, tmp_path, move_closing_later, later=0)
    after = client.get(f"/conferences/{SLUG}?lang=en").get_data(as_text=True)
    assert 'datetime="2021-02-25T14:15:00+00:00"' in after and 'datetime="2021-02-25T14:15:00+00:00"' not in first


def test_agenda_page_cache_follows_live_state(loaded_app, client, issue_token, live_client):
    from conftest import ack

    cache = feed_cache.cache_for(loaded_app, "pages")
    client.get(f"/conferences/{SLUG}?lang=en")
    client.get(f"/conferences/{SLUG}?lang=en")
    misses = cache.misses
    chair = live_client(issue_token("chair", "opening"))
    assert ack(chair, "timer", {"session": "opening", "action": "start"})["ok"] is True
    client.get(f"/conferences/{SLUG}?lang=en")
    assert cache.misses == misses + 1


def test_agenda_page_cache_can_be_switched_off(loaded_app, client):
    loaded_app.config["MINBAR_PAGE_CACHE"] = False
    cache = feed_cache.cache_for(loaded_app, "pages")
    for _ in range(3):
        assert client.get(f"/conferences/{SLUG}?lang=en").status_code == 200
    assert (len(cache), cache.hits) == (0, 0)


def test_an_empty_selection_of_a_day_is_400_not_an_empty_calendar(client):
    # RFC 5545 forbids a VCALENDAR without a component: the request is refused, saying why.
    response = client.get(f"/conferences/{SLUG}/agenda.ics?lang=en&sessions=opening&day=2021-02-25",
                          headers={"Accept": "application/json"})
    assert (response.status_code, response.json["error"]["message"]) == \
        (400, "None of the selected sessions is on 2021-02-25.")


class FakeConference:
    slug, title, timezone, platform_url, venue = "c", {"en": "C"}, "Etc/UTC", "", {}


class FakeItem:
    key, kind, number, title, description, objectives = "s", "plenary", 1, {"en": "S"}, {}, []
    chair_title, chair_person, chair_role, intervention_minutes, slots, sequence = None, None, {}, None, [], 2
    starts_at = datetime(2021, 7, 1, 14, tzinfo=UTC)
    ends_at = datetime(2021, 7, 1, 15, 30, tzinfo=UTC)
    modified_at = datetime(2021, 6, 1, tzinfo=UTC)


def test_any_utc_zone_name_gives_utc_times_that_ical_js_reads(caplog):
    body = ical.serialize(ical.build_calendar(FakeConference, [FakeItem], "en", "https://x"))
    assert b"DTSTART:20210701T140000Z\r\n" in body and b"VTIMEZONE" not in body
    assert both_parsers(body, caplog) == {"s@c.minbar": ("2021-07-01T14:00:00Z", "2021-07-01T15:30:00Z")}


@pytest.mark.parametrize("minutes", [0, 1441, -10, 10.0, True, "10"])
def test_build_calendar_refuses_a_bad_alarm(minutes):
    with pytest.raises(ValueError, match="alarm_minutes must be a whole number from 1 to 1440"):
        ical.build_calendar(FakeConference, [FakeItem], "en", "https://x", alarm_minutes=minutes)
