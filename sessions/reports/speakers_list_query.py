"""Reading a session's list of speakers from the database: its slots and, once it has ended, the
time each speaker used (`sessions.reports.actuals_query.report`), for `sessions.reports.speakers_list.build`."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from conference.models import Conference
from sessions.live import operations, speaking
from sessions.models import AgendaItem
from sessions.reports import speakers_list
from sessions.reports.actuals_query import report

LANGUAGES = ("ar", "en", "fr")


def slots_of(conf: Conference, item: AgendaItem) -> list[speakers_list.SlotIn]:
    info = operations.session_info(conf, item)
    slots = []
    for s in item.slots:
        person = s.speaker
        slots.append(speakers_list.SlotIn(
            key=s.key, kind=s.kind, role=dict(s.role or {}), limit_s=speaking.limit_for(info, s.key),
            language=s.language or (person.language if person else None),
            speaker={code: person.name_in(code) for code in LANGUAGES} if person and not s.tbd else None,
            delegation=person.delegation if person else "", organisation=person.organisation if person else "",
            title=person.title if person else "", group=person.group if person else "",
        ))
    return slots


def speakers_of(db: Session, conf: Conference, item: AgendaItem, now: datetime,
                language: str) -> speakers_list.SpeakersList:
    rows = report(db, conf, now, item.key, language)
    head = next((r for r in rows if r.level == "session"), None)
    ended = head is not None and head.actual_end is not None
    actual = {r.slot: r.actual_ms for r in rows if r.level == "slot"}
    return speakers_list.build(slots_of(conf, item), language, actual, ended)
