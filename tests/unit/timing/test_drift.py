from datetime import datetime, timedelta, timezone

import pytest

from timing.drift import PlannedItem, Projection, project

UTC = timezone.utc


def t(hhmm: str, seconds: int = 0) -> datetime:
    """An instant on 2021-02-24, given as Beirut wall time (UTC+2 that day)."""
    hours, minutes = map(int, hhmm.split(":"))
    return datetime(2021, 2, 24, hours - 2, minutes, seconds, tzinfo=UTC)


def day(**actuals) -> list[PlannedItem]:
    """A morning with a gap (an unlisted break) between plenary-1 and roundtable-1."""
    plan = [("opening", "10:00", "10:30"), ("plenary-1", "10:30", "12:00"),
            ("roundtable-1", "12:30", "14:00"), ("plenary-2", "14:00", "15:00")]
    return [PlannedItem(id_, t(start), t(end), *actuals.get(id_.replace("-", "_"), ()))
            for id_, start, end in plan]


def projected(projections: list[Projection]) -> list[tuple[str, datetime, datetime, int]]:
    return [(p.id, p.projected_start, p.projected_end, p.delay_s) for p in projections]


def test_project_nothing_started_follows_the_plan():
    result = project(day(), now=t("09:00"))

    assert result == [
        Projection("opening", t("10:00"), t("10:30"), t("10:00"), t("10:30"), 0),
        Projection("plenary-1", t("10:30"), t("12:00"), t("10:30"), t("12:00"), 0),
        Projection("roundtable-1", t("12:30"), t("14:00"), t("12:30"), t("14:00"), 0),
        Projection("plenary-2", t("14:00"), t("15:00"), t("14:00"), t("15:00"), 0),
    ]


def test_project_empty_day_is_empty():
    assert project([], now=t("09:00")) == []


def test_project_late_item_pushes_the_next_and_the_gap_absorbs_the_rest():
    items = day(opening=(t("10:05"), t("10:40")))

    assert projected(project(items, now=t("10:40"))) == [
        ("opening", t("10:05"), t("10:40"), 300),
        ("plenary-1", t("10:40"), t("12:10"), 600),
        ("roundtable-1", t("12:30"), t("14:00"), 0),
        ("plenary-2", t("14:00"), t("15:00"), 0),
    ]


def test_project_running_item_within_its_length_keeps_planned_duration():
    items = day(opening=(t("10:00"), t("10:30")), plenary_1=(t("10:40"),))

    assert projected(project(items, now=t("11:00")))[1:3] == [
        ("plenary-1", t("10:40"), t("12:10"), 600),
        ("roundtable-1", t("12:30"), t("14:00"), 0),
    ]


def test_project_running_item_past_its_length_ends_no_earlier_than_now():
    items = day(opening=(t("10:00"), t("10:30")), plenary_1=(t("10:40"),))

    assert projected(project(items, now=t("12:40")))[1:] == [
        ("plenary-1", t("10:40"), t("12:40"), 600),
        ("roundtable-1", t("12:40"), t("14:10"), 600),
        ("plenary-2", t("14:10"), t("15:10"), 600),
    ]


def test_project_item_ending_early_does_not_pull_the_next_forward():
    items = day(opening=(t("10:00"), t("10:20")))

    assert projected(project(items, now=t("10:20")))[:2] == [
        ("opening", t("10:00"), t("10:20"), 0),
        ("plenary-1", t("10:30"), t("12:00"), 0),
    ]


def test_project_item_started_early_has_negative_delay():
    items = day(opening=(t("09:58"),))

    result = project(items, now=t("10:00"))

    assert projected(result)[0] == ("opening", t("09:58"), t("10:28"), -120)


def test_project_listed_break_keeps_its_length_and_passes_delay_on():
    items = [
        PlannedItem("plenary-1", t("10:30"), t("12:00"), t("10:30"), t("12:20")),
        PlannedItem("break", t("12:00"), t("12:30")),
        PlannedItem("roundtable-1", t("12:30"), t("14:00")),
    ]

    assert projected(project(items, now=t("12:20")))[1:] == [
        ("break", t("12:20"), t("12:50"), 1200),
        ("roundtable-1", t("12:50"), t("14:20"), 1200),
    ]


def test_project_unstarted_item_is_not_pushed_past_now():
    # The opening is planned at 10:00 but nobody has started it by 10:15: it stays at 10:00 until
    # it actually starts (breaks are never started, and must not drift with the clock).
    assert projected(project(day(), now=t("10:15")))[0] == ("opening", t("10:00"), t("10:30"), 0)


def test_project_delay_counts_whole_seconds():
    items = day(opening=(t("10:00", 59) + timedelta(milliseconds=900),))

    assert project(items, now=t("10:01"))[0].delay_s == 59


def test_project_returns_utc_for_zoned_inputs():
    plus_two = timezone(timedelta(hours=2))
    item = PlannedItem("opening", datetime(2021, 2, 24, 10, 0, tzinfo=plus_two),
                       datetime(2021, 2, 24, 10, 30, tzinfo=plus_two))

    result = project([item], now=t("09:00"))[0]

    assert result == Projection("opening", t("10:00"), t("10:30"), t("10:00"), t("10:30"), 0)
    assert result.projected_start.tzinfo is UTC


@pytest.mark.parametrize("args", [
    ("x", datetime(2021, 2, 24, 8), t("10:30")),
    ("x", t("10:30"), t("10:00")),
    ("x", t("10:00"), t("10:30"), None, t("10:30")),
    ("x", t("10:00"), t("10:30"), t("10:10"), t("10:05")),
], ids=["naive", "planned-end-before-start", "ended-without-start", "actual-end-before-start"])
def test_planned_item_inconsistent_times_refused(args):
    with pytest.raises(ValueError):
        PlannedItem(*args)


def test_project_naive_now_refused():
    with pytest.raises(ValueError):
        project(day(), now=datetime(2021, 2, 24, 9, 0))
