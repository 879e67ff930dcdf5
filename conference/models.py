"""The conference as a whole and the GCM reference data."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conference.db import Base, UTCDateTime


class Conference(Base):
    __tablename__ = "conferences"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[dict] = mapped_column(JSON)                 # {"ar": ..., "en": ..., "fr": ...}
    timezone: Mapped[str] = mapped_column(String(64))
    languages: Mapped[list] = mapped_column(JSON)
    platform_url: Mapped[str] = mapped_column(String(500), default="")
    floor_listen_url: Mapped[str] = mapped_column(String(500), default="")
    venue: Mapped[dict] = mapped_column(JSON, default=dict)
    organisers: Mapped[dict] = mapped_column(JSON, default=dict)
    symbol: Mapped[dict] = mapped_column(JSON, default=dict)   # the document symbol per language
    booths: Mapped[list] = mapped_column(JSON, default=list)  # [{"language", "sources", "listen_url"}]
    source_digest: Mapped[str] = mapped_column(String(64), default="")
    modified_at: Mapped[datetime] = mapped_column(UTCDateTime)

    days: Mapped[list["Day"]] = relationship(
        back_populates="conference", order_by="Day.date", cascade="all, delete-orphan"
    )

    @property
    def first_day(self) -> date | None:
        return self.days[0].date if self.days else None

    @property
    def last_day(self) -> date | None:
        return self.days[-1].date if self.days else None


class Day(Base):
    __tablename__ = "days"
    __table_args__ = (UniqueConstraint("conference_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    date: Mapped[date] = mapped_column(Date)

    conference: Mapped[Conference] = relationship(back_populates="days")


class Objective(Base):
    """One of the GCM's 23 objectives."""

    __tablename__ = "objectives"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    title: Mapped[dict] = mapped_column(JSON)
    working_translations: Mapped[list] = mapped_column(JSON, default=list)


class Principle(Base):
    """One of the GCM's ten guiding principles."""

    __tablename__ = "principles"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[dict] = mapped_column(JSON)
    working_translations: Mapped[list] = mapped_column(JSON, default=list)
