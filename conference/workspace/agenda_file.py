"""A conference in the database as an agenda spec, and any spec as an agenda file (TOML).

`spec_from_db` reads back exactly what `conference.agenda.load` wrote, so that
`load(spec_from_db(conf))` changes nothing and `parse_text(dumps(spec))` gives back `spec`
(the round trip `minbar agenda export` then import relies on). Plain Python over SQLAlchemy rows;
no Flask.
"""
from __future__ import annotations

from pathlib import Path

import tomli_w
from sqlalchemy import select
from sqlalchemy.orm import Session

from conference.agenda.schema import (
    BoothSpec, ChairSpec, ConferenceSpec, ItemSpec, PersonSpec, SlotSpec,
)
from conference.ical import event_sequence
from conference.models import Conference
from sessions.models import AgendaItem
from speakers.models import Person
from timing.zones import to_zone

HEADER = "# Agenda file exported by Minbar (docs/agenda-format.md).\n\n"


def spec_from_db(db: Session, conf: Conference) -> ConferenceSpec:
    people_rows = list(db.scalars(select(Person).where(Person.conference_id == conf.id).order_by(Person.id)))
    keys = {p.id: p.key for p in people_rows}
    people = tuple(
        PersonSpec(id=p.key, name=dict(p.names) if p.names else {"": p.name}, title=p.title or "",
                   organisation=p.organisation or "", delegation=p.delegation or "",
                   group=p.group or "other", language=p.language, rank=p.rank,
                   gender=getattr(p, "gender", None))
        for p in people_rows
    )
    items = []
    rows = db.scalars(select(AgendaItem).where(AgendaItem.conference_id == conf.id)
                      .order_by(AgendaItem.day, AgendaItem.position))
    for row in rows:
        start = to_zone(row.starts_at, conf.timezone)
        end = to_zone(row.ends_at, conf.timezone)
        chair = None
        if row.chair_title:
            chair = ChairSpec(title=row.chair_title, role=dict(row.chair_role or {}),
                              person=keys.get(row.chair_person_id))
        slots = tuple(
            SlotSpec(id=s.key, kind=s.kind, role=dict(s.role or {}), minutes=s.minutes,
                     speaker=keys.get(s.speaker_id), language=s.language, tbd=bool(s.tbd))
            for s in row.slots
        )
        items.append(ItemSpec(
            id=row.key, kind=row.kind, day=row.day, start=start.time().replace(tzinfo=None),
            end=end.time().replace(tzinfo=None), title=dict(row.title), number=row.number,
            description=dict(row.description or {}), objectives=tuple(row.objectives or ()),
            stated_minutes=row.stated_minutes, chair=chair, slots=slots,
            intervention_minutes=row.intervention_minutes,
            rapporteurs=tuple(getattr(row, "rapporteurs", None) or ()), sequence=event_sequence(row) if row.sequence else 0))
    booths = tuple(BoothSpec(language=b["language"], sources=tuple(b.get("sources", ())),
                             listen_url=b.get("listen_url", ""),
                             interpreters=tuple(b.get("interpreters", ())))
                   for b in conf.booths or ())
    return ConferenceSpec(
        slug=conf.slug, title=dict(conf.title), timezone=conf.timezone,
        languages=tuple(conf.languages), items=tuple(items), people=people, booths=booths,
        floor_listen_url=conf.floor_listen_url or "", platform_url=conf.platform_url or "",
        venue=dict(conf.venue or {}), organisers=dict(conf.organisers or {}),
        symbol=dict(conf.symbol or {}), days=tuple(d.date for d in conf.days))


def _text(text: dict) -> dict:
    return {k: v for k, v in text.items()}


def _drop_empty(table: dict) -> dict:
    return {k: v for k, v in table.items() if v not in (None, "", {}, (), [])}


def to_document(spec: ConferenceSpec) -> dict:
    """The spec as the nested tables of an agenda file."""
    conference = _drop_empty({
        "slug": spec.slug, "timezone": spec.timezone, "languages": list(spec.languages),
        "platform_url": spec.platform_url, "floor_listen_url": spec.floor_listen_url,
        "title": _text(spec.title), "venue": _text(spec.venue), "organisers": _text(spec.organisers),
        "symbol": _text(spec.symbol),
    })
    doc: dict = {"conference": conference}
    if spec.booths:
        doc["booths"] = [_drop_empty({"language": b.language, "sources": list(b.sources),
                                      "listen_url": b.listen_url,
                                      "interpreters": list(b.interpreters)}) for b in spec.booths]
    if spec.people:
        doc["people"] = [_person(p) for p in spec.people]
    days = list(spec.days) or sorted({i.day for i in spec.items})
    doc["days"] = [{"date": day, "items": [_item(i) for i in spec.items if i.day == day]}
                   for day in days]
    return doc


def _person(p: PersonSpec) -> dict:
    name = p.name[""] if set(p.name) == {""} else {k: v for k, v in p.name.items() if k}
    table = _drop_empty({"id": p.id, "name": name, "title": p.title, "organisation": p.organisation,
                         "delegation": p.delegation, "language": p.language, "rank": p.rank,
                         "gender": p.gender})
    table["group"] = p.group
    return table


def _item(i: ItemSpec) -> dict:
    table = {"id": i.id, "kind": i.kind}
    if i.number is not None:
        table["number"] = i.number
    table.update(start=i.start.strftime("%H:%M"), end=i.end.strftime("%H:%M"))
    for name in ("stated_minutes", "intervention_minutes"):
        if getattr(i, name) is not None:
            table[name] = getattr(i, name)
    if i.objectives:
        table["objectives"] = list(i.objectives)
    if i.rapporteurs:
        table["rapporteurs"] = list(i.rapporteurs)
    if i.sequence:
        table["sequence"] = i.sequence
    table["title"] = _text(i.title)
    if i.description:
        table["description"] = _text(i.description)
    if i.chair is not None:
        chair = {"title": i.chair.title}
        if i.chair.person:
            chair["person"] = i.chair.person
        if i.chair.role:
            chair["role"] = _text(i.chair.role)
        table["chair"] = chair
    if i.slots:
        table["slots"] = [_slot(s) for s in i.slots]
    return table


def _slot(s: SlotSpec) -> dict:
    table = {"id": s.id, "kind": s.kind}
    if s.minutes is not None:
        table["minutes"] = s.minutes
    if s.speaker:
        table["speaker"] = s.speaker
    if s.language:
        table["language"] = s.language
    if s.tbd:
        table["tbd"] = True
    if s.role:
        table["role"] = _text(s.role)
    return table


def dumps(spec: ConferenceSpec) -> str:
    return HEADER + tomli_w.dumps(to_document(spec), multiline_strings=False)


def export(db: Session, conf: Conference) -> str:
    return dumps(spec_from_db(db, conf))


# -- the conference's own file: what `minbar init` rebuilds the database from ----------------

def copy_path(instance: str | Path, slug: str) -> Path:
    return Path(instance) / "agendas" / f"{slug}.toml"


def write_copy(instance: str | Path, spec: ConferenceSpec) -> Path:
    """Write `spec` as the conference's agenda file under the instance folder, atomically."""
    path = copy_path(instance, spec.slug)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(dumps(spec), encoding="utf-8")
    tmp.replace(path)
    return path
