"""Key messages in and out of the database: rows to the core's objects (`sessions.key_messages.core`)
and back, and the contract shapes lists and answers use. No authorisation, no refusal but
not_found, and conflict when another save's revision landed first (`insert`):
`sessions.key_messages.ops` decides, this reads, builds and stores.
"""
from __future__ import annotations

from sqlalchemy import and_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from conference.errors import MinbarError
from sessions.key_messages import core as km
from sessions.key_messages import markup
from sessions.key_messages import revisioned
from sessions.key_messages.models import KeyMessageRevisionRow, KeyMessageRow, KeyMessageVersionRow


def current(db: Session, conference_id: int, key: str | None = None, mid: str | None = None):
    """(message row, its current revision row) pairs in the session's order."""
    query = (select(KeyMessageRow, KeyMessageRevisionRow)
             .join(KeyMessageRevisionRow, and_(KeyMessageRevisionRow.message_pk == KeyMessageRow.pk,
                                               KeyMessageRevisionRow.number == KeyMessageRow.revision))
             .where(KeyMessageRow.conference_id == conference_id)
             .order_by(KeyMessageRevisionRow.position, KeyMessageRow.created_at, KeyMessageRow.pk))
    if key is not None:
        query = query.where(KeyMessageRow.session_key == key)
    if mid is not None:
        query = query.where(KeyMessageRow.id == mid)
    return [tuple(pair) for pair in db.execute(query)]


def by_client_key(db: Session, conference_id: int, key: str, client_key: str) -> str | None:
    return db.scalar(select(KeyMessageRow.id).where(
        KeyMessageRow.conference_id == conference_id, KeyMessageRow.session_key == key,
        KeyMessageRow.client_key == client_key))


def load(db: Session, conference_id: int, key: str, mid, lock: bool = False) -> km.KeyMessage:
    if not isinstance(mid, str):
        raise MinbarError("not_found", "There is no such key message in this session.")
    query = select(KeyMessageRow).where(KeyMessageRow.conference_id == conference_id,
                                        KeyMessageRow.session_key == key, KeyMessageRow.id == mid)
    row = db.scalar(query.with_for_update() if lock else query)
    if row is None:
        raise MinbarError("not_found", f"There is no key message '{mid}' in this session.")
    revisions = db.scalars(select(KeyMessageRevisionRow).where(KeyMessageRevisionRow.message_pk == row.pk)
                           .order_by(KeyMessageRevisionRow.number))
    return km.KeyMessage(row.id, row.session_key, tuple(revision_of(r) for r in revisions), row.language or "en")


def load_with_row(db: Session, conference_id: int, key: str, mid, lock: bool = False):
    msg = load(db, conference_id, key, mid, lock=lock)
    row = db.scalar(select(KeyMessageRow).where(KeyMessageRow.conference_id == conference_id,
                                                KeyMessageRow.session_key == key, KeyMessageRow.id == mid))
    return msg, row


def revision_row(message_pk: int, revision: km.Revision) -> KeyMessageRevisionRow:
    return KeyMessageRevisionRow(
        message_pk=message_pk, number=revision.number, text=revision.text,
        objectives=list(revision.objectives), principles=list(revision.principles),
        status=revision.status, group=revision.group, position=revision.position,
        author=revision.author, saved_at=revision.saved_at)


def version_row(message_pk: int, language: str, revision: km.VersionRevision) -> KeyMessageVersionRow:
    return KeyMessageVersionRow(
        message_pk=message_pk, language=language, number=revision.number, text=revision.text,
        status=revision.status, source_revision=revision.source_revision, author=revision.author,
        saved_at=revision.saved_at)


def revision_of(row: KeyMessageRevisionRow) -> km.Revision:
    return km.Revision(number=row.number, text=row.text, objectives=tuple(row.objectives or ()),
                       principles=tuple(row.principles or ()), status=row.status, group=row.group,
                       position=row.position, author=row.author, saved_at=row.saved_at)


def contract(row: KeyMessageRow, rev: KeyMessageRevisionRow, versions: dict[str, km.Version],
             texts: bool = False) -> dict:
    """The message's contract, with `language` and `versions` ({language: summary}; with `texts`,
    the summary of an agreed version also carries its `text`, for the outcome and presentation)."""
    shown = km.revision_contract(row.id, row.session_key, revision_of(rev))
    return with_versions(shown, row.language or "en", row.text_revision or 1, versions, texts)


def message(msg: km.KeyMessage, versions: dict[str, km.Version]) -> dict:
    return with_versions(km.to_contract(msg), msg.language, msg.text_revision, versions, False)


def with_versions(contract: dict, language: str, text_revision: int, versions: dict[str, km.Version],
                  texts: bool) -> dict:
    summaries = {}
    for lang_code in sorted(versions):
        summary = km.version_summary(versions[lang_code], text_revision)
        if texts and summary["status"] == "agreed":     # an agreed wording is public; drafts never travel in lists
            summary["text"] = versions[lang_code].current.text
            summary["html"] = markup.render_html(summary["text"])
        summaries[lang_code] = summary
    return {**contract, "language": language, "versions": summaries}


def versions(db: Session, pks: list[int], language: str | None = None) -> dict[int, dict[str, km.Version]]:
    """{message pk: {language: Version}} for the given messages (every revision, oldest first)."""
    found: dict[int, dict[str, list[KeyMessageVersionRow]]] = {}
    ids: dict[int, str] = {}
    for chunk in range(0, len(pks), 500):
        query = (select(KeyMessageVersionRow, KeyMessageRow.id)
                 .join(KeyMessageRow, KeyMessageRow.pk == KeyMessageVersionRow.message_pk)
                 .where(KeyMessageVersionRow.message_pk.in_(pks[chunk:chunk + 500]))
                 .order_by(KeyMessageVersionRow.message_pk, KeyMessageVersionRow.language, KeyMessageVersionRow.number))
        if language is not None:
            query = query.where(KeyMessageVersionRow.language == language)
        for vrow, mid in db.execute(query):
            ids[vrow.message_pk] = mid
            found.setdefault(vrow.message_pk, {}).setdefault(vrow.language, []).append(vrow)
    return {pk: {lang_code: version_of(ids[pk], rows) for lang_code, rows in by_lang.items()}
            for pk, by_lang in found.items()}


def version_of(mid: str, rows: list[KeyMessageVersionRow]) -> km.Version:
    return km.Version(mid, rows[0].language, tuple(
        km.VersionRevision(number=r.number, text=r.text, status=r.status, source_revision=r.source_revision,
                           author=r.author, saved_at=r.saved_at) for r in rows))


def insert(db: Session, row: KeyMessageRow, msg: km.KeyMessage, loaded: dict[str, km.Version],
           text, new, language: str | None) -> None:
    """Store the revisions `new` has beyond `text` (the original's, or a version's in `language`)."""
    known = len(text.revisions) if text is not None else 0
    try:
        with db.begin_nested():
            for revision in new.revisions[known:]:
                db.add(revision_row(row.pk, revision) if language is None
                       else version_row(row.pk, language, revision))
            if language is None:
                row.revision = new.revision
                row.text_revision = new.text_revision
            db.flush()
    except IntegrityError:
        # Someone else's revision with this number landed first: theirs stands, ours is refused.
        db.expire_all()
        yours = revisioned.json_shaped(new.current.fields())
        if language is None:
            theirs = load(db, row.conference_id, row.session_key, row.id)
            raise revisioned.conflict(theirs, yours, msg.revision, message(theirs, loaded)) from None
        theirs = versions(db, [row.pk], language)[row.pk][language]
        shown = km.version_contract(theirs, msg.language, msg.text_revision)
        raise revisioned.conflict(theirs, yours, known, shown) from None
