"""Organiser accounts (e-mail and password) and the sign-in attempts that rate-limit them."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from conference.db import Base, UTCDateTime


class OrganiserAccount(Base):
    """A secretariat member who signs in with a password. `conferences` lists the slugs they
    organise; `all_conferences` grants every conference of the server."""

    __tablename__ = "organiser_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    conferences: Mapped[list] = mapped_column(JSON, default=list)
    all_conferences: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SignInFailure(Base):
    """One failed sign-in, under the account's key and the address's: a store every server
    process shares, so the limit holds across processes."""

    __tablename__ = "sign_in_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(300), index=True)   # "account:<email>" or "address:<ip>"
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class BrowserSession(Base):
    """One signed-in browser, server-side: the session cookie names it (by a secret whose SHA-256
    alone is stored here), so signing out, revoking the link, disabling the account or ending it
    from another browser ends every copy of that cookie at once (`speakers.session_records`)."""

    __tablename__ = "browser_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)     # what pages and the API show
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(10))                  # "link" or "account"
    link_id: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    account_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)   # at most a minute stale
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    address: Mapped[str] = mapped_column(String(64), default="")
    user_agent: Mapped[str] = mapped_column(String(300), default="")
