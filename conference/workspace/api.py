"""The workspace's HTTP API (docs/http-api.md, "The secretariat's workspace").

Every route takes an organiser of the conference: an organiser's link (`Authorization: Bearer`)
or an organiser account signed in on this browser with the `X-CSRFToken` header on writes.
Views are thin: each route's guard (`conference.guard`) loads the conference (404) and asks
`speakers.policy` for the route's "workspace.*" action (401/403); the view calls
`conference.workspace.operations`, commits and answers. Every
write is in the audit log (the operations write it); every refusal is the API's JSON error.
"""
from __future__ import annotations

from datetime import date, datetime

from flask import Blueprint, current_app, jsonify, make_response, request
from sqlalchemy import select

from conference import audit, contract, queries
from conference.errors import MinbarError
from conference.web import get_db, now, query_day
from conference.workspace import agenda_file, edits, operations
from conference.guard import Scope, guarded
from conference.workspace.access import actor
from speakers.access import withdraw_requests
from speakers.models import AccessToken, Person
from timing.zones import get_zone, to_zone

bp = Blueprint("workspace_api", __name__)
API = "/api/v1/conferences/<slug>"


@bp.record_once
def _setup(state) -> None:
    from conference.workspace import access

    access.init_app(state.app)
    # A wall-clock value for <input type="datetime-local">, in the conference's zone.
    state.app.jinja_env.filters["wall"] = lambda moment, zone: to_zone(moment, zone).strftime("%Y-%m-%dT%H:%M")


def _body() -> dict:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise MinbarError("bad_request", "The body must be a JSON object (Content-Type: application/json).")
    return body


def _instance():
    return current_app.instance_path


def _commit_and_publish(db, slug: str, sessions: list[str]) -> None:
    db.commit()
    _publish(slug, sessions)


def _publish(slug: str, sessions: list[str]) -> None:
    """The live pages of the changed sessions get a fresh STATE (their projections follow)."""
    if not sessions:
        return
    from conference.publishing import publisher
    from sessions import operations as live_ops

    db = get_db()
    for key in sessions:
        try:
            publisher().publish_state(slug, key, live_ops.current(db, slug, key, now()))
        except MinbarError:
            continue


def _changed_sessions(before: dict) -> list[str]:
    keys = set()
    for label in before:
        kind, _sep, key = label.partition(":")
        if kind == "session":
            keys.add(key)
    return sorted(keys)


def _change(db, conf, who, action: str, edit, session: str | None = None, target: str = ""):
    spec = operations.change(db, conf, now=now(), actor=actor(who), action=action, edit=edit,
                             instance=_instance(), session=session, target=target)
    return spec


# -- people ---------------------------------------------------------------------------------

def person_json(row: Person) -> dict:
    names = dict(row.names or {})
    return {"key": row.key, "name": names or {"": row.name}, "display_name": row.name,
            "title": row.title, "organisation": row.organisation, "delegation": row.delegation,
            "group": row.group, "language": row.language, "rank": row.rank,
            "gender": getattr(row, "gender", None)}


def _person(db, conf, key: str) -> Person:
    row = db.scalar(select(Person).where(Person.conference_id == conf.id, Person.key == key))
    if row is None:
        raise MinbarError("not_found", f"There is no person '{key}' in {conf.slug}.")
    return row


@bp.get(f"{API}/people")
@guarded("workspace.people")
def people(slug: str, access):
    db, conf, _who = get_db(), access.conference, access.who
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
    _change(db, conf, who, "workspace.person.create",
            lambda s: edits.put_person(s, key, body, create=True), target=f"person:{key}")
    db.commit()
    return jsonify(person_json(_person(db, conf, key))), 201


@bp.patch(f"{API}/people/<key>")
@guarded("workspace.people")
def edit_person(slug: str, key: str, access):
    db, conf, who = get_db(), access.conference, access.who
    body = _body()
    body.pop("key", None)
    spec = _change(db, conf, who, "workspace.person.update",
                   lambda s: edits.put_person(s, key, body, create=False), target=f"person:{key}")
    sessions = [i.id for i in spec.items
                if (i.chair and i.chair.person == key) or any(sl.speaker == key for sl in i.slots)]
    _commit_and_publish(db, slug, sessions)
    return jsonify(person_json(_person(db, conf, key)))


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


# -- links ----------------------------------------------------------------------------------

def link_json(row: AccessToken, zone: str) -> dict:
    def iso(moment):
        return contract.iso(moment, zone) if moment else None

    return {"id": row.id, "role": row.role, "session": row.session_key, "person": row.person_key,
            "name": row.name, "delegation": row.delegation, "booth": row.booth,
            "issued_at": iso(row.issued_at), "last_used_at": iso(getattr(row, "last_used_at", None)),
            "expires_at": iso(getattr(row, "expires_at", None)), "revoked_at": iso(row.revoked_at)}


def base_url() -> str:
    return current_app.config.get("MINBAR_BASE_URL") or request.host_url.rstrip("/")


@bp.get(f"{API}/links")
@guarded("workspace.links")
def links(slug: str, access):
    db, conf, _who = get_db(), access.conference, access.who
    rows = db.scalars(select(AccessToken).where(AccessToken.conference_id == conf.id)
                      .order_by(AccessToken.issued_at, AccessToken.id))
    return jsonify([link_json(r, conf.timezone) for r in rows])


@bp.post(f"{API}/links")
@guarded("workspace.links")
def issue_link(slug: str, access):
    from conference.workspace import links as link_ops

    db, conf, who = get_db(), access.conference, access.who
    body = _body()
    token, row = link_ops.issue(db, conf, body, now=now(), secret=current_app.config["SECRET_KEY"],
                                actor=actor(who))
    db.commit()
    from speakers.links import link_for

    answer = link_json(row, conf.timezone)
    answer.update(token=token, url=link_for(base_url(), slug, row.role, row.session_key, token))
    return jsonify(answer), 201


@bp.delete(f"{API}/links/<link_id>")
@guarded("workspace.links")
def revoke_link(slug: str, link_id: str, access):
    from conference.workspace import links as link_ops

    db, conf, who = get_db(), access.conference, access.who
    row = link_ops.revoke(db, conf, link_id, now=now(), actor=actor(who))
    withdrawn = withdraw_requests(db, row, now())   # its floor requests leave the lists at once
    _commit_and_publish(db, slug, withdrawn)
    return jsonify(link_json(row, conf.timezone))


# -- audit and balance ----------------------------------------------------------------------

def _instant(name: str, conf) -> datetime | None:
    value = (request.args.get(name) or "").strip()
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise MinbarError("bad_request", f"'{name}' is not an ISO 8601 instant.") from None
    if moment.tzinfo is None:
        moment = get_zone(conf.timezone).localize(moment)
    return moment


@bp.get(f"{API}/audit")
@guarded("workspace.audit")
def audit_log(slug: str, access):
    db, conf, _who = get_db(), access.conference, access.who
    found = audit.entries(db, conf, session=request.args.get("session") or None,
                          person=request.args.get("person") or None,
                          action=request.args.get("action") or None,
                          since=_instant("since", conf), until=_instant("until", conf))

    def iso(moment):
        return contract.iso(moment, conf.timezone)

    if request.args.get("format") == "csv":
        response = make_response(audit.to_csv(found, iso))
        response.headers["Content-Type"] = "text/csv; charset=utf-8"
        response.headers["Content-Disposition"] = f'attachment; filename="{slug}-audit.csv"'
        response.headers["Cache-Control"] = "no-store"
        return response
    return jsonify([e.to_contract(iso) for e in found])


@bp.get(f"{API}/balance")
@guarded("workspace.balance")
def balance_figures(slug: str, access):
    from sessions import balance
    from sessions.balance_query import turns

    db, conf, _who = get_db(), access.conference, access.who
    session = request.args.get("session") or None
    day = query_day()
    if session:
        queries.item(db, conf, session)
    result = balance.compute(balance.select(turns(db, conf, now()), session=session, day=day))
    if request.args.get("format") == "csv":
        response = make_response(balance.to_csv(result))
        response.headers["Content-Type"] = "text/csv; charset=utf-8"
        response.headers["Content-Disposition"] = f'attachment; filename="{slug}-balance.csv"'
        response.headers["Cache-Control"] = "no-store"
        return response
    return jsonify({"session": session, "day": day.isoformat() if day else None,
                    **{dim: [line.to_contract() for line in lines] for dim, lines in result.items()}})


# -- conferences: import, clone, export -----------------------------------------------------

def uploaded_agenda(**_rest) -> Scope:
    """The body, an agenda file (400 when it is not UTF-8); the policy is asked about its slug
    (None when the file does not parse: the import then answers with the findings)."""
    from conference.agenda.parse import parse_text

    try:
        text = request.get_data(cache=False, as_text=False).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MinbarError("bad_request", "The agenda file is not UTF-8 text.") from None
    spec, _findings = parse_text(text, "<upload>")
    return Scope(spec.slug if spec is not None else None, loaded={"text": text})


@bp.post("/api/v1/conferences")
@guarded("conference.create", load=uploaded_agenda)
def import_conference(access):
    db = get_db()
    conf = operations.import_agenda(db, access.scope.loaded["text"], now=now(), actor=actor(access.who),
                                    instance=_instance())
    _grant_clone(access.who, conf.slug)
    db.commit()
    return jsonify(contract.conference_summary(conf)), 201


@bp.post(f"{API}/clone")
@guarded("workspace.conferences")
def clone_conference(slug: str, access):
    db, conf, who = get_db(), access.conference, access.who
    body = _body()
    new_slug, first = body.get("slug"), body.get("first_day")
    if not isinstance(new_slug, str) or not isinstance(first, str):
        raise MinbarError("bad_request", "Send {\"slug\": NEW, \"first_day\": \"YYYY-MM-DD\"}.")
    try:
        first_day = date.fromisoformat(first)
    except ValueError:
        raise MinbarError("bad_request", "'first_day' should be a date written YYYY-MM-DD.") from None
    created = operations.clone_conference(db, conf, slug=new_slug.strip(), first_day=first_day, now=now(),
                                          actor=actor(who), instance=_instance())
    _grant_clone(who, created.slug)
    db.commit()
    return jsonify(contract.conference_summary(created)), 201


def _grant_clone(who, slug: str) -> None:
    """The account that imported or cloned a conference organises it."""
    from conference.workspace.access import signed_in_account
    from speakers.organiser_models import OrganiserAccount

    account = signed_in_account()
    if account is not None and not account.all_conferences:
        row = get_db().get(OrganiserAccount, account.id)
        row.conferences = sorted(set(row.conferences or []) | {slug})


@bp.get("/conferences/<slug>/agenda.toml")
@guarded("workspace.conferences")
def agenda_toml(slug: str, access):
    db, conf, _who = get_db(), access.conference, access.who
    response = make_response(agenda_file.export(db, conf))
    response.headers["Content-Type"] = "application/toml; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{slug}.toml"'
    response.headers["Cache-Control"] = "no-store"
    return response


# -- invitations ----------------------------------------------------------------------------

@bp.post(f"{API}/links/<link_id>/invitation")
@guarded("workspace.links")
def invite(slug: str, link_id: str, access):
    """E-mail a link to its holder: the link, their sessions in their language, the .ics."""
    from conference.i18n import LANGUAGES
    from conference.workspace import invitations
    from speakers.links import link_for
    from speakers.tokens import sign

    db, conf, who = get_db(), access.conference, access.who
    body = _body()
    to = body.get("to")
    if not isinstance(to, str) or "@" not in to or len(to) > 254 or any(c in to for c in "\r\n,;<>"):
        raise MinbarError("bad_request", "'to' should be one e-mail address.")
    row = db.get(AccessToken, link_id)
    if row is None or row.conference_id != conf.id:
        raise MinbarError("not_found", f"There is no link '{link_id}' in {slug}.")
    if row.revoked_at is not None:
        raise MinbarError("conflict", "This link has been revoked.")
    person = None
    if row.person_key:
        person = db.scalar(select(Person).where(Person.conference_id == conf.id, Person.key == row.person_key))
    language = body.get("language") or (person.language if person else None) or row.language \
        or (conf.languages[0] if conf.languages else "en")
    if language not in LANGUAGES:
        raise MinbarError("bad_request", f"'language' should be one of {', '.join(LANGUAGES)}.")
    name = (person.name_in(language) if person else "") or row.name
    token = sign(row.id, current_app.config["SECRET_KEY"])
    items = invitations.sessions_of(row.person_key, queries.agenda(db, conf), row.session_key)
    message = invitations.build(
        conf, items, to=to.strip(), name=name, language=language,
        link=link_for(base_url(), slug, row.role, row.session_key, token), base_url=base_url(),
        sender=current_app.config.get("MINBAR_MAIL_FROM") or "minbar@localhost",
        gender=person.gender if person else None)
    invitations.send(message, current_app.config.get("MINBAR_SMTP_URL"))
    audit.record(db, conf, actor=actor(who), action="workspace.link.invite", now=now(),
                 session=row.session_key, target=f"link:{row.id}", before=None,
                 after={"to": to.strip(), "language": language, "sessions": [i.key for i in items]})
    db.commit()
    return jsonify({"sent": True, "to": to.strip(), "language": language,
                    "sessions": [i.key for i in items]})
