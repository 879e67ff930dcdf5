"""The calendar feeds read by four independent parsers: the Python `ical` package, ical.js
(Thunderbird's), vobject (Python, used by Radicale and many tools) and libical (the C library behind
Evolution and many servers, through a small C program compiled here against Debian's libical-dev,
with its RFC 5545 restriction check). On the ar/en/fr feeds, a selection, a single session and a
summer-dated copy of the conference, all four must read the same events at the same UTC instants,
the calendar name whole, and libical must find nothing to object to. Then each calendar defect
of docs/calendar.md ("What the iCalendar says") as its own test."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import vobject
from icalendar import Calendar

from conference import feed_cache, ical
from conference.paths import bundled_agenda
from calendar_readers import (  # noqa: F401  (libical: a fixture)
    get_ics, libical, read_with_ical, read_with_icaljs, read_with_libical, utc_iso,
)
from conftest import DATA, load_agenda_file, without

SLUG = "gcm-arab-2021"
SUMMER = "gcm-arab-summer-2021"
UTC = timezone.utc
LOADED_AT = datetime(2021, 2, 24, 8, 30, tzinfo=UTC)
TITLES = {
    "en": "Regional Conference to Review the Global Compact for Safe Orderly and Regular Migration in the Arab Region",
    "fr": "Conférence régionale d’examen du Pacte mondial pour des migrations sûres ordonnées et régulières "
          "dans la région arabe",
}


# -- the four readers (tests/calendar_readers.py) --------------------------------------------------


def read_with_vobject(body: bytes):
    return vobject.readOne(body.decode("utf-8"), validate=True)


def four_parsers(body: bytes, caplog, libical) -> dict[str, tuple[str, str]]:
    """uid -> (start, end) in UTC, asserting that the four parsers agree, the calendar name is read
    whole by every one of them, and libical's restriction check finds nothing."""
    strict = {e.uid: (utc_iso(e.dtstart), utc_iso(e.dtend)) for e in read_with_ical(body, caplog).events}
    icaljs = {e["uid"]: (e["start"], e["end"]) for e in read_with_icaljs(body, "MINBAR_REQUIRE_LIBICAL")["events"]}
    parsed = read_with_vobject(body)
    vobj = {e.uid.value: (utc_iso(e.dtstart.value), utc_iso(e.dtend.value)) for e in parsed.vevent_list}
    lib = read_with_libical(libical, body)
    assert lib["errors"] == []
    c_lib = {e["uid"]: (e["start"], e["end"]) for e in lib["events"]}
    assert strict == icaljs == vobj == c_lib
    name = str(Calendar.from_ical(body)["X-WR-CALNAME"])
    assert "," not in name and ";" not in name
    assert parsed.x_wr_calname.value == name == lib["name"]
    assert [v.value for v in parsed.contents["name"]] == [name]
    return strict


# -- fixtures -------------------------------------------------------------------------------------

def summer_copy(tmp_path):
    """The bundled conference moved to July (summer time in Beirut, UTC+3) under another slug."""
    text = bundled_agenda().read_text(encoding="utf-8")
    text = text.replace(f'slug = "{SLUG}"', f'slug = "{SUMMER}"').replace("2021-02-24", "2021-07-14") \
        .replace("2021-02-25", "2021-07-15")
    path = tmp_path / "summer.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def feeds(loaded_app, clock, tmp_path):
    load_agenda_file(loaded_app, summer_copy(tmp_path), clock.now())
    return loaded_app.test_client()





FEEDS = [
    f"/conferences/{SLUG}/agenda.ics?lang=ar",
    f"/conferences/{SLUG}/agenda.ics?lang=en",
    f"/conferences/{SLUG}/agenda.ics?lang=fr&alarm=15",
    f"/conferences/{SLUG}/agenda.ics?lang=en&sessions=opening,plenary-2,closing",
    f"/conferences/{SLUG}/agenda.ics?lang=fr&day=2021-02-25",
    f"/conferences/{SLUG}/sessions/plenary-1.ics?lang=ar",
    f"/conferences/{SLUG}/sessions/opening.ics?lang=en",
    f"/conferences/{SUMMER}/agenda.ics?lang=ar",
    f"/conferences/{SUMMER}/agenda.ics?lang=en",
    f"/conferences/{SUMMER}/agenda.ics?lang=fr",
    f"/conferences/{SUMMER}/agenda.ics?lang=en&sessions=roundtable-1,closing",
    f"/conferences/{SUMMER}/sessions/opening.ics?lang=fr",
    "/conferences/dst-crossing-2021/agenda.ics?lang=en",
    "/conferences/utc-2021/agenda.ics?lang=fr",
]


@pytest.mark.parametrize("url", FEEDS)
def test_four_parsers_read_every_feed_alike_and_libical_finds_nothing(feeds, loaded_app, clock, caplog, libical, url):
    load_agenda_file(loaded_app, DATA / "agendas" / "dst_crossing.toml", clock.now())
    load_agenda_file(loaded_app, DATA / "agendas" / "utc.toml", clock.now())
    assert four_parsers(get_ics(feeds, url), caplog, libical)


def test_summer_copy_is_three_hours_ahead_of_utc_in_every_parser(feeds, caplog, libical):
    events = four_parsers(get_ics(feeds, f"/conferences/{SUMMER}/agenda.ics?lang=en"), caplog, libical)
    # 10:00 in Beirut is 07:00 UTC in July (summer time), 08:00 UTC in February.
    assert events[f"opening@{SUMMER}.minbar"] == ("2021-07-14T07:00:00Z", "2021-07-14T08:00:00Z")
    winter = four_parsers(get_ics(feeds, f"/conferences/{SLUG}/agenda.ics?lang=en"), caplog, libical)
    assert winter[f"opening@{SLUG}.minbar"] == ("2021-02-24T08:00:00Z", "2021-02-24T09:00:00Z")


# -- each defect, as a test -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_calendar_name_is_read_whole_by_vobject_and_libical(client, libical, lang):
    body = get_ics(client, f"/conferences/{SLUG}/agenda.ics?lang={lang}")
    assert read_with_vobject(body).x_wr_calname.value == TITLES[lang]
    assert read_with_libical(libical, body)["name"] == TITLES[lang]
    assert str(Calendar.from_ical(body)["NAME"]) == TITLES[lang]
    day = read_with_vobject(get_ics(client, f"/conferences/{SLUG}/agenda.ics?lang=en&day=2021-02-24"))
    assert day.x_wr_calname.value == TITLES["en"] + " – 24 February 2021"


def test_calendar_name_keeps_no_comma_or_semicolon():
    assert ical.calendar_name("Safe, Orderly and Regular;  Migration ,x") == "Safe Orderly and Regular – Migration x"
    assert ical.calendar_name("الهجرة، الآمنة") == "الهجرة، الآمنة"      # the Arabic comma is not a separator


def test_feeds_carry_no_method_and_pass_libicals_itip_check(client, libical):
    for url in (f"/conferences/{SLUG}/agenda.ics?lang=en", f"/conferences/{SLUG}/sessions/opening.ics?lang=en"):
        body = get_ics(client, url)
        calendar = Calendar.from_ical(body)
        assert "METHOD" not in calendar and b"ORGANIZER" not in body
        result = read_with_libical(libical, body)
        assert (result["method"], result["errors"]) == ("", [])
        # Without METHOD, DTSTAMP is when the session's information was last revised (RFC 5545 3.8.7.2).
        for event in calendar.events:
            assert event["DTSTAMP"].dt == event["LAST-MODIFIED"].dt == LOADED_AT


def test_subscription_feeds_tell_clients_how_often_to_poll(client):
    for url in (f"/conferences/{SLUG}/agenda.ics?lang=en", f"/conferences/{SLUG}/agenda.ics?lang=ar&day=2021-02-24",
                f"/conferences/{SLUG}/agenda.ics?lang=fr&sessions=opening"):
        body = get_ics(client, url)
        assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in body
        assert b"\r\nX-PUBLISHED-TTL:PT1H\r\n" in body
        assert read_with_vobject(body).contents["refresh-interval"][0].value == "PT1H"
    # A single session's file is a download, not a subscription.
    one = get_ics(client, f"/conferences/{SLUG}/sessions/opening.ics")
    assert b"REFRESH-INTERVAL" not in one and b"X-PUBLISHED-TTL" not in one


def test_feeds_never_set_a_cookie_not_even_on_304(loaded_app):
    client = loaded_app.test_client()
    for url in (f"/conferences/{SLUG}/agenda.ics?lang=fr", f"/conferences/{SLUG}/sessions/opening.ics?lang=ar",
                f"/conferences/{SLUG}/schedule.json?lang=fr", f"/conferences/{SLUG}/schedule.xml?lang=ar"):
        first = client.get(url)
        assert first.status_code == 200 and "Set-Cookie" not in first.headers, url
        assert first.headers["Cache-Control"] == "public, no-cache"
        again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304 and "Set-Cookie" not in again.headers, url
    # Pages still remember the language chosen with ?lang=.
    assert "minbar_lang=fr" in client.get(f"/conferences/{SLUG}?lang=fr").headers["Set-Cookie"]


def test_an_empty_calendar_is_never_built():
    with pytest.raises(ValueError, match="at least one event"):
        ical.build_calendar(type("C", (), {"slug": "c", "title": {"en": "C"}, "timezone": "UTC"}), [], "en", "https://x")


@pytest.mark.parametrize("query, message", [
    ("alarm=", "The reminder must be a whole number of minutes from 1 to 1440."),
    ("alarm=10&alarm=15", "“alarm” is given more than once: give it once."),
    ("day=2021-02-24&day=2021-02-25", "“day” is given more than once: give it once."),
    ("day=", "“” is not a date: write it as YYYY-MM-DD."),
    # (the refusal speaks the language the page would: Arabic for AR and ar-LB)
    ("lang=AR", "لغة غير معروفة «AR»: يُرجى استخدام ar أو en أو fr."),
    ("lang=ar-LB", "لغة غير معروفة «ar-LB»: يُرجى استخدام ar أو en أو fr."),
    ("lang=", "Unknown language “”: use ar, en or fr."),
    ("lang=fr&lang=ar", "«\u202flang\u202f» est donné plus d’une fois\u202f: donnez-le une seule fois."),
])
def test_lenient_parameters_are_400_like_other_bad_values(client, query, message):
    response = client.get(f"/conferences/{SLUG}/agenda.ics?{query}", headers={"Accept": "application/json",
                                                                              "Accept-Language": "en"})
    assert (response.status_code, response.json["error"]["message"]) == (400, message)


def test_no_reminder_is_alarm_none(client):
    assert get_ics(client, f"/conferences/{SLUG}/agenda.ics?lang=en&alarm=none") == \
        get_ics(client, f"/conferences/{SLUG}/agenda.ics?lang=en")


def load_text(app, tmp_path, text: str, now: datetime, name="edited.toml") -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    load_agenda_file(app, path, now)


def test_a_removed_session_stays_cancelled_with_a_higher_sequence(loaded_app, client, clock, tmp_path, caplog, libical):
    url = f"/conferences/{SLUG}/agenda.ics?lang=en"
    before = {str(e["UID"]): e for e in Calendar.from_ical(get_ics(client, url)).events}
    text = bundled_agenda().read_text(encoding="utf-8")
    clock.advance(seconds=600)
    load_text(loaded_app, tmp_path, without(text, "closing"), clock.now())

    for feed in (url, f"/conferences/{SLUG}/agenda.ics?lang=fr&sessions=opening,closing",
                 f"/conferences/{SLUG}/agenda.ics?lang=ar&day=2021-02-25"):
        body = get_ics(client, feed)
        events = {str(e["UID"]): e for e in Calendar.from_ical(body).events}
        cancelled = events[f"closing@{SLUG}.minbar"]
        assert str(cancelled["STATUS"]) == "CANCELLED"
        assert cancelled["SEQUENCE"] > before[f"closing@{SLUG}.minbar"]["SEQUENCE"]
        assert cancelled["DTSTAMP"].dt == LOADED_AT + timedelta(seconds=600)
        assert four_parsers(body, caplog, libical)[f"closing@{SLUG}.minbar"] == \
            ("2021-02-25T13:45:00Z", "2021-02-25T14:00:00Z")
        lib = {e["uid"]: e for e in read_with_libical(libical, body)["events"]}
        assert lib[f"closing@{SLUG}.minbar"]["status"] == "CANCELLED"
    # The other sessions did not change.
    after = {str(e["UID"]): e for e in Calendar.from_ical(get_ics(client, url)).events}
    assert after[f"opening@{SLUG}.minbar"]["SEQUENCE"] == before[f"opening@{SLUG}.minbar"]["SEQUENCE"]
    assert "STATUS" not in after[f"opening@{SLUG}.minbar"]
    # The removed session's own page and file are gone; the schedule feeds no longer list it.
    assert client.get(f"/conferences/{SLUG}/sessions/closing.ics").status_code == 404
    assert f"closing@{SLUG}" not in client.get(f"/conferences/{SLUG}/schedule.json").get_data(as_text=True)

    # Put back, it is an ordinary event again, newer than its cancellation.
    cancelled_sequence = after[f"closing@{SLUG}.minbar"]["SEQUENCE"]
    clock.advance(seconds=60)
    load_agenda_file(loaded_app, bundled_agenda(), clock.now())
    back = {str(e["UID"]): e for e in Calendar.from_ical(get_ics(client, url)).events}[f"closing@{SLUG}.minbar"]
    assert "STATUS" not in back and back["SEQUENCE"] > cancelled_sequence


def rebuild(app, tmp_path, text: str, now: datetime) -> None:
    """Drop every table and load the agenda again, as after losing the database."""
    from conference.reference import load_reference

    database = app.extensions["minbar.db"]
    database.drop_all()
    database.create_all()
    feed_cache.cache_for(app).clear()
    with database.session_scope() as db:
        load_reference(db)
    load_text(app, tmp_path, text, now)


def test_sequence_never_goes_back_not_even_after_a_database_rebuild(loaded_app, client, clock, tmp_path):
    url = f"/conferences/{SLUG}/sessions/closing.ics?lang=en"

    def sequence() -> int:
        return Calendar.from_ical(get_ics(client, url)).events[0]["SEQUENCE"]

    moved = bundled_agenda().read_text(encoding="utf-8").replace(
        'id = "closing"\n  kind = "closing"\n  start = "15:45"\n  end = "16:00"',
        'id = "closing"\n  kind = "closing"\n  start = "16:00"\n  end = "16:15"')
    retitled = moved.replace('en = "Closing session"', 'en = "Closing of the Conference"', 1)
    assert retitled != moved
    seen = [sequence()]
    clock.advance(seconds=3600)
    load_text(loaded_app, tmp_path, moved, clock.now())
    seen.append(sequence())                          # moved: higher
    rebuild(loaded_app, tmp_path, moved, clock.now())
    seen.append(sequence())                          # rebuilt at that very instant: not lower
    clock.advance(seconds=60)
    load_text(loaded_app, tmp_path, retitled, clock.now())
    seen.append(sequence())                          # retitled: higher
    load_text(loaded_app, tmp_path, moved, clock.now())
    seen.append(sequence())                          # and back within the same second: higher still
    clock.advance(seconds=86400)
    rebuild(loaded_app, tmp_path, moved, clock.now())
    seen.append(sequence())                          # rebuilt a day later: higher
    assert seen[1] > seen[0] and seen[2] == seen[1], seen
    assert seen[3] > seen[2] and seen[4] > seen[3] and seen[5] > seen[4], seen


def test_outlook_work_account_link_beside_the_personal_one(client):
    from urllib.parse import parse_qs, urlsplit
    from html import unescape
    import re

    html = client.get(f"/conferences/{SLUG}?lang=en").get_data(as_text=True)
    personal = [unescape(u) for u in re.findall(r'class="calendar-outlook" href="([^"]+)"', html)]
    work = [unescape(u) for u in re.findall(r'class="calendar-outlook-work" href="([^"]+)"', html)]
    assert len(work) == len(personal) == 21
    for mine, office in zip(personal, work):
        assert urlsplit(mine).netloc == "outlook.live.com" and urlsplit(office).netloc == "outlook.office.com"
        assert urlsplit(mine).path == urlsplit(office).path == "/calendar/0/deeplink/compose"
        assert parse_qs(urlsplit(mine).query) == parse_qs(urlsplit(office).query)
    assert "Outlook (work or school account)" in html


def test_a_platform_url_loaded_before_the_rule_never_reaches_a_feed(loaded_app, client):
    """Agenda files with a `javascript:` URL are refused now (bad_url); one already in the database
    is left out of the calendars, the web-calendar links and the schedule feeds all the same."""
    from conference.models import Conference
    from sqlalchemy import select

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        conference = db.scalar(select(Conference).where(Conference.slug == SLUG))
        conference.platform_url = "javascript:alert(document.cookie)"
        conference.modified_at = conference.modified_at + timedelta(seconds=1)
    for url in (f"/conferences/{SLUG}/agenda.ics", f"/conferences/{SLUG}/sessions/opening.ics",
                f"/conferences/{SLUG}/schedule.json", f"/conferences/{SLUG}/schedule.xml", f"/conferences/{SLUG}"):
        body = client.get(url).get_data(as_text=True)
        assert "javascript:" not in body.replace("\r\n ", ""), url
