"""Lists of speakers and focal points (layer 3): inscribe, move, merge, withdraw, confirm.

Every function takes an SQLAlchemy session, the instant and the actor; none reads Flask's request
and none authorises (the routes' guards ask `speakers.policy`). Every change writes the audit log
(`conference.audit`; the secretariat's reason is the entry's note) and moves the list's `revision`
on; the caller commits. The order is `sessions.speakers_list.order`'s; confirming goes through the
agenda engine (`conference.workspace.operations.change`) with `sessions.speakers_list.slots`.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from conference import audit
from conference.errors import MinbarError
from conference.models import Conference
from sessions.models import AgendaItem
from sessions.speakers_list import order as protocol
from sessions.speakers_list.models import FocalPoint, ListEntry, SpeakersList
from speakers.models import Person

MAX_REASON = 500


def get_list(db: Session, conf: Conference, item: AgendaItem, *, now: datetime | None = None,
             lock: bool = False) -> SpeakersList | None:
    """The session's list; with `now`, made (closed, empty) when it does not exist yet. `lock`
    (every change) reads it `FOR UPDATE` on PostgreSQL, so two changes of one list queue up
    (SQLite's writes are serialised by `BEGIN IMMEDIATE` already). The list is made with
    `INSERT … ON CONFLICT DO NOTHING` and then read (locked): two first changes of one session at
    the same instant both find the one row, neither meets the unique constraint."""
    query = select(SpeakersList).where(SpeakersList.conference_id == conf.id, SpeakersList.session_key == item.key)
    row = db.scalar(query.with_for_update() if lock else query)
    if row is None and now is not None:
        db.execute(_insert_once(db).values(conference_id=conf.id, session_key=item.key, revision=0,
                                           modified_at=now))
        row = db.scalar(query.with_for_update() if lock else query)
    return row


def _insert_once(db: Session):
    """An INSERT into the lists that does nothing when the session's list is there already."""
    dialect = postgresql if db.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(SpeakersList).on_conflict_do_nothing(
        index_elements=[SpeakersList.conference_id, SpeakersList.session_key])


def listed(row: SpeakersList | None) -> list[ListEntry]:
    return [] if row is None else sorted((e for e in row.entries if e.status == "listed"), key=lambda e: e.position)


def status(row: SpeakersList | None, now: datetime) -> str:
    """closed (no window, or outside it), open, confirmed (the current revision), changed (since)."""
    if row is not None and row.confirmed_revision is not None:
        return "confirmed" if row.confirmed_revision == row.revision else "changed"
    return "open" if row is not None and is_open(row, now) else "closed"


def is_open(row: SpeakersList, now: datetime) -> bool:
    return (row.opens_at is not None and row.closes_at is not None
            and row.opens_at <= now < row.closes_at)


def _core(entry: ListEntry) -> protocol.Entry:
    return protocol.Entry(key=entry.key, group=entry.group, level=entry.level, seq=entry.seq,
                          placed=entry.placed, after=entry.after)


def _apply(row: SpeakersList, shown: tuple[protocol.Entry, ...], now: datetime) -> None:
    """Store the core's order back on the rows: positions, places; the list's next revision."""
    by_key = {e.key: e for e in row.entries}
    for position, entry in enumerate(shown):
        stored = by_key[entry.key]
        stored.position, stored.placed, stored.after = position, entry.placed, entry.after
    row.revision += 1
    row.modified_at = now


def _reason(reason) -> str:
    if not isinstance(reason, str) or not reason.strip():
        raise MinbarError("bad_request", "Give a 'reason': it goes into the audit log.")
    if len(reason) > MAX_REASON:
        raise MinbarError("bad_request", f"The reason has at most {MAX_REASON} characters.")
    return reason.strip()


def _entry(row: SpeakersList | None, entry_id) -> ListEntry:
    found = next((e for e in (row.entries if row else []) if str(e.id) == str(entry_id) and e.status == "listed"), None)
    if found is None:
        raise MinbarError("not_found", f"There is no entry '{entry_id}' on this list of speakers.")
    return found


def find_entry(db: Session, conf: Conference, item: AgendaItem, entry_id) -> ListEntry:
    """A listed entry of the session's list, or `not_found`."""
    return _entry(get_list(db, conf, item), entry_id)


# -- the secretariat ---------------------------------------------------------------------------

def set_window(db: Session, conf: Conference, item: AgendaItem, *, opens_at: datetime | None,
               closes_at: datetime | None, minutes: int | None, now: datetime, actor: str) -> SpeakersList:
    if (opens_at is None) != (closes_at is None) or (opens_at is not None and closes_at <= opens_at):
        raise MinbarError("bad_request", "Inscription needs both 'opens_at' and 'closes_at', closing after it opens.")
    if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int) or minutes < 1):
        raise MinbarError("bad_request", "'minutes' should be a whole number, 1 or more, or null.")
    row = get_list(db, conf, item, now=now, lock=True)
    before = _window(row)
    row.opens_at, row.closes_at, row.minutes, row.modified_at = opens_at, closes_at, minutes, now
    audit.record(db, conf, actor=actor, action="speakers.window", now=now, session=item.key,
                 target=f"speakers:{item.key}", before=before, after=_window(row))
    return row


def _window(row: SpeakersList) -> dict:
    return {"opens_at": row.opens_at.isoformat() if row.opens_at else None,
            "closes_at": row.closes_at.isoformat() if row.closes_at else None, "minutes": row.minutes}


def move(db: Session, conf: Conference, item: AgendaItem, entry_id, position, reason, *,
         now: datetime, actor: str) -> SpeakersList:
    row, why = get_list(db, conf, item, lock=True), _reason(reason)
    entry = _entry(row, entry_id)
    was = entry.position
    _apply(row, protocol.move([_core(e) for e in listed(row)], entry.key, position), now)
    audit.record(db, conf, actor=actor, action="speakers.move", now=now, session=item.key,
                 target=f"speakers:{item.key}:{entry.id}", before={"position": was},
                 after={"position": entry.position, "revision": row.revision}, note=why)
    return row


def withdraw(db: Session, conf: Conference, item: AgendaItem, entry_id, reason, *, now: datetime,
             actor: str, merged_into: ListEntry | None = None) -> SpeakersList:
    row, why = get_list(db, conf, item, lock=True), _reason(reason)
    entry = _entry(row, entry_id)
    shown = protocol.withdraw([_core(e) for e in listed(row)], entry.key)
    entry.status = "merged" if merged_into is not None else "withdrawn"
    entry.merged_into = merged_into.id if merged_into is not None else None
    entry.position = -1
    _apply(row, shown, now)
    audit.record(db, conf, actor=actor, action="speakers.merge" if merged_into else "speakers.withdraw",
                 now=now, session=item.key, target=f"speakers:{item.key}:{entry.id}",
                 before={"status": "listed"},
                 after={"status": entry.status, "into": merged_into.id if merged_into else None,
                        "revision": row.revision}, note=why)
    return row


def merge(db: Session, conf: Conference, item: AgendaItem, entry_id, into, reason, *, now: datetime,
          actor: str) -> SpeakersList:
    """`entry_id`'s statement joins `into`'s (one statement on behalf of both delegations)."""
    row, _why = get_list(db, conf, item, lock=True), _reason(reason)   # refused before anything changes
    absorbed, keeper = _entry(row, entry_id), _entry(row, into)
    if absorbed.id == keeper.id:
        raise MinbarError("bad_request", "An entry cannot be merged into itself.")
    keeper.joint = list(dict.fromkeys([*(keeper.joint or []), absorbed.delegation, *(absorbed.joint or [])]))
    return withdraw(db, conf, item, entry_id, reason, now=now, actor=actor, merged_into=keeper)


# -- focal points --------------------------------------------------------------------------------

def name_focal_point(db: Session, conf: Conference, person_key, *, now: datetime, secret: str,
                     actor: str) -> tuple[FocalPoint, str]:
    """Mark a person of the conference focal point of their delegation; issue their link."""
    from speakers import access

    if not isinstance(person_key, str):
        raise MinbarError("bad_request", "Name the 'person' (a person's key) or the approved 'registration'.")
    person = db.scalar(select(Person).where(Person.conference_id == conf.id, Person.key == person_key))
    if person is None:
        raise MinbarError("not_found", f"There is no person '{person_key}' in {conf.slug}.")
    if not person.delegation:
        raise MinbarError("bad_request", f"{person.name} has no delegation to be the focal point of.")
    if db.scalar(select(FocalPoint).where(FocalPoint.conference_id == conf.id, FocalPoint.person_key == person_key)):
        raise MinbarError("conflict", f"{person.name} is already a focal point.")
    token, link = access.issue(db, conference=conf, role="focal_point", now=now, secret=secret, person=person_key)
    row = FocalPoint(conference_id=conf.id, person_key=person_key, delegation=person.delegation,
                     named_at=now, link_id=link.id)
    db.add(row)
    audit.record(db, conf, actor=actor, action="speakers.focal_point.name", now=now,
                 target=f"person:{person_key}", before=None,
                 after={"delegation": person.delegation, "link": link.id})
    db.flush()
    return row, token


def person_of_registration(db: Session, conf: Conference, registration) -> str:
    """The person an approved registration became (`conference.registration`), for naming a focal point."""
    from conference.registration.models import Registration

    row = db.get(Registration, registration) if isinstance(registration, int) and not isinstance(registration, bool) else None
    if row is None or row.conference_id != conf.id:
        raise MinbarError("not_found", f"There is no registration '{registration}' in {conf.slug}.")
    if row.status != "approved" or not row.person_key:
        raise MinbarError("conflict", "Only an approved registration can be named focal point.")
    return row.person_key


def remove_focal_point(db: Session, conf: Conference, person_key, *, now: datetime, actor: str) -> None:
    from conference.workspace import links

    row = db.scalar(select(FocalPoint).where(FocalPoint.conference_id == conf.id, FocalPoint.person_key == person_key))
    if row is None:
        raise MinbarError("not_found", f"'{person_key}' is not a focal point of {conf.slug}.")
    if row.link_id:
        links.revoke(db, conf, row.link_id, now=now, actor=actor)
    db.delete(row)
    audit.record(db, conf, actor=actor, action="speakers.focal_point.remove", now=now,
                 target=f"person:{person_key}", before={"delegation": row.delegation}, after=None)


def focal_points(db: Session, conf: Conference) -> list[FocalPoint]:
    return list(db.scalars(select(FocalPoint).where(FocalPoint.conference_id == conf.id).order_by(FocalPoint.id)))
