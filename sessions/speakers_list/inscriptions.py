"""Inscriptions on a list of speakers and their confirmation into the session's slots (layer 3).

`inscribe`: a focal point (or the secretariat) puts a speaker of a delegation on a session's list,
with the level of representation and the language of the statement, within the inscription window
(the secretariat is not held to it), optionally with the statement's text (kept for the slot the
entry becomes, `sessions.booth.speech_texts.save_in_advance`). A speaker not yet known is created
as a person of that delegation, through the agenda engine like any new person.

`confirm`: the list's entries become the session's statement slots (`sessions.speakers_list.slots`)
through `conference.workspace.operations.change` (validated, loaded, audited, filed), every speaker
gets a speaker link for the session unless they hold one, and the session's calendar event moves on
(a later LAST-MODIFIED, hence a higher SEQUENCE). Nothing is authorised here; the caller commits.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conference import audit
from conference.agenda import guard
from conference.errors import MinbarError
from conference.models import Conference
from conference.workspace import agenda_file, edits, links, operations
from sessions.booth import speech_texts
from sessions.models import AgendaItem
from sessions.speakers_list import order as protocol
from sessions.speakers_list import slots as list_slots
from sessions.speakers_list.models import ListEntry
from sessions.speakers_list.operations import _apply, _core, get_list, is_open, listed
from speakers.identity import Identity
from speakers.models import AccessToken, Person

FIELDS = ("person", "name", "level", "language", "text", "delegation", "group")


def _new_person(db: Session, conf: Conference, name, *, delegation: str, group: str, language: str,
                level: str, now: datetime, actor: str, instance) -> str:
    if isinstance(name, str):
        name = {"": name}
    if (not isinstance(name, dict) or not name
            or not all(isinstance(v, str) and v.strip() and guard.single_line(v) for v in name.values())):
        raise MinbarError("bad_request", "'name' should be the speaker's name: a text, or texts per language.")
    key = f"speaker-{secrets_hex()}"
    fields = {"name": name, "delegation": delegation, "group": group, "language": language,
              "rank": protocol.level_rank(level) + 1}
    operations.change(db, conf, now=now, actor=actor, action="workspace.person.create",
                      edit=lambda s: edits.put_person(s, key, fields, create=True),
                      instance=instance, target=f"person:{key}")
    return key


def secrets_hex() -> str:
    import secrets

    return secrets.token_hex(4)


def inscribe(db: Session, conf: Conference, item: AgendaItem, body: dict, *, who: Identity, delegation: str,
             held_to_window: bool, now: datetime, instance) -> ListEntry:
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        raise MinbarError("bad_request", f"Unknown field(s): {', '.join(unknown)}.")
    row = get_list(db, conf, item, lock=True)
    if held_to_window and (row is None or not is_open(row, now)):
        raise MinbarError("closed", "Inscription on this list of speakers is not open now.")
    if not isinstance(delegation, str) or not delegation.strip():
        raise MinbarError("bad_request", "Name the 'delegation' the speaker speaks for.")
    level, language = body.get("level"), body.get("language")
    actor = who.label
    person_key = body.get("person")
    person = None
    if person_key is not None:
        person = db.scalar(select(Person).where(Person.conference_id == conf.id, Person.key == person_key))
        if person is None:
            raise MinbarError("not_found", f"There is no person '{person_key}' in {conf.slug}.")
        if person.delegation != delegation:
            raise MinbarError("forbidden", f"{person.name} is not of the delegation of {delegation}.")
        # The level a registration gave (its rank, 1 = Head of State or Government) when none is named.
        if level is None and person.rank is not None and 1 <= person.rank <= len(protocol.LEVELS):
            level = protocol.LEVELS[person.rank - 1]
        language = language or person.language
    if level not in protocol.LEVELS:
        raise MinbarError("bad_request", f"'level' should be one of {', '.join(protocol.LEVELS)}.")
    if language not in conf.languages:
        raise MinbarError("bad_request", f"'language' should be one of {', '.join(conf.languages)}.")
    if person is not None:
        group = person.group
    else:
        # A focal point's new speaker is of the focal point's own group; only the secretariat names one.
        given = body.get("group") if isinstance(body.get("group"), str) and body.get("group") else "other"
        group = who.group if who.delegation == delegation else given
        person_key = _new_person(db, conf, body.get("name"), delegation=delegation, group=group,
                                 language=language, level=level, now=now, actor=actor, instance=instance)
    if "text" in body and body["text"] not in (None, ""):
        speech_texts.clean(body["text"])       # refused before anything is written
    row = get_list(db, conf, item, now=now, lock=True)
    if any(e.person_key == person_key for e in listed(row)):
        raise MinbarError("conflict", "This speaker is already on the list of speakers.")
    seq = (db.scalar(select(func.max(ListEntry.seq)).where(ListEntry.list_id == row.id)) or 0) + 1
    entry = ListEntry(list=row, person_key=person_key, delegation=delegation, group=group, level=level,
                      language=language, seq=seq, position=len(listed(row)), placed=False, after="",
                      status="listed", joint=[], inscribed_at=now, inscribed_by=actor[:200])
    db.add(entry)
    db.flush()
    _apply(row, protocol.order([_core(e) for e in listed(row)]), now)
    if body.get("text"):
        speech_texts.save_in_advance(db, conf, item, list_slots.slot_id(item.key, entry.key), body["text"], who, now)
    audit.record(db, conf, actor=actor, action="speakers.inscribe", now=now, session=item.key,
                 target=f"speakers:{item.key}:{entry.id}", before=None,
                 after={"person": person_key, "delegation": delegation, "level": level, "language": language,
                        "position": entry.position, "revision": row.revision})
    return entry


def confirm(db: Session, conf: Conference, item: AgendaItem, *, now: datetime, actor: str, secret: str,
            instance) -> tuple[object, list[tuple[str, str]]]:
    """The list into the session's slots; returns the list and the speaker links issued
    [(person key, token)]. Refuses an empty list and one longer than the session's time."""
    row = get_list(db, conf, item, lock=True)
    entries = listed(row)
    if not entries:
        raise MinbarError("bad_request", "The list of speakers is empty: there is nothing to confirm.")
    statements = [list_slots.Statement(
        entry=e.key, speaker=e.person_key, language=e.language,
        role={lang: ", ".join([e.delegation, *(e.joint or [])]) for lang in conf.languages}) for e in entries]

    def edit(spec):
        items = list(spec.items)
        n = next(n for n, i in enumerate(items) if i.id == item.key)
        items[n] = list_slots.with_statements(items[n], statements, row.minutes)
        return replace(spec, items=tuple(items))

    operations.change(db, conf, now=now, actor=actor, action="speakers.confirm", edit=edit, instance=None,
                      session=item.key, target=f"speakers:{item.key}@{row.revision}")
    # The speakers are part of the calendar event's description: it moves on.
    item.modified_at = now if item.modified_at is None or now > item.modified_at else item.modified_at + timedelta(seconds=1)
    db.flush()
    if instance is not None:
        agenda_file.write_copy(instance, agenda_file.spec_from_db(db, conf))
    issued = []
    for person_key in dict.fromkeys(e.person_key for e in entries):
        held = db.scalar(select(AccessToken.id).where(
            AccessToken.conference_id == conf.id, AccessToken.role == "speaker", AccessToken.person_key == person_key,
            AccessToken.session_key == item.key, AccessToken.revoked_at.is_(None)))
        if held is None:
            token, _link = links.issue(db, conf, {"role": "speaker", "session": item.key, "person": person_key},
                                       now=now, secret=secret, actor=actor)
            issued.append((person_key, token))
    row.confirmed_revision, row.confirmed_at = row.revision, now
    return row, issued
