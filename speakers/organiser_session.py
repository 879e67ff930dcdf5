"""An organiser account signed in on this browser: one more kind of credential for the resolver.

The account's id and sign-in instant live in Flask's signed, HttpOnly session cookie under
`SESSION_KEY` (never the password); the session expires `MINBAR_ORGANISER_SESSION_MINUTES` after
sign-in (480 by default). Such a browser's writes carry Flask-WTF's CSRF token (`X-CSRFToken`
header or the form's `csrf_token`); a Bearer-token client needs none. The identity it gives is an
organiser of the conference the request is about (`<slug>` in the URL) when the account is
granted it, else an organiser of none, whom the policy refuses everywhere.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, g, request, session
from flask_wtf.csrf import CSRFProtect, generate_csrf

from speakers import organisers
from speakers.identity import ANONYMOUS, Identity
from speakers.organiser_models import OrganiserAccount

SESSION_KEY = "organiser"
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


def sign_in(account: OrganiserAccount) -> None:
    session.clear()
    session[SESSION_KEY] = {"id": account.id, "at": _now().isoformat()}
    session.permanent = True


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
            with current_app.extensions["minbar.db"].session_scope() as db:
                row = db.get(OrganiserAccount, value.get("id"))
                if row is not None and row.disabled_at is None:
                    db.expunge(row)
                    found = row
        if found is None:
            session.pop(SESSION_KEY, None)
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
