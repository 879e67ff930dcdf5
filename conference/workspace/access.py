"""Who is calling the workspace: an organiser's link (`Authorization: Bearer`) for API clients,
or an organiser account signed in on this browser (the Flask session cookie, which expires).

A signed-in browser must send the CSRF token (`X-CSRFToken` header, or the form's `csrf_token`)
on every write; a Bearer-token client needs none (a token is not sent by the browser on its own).
"""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, g, request, session
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf

from conference.errors import MinbarError
from conference.web import get_db, now
from speakers import access, organisers
from speakers.identity import ANONYMOUS, Identity
from speakers.organiser_models import OrganiserAccount

csrf = CSRFProtect()
SESSION_KEY = "minbar_organiser"
DEFAULT_LIFETIME = timedelta(hours=8)
WRITES = ("POST", "PUT", "PATCH", "DELETE")


def init_app(app) -> None:
    """CSRFProtect, checking only where we ask (sign-in forms, browser writes): the live API's
    Bearer clients and Socket.IO keep working untouched."""
    app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)   # the token lives as long as the session
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    csrf.init_app(app)

    @app.errorhandler(CSRFError)
    def csrf_refused(error):
        from flask import jsonify

        if request.path.startswith("/api/"):
            return jsonify({"error": {"code": "forbidden", "message": "The CSRF token is missing or not valid."}}), 403
        from conference.web import render_error, _

        return render_error(403, _("This form has expired. Reload the page and try again."))


def csrf_token() -> str:
    return generate_csrf()


def lifetime() -> timedelta:
    minutes = current_app.config.get("MINBAR_ORGANISER_SESSION_MINUTES")
    return timedelta(minutes=int(minutes)) if minutes else DEFAULT_LIFETIME


def sign_in(account: OrganiserAccount) -> None:
    session.clear()
    session[SESSION_KEY] = {"id": account.id, "at": now().isoformat()}
    session.permanent = True


def sign_out() -> None:
    session.pop(SESSION_KEY, None)


def signed_in_account() -> OrganiserAccount | None:
    """The account signed in on this browser, None when none or when its session has expired."""
    if "organiser_account" in g:
        return g.organiser_account
    account = None
    value = session.get(SESSION_KEY)
    if isinstance(value, dict):
        try:
            started = datetime.fromisoformat(value.get("at", ""))
        except (TypeError, ValueError):
            started = None
        if started is not None and started.tzinfo is not None and now() - started < lifetime():
            row = get_db().get(OrganiserAccount, value.get("id"))
            if row is not None and row.disabled_at is None:
                account = row
        if account is None:
            session.pop(SESSION_KEY, None)
    g.organiser_account = account
    return account


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header[len("Bearer "):].strip() or None
    return None


def identity(slug: str | None) -> Identity:
    """The caller on conference `slug`: a link's identity, a signed-in organiser's, or ANONYMOUS."""
    token = bearer_token()
    if token is not None:
        return access.resolve(get_db(), token, current_app.config["SECRET_KEY"])
    account = signed_in_account()
    if account is not None:
        if request.method in WRITES:
            csrf.protect()      # raises CSRFError (403) without a valid X-CSRFToken
        return organisers.identity_for(account, slug)
    return ANONYMOUS


def require_organiser(slug: str) -> Identity:
    """An organiser of conference `slug`, else 401 (nobody) or 403 (anybody else)."""
    who = identity(slug)
    if who.anonymous:
        raise MinbarError("unauthorized", "This needs an organiser's link or an organiser signed in.")
    if who.role != "organiser" or who.conference != slug:
        raise MinbarError("forbidden", "Only an organiser of this conference may do this.")
    return who


def actor(who: Identity) -> str:
    return who.label
