"""Speech texts (layer 3): a statement's text uploaded in advance, for the interpreters.

Takes an SQLAlchemy session, the instant and the actor; never touches Flask. Who may upload or
read is `speakers.policy` (`speech_text.upload`, `speech_text.read`); the transports
check it. Every upload is a new revision (see `sessions.booth.models`) and is logged.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from conference.errors import MinbarError
from conference.models import Conference
from sessions.models import AgendaItem, EventLog, Slot
from sessions.booth.models import SpeechText

MAX_CHARS = 50_000


def problem(text) -> str | None:
    """Why `text` cannot be stored ("not_text", "nul", "empty", "too_long"), or None."""
    if not isinstance(text, str):
        return "not_text"
    text = _normalise(text)
    if "\x00" in text:
        return "nul"
    if not text:
        return "empty"
    if len(text) > MAX_CHARS:
        return "too_long"
    return None


PROBLEMS = {
    "not_text": "'text' must be a string.",
    "nul": "The text must not contain NUL characters.",
    "empty": "The text is empty.",
    "too_long": f"The text is too long: at most {MAX_CHARS} characters.",
}


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def clean(text) -> str:
    """The text as stored: line ends made \\n, outer blank space trimmed. Refuses what is not
    plain text, is empty, or is longer than MAX_CHARS (`bad_request`, see `problem`)."""
    found = problem(text)
    if found is not None:
        raise MinbarError("bad_request", PROBLEMS[found])
    return _normalise(text)


def find_slot(item: AgendaItem, slot_key: str) -> Slot:
    slot = next((s for s in item.slots if s.key == slot_key), None)
    if slot is None:
        raise MinbarError("not_found", f"There is no slot '{slot_key}' in this session.")
    return slot


def latest(db: Session, conf: Conference, slot_key: str) -> SpeechText | None:
    return db.scalar(select(SpeechText)
                     .where(SpeechText.conference_id == conf.id, SpeechText.slot_key == slot_key)
                     .order_by(SpeechText.revision.desc()).limit(1))


def latest_for_session(db: Session, conf: Conference, item: AgendaItem) -> dict[str, SpeechText]:
    """The latest revision of every slot of the session that has a text, by slot id."""
    newest = (select(SpeechText.slot_key, func.max(SpeechText.revision).label("revision"))
              .where(SpeechText.conference_id == conf.id, SpeechText.session_key == item.key)
              .group_by(SpeechText.slot_key).subquery())
    rows = db.scalars(select(SpeechText).join(
        newest, (SpeechText.slot_key == newest.c.slot_key) & (SpeechText.revision == newest.c.revision))
        .where(SpeechText.conference_id == conf.id))
    return {row.slot_key: row for row in rows}


def save(db: Session, conf: Conference, item: AgendaItem, slot_key: str, text, actor,
         now: datetime) -> SpeechText:
    """Store `text` as the slot's next revision and log it. Two uploads racing for one revision
    number: the loser retries with the next number, so neither is lost."""
    slot = find_slot(item, slot_key)
    return _store(db, conf, item, slot.key, text, actor, now)


def save_in_advance(db: Session, conf: Conference, item: AgendaItem, slot_key: str, text, actor,
                    now: datetime) -> SpeechText:
    """`save` for a slot the session does not have yet: the one a list of speakers' entry becomes
    when the list is confirmed (`sessions.speakers_list.slots.slot_id`); the booth shows it then."""
    return _store(db, conf, item, slot_key, text, actor, now)


def _store(db: Session, conf: Conference, item: AgendaItem, slot_key: str, text, actor,
           now: datetime) -> SpeechText:
    text = clean(text)
    for _attempt in range(5):
        current = db.scalar(select(func.max(SpeechText.revision))
                            .where(SpeechText.conference_id == conf.id, SpeechText.slot_key == slot_key)) or 0
        row = SpeechText(conference_id=conf.id, session_key=item.key, slot_key=slot_key, text=text,
                         uploaded_by=actor.label[:200], uploader=(actor.name or actor.role)[:200],
                         uploaded_at=now, revision=current + 1)
        try:
            with db.begin_nested():
                db.add(row)
        except IntegrityError:
            continue
        db.add(EventLog(conference_id=conf.id, session_key=item.key, at=now, actor=actor.label[:200],
                        action="speech_text.upload",
                        payload={"slot": slot_key, "revision": row.revision, "chars": len(text)}))
        db.flush()
        return row
    raise MinbarError("conflict", "Several texts were uploaded at once; try again.")


def to_contract(row: SpeechText, with_text: bool = True) -> dict:
    data = {"slot": row.slot_key, "session": row.session_key, "revision": row.revision,
            "uploaded_by": row.uploader, "uploaded_at": row.uploaded_at.isoformat(timespec="seconds"),
            "chars": len(row.text)}
    if with_text:
        data["text"] = row.text
    return data
