"""The agenda pages: server-rendered, working without JavaScript."""
from __future__ import annotations

from itertools import groupby

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from conference import presenters, queries
from conference.web import get_db, lang, now

bp = Blueprint("conference", __name__)
TZ_COOKIE = "minbar_tz"


def _reader_zone(conference_zone: str) -> presenters.Zones:
    return presenters.Zones.for_reader(conference_zone, request.args.get("tz") or request.cookies.get(TZ_COOKIE))


@bp.get("/")
def home():
    slug = current_app.config["DEFAULT_CONFERENCE"]
    conferences = queries.conferences(get_db())
    if any(c.slug == slug for c in conferences):
        return agenda(slug)
    return render_template("conference/index.html", conferences=conferences)


@bp.get("/conferences/<slug>")
def agenda(slug: str):
    db = get_db()
    conf = queries.conference(db, slug)
    items = queries.agenda(db, conf)
    moment = now()
    next_key = presenters.next_item_key(items, moment)
    days = [(day, list(group)) for day, group in groupby(items, key=lambda i: i.day)]
    return render_template(
        "conference/agenda.html",
        conference=conf,
        days=days,
        now=moment,
        statuses={i.key: presenters.status(i, moment, next_key) for i in items},
        zones=_reader_zone(conf.timezone),
        objectives=queries.objectives(db),
        presenters=presenters,
    )


@bp.get("/conferences/<slug>/sessions/<key>")
def session_page(slug: str, key: str):
    db = get_db()
    conf = queries.conference(db, slug)
    item = queries.item(db, conf, key)
    moment = now()
    return render_template(
        "conference/session.html",
        conference=conf,
        item=item,
        now=moment,
        status=presenters.status(item, moment, None),
        zones=_reader_zone(conf.timezone),
        objectives=queries.objectives(db),
        presenters=presenters,
    )


@bp.get("/language/<code>")
def switch_language(code: str):
    """A language switch that works without JavaScript: remember, then go back."""
    target = request.args.get("next") or url_for("conference.home")
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("conference.home")
    response = redirect(target)
    if code in ("ar", "en", "fr"):
        response.set_cookie("minbar_lang", code, max_age=365 * 24 * 3600, samesite="Lax")
    return response
