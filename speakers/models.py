"""People and access: who speaks, chairs, reports and interprets, and the links they sign in with."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from conference.db import Base, ConferenceKeyed, UTCDateTime


class Person(ConferenceKeyed, Base):
    __tablename__ = "people"
    name: Mapped[str] = mapped_column(String(200))
    names: Mapped[dict] = mapped_column(JSON, default=dict)   # per language, when it differs
    title: Mapped[str] = mapped_column(String(200), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    delegation: Mapped[str] = mapped_column(String(200), default="")
    group: Mapped[str] = mapped_column(String(40), default="other")
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    rank: Mapped[int | None] = mapped_column(Integer, nullable=True)
    gender: Mapped[str | None] = mapped_column(String(20), nullable=True)   # for balance figures
    # Where invitations go (the workspace's people page); never in the agenda file or a public answer.
    email: Mapped[str | None] = mapped_column(String(254), nullable=True)

    def name_in(self, language: str) -> str:
        return (self.names or {}).get(language) or self.name

    def to_contract(self) -> dict:
        return {
            "id": self.key, "name": self.name, "names": self.names or {}, "title": self.title,
            "organisation": self.organisation, "delegation": self.delegation,
            "group": self.group, "language": self.language,
        }


class AccessToken(Base):
    """An issued sign-in link. The token itself is signed; this row lets it be revoked."""

    __tablename__ = "access_tokens"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)   # the token's jti
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))
    session_key: Mapped[str | None] = mapped_column(String(80), nullable=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    delegation: Mapped[str] = mapped_column(String(200), default="")
    group: Mapped[str] = mapped_column(String(40), default="other")
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    booth: Mapped[str | None] = mapped_column(String(8), nullable=True)
    person_key: Mapped[str | None] = mapped_column(String(80), nullable=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)     # None: no expiry
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)   # at most a minute stale

    def refusal(self, now: datetime) -> str | None:
        """Why this link may not act at `now` (revoked, expired), or None when it may."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at is not None and now >= self.expires_at:
            return "expired"
        return None
