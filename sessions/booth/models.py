"""Speech texts in the database: the text of a statement, given in advance for interpreters.

Append-only: every upload is a new row with the next `revision` for its slot, and the latest
revision is the one shown. Nothing is overwritten, so an upload never loses an earlier one and the
secretariat can see what was sent when. The unique constraint on (conference, slot, revision) makes
two uploads racing from the same revision fail one of them instead of both claiming the number.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from conference.db import Base, UTCDateTime


class SpeechText(Base):
    __tablename__ = "speech_texts"
    __table_args__ = (UniqueConstraint("conference_id", "slot_key", "revision", name="uq_speech_texts_revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"))
    session_key: Mapped[str] = mapped_column(String(80), index=True)
    slot_key: Mapped[str] = mapped_column(String(120), index=True)
    text: Mapped[str] = mapped_column(Text)
    uploaded_by: Mapped[str] = mapped_column(String(200))        # the actor, as the event log names it
    uploader: Mapped[str] = mapped_column(String(200), default="")  # the name shown (or the role)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revision: Mapped[int] = mapped_column(Integer)
