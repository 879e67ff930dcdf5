"""Write a validated agenda to the database: an idempotent upsert by stable id.

Loading the same file twice changes nothing; loading an edited file updates rows in place, so
ids, URLs and calendar UIDs stay what they were. A session whose time or title changes gets a
higher `sequence` and a new `modified_at`, which calendar clients use to replace their copy.
Items, slots and people that the file no longer names are removed; a removed item leaves a
tombstone (`RemovedItem`) so that calendar feeds can cancel it, dropped if the item comes back.
An item's `modified_at` only ever grows (by at least a second per change), so that the
calendar SEQUENCE made from it (`conference.ical.event_sequence`) does too.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from conference.agenda.schema import ConferenceSpec, ItemSpec, SlotSpec
from conference.models import Conference, Day
from sessions.models import AgendaItem, RemovedItem, Slot
from speakers.models import Person
from timing.zones import localize


@dataclass
class LoadReport:
    slug: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load(spec: ConferenceSpec, db: Session, now: datetime, source_text: str = "") -> LoadReport:
    """Upsert `spec` (already validated, free of errors) into `db`; the caller commits."""
    report = LoadReport(spec.slug)
    conference = db.scalar(select(Conference).where(Conference.slug == spec.slug))
    if conference is None:
        conference = Conference(slug=spec.slug, modified_at=now)
        db.add(conference)
        report.created.append(f"conference {spec.slug}")
    _assign(conference, report, f"conference {spec.slug}", now,
            title=dict(spec.title), timezone=spec.timezone, languages=list(spec.languages),
            platform_url=spec.platform_url, floor_listen_url=spec.floor_listen_url,
            venue=dict(spec.venue), organisers=dict(spec.organisers), symbol=dict(spec.symbol),
            booths=[_booth(b) for b in spec.booths],
            source_digest=digest(source_text) if source_text else conference.source_digest or "")
    db.flush()
    _load_days(spec, conference, db)
    people = _load_people(spec, conference, db, report)
    _load_items(spec, conference, db, people, now, report)
    return report


def _booth(booth) -> dict:
    row = {"language": booth.language, "sources": list(booth.sources), "listen_url": booth.listen_url}
    if booth.interpreters:
        row["interpreters"] = list(booth.interpreters)
    return row


def _assign(row, report: LoadReport, label: str, now: datetime, **values) -> bool:
    changed = [name for name, value in values.items() if getattr(row, name, None) != value]
    for name in changed:
        setattr(row, name, values[name])
    if changed and row.id is not None and label not in report.created:
        report.updated.append(label)
        if hasattr(row, "modified_at"):
            row.modified_at = now
    return bool(changed)


def _load_days(spec: ConferenceSpec, conference: Conference, db: Session) -> None:
    wanted = set(spec.days) or {item.day for item in spec.items}
    existing = {day.date: day for day in conference.days}
    for day_date in sorted(wanted - existing.keys()):
        conference.days.append(Day(date=day_date))
    for day_date, day in existing.items():
        if day_date not in wanted:
            conference.days.remove(day)
    db.flush()


def _load_people(spec, conference, db, report) -> dict[str, Person]:
    existing = {p.key: p for p in db.scalars(select(Person).where(Person.conference_id == conference.id))}
    people: dict[str, Person] = {}
    for person in spec.people:
        row = existing.pop(person.id, None)
        if row is None:
            row = Person(conference_id=conference.id, key=person.id)
            db.add(row)
            report.created.append(f"person {person.id}")
        _assign(row, report, f"person {person.id}", conference.modified_at,
                name=person.display_name, names={k: v for k, v in person.name.items() if k},
                title=person.title, organisation=person.organisation,
                delegation=person.delegation, group=person.group, language=person.language,
                rank=person.rank, gender=person.gender)
        people[person.id] = row
    db.flush()
    # People no longer named are detached from slots before removal, never left dangling.
    for row in existing.values():
        for slot in db.scalars(select(Slot).where(Slot.speaker_id == row.id)):
            slot.speaker_id = None
        for item in db.scalars(select(AgendaItem).where(AgendaItem.chair_person_id == row.id)):
            item.chair_person_id = None
        db.delete(row)
        report.removed.append(f"person {row.key}")
    return people


def _load_items(spec, conference, db, people, now, report) -> None:
    existing = {i.key: i for i in db.scalars(select(AgendaItem).where(AgendaItem.conference_id == conference.id))}
    existing_slots = {s.key: s for s in db.scalars(select(Slot).where(Slot.conference_id == conference.id))}
    removed = {r.key: r for r in db.scalars(select(RemovedItem).where(RemovedItem.conference_id == conference.id))}
    for position, item in enumerate(spec.items):
        tombstone = removed.pop(item.id, None)
        if tombstone is not None:
            db.delete(tombstone)
        row = existing.pop(item.id, None)
        if row is None:
            # A session that comes back is newer than its cancellation; the file's sequence is
            # where its calendar SEQUENCE starts.
            row = AgendaItem(conference_id=conference.id, key=item.id, sequence=item.sequence,
                             modified_at=_later(tombstone.modified_at if tombstone else None, now))
            db.add(row)
            report.created.append(f"session {item.id}")
        _load_item(item, row, position, spec.timezone, people, now, report)
        db.flush()
        for slot_position, slot in enumerate(item.slots):
            slot_row = existing_slots.pop(slot.id, None)
            if slot_row is None:
                slot_row = Slot(conference_id=conference.id, key=slot.id)
                row.slots.append(slot_row)
                report.created.append(f"slot {slot.id}")
            elif slot_row.item_id != row.id:
                slot_row.item = row
            _load_slot(slot, slot_row, slot_position, people, report)
    for slot_row in existing_slots.values():
        db.delete(slot_row)
        report.removed.append(f"slot {slot_row.key}")
    for row in existing.values():
        _keep_tombstone(row, removed.get(row.key), conference, db, now)
        db.delete(row)
        report.removed.append(f"session {row.key}")
    db.flush()


def _later(previous: datetime | None, now: datetime) -> datetime:
    """`now`, or a second after `previous` when that is not earlier: change stamps only grow."""
    return now if previous is None or now > previous else previous + timedelta(seconds=1)


def _keep_tombstone(row: AgendaItem, tombstone: RemovedItem | None, conference, db: Session, now) -> None:
    if tombstone is None:
        tombstone = RemovedItem(conference_id=conference.id, key=row.key)
        db.add(tombstone)
    tombstone.day, tombstone.kind, tombstone.number = row.day, row.kind, row.number
    tombstone.title, tombstone.starts_at, tombstone.ends_at = dict(row.title), row.starts_at, row.ends_at
    tombstone.modified_at = _later(row.modified_at, now)


def _load_item(item: ItemSpec, row: AgendaItem, position, zone, people, now, report) -> None:
    starts_at = localize(item.day, item.start, zone)
    ends_at = localize(item.day, item.end, zone)
    calendar_visible = row.id is not None and (
        row.starts_at != starts_at or row.ends_at != ends_at or row.title != dict(item.title)
    )
    chair = item.chair
    previous = row.modified_at if row.id is not None else None
    # Its place in the day is not part of the event: a session removed or added before this one
    # must not move its change stamp, hence its calendar SEQUENCE.
    row.position = position
    changed = _assign(row, report, f"session {item.id}", now,
            day=item.day, kind=item.kind, number=item.number,
            title=dict(item.title), description=dict(item.description),
            starts_at=starts_at, ends_at=ends_at, objectives=list(item.objectives),
            stated_minutes=item.stated_minutes, intervention_minutes=item.intervention_minutes,
            chair_title=chair.title if chair else None, chair_role=dict(chair.role) if chair else {},
            chair_person_id=people[chair.person].id if chair and chair.person else None,
            rapporteurs=list(item.rapporteurs))
    if calendar_visible:
        row.sequence = (row.sequence or 0) + 1
        row.modified_at = now
    if previous is not None and (changed or calendar_visible):
        row.modified_at = _later(previous, now)
    # The file's sequence is a floor: a database rebuilt from it never goes back.
    row.sequence = max(row.sequence or 0, item.sequence)


def _load_slot(slot: SlotSpec, row: Slot, position, people, report) -> None:
    _assign(row, report, f"slot {slot.id}", None,
            position=position, kind=slot.kind, role=dict(slot.role), minutes=slot.minutes,
            speaker_id=people[slot.speaker].id if slot.speaker else None,
            language=slot.language, tbd=slot.tbd)
