"""The list of speakers and focal points over HTTP (docs/http-api.md, "List of speakers").

| route | who |
|---|---|
| `GET …/sessions/<key>/speakers` | `speakers.read`: the list, its status and revision |
| `POST …/sessions/<key>/inscriptions` | `speakers.inscribe`: a focal point for its delegation |
| `PUT …/sessions/<key>/speakers/window` | `workspace.speakers`: inscription times, minutes |
| `POST …/sessions/<key>/speakers/confirm` | `workspace.speakers`: into the session's slots |
| `POST …/sessions/<key>/speakers/<entry>/move`, `/merge`, `/withdraw` | `workspace.speakers`, with a reason |
| `PUT …/sessions/<key>/speakers/<entry>/speech-text` | `speakers.inscribe` for the entry's delegation |
| `GET`, `POST …/focal-points`, `DELETE …/focal-points/<person>` | `workspace.speakers` |
| `GET …/delegations/<delegation>/registrations` | `registration.delegation`: a focal point's own |

Views are thin: the guard loads and asks the policy; the operations (`sessions.speakers_list.operations`,
`.inscriptions`) change, audit and refuse; the view commits and answers.
"""
from __future__ import annotations

from datetime import datetime

from flask import Blueprint, current_app, jsonify, request
from sqlalchemy import select

from conference import guard
from conference.errors import MinbarError
from conference.guard import guarded
from conference.web import get_db, now
from sessions.speakers_list import inscriptions, operations
from sessions.speakers_list.models import FocalPoint
from speakers.links import link_for
from speakers.models import Person
from timing.zones import get_zone

bp = Blueprint("speakers_list_api", __name__)
API = "/api/v1/conferences/<slug>"
SESSION = API + "/sessions/<key>"


def body() -> dict:
    found = request.get_json(silent=True)
    if not isinstance(found, dict):
        raise MinbarError("bad_request", "The body must be a JSON object (Content-Type: application/json).")
    return found


def delegation_scope(slug: str, key: str, **_rest) -> guard.Scope:
    """The session, and the delegation an inscription is for: the body's, else the caller's own."""
    scope = guard.session(slug, key)
    given = request.get_json(silent=True) if request.mimetype == "application/json" else request.form
    wanted = (given or {}).get("delegation") if hasattr(given, "get") else None
    return guard.Scope(slug, scope.conference, scope.item,
                       {"delegation": wanted if isinstance(wanted, str) and wanted else guard.caller().delegation})


def entry_scope(slug: str, key: str, entry: str, **_rest) -> guard.Scope:
    """An entry of the session's list (404 when unknown); the policy's context is its delegation."""
    scope = guard.session(slug, key)
    found = operations.find_entry(get_db(), scope.conference, scope.item, entry)
    return guard.Scope(slug, scope.conference, scope.item, {"delegation": found.delegation}, {"entry": found})


def registrations_scope(slug: str, delegation: str, **_rest) -> guard.Scope:
    scope = guard.conference(slug)
    return guard.Scope(slug, scope.conference, context={"delegation": delegation})


def iso(moment: datetime | None, zone: str) -> str | None:
    return moment.astimezone(get_zone(zone)).isoformat(timespec="seconds") if moment else None


def instant(value, zone: str, field: str) -> datetime | None:
    """An ISO 8601 instant; a wall time without an offset is in the conference's zone."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip()) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None:
        raise MinbarError("bad_request", f"'{field}' should be an ISO 8601 date and time.")
    return get_zone(zone).localize(moment) if moment.tzinfo is None else moment


def list_json(db, conf, item, row, at: datetime) -> dict:
    entries = operations.listed(row)
    people = {p.key: p for p in db.scalars(select(Person).where(
        Person.conference_id == conf.id, Person.key.in_([e.person_key for e in entries])))}
    from sessions.speakers_list.slots import slot_id

    return {
        "session": item.key, "status": operations.status(row, at),
        "revision": row.revision if row else 0,
        "confirmed_revision": row.confirmed_revision if row else None,
        "opens_at": iso(row.opens_at, conf.timezone) if row else None,
        "closes_at": iso(row.closes_at, conf.timezone) if row else None,
        "minutes": row.minutes if row else None,
        "entries": [{
            "id": e.id, "position": n, "person": e.person_key,
            "name": people[e.person_key].name if e.person_key in people else "",
            "delegation": e.delegation, "joint": list(e.joint or []), "group": e.group, "level": e.level,
            "language": e.language, "placed": e.placed, "slot": slot_id(item.key, e.key),
            "inscribed_at": iso(e.inscribed_at, conf.timezone)} for n, e in enumerate(entries)],
    }


@bp.get(SESSION + "/speakers")
@guarded("speakers.read", load=guard.session)
def speakers(slug: str, key: str, access):
    db = get_db()
    row = operations.get_list(db, access.conference, access.item)
    return jsonify(list_json(db, access.conference, access.item, row, now()))


@bp.post(SESSION + "/inscriptions")
@guarded("speakers.inscribe", load=delegation_scope)
def inscribe(slug: str, key: str, access):
    db, conf, item = get_db(), access.conference, access.item
    entry = inscriptions.inscribe(db, conf, item, body(), who=access.who,
                                  delegation=access.scope.context["delegation"],
                                  held_to_window=not access.may("workspace.speakers"), now=now(),
                                  instance=current_app.instance_path)
    db.commit()
    answer = list_json(db, conf, item, entry.list, now())
    answer["entry"] = entry.id
    return jsonify(answer), 201


@bp.put(SESSION + "/speakers/<entry>/speech-text")
@guarded("speakers.inscribe", load=entry_scope)
def entry_speech_text(slug: str, key: str, entry: str, access):
    """The statement's text of an entry, before (or after) the list is confirmed: kept for the slot
    the entry becomes (its `slot`), as any speech text, for the interpreters."""
    from sessions.booth import speech_texts
    from sessions.speakers_list.slots import slot_id

    db = get_db()
    given = body()
    row = speech_texts.save_in_advance(db, access.conference, access.item,
                                       slot_id(key, access.scope.loaded["entry"].key), given.get("text"),
                                       access.who, now())
    db.commit()
    return jsonify(speech_texts.to_contract(row, with_text=False))


@bp.put(SESSION + "/speakers/window")
@guarded("workspace.speakers", load=guard.session)
def window(slug: str, key: str, access):
    db, conf, item = get_db(), access.conference, access.item
    given = body()
    row = operations.set_window(db, conf, item, opens_at=instant(given.get("opens_at"), conf.timezone, "opens_at"),
                                closes_at=instant(given.get("closes_at"), conf.timezone, "closes_at"),
                                minutes=given.get("minutes"), now=now(), actor=access.who.label)
    db.commit()
    return jsonify(list_json(db, conf, item, row, now()))


@bp.post(SESSION + "/speakers/confirm")
@guarded("workspace.speakers", load=guard.session)
def confirm(slug: str, key: str, access):
    db, conf, item = get_db(), access.conference, access.item
    row, issued = inscriptions.confirm(db, conf, item, now=now(), actor=access.who.label,
                                       secret=current_app.config["SECRET_KEY"], instance=current_app.instance_path)
    db.commit()
    publish(slug, key)
    base = current_app.config.get("MINBAR_BASE_URL") or request.host_url
    answer = list_json(db, conf, item, row, now())
    answer["links"] = [{"person": person, "url": link_for(base, slug, "speaker", key, token)} for person, token in issued]
    return jsonify(answer)


def publish(slug: str, key: str) -> None:
    """The session's live pages (console, stage, booth) get the new slots at once."""
    from conference.publishing import publisher
    from sessions.live import operations as live_ops

    try:
        publisher().publish_state(slug, key, live_ops.current(get_db(), slug, key, now()))
    except MinbarError:
        pass


def _edit(slug: str, key: str, entry: str, access, change):
    db, conf, item = get_db(), access.conference, access.item
    given = body()
    row = change(db, conf, item, entry, given)
    db.commit()
    return jsonify(list_json(db, conf, item, row, now()))


@bp.post(SESSION + "/speakers/<entry>/move")
@guarded("workspace.speakers", load=guard.session)
def move(slug: str, key: str, entry: str, access):
    """`position` counts from 0; `place` (what the workspace page sends) from 1."""
    def place(given):
        wanted = given.get("place")
        if "position" in given or isinstance(wanted, bool) or not isinstance(wanted, int):
            return given.get("position")
        return wanted - 1

    return _edit(slug, key, entry, access, lambda db, conf, item, entry, given: operations.move(
        db, conf, item, entry, place(given), given.get("reason"), now=now(), actor=access.who.label))


@bp.post(SESSION + "/speakers/<entry>/merge")
@guarded("workspace.speakers", load=guard.session)
def merge(slug: str, key: str, entry: str, access):
    return _edit(slug, key, entry, access, lambda db, conf, item, entry, given: operations.merge(
        db, conf, item, entry, given.get("into"), given.get("reason"), now=now(), actor=access.who.label))


@bp.post(SESSION + "/speakers/<entry>/withdraw")
@guarded("workspace.speakers", load=guard.session)
def withdraw(slug: str, key: str, entry: str, access):
    return _edit(slug, key, entry, access, lambda db, conf, item, entry, given: operations.withdraw(
        db, conf, item, entry, given.get("reason"), now=now(), actor=access.who.label))


# -- focal points and their delegation's registrations ---------------------------------------------

def focal_json(row: FocalPoint) -> dict:
    return {"person": row.person_key, "delegation": row.delegation, "link": row.link_id}


@bp.get(API + "/focal-points")
@guarded("workspace.speakers")
def focal_points(slug: str, access):
    return jsonify([focal_json(r) for r in operations.focal_points(get_db(), access.conference)])


@bp.post(API + "/focal-points")
@guarded("workspace.speakers")
def name_focal_point(slug: str, access):
    db, conf = get_db(), access.conference
    given = body()
    person = given.get("person")
    if person is None and "registration" in given:
        person = operations.person_of_registration(db, conf, given["registration"])
    row, token = operations.name_focal_point(db, conf, person, now=now(),
                                             secret=current_app.config["SECRET_KEY"], actor=access.who.label)
    db.commit()
    base = current_app.config.get("MINBAR_BASE_URL") or request.host_url
    return jsonify({**focal_json(row), "url": link_for(base, slug, "focal_point", None, token)}), 201


@bp.delete(API + "/focal-points/<person>")
@guarded("workspace.speakers")
def remove_focal_point(slug: str, person: str, access):
    db = get_db()
    operations.remove_focal_point(db, access.conference, person, now=now(), actor=access.who.label)
    db.commit()
    return "", 204


@bp.get(API + "/delegations/<delegation>/registrations")
@guarded("registration.delegation", load=registrations_scope)
def delegation_registrations(slug: str, delegation: str, access):
    """The delegation's registrations, without e-mail addresses or accessibility needs."""
    from conference.registration.models import Registration

    rows = get_db().scalars(select(Registration).where(
        Registration.conference_id == access.conference.id, Registration.delegation == delegation,
        Registration.status != "unconfirmed").order_by(Registration.id))
    return jsonify([{"id": r.id, "name": r.name, "name_latin": r.name_latin, "title": r.title,
                     "function": r.function, "rank": r.rank, "delegation": r.delegation, "status": r.status,
                     "person": r.person_key} for r in rows])
