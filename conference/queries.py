"""Reading a conference and its agenda, in one round of queries per request."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from conference.errors import MinbarError
from conference.models import Conference, Objective, Principle
from sessions.models import AgendaItem, Slot
from speakers.models import Person


def conferences(db: Session) -> list[Conference]:
    return list(db.scalars(select(Conference).options(selectinload(Conference.days)).order_by(Conference.slug)))


def conference(db: Session, slug: str) -> Conference:
    row = db.scalar(select(Conference).where(Conference.slug == slug).options(selectinload(Conference.days)))
    if row is None:
        raise MinbarError("not_found", f"There is no conference '{slug}'.")
    return row


def agenda(db: Session, conf: Conference) -> list[AgendaItem]:
    """Every item of the conference in agenda order, with slots, speakers and chairs loaded."""
    return list(db.scalars(
        select(AgendaItem)
        .where(AgendaItem.conference_id == conf.id)
        .options(
            selectinload(AgendaItem.slots).selectinload(Slot.speaker),
            selectinload(AgendaItem.chair_person),
        )
        .order_by(AgendaItem.starts_at, AgendaItem.position)
    ))


def item(db: Session, conf: Conference, key: str) -> AgendaItem:
    row = db.scalar(
        select(AgendaItem)
        .where(AgendaItem.conference_id == conf.id, AgendaItem.key == key)
        .options(selectinload(AgendaItem.slots).selectinload(Slot.speaker),
                 selectinload(AgendaItem.chair_person))
    )
    if row is None:
        raise MinbarError("not_found", f"There is no session '{key}' in this conference.")
    return row


def people(db: Session, conf: Conference) -> dict[str, Person]:
    """The conference's people by key (rapporteurs, interpreters are named by key)."""
    return {p.key: p for p in db.scalars(select(Person).where(Person.conference_id == conf.id))}


def objectives(db: Session) -> dict[int, Objective]:
    return {o.number: o for o in db.scalars(select(Objective))}


def principles(db: Session) -> list[Principle]:
    return list(db.scalars(select(Principle).order_by(Principle.position)))
