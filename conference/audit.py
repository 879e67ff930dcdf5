"""The audit log: every organiser and live action, who, what, when, before and after.

One table for both: live commands already write `sessions.models.EventLog` (its `payload.after`
says where the session stood afterwards); organiser actions write the same table with
`payload = {"target", "before", "after"}`. Reading, filtering and the CSV are here; plain Python
over SQLAlchemy, no Flask.

For a live command, `before` is where the session stood after the previous logged command of the
same session (None for its first).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from conference.models import Conference
from sessions.models import EventLog

COLUMNS = ("at", "actor", "action", "session", "target", "before", "after", "note")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def record(db: Session, conf: Conference, *, actor: str, action: str, now: datetime,
           session: str | None = None, target: str = "", before=None, after=None,
           note: str = "") -> EventLog:
    row = EventLog(conference_id=conf.id, session_key=session, at=now, actor=actor[:200],
                   action=action[:60], payload={"target": target, "before": before, "after": after},
                   note=note)
    db.add(row)
    return row


@dataclass(frozen=True)
class Entry:
    id: int
    at: datetime
    actor: str
    action: str
    session: str | None
    target: str
    before: object
    after: object
    note: str

    def to_contract(self, iso) -> dict:
        return {"id": self.id, "at": iso(self.at), "actor": self.actor, "action": self.action,
                "session": self.session, "target": self.target, "before": self.before,
                "after": self.after, "note": self.note}


def entries(db: Session, conf: Conference, *, session: str | None = None, person: str | None = None,
            action: str | None = None, since: datetime | None = None,
            until: datetime | None = None, limit: int = 5000) -> list[Entry]:
    """The log, oldest first, filtered: `action` matches a prefix ("timer", "workspace.slot"),
    `person` any part of the actor or the target (a person key or name)."""
    query = select(EventLog).where(EventLog.conference_id == conf.id).order_by(EventLog.at, EventLog.id)
    if session:
        query = query.where(EventLog.session_key == session)
    if since:
        query = query.where(EventLog.at >= since)
    if until:
        query = query.where(EventLog.at <= until)
    previous: dict[str | None, object] = {}
    found = []
    for row in db.scalars(query):
        payload = row.payload or {}
        if "target" in payload:
            target, before, after = payload.get("target") or "", payload.get("before"), payload.get("after")
        else:   # a live command
            after = payload.get("after")
            before = previous.get(row.session_key)
            previous[row.session_key] = after
            target = ", ".join(f"{k}={v}" for k, v in payload.items() if k != "after")
        if action and not (row.action == action or row.action.startswith(action.rstrip(".") + ".")):
            continue
        if person:
            needle = person.casefold()
            if needle not in row.actor.casefold() and needle not in target.casefold() \
                    and needle not in repr(after).casefold():
                continue
        found.append(Entry(row.id, row.at, row.actor, row.action, row.session_key, target,
                           before, after, row.note or ""))
    return found[-limit:]


def to_csv(found: list[Entry], iso) -> str:
    import json

    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for e in found:
        cells = [iso(e.at), e.actor, e.action, e.session or "", e.target,
                 "" if e.before is None else json.dumps(e.before, ensure_ascii=False, sort_keys=True),
                 "" if e.after is None else json.dumps(e.after, ensure_ascii=False, sort_keys=True),
                 e.note]
        writer.writerow(["'" + c if isinstance(c, str) and c.startswith(FORMULA_STARTS) else c
                         for c in cells])
    return out.getvalue()
