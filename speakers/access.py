"""Issuing, resolving and revoking sign-in links (database side)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from conference.errors import MinbarError
from conference.models import Conference
from sessions.models import AgendaItem
from speakers.identity import ROLES, Identity
from speakers.models import AccessToken, Person
from speakers.tokens import InvalidToken, new_id, sign, unsign


def issue(db: Session, *, conference: Conference, role: str, now: datetime, secret: str,
          session: str | None = None, name: str = "", delegation: str = "", group: str = "other",
          language: str | None = None, booth: str | None = None,
          person: str | None = None) -> tuple[str, AccessToken]:
    """Create a link for `role`; returns the signed token and its row. Refuses what makes no sense.

    A link that names a `person` (a people id of the agenda file) takes that person's name,
    delegation, group and language where not given, and their protocol rank in the queue."""
    if role not in ROLES:
        raise MinbarError("bad_request", f"Unknown role '{role}'. Roles: {', '.join(ROLES)}.")
    if session is not None:
        found = db.scalar(select(AgendaItem.id).where(AgendaItem.conference_id == conference.id,
                                                       AgendaItem.key == session))
        if found is None:
            raise MinbarError("not_found", f"There is no session '{session}' in {conference.slug}.")
    elif role in ("chair",):
        raise MinbarError("bad_request", "A chair's link must name its session (--session).")
    if booth is not None:
        if role != "interpreter":
            raise MinbarError("bad_request", "Only an interpreter's link is bound to a booth.")
        if booth not in conference.languages:
            raise MinbarError("bad_request", f"There is no '{booth}' booth in {conference.slug}.")
    if person is not None:
        known = db.scalar(select(Person).where(Person.conference_id == conference.id, Person.key == person))
        if known is None:
            raise MinbarError("not_found", f"There is no person '{person}' in {conference.slug}.")
        name = name or known.name
        delegation = delegation or known.delegation
        group = group if group != "other" else known.group
        language = language or known.language
    row = AccessToken(id=new_id(), conference_id=conference.id, role=role, person_key=person,
                      session_key=session,
                      name=name.strip()[:200], delegation=delegation.strip()[:200], group=group,
                      language=language, booth=booth, issued_at=now)
    db.add(row)
    db.flush()
    return sign(row.id, secret), row


def resolve(db: Session, token: str, secret: str) -> Identity:
    """The identity a token gives, or `unauthorized` for an invalid or revoked one."""
    try:
        token_id = unsign(token, secret)
    except InvalidToken as error:
        raise MinbarError("unauthorized", str(error)) from None
    row = db.get(AccessToken, token_id)
    if row is None or row.revoked_at is not None:
        raise MinbarError("unauthorized", "This access link has been revoked or does not exist.")
    slug = db.scalar(select(Conference.slug).where(Conference.id == row.conference_id))
    return identity_of(row, slug)


def identity_of(row: AccessToken, slug: str) -> Identity:
    return Identity(role=row.role, conference=slug, session=row.session_key, name=row.name,
                    delegation=row.delegation, group=row.group, language=row.language,
                    booth=row.booth, token_id=row.id, person=row.person_key)


def revoke(db: Session, token: str, secret: str, now: datetime) -> AccessToken:
    """Revoke by signed token or by bare id; revoking twice is harmless."""
    try:
        token_id = unsign(token, secret)
    except InvalidToken:
        token_id = token
    row = db.get(AccessToken, token_id)
    if row is None:
        raise MinbarError("not_found", "No such access link.")
    if row.revoked_at is None:
        row.revoked_at = now
    return row


def revoked_among(db: Session, token_ids: list[str]) -> list[str]:
    """Which of these links have been revoked."""
    return list(db.scalars(select(AccessToken.id).where(AccessToken.id.in_(token_ids),
                                                        AccessToken.revoked_at.is_not(None))))
