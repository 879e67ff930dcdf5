"""Per-request plumbing shared by the HTTP views: database session, clock, language, errors."""
from __future__ import annotations

from datetime import datetime

import pytz
from flask import Flask, current_app, g, render_template, request
from sqlalchemy.orm import Session

from conference import i18n
from conference.i18n import N_  # noqa: F401  (re-exported for the views)

LANG_COOKIE = "minbar_lang"


def get_db() -> Session:
    if "db" not in g:
        g.db = current_app.extensions["minbar.db"].request_session(request.method)
    return g.db


def now() -> datetime:
    return current_app.extensions["minbar.clock"].now()


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


def init_app(app: Flask) -> None:
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
            "pick": lambda text: i18n.pick(text, language),
            "lang_url": lang_url,
        }

    @app.after_request
    def remember_language(response):
        chosen = i18n.normalise(request.args.get("lang"))
        if chosen and request.cookies.get(LANG_COOKIE) != chosen:
            response.set_cookie(LANG_COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax")
        if response.mimetype == "text/html":
            response.headers.setdefault("Vary", "Accept-Language, Cookie")
            response.headers.setdefault("X-Content-Type-Options", "nosniff")
            response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
