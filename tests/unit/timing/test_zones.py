from datetime import date, datetime, time, timedelta, timezone

import pytest

from timing.zones import (
    AmbiguousTime, NonexistentTime, UnknownZone, get_zone, localize, to_utc, to_zone,
    utc_offset_iso,
)

UTC = timezone.utc
BEIRUT = "Asia/Beirut"


def utc(*fields: int) -> datetime:
    return datetime(*fields, tzinfo=UTC)


def test_get_zone_known_name():
    assert get_zone(BEIRUT).zone == BEIRUT


@pytest.mark.parametrize("name", ["Asia/Nowhere", "", "beirut", None, 2])
def test_get_zone_unknown_name_refused(name):
    with pytest.raises(UnknownZone) as refused:
        get_zone(name)

    assert isinstance(refused.value, ValueError)
    assert str(refused.value) == f"Unknown time zone: {name!r}."


def test_localize_beirut_winter_is_utc_plus_two():
    instant = localize(date(2021, 2, 24), time(10, 0), BEIRUT)

    assert instant == utc(2021, 2, 24, 8, 0)
    assert instant.tzinfo is UTC


def test_localize_beirut_summer_is_utc_plus_three():
    assert localize(date(2021, 7, 1), time(10, 0), BEIRUT) == utc(2021, 7, 1, 7, 0)


def test_localize_last_minute_before_spring_gap_exists():
    assert localize(date(2021, 3, 27), time(23, 59), BEIRUT) == utc(2021, 3, 27, 21, 59)


@pytest.mark.parametrize("wall", [time(0, 0), time(0, 30), time(0, 59)])
def test_localize_spring_gap_is_nonexistent(wall):
    # Lebanon's DST started on Sunday 2021-03-28: the clocks went from 00:00 straight to 01:00.
    with pytest.raises(NonexistentTime) as refused:
        localize(date(2021, 3, 28), wall, BEIRUT)

    assert isinstance(refused.value, ValueError)
    assert refused.value.local == datetime.combine(date(2021, 3, 28), wall)
    assert refused.value.zone_name == BEIRUT


def test_localize_nonexistent_message_names_wall_time_and_zone():
    with pytest.raises(NonexistentTime) as refused:
        localize(date(2021, 3, 28), time(0, 30), BEIRUT)

    assert str(refused.value) == (
        "2021-03-28 00:30 does not exist in Asia/Beirut: "
        "the clocks skip it when daylight saving time starts.")


def test_localize_first_minute_after_spring_gap_is_summer_time():
    assert localize(date(2021, 3, 28), time(1, 0), BEIRUT) == utc(2021, 3, 27, 22, 0)


@pytest.mark.parametrize("wall", [time(23, 0), time(23, 30), time(23, 59)])
def test_localize_autumn_repeat_is_ambiguous(wall):
    # DST ended at midnight into Sunday 2021-10-31: the clocks went back from 00:00 to 23:00 on
    # the 30th, so 23:00-23:59 on the 30th happened twice (pytz says so; 00:xx on the 31st once).
    with pytest.raises(AmbiguousTime) as refused:
        localize(date(2021, 10, 30), wall, BEIRUT)

    assert isinstance(refused.value, ValueError)
    assert refused.value.local == datetime.combine(date(2021, 10, 30), wall)


def test_localize_ambiguous_message_names_wall_time_and_zone():
    with pytest.raises(AmbiguousTime) as refused:
        localize(date(2021, 10, 30), time(23, 15, 30), BEIRUT)

    assert str(refused.value) == (
        "2021-10-30 23:15:30 happens twice in Asia/Beirut: "
        "the clocks go back when daylight saving time ends.")


def test_localize_around_autumn_repeat_is_unambiguous():
    assert localize(date(2021, 10, 30), time(22, 59), BEIRUT) == utc(2021, 10, 30, 19, 59)
    assert localize(date(2021, 10, 31), time(0, 0), BEIRUT) == utc(2021, 10, 30, 22, 0)


def test_localize_unknown_zone_refused():
    with pytest.raises(UnknownZone):
        localize(date(2021, 2, 24), time(10, 0), "Mars/Olympus")


def test_localize_wall_time_with_zone_refused():
    with pytest.raises(ValueError):
        localize(date(2021, 2, 24), time(10, 0, tzinfo=UTC), BEIRUT)


def test_to_zone_shows_beirut_wall_time_with_the_right_offset():
    local = to_zone(utc(2021, 2, 24, 8, 0), BEIRUT)

    assert (local.hour, local.minute) == (10, 0)
    assert local.utcoffset() == timedelta(hours=2)
    assert local.tzname() == "EET"


def test_to_zone_across_the_autumn_repeat_gives_both_offsets():
    first = to_zone(utc(2021, 10, 30, 20, 30), BEIRUT)
    second = to_zone(utc(2021, 10, 30, 21, 30), BEIRUT)

    assert (first.hour, first.minute, first.utcoffset()) == (23, 30, timedelta(hours=3))
    assert (second.hour, second.minute, second.utcoffset()) == (23, 30, timedelta(hours=2))


def test_to_zone_naive_refused():
    with pytest.raises(ValueError):
        to_zone(datetime(2021, 2, 24, 8, 0), BEIRUT)


def test_to_utc_from_beirut():
    local = get_zone(BEIRUT).localize(datetime(2021, 2, 24, 10, 0))

    assert to_utc(local) == utc(2021, 2, 24, 8, 0)
    assert to_utc(local).utcoffset() == timedelta(0)


def test_to_utc_naive_refused():
    with pytest.raises(ValueError):
        to_utc(datetime(2021, 2, 24, 10, 0))


def test_utc_offset_iso_winter():
    assert utc_offset_iso(utc(2021, 2, 24, 8, 0), BEIRUT) == "2021-02-24T10:00:00+02:00"


def test_utc_offset_iso_summer():
    assert utc_offset_iso(utc(2021, 7, 1, 7, 0), BEIRUT) == "2021-07-01T10:00:00+03:00"


def test_utc_offset_iso_drops_fractions_of_a_second():
    instant = datetime(2021, 2, 24, 8, 0, 5, 250_000, tzinfo=UTC)

    assert utc_offset_iso(instant, BEIRUT) == "2021-02-24T10:00:05+02:00"


def test_utc_offset_iso_round_trips_through_localize():
    instant = localize(date(2021, 2, 25), time(14, 30), BEIRUT)

    assert datetime.fromisoformat(utc_offset_iso(instant, BEIRUT)) == instant
