"""Reading the balance's turns from the database: the agenda's speaking slots with their people,
and the actual speaking times `sessions.reports.actuals_query` reconstructs from the event log."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from conference import queries
from conference.models import Conference
from sessions.reports.actuals_query import report
from sessions.reports.balance import Turn


def turns(db: Session, conf: Conference, now: datetime) -> list[Turn]:
    actual = {row.slot: row.actual_ms for row in report(db, conf, now) if row.level == "slot"}
    items = queries.agenda(db, conf)
    given = _interventions(db, conf, items, now)
    found = []
    for item in items:
        for slot in item.slots:
            person = slot.speaker
            spoken = actual.get(slot.key)
            mine = [r for r in given.get(item.key, ()) if r.get("slot") == slot.key]
            if mine:   # the block keeps only what no intervention accounts for
                spoken = max(0, (spoken or 0) - sum(r.get("spoken_ms") or 0 for r in mine)) or None
            found.append(Turn(
                session=item.key, day=item.day, slot=slot.key, kind=slot.kind,
                group=person.group if person else None,
                delegation=person.delegation if person else None,
                gender=getattr(person, "gender", None) if person else None,
                planned_ms=(slot.minutes or 0) * 60_000, actual_ms=spoken))
            for record in mine:
                found.append(Turn(
                    session=item.key, day=item.day, slot=slot.key, kind="intervention",
                    group=record.get("group") or "other", delegation=record.get("delegation") or None,
                    planned_ms=0, actual_ms=record.get("spoken_ms") or None))
    return found


def _interventions(db: Session, conf: Conference, items, now: datetime) -> dict[str, list[dict]]:
    """Each session's record of interventions from its live state (ended ones)."""
    from sqlalchemy import select

    from sessions.live import operations
    from sessions.live.features import LIVE
    from sessions.models import LiveStateRow

    by_id = {item.id: item for item in items}
    found: dict[str, list[dict]] = {}
    if not by_id:
        return found
    for row in db.scalars(select(LiveStateRow).where(LiveStateRow.item_id.in_(list(by_id)))):
        item = by_id[row.item_id]
        live = LIVE.load(row.data, row.version, operations.session_info(conf, item))
        records = [dict(r) for r in live.part("interventions") if r.get("spoken_ms")]
        if records:
            found[item.key] = records
    return found
