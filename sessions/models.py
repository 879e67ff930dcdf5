"""Agenda items ("sessions" in the contract) and their slots, plus the event log."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conference.db import Base, ConferenceKeyed, UTCDateTime
from conference.models import Conference
from speakers.models import Person


class AgendaItem(ConferenceKeyed, Base):
    """One session of the agenda. `key` is its stable id (`plenary-1`), used in URLs and UIDs."""

    __tablename__ = "agenda_items"
    day: Mapped[date] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    title: Mapped[dict] = mapped_column(JSON)
    description: Mapped[dict] = mapped_column(JSON, default=dict)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    objectives: Mapped[list] = mapped_column(JSON, default=list)
    stated_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    intervention_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    chair_title: Mapped[str | None] = mapped_column(String(20), nullable=True)
    chair_role: Mapped[dict] = mapped_column(JSON, default=dict)
    chair_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    rapporteurs: Mapped[list] = mapped_column(JSON, default=list)   # person keys
    # iCalendar SEQUENCE and LAST-MODIFIED: move on whenever time or title changes.
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    modified_at: Mapped[datetime] = mapped_column(UTCDateTime)

    conference: Mapped[Conference] = relationship()
    chair_person: Mapped[Person | None] = relationship()
    slots: Mapped[list["Slot"]] = relationship(
        back_populates="item", order_by="Slot.position", cascade="all, delete-orphan"
    )

    @property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


class RemovedItem(ConferenceKeyed, Base):
    """A session the agenda file no longer has, kept so that calendar feeds can cancel it
    (STATUS:CANCELLED): what the feed shows of it, as it was when removed. Deleted again when a
    session with the same key comes back (conference/agenda/load.py)."""

    __tablename__ = "removed_agenda_items"
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    title: Mapped[dict] = mapped_column(JSON)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    modified_at: Mapped[datetime] = mapped_column(UTCDateTime)   # when it was removed

    cancelled = True


class Slot(Base):
    """A speaker slot or open-discussion block inside an item. `key` is its stable id."""

    __tablename__ = "slots"
    __table_args__ = (UniqueConstraint("conference_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    role: Mapped[dict] = mapped_column(JSON)
    minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), nullable=True)
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    tbd: Mapped[bool] = mapped_column(Boolean, default=False)

    item: Mapped[AgendaItem] = relationship(back_populates="slots")
    speaker: Mapped[Person | None] = relationship()


class EventLog(Base):
    """Every command applied to the conference: who, what, when. Append-only."""

    __tablename__ = "event_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    session_key: Mapped[str | None] = mapped_column(String(80), nullable=True, index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")


class LiveStateRow(Base):
    """A session's live state as last applied: the persisted `sessions.live.state.LiveSession`.

    One row per session, locked for each command, so every process applies commands in one
    order and a restart resumes exactly where the session was.
    """

    __tablename__ = "live_states"

    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
