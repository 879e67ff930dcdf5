"""Server-side records of signed-in browsers (`browser_sessions`). No Flask import.

A session cookie is Flask's signed cookie; on its own it is valid until it expires, whoever holds a
copy. So each sign-in (a link exchanged, an organiser account's password) opens a record, and the
cookie carries the record's secret: every request looks the record up, and a record that ended
(sign-out, the link revoked or expired, the account disabled, ended from another browser) or went
unused too long answers as if there were no cookie. Only the secret's SHA-256 is stored, so the
database alone cannot make a cookie (which also needs SECRET_KEY).
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from speakers.organiser_models import BrowserSession

TOUCH_EVERY = timedelta(minutes=1)     # last_seen_at is written at most this often
LINK_IDLE = timedelta(hours=24)        # a link's browser session ends after this long unused


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def open_session(db: Session, *, now: datetime, link_id: str | None = None, account_id: int | None = None,
                 address: str | None = None, user_agent: str | None = None) -> str:
    """A new record for a browser signing in; returns the secret its cookie carries."""
    secret = secrets.token_urlsafe(32)
    db.add(BrowserSession(secret_hash=_hash(secret), kind="account" if account_id is not None else "link",
                          link_id=link_id, account_id=account_id, created_at=now, last_seen_at=now,
                          address=(address or "")[:64], user_agent=_printable(user_agent or "")[:300]))
    db.flush()
    return secret


def _printable(text: str) -> str:
    return "".join(c for c in text if c.isprintable())


def find(db: Session, secret, now: datetime, *, idle: timedelta = LINK_IDLE,
         lifetime: timedelta | None = None) -> BrowserSession | None:
    """The open record a cookie's secret names, or None: unknown, ended, unused for `idle`, or
    (accounts) older than `lifetime`. A live one has its `last_seen_at` brought up to date."""
    if not isinstance(secret, str) or not secret:
        return None
    row = db.scalar(select(BrowserSession).where(BrowserSession.secret_hash == _hash(secret)))
    if row is None or row.ended_at is not None:
        return None
    if now - row.last_seen_at >= idle or (lifetime is not None and now - row.created_at >= lifetime):
        row.ended_at = now
        return None
    if now - row.last_seen_at >= TOUCH_EVERY:
        row.last_seen_at = now
    return row


def end(db: Session, secret, now: datetime) -> None:
    """Sign-out: the record the cookie names ends (nothing when there is none)."""
    if isinstance(secret, str) and secret:
        db.execute(update(BrowserSession).where(BrowserSession.secret_hash == _hash(secret),
                                                BrowserSession.ended_at.is_(None)).values(ended_at=now))


def end_one(db: Session, account_id: int, session_id: int, now: datetime) -> bool:
    """An account ends one of its own sessions; False when it has no such open session."""
    row = db.get(BrowserSession, session_id) if isinstance(session_id, int) else None
    if row is None or row.account_id != account_id or row.ended_at is not None:
        return False
    row.ended_at = now
    return True


def end_all(db: Session, now: datetime, *, link_id: str | None = None, account_id: int | None = None) -> int:
    """Every open session of a link (revoked) or of an account (disabled); how many ended."""
    query = update(BrowserSession).where(BrowserSession.ended_at.is_(None))
    if link_id is not None:
        query = query.where(BrowserSession.link_id == link_id)
    elif account_id is not None:
        query = query.where(BrowserSession.account_id == account_id)
    else:
        return 0
    return db.execute(query.values(ended_at=now)).rowcount or 0


def open_sessions(db: Session, account_id: int, now: datetime, lifetime: timedelta) -> list[BrowserSession]:
    """The account's sessions still open, most recently used first."""
    rows = db.scalars(select(BrowserSession).where(BrowserSession.account_id == account_id,
                                                   BrowserSession.ended_at.is_(None),
                                                   BrowserSession.created_at > now - lifetime)
                      .order_by(BrowserSession.last_seen_at.desc(), BrowserSession.id.desc()))
    return list(rows)
