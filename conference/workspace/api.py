"""The workspace's HTTP API (docs/http-api.md, "The secretariat's workspace").

Every route takes an organiser of the conference: an organiser's link (`Authorization: Bearer`)
or an organiser account signed in on this browser with the `X-CSRFToken` header on writes.
Views are thin: each route's guard (`conference.guard`) loads the conference (404) and asks
`speakers.policy` for the route's "workspace.*" action (401/403); the view calls
`conference.workspace.operations`, commits and answers. Every write is in the audit log (the
operations write it); every refusal is the API's JSON error.
This module holds the people, slot, session and booth routes; `api_links.py` and `api_records.py`
the rest, on the blueprint of `api_base.py`.
"""
from __future__ import annotations

from datetime import date, datetime

from flask import jsonify
from sqlalchemy import select

from conference import contract, queries
from conference.errors import MinbarError
from conference.guard import guarded
from conference.web import get_db
from conference.workspace import agenda_file, edits, operations
# The links and records routes join the same blueprint; app.py registers `bp` from here.
from conference.workspace import api_bulk, api_links, api_records  # noqa: F401
from conference.workspace.api_base import API, _body, _change, _changed_sessions, _commit_and_publish, bp
from speakers.models import Person
from timing.zones import to_zone

__all__ = ["bp", "person_json"]


# -- people ---------------------------------------------------------------------------------

def person_json(row: Person) -> dict:
    names = dict(row.names or {})
    return {"key": row.key, "name": names or {"": row.name}, "display_name": row.name,
            "title": row.title, "organisation": row.organisation, "delegation": row.delegation,
            "group": row.group, "language": row.language, "rank": row.rank,
            "gender": getattr(row, "gender", None), "email": getattr(row, "email", None)}


def _take_email(body: dict):
    """The optional "email" of a person (kept in the database only, not in the agenda file):
    absent -> leave it; null or "" -> none; else one checked address."""
    from conference.workspace.invitations import address

    if "email" not in body:
        return ...
    value = body.pop("email")
    return None if value in (None, "") else address(value, "email")


def _person(db, conf, key: str) -> Person:
    row = db.scalar(select(Person).where(Person.conference_id == conf.id, Person.key == key))
    if row is None:
        raise MinbarError("not_found", f"There is no person '{key}' in {conf.slug}.")
    return row


@bp.get(f"{API}/people")
@guarded("workspace.people")
def people(slug: str, access):
    db, conf = get_db(), access.conference
    rows = db.scalars(select(Person).where(Person.conference_id == conf.id).order_by(Person.id))
    return jsonify([person_json(r) for r in rows])


@bp.post(f"{API}/people")
@guarded("workspace.people")
def add_person(slug: str, access):
    db, conf, who = get_db(), access.conference, access.who
    body = _body()
    key = body.pop("key", None)
    if not isinstance(key, str) or not key.strip():
        raise MinbarError("bad_request", "A person needs a 'key' (lowercase letters, digits and hyphens).")
    key = key.strip()
    email = _take_email(body)
    _change(db, conf, who, "workspace.person.create",
            lambda s: edits.put_person(s, key, body, create=True), target=f"person:{key}")
    if email is not ...:
        _set_email(db, conf, who, key, email)
    db.commit()
    return jsonify(person_json(_person(db, conf, key))), 201


@bp.patch(f"{API}/people/<key>")
@guarded("workspace.people")
def edit_person(slug: str, key: str, access):
    db, conf, who = get_db(), access.conference, access.who
    body = _body()
    body.pop("key", None)
    email = _take_email(body)
    if email is not ... and not body:     # the address alone: not an agenda edit
        _set_email(db, conf, who, key, email)
        db.commit()
        return jsonify(person_json(_person(db, conf, key)))
    spec = _change(db, conf, who, "workspace.person.update",
                   lambda s: edits.put_person(s, key, body, create=False), target=f"person:{key}")
    if email is not ...:
        _set_email(db, conf, who, key, email)
    sessions = [i.id for i in spec.items
                if (i.chair and i.chair.person == key) or any(sl.speaker == key for sl in i.slots)]
    _commit_and_publish(db, slug, sessions)
    return jsonify(person_json(_person(db, conf, key)))


def _set_email(db, conf, who, key: str, email: str | None) -> None:
    """A person's address changed, audited (`workspace.person.email`)."""
    from conference import audit
    from conference.web import now
    from conference.workspace.access import actor

    row = _person(db, conf, key)
    if row.email != email:
        audit.record(db, conf, actor=actor(who), action="workspace.person.email", now=now(),
                     target=f"person:{key}", before={"email": row.email}, after={"email": email})
        row.email = email


# -- slots and sessions ---------------------------------------------------------------------

@bp.patch(f"{API}/sessions/<key>/slots/<slot>")
@guarded("workspace.schedule")
def edit_slot(slug: str, key: str, slot: str, access):
    db, conf, who = get_db(), access.conference, access.who
    body = _body()
    allowed = {"speaker", "minutes", "position", "language"}
    unknown = sorted(set(body) - allowed)
    if unknown or not body:
        raise MinbarError("bad_request", "Send one or more of: speaker, minutes, position, language.")
    for name in ("speaker", "language"):
        if name in body and body[name] is not None and not isinstance(body[name], str):
            raise MinbarError("bad_request", f"'{name}' should be a text or null.")
    kwargs = {name: body[name] for name in allowed if name in body}
    _change(db, conf, who, "workspace.slot.update",
            lambda s: edits.set_slot(s, key, slot, **kwargs), session=key, target=f"slot:{slot}")
    _commit_and_publish(db, slug, [key])
    return jsonify(contract.session(queries.item(db, conf, key), conf.timezone))


@bp.put(f"{API}/sessions/<key>/slot-order")
@guarded("workspace.schedule")
def reorder_slots(slug: str, key: str, access):
    """The session's slots in a new order: `{"slots": [every slot id, once]}`."""
    db, conf, who = get_db(), access.conference, access.who
    body = _body()
    if set(body) != {"slots"}:
        raise MinbarError("bad_request", "Send {\"slots\": [the session's slot ids in their new order]}.")
    queries.item(db, conf, key)   # 404 first
    _change(db, conf, who, "workspace.slot.reorder",
            lambda s: edits.reorder_slots(s, key, body["slots"]), session=key, target=f"session:{key}")
    _commit_and_publish(db, slug, [key])
    return jsonify(contract.session(queries.item(db, conf, key), conf.timezone))


def _wall(value, conf, name: str) -> tuple[date, datetime]:
    if not isinstance(value, str):
        raise MinbarError("bad_request", f"'{name}' should be an ISO 8601 date and time.")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise MinbarError("bad_request", f"'{name}' is not an ISO 8601 date and time: {value!r}.") from None
    if moment.tzinfo is not None:
        moment = to_zone(moment, conf.timezone)
    if moment.second or moment.microsecond:
        raise MinbarError("bad_request", f"'{name}' should be on a whole minute.")
    return moment.date(), moment.replace(tzinfo=None)


@bp.patch(f"{API}/sessions/<key>")
@guarded("workspace.schedule")
def edit_session(slug: str, key: str, access):
    db, conf, who = get_db(), access.conference, access.who
    body = _body()
    allowed = {"starts_at", "ends_at", "shift_following", "chair", "chair_title", "rapporteurs"}
    unknown = sorted(set(body) - allowed)
    if unknown or not body:
        raise MinbarError("bad_request", "Send one or more of: " + ", ".join(sorted(allowed)) + ".")
    shift = body.get("shift_following", False)
    if not isinstance(shift, bool):
        raise MinbarError("bad_request", "'shift_following' should be true or false.")
    queries.item(db, conf, key)   # 404 first

    def edit(spec):
        if "starts_at" in body or "ends_at" in body:
            day = start = end = None
            if "starts_at" in body:
                day, start_at = _wall(body["starts_at"], conf, "starts_at")
                start = start_at.time()
            if "ends_at" in body:
                end_day, end_at = _wall(body["ends_at"], conf, "ends_at")
                end = end_at.time()
                if day is not None and end_day != day:
                    raise MinbarError("bad_request", "A session starts and ends on the same day.")
                day = day or end_day
            spec = edits.move_item(spec, key, day=day, start=start, end=end, shift_following=shift)
        if "chair" in body or "chair_title" in body:
            person = body.get("chair")
            if person is not None and not isinstance(person, str):
                raise MinbarError("bad_request", "'chair' should be a person key or null.")
            current = next(i for i in spec.items if i.id == key).chair
            if "chair" not in body:
                person = current.person if current else None
            spec = edits.set_chair(spec, key, person, body.get("chair_title"))
        if "rapporteurs" in body:
            people = body["rapporteurs"]
            if not isinstance(people, list) or not all(isinstance(p, str) for p in people):
                raise MinbarError("bad_request", "'rapporteurs' should be a list of person keys.")
            spec = edits.set_rapporteurs(spec, key, people)
        return spec

    before = agenda_file.spec_from_db(db, conf)
    _change(db, conf, who, "workspace.session.update", edit, session=key, target=f"session:{key}")
    after = agenda_file.spec_from_db(db, conf)
    old, _new = operations.differences(before, after)
    _commit_and_publish(db, slug, _changed_sessions(old) or [key])
    return jsonify(contract.session(queries.item(db, conf, key), conf.timezone))


@bp.patch(f"{API}/booths/<language>")
@guarded("workspace.people")
def edit_booth(slug: str, language: str, access):
    db, conf, who = get_db(), access.conference, access.who
    people = _body().get("interpreters")
    if not isinstance(people, list) or not all(isinstance(p, str) for p in people):
        raise MinbarError("bad_request", "'interpreters' should be a list of person keys.")
    _change(db, conf, who, "workspace.booth.update",
            lambda s: edits.set_interpreters(s, language, people), target=f"booth:{language}")
    db.commit()
    return jsonify({"language": language, "interpreters": people})
