"""Planned versus actual: speaking time against the limit, start and end against the agenda.

Plain Python. The input is the planned agenda (`PlannedSession`s with their `PlannedSlot`s) and
what was recorded: `Mark`s, each saying where a session stood after a logged command (its current
slot and its timer's status; `sessions.live.operations` logs them as `payload.after`), plus one mark
per session for `now`, read from its live state. The output is `Row`s in agenda order: for each
day a day row, then for each of its sessions a session row followed by one row per slot.

Definitions, all as of `now`:

- A slot's **actual speaking time** (`actual_ms`) is how long the timer ran while that slot was
  current, every run added: pauses are excluded; a reset, a second visit or a new intervention in
  a discussion block does not take away time already run. None if the timer never ran in it.
- A slot's **actual start** is when the timer first ran in it; its **actual end** is when the
  timer last stopped in it (paused, reset, or the chair moved on); None while it is running.
- A slot's **planned start and end** follow from the session's start and the limits of the slots
  before it; None from the first slot whose agenda entry gives no minutes.
- A session's **actual start** is its first timer start or slot move (as the live `started`
  part). It has **ended** once its timer is not running and it stands on its last slot or is past
  its planned end; its **actual end** is then the last instant its timer stopped.
- A session row's `limit_ms` is its planned length and `actual_ms` its actual length (end minus
  start, None until it has ended). A slot row's `limit_ms` is the slot's speaking limit.
- A day row spans its sessions: first planned start to last planned end, against the first
  actual start and, once no session of the day runs and the day's last session has ended (or
  the day's planned end has passed), the last actual end.

`over_ms` is `actual_ms - limit_ms`: positive over the limit, negative under it.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import groupby

from conference.i18n import pick
from timing.zones import utc_offset_iso

RUNNING = "running"
_MS = timedelta(milliseconds=1)

COLUMNS = ("day", "session", "slot", "role", "speaker", "limit_s", "actual_s", "over_s",
           "planned_start", "actual_start", "planned_end", "actual_end")


@dataclass(frozen=True)
class PlannedSlot:
    key: str
    role: Mapping[str, str]
    limit_s: int                    # the limit the timer loads for this slot
    minutes: int | None = None      # the agenda's minutes (None: not given; no planned times)
    speaker: str | None = None      # the speaker's name, None while TBD
    kind: str = "statement"


@dataclass(frozen=True)
class PlannedSession:
    key: str
    day: date
    title: Mapping[str, str]
    starts_at: datetime
    ends_at: datetime
    slots: tuple[PlannedSlot, ...] = ()


@dataclass(frozen=True)
class Mark:
    """Where session `session` stood at `at`: its current slot and its timer's status."""

    session: str
    at: datetime
    slot: str | None
    status: str                     # idle | running | paused
    action: str = ""                # the logged command ("timer.start"...); "" for a live reading


@dataclass(frozen=True)
class Row:
    level: str                      # "day" | "session" | "slot"
    day: date
    session: str | None = None
    slot: str | None = None
    title: Mapping[str, str] = field(default_factory=dict)   # the session's (session and slot rows)
    role: Mapping[str, str] = field(default_factory=dict)    # the slot's (slot rows)
    speaker: str | None = None
    kind: str = ""                  # the slot's kind (slot rows): statement, presentation, discussion
    limit_ms: int | None = None
    actual_ms: int | None = None
    planned_start: datetime | None = None
    actual_start: datetime | None = None
    planned_end: datetime | None = None
    actual_end: datetime | None = None
    running: bool = False           # the timer is running in it now

    @property
    def over_ms(self) -> int | None:
        if self.actual_ms is None or self.limit_ms is None:
            return None
        return self.actual_ms - self.limit_ms


@dataclass
class _Trace:
    """What one session's marks say, slot by slot."""

    spoken: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    first_run: dict[str, datetime] = field(default_factory=dict)
    last_stop: dict[str, datetime] = field(default_factory=dict)
    started: datetime | None = None
    stopped: datetime | None = None     # the last instant the session's timer stopped
    slot: str | None = None             # where it stands now
    running: bool = False


def trace(session: PlannedSession, marks: Iterable[Mark]) -> _Trace:
    """Walk one session's marks in time order (ties keep their given order)."""
    first = session.slots[0].key if session.slots else None
    out = _Trace(slot=first)
    before: Mark | None = None
    for mark in sorted(marks, key=lambda m: m.at):
        was_slot = before.slot if before else first
        was_running = before is not None and before.status == RUNNING
        if was_running:
            # Clamped: marks from two processes whose clocks disagree never give negative time.
            out.spoken[was_slot] += max(0, (mark.at - before.at) // _MS)
            if mark.status != RUNNING or mark.slot != was_slot:
                out.last_stop[was_slot] = mark.at
                out.stopped = mark.at
        if mark.status == RUNNING and (not was_running or mark.slot != was_slot):
            out.first_run.setdefault(mark.slot, mark.at)
        if out.started is None and (mark.status == RUNNING or mark.slot != was_slot):
            out.started = mark.at
        before = mark
    if before is not None:
        out.slot, out.running = before.slot, before.status == RUNNING
    return out


def planned_slot_times(session: PlannedSession) -> dict[str, tuple[datetime, datetime]]:
    """Each slot's planned (start, end), back to back from the session's start, while the agenda
    gives minutes."""
    times, at = {}, session.starts_at
    for slot in session.slots:
        if slot.minutes is None:
            break
        end = at + timedelta(minutes=slot.minutes)
        times[slot.key] = (at, end)
        at = end
    return times


def session_rows(session: PlannedSession, marks: Iterable[Mark], now: datetime) -> list[Row]:
    """The session's row followed by its slots' rows."""
    t = trace(session, marks)
    last = session.slots[-1].key if session.slots else None
    ended = (t.started is not None and t.stopped is not None and not t.running
             and (t.slot == last or now >= session.ends_at))
    end = t.stopped if ended else None
    head = Row(
        level="session", day=session.day, session=session.key, title=session.title,
        limit_ms=(session.ends_at - session.starts_at) // _MS,
        actual_ms=(end - t.started) // _MS if end is not None else None,
        planned_start=session.starts_at, actual_start=t.started,
        planned_end=session.ends_at, actual_end=end, running=t.running,
    )
    planned = planned_slot_times(session)
    rows = [head]
    for slot in session.slots:
        ran = slot.key in t.first_run
        running = t.running and t.slot == slot.key
        start, stop = planned.get(slot.key, (None, None))
        rows.append(Row(
            level="slot", day=session.day, session=session.key, slot=slot.key, title=session.title,
            role=slot.role, speaker=slot.speaker, kind=slot.kind, limit_ms=slot.limit_s * 1000,
            actual_ms=t.spoken.get(slot.key, 0) if ran else None,
            planned_start=start, actual_start=t.first_run.get(slot.key),
            planned_end=stop, actual_end=None if running else t.last_stop.get(slot.key),
            running=running,
        ))
    return rows


def day_row(day: date, heads: Sequence[Row], now: datetime) -> Row:
    planned_start = min(h.planned_start for h in heads)
    planned_end = max(h.planned_end for h in heads)
    starts = [h.actual_start for h in heads if h.actual_start is not None]
    ends = [h.actual_end for h in heads if h.actual_end is not None]
    running = any(h.running for h in heads)
    in_progress = any(h.actual_start is not None and h.actual_end is None for h in heads)
    done = bool(ends) and not in_progress and (heads[-1].actual_end is not None or now >= planned_end)
    start, end = (min(starts) if starts else None), (max(ends) if done else None)
    return Row(level="day", day=day, limit_ms=(planned_end - planned_start) // _MS,
               actual_ms=(end - start) // _MS if start is not None and end is not None else None,
               planned_start=planned_start, actual_start=start, planned_end=planned_end,
               actual_end=end, running=running)


def compute(sessions: Sequence[PlannedSession], marks: Iterable[Mark], now: datetime) -> list[Row]:
    """Every row, in agenda order (sessions sorted by day then start): day, sessions, slots."""
    by_session: dict[str, list[Mark]] = defaultdict(list)
    for mark in marks:
        by_session[mark.session].append(mark)
    ordered = sorted(sessions, key=lambda s: (s.day, s.starts_at))
    rows: list[Row] = []
    for day, group in groupby(ordered, key=lambda s: s.day):
        blocks = [session_rows(s, by_session.get(s.key, ()), now) for s in group]
        rows.append(day_row(day, [block[0] for block in blocks], now))
        for block in blocks:
            rows.extend(block)
    return rows


# -- presenting ----------------------------------------------------------------------------

def seconds(ms: int | None) -> int | None:
    """Whole seconds, rounded toward zero (-1.5 s is -1), None kept."""
    if ms is None:
        return None
    return int(ms / 1000)


def record(row: Row, language: str, zone: str, whole_day: str) -> dict[str, str]:
    """One CSV record (`COLUMNS`): ids, the role (a session row carries its title, a day row
    `whole_day`) in `language`, seconds, and instants in ISO 8601 with the zone's offset."""
    def instant(moment: datetime | None) -> str:
        return utc_offset_iso(moment, zone) if moment is not None else ""

    def number(value: int | None) -> str:
        return "" if value is None else str(value)

    role = {"day": whole_day, "session": pick(row.title, language), "slot": pick(row.role, language)}[row.level]
    return {
        "day": row.day.isoformat(), "session": row.session or "", "slot": row.slot or "",
        "role": role, "speaker": row.speaker or "",
        "limit_s": number(seconds(row.limit_ms)), "actual_s": number(seconds(row.actual_ms)),
        "over_s": number(seconds(row.over_ms)),
        "planned_start": instant(row.planned_start), "actual_start": instant(row.actual_start),
        "planned_end": instant(row.planned_end), "actual_end": instant(row.actual_end),
    }


def records(rows: Iterable[Row], language: str, zone: str, whole_day: str) -> list[dict[str, str]]:
    return [record(row, language, zone, whole_day) for row in rows]


def format_duration(ms: int | None, signed: bool = False) -> str:
    """"4:59", "1:02:07"; signed: "+0:42", "-1:10", "0:00"; "" for None."""
    if ms is None:
        return ""
    total = abs(int(ms / 1000))
    sign = "" if total == 0 else "-" if ms < 0 else "+" if signed else ""
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"

