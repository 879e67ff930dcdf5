"""Property tests: random command sequences against an independent model of the timer.

The model keeps the running intervals as plain integers (ms since T0) and sums them itself; the
timer must agree with it after every command, and refuse exactly the commands the model says do
not apply, leaving itself unchanged.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings, strategies as st

from timing.clock import to_ms
from timing.timer import (
    Timer, TimerRefused, TimerStatus, adjust, elapsed_ms, halt, pause, reset, resume, start,
    to_contract,
)

T0 = datetime(2021, 2, 24, 8, 0, tzinfo=timezone.utc)
SETTINGS = settings(max_examples=200, deadline=None, database=None)


@dataclass
class Model:
    limit_s: int
    added_s: int = 0
    closed: list[tuple[int, int]] = field(default_factory=list)
    open_since: int | None = None
    paused: bool = False

    @property
    def status(self) -> str:
        if self.open_since is not None:
            return "running"
        return "paused" if self.paused else "idle"

    def elapsed(self, now: int) -> int:
        total = sum(end - begin for begin, end in self.closed)
        if self.open_since is not None:
            total += now - self.open_since
        return total

    def apply(self, action: str, now: int, seconds: int, new_limit: int | None) -> bool:
        """Apply the command if it applies; return whether it did."""
        if action == "start" and self.status == "idle":
            self.open_since = now
        elif action in ("pause", "halt") and self.status == "running":
            self.closed.append((self.open_since, now))
            self.open_since, self.paused = None, True
        elif action == "halt":
            pass  # halt never refuses; from paused or idle it changes nothing
        elif action == "resume" and self.status == "paused":
            self.open_since = now
        elif action == "reset":
            self.limit_s = self.limit_s if new_limit is None else new_limit
            self.added_s, self.closed, self.open_since, self.paused = 0, [], None, False
        elif action == "adjust" and seconds != 0 and abs(seconds) <= 3600:
            self.added_s = max(-self.limit_s, self.added_s + seconds)
        else:
            return False
        return True


def run(timer: Timer, action: str, now: datetime, seconds: int, new_limit: int | None) -> Timer:
    if action == "start":
        return start(timer, now)
    if action == "pause":
        return pause(timer, now)
    if action == "resume":
        return resume(timer, now)
    if action == "reset":
        return reset(timer, new_limit)
    if action == "adjust":
        return adjust(timer, seconds)
    return halt(timer, now)[0]


commands = st.lists(
    st.tuples(
        st.sampled_from(["start", "pause", "resume", "reset", "adjust", "halt"]),
        st.integers(min_value=0, max_value=600_000),       # ms before this command
        # adjust seconds, some out of range; the bounds are drawn on purpose
        st.integers(min_value=-4000, max_value=4000) | st.sampled_from([3600, 3601, -3600, -3601]),
        st.none() | st.integers(min_value=0, max_value=3600),  # reset's new limit
    ),
    max_size=40,
)


@SETTINGS
@given(limit_s=st.integers(min_value=0, max_value=3600), steps=commands)
def test_timer_agrees_with_independent_model(limit_s, steps):
    timer, model = Timer(status=TimerStatus.IDLE, limit_s=limit_s), Model(limit_s)
    now_ms, last_elapsed = 0, 0
    for action, step_ms, seconds, new_limit in steps:
        now_ms += step_ms
        now = T0 + timedelta(milliseconds=now_ms)
        before = timer

        applies = model.apply(action, now_ms, seconds, new_limit)
        try:
            timer = run(timer, action, now, seconds, new_limit)
            refused = False
        except TimerRefused:
            refused = True

        assert refused is not applies
        if refused:
            assert timer == before
        elapsed = elapsed_ms(timer, now)
        assert elapsed == model.elapsed(now_ms)
        assert elapsed >= 0
        if action != "reset":
            assert elapsed >= last_elapsed
        last_elapsed = elapsed
        assert timer.status.value == model.status
        assert timer.started_at == (None if model.open_since is None
                                    else T0 + timedelta(milliseconds=model.open_since))
        assert timer.effective_limit_s == max(0, model.limit_s + model.added_s)


@SETTINGS
@given(limit_s=st.integers(min_value=0, max_value=3600), steps=commands,
       later_ms=st.lists(st.integers(min_value=0, max_value=10_000_000), min_size=1, max_size=5))
def test_elapsed_never_decreases_as_time_passes(limit_s, steps, later_ms):
    timer, now_ms = Timer(status=TimerStatus.IDLE, limit_s=limit_s), 0
    for action, step_ms, seconds, new_limit in steps:
        now_ms += step_ms
        try:
            timer = run(timer, action, T0 + timedelta(milliseconds=now_ms), seconds, new_limit)
        except TimerRefused:
            pass

    instants = [T0 + timedelta(milliseconds=now_ms + d) for d in sorted(later_ms)]

    readings = [elapsed_ms(timer, instant) for instant in instants]

    assert readings == sorted(readings)
    assert all(r >= 0 for r in readings)


@SETTINGS
@given(limit_s=st.integers(min_value=0, max_value=3600), steps=commands,
       offset_ms=st.integers(min_value=-10_000_000, max_value=10_000_000))
def test_contract_is_consistent_with_status_at_any_instant(limit_s, steps, offset_ms):
    timer, now_ms = Timer(status=TimerStatus.IDLE, limit_s=limit_s), 0
    for action, step_ms, seconds, new_limit in steps:
        now_ms += step_ms
        try:
            timer = run(timer, action, T0 + timedelta(milliseconds=now_ms), seconds, new_limit)
        except TimerRefused:
            pass
    now = T0 + timedelta(milliseconds=now_ms + offset_ms)  # possibly before the last start

    contract = to_contract(timer, now)

    assert set(contract) == {"status", "limit_s", "elapsed_ms", "started_at"}
    assert contract["elapsed_ms"] >= timer.accumulated_ms >= 0
    assert contract["limit_s"] == timer.effective_limit_s >= 0
    if contract["status"] == "running":
        assert contract["started_at"] == to_ms(timer.started_at)
    else:
        assert contract["started_at"] is None
        assert contract["elapsed_ms"] == timer.accumulated_ms
