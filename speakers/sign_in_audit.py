"""Sign-ins and sign-outs in the conferences' audit logs (`conference.audit`). No Flask import.

Which log: an organiser account's events go to every conference it organises; a refused sign-in
for an e-mail that names no account concerns the whole server, so it goes to every conference;
a link's events go to its own conference.

Nothing secret is written: never a password or a token; a link is named by its id. The e-mail
typed into a refused sign-in is kept only when it looks like an e-mail address (a password typed
into the wrong field must not end up in the log).

Bounded, whatever an attacker sends: a 429 (`speakers.organisers.throttled`) writes nothing; the
refusal that trips the limit writes one `access.throttled` note instead. Beyond
`MAX_REFUSALS_LOGGED` refusals a minute on the whole server (counted in `sign_in_failures`,
indexed by time) one `access.flood` note says that the next ones are not recorded; a link opened
again within a minute is not recorded again.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conference import audit
from conference.models import Conference
from sessions.models import EventLog
from speakers import organisers
from speakers.identity import Identity
from speakers.organiser_models import OrganiserAccount, SignInFailure

SIGNED_IN = "access.signin"
REFUSED = "access.refused"
THROTTLED = "access.throttled"
FLOOD = "access.flood"
LINK = "access.link"
SIGNED_OUT = "access.signout"
ACTIONS = (SIGNED_IN, REFUSED, THROTTLED, FLOOD, LINK, SIGNED_OUT)

MAX_REFUSALS_LOGGED = 20        # a minute, on the whole server
ANONYMOUS_ACTOR = "anonymous"
NOT_AN_EMAIL = "(not an e-mail address)"


def _conferences(db: Session, row: OrganiserAccount | None) -> list[Conference]:
    """The logs an account's event belongs in (every conference when there is no account)."""
    query = select(Conference).order_by(Conference.id)
    if row is not None and not row.all_conferences:
        query = query.where(Conference.slug.in_(list(row.conferences or [])))
    return list(db.scalars(query))


def _actor(row: OrganiserAccount) -> str:
    return organisers.identity_for(row, None).label


def _record_in(db: Session, conferences, **entry) -> None:
    for conf in conferences:
        audit.record(db, conf, **entry)


def signed_in(db: Session, row: OrganiserAccount, *, address: str | None, now: datetime) -> None:
    _record_in(db, _conferences(db, row), actor=_actor(row), action=SIGNED_IN, now=now,
               target=f"account:{row.email}", after={"address": address})


def refused(db: Session, email: str, *, address: str | None, now: datetime) -> None:
    """A refused password sign-in (`organisers.authenticate` has just counted it as a failure)."""
    email = organisers.normalise_email(email)
    recent = db.scalar(select(func.count()).select_from(SignInFailure)
                       .where(SignInFailure.key.startswith("account:"),
                              SignInFailure.at > now - organisers.WINDOW))
    if recent > MAX_REFUSALS_LOGGED + 1:
        return
    row = organisers.find(db, email) if email else None
    conferences = _conferences(db, row)
    if recent == MAX_REFUSALS_LOGGED + 1:
        _record_in(db, conferences, actor=ANONYMOUS_ACTOR, action=FLOOD, now=now,
                   after={"limit_per_minute": MAX_REFUSALS_LOGGED})
        return
    reason = "unknown_account" if row is None else ("disabled" if row.disabled_at else "wrong_password")
    shown = email if organisers.EMAIL.match(email) else NOT_AN_EMAIL
    _record_in(db, conferences, actor=ANONYMOUS_ACTOR, action=REFUSED, now=now,
               target=f"account:{shown[:254]}", after={"address": address, "reason": reason})
    if organisers.throttled(db, email, address, now):   # this refusal reached the limit
        _record_in(db, conferences, actor=ANONYMOUS_ACTOR, action=THROTTLED, now=now,
                   target=f"account:{shown[:254]}",
                   after={"address": address, "minutes": int(organisers.WINDOW.total_seconds() // 60)})


def _link_conference(db: Session, link: Identity) -> Conference | None:
    return db.scalar(select(Conference).where(Conference.slug == link.conference))


def link_exchanged(db: Session, link: Identity, *, now: datetime) -> None:
    """A `?token=` link exchanged for a session: the link by its id, role and label."""
    conf = _link_conference(db, link)
    if conf is None:
        return
    again = db.scalar(select(EventLog.id).where(
        EventLog.conference_id == conf.id, EventLog.action == LINK,
        EventLog.actor == link.label[:200], EventLog.at > now - organisers.WINDOW).limit(1))
    if again is not None:
        return
    audit.record(db, conf, actor=link.label, action=LINK, now=now, session=link.session,
                 target=f"link:{link.token_id}",
                 after={"role": link.role, "name": link.name, "session": link.session,
                        "booth": link.booth, "person": link.person})


def signed_out(db: Session, *, now: datetime, account: OrganiserAccount | None = None,
               link: Identity | None = None) -> None:
    """A browser signed out: an organiser account, or a link."""
    if account is not None:
        _record_in(db, _conferences(db, account), actor=_actor(account), action=SIGNED_OUT, now=now,
                   target=f"account:{account.email}")
    elif link is not None and not link.anonymous:
        _record_in(db, [c for c in [_link_conference(db, link)] if c is not None], actor=link.label,
                   action=SIGNED_OUT, now=now, session=link.session, target=f"link:{link.token_id}")
