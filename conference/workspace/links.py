"""Issuing and revoking links from the workspace: checked, audited. No Flask import."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from conference import audit
from conference.errors import MinbarError
from conference.models import Conference
from speakers import access
from speakers.identity import ROLES, binds_booth
from speakers.models import AccessToken

FIELDS = ("role", "session", "person", "booth", "expires", "name", "delegation", "group", "language")
# An organiser's link may do everything in the conference: it is issued only when the request
# says it means it (`"confirm": true`), whatever sent it (the page asks first, with or without JS).
CONFIRMED_ROLES = ("organiser",)


def _expiry(value, now: datetime, zone: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise MinbarError("bad_request", "'expires' should be an ISO 8601 instant with its offset.")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise MinbarError("bad_request", f"'expires' is not an ISO 8601 instant: {value!r}.") from None
    if moment.tzinfo is None:   # a wall time in the conference's zone
        from timing.zones import get_zone

        moment = get_zone(zone).localize(moment)
    if moment <= now:
        raise MinbarError("bad_request", "'expires' is already past.")
    return moment


def issue(db: Session, conf: Conference, body: dict, *, now: datetime, secret: str, actor: str):
    body = dict(body)
    confirmed = body.pop("confirm", None)
    unknown = sorted(set(body) - set(FIELDS))
    if unknown:
        raise MinbarError("bad_request", f"Unknown field(s): {', '.join(unknown)}.")
    if confirmed not in (None, True, False):
        raise MinbarError("bad_request", "'confirm' should be true or false.")
    for name in FIELDS:
        if name in body and body[name] is not None and not isinstance(body[name], str):
            raise MinbarError("bad_request", f"'{name}' should be a text.")
    role = body.get("role")
    if role not in ROLES:
        raise MinbarError("bad_request", f"'role' should be one of {', '.join(ROLES)}.")
    if role in CONFIRMED_ROLES and confirmed is not True:
        raise MinbarError("conflict", "An organiser's link can change everything in the conference: "
                                      "confirm it ('confirm': true) to issue it.", field="confirm")
    if binds_booth(role) and not body.get("booth"):
        raise MinbarError("bad_request", "An interpreter's link needs its booth ('booth': ar, en or fr).")
    expires = _expiry(body.get("expires"), now, conf.timezone)
    token, row = access.issue(
        db, conference=conf, role=role, session=body.get("session") or None, now=now, secret=secret,
        name=body.get("name") or "", delegation=body.get("delegation") or "",
        group=body.get("group") or "other", language=body.get("language") or None,
        booth=body.get("booth") or None, person=body.get("person") or None, expires_at=expires)
    audit.record(db, conf, actor=actor, action="workspace.link.issue", now=now, session=row.session_key,
                 target=f"link:{row.id}", before=None,
                 after={"role": row.role, "session": row.session_key, "person": row.person_key,
                        "booth": row.booth, "expires": body.get("expires")})
    return token, row


def revoke(db: Session, conf: Conference, link_id: str, *, now: datetime, actor: str) -> AccessToken:
    row = db.get(AccessToken, link_id)
    if row is None or row.conference_id != conf.id:
        raise MinbarError("not_found", f"There is no link '{link_id}' in {conf.slug}.")
    was = row.revoked_at
    if row.revoked_at is None:
        row.revoked_at = now
    if was is None:
        audit.record(db, conf, actor=actor, action="workspace.link.revoke", now=now,
                     session=row.session_key, target=f"link:{row.id}",
                     before={"revoked": False}, after={"revoked": True})
    return row
