"""Applying live commands: load the session's state under a lock, run the core, persist, log.

Takes an SQLAlchemy session, the instant and the actor; never touches Flask or Socket.IO. The
caller commits, then broadcasts the returned state.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from conference.errors import MinbarError
from conference.models import Conference
from sessions import live_state
from sessions import speaking  # noqa: F401  (registers the timer and slot families)
from sessions import messages  # noqa: F401  (registers the chair's message to the speaker)
from sessions import presentation  # noqa: F401  (registers the presentation family)
from sessions import channels_live  # noqa: F401  (registers the channels part and channel family)
from sessions import queue_live  # noqa: F401  (registers the queue and interventions parts, queue family)
from sessions import undo  # noqa: F401  (registers undo; last, so its hook sees every other change)
from sessions.live_state import BoothConfig, Command, Refused, SessionInfo, SlotInfo
from sessions.models import AgendaItem, EventLog, LiveStateRow, Slot
from speakers.models import Person


def find_item(db: Session, slug: str, key: str) -> tuple[Conference, AgendaItem]:
    conf = db.scalar(select(Conference).where(Conference.slug == slug))
    item = conf and db.scalar(
        select(AgendaItem).where(AgendaItem.conference_id == conf.id, AgendaItem.key == key)
        .options(selectinload(AgendaItem.slots).selectinload(Slot.speaker))
    )
    if item is None:
        raise MinbarError("not_found", f"There is no session '{key}'.")
    return conf, item


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


def current(db: Session, slug: str, key: str, now: datetime) -> dict:
    """The session's STATE as of `now`, for `join` and for pages."""
    conf, item = find_item(db, slug, key)
    info = session_info(conf, item)
    row = db.scalar(select(LiveStateRow).where(LiveStateRow.item_id == item.id))
    live = live_state.load(row.data if row else None, row.version if row else 0, info)
    return live_state.to_contract(live, info, now)


def authorise(command: Command, info: SessionInfo) -> None:
    family = live_state.FAMILIES.get(command.family)
    if family is None or command.action not in family.actions:
        raise MinbarError("bad_request", f"Unknown action '{command.action}' for '{command.family}'.")
    if not family.authorise(command.actor, info, command):
        if getattr(command.actor, "anonymous", False):
            raise MinbarError("unauthorized", "This needs a sign-in link.")
        raise MinbarError("forbidden", "Your role may not do this in this session.")


def apply(db: Session, slug: str, key: str, command: Command, now: datetime,
          ack: dict | None = None) -> tuple[dict, bool]:
    """Authorise and apply `command`; returns (STATE, changed). Refusals change nothing.

    `ack`, when given, is filled with the family's extra acknowledgement fields for the actor
    (`live_state.Family.ack`, e.g. a requester's queue entry and place)."""
    conf, item = find_item(db, slug, key)
    info = session_info(conf, item)
    info = replace(info, ranks=actor_ranks(db, conf, command.actor))
    try:
        live_state.expected_version(command.payload)   # a malformed `expect` is bad_request first
    except Refused as refusal:
        raise MinbarError(refusal.code, refusal.message) from None
    authorise(command, info)
    row = _row(db, item, now, lock=True)
    live = live_state.load(row.data, row.version, info)
    try:
        new = live_state.apply(live, command, info, now)
    except Refused as refusal:
        raise MinbarError(refusal.code, refusal.message, **refusal.extra) from None
    if new == live:
        if ack is not None:
            ack.update(live_state.ack_fields(live, command, info, now))
        return live_state.to_contract(live, info, now), False
    new = live_state.LiveSession(new.session, live.version + 1, new.slot, new.parts)
    row.version, row.data, row.updated_at = new.version, live_state.dump(new), now
    state = live_state.to_contract(new, info, now)
    db.add(EventLog(conference_id=conf.id, session_key=item.key, at=now, actor=command.actor.label,
                    action=command.name,
                    payload={**_loggable(command.payload), "after": after_of(state)},
                    note=live_state.notes(live, new, command, info)))
    if ack is not None:
        ack.update(live_state.ack_fields(new, command, info, now))
    return state, True


def after_of(state: dict) -> dict:
    """What a logged command left the session at: the log's `payload.after`, from which the
    planned-versus-actual record (sessions.actuals) rebuilds when each slot's timer ran."""
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
