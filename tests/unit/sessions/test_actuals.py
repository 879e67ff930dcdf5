"""Planned versus actual, computed from marks (sessions.reports.actuals): no app, no database."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from sessions.reports.actuals import (
    COLUMNS, Mark, PlannedSession, PlannedSlot, Row, compute, format_duration, planned_slot_times, record,
    seconds, session_rows, trace,
)

UTC = timezone.utc
DAY = date(2021, 2, 24)
T0 = datetime(2021, 2, 24, 9, 15, tzinfo=UTC)      # 11:15 Beirut
ROLE_A = {"ar": "ممثل الدولة أ", "en": "State A", "fr": "État A"}
ROLE_B = {"ar": "ممثل الدولة ب", "en": "State B", "fr": "État B"}
TALK = {"ar": "حوار مفتوح", "en": "Open dialogue", "fr": "Dialogue ouvert"}
TITLE = {"ar": "الجلسة العامة الأولى", "en": "Plenary 1", "fr": "Plénière 1"}


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def plenary(key: str = "plenary-1", start: datetime = T0, minutes: int = 40) -> PlannedSession:
    return PlannedSession(
        key=key, day=DAY, title=TITLE, starts_at=start, ends_at=start + timedelta(minutes=minutes),
        slots=(PlannedSlot(f"{key}-a", ROLE_A, 300, 5, "Ms A"),
               PlannedSlot(f"{key}-b", ROLE_B, 300, 5, None),
               PlannedSlot(f"{key}-talk", TALK, 1800, 30, None, "discussion")))


def mark(minutes: float, slot: str, status: str, action: str = "", session: str = "plenary-1") -> Mark:
    return Mark(session=session, at=at(minutes), slot=slot, status=status, action=action)


def slot_rows(rows: list[Row]) -> dict[str, Row]:
    return {r.slot: r for r in rows if r.level == "slot"}


# -- speaking time ----------------------------------------------------------------------------

def test_speaker_over_the_limit_is_counted_up_to_the_move():
    marks = [mark(1, "plenary-1-a", "running", "timer.start"),
             mark(7.5, "plenary-1-b", "idle", "slot.next")]
    [_head, a, b, talk] = session_rows(plenary(), marks, at(8))
    assert a == Row(level="slot", day=DAY, session="plenary-1", slot="plenary-1-a", title=TITLE, role=ROLE_A,
                    speaker="Ms A", kind="statement", limit_ms=300_000, actual_ms=390_000, planned_start=at(0),
                    actual_start=at(1), planned_end=at(5), actual_end=at(7.5), running=False)
    assert a.over_ms == 90_000
    assert b.actual_ms is None and b.actual_start is None and b.over_ms is None
    assert talk.planned_start == at(10) and talk.planned_end == at(40)


def test_pauses_are_excluded_and_runs_added():
    marks = [mark(0, "plenary-1-a", "running", "timer.start"),
             mark(2, "plenary-1-a", "paused", "timer.pause"),
             mark(3, "plenary-1-a", "running", "timer.resume"),
             mark(4, "plenary-1-a", "paused", "timer.pause")]
    a = slot_rows(session_rows(plenary(), marks, at(10)))["plenary-1-a"]
    assert (a.actual_ms, a.actual_start, a.actual_end, a.over_ms) == (180_000, at(0), at(4), -120_000)


def test_a_second_visit_adds_to_the_first():
    marks = [mark(0, "plenary-1-a", "running", "timer.start"),
             mark(2, "plenary-1-b", "idle", "slot.next"),
             mark(2.5, "plenary-1-a", "idle", "slot.prev"),
             mark(3, "plenary-1-a", "running", "timer.start"),
             mark(4, "plenary-1-b", "idle", "slot.next")]
    a = slot_rows(session_rows(plenary(), marks, at(5)))["plenary-1-a"]
    assert (a.actual_ms, a.actual_start, a.actual_end) == (180_000, at(0), at(4))


def test_a_reset_does_not_take_back_time_already_run():
    marks = [mark(0, "plenary-1-a", "running", "timer.start"),
             mark(1, "plenary-1-a", "idle", "timer.reset"),
             mark(2, "plenary-1-a", "running", "timer.start")]
    a = slot_rows(session_rows(plenary(), marks, at(3)))["plenary-1-a"]
    assert a.actual_ms == 60_000 and a.running is True
    # Read at 3 minutes with the live state's mark: the run in progress counts up to now.
    a = slot_rows(session_rows(plenary(), marks + [mark(3, "plenary-1-a", "running")], at(3)))["plenary-1-a"]
    assert (a.actual_ms, a.actual_end, a.running) == (120_000, None, True)


def test_interventions_in_a_discussion_block_all_count():
    talk = "plenary-1-talk"
    marks = [mark(10, talk, "idle", "slot.goto"),
             mark(11, talk, "running", "queue.grant"),
             mark(14, talk, "running", "queue.grant"),     # the next speaker: a fresh timer, still running
             mark(16, talk, "paused", "queue.finish")]
    row = slot_rows(session_rows(plenary(), marks, at(20)))[talk]
    assert (row.actual_ms, row.actual_start, row.actual_end) == (300_000, at(11), at(16))


def test_marks_out_of_order_are_sorted_and_a_clock_step_back_never_gives_negative_time():
    marks = [mark(2, "plenary-1-a", "paused", "timer.pause"), mark(0, "plenary-1-a", "running", "timer.start")]
    assert trace(plenary(), marks).spoken["plenary-1-a"] == 120_000
    stepped = [Mark("plenary-1", at(5), "plenary-1-a", "running"), Mark("plenary-1", at(5), "plenary-1-a", "paused")]
    assert trace(plenary(), stepped).spoken["plenary-1-a"] == 0


# -- sessions and days --------------------------------------------------------------------------

def test_session_starts_at_its_first_slot_move_or_timer_start_and_ends_on_its_last_slot():
    marks = [mark(2, "plenary-1-b", "idle", "slot.next"),          # speaker A absent: the session starts here
             mark(3, "plenary-1-b", "running", "timer.start"),
             mark(8, "plenary-1-talk", "idle", "slot.next"),
             mark(9, "plenary-1-talk", "running", "timer.start"),
             mark(45, "plenary-1-talk", "paused", "timer.pause")]
    head = session_rows(plenary(), marks, at(50))[0]
    assert head == Row(level="session", day=DAY, session="plenary-1", title=TITLE, limit_ms=2_400_000,
                       actual_ms=43 * 60_000, planned_start=at(0), actual_start=at(2), planned_end=at(40),
                       actual_end=at(45), running=False)
    assert head.over_ms == 3 * 60_000


def test_session_paused_midway_before_its_planned_end_has_not_ended():
    marks = [mark(0, "plenary-1-a", "running", "timer.start"), mark(4, "plenary-1-b", "idle", "slot.next")]
    head = session_rows(plenary(), marks, at(5))[0]
    assert (head.actual_start, head.actual_end, head.actual_ms) == (at(0), None, None)
    # Past its planned end with the timer stopped, it has ended where the timer last stopped.
    head = session_rows(plenary(), marks, at(41))[0]
    assert (head.actual_end, head.actual_ms) == (at(4), 240_000)


def test_session_never_run_has_only_planned_times():
    rows = session_rows(plenary(), [], at(100))
    assert rows[0] == Row(level="session", day=DAY, session="plenary-1", title=TITLE, limit_ms=2_400_000,
                          planned_start=at(0), planned_end=at(40))
    assert all(r.actual_ms is None and r.actual_start is None for r in rows)


def test_planned_slot_times_stop_at_the_first_slot_without_minutes():
    opening = PlannedSession("opening", DAY, TITLE, at(0), at(60), (
        PlannedSlot("opening-a", ROLE_A, 300, 4), PlannedSlot("opening-b", ROLE_B, 300, None),
        PlannedSlot("opening-c", ROLE_B, 300, 5)))
    assert planned_slot_times(opening) == {"opening-a": (at(0), at(4))}


def test_compute_orders_days_then_sessions_and_summarises_each_day():
    first = plenary("plenary-1", at(0), 40)
    second = plenary("plenary-2", at(60), 40)
    marks = [mark(5, "plenary-1-a", "running", "timer.start"),
             mark(45, "plenary-1-talk", "paused", "timer.pause"),
             mark(62, "plenary-2-a", "running", "timer.start", session="plenary-2"),
             mark(110, "plenary-2-talk", "paused", "timer.pause", session="plenary-2")]

    rows = compute([second, first], marks, at(120))

    assert [(r.level, r.session) for r in rows] == [("day", None)] + [("session", "plenary-1")] + [("slot", "plenary-1")] * 3 \
        + [("session", "plenary-2")] + [("slot", "plenary-2")] * 3
    assert rows[0] == Row(level="day", day=DAY, limit_ms=100 * 60_000, actual_ms=105 * 60_000, planned_start=at(0),
                          actual_start=at(5), planned_end=at(100), actual_end=at(110), running=False)


def test_day_has_no_end_while_a_session_is_still_running():
    marks = [mark(5, "plenary-1-a", "running", "timer.start")]
    day = compute([plenary()], marks + [mark(10, "plenary-1-a", "running")], at(10))[0]
    assert (day.actual_start, day.actual_end, day.running) == (at(5), None, True)


# -- presenting ----------------------------------------------------------------------------------

def test_record_has_every_column_in_the_language_and_the_conference_offset():
    marks = [mark(1, "plenary-1-a", "running", "timer.start"), mark(7.5, "plenary-1-b", "idle", "slot.next")]
    rows = session_rows(plenary(), marks, at(8))
    head, a = record(rows[0], "ar", "Asia/Beirut", "اليوم بأكمله"), record(rows[1], "ar", "Asia/Beirut", "")
    assert list(a) == list(COLUMNS)
    assert a == {"day": "2021-02-24", "session": "plenary-1", "slot": "plenary-1-a", "role": "ممثل الدولة أ",
                 "speaker": "Ms A", "limit_s": "300", "actual_s": "390", "over_s": "90",
                 "planned_start": "2021-02-24T11:15:00+02:00", "actual_start": "2021-02-24T11:16:00+02:00",
                 "planned_end": "2021-02-24T11:20:00+02:00", "actual_end": "2021-02-24T11:22:30+02:00"}
    assert head["role"] == "الجلسة العامة الأولى" and head["slot"] == "" and head["actual_end"] == ""
    day = compute([plenary()], marks, at(8))[0]
    assert record(day, "fr", "Asia/Beirut", "Journée entière")["role"] == "Journée entière"


@pytest.mark.parametrize("ms,signed,text", [
    (None, False, ""), (0, False, "0:00"), (299_999, False, "4:59"), (3_727_000, False, "1:02:07"),
    (42_000, True, "+0:42"), (-70_000, True, "-1:10"), (0, True, "0:00"), (999, True, "0:00"), (-999, True, "0:00"),
])
def test_format_duration(ms, signed, text):
    assert format_duration(ms, signed) == text


def test_seconds_round_toward_zero():
    assert [seconds(v) for v in (None, 1999, -1500, 0)] == [None, 1, -1, 0]
