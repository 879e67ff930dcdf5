"""Planned versus actual: a session driven over Socket.IO on the fixed clock, then read back as a page
and as CSV (sessions/reports/views.py)."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

import pytest

from conftest import ack
from sessions.reports.actuals import COLUMNS

SESSION = "plenary-1"
SLUG = "gcm-arab-2021"


def beirut(hh: int, mm: int, ss: int = 0) -> datetime:
    return datetime(2021, 2, 24, hh - 2, mm, ss, tzinfo=timezone.utc)


@pytest.fixture
def chair_token(issue_token):
    return issue_token("chair", session=SESSION, name="Chair of plenary 1")


@pytest.fixture
def run_plenary(live_client, chair_token, clock):
    """Plenary 1 (planned 11:15-12:15): State A speaks 6:30 of 5:00, State B 4:00 of 5:00 with a
    pause, the open dialogue from 11:29 to 12:20; the chair pauses there, on the last slot."""
    def run(until_the_end: bool = True):
        chair = live_client(chair_token)
        ack(chair, "join", {"session": SESSION})

        def do(hh, mm, ss, family, action, **extra):
            clock.set(beirut(hh, mm, ss))
            answer = ack(chair, family, {"session": SESSION, "action": action, **extra})
            assert answer["ok"], answer

        do(11, 16, 0, "timer", "start")
        do(11, 22, 30, "slot", "next")
        do(11, 23, 0, "timer", "start")
        do(11, 25, 0, "timer", "pause")
        do(11, 26, 0, "timer", "resume")
        do(11, 28, 0, "slot", "goto", slot="plenary-1-discussion")
        do(11, 29, 0, "timer", "start")
        if until_the_end:
            do(12, 20, 0, "timer", "pause")
            clock.set(beirut(12, 30))
        else:
            clock.set(beirut(11, 40))
    return run


def read_csv(response) -> list[dict]:
    body = response.get_data()
    assert body.startswith("\ufeff".encode("utf-8"))
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def by_key(records: list[dict]) -> dict:
    return {(r["session"], r["slot"]): r for r in records}


# -- the CSV ------------------------------------------------------------------------------

def test_csv_has_each_slots_speaking_time_against_its_limit(client, run_plenary, chair_token):
    run_plenary()
    response = client.get(f"/conferences/{SLUG}/actuals.csv?token={chair_token}&lang=en", follow_redirects=True)

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{SLUG}-actuals.csv"'
    records = read_csv(response)
    assert list(records[0]) == list(COLUMNS)
    rows = by_key(records)
    assert rows[(SESSION, "plenary-1-state-a")] == {
        "day": "2021-02-24", "session": SESSION, "slot": "plenary-1-state-a",
        "role": "Representative of State A (TBD)", "speaker": "", "limit_s": "300", "actual_s": "390", "over_s": "90",
        "planned_start": "2021-02-24T11:15:00+02:00", "actual_start": "2021-02-24T11:16:00+02:00",
        "planned_end": "2021-02-24T11:20:00+02:00", "actual_end": "2021-02-24T11:22:30+02:00"}
    b = rows[(SESSION, "plenary-1-state-b")]
    assert (b["actual_s"], b["over_s"], b["actual_start"], b["actual_end"]) == \
        ("240", "-60", "2021-02-24T11:23:00+02:00", "2021-02-24T11:28:00+02:00")
    c = rows[(SESSION, "plenary-1-state-c")]
    assert (c["limit_s"], c["actual_s"], c["over_s"], c["actual_start"]) == ("300", "", "", "")
    talk = rows[(SESSION, "plenary-1-discussion")]
    assert (talk["limit_s"], talk["actual_s"], talk["over_s"], talk["planned_start"], talk["actual_end"]) == \
        ("1800", str(51 * 60), str(21 * 60), "2021-02-24T11:45:00+02:00", "2021-02-24T12:20:00+02:00")


def test_csv_has_each_sessions_actual_start_and_end_against_the_agenda(client, run_plenary, chair_token):
    run_plenary()
    rows = by_key(read_csv(client.get(f"/conferences/{SLUG}/actuals.csv?token={chair_token}&lang=fr", follow_redirects=True)))
    assert rows[(SESSION, "")] == {
        "day": "2021-02-24", "session": SESSION, "slot": "", "role": "Séance plénière 1 : rapports volontaires des pays arabes",
        "speaker": "", "limit_s": "3600", "actual_s": str(64 * 60), "over_s": "240",
        "planned_start": "2021-02-24T11:15:00+02:00", "actual_start": "2021-02-24T11:16:00+02:00",
        "planned_end": "2021-02-24T12:15:00+02:00", "actual_end": "2021-02-24T12:20:00+02:00"}
    # Sessions nobody ran keep their planned times only; breaks without slots are left out.
    assert rows[("plenary-2", "")]["actual_start"] == "" and rows[("plenary-2", "")]["planned_start"] == "2021-02-24T13:00:00+02:00"
    assert ("break-1", "") not in rows


def test_csv_has_a_row_per_day_spanning_its_sessions(client, run_plenary, chair_token):
    run_plenary()
    records = read_csv(client.get(f"/conferences/{SLUG}/actuals.csv?token={chair_token}&lang=fr", follow_redirects=True))
    days = [r for r in records if r["session"] == ""]
    assert [d["day"] for d in days] == ["2021-02-24", "2021-02-25"]
    assert days[0] == {
        "day": "2021-02-24", "session": "", "slot": "", "role": "Journée entière", "speaker": "",
        "limit_s": str((15 * 60 + 55 - 10 * 60) * 60), "actual_s": "", "over_s": "",
        "planned_start": "2021-02-24T10:00:00+02:00", "actual_start": "2021-02-24T11:16:00+02:00",
        "planned_end": "2021-02-24T15:55:00+02:00", "actual_end": ""}
    assert records[0] == days[0]   # each day's row comes first, then its sessions


def test_csv_in_arabic_opens_with_a_bom_and_arabic_roles(client, run_plenary, chair_token):
    run_plenary()
    response = client.get(f"/conferences/{SLUG}/actuals.csv?token={chair_token}&lang=ar", follow_redirects=True)
    rows = by_key(read_csv(response))
    assert rows[(SESSION, "plenary-1-state-a")]["role"] == "ممثل عن الدولة (يتم تحديدها لاحقاً - أ)"
    assert rows[(SESSION, "")]["role"] == "الجلسة العامة الأولى: التقارير الطوعية للبلدان العربية"
    assert rows[("", "")]["role"] == "اليوم بأكمله"


def test_csv_of_one_session_has_its_day_row_and_its_rows_only(client, run_plenary, chair_token):
    run_plenary()
    response = client.get(f"/conferences/{SLUG}/actuals.csv?token={chair_token}&session={SESSION}", follow_redirects=True)
    assert response.headers["Content-Disposition"] == f'attachment; filename="{SLUG}-{SESSION}-actuals.csv"'
    records = read_csv(response)
    assert [(r["session"], r["slot"]) for r in records] == [("", ""), (SESSION, "")] + [
        (SESSION, f"plenary-1-state-{x}") for x in "abcdef"] + [(SESSION, "plenary-1-discussion")]
    assert records[0]["planned_start"] == "2021-02-24T11:15:00+02:00"
    assert records[0]["actual_end"] == "2021-02-24T12:20:00+02:00"   # its only session has ended


def test_csv_while_a_speaker_is_speaking_counts_up_to_now_and_has_no_end(client, run_plenary, chair_token):
    run_plenary(until_the_end=False)   # the open dialogue has been running since 11:29; it is 11:40
    rows = by_key(read_csv(client.get(f"/conferences/{SLUG}/actuals.csv?token={chair_token}", follow_redirects=True)))
    talk, head = rows[(SESSION, "plenary-1-discussion")], rows[(SESSION, "")]
    assert (talk["actual_s"], talk["over_s"], talk["actual_end"]) == (str(11 * 60), str(11 * 60 - 1800), "")
    assert (head["actual_start"], head["actual_end"], head["actual_s"]) == ("2021-02-24T11:16:00+02:00", "", "")


def test_csv_before_anything_ran_has_planned_times_only(client, chair_token):
    records = read_csv(client.get(f"/conferences/{SLUG}/actuals.csv?token={chair_token}", follow_redirects=True))
    # 2 days, the 13 sessions with speaker slots, their 49 slots.
    assert [len([r for r in records if kind(r)]) for kind in (
        lambda r: not r["session"], lambda r: r["session"] and not r["slot"], lambda r: r["slot"])] == [2, 13, 49]
    assert all(r["actual_start"] == r["actual_s"] == r["actual_end"] == "" for r in records)


# -- the page -----------------------------------------------------------------------------

def test_page_shows_each_slot_against_its_limit(client, run_plenary, chair_token):
    run_plenary()
    response = client.get(f"/conferences/{SLUG}/actuals?token={chair_token}&lang=en", follow_redirects=True)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    row = html[html.index('id="actuals-plenary-1-state-a"'):]
    row = row[:row.index("</tr>")]
    assert "Representative of State A (TBD)" in row
    for text in ("5:00", "6:30", '<span class="over" dir="ltr">+1:30</span>', ">11:16</time>", ">11:22</time>"):
        assert text in row, text
    assert '<span class="under" dir="ltr">-1:00</span>' in html
    assert "Length: 1:04:00 for 1:00:00 planned" in html
    assert f"/conferences/{SLUG}/actuals.csv?lang=en" in html and chair_token not in html
    assert client.get(f"/conferences/{SLUG}/actuals.csv?lang=en").status_code == 200   # signed in: the link works


def test_page_marks_the_slot_speaking_now(client, run_plenary, chair_token):
    run_plenary(until_the_end=False)
    html = client.get(f"/conferences/{SLUG}/actuals?token={chair_token}&lang=en", follow_redirects=True).get_data(as_text=True)
    assert '<tr id="actuals-plenary-1-discussion" class="is-running">' in html
    assert "Actual: from" in html and "not ended yet" in html


@pytest.mark.parametrize("language,direction,heading", [("ar", "rtl", "المخطط مقارنة بالفعلي"),
                                                        ("fr", "ltr", "Prévu et réalisé")])
def test_page_in_arabic_and_french(client, run_plenary, chair_token, language, direction, heading):
    run_plenary()
    html = client.get(f"/conferences/{SLUG}/actuals?token={chair_token}&lang={language}", follow_redirects=True).get_data(as_text=True)
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert heading in html
    assert 'dir="ltr">+1:30</span>' in html     # durations stay left-to-right inside an Arabic page


def test_page_of_one_session_links_back_to_all(client, chair_token):
    html = client.get(f"/conferences/{SLUG}/actuals?token={chair_token}&session=plenary-2&lang=en", follow_redirects=True).get_data(as_text=True)
    assert 'id="actuals-plenary-2"' in html and 'id="actuals-plenary-1"' not in html
    assert f"/conferences/{SLUG}/actuals?lang=en" in html and chair_token not in html
    assert client.get(f"/conferences/{SLUG}/actuals?lang=en").status_code == 200


# -- who may read it ------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["actuals", "actuals.csv"])
def test_an_organiser_and_any_chair_of_the_conference_may_read(client, issue_token, path):
    for token in (issue_token("organiser"), issue_token("chair", session="roundtable-4")):
        assert client.get(f"/conferences/{SLUG}/{path}?token={token}", follow_redirects=True).status_code == 200


@pytest.mark.parametrize("path", ["actuals", "actuals.csv"])
def test_without_a_link_it_is_401(client, path):
    assert client.get(f"/conferences/{SLUG}/{path}").status_code == 401
    assert client.get(f"/conferences/{SLUG}/{path}?token=forged", follow_redirects=True).status_code == 401


@pytest.mark.parametrize("role,fields", [("participant", {}), ("speaker", {"session": SESSION}),
                                         ("rapporteur", {"session": SESSION}), ("interpreter", {"booth": "ar"})])
def test_other_roles_are_403(client, issue_token, role, fields):
    token = issue_token(role, **fields)
    assert client.get(f"/conferences/{SLUG}/actuals?token={token}", follow_redirects=True).status_code == 403
    assert client.get(f"/conferences/{SLUG}/actuals.csv?token={token}", follow_redirects=True).status_code == 403


def test_a_revoked_link_is_401(client, loaded_app, chair_token, clock):
    from speakers import access

    with loaded_app.extensions["minbar.db"].session_scope() as db:
        access.revoke(db, chair_token, loaded_app.config["SECRET_KEY"], clock.now())
    assert client.get(f"/conferences/{SLUG}/actuals.csv?token={chair_token}", follow_redirects=True).status_code == 401


def test_unknown_conference_or_session_is_404(client, chair_token):
    assert client.get(f"/conferences/{SLUG}/actuals?token={chair_token}&session=plenary-99", follow_redirects=True).status_code == 404
    assert client.get(f"/conferences/no-such/actuals?token={chair_token}", follow_redirects=True).status_code in (403, 404)


def test_the_event_log_records_where_each_command_left_the_session(loaded_app, run_plenary):
    from sqlalchemy import select

    from sessions.models import EventLog

    run_plenary()
    with loaded_app.extensions["minbar.db"].session_scope() as db:
        log = db.execute(select(EventLog.action, EventLog.payload).order_by(EventLog.id)).all()
    assert [(action, payload["after"]["slot"], payload["after"]["status"]) for action, payload in log] == [
        ("timer.start", "plenary-1-state-a", "running"),
        ("slot.next", "plenary-1-state-b", "idle"),
        ("timer.start", "plenary-1-state-b", "running"),
        ("timer.pause", "plenary-1-state-b", "paused"),
        ("timer.resume", "plenary-1-state-b", "running"),
        ("slot.goto", "plenary-1-discussion", "idle"),
        ("timer.start", "plenary-1-discussion", "running"),
        ("timer.pause", "plenary-1-discussion", "paused"),
    ]
    assert log[3][1]["after"] == {"version": 4, "slot": "plenary-1-state-b", "status": "paused", "elapsed_ms": 120_000}
