"""Lists of speakers, their entries and delegations' focal points, in the database.

A session's list (`SpeakersList`) has its inscription window (`opens_at`, `closes_at`, set by the
secretariat; no window: inscription is closed), the minutes each statement gets, and two
counters: `revision` moves on with every change of the list, `confirmed_revision` is the revision
the secretariat last confirmed into the session's slots (None: never confirmed). An entry keeps
its order's fields (`sessions.speakers_list.order.Entry`): its number of inscription (`seq`),
its place in the list as last shown (`position`), and, when the secretariat moved it, `placed` and
the entry it follows (`after`). Withdrawn and merged entries stay, with their status, for the record.

A focal point is a person of the conference named for their delegation; `link_id` is the
focal-point link issued with it (revoked when the person is no longer a focal point).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conference.db import Base, UTCDateTime

ENTRY_STATUSES = ("listed", "withdrawn", "merged")


class FocalPoint(Base):
    __tablename__ = "focal_points"
    __table_args__ = (UniqueConstraint("conference_id", "person_key", name="uq_focal_points_person"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    person_key: Mapped[str] = mapped_column(String(80))
    delegation: Mapped[str] = mapped_column(String(200))
    named_at: Mapped[datetime] = mapped_column(UTCDateTime)
    link_id: Mapped[str | None] = mapped_column(String(40), nullable=True)


class SpeakersList(Base):
    __tablename__ = "speakers_lists"
    __table_args__ = (UniqueConstraint("conference_id", "session_key", name="uq_speakers_lists_session"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    session_key: Mapped[str] = mapped_column(String(80))
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)   # per statement; None: the session's
    revision: Mapped[int] = mapped_column(Integer, default=0)
    confirmed_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    modified_at: Mapped[datetime] = mapped_column(UTCDateTime)

    entries: Mapped[list["ListEntry"]] = relationship(
        back_populates="list", order_by="ListEntry.position", cascade="all, delete-orphan")


class ListEntry(Base):
    __tablename__ = "speakers_list_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("speakers_lists.id", ondelete="CASCADE"), index=True)
    person_key: Mapped[str] = mapped_column(String(80))
    delegation: Mapped[str] = mapped_column(String(200))
    group: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(24))
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    seq: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    placed: Mapped[bool] = mapped_column(Boolean, default=False)
    after: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(12), default="listed")
    merged_into: Mapped[int | None] = mapped_column(Integer, nullable=True)
    joint: Mapped[list] = mapped_column(JSON, default=list)   # delegations merged into this statement
    inscribed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    inscribed_by: Mapped[str] = mapped_column(String(200), default="")

    list: Mapped[SpeakersList] = relationship(back_populates="entries")

    @property
    def key(self) -> str:
        return str(self.id)
