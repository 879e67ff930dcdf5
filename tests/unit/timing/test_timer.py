from datetime import datetime, timedelta, timezone

import pytest

from timing.timer import (
    Timer, TimerRefused, TimerStatus, adjust, elapsed_ms, halt, pause, phase,
    remaining_ms, reset, resume, start, to_contract,
)

UTC = timezone.utc
T0 = datetime(2021, 2, 24, 8, 0, tzinfo=UTC)
T0_MS = 1_614_153_600_000
IDLE, RUNNING, PAUSED = TimerStatus.IDLE, TimerStatus.RUNNING, TimerStatus.PAUSED


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def running(limit_s=300, accumulated_ms=0, since=0, added_s=0) -> Timer:
    return Timer(status=RUNNING, limit_s=limit_s, accumulated_ms=accumulated_ms,
                 started_at=at(since), added_s=added_s)


# --- transitions ---------------------------------------------------------------------------

def test_start_idle_runs_from_now():
    timer = Timer(status=IDLE, limit_s=300)

    assert start(timer, T0) == Timer(status=RUNNING, limit_s=300, started_at=T0)


def test_start_idle_keeps_added_time():
    timer = Timer(status=IDLE, limit_s=300, added_s=30)

    assert start(timer, T0) == Timer(status=RUNNING, limit_s=300, started_at=T0, added_s=30)


def test_pause_running_banks_the_interval():
    timer = running(since=0)

    assert pause(timer, at(90)) == Timer(status=PAUSED, limit_s=300, accumulated_ms=90_000)


def test_pause_running_adds_to_earlier_intervals():
    timer = running(accumulated_ms=20_000, since=100)

    assert pause(timer, at(130.5)) == Timer(status=PAUSED, limit_s=300, accumulated_ms=50_500)


def test_pause_running_floors_sub_millisecond_interval():
    timer = running(since=0)

    paused = pause(timer, T0 + timedelta(microseconds=1_999))

    assert paused == Timer(status=PAUSED, limit_s=300, accumulated_ms=1)


def test_pause_running_with_clock_behind_start_banks_nothing():
    timer = running(accumulated_ms=5_000, since=10)

    assert pause(timer, at(9)) == Timer(status=PAUSED, limit_s=300, accumulated_ms=5_000)


def test_resume_paused_runs_from_now_keeping_elapsed():
    timer = Timer(status=PAUSED, limit_s=300, accumulated_ms=90_000, added_s=-10)

    assert resume(timer, at(200)) == Timer(status=RUNNING, limit_s=300, accumulated_ms=90_000,
                                           started_at=at(200), added_s=-10)


@pytest.mark.parametrize("timer", [
    Timer(status=IDLE, limit_s=300, added_s=15),
    Timer(status=PAUSED, limit_s=300, accumulated_ms=90_000, added_s=15),
    Timer(status=RUNNING, limit_s=300, accumulated_ms=90_000, started_at=T0, added_s=15),
], ids=["idle", "paused", "running"])
def test_reset_any_status_goes_idle_clearing_elapsed_and_added(timer):
    assert reset(timer) == Timer(status=IDLE, limit_s=300)


def test_reset_with_limit_takes_the_new_limit():
    timer = running(limit_s=300, accumulated_ms=1_000, added_s=60)

    assert reset(timer, limit_s=180) == Timer(status=IDLE, limit_s=180)


def test_reset_with_negative_limit_refused():
    with pytest.raises(ValueError):
        reset(Timer(status=IDLE, limit_s=300), limit_s=-1)


@pytest.mark.parametrize("timer", [
    Timer(status=IDLE, limit_s=300),
    Timer(status=PAUSED, limit_s=300, accumulated_ms=1_000),
    Timer(status=RUNNING, limit_s=300, started_at=T0),
], ids=["idle", "paused", "running"])
def test_adjust_any_status_adds_seconds_and_keeps_the_rest(timer):
    adjusted = adjust(timer, 30)

    assert adjusted == Timer(status=timer.status, limit_s=300, accumulated_ms=timer.accumulated_ms,
                             started_at=timer.started_at, added_s=30)
    assert adjusted.effective_limit_s == 330


def test_adjust_negative_takes_seconds_away():
    timer = Timer(status=PAUSED, limit_s=300, accumulated_ms=1_000, added_s=30)

    adjusted = adjust(timer, -60)

    assert adjusted == Timer(status=PAUSED, limit_s=300, accumulated_ms=1_000, added_s=-30)
    assert adjusted.effective_limit_s == 270


def test_adjust_below_zero_clamps_effective_limit_at_zero():
    timer = Timer(status=IDLE, limit_s=300)

    adjusted = adjust(timer, -400)

    assert adjusted == Timer(status=IDLE, limit_s=300, added_s=-300)
    assert adjusted.effective_limit_s == 0


def test_adjust_after_clamp_gives_back_exactly_the_added_seconds():
    timer = adjust(Timer(status=IDLE, limit_s=300), -400)

    assert adjust(timer, 100).effective_limit_s == 100


def test_adjust_at_the_bounds_accepted():
    timer = Timer(status=IDLE, limit_s=7200)

    assert adjust(timer, 3600).added_s == 3600
    assert adjust(timer, -3600).added_s == -3600


# --- refusals ------------------------------------------------------------------------------

@pytest.mark.parametrize("command, timer, message", [
    (lambda t: start(t, at(1)), running(),
     "The timer is already running, so it cannot be started."),
    (lambda t: start(t, at(1)), Timer(status=PAUSED, limit_s=300, accumulated_ms=5),
     "The timer is paused, so it cannot be started; resume or reset it."),
    (lambda t: pause(t, at(1)), Timer(status=IDLE, limit_s=300),
     "The timer is not running, so it cannot be paused."),
    (lambda t: pause(t, at(1)), Timer(status=PAUSED, limit_s=300, accumulated_ms=5),
     "The timer is not running, so it cannot be paused."),
    (lambda t: resume(t, at(1)), Timer(status=IDLE, limit_s=300),
     "The timer is not paused, so it cannot be resumed."),
    (lambda t: resume(t, at(1)), running(),
     "The timer is not paused, so it cannot be resumed."),
], ids=["start-running", "start-paused", "pause-idle", "pause-paused", "resume-idle",
        "resume-running"])
def test_transition_from_wrong_status_refused_as_invalid_state(command, timer, message):
    before = Timer(**vars(timer))

    with pytest.raises(TimerRefused) as refused:
        command(timer)

    assert (refused.value.code, refused.value.message) == ("invalid_state", message)
    assert str(refused.value) == message
    assert timer == before


@pytest.mark.parametrize("seconds", [0, 3601, -3601, 1.5, 30.0, "30", None, True])
def test_adjust_bad_seconds_refused_as_bad_request(seconds):
    timer = Timer(status=IDLE, limit_s=300)

    with pytest.raises(TimerRefused) as refused:
        adjust(timer, seconds)

    assert refused.value.code == "bad_request"
    assert refused.value.message == (
        "The adjustment must be a whole number of seconds from -3600 to 3600, other than 0.")
    assert timer == Timer(status=IDLE, limit_s=300)


# --- invariants of the stored fields -------------------------------------------------------

@pytest.mark.parametrize("fields", [
    dict(status=RUNNING, limit_s=300),
    dict(status=PAUSED, limit_s=300, started_at=T0),
    dict(status=IDLE, limit_s=300, started_at=T0),
    dict(status=IDLE, limit_s=300, accumulated_ms=1),
    dict(status=PAUSED, limit_s=-1),
    dict(status=PAUSED, limit_s=300, accumulated_ms=-1),
    dict(status=PAUSED, limit_s=300.0),
    dict(status=PAUSED, limit_s=True),
    dict(status=RUNNING, limit_s=300, started_at=datetime(2021, 2, 24, 8, 0)),
    dict(status="stopped", limit_s=300),
], ids=["running-no-start", "paused-with-start", "idle-with-start", "idle-with-elapsed",
        "negative-limit", "negative-elapsed", "float-limit", "bool-limit", "naive-start",
        "unknown-status"])
def test_timer_inconsistent_fields_refused(fields):
    with pytest.raises(ValueError):
        Timer(**fields)


def test_timer_status_from_string_becomes_enum():
    assert Timer(status="paused", limit_s=60) == Timer(status=PAUSED, limit_s=60)


def test_timer_started_at_is_kept_in_utc():
    plus_two = timezone(timedelta(hours=2))

    beirut_ten = datetime(2021, 2, 24, 10, tzinfo=plus_two)

    timer = Timer(status=RUNNING, limit_s=60, started_at=beirut_ten)

    assert timer.started_at == T0
    assert timer.started_at.tzinfo is UTC


def test_timer_effective_limit_never_below_zero():
    assert Timer(status=IDLE, limit_s=60, added_s=-100).effective_limit_s == 0


# --- derived views -------------------------------------------------------------------------

def test_elapsed_idle_is_zero():
    assert elapsed_ms(Timer(status=IDLE, limit_s=300), at(1_000)) == 0


def test_elapsed_paused_is_banked_time_whatever_now():
    timer = Timer(status=PAUSED, limit_s=300, accumulated_ms=90_000)

    assert elapsed_ms(timer, at(0)) == 90_000
    assert elapsed_ms(timer, at(5_000)) == 90_000


def test_elapsed_running_adds_the_open_interval():
    timer = running(accumulated_ms=90_000, since=100)

    assert elapsed_ms(timer, at(112.345)) == 102_345


def test_elapsed_running_clock_behind_start_clamps_to_banked_time():
    timer = running(accumulated_ms=90_000, since=100)

    assert elapsed_ms(timer, at(50)) == 90_000


def test_elapsed_running_new_start_clock_behind_is_zero():
    assert elapsed_ms(running(since=100), at(0)) == 0


def test_remaining_counts_down_then_goes_negative():
    timer = running(limit_s=60, since=0)

    assert remaining_ms(timer, at(20)) == 40_000
    assert remaining_ms(timer, at(75)) == -15_000


def test_remaining_uses_the_effective_limit():
    timer = running(limit_s=60, since=0, added_s=30)

    assert remaining_ms(timer, at(20)) == 70_000


def test_overrun_exactly_at_the_limit():
    timer = running(limit_s=60, since=0)

    assert phase(timer, at(59.999), warn_s=0) == "normal"
    assert phase(timer, at(60), warn_s=0) == "overrun"


def test_overrun_follows_adjustments():
    timer = running(limit_s=60, since=0)

    assert phase(timer, at(70)) == "overrun"
    assert phase(adjust(timer, 30), at(70)) != "overrun"


@pytest.mark.parametrize("seconds, expected", [
    (0, "normal"), (239.999, "normal"), (240, "warning"), (299.999, "warning"),
    (300, "overrun"), (400, "overrun"),
])
def test_phase_by_elapsed_time(seconds, expected):
    timer = running(limit_s=300, since=0)

    assert phase(timer, at(seconds)) == expected


def test_phase_custom_warning_window():
    timer = running(limit_s=300, since=0)

    assert phase(timer, at(200), warn_s=120) == "warning"
    assert phase(timer, at(200), warn_s=60) == "normal"


def test_phase_zero_limit_is_overrun_at_once():
    assert phase(Timer(status=IDLE, limit_s=0), T0) == "overrun"


# --- halt ----------------------------------------------------------------------------------

def test_halt_running_pauses_and_reports_final_elapsed():
    timer = running(accumulated_ms=10_000, since=0)

    halted, elapsed = halt(timer, at(50))

    assert halted == Timer(status=PAUSED, limit_s=300, accumulated_ms=60_000)
    assert elapsed == 60_000


def test_halt_paused_changes_nothing():
    timer = Timer(status=PAUSED, limit_s=300, accumulated_ms=60_000, added_s=5)

    assert halt(timer, at(500)) == (timer, 60_000)


def test_halt_idle_changes_nothing():
    timer = Timer(status=IDLE, limit_s=300)

    assert halt(timer, at(500)) == (timer, 0)


# --- contract shape ------------------------------------------------------------------------

def test_to_contract_running():
    timer = running(limit_s=300, accumulated_ms=30_000, since=100, added_s=60)

    assert to_contract(timer, at(110)) == {
        "status": "running", "limit_s": 360, "elapsed_ms": 40_000, "started_at": T0_MS + 100_000,
    }


def test_to_contract_paused():
    timer = Timer(status=PAUSED, limit_s=300, accumulated_ms=30_000, added_s=-400)

    assert to_contract(timer, at(110)) == {
        "status": "paused", "limit_s": 0, "elapsed_ms": 30_000, "started_at": None,
    }


def test_to_contract_idle():
    assert to_contract(Timer(status=IDLE, limit_s=120), T0) == {
        "status": "idle", "limit_s": 120, "elapsed_ms": 0, "started_at": None,
    }


def test_to_contract_status_is_a_plain_string():
    status = to_contract(Timer(status=IDLE, limit_s=120), T0)["status"]

    assert type(status) is str
