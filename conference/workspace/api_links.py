"""The workspace API's links: list, issue, revoke, and e-mail one to its holder (an invitation)."""
from __future__ import annotations

from flask import current_app, jsonify, request
from sqlalchemy import select

from conference import audit, contract, queries
from conference.errors import MinbarError
from conference.guard import guarded
from conference.web import get_db, now
from conference.workspace.access import actor
from conference.workspace.api_base import API, _body, _commit_and_publish, bp
from speakers.access import withdraw_requests
from speakers.models import AccessToken, Person


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
    db, conf = get_db(), access.conference
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


@bp.post(f"{API}/links/<link_id>/invitation")
@guarded("workspace.links")
def invite(slug: str, link_id: str, access):
    """E-mail a link to its holder: the link, their sessions in their language, the .ics."""
    from conference.workspace import invitations

    db, conf, who = get_db(), access.conference, access.who
    body = _body()
    to = invitations.address(body.get("to"))
    row = db.get(AccessToken, link_id)
    if row is None or row.conference_id != conf.id:
        raise MinbarError("not_found", f"There is no link '{link_id}' in {slug}.")
    if row.revoked_at is not None:
        raise MinbarError("conflict", "This link has been revoked.")
    language, items = send_invitation(db, conf, row, to, body.get("language"), actor(who))
    db.commit()
    return jsonify({"sent": True, "to": to, "language": language, "sessions": [i.key for i in items]})


def send_invitation(db, conf, row: AccessToken, to: str, language: str | None, by: str,
                    person: Person | None = None, items=None):
    """Build and send one invitation for the link `row` to `to` (audited as
    `workspace.link.invite`); its language and sessions. Refuses before sending anything wrong."""
    from conference.i18n import LANGUAGES
    from conference.workspace import invitations
    from speakers.links import link_for
    from speakers.tokens import sign

    if person is None and row.person_key:
        person = db.scalar(select(Person).where(Person.conference_id == conf.id, Person.key == row.person_key))
    language = language or (person.language if person else None) or row.language \
        or (conf.languages[0] if conf.languages else "en")
    if language not in LANGUAGES:
        raise MinbarError("bad_request", f"'language' should be one of {', '.join(LANGUAGES)}.")
    name = (person.name_in(language) if person else "") or row.name
    token = sign(row.id, current_app.config["SECRET_KEY"])
    items = invitations.sessions_of(row.person_key, items if items is not None else queries.agenda(db, conf),
                                    row.session_key)
    message = invitations.build(
        conf, items, to=to, name=name, language=language,
        link=link_for(base_url(), conf.slug, row.role, row.session_key, token), base_url=base_url(),
        sender=current_app.config.get("MINBAR_MAIL_FROM") or "minbar@localhost",
        gender=person.gender if person else None)
    invitations.send(message, current_app.config.get("MINBAR_SMTP_URL"))
    audit.record(db, conf, actor=by, action="workspace.link.invite", now=now(),
                 session=row.session_key, target=f"link:{row.id}", before=None,
                 after={"to": to, "language": language, "sessions": [i.key for i in items]})
    return language, items
