"""Key messages in the database: one row per message, one append-only row per revision.

`KeyMessageRow.language` is the original's language; `KeyMessageVersionRow` holds the revisions of
its versions in the other languages (append-only too, unique per message, language and number).
`text_revision` is the revision at which the original's current text was first saved: a version
whose latest revision was made from an earlier one is out of date.

`KeyMessageRow.id` is the readable id the API and the pages use (`plenary-1-km-3`), unique within
its conference; `pk` is only for joins. `revision` is the number of the message's latest revision,
kept on the message row so lists read one revision per message.

Revisions are never updated or deleted. The unique constraint on (message, number) is the last line
of defence against a lost edit: even if two saves from the same base got past the row lock
(`SELECT ... FOR UPDATE` on the message in `sessions.key_messages.ops`), only one of them can insert
revision n+1; the other fails and is answered as a conflict.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from conference.db import Base, UTCDateTime


class KeyMessageRow(Base):
    __tablename__ = "key_messages"
    __table_args__ = (
        UniqueConstraint("conference_id", "id", name="uq_key_messages_id"),
        UniqueConstraint("conference_id", "session_key", "client_key", name="uq_key_messages_client_key"),
    )

    pk: Mapped[int] = mapped_column(primary_key=True)
    id: Mapped[str] = mapped_column(String(120))                # readable, stable: "plenary-1-km-3"
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    session_key: Mapped[str] = mapped_column(String(80), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revision: Mapped[int] = mapped_column(Integer, default=1)    # the current revision's number
    language: Mapped[str] = mapped_column(String(5), default="en", server_default="en")  # the original's
    text_revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # Set by a client that may retry a create it never saw acknowledged: the retry finds this row
    # instead of creating the message twice. Null for creates without one.
    client_key: Mapped[str | None] = mapped_column(String(64), nullable=True)

    revisions: Mapped[list["KeyMessageRevisionRow"]] = relationship(
        back_populates="message", order_by="KeyMessageRevisionRow.number",
        cascade="all, delete-orphan", passive_deletes=True,
    )


class KeyMessageRevisionRow(Base):
    """One saved state of a key message (append-only): every field as it stood after that save."""

    __tablename__ = "key_message_revisions"
    __table_args__ = (UniqueConstraint("message_pk", "number", name="uq_key_message_revisions_number"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    message_pk: Mapped[int] = mapped_column(ForeignKey("key_messages.pk", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    objectives: Mapped[list] = mapped_column(JSON, default=list)
    principles: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(10))
    group: Mapped[str | None] = mapped_column("stakeholder_group", String(200), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    author: Mapped[str] = mapped_column(String(200))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)

    message: Mapped[KeyMessageRow] = relationship(back_populates="revisions")


class KeyMessageVersionRow(Base):
    """One saved state of a message's version in another language (append-only)."""

    __tablename__ = "key_message_versions"
    __table_args__ = (UniqueConstraint("message_pk", "language", "number", name="uq_key_message_versions_number"),)

    pk: Mapped[int] = mapped_column(primary_key=True)
    message_pk: Mapped[int] = mapped_column(ForeignKey("key_messages.pk", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(5))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10))
    source_revision: Mapped[int] = mapped_column(Integer)     # the original's revision it was made from
    author: Mapped[str] = mapped_column(String(200))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)
