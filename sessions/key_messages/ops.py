"""Key-message operations: load, call the core (`sessions.key_messages.core`), persist, log.

Each function takes an SQLAlchemy session, the instant and the acting `Identity`; none touches Flask
or Socket.IO. The caller commits, then broadcasts what the result says changed. Refusals raise
`MinbarError` (unauthorized, forbidden, not_found, bad_request, conflict) and change nothing.

Saving locks the message row (`SELECT ... FOR UPDATE`; SQLite's BEGIN IMMEDIATE serialises writers
anyway), checks the base revision in the core, and inserts the next revision; the unique
(message, number) constraint turns any save that got past the lock into a conflict as well.

Operations never authorise: each HTTP route's guard (`conference.guard`, `sessions.key_messages.api`)
has asked `speakers.policy` before they run ("messages.write", "messages.translate",
"messages.read_drafts"), and tells the reads whether the caller sees drafts (`drafts`). Anyone
reads agreed messages, and an agreed message's versions (drafts included).

`version` of a session's key messages is the number of revisions of all its messages and of all
their versions: it grows by one with every saved revision, so a client that sees it jump knows it
missed an event.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from conference.errors import MinbarError
from conference.models import Conference
from sessions.key_messages import core as km
from sessions.key_messages import store
from sessions.live import operations
from sessions.live import presentation
from sessions.key_messages.models import KeyMessageRow, KeyMessageVersionRow
from sessions.live.state import Command
from sessions.models import AgendaItem, EventLog, LiveStateRow
from speakers.identity import Identity

CLIENT_KEY = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_ORDER = 1000


@dataclass(frozen=True)
class Written:
    """What a write did: the messages it changed (contract shape), the session's key-message
    version after it, and the presentation STATEs that moved with it, as (session id, STATE)."""

    messages: list[dict]
    version: int
    changed: bool
    presentations: list[tuple[str, dict]] = field(default_factory=list)
    translation: dict | None = None     # a version write: the version as the API shows it

    @property
    def message(self) -> dict:
        return self.messages[0]


# -- reading ---------------------------------------------------------------------------------

def list_messages(db: Session, slug: str, key: str, *, drafts: bool) -> list[dict]:
    """The session's key messages in order (position, then creation); drafts only with `drafts`."""
    conf, item = operations.find_item(db, slug, key)
    pairs = [(row, rev) for row, rev in store.current(db, conf.id, key) if drafts or rev.status == "agreed"]
    versions = store.versions(db, [row.pk for row, _rev in pairs])
    return [store.contract(row, rev, versions.get(row.pk, {})) for row, rev in pairs]


def get_message(db: Session, slug: str, key: str, mid: str, *, drafts: bool) -> dict:
    """One message; a draft is not_found without `drafts`."""
    conf, _item = operations.find_item(db, slug, key)
    found = [(row, rev) for row, rev in store.current(db, conf.id, key, mid)]
    if not found or (found[0][1].status != "agreed" and not drafts):
        raise MinbarError("not_found", f"There is no key message '{mid}' in this session.")
    row, rev = found[0]
    return store.contract(row, rev, store.versions(db, [row.pk]).get(row.pk, {}))


def history(db: Session, slug: str, key: str, mid: str) -> list[dict]:
    """Every revision of a message, oldest first: working text, shown to those who may read
    drafts (an agreed message's earlier wordings are drafts too)."""
    conf = operations.find_item(db, slug, key)[0]
    return km.history(store.load(db, conf.id, key, mid))


def version(db: Session, conference_id: int, key: str) -> int:
    originals = db.scalar(select(func.coalesce(func.sum(KeyMessageRow.revision), 0)).where(
        KeyMessageRow.conference_id == conference_id, KeyMessageRow.session_key == key)) or 0
    translations = db.scalar(select(func.count(KeyMessageVersionRow.pk)).join(
        KeyMessageRow, KeyMessageRow.pk == KeyMessageVersionRow.message_pk).where(
        KeyMessageRow.conference_id == conference_id, KeyMessageRow.session_key == key)) or 0
    return int(originals) + int(translations)


def agreed_in_conference(db: Session, conf: Conference) -> list[dict]:
    """Every agreed message of the conference: sessions in agenda order, then each session's order."""
    return [message for _item, messages in by_session(db, conf, include_drafts=False) for message in messages]


def by_session(db: Session, conf: Conference, include_drafts: bool) -> list[tuple[AgendaItem, list[dict]]]:
    """Every session in agenda order with its messages in order (agreed, and drafts if asked)."""
    items = list(db.scalars(select(AgendaItem).where(AgendaItem.conference_id == conf.id)
                            .order_by(AgendaItem.starts_at, AgendaItem.position)))
    messages: dict[str, list[dict]] = {item.key: [] for item in items}
    pairs = [(row, rev) for row, rev in store.current(db, conf.id)
             if (include_drafts or rev.status == "agreed") and row.session_key in messages]
    versions = store.versions(db, [row.pk for row, _rev in pairs])
    for row, rev in pairs:
        messages[row.session_key].append(store.contract(row, rev, versions.get(row.pk, {}), texts=True))
    return [(item, messages[item.key]) for item in items]


# -- writing ---------------------------------------------------------------------------------

def create(db: Session, slug: str, key: str, fields: dict, *, actor: Identity, now: datetime,
           client_key: str | None = None) -> Written:
    """A new message at revision 1; its position defaults to after the session's last message.

    With `client_key`, a create that was already done (a retry after a lost answer) returns the
    message it made, `changed` False, instead of making a second one.
    """
    conf, item = operations.find_item(db, slug, key)
    if client_key is not None and (not isinstance(client_key, str) or not CLIENT_KEY.match(client_key)):
        raise MinbarError("bad_request", "'client_key' must be 8 to 64 letters, digits, '-' or '_'.",
                          field="client_key")
    if not isinstance(fields, dict):
        raise MinbarError("bad_request", "The key message must be an object of fields.")
    fields = dict(fields)
    language = _original_language(conf, actor, fields.pop("language", None))
    if client_key:
        existing = store.by_client_key(db, conf.id, key, client_key)
        if existing is not None:
            return Written([get_message(db, slug, key, existing, drafts=True)], version(db, conf.id, key), False)
    current = store.current(db, conf.id, key)
    if "position" not in fields:
        fields = {**fields, "position": max((rev.position for _row, rev in current), default=-1) + 1}
    number = len(current) + 1
    for _attempt in range(20):
        mid = f"{key}-km-{number}"
        msg = km.create(mid, key, fields, _author(actor), now, language)
        try:
            with db.begin_nested():
                row = KeyMessageRow(id=mid, conference_id=conf.id, session_key=key, created_at=now,
                                    revision=1, client_key=client_key, language=language, text_revision=1)
                db.add(row)
                db.flush()
                db.add(store.revision_row(row.pk, msg.current))
                db.flush()
        except IntegrityError:
            if client_key:
                existing = store.by_client_key(db, conf.id, key, client_key)
                if existing is not None:
                    return Written([get_message(db, slug, key, existing, drafts=True)], version(db, conf.id, key), False)
            number += 1     # another rapporteur took this number a moment ago
            continue
        _log(db, conf, key, actor, now, "create", {"id": mid, "revision": 1})
        was_agreed = msg.current.status == "agreed"
        return Written([store.message(msg, {})], version(db, conf.id, key), True,
                       sync_presentations(db, conf, now) if was_agreed else [])
    raise MinbarError("conflict", "Could not find a free id for the key message; try again.")


def save(db: Session, slug: str, key: str, mid: str, base_revision, changes: dict, *,
         actor: Identity, now: datetime) -> Written:
    """A new revision with `changes` on top of `base_revision` (see `key_messages.save`): 409
    conflict, carrying `current` and `yours`, when the base is stale; unchanged (no revision, 200)
    when the changes are what the message already says."""
    conf, _item = operations.find_item(db, slug, key)
    return _save_text(db, conf, key, mid, None, actor, now, "save", {"base_revision": base_revision},
                      lambda msg, _original: km.save(msg, base_revision, changes, _author(actor), now))


def restore(db: Session, slug: str, key: str, mid: str, revision, base_revision, *,
            actor: Identity, now: datetime) -> Written:
    """A new revision copying revision `revision` (history is never rewritten)."""
    conf, _item = operations.find_item(db, slug, key)
    return _save_text(db, conf, key, mid, None, actor, now, "restore",
                      {"restored": revision, "base_revision": base_revision},
                      lambda msg, _original: km.restore(msg, revision, base_revision, _author(actor), now))


def reorder(db: Session, slug: str, key: str, order, *, actor: Identity, now: datetime) -> Written:
    """Put the listed messages first, in that order, the others after them in their present order;
    each message whose position changes gets a new revision. Returns those messages."""
    conf, _item = operations.find_item(db, slug, key)
    if (not isinstance(order, list) or len(order) > MAX_ORDER or not all(isinstance(m, str) for m in order)
            or len(set(order)) != len(order)):
        raise MinbarError("bad_request", "'order' must be a list of key message ids, each once.", field="order")
    current = [row.id for row, _rev in store.current(db, conf.id, key)]
    unknown = [m for m in order if m not in current]
    if unknown:
        raise MinbarError("not_found", f"There is no key message '{unknown[0]}' in this session.")
    wanted = order + [m for m in current if m not in order]
    rows = {row.id: row for row in db.scalars(
        select(KeyMessageRow).where(KeyMessageRow.conference_id == conf.id, KeyMessageRow.session_key == key)
        .order_by(KeyMessageRow.pk).with_for_update())}  # one lock order for every writer: no deadlock
    moved, agreed = [], False
    for position, mid in enumerate(wanted):
        msg = store.load(db, conf.id, key, mid)
        new = km.save(msg, msg.revision, {"position": position}, _author(actor), now)
        if new is not msg:
            store.insert(db, rows[mid], msg, {}, msg, new, None)
            moved.append(store.message(new, store.versions(db, [rows[mid].pk]).get(rows[mid].pk, {})))
            agreed = agreed or new.current.status == "agreed"
    if moved:
        _log(db, conf, key, actor, now, "reorder", {"order": wanted})
    return Written(moved, version(db, conf.id, key), bool(moved),
                   sync_presentations(db, conf, now) if agreed else [])


# -- versions in the other languages -------------------------------------------------------

def original_language(db: Session, conf: Conference, key: str, mid, language) -> str:
    """The language message `mid` was written in, asked about its `language`: not_found for a
    language the conference does not have, or for no such message."""
    _check_language(conf, language)
    return store.load(db, conf.id, key, mid).language


def get_version(db: Session, slug: str, key: str, mid: str, language: str, *, drafts: bool) -> dict:
    """One language of a message: the original (`original` true) or its version there. A draft
    (of the original or of the version) is not_found without `drafts`, and so is a version not
    written yet."""
    conf, _item = operations.find_item(db, slug, key)
    _check_language(conf, language)
    msg, row = store.load_with_row(db, conf.id, key, mid)
    if msg.current.status != "agreed" and not drafts:
        raise MinbarError("not_found", f"There is no key message '{mid}' in this session.")
    if language == msg.language:
        return km.original_as_version(msg)
    version_ = store.versions(db, [row.pk], language).get(row.pk, {}).get(language)
    if version_ is None or (version_.current.status != "agreed" and not drafts):
        raise MinbarError("not_found", f"Key message '{mid}' has no {language} version yet.")
    return km.version_contract(version_, msg.language, msg.text_revision)


def version_history(db: Session, slug: str, key: str, mid: str, language: str) -> list[dict]:
    conf, _item = operations.find_item(db, slug, key)
    _check_language(conf, language)
    msg, row = store.load_with_row(db, conf.id, key, mid)
    if language == msg.language:
        return km.history(msg)
    version_ = store.versions(db, [row.pk], language).get(row.pk, {}).get(language)
    return km.history(version_) if version_ else []


def save_version(db: Session, slug: str, key: str, mid: str, language: str, base_revision, changes: dict, *,
                 actor: Identity, now: datetime) -> Written:
    """A new revision of the message's version in `language` (`key_messages.save_version`);
    `translation` in the result is the version as the API shows it. In the original's own language
    this saves the original (text and status): the route asks for the right to write it."""
    conf, _item = operations.find_item(db, slug, key)
    _check_language(conf, language)
    if not isinstance(changes, dict):
        raise MinbarError("bad_request", "The version must be an object of fields.")
    unknown = sorted(str(name) for name in changes if name not in km.VERSION_FIELDS)
    if unknown:
        raise MinbarError("bad_request", f"Unknown field {', '.join(unknown)}; a version has text and status.",
                          field=unknown[0])
    msg = store.load(db, conf.id, key, mid)
    if language == msg.language:
        return _save_text(db, conf, key, mid, None, actor, now, "save", {"base_revision": base_revision},
                          lambda original, _same: km.save(original, base_revision, changes, _author(actor), now),
                          as_version=True)
    return _save_text(db, conf, key, mid, language, actor, now, "version",
                      {"language": language, "base_revision": base_revision},
                      lambda original, version_: km.save_version(version_, original, language, base_revision,
                                                                 changes, _author(actor), now))


def _save_text(db: Session, conf: Conference, key: str, mid: str, language: str | None, actor: Identity,
               now: datetime, action: str, logged: dict, apply, as_version: bool = False) -> Written:
    """The one save path of a revisioned text, the original (`language` None) or its version in
    `language`: lock the message, let the core apply its rule (`apply(message, text)` returns the
    text with the new revision, or the text itself when nothing changes), store the new revisions,
    log, and say what changed. `as_version` answers a save of the original through the versions'
    route with `translation` in the original's version shape."""
    msg, row = store.load_with_row(db, conf.id, key, mid, lock=True)
    versions = store.versions(db, [row.pk]).get(row.pk, {})
    text = msg if language is None else versions.get(language)
    try:
        new = apply(msg, text)
    except MinbarError as error:
        if error.code == "conflict" and language is None:
            error.extra["current"] = store.message(msg, versions)     # the message with its versions, as lists show it
        raise
    if new is not text:
        store.insert(db, row, msg, versions, text, new, language)
        _log(db, conf, key, actor, now, action, {"id": mid, "revision": new.revision, **logged,
                                                  **({"source_revision": msg.revision} if language else {})})
        versions = store.versions(db, [row.pk]).get(row.pk, {})
    original = msg if language is not None else new
    touches_agreed = "agreed" in (msg.current.status, original.current.status)
    if language is not None:
        translation = km.version_contract(new, msg.language, msg.text_revision)
    else:
        translation = km.original_as_version(original) if as_version else None
    return Written([store.message(original, versions)], version(db, conf.id, key), new is not text,
                   sync_presentations(db, conf, now) if touches_agreed and new is not text else [], translation)


def _check_language(conf: Conference, language) -> None:
    languages = list(conf.languages or km.LANGUAGES)
    if language not in languages:
        raise MinbarError("not_found", f"This conference has no language '{language}'; it has {', '.join(languages)}.")


# -- presentation ----------------------------------------------------------------------------

def sync_presentations(db: Session, conf: Conference, now: datetime, also: str | None = None) -> list[tuple[str, dict]]:
    """Bring the `presentation` part of the presentation sessions up to date with the agreed list.

    The presentation sessions are those of kind key_messages, those already showing a list, and
    `also` (the session a presentation page names). Returns (session id, STATE) for each that moved.
    """
    agreed = agreed_in_conference(db, conf)
    ids = [m["id"] for m in agreed]
    digest = hashlib.sha256(json.dumps([[m["id"], m["revision"], {k: v["revision"] for k, v in m["versions"].items()}]
                                        for m in agreed]).encode()).hexdigest()[:16]
    keys = set(db.scalars(select(AgendaItem.key).where(AgendaItem.conference_id == conf.id,
                                                        AgendaItem.kind == "key_messages")))
    for item_key, data in db.execute(select(AgendaItem.key, LiveStateRow.data).join(
            LiveStateRow, LiveStateRow.item_id == AgendaItem.id).where(AgendaItem.conference_id == conf.id)):
        shown = ((data or {}).get("parts") or {}).get("presentation") or {}
        if shown.get("ids") or shown.get("digest"):
            keys.add(item_key)
    if also:
        keys.add(also)
    system = Identity(role=presentation.SYSTEM_ROLE, conference=conf.slug, name="Minbar")
    moved = []
    for item_key in sorted(keys):
        command = Command("presentation", "sync", {"ids": ids, "digest": digest}, system)
        state, changed = operations.apply(db, conf.slug, item_key, command, now)
        if changed:
            moved.append((item_key, state))
    return moved


# -- helpers ---------------------------------------------------------------------------------

def _author(actor: Identity) -> str:
    return (actor.name or actor.role)[:200]


def _original_language(conf: Conference, actor: Identity, given) -> str:
    """A new message's original language: as given, else the author's link language, else the
    conference's first language."""
    languages = list(conf.languages or km.LANGUAGES)
    if given is None:
        if actor.language in languages:
            return actor.language
        return languages[0]
    if given not in languages:
        raise MinbarError("bad_request", f"'language' must be one of the conference's languages: {', '.join(languages)}.",
                          field="language")
    return given


def _log(db: Session, conf: Conference, key: str, actor: Identity, now: datetime, action: str, payload: dict) -> None:
    db.add(EventLog(conference_id=conf.id, session_key=key, at=now, actor=actor.label,
                    action=f"key_message.{action}", payload=payload))
