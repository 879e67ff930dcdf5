"""The agenda pages: server-rendered, working without JavaScript."""
from __future__ import annotations

from itertools import groupby

from flask import Blueprint, current_app, g, redirect, render_template, request, url_for

from conference import feed_cache, presenters, queries
from conference.guard import public
from conference.registration import store as registration
from conference.untrusted import local_path
from conference.web import get_db, lang, now, rehearsal

bp = Blueprint("conference", __name__)
TZ_COOKIE = "minbar_tz"


def _reader_zone_asked() -> str | None:
    return request.args.get("tz") or request.cookies.get(TZ_COOKIE)


def _reader_zone(conference_zone: str) -> presenters.Zones:
    return presenters.Zones.for_reader(conference_zone, _reader_zone_asked())


@bp.get("/")
@public
def home():
    slug = current_app.config["DEFAULT_CONFERENCE"]
    conferences = queries.conferences(get_db())
    if any(c.slug == slug for c in conferences):
        return agenda(slug)
    return render_template("conference/index.html", conferences=conferences)


# The rendered agenda page is cached (conference/feed_cache.py, docs/calendar.md) only for plain
# reads: `?lang=` and `?tz=` at most, no rehearsal clock (its banner shows seconds), and not when
# MINBAR_PAGE_CACHE is false. The key holds what the page depends on: the path and query (the
# language links repeat them), the language, the reader's time zone, who is signed in, the host,
# the agenda's change stamps, the sessions' live-state versions, the current minute (agenda
# times are whole minutes, so "now"/"next" cannot change within one) and whether registration is
# open at this instant (its "Register" link appears and goes at the secretariat's dates, to the
# second, and as soon as the dates change). Not the Cookie header: an
# unrelated cookie (a load balancer's, a session with no sign-in) changes nothing on the page.
# Data the stamps do not cover must not appear on this page without joining the key.
PAGE_ARGS = frozenset({"lang", "tz"})
PAGE_CACHE_ENTRIES = 128           # about 75 KB each


def _visitor():
    """The identity part of the key: None for every anonymous visitor, who all see one page; a
    signed-in visitor's whole identity (the header offers the views it may open), so nothing
    rendered for one signed-in person is ever served to anyone else."""
    identity = g.get("identity")
    return None if identity is None or identity.anonymous else identity


def _agenda_page_key(db, slug: str, moment) -> tuple | None:
    if not current_app.config.get("MINBAR_PAGE_CACHE", True) or rehearsal() or not set(request.args) <= PAGE_ARGS:
        return None
    stamps = feed_cache.read_stamps(db, slug)
    if stamps is None:
        return None
    return ("agenda", slug, request.path, tuple(sorted(request.args.items())), lang(), _reader_zone_asked(),
            _visitor(), request.url_root, stamps.key(), stamps.live_versions,
            moment.replace(second=0, microsecond=0).isoformat(),
            registration.window_at(db, stamps.conference_id, moment))


@bp.get("/conferences/<slug>")
@public
def agenda(slug: str):
    db = get_db()
    moment = now()
    key = _agenda_page_key(db, slug, moment)
    cache = feed_cache.cache_for(current_app, "pages", max_entries=PAGE_CACHE_ENTRIES)
    cached = cache.get(key) if key is not None else None
    if cached is not None:
        return cached
    html = _render_agenda(db, slug, moment)
    if key is not None:
        cache.put(key, html)
    return html


def _render_agenda(db, slug: str, moment) -> str:
    conf = queries.conference(db, slug)
    items = queries.agenda(db, conf)
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
        registration_open=registration.window_at(db, conf.id, moment) == "open",
    )


@bp.get("/conferences/<slug>/sessions/<key>")
@public
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
@public
def switch_language(code: str):
    """A language switch that works without JavaScript: remember, then go back."""
    target = local_path(request.args.get("next")) or url_for("conference.home")
    response = redirect(target)
    if code in ("ar", "en", "fr"):
        response.set_cookie("minbar_lang", code, max_age=365 * 24 * 3600, samesite="Lax")
    return response


@bp.get("/accessibility")
@public
def accessibility():
    """The accessibility statement (docs/accessibility.md says the same for maintainers)."""
    return render_template("conference/accessibility.html")
