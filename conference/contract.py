"""The agenda in the contract's JSON shape (docs/http-api.md)."""
from __future__ import annotations

from itertools import groupby

from conference.models import Conference
from sessions.models import AgendaItem, Slot
from timing.zones import to_zone


def iso(moment, zone: str) -> str:
    return to_zone(moment, zone).isoformat()


def conference_summary(conf: Conference) -> dict:
    return {
        "slug": conf.slug,
        "title": conf.title,
        "timezone": conf.timezone,
        "languages": conf.languages,
        "first_day": conf.first_day.isoformat() if conf.first_day else None,
        "last_day": conf.last_day.isoformat() if conf.last_day else None,
        "platform_url": conf.platform_url or None,
    }


def person(row) -> dict | None:
    return row.to_contract() if row is not None else None


def slot(row: Slot) -> dict:
    return {
        "id": row.key,
        "position": row.position,
        "kind": row.kind,
        "role": row.role,
        "speaker": person(row.speaker),
        "tbd": row.tbd or row.speaker is None and row.kind != "discussion",
        "language": row.language or (row.speaker.language if row.speaker else None),
        "minutes": row.minutes,
    }


def session(row: AgendaItem, zone: str) -> dict:
    chair = None
    if row.chair_title:
        chair = {"title": row.chair_title, "role": row.chair_role, "person": person(row.chair_person)}
    return {
        "id": row.key,
        "kind": row.kind,
        "number": row.number,
        "title": row.title,
        "description": row.description,
        "starts_at": iso(row.starts_at, zone),
        "ends_at": iso(row.ends_at, zone),
        "minutes": row.minutes,
        "stated_minutes": row.stated_minutes,
        "objectives": row.objectives,
        "chair": chair,
        "slots": [slot(s) for s in row.slots],
    }


def agenda(conf: Conference, items: list[AgendaItem]) -> dict:
    days = [
        {"date": day.isoformat(), "sessions": [session(i, conf.timezone) for i in group]}
        for day, group in groupby(items, key=lambda i: i.day)
    ]
    return {**conference_summary(conf), "venue": conf.venue, "organisers": conf.organisers,
            "symbol": dict(conf.symbol) if conf.symbol else None, "days": days}
