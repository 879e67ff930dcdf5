from datetime import datetime, timedelta, timezone

import pytest
import pytz

from timing.clock import Clock, FixedClock, ShiftedClock, SystemClock, from_ms, to_ms, to_utc

UTC = timezone.utc
T0 = datetime(2021, 2, 24, 8, 0, tzinfo=UTC)


def test_system_clock_now_is_aware_utc_and_current():
    before = datetime.now(UTC)

    now = SystemClock().now()

    assert now.utcoffset() == timedelta(0)
    assert before <= now <= datetime.now(UTC)


def test_clocks_satisfy_the_clock_protocol():
    assert isinstance(SystemClock(), Clock)
    assert isinstance(FixedClock(T0), Clock)
    assert isinstance(ShiftedClock(T0), Clock)


def test_fixed_clock_now_stays_put_until_told():
    clock = FixedClock(T0)

    assert clock.now() == T0
    assert clock.now() == T0


def test_fixed_clock_advance_moves_by_seconds_and_ms_and_returns_now():
    clock = FixedClock(T0)

    returned = clock.advance(seconds=90, ms=250)

    assert clock.now() == T0 + timedelta(seconds=90, milliseconds=250)
    assert returned == clock.now()


def test_fixed_clock_advance_negative_goes_back():
    clock = FixedClock(T0)

    clock.advance(seconds=-5)

    assert clock.now() == T0 - timedelta(seconds=5)


def test_fixed_clock_set_jumps_and_converts_to_utc():
    clock = FixedClock(T0)
    beirut_noon = pytz.timezone("Asia/Beirut").localize(datetime(2021, 2, 24, 12, 0))

    clock.set(beirut_noon)

    assert clock.now() == datetime(2021, 2, 24, 10, 0, tzinfo=UTC)
    assert clock.now().utcoffset() == timedelta(0)


def test_fixed_clock_naive_instant_refused():
    with pytest.raises(ValueError):
        FixedClock(datetime(2021, 2, 24, 8, 0))
    clock = FixedClock(T0)
    with pytest.raises(ValueError):
        clock.set(datetime(2021, 2, 24, 8, 0))
    assert clock.now() == T0


def test_shifted_clock_starts_at_given_instant_and_runs_with_its_base():
    base = FixedClock(datetime(2026, 11, 29, 9, 0, tzinfo=UTC))
    clock = ShiftedClock(T0, base=base)

    assert clock.now() == T0
    base.advance(seconds=42, ms=7)
    assert clock.now() == T0 + timedelta(seconds=42, milliseconds=7)


def test_shifted_clock_default_base_is_the_system_clock():
    clock = ShiftedClock(T0)

    now = clock.now()

    assert T0 <= now < T0 + timedelta(seconds=5)
    assert now.utcoffset() == timedelta(0)


def test_shifted_clock_naive_instant_refused():
    with pytest.raises(ValueError):
        ShiftedClock(datetime(2021, 2, 24, 10, 0))


def test_to_ms_known_instant():
    assert to_ms(datetime(1970, 1, 1, tzinfo=UTC)) == 0
    assert to_ms(T0) == 1_614_153_600_000


def test_to_ms_floors_sub_millisecond_parts():
    assert to_ms(T0 + timedelta(microseconds=999)) == 1_614_153_600_000
    assert to_ms(datetime(1969, 12, 31, 23, 59, 59, 999_500, tzinfo=UTC)) == -1


def test_to_ms_from_ms_round_trip():
    instant = datetime(2021, 10, 30, 21, 30, 15, 123_000, tzinfo=UTC)

    assert from_ms(to_ms(instant)) == instant
    assert to_ms(from_ms(1_614_153_600_123)) == 1_614_153_600_123


def test_from_ms_is_aware_utc():
    assert from_ms(1_614_153_600_000) == T0
    assert from_ms(1_614_153_600_000).utcoffset() == timedelta(0)


def test_to_ms_naive_refused():
    with pytest.raises(ValueError):
        to_ms(datetime(2021, 2, 24, 8, 0))


def test_to_utc_converts_offset_instant():
    plus_two = datetime(2021, 2, 24, 10, 0, tzinfo=timezone(timedelta(hours=2)))

    assert to_utc(plus_two) == T0
    assert to_utc(plus_two).tzinfo is UTC


def test_to_utc_non_datetime_refused():
    with pytest.raises(TypeError):
        to_utc("2021-02-24T08:00:00Z")
