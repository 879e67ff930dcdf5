"""The one resolver: whatever credential a caller brings, the `Identity` it gives.

- the session cookie (Flask's signed session, HttpOnly, SameSite=Lax, Secure over https): it
  holds the link's id under `SESSION_KEY`, never the token, and the secret of its server-side
  record (`speakers.session_records`), which sign-out and revocation end for every copy;
- `Authorization: Bearer TOKEN` for API clients;
- an organiser account signed in with its password (`speakers.organiser_session`, same cookie,
  CSRF token on writes);
- `auth={"token": ...}` on a Socket.IO connection (unattended screens, scripts), else the
  connection's session cookie (`conference.live.events.connect`);
- `?token=` on a page GET is exchanged: the session is set and the browser is sent (303) to the
  same address without the token, so links do not stay in the address bar, history or logs.

Every HTTP request gets `flask.g.identity` (ANONYMOUS when nobody is signed in) from the
`before_app_request` hook in `speakers.views`. Views read `g.identity`; they never parse tokens.
A revoked or expired link is refused everywhere (`unauthorized`); a session cookie whose link
stopped is cleared and the request continues anonymous (a page that needs a link answers 401).
"""
from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode, urlsplit

from flask import current_app, g, redirect, request, session
from flask.sessions import SecureCookieSessionInterface

from conference.errors import MinbarError
from speakers import access, organiser_session, session_records, sign_in_audit
from speakers.identity import ANONYMOUS, Identity

SESSION_KEY = "link"          # the signed-in link's id in the session cookie
SESSION_LIFETIME = timedelta(hours=24)   # idle time after which the browser must open its link again
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _db():
    return current_app.extensions["minbar.db"]


def _now():
    return current_app.extensions["minbar.clock"].now()


def from_token(token: str) -> Identity:
    """The identity of a bare token; `unauthorized` when invalid, revoked or expired."""
    with _db().session_scope() as db:
        return access.resolve(db, token, current_app.config["SECRET_KEY"], _now())


def exchange(token: str) -> Identity:
    """The identity of a `?token=` link being exchanged for a session, recorded in its
    conference's audit log (by the link's id, never the token); `unauthorized` as `from_token`."""
    identity = from_token(token)
    with _db().session_scope() as db:
        sign_in_audit.link_exchanged(db, identity, now=_now())
    return identity


def from_session(store) -> Identity:
    """The identity a session (Flask's, or a Socket.IO connection's copy of it) holds: ANONYMOUS
    without one; `unauthorized` when its link stopped or its server-side record ended (signed
    out, revoked, unused for a day): a copy of the cookie stops with the original."""
    link_id = store.get(SESSION_KEY)
    if not link_id:
        return ANONYMOUS
    now = _now()
    with _db().session_scope() as db:
        record = session_records.find(db, store.get(organiser_session.RECORD_KEY), now)
        if record is None or record.link_id != link_id:
            raise MinbarError("unauthorized", "This session has ended; open your access link again.")
        return access.resolve_id(db, link_id, now)


def bearer_token() -> str | None:
    """The request's `Authorization: Bearer` token; None without the header, `unauthorized` for
    another scheme or an empty token."""
    header = request.headers.get("Authorization", "").strip()
    if not header:
        return None
    scheme, _sep, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise MinbarError("unauthorized", "Send the access token as 'Authorization: Bearer TOKEN'.")
    return token.strip()


def sign_in(identity: Identity) -> None:
    """Remember `identity`'s link in the session (a fresh session and record: nothing of a
    previous one)."""
    organiser_session.fresh_session(link_id=identity.token_id)
    session[SESSION_KEY] = identity.token_id


def sign_out() -> None:
    organiser_session.end_record()
    session.clear()


def sign_out_recorded() -> None:
    """`POST /signout`: `sign_out`, and the audit log records whose session it ended (the link's
    or the organiser account's; nothing for a browser that held neither)."""
    link = g.get("identity") if SESSION_KEY in session else None
    if link is not None and link.token_id != session.get(SESSION_KEY):
        link = None         # a Bearer token's identity, not this session's
    account = organiser_session.account() if organiser_session.SESSION_KEY in session else None
    if link is not None or account is not None:
        with _db().session_scope() as db:
            sign_in_audit.signed_out(db, now=_now(), account=account, link=link)
    sign_out()


def _same_origin() -> bool:
    """A cookie-authenticated write must come from the app's own pages (SameSite=Lax already keeps
    other sites' requests cookie-less; this also refuses sibling subdomains)."""
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    # The host only: behind a TLS-terminating proxy the app may see http while the browser says https.
    return origin is None or urlsplit(origin).netloc == request.host


def _without_token() -> str:
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "token"]
    return request.path + (f"?{urlencode(args)}" if args else "")


def resolve_request():
    """The before-request hook: sets `g.identity`; answers the `?token=` exchange's redirect."""
    g.identity = ANONYMOUS
    if request.path.startswith("/static/"):
        return None
    token = request.args.get("token")
    if token is not None and request.method in ("GET", "HEAD") and not request.path.startswith("/api/"):
        if token.strip():
            sign_in(exchange(token.strip()))     # unauthorized: the error page, 401
        response = redirect(_without_token(), code=303)
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response
    bearer = bearer_token()
    if bearer is not None:
        g.identity = from_token(bearer)
        return None
    # Every write a browser may make with its cookies (a link's session, an organiser account's,
    # the sign-in and sign-out forms) comes from Minbar's own pages, whatever the CSRF token says.
    if request.method not in SAFE_METHODS and not _same_origin():
        raise MinbarError("forbidden", "This request did not come from Minbar's own pages.")
    if SESSION_KEY in session:
        try:
            g.identity = from_session(session)
        except MinbarError:
            sign_out()                          # the link stopped: continue as nobody
        return None
    if organiser_session.SESSION_KEY in session:   # an organiser account signed in (CSRF on writes)
        g.identity = organiser_session.resolve()
    return None


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed cookie session, Secure whenever the request itself came over https."""

    def get_cookie_secure(self, app) -> bool:
        return bool(app.config.get("SESSION_COOKIE_SECURE")) or request.is_secure


def configure(app) -> None:
    """Cookie settings for the sign-in session (called once when the blueprint is registered)."""
    if app.config.get("SESSION_COOKIE_NAME") == "session":   # Flask's default: name it after the app
        app.config["SESSION_COOKIE_NAME"] = "minbar_session"
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    if app.config.get("PERMANENT_SESSION_LIFETIME") == timedelta(days=31):   # Flask's default
        app.config["PERMANENT_SESSION_LIFETIME"] = SESSION_LIFETIME
    app.session_interface = SessionInterface()
