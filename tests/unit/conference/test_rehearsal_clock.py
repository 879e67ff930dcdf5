"""The rehearsal clock kept with the instance: the same --at continues, another starts anew."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from conference.clock import (
    RehearsalClock, clock_from_config, keep_rehearsal, kept_rehearsal, rehearsal_path,
)
from timing.clock import FixedClock, SystemClock

REAL = datetime(2026, 11, 30, 22, 0, tzinfo=timezone.utc)
AT = datetime(2021, 2, 24, 9, 14, tzinfo=timezone.utc)          # 11:14 in Beirut


def config(instance, at="2021-02-24T11:14"):
    return {"MINBAR_AT": at, "INSTANCE_PATH": str(instance)}


def test_a_new_rehearsal_starts_at_its_instant(tmp_path):
    clock = clock_from_config(config(tmp_path), FixedClock(REAL))
    assert isinstance(clock, RehearsalClock) and clock.now() == AT
    assert not clock.rehearsal.continued and clock.rehearsal.replaced is None
    assert kept_rehearsal(tmp_path) is None            # only `minbar run` keeps it


def test_the_same_at_continues_where_the_kept_rehearsal_is(tmp_path):
    real = FixedClock(REAL)
    first = clock_from_config(config(tmp_path), real)
    keep_rehearsal(first.rehearsal, tmp_path)
    real.advance(seconds=95)                           # crash, restart
    again = clock_from_config(config(tmp_path, "2021-02-24T11:14:00"), real)
    assert again.rehearsal.continued and again.now() == AT + timedelta(seconds=95)


def test_another_at_starts_a_new_rehearsal(tmp_path):
    real = FixedClock(REAL)
    keep_rehearsal(clock_from_config(config(tmp_path), real).rehearsal, tmp_path)
    real.advance(seconds=95)
    other = clock_from_config(config(tmp_path, "2021-02-24T09:00"), real)
    assert not other.rehearsal.continued and other.rehearsal.replaced == AT
    assert other.now() == datetime(2021, 2, 24, 7, 0, tzinfo=timezone.utc)


def test_no_at_is_the_real_clock_and_a_broken_file_is_ignored(tmp_path):
    assert isinstance(clock_from_config({"MINBAR_AT": None, "INSTANCE_PATH": str(tmp_path)}), SystemClock)
    rehearsal_path(tmp_path).write_text("{not json")
    assert kept_rehearsal(tmp_path) is None
    assert clock_from_config(config(tmp_path), FixedClock(REAL)).now() == AT
