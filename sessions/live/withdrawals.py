"""A revoked link's floor requests are withdrawn (an operation: loads, applies, persists, logs).

A revoked link may no longer act, so its waiting requests must not stay in the chair's list to
be granted to someone who is no longer there. `withdraw_link` applies the queue's own `withdraw`
command, as the link's holder would, in every session of the conference where the link has a
waiting request: the event log records it (`queue.withdraw`, `payload.reason` "link_revoked";
the revocation itself is logged by whoever revoked), the version moves, and the caller commits and publishes the sessions it
returns. A request that already has the floor is left to the chair (it is no longer waiting).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from conference.models import Conference
from sessions.live import operations
from sessions.live.state import Command
from sessions.models import AgendaItem, LiveStateRow
from speakers.identity import Identity

REASON = "link_revoked"


def _waiting_in(data: dict | None, requester: str) -> bool:
    queue = ((data or {}).get("parts") or {}).get("queue") or {}
    return any(entry.get("requester") == requester for entry in queue.get("entries") or ())


def withdraw_link(db: Session, conf: Conference, holder: Identity, now: datetime) -> list[str]:
    """Withdraw `holder`'s waiting requests in `conf`; the keys of the sessions that changed."""
    if holder.anonymous:
        return []
    rows = db.execute(select(AgendaItem.key, LiveStateRow.data)
                      .join(LiveStateRow, LiveStateRow.item_id == AgendaItem.id)
                      .where(AgendaItem.conference_id == conf.id))
    changed = []
    for key, data in rows:
        if not _waiting_in(data, holder.key):
            continue
        command = Command("queue", "withdraw", {"session": key, "reason": REASON}, holder)
        _state, moved = operations.apply(db, conf.slug, key, command, now)
        if moved:
            changed.append(key)
    return changed
