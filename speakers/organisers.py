"""Organiser accounts: creation, password check, rate limit of failures, grants.

Passwords are hashed with werkzeug's scrypt (`generate_password_hash`); nothing here logs or
stores a password in clear. The rate limit, counted per real client address (behind trusted
proxies, `conference.proxy`): the sixth failed attempt within a minute from one address is
refused with `rate_limited` before the password is even checked, whichever accounts it tried, so
one client guessing cannot lock anybody else out of their account. An account is also closed for
the minute after `MAX_ACCOUNT_FAILURES` failures from every address together: a guess spread over
many addresses (at most five a minute from each) is slowed too, while a lone client never gets
there. Without an address (a caller outside HTTP), an account's own limit is `MAX_FAILURES`.
No Flask import: the database session and `now` are passed in.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from conference.agenda.guard import single_line
from conference.errors import MinbarError
from speakers.identity import Identity
from speakers.organiser_models import OrganiserAccount, SignInFailure

MAX_FAILURES = 5                # from one address (or for one account when there is no address)
MAX_ACCOUNT_FAILURES = 50       # for one account, from every address together
WINDOW = timedelta(minutes=1)
MIN_PASSWORD = 10
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DUMMY: list[str] = []


def _dummy_hash() -> str:
    """Checked against when the account does not exist, so a wrong e-mail costs as long as a
    wrong password (made once, on first use)."""
    if not _DUMMY:
        _DUMMY.append(generate_password_hash("not a password", method="scrypt"))
    return _DUMMY[0]


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def create(db: Session, email: str, password: str, now: datetime, *, conferences=(), all_conferences=False,
           name: str = "") -> OrganiserAccount:
    email = normalise_email(email)
    if not EMAIL.match(email) or len(email) > 254:
        raise MinbarError("bad_request", f"'{email}' is not an e-mail address.")
    if not single_line(name):
        raise MinbarError("bad_request", "The organiser's name contains a line break or another control character.")
    if len(password or "") < MIN_PASSWORD:
        raise MinbarError("bad_request", f"The password needs at least {MIN_PASSWORD} characters.")
    if db.scalar(select(OrganiserAccount.id).where(OrganiserAccount.email == email)) is not None:
        raise MinbarError("conflict", f"There is already an organiser {email}.")
    row = OrganiserAccount(email=email, name=name.strip()[:200],
                           password_hash=generate_password_hash(password, method="scrypt"),
                           conferences=sorted(set(conferences)), all_conferences=bool(all_conferences),
                           created_at=now)
    db.add(row)
    db.flush()
    return row


def grant(db: Session, email: str, slug: str) -> OrganiserAccount:
    row = find(db, email)
    if row is None:
        raise MinbarError("not_found", f"There is no organiser {normalise_email(email)}.")
    row.conferences = sorted(set(row.conferences or []) | {slug})
    return row


def disable(db: Session, email: str, now: datetime) -> OrganiserAccount:
    """The account may no longer sign in, and every browser signed in with it is signed out."""
    from speakers import session_records

    row = find(db, email)
    if row is None:
        raise MinbarError("not_found", f"There is no organiser {normalise_email(email)}.")
    if row.disabled_at is None:
        row.disabled_at = now
    session_records.end_all(db, now, account_id=row.id)
    return row


def find(db: Session, email: str) -> OrganiserAccount | None:
    return db.scalar(select(OrganiserAccount).where(OrganiserAccount.email == normalise_email(email)))


def _keys(email: str, address: str | None) -> list[str]:
    keys = [f"account:{normalise_email(email)}"]
    if address:
        keys.append(f"address:{address}")
    return keys


def throttled(db: Session, email: str, address: str | None, now: datetime) -> bool:
    since = now - WINDOW
    for key in _keys(email, address):
        limit = MAX_ACCOUNT_FAILURES if address and key.startswith("account:") else MAX_FAILURES
        count = db.scalar(select(func.count()).select_from(SignInFailure)
                          .where(SignInFailure.key == key[:300], SignInFailure.at > since))
        if count >= limit:
            return True
    return False


def authenticate(db: Session, email: str, password: str, address: str | None, now: datetime) -> OrganiserAccount:
    """The account, or `rate_limited` (429) / `unauthorized` (401). The caller commits either way
    (a failure is recorded)."""
    if throttled(db, email, address, now):
        raise MinbarError("rate_limited", "Too many failed sign-ins; wait a minute and try again.")
    row = find(db, email) if email else None
    ok = check_password_hash(row.password_hash if row else _dummy_hash(), password or "")
    if row is None or not ok or row.disabled_at is not None:
        for key in _keys(email, address):
            db.add(SignInFailure(key=key[:300], at=now))
        db.execute(delete(SignInFailure).where(SignInFailure.at < now - WINDOW * 10))
        raise MinbarError("unauthorized", "The e-mail or the password is not right.")
    return row


def may_organise(row: OrganiserAccount, slug: str) -> bool:
    return row.disabled_at is None and (row.all_conferences or slug in (row.conferences or []))


def identity_for(row: OrganiserAccount, slug: str | None) -> Identity:
    """The identity a signed-in account has on conference `slug`'s pages and API: an organiser of
    it when granted, else an organiser of none (refused by every check)."""
    conference = slug if slug and may_organise(row, slug) else None
    return Identity(role="organiser", conference=conference, name=row.name or row.email,
                    token_id=f"account:{row.id}")
