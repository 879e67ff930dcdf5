"""Applying live commands: load the session's state under a lock, run the core, persist, log.

Takes an SQLAlchemy session, the instant and the actor; never touches Flask or Socket.IO. The
caller commits, then broadcasts the returned state. The live features come in as `features`
(`sessions.live.features.LIVE`, the server's list, unless another is given); refusals are the core's
one refusal type (`conference.errors.MinbarError`), raised as they are.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, contains_eager, selectinload

from conference.errors import MinbarError
from conference.models import Conference
from sessions.live import state as live_state
from sessions.live.features import LIVE
from sessions.live.state import BoothConfig, Command, LiveFeatures, SessionInfo, SlotInfo
from sessions.models import AgendaItem, EventLog, LiveStateRow, Slot
from speakers.models import Person


def find_item(db: Session, slug: str, key: str) -> tuple[Conference, AgendaItem]:
    # Two queries (the item with its conference, then its slots with their speakers): this runs
    # on every live command.
    item = db.scalar(
        select(AgendaItem).join(AgendaItem.conference)
        .where(Conference.slug == slug, AgendaItem.key == key)
        .options(contains_eager(AgendaItem.conference),
                 selectinload(AgendaItem.slots).joinedload(Slot.speaker))
    )
    if item is None:
        raise MinbarError("not_found", f"There is no session '{key}'.")
    return item.conference, item


def session_info(conf: Conference, item: AgendaItem) -> SessionInfo:
    slots = tuple(
        SlotInfo(key=s.key, kind=s.kind, minutes=s.minutes,
                 language=s.language or (s.speaker.language if s.speaker else None),
                 role=dict(s.role), speaker=s.speaker.name if s.speaker else None,
                 delegation=s.speaker.delegation if s.speaker else "")
        for s in item.slots
    )
    booths = tuple(BoothConfig(b["language"], tuple(b.get("sources", ())), b.get("listen_url", ""))
                   for b in conf.booths or ())
    return SessionInfo(key=item.key, conference=conf.slug, kind=item.kind, starts_at=item.starts_at,
                       ends_at=item.ends_at, slots=slots, languages=tuple(conf.languages), booths=booths,
                       floor_listen_url=conf.floor_listen_url or "",
                       intervention_s=(item.intervention_minutes or 3) * 60)


def _row(db: Session, item: AgendaItem, now: datetime, lock: bool) -> LiveStateRow:
    query = select(LiveStateRow).where(LiveStateRow.item_id == item.id)
    row = db.scalar(query.with_for_update() if lock else query)
    if row is not None:
        return row
    try:
        with db.begin_nested():
            db.add(LiveStateRow(item_id=item.id, version=0, data={}, updated_at=now))
    except IntegrityError:
        pass  # another process created it first; read theirs
    return db.scalar(query.with_for_update() if lock else query)


def current(db: Session, slug: str, key: str, now: datetime, features: LiveFeatures = LIVE) -> dict:
    """The session's STATE as of `now`, for `join` and for pages."""
    conf, item = find_item(db, slug, key)
    info = session_info(conf, item)
    row = db.scalar(select(LiveStateRow).where(LiveStateRow.item_id == item.id))
    live = features.load(row.data if row else None, row.version if row else 0, info)
    return features.to_contract(live, info, now)


def authorise(command: Command, info: SessionInfo, features: LiveFeatures = LIVE) -> None:
    family = features.command_family(command)
    if not family.authorise(command.actor, info, command):
        if getattr(command.actor, "anonymous", False):
            raise MinbarError("unauthorized", "This needs a sign-in link.")
        raise MinbarError("forbidden", "Your role may not do this in this session.")


def apply(db: Session, slug: str, key: str, command: Command, now: datetime,
          ack: dict | None = None, features: LiveFeatures = LIVE, handover_s: float | None = None) -> tuple[dict, bool]:
    """Authorise and apply `command`; returns (STATE, changed). Refusals change nothing.

    `ack`, when given, is filled with the family's extra acknowledgement fields for the actor
    (`live_state.Family.ack`, e.g. a requester's queue entry and place). `handover_s` is the
    configured window of sessions.live.handover (MINBAR_HANDOVER_S), the core's default when None."""
    conf, item = find_item(db, slug, key)
    info = session_info(conf, item)
    info = replace(info, ranks=actor_ranks(db, conf, command.actor))
    if handover_s is not None:
        info = replace(info, handover_ms=max(0, round(handover_s * 1000)))
    live_state.expected_version(command.payload)   # a malformed `expect` is bad_request first
    authorise(command, info, features)
    row = _row(db, item, now, lock=True)
    live = features.load(row.data, row.version, info)
    new = features.apply(live, command, info, now)   # Refused (MinbarError): nothing changes
    if new == live:
        if ack is not None:
            ack.update(features.ack_fields(live, command, info, now))
        return features.to_contract(live, info, now), False
    new = live_state.LiveSession(new.session, live.version + 1, new.slot, new.parts)
    row.version, row.data, row.updated_at = new.version, features.dump(new), now
    state = features.to_contract(new, info, now)
    db.add(EventLog(conference_id=conf.id, session_key=item.key, at=now, actor=command.actor.label,
                    action=command.name,
                    payload={**_loggable(command.payload), "after": after_of(state)},
                    note=features.notes(live, new, command, info)))
    if ack is not None:
        ack.update(features.ack_fields(new, command, info, now))
    return state, True


def after_of(state: dict) -> dict:
    """What a logged command left the session at: the log's `payload.after`, from which the
    planned-versus-actual record (sessions.reports.actuals) rebuilds when each slot's timer ran."""
    timer = state.get("timer") or {}
    return {"version": state["version"], "slot": state["slot"],
            "status": timer.get("status"), "elapsed_ms": timer.get("elapsed_ms")}


def actor_ranks(db: Session, conf: Conference, actor) -> dict[str, int]:
    """{person key: protocol rank} for the actor's person, when the link names one with a rank."""
    person = getattr(actor, "person", None)
    if not person:
        return {}
    rank = db.scalar(select(Person.rank).where(Person.conference_id == conf.id, Person.key == person))
    return {person: rank} if rank is not None else {}


def _loggable(payload) -> dict:
    return {k: v for k, v in dict(payload).items() if k != "session" and isinstance(v, (str, int, float, bool, type(None), list))}
