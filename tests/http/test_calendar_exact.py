"""Calendars exact to the letter, and agenda edits that stay (docs/calendar.md).

A backslash in a calendar's name is escaped, so libical, vobject and icalendar read it whole; a
session's SEQUENCE moves only when that session changed; an agenda file loaded with `minbar agenda
load` is the conference's agenda from then on, so `minbar init` never undoes it; a clone's
SEQUENCEs are what docs/http-api.md says."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import vobject
from icalendar import Calendar

from conference.cli import cli
from conference.ical import SEQUENCE_EPOCH
from conference.paths import bundled_agenda
from calendar_readers import get_ics, libical, read_with_libical  # noqa: F401 (libical: a fixture)
from conftest import load_agenda_file, without

SLUG = "gcm-arab-2021"
FEED = f"/conferences/{SLUG}/agenda.ics?lang=en"
OLD_TITLE = 'en = "Plenary session 2: Voluntary reports of the Arab countries (continued)"'
NEW_TITLE = 'en = "Plenary session 2: Voluntary national reviews (continued)"'


def events(client, url: str = FEED) -> dict:
    return {str(e["UID"]).split("@")[0]: e for e in Calendar.from_ical(get_ics(client, url)).events}


def invoke(app, *args):
    result = app.test_cli_runner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_a_backslash_in_the_calendar_name_is_escaped_and_read_whole(loaded_app, client, clock, tmp_path, libical):
    title = r"Migration \ Arab Region"
    text = bundled_agenda().read_text(encoding="utf-8").replace(
        'en = "Regional Conference to Review the Global Compact for Safe, Orderly and Regular Migration in the Arab Region"',
        f"en = '{title}'", 1)
    path = tmp_path / "backslash.toml"
    path.write_text(text, encoding="utf-8")
    load_agenda_file(loaded_app, path, clock.now())
    body = get_ics(client, FEED)
    assert b"X-WR-CALNAME:Migration \\\\ Arab Region\r\n" in body
    assert read_with_libical(libical, body)["name"] == title
    parsed = vobject.readOne(body.decode("utf-8"), validate=True)
    assert parsed.x_wr_calname.value == title and [v.value for v in parsed.contents["name"]] == [title]


def test_removing_a_session_moves_the_sequence_of_that_session_alone(loaded_app, client, clock, tmp_path):
    before = events(client)
    clock.advance(seconds=600)
    path = tmp_path / "removed.toml"
    path.write_text(without(bundled_agenda().read_text(encoding="utf-8"), "plenary-2"), encoding="utf-8")
    load_agenda_file(loaded_app, path, clock.now())
    after = events(client)
    assert str(after["plenary-2"]["STATUS"]) == "CANCELLED"
    assert after["plenary-2"]["SEQUENCE"] > before["plenary-2"]["SEQUENCE"]
    moved = {key for key in before if key != "plenary-2"
             and (after[key]["SEQUENCE"], after[key]["DTSTAMP"].dt) != (before[key]["SEQUENCE"], before[key]["DTSTAMP"].dt)}
    assert moved == set()                  # the sessions after it did not change


def test_an_agenda_loaded_from_a_file_survives_init_run_twice(app, clock, tmp_path):
    client = app.test_client()
    invoke(app, "init")
    loaded = events(client)
    text = bundled_agenda().read_text(encoding="utf-8")
    assert OLD_TITLE in text
    path = tmp_path / "edited.toml"
    path.write_text(without(text.replace(OLD_TITLE, NEW_TITLE), "plenary-4"), encoding="utf-8")
    clock.advance(seconds=600)
    invoke(app, "agenda", "load", str(path))
    edited = events(client)
    assert str(edited["plenary-2"]["SUMMARY"]) == "Plenary session 2: Voluntary national reviews (continued)"
    assert str(edited["plenary-4"]["STATUS"]) == "CANCELLED"
    assert all(edited[k]["SEQUENCE"] >= loaded[k]["SEQUENCE"] for k in loaded)
    for _ in range(2):
        clock.advance(seconds=600)
        invoke(app, "init")
        again = events(client)
        assert str(again["plenary-2"]["SUMMARY"]) == str(edited["plenary-2"]["SUMMARY"])
        assert str(again["plenary-4"]["STATUS"]) == "CANCELLED"
        # Not lower, and not bumped by a re-init that changed nothing.
        assert {k: e["SEQUENCE"] for k, e in again.items()} == {k: e["SEQUENCE"] for k, e in edited.items()}


def test_a_clones_sequences_are_the_time_of_its_creation(loaded_app, client, clock):
    from conference.workspace import operations
    from conference import queries

    clock.advance(seconds=3600)
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        operations.clone_conference(db, queries.conference(db, SLUG), slug="gcm-2022",
                                    first_day=datetime(2022, 7, 6).date(), now=clock.now(), actor="test",
                                    instance=None)
    created = int((clock.now() - SEQUENCE_EPOCH).total_seconds())
    clone = events(client, "/conferences/gcm-2022/agenda.ics?lang=en")
    assert set(clone) == set(events(client)) and all(str(e["UID"]).endswith("@gcm-2022.minbar") for e in clone.values())
    assert {e["SEQUENCE"] for e in clone.values()} == {created}
    assert {e["DTSTAMP"].dt for e in clone.values()} == {clock.now().astimezone(timezone.utc)}
    assert created > 0 and timedelta(0) < clock.now() - SEQUENCE_EPOCH
