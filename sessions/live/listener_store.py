"""Listener counts shared between server processes: one row per process and session.

Each process writes its own board's counts (`sessions.live.listeners.Board`) when they change, and at
least every HEARTBEAT_S while it has listeners; a row not refreshed for STALE_S (a process that
died) no longer counts. A session's total is the sum of the fresh rows. Nothing here touches the
session's live-state row, its version or the event log.

Operations layer: takes an SQLAlchemy session and the instant; never touches Flask or Socket.IO.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import JSON, Integer, String, UniqueConstraint, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from conference.db import Base, UTCDateTime
from sessions.live.listeners import SessionKey, add_counts

HEARTBEAT_S = 30
STALE_S = 90


class ListenerCount(Base):
    """One server process's listeners of one session, per channel."""

    __tablename__ = "listener_counts"
    __table_args__ = (UniqueConstraint("process", "conference", "session_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process: Mapped[str] = mapped_column(String(64))
    conference: Mapped[str] = mapped_column(String(120))
    session_key: Mapped[str] = mapped_column(String(120))
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


def save(db: Session, process: str, session: SessionKey, counts: dict[str, int], now: datetime) -> None:
    """This process's counts for `session` (a row with no listeners is deleted)."""
    slug, key = session
    row = db.scalar(select(ListenerCount).where(ListenerCount.process == process,
                                                ListenerCount.conference == slug,
                                                ListenerCount.session_key == key))
    counts = {channel: n for channel, n in counts.items() if n}
    if not counts:
        if row is not None:
            db.delete(row)
        return
    if row is None:
        db.add(ListenerCount(process=process, conference=slug, session_key=key, counts=counts, updated_at=now))
    else:
        row.counts, row.updated_at = counts, now


def others(db: Session, process: str, sessions: set[SessionKey], now: datetime) -> dict[SessionKey, dict[str, int]]:
    """The other processes' fresh counts for `sessions`, summed per session."""
    if not sessions:
        return {}
    slugs = {slug for slug, _key in sessions}
    rows = db.scalars(select(ListenerCount).where(
        ListenerCount.process != process, ListenerCount.conference.in_(slugs),
        ListenerCount.updated_at > now - timedelta(seconds=STALE_S))).all()
    found: dict[SessionKey, dict[str, int]] = {}
    for row in rows:
        session = (row.conference, row.session_key)
        if session in sessions:
            found[session] = add_counts(found.get(session, {}), row.counts or {})
    return found


def forget_stale(db: Session, now: datetime) -> None:
    """Rows of processes gone for long (housekeeping; they already no longer count)."""
    db.execute(delete(ListenerCount).where(ListenerCount.updated_at < now - timedelta(seconds=10 * STALE_S)))
