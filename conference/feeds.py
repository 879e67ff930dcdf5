"""Calendar and schedule feeds (docs/calendar.md).

| route | answers |
|---|---|
| `GET /conferences/<slug>/agenda.ics` | the conference as iCalendar (removed sessions as cancelled events); `?lang=`, `?sessions=id,id`, `?day=YYYY-MM-DD`, `?alarm=MIN` or `none` |
| `GET /conferences/<slug>/sessions/<id>.ics` | one session; `?lang=`, `?alarm=MIN` or `none` |
| `GET /conferences/<slug>/schedule.json`, `schedule.xml` | the frab-compatible schedule; `?lang=` |

Every feed carries a file name, a strong ETag (the hash of its bytes) and Last-Modified (the
newest change among the included sessions and the conference), and answers 304 to a conditional
GET when nothing changed, and never a cookie. Bodies are cached in-process, keyed by the request and the database's
change stamps (`conference.feed_cache`), so a repeated request costs one small query. The views
only parse, look up and serialize; the building is in `conference.ical` and
`conference.schedule_export`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable
from urllib.parse import quote

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from sqlalchemy import select

from conference import feed_cache, i18n, ical, queries, schedule_export
from conference.errors import MinbarError
from conference.guard import public
from sessions.models import RemovedItem
from conference.web import N_, _, get_db, lang, ngettext, render_error
from speakers.links import ROLE_PAGES

bp = Blueprint("feeds", __name__)

DIGITS = re.compile(r"^[0-9]{1,4}$")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
CALENDAR_TYPE = "text/calendar; charset=utf-8"
# Clients are welcome to keep a copy but must ask again (cheaply: 304) before using it.
CACHE_CONTROL = "public, no-cache"
MY_SELECTION = N_("my selection")


def _refused(message: str) -> MinbarError:
    """A query that cannot be answered as asked (400); `message` is already in the reader's
    language, so `serve` shows it as it is rather than the generic sentence for the code."""
    return MinbarError("bad_request", message)


@dataclass(frozen=True)
class FeedQuery:
    """What a feed request asks for, parsed, checked and put in a canonical form."""

    lang: str
    sessions: tuple[str, ...] | None = None
    day: date | None = None
    alarm: int | None = None

    def key(self) -> tuple:
        return (self.lang, self.sessions, self.day.isoformat() if self.day else None, self.alarm)


NO_ALARM = "none"
SINGLE = ("lang", "alarm", "day")


def parse_query(args, *, selection: bool) -> FeedQuery:
    """`?lang=`, `?alarm=` and, where `selection`, `?sessions=` and `?day=`; a bad_request MinbarError when invalid.

    Strict, like every value a calendar client will keep polling: `lang` is exactly `ar`, `en` or
    `fr`; `alarm` is 1..1440 or `none` (what the page's form sends for "no reminder"); `day` is
    YYYY-MM-DD; none of the three may be empty or given twice. Only `sessions` may repeat.
    """
    for name in SINGLE:
        if len(args.getlist(name)) > 1:
            raise _refused(_("“%(name)s” is given more than once: give it once.", name=name))
    raw_lang = args.get("lang")
    if raw_lang is not None and raw_lang not in i18n.LANGUAGES:
        raise _refused(_("Unknown language “%(value)s”: use ar, en or fr.", value=raw_lang))
    sessions = day = alarm = None
    raw_alarm = args.get("alarm")
    if raw_alarm is not None and raw_alarm != NO_ALARM:
        if not DIGITS.match(raw_alarm) or not ical.MIN_ALARM <= int(raw_alarm) <= ical.MAX_ALARM:
            raise _refused(_("The reminder must be a whole number of minutes from 1 to 1440."))
        alarm = int(raw_alarm)
    if selection:
        # `sessions=a,b` (links) and `sessions=a&sessions=b` (the agenda page's form without JS).
        values = args.getlist("sessions")
        if values:
            ids = [part.strip() for value in values for part in value.split(",") if part.strip()]
            if not ids:
                raise _refused(_("No session was selected."))
            sessions = tuple(sorted(set(ids)))
        raw_day = args.get("day")
        if raw_day is not None:
            try:
                day = date.fromisoformat(raw_day) if ISO_DATE.match(raw_day) else None
            except ValueError:
                day = None
            if day is None:
                raise _refused(_("“%(value)s” is not a date: write it as YYYY-MM-DD.", value=raw_day))
    return FeedQuery(raw_lang or lang(), sessions, day, alarm)


def base_url() -> str:
    """Where the site is reached: MINBAR_BASE_URL when set, else the request's own root."""
    return (current_app.config.get("MINBAR_BASE_URL") or request.url_root).rstrip("/")


def with_removed(db, conf, items: list) -> list:
    """The agenda's items and the tombstones of sessions removed from it, in time order: the
    subscription feeds keep a removed session as a cancelled event (docs/calendar.md)."""
    removed = list(db.scalars(select(RemovedItem).where(RemovedItem.conference_id == conf.id)))
    if not removed:
        return items
    order = {id(item): n for n, item in enumerate(items)}
    return sorted(items + removed, key=lambda item: (item.starts_at, order.get(id(item), len(items))))


def objective_titles(db) -> dict[int, dict]:
    return {number: objective.title for number, objective in queries.objectives(db).items()}


# -- the routes ---------------------------------------------------------------------------------

@bp.get("/conferences/<slug>/agenda.ics")
@public
def agenda_ics(slug: str):
    def build(db, conf, query: FeedQuery):
        items = select_items(with_removed(db, conf, queries.agenda(db, conf)), query)
        name = i18n.pick(conf.title, query.lang)
        scope = "agenda"
        if query.day:
            scope = f"day-{query.day.isoformat()}"
            name = f"{name} – {i18n.fmt_date(query.day, query.lang, 'long')}"
        if query.sessions:
            scope = "selection-" + feed_cache.etag_of(",".join(query.sessions).encode())[:12]
            name = f"{name} – {i18n.gettext(query.lang, MY_SELECTION)}"
        calendar = ical.build_calendar(conf, items, query.lang, base_url(), query.alarm, name,
                                       objective_titles(db), scope=scope)
        return ical.serialize(calendar), items

    def filename(query: FeedQuery) -> str:
        suffix = f"-{query.day.isoformat()}" if query.day else ""
        suffix += "-selection" if query.sessions else ""
        return f"{slug}{suffix}.ics"

    return serve(slug, "agenda.ics", selection=True, build=build, content_type=CALENDAR_TYPE,
                 filename=filename, disposition="attachment")


@bp.get("/conferences/<slug>/sessions/<key>.ics")
@public
def session_ics(slug: str, key: str):
    def build(db, conf, query: FeedQuery):
        item = queries.item(db, conf, key)
        calendar = ical.build_calendar(conf, [item], query.lang, base_url(), query.alarm,
                                       i18n.pick(item.title, query.lang), objective_titles(db),
                                       scope=f"session-{key}", subscription=False)
        return ical.serialize(calendar), [item]

    return serve(slug, f"sessions/{key}.ics", selection=False, build=build, content_type=CALENDAR_TYPE,
                 filename=lambda query: f"{slug}-{key}.ics", disposition="attachment")


def _schedule(db, conf, query: FeedQuery):
    """The schedule document both frab feeds serialize, and the items it covers."""
    items = queries.agenda(db, conf)
    document = schedule_export.build_schedule(conf, items, query.lang, base_url(), objective_titles(db),
                                              generator_version=_version())
    return document, items


@bp.get("/conferences/<slug>/schedule.json")
@public
def schedule_json(slug: str):
    def build(db, conf, query: FeedQuery):
        document, items = _schedule(db, conf, query)
        return schedule_export.to_json(document), items

    return serve(slug, "schedule.json", selection=False, build=build, content_type="application/json",
                 filename=lambda query: f"{slug}-schedule.json", disposition="inline")


@bp.get("/conferences/<slug>/schedule.xml")
@public
def schedule_xml(slug: str):
    def build(db, conf, query: FeedQuery):
        document, items = _schedule(db, conf, query)
        url = f"{base_url()}/conferences/{slug}/schedule.xml?lang={query.lang}"
        return schedule_export.to_xml(document, url), items

    return serve(slug, "schedule.xml", selection=False, build=build, content_type="application/xml; charset=utf-8",
                 filename=lambda query: f"{slug}-schedule.xml", disposition="inline")


# -- the machinery the routes share -------------------------------------------------------------

def select_items(items: list, query: FeedQuery) -> list:
    """The items a query asks for, in agenda order; a bad_request MinbarError naming any unknown session id or day."""
    if query.day and query.day not in {item.day for item in items}:
        raise _refused(_("%(day)s is not a day of this conference.", day=query.day.isoformat()))
    if query.sessions:
        known = {item.key for item in items}
        unknown = [key for key in query.sessions if key not in known]
        if unknown:
            raise _refused(ngettext("There is no session “%(ids)s” in this conference.",
                                   "There are no sessions “%(ids)s” in this conference.",
                                   len(unknown), ids=", ".join(unknown)))
        items = [item for item in items if item.key in query.sessions]
    if query.day:
        items = [item for item in items if item.day == query.day]
    if not items:
        # RFC 5545 requires at least one component: an empty calendar is no answer.
        raise _refused(_("None of the selected sessions is on %(day)s.", day=query.day.isoformat())
                      if query.day and query.sessions else _("There is no session to put in this calendar."))
    return items


def serve(slug: str, feed: str, *, selection: bool, build: Callable, content_type: str,
          filename: Callable[[FeedQuery], str], disposition: str) -> Response:
    """Answer a feed request from the cache or by building it; 304 when the client is current."""
    try:
        query = parse_query(request.args, selection=selection)
    except MinbarError as refusal:
        return refuse(refusal)
    db = get_db()
    stamps = feed_cache.read_stamps(db, slug)
    if stamps is None:
        raise MinbarError("not_found", f"There is no conference '{slug}'.")
    cache = feed_cache.cache_for(current_app)
    key = (feed, slug, query.key(), base_url(), stamps.key())
    entry = cache.get(key)
    if entry is None:
        conf = queries.conference(db, slug)
        try:
            body, items = build(db, conf, query)
        except MinbarError as refusal:
            return refuse(refusal)
        newest = max([conf.modified_at] + [item.modified_at for item in items])
        entry = feed_cache.Entry.of(body, newest)
        cache.put(key, entry)
    response = Response(entry.body, content_type=content_type)
    response.headers["Content-Disposition"] = f'{disposition}; filename="{filename(query)}"'
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.headers["Vary"] = "Accept-Language, Cookie"
    response.set_etag(entry.etag)
    response.last_modified = entry.last_modified
    return response.make_conditional(request)


def refuse(refusal: MinbarError):
    """A query's refusal with its own sentence: JSON for API clients, the error page for everyone
    else. Other refusals (not_found, ...) go on to the application's handler."""
    if refusal.code != "bad_request":
        raise refusal
    if request.accept_mimetypes.best == "application/json":
        return jsonify({"error": refusal.to_contract()}), refusal.status
    return render_error(refusal.status, refusal.message)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("minbar")
    except PackageNotFoundError:
        return "0"


# -- links the agenda and session pages show ------------------------------------------------------

def _external(endpoint: str, **values) -> str:
    configured = current_app.config.get("MINBAR_BASE_URL")
    if configured:
        return configured.rstrip("/") + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def live_page(slug: str, key: str) -> str:
    """The participants' live page of a session (built by sessions/; the path is in the contract)."""
    return ROLE_PAGES["participant"].format(slug=quote(slug), session=quote(key))


def webcal(url: str) -> str:
    """The same feed as a subscription link: calendar apps open webcal:// and keep polling it."""
    return re.sub(r"^https?://", "webcal://", url)


@bp.app_context_processor
def calendar_context():
    """Helpers for templates/_macros/calendar.html: feed URLs and web-calendar links."""
    def agenda_feed(conference) -> dict:
        url = _external("feeds.agenda_ics", slug=conference.slug, lang=lang())
        return {"https": url, "webcal": webcal(url)}

    def session_links(conference, item) -> dict:
        return {
            "ics": url_for("feeds.session_ics", slug=conference.slug, key=item.key, lang=lang()),
            "google": ical.google_calendar_url(conference, item, lang(), base_url()),
            "outlook": ical.outlook_calendar_url(conference, item, lang(), base_url()),
            "outlook_work": ical.outlook_calendar_url(conference, item, lang(), base_url(), work=True),
            "live": live_page(conference.slug, item.key) if item.slots else None,
        }

    return {"calendar_feed": agenda_feed, "calendar_links": session_links}
