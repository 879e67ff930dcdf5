"""Per-request plumbing shared by the HTTP views: database session, clock, language, errors,
and the headers every response carries (docs/security.md, "Headers and origins")."""
from __future__ import annotations

import logging
import os
import re
from datetime import date, datetime
from functools import lru_cache

import pytz
from flask import Flask, current_app, g, render_template, request
from sqlalchemy.orm import Session

from conference import i18n
from conference.clock import server_zone
from conference.errors import MinbarError
from conference.i18n import N_  # noqa: F401  (re-exported for the views)

LANG_COOKIE = "minbar_lang"


def get_db() -> Session:
    if "db" not in g:
        g.db = current_app.extensions["minbar.db"].request_session(request.method)
    return g.db


def now() -> datetime:
    return current_app.extensions["minbar.clock"].now()


def query_day() -> date | None:
    """The query string's `day` (YYYY-MM-DD), None when absent; anything else is refused."""
    text = request.args.get("day")
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise MinbarError("bad_request", "'day' should be a date written YYYY-MM-DD.") from None


def rehearsal() -> bool:
    return bool(current_app.config.get("MINBAR_AT"))


def select_language() -> str:
    """`?lang=` first (then remembered in a cookie), else the cookie, else Accept-Language."""
    return (
        i18n.normalise(request.args.get("lang"))
        or i18n.normalise(request.cookies.get(LANG_COOKIE))
        or i18n.normalise(request.accept_languages.best_match(i18n.LANGUAGES))
        or i18n.DEFAULT_LANGUAGE
    )


def lang() -> str:
    if "lang" not in g:
        g.lang = select_language()
    return g.lang


def _(message: str, **values) -> str:
    return i18n.gettext(lang(), message, **values)


def ngettext(singular: str, plural: str, n: int, **values) -> str:
    return i18n.ngettext(lang(), singular, plural, n, **values)


# What a person reads on an error page, by the refusal's code, in their language.
ERROR_PAGES = {
    "not_found": N_("This page does not exist."),
    "unauthorized": N_("This page needs a valid access link. Ask the secretariat for yours."),
    "forbidden": N_("Your access link does not allow this page."),
    "bad_request": N_("The request is not valid."),
}


def translated_error(code: str) -> str:
    return _(ERROR_PAGES.get(code, ERROR_PAGES["bad_request"]))


def lang_url(code: str) -> str:
    """This page in language `code`, keeping its other query parameters (an access token...)."""
    from urllib.parse import urlencode

    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"] + [("lang", code)]
    return f"{request.path}?{urlencode(args)}"


def render_error(status: int, message: str):
    return render_template("error.html", status=status, message=message), status


# -- security headers -------------------------------------------------------------------------

# Endpoints that other sites may embed, when MINBAR_FRAME_ORIGINS names them: the stage view only.
EMBEDDABLE_ENDPOINTS = frozenset({"sessions.stage"})
_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^https?://\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")
_HOST = re.compile(r"^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")


def frame_origins(value: str | None) -> tuple[str, ...]:
    """MINBAR_FRAME_ORIGINS, space- or comma-separated `https://host[:port]` origins; ValueError
    naming the first value that is not an origin (a path, a wildcard, another scheme...)."""
    origins = []
    for part in re.split(r"[\s,]+", (value or "").strip()):
        if not part:
            continue
        origin = part.rstrip("/")
        if not _ORIGIN.match(origin):
            raise ValueError(f"MINBAR_FRAME_ORIGINS: {part!r} is not an origin: write it as https://host[:port]")
        origins.append(origin.lower())
    return tuple(dict.fromkeys(origins))


@lru_cache(maxsize=8)
def _frame_origins_of(value: str | None) -> tuple[str, ...]:
    return frame_origins(value)


def content_security_policy(host: str, frame_ancestors: tuple[str, ...] = ()) -> str:
    """The policy for a page served at `host`: only the app's own files run, no inline script or
    style, Socket.IO to the same origin only (ws/wss named for browsers whose 'self' does not
    cover them), no plugins, no <base>, forms post to the app only, framing as given."""
    connect = ["'self'"]
    if _HOST.match(host or ""):
        connect += [f"ws://{host}", f"wss://{host}"]
    directives = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src " + " ".join(connect),
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors " + (" ".join(frame_ancestors) if frame_ancestors else "'none'"),
    ]
    return "; ".join(directives)


def security_headers(response, endpoint: str | None, host: str, frame_ancestors: tuple[str, ...]) -> None:
    embeddable = bool(frame_ancestors) and endpoint in EMBEDDABLE_ENDPOINTS
    response.headers["Content-Security-Policy"] = content_security_policy(
        host, frame_ancestors if embeddable else ())
    if embeddable:
        # X-Frame-Options cannot name several origins; browsers that read frame-ancestors ignore it.
        response.headers.pop("X-Frame-Options", None)
    else:
        response.headers["X-Frame-Options"] = "DENY"
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")


# -- tokens never reach a log ---------------------------------------------------------------------

_TOKEN_IN_TEXT = re.compile(r"(?i)(\b(?:access_|confirmation_)?token=)[^&\s\"'#;,]+")
# An e-mail address (registrations, invitations): never in a log line.
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_TOKEN_IN_JSON = re.compile(r"""(?i)(["']?(?:access_)?token["']?\s*:\s*["'])[^"']+""")
_BEARER = re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]+")
_AUTH_HEADER = re.compile(r"(?i)\b(authorization\s*[:=]\s*)[^\s,;]+(\s+[A-Za-z0-9._~+/=-]+)?")
REDACTED = "[redacted]"


def redact(text: str) -> str:
    """`text` with every `token=` value, bearer credential, Authorization value and e-mail
    address replaced."""
    if not isinstance(text, str) or not text:
        return text
    text = _TOKEN_IN_TEXT.sub(r"\1" + REDACTED, text)
    text = _TOKEN_IN_JSON.sub(r"\1" + REDACTED, text)   # Socket.IO auth packets: {"token": "..."}
    text = _AUTH_HEADER.sub(r"\1" + REDACTED, text)
    text = _EMAIL.sub(REDACTED, text)
    return _BEARER.sub(r"\1 " + REDACTED, text)


class RedactTokens(logging.Filter):
    """Rewrites a record so that its message carries no token: the Werkzeug request line
    (`GET /x?token=... HTTP/1.1`), gunicorn's access line (its atoms are a dict), the app's own.

    The message is formatted first and redacted whole (redacting the template alone would miss
    a token passed as an argument, and could break `token=%s`); a record with nothing to redact
    is left as it was."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_minbar_redacted", False):
            return True
        record._minbar_redacted = True
        try:
            message = record.getMessage()
        except Exception:       # a broken record: logging reports it as usual
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


_INSTALLED = False


def install_log_redaction() -> None:
    """Make every log record of this process token-free, whatever logger or handler it goes
    through (a filter on one logger misses records its children propagate): the record factory
    runs the filter on each record as it is made. Idempotent."""
    global _INSTALLED
    if _INSTALLED:
        return
    previous = logging.getLogRecordFactory()
    redactor = RedactTokens()

    def factory(*args, **kwargs):
        record = previous(*args, **kwargs)
        redactor.filter(record)
        return record

    logging.setLogRecordFactory(factory)
    _INSTALLED = True


def init_app(app: Flask) -> None:
    install_log_redaction()
    app.config.setdefault("MINBAR_FRAME_ORIGINS", os.environ.get("MINBAR_FRAME_ORIGINS", ""))
    frame_origins(app.config["MINBAR_FRAME_ORIGINS"])   # a wrong value stops the start, named
    app.jinja_env.add_extension("jinja2.ext.i18n")
    app.jinja_env.install_gettext_callables(
        lambda message: i18n.gettext(lang(), message),
        lambda singular, plural, n: i18n.ngettext(lang(), singular, plural, n),
        newstyle=True,
    )
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    app.jinja_env.filters.update(
        time=lambda moment, zone: i18n.fmt_time(moment, lang(), pytz.timezone(zone)),
        datetime=lambda moment, zone, form="medium": i18n.fmt_datetime(moment, lang(), pytz.timezone(zone), form),
        date=lambda day, form="full": i18n.fmt_date(day, lang(), form),
        zone_name=lambda zone: i18n.zone_name(zone, lang()),
        date_range=lambda first, last: i18n.fmt_date_range(first, last, lang()),
        time_range=lambda start, end, zone: i18n.fmt_time_range(start, end, lang(), pytz.timezone(zone)),
        utc_ms=lambda moment: int(moment.timestamp() * 1000),
    )

    @app.context_processor
    def language_context():
        language = lang()
        return {
            "lang": language,
            "dir": i18n.direction(language),
            "languages": i18n.LANGUAGES,
            "language_names": i18n.LANGUAGE_NAMES,
            "rehearsal_at": now() if rehearsal() else None,
            "default_zone": server_zone(current_app.config),
            "pick": lambda text: i18n.pick(text, language),
            "lang_url": lang_url,
        }

    @app.after_request
    def remember_language(response):
        chosen = i18n.normalise(request.args.get("lang"))
        # Feeds are public and shared by caches (Cache-Control: public): never a cookie on them;
        # nor on a download (`?lang=` picks the file's language, not the reader's from now on).
        shared = request.blueprint == "feeds" or response.cache_control.public
        download = response.mimetype != "text/html" or "attachment" in response.headers.get("Content-Disposition", "")
        if chosen and not shared and not download and request.cookies.get(LANG_COOKIE) != chosen:
            response.set_cookie(LANG_COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax")
        # A response whose language was chosen here (a page, a document, an outcome, a feed)
        # follows `?lang=`, the cookie and Accept-Language: caches must keep them apart.
        if response.mimetype == "text/html" or "lang" in g:
            response.vary.update(("Accept-Language", "Cookie"))
        security_headers(response, request.endpoint, request.host,
                         _frame_origins_of(current_app.config.get("MINBAR_FRAME_ORIGINS")))
        # Every server (Werkzeug's, gunicorn, gevent) writes its own Date header; one set here
        # (Werkzeug's make_conditional adds one) would be sent a second time.
        response.headers.pop("Date", None)
        return response
