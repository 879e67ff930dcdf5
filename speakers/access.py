"""Issuing, resolving and revoking sign-in links (database side)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from conference.agenda.guard import single_line
from conference.errors import MinbarError
from conference.models import Conference
from sessions.live import withdrawals
from sessions.models import AgendaItem
from speakers import session_records
from speakers.identity import ROLES, Identity, binds_booth, needs_session
from speakers.models import AccessToken, Person
from speakers.tokens import InvalidToken, new_id, sign, unsign


def issue(db: Session, *, conference: Conference, role: str, now: datetime, secret: str,
          session: str | None = None, name: str = "", delegation: str = "", group: str = "other",
          language: str | None = None, booth: str | None = None,
          person: str | None = None, expires_at: datetime | None = None) -> tuple[str, AccessToken]:
    """Create a link for `role`; returns the signed token and its row. Refuses what makes no sense.
    `expires_at` (an aware instant, None for no expiry) ends the link like a revocation.

    A link that names a `person` (a people id of the agenda file) takes that person's name,
    delegation, group and language where not given, and their protocol rank in the queue."""
    if role not in ROLES:
        raise MinbarError("bad_request", f"Unknown role '{role}'. Roles: {', '.join(ROLES)}.")
    for field, value in (("name", name), ("delegation", delegation)):
        if not single_line(value):
            raise MinbarError("bad_request", f"The link's '{field}' contains a line break or another control "
                                             "character.", field=field)
    if session is not None:
        found = db.scalar(select(AgendaItem.id).where(AgendaItem.conference_id == conference.id,
                                                       AgendaItem.key == session))
        if found is None:
            raise MinbarError("not_found", f"There is no session '{session}' in {conference.slug}.")
    elif needs_session(role):
        raise MinbarError("bad_request", "A chair's link must name its session (--session).")
    if expires_at is not None and expires_at <= now:
        raise MinbarError("bad_request", "The expiry must be in the future.")
    if booth is not None:
        if not binds_booth(role):
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
                      language=language, booth=booth, issued_at=now, expires_at=expires_at)
    db.add(row)
    db.flush()
    return sign(row.id, secret), row


REFUSED = "This access link has been revoked or does not exist."
EXPIRED = "This access link has expired."
TOUCH_EVERY = timedelta(minutes=1)   # last_used_at is written at most this often per link


def resolve(db: Session, token: str, secret: str, now: datetime | None = None) -> Identity:
    """The identity a token gives, or `unauthorized` for an invalid, revoked or expired one
    (expired as of `now`; the transports pass their clock's, scripts may leave it out)."""
    now = now or datetime.now(timezone.utc)
    try:
        token_id = unsign(token, secret)
    except InvalidToken as error:
        raise MinbarError("unauthorized", str(error)) from None
    return resolve_id(db, token_id, now)


def resolve_id(db: Session, token_id: str, now: datetime) -> Identity:
    """The identity of the link `token_id` (a session cookie holds it), checked as `resolve` does."""
    row = check_link(db, token_id, now)
    slug = db.scalar(select(Conference.slug).where(Conference.id == row.conference_id))
    return identity_of(row, slug)


def check_link(db: Session, token_id: str, now: datetime) -> AccessToken:
    """The link's current row by primary key; `unauthorized` when it is gone, revoked or expired.
    Every live command calls this in its own transaction, whatever the connection did before.
    Records `last_used_at` (at most once a minute)."""
    row = db.get(AccessToken, token_id) if isinstance(token_id, str) else None
    reason = "missing" if row is None else row.refusal(now)
    if reason is not None:
        raise MinbarError("unauthorized", EXPIRED if reason == "expired" else REFUSED)
    if row.last_used_at is None or now - row.last_used_at >= TOUCH_EVERY:
        row.last_used_at = now
    return row


def identity_of(row: AccessToken, slug: str) -> Identity:
    return Identity(role=row.role, conference=slug, session=row.session_key, name=row.name,
                    delegation=row.delegation, group=row.group, language=row.language,
                    booth=row.booth, token_id=row.id, person=row.person_key)


def link_id_of(text: str, secret: str) -> str:
    """The link id in what a person pastes: a printed link (its `token=`), a token or a bare id."""
    text = (text or "").strip()
    if "://" in text or text.startswith("/"):
        tokens = parse_qs(urlsplit(text).query).get("token")
        if not tokens:
            raise MinbarError("bad_request", "This address carries no token.")
        text = tokens[0]
    try:
        return unsign(text, secret)
    except InvalidToken:
        return text


def revoke(db: Session, token: str, secret: str, now: datetime) -> AccessToken:
    """Revoke by printed link, signed token or bare id; revoking twice is harmless. Its waiting
    floor requests are withdrawn (`withdraw_requests`)."""
    return revoke_withdrawing(db, token, secret, now)[0]


def revoke_withdrawing(db: Session, token: str, secret: str, now: datetime) -> tuple[AccessToken, list[str]]:
    """`revoke`, and the keys of the sessions whose STATE changed (its requests withdrawn), for
    the caller to publish once committed."""
    row = db.get(AccessToken, link_id_of(token, secret))
    if row is None:
        raise MinbarError("not_found", "No such access link.")
    if row.revoked_at is None:
        row.revoked_at = now
    session_records.end_all(db, now, link_id=row.id)   # its browsers' sessions end with it
    return row, withdraw_requests(db, row, now)


def withdraw_requests(db: Session, row: AccessToken, now: datetime) -> list[str]:
    """A revoked link's waiting floor requests leave every list of speakers of its conference
    (sessions.live.withdrawals, logged as `queue.withdraw`); the keys of the sessions whose STATE
    changed, for the caller to publish once committed."""
    conf = db.get(Conference, row.conference_id)
    return withdrawals.withdraw_link(db, conf, identity_of(row, conf.slug), now) if conf is not None else []


def revoked_among(db: Session, token_ids: list[str], now: datetime) -> list[str]:
    """Which of these links may no longer act: revoked or expired. (A link that is gone is
    refused by its next command, `check_link`.)"""
    return list(db.scalars(select(AccessToken.id).where(
        AccessToken.id.in_(token_ids),
        or_(AccessToken.revoked_at.is_not(None), AccessToken.expires_at <= now))))


def links(db: Session, conference: Conference | None = None) -> list[tuple[AccessToken, str]]:
    """Every issued link (newest first) with its conference's slug; never the token."""
    query = select(AccessToken, Conference.slug).join(Conference, Conference.id == AccessToken.conference_id)
    if conference is not None:
        query = query.where(AccessToken.conference_id == conference.id)
    return [(row, slug) for row, slug in db.execute(query.order_by(AccessToken.issued_at.desc(), AccessToken.id))]
