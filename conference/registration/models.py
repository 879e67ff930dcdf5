"""Registrations and each conference's registration settings in the database.

A registration holds only what the form asks (docs/privacy.md). The e-mail address is kept to send
the confirmation and the decision; `email_key` (a SHA-256 of the address in lower case) finds the
same address again for the limits and the duplicate flag without comparing addresses in queries.
`source_key` is an HMAC of the client's address under the app's secret, for the limit per address:
the address itself is never stored. The confirmation token is e-mailed once and kept only as its
SHA-256 (`token_hash`), until `token_expires_at`.

The settings are a table of their own rather than fields of the agenda file: the dates and the
retention period belong to this server's handling of personal data, not to the programme an agenda
file describes, exports and clones (a cloned conference starts with registration closed).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from conference.db import Base, UTCDateTime

STATUSES = ("unconfirmed", "pending", "approved", "declined")
DEFAULT_RETENTION_DAYS = 30


class Registration(Base):
    __tablename__ = "registrations"
    __table_args__ = (
        Index("ix_registrations_conference_status", "conference_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))                  # in the person's own script
    name_latin: Mapped[str] = mapped_column(String(200))            # in Latin letters
    title: Mapped[str] = mapped_column(String(200), default="")     # Mr, Ms, Dr, H.E. ...
    function: Mapped[str] = mapped_column(String(200), default="")  # e.g. Director of Migration
    rank: Mapped[int | None] = mapped_column(Integer, nullable=True)   # level of representation (core.LEVELS)
    delegation: Mapped[str] = mapped_column(String(200))            # State or organisation
    group: Mapped[str] = mapped_column(String(40))                  # a stakeholder group
    email: Mapped[str] = mapped_column(String(254))
    email_key: Mapped[str] = mapped_column(String(64), index=True)
    language: Mapped[str] = mapped_column(String(8))                # preferred: ar, en or fr
    gender: Mapped[str | None] = mapped_column(String(20), nullable=True)
    needs: Mapped[str] = mapped_column(String(1000), default="")    # accessibility needs, free text
    status: Mapped[str] = mapped_column(String(12), default="unconfirmed")
    token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, unique=True)
    token_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    source_key: Mapped[str] = mapped_column(String(64), default="", index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decision_reason: Mapped[str] = mapped_column(String(1000), default="")
    person_key: Mapped[str | None] = mapped_column(String(80), nullable=True)   # the person approval created


class RegistrationSettings(Base):
    """When the conference's registration page is open, and how long declined and unconfirmed
    registrations are kept. No row: registration is closed."""

    __tablename__ = "registration_settings"

    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"),
                                               primary_key=True, autoincrement=False)
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    retention_days: Mapped[int] = mapped_column(Integer, default=DEFAULT_RETENTION_DAYS)
    modified_at: Mapped[datetime] = mapped_column(UTCDateTime)
