"""Reading the planned-versus-actual record of a conference from the database (L3).

Turns the agenda into `sessions.reports.actuals.PlannedSession`s, the event log's `payload.after` entries
into `Mark`s, adds one mark per session for `now` from its live state, and computes the rows.
Sessions with speaker slots are reported, and any other session a chair has run (it has logged
commands); breaks and registration without either are left out.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from conference import queries
from conference.models import Conference
from sessions.reports import actuals
from sessions.live import operations
from sessions.live import speaking
from sessions.live.features import LIVE
from sessions.reports.actuals import Mark, PlannedSession, PlannedSlot, Row
from sessions.models import AgendaItem, EventLog, LiveStateRow


def report(db: Session, conf: Conference, now: datetime, session: str | None = None,
           language: str = "en") -> list[Row]:
    """The conference's rows as of `now` (one session's, with its day row, when `session` is given;
    an unknown session is `not_found`); speakers named in `language`."""
    items = queries.agenda(db, conf)
    if session is not None:
        items = [queries.item(db, conf, session)]
    logged = _marks_from_log(db, conf, [i.key for i in items])
    live = _live_marks(db, conf, items, now)
    chosen = [i for i in items if i.slots or logged.get(i.key) or i.key == session]
    planned = [planned_session(conf, item, language) for item in chosen]
    marks = []
    for item in chosen:
        recorded = logged.get(item.key, [])
        marks += recorded
        if item.key in live:
            # The live reading comes last even if a logged instant is later than `now` (a
            # rehearsal clock restarted behind it): it is where the session stands.
            reading = live[item.key]
            last = max((m.at for m in recorded), default=now)
            marks.append(Mark(reading.session, max(now, last), reading.slot, reading.status))
    return actuals.compute(planned, marks, now)


def planned_session(conf: Conference, item: AgendaItem, language: str = "en") -> PlannedSession:
    info = operations.session_info(conf, item)
    slots = tuple(
        PlannedSlot(key=s.key, role=dict(s.role), limit_s=speaking.limit_for(info, s.key), minutes=s.minutes,
                    speaker=s.speaker.name_in(language) if s.speaker else None, kind=s.kind)
        for s in item.slots
    )
    return PlannedSession(key=item.key, day=item.day, title=dict(item.title), starts_at=item.starts_at,
                          ends_at=item.ends_at, slots=slots)


def _marks_from_log(db: Session, conf: Conference, keys: list[str]) -> dict[str, list[Mark]]:
    rows = db.execute(
        select(EventLog.session_key, EventLog.at, EventLog.action, EventLog.payload)
        .where(EventLog.conference_id == conf.id, EventLog.session_key.in_(keys))
        .order_by(EventLog.at, EventLog.id)
    )
    marks: dict[str, list[Mark]] = {}
    for key, at, action, payload in rows:
        after = (payload or {}).get("after")
        # Entries written before commands logged where they left the session carry no `after`.
        if isinstance(after, dict) and isinstance(after.get("status"), str):
            marks.setdefault(key, []).append(Mark(key, at, after.get("slot"), after["status"], action))
    return marks


def _live_marks(db: Session, conf: Conference, items: list[AgendaItem], now: datetime) -> dict[str, Mark]:
    by_id = {item.id: item for item in items}
    if not by_id:
        return {}
    rows = db.scalars(select(LiveStateRow).where(LiveStateRow.item_id.in_(list(by_id))))
    marks = {}
    for row in rows:
        item = by_id[row.item_id]
        info = operations.session_info(conf, item)
        state = LIVE.to_contract(LIVE.load(row.data, row.version, info), info, now)
        timer = state.get("timer") or {}
        marks[item.key] = Mark(item.key, now, state["slot"], timer.get("status", "idle"))
    return marks
