"""An organiser account signed in on this browser: one more kind of credential for the resolver.

The account's id and sign-in instant live in Flask's signed, HttpOnly session cookie under
`SESSION_KEY` (never the password), with the secret of the browser's server-side record
(`speakers.session_records`) under `RECORD_KEY`: sign-out, ending it from another browser or
disabling the account ends every copy of the cookie. The session expires
`MINBAR_ORGANISER_SESSION_MINUTES` after sign-in (480 by default). Such a browser's writes carry Flask-WTF's CSRF token (`X-CSRFToken`
header or the form's `csrf_token`); a Bearer-token client needs none. The identity it gives is an
organiser of the conference the request is about (`<slug>` in the URL) when the account is
granted it, else an organiser of none, whom the policy refuses everywhere.
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime, timedelta

from flask import current_app, g, request, session
from flask_wtf.csrf import CSRFProtect, generate_csrf

from speakers import organisers, session_records
from speakers.identity import ANONYMOUS, Identity
from speakers.organiser_models import OrganiserAccount

SESSION_KEY = "organiser"
RECORD_KEY = "sid"            # the secret naming this browser's server-side record (session_records)
DEFAULT_LIFETIME = timedelta(hours=8)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

csrf = CSRFProtect()


def configure(app) -> None:
    """CSRFProtect, checking only where asked (sign-in forms, signed-in organisers' writes): link
    holders, Bearer clients and Socket.IO are not affected."""
    app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)   # the token lives as long as the session
    csrf.init_app(app)


def csrf_token() -> str:
    return generate_csrf()


def _now() -> datetime:
    return current_app.extensions["minbar.clock"].now()


def lifetime() -> timedelta:
    minutes = current_app.config.get("MINBAR_ORGANISER_SESSION_MINUTES")
    return timedelta(minutes=int(minutes)) if minutes else DEFAULT_LIFETIME


def _database():
    return current_app.extensions["minbar.db"]


@contextmanager
def _writing():
    """The request's own database session when a view opened one (it commits; a second writer
    would wait for its lock), else a transaction of its own."""
    if g.get("db") is not None:
        yield g.db
        g.db.flush()
    else:
        with _database().session_scope() as db:
            yield db


def fresh_session(**who) -> None:
    """Start this browser's session over for a new sign-in (`who`: link_id= or account_id=): the
    previous record ends, a new one opens, and the cookie names it."""
    end_record()
    session.clear()
    with _writing() as db:
        session[RECORD_KEY] = session_records.open_session(
            db, now=_now(), address=request.remote_addr, user_agent=request.user_agent.string, **who)
    session.permanent = True


def end_record() -> None:
    """The server-side record of this browser's session ends (sign-out): every copy of the cookie
    stops with it."""
    secret = session.get(RECORD_KEY)
    if secret:
        with _writing() as db:
            session_records.end(db, secret, _now())


def sign_in(account: OrganiserAccount) -> None:
    fresh_session(account_id=account.id)
    session[SESSION_KEY] = {"id": account.id, "at": _now().isoformat()}


def account() -> OrganiserAccount | None:
    """The account signed in on this browser; None when none, disabled, or its session expired
    (the session is then cleared)."""
    if "organiser_account" in g:
        return g.organiser_account
    found = None
    value = session.get(SESSION_KEY)
    if value is not None:
        started = None
        if isinstance(value, dict):
            try:
                started = datetime.fromisoformat(str(value.get("at", "")))
            except ValueError:
                started = None
        if started is not None and started.tzinfo is not None and _now() - started < lifetime():
            with _database().session_scope() as db:
                row = db.get(OrganiserAccount, value.get("id"))
                record = session_records.find(db, session.get(RECORD_KEY), _now(), idle=lifetime(),
                                              lifetime=lifetime())
                if row is not None and row.disabled_at is None and record is not None \
                        and record.account_id == row.id:
                    db.expunge(row)
                    found = row
                    g.browser_session_id = record.id
        if found is None:
            session.pop(SESSION_KEY, None)
            session.pop(RECORD_KEY, None)
    g.organiser_account = found
    return found


def resolve() -> Identity:
    """The resolver's step for this credential: the identity, checking CSRF on writes."""
    row = account()
    if row is None:
        return ANONYMOUS
    if request.method not in SAFE_METHODS:
        csrf.protect()          # CSRFError: 403
    slug = (request.view_args or {}).get("slug")
    return organisers.identity_for(row, slug)
