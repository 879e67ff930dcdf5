"""Reading the balance's turns from the database: the agenda's speaking slots with their people,
and the actual speaking times `sessions.actuals_query` reconstructs from the event log."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from conference import queries
from conference.models import Conference
from sessions.actuals_query import report
from sessions.balance import Turn


def turns(db: Session, conf: Conference, now: datetime) -> list[Turn]:
    actual = {row.slot: row.actual_ms for row in report(db, conf, now) if row.level == "slot"}
    found = []
    for item in queries.agenda(db, conf):
        for slot in item.slots:
            person = slot.speaker
            found.append(Turn(
                session=item.key, day=item.day, slot=slot.key, kind=slot.kind,
                group=person.group if person else None,
                delegation=person.delegation if person else None,
                gender=getattr(person, "gender", None) if person else None,
                planned_ms=(slot.minutes or 0) * 60_000, actual_ms=actual.get(slot.key)))
    return found
