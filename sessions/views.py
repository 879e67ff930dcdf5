"""The live session pages: the chair console, the stage view and the participant live view.

Each page renders its first paint on the server (from the session's STATE as of now) and then
follows the live session over Socket.IO (static/js/live.js): the browser never counts on its own,
it renders from the last STATE and its offset to the server's clock.

| page | who | |
|---|---|---|
| `.../sessions/<id>/console` | the session's chair, an organiser | runs the session |
| `.../sessions/<id>/stage` | anyone (stage screens are often not signed in) | read-only |
| `.../sessions/<id>/live` | anyone; a sign-in link lets its holder ask for the floor | read-only |
"""
from __future__ import annotations

from flask import Blueprint

from conference.guard import guarded, session
from conference.web import get_db, lang, now
from sessions.live import pages as live_pages

bp = Blueprint("sessions", __name__)


@bp.get("/conferences/<slug>/sessions/<key>/console")
@guarded("page.console", load=session)
def console(slug: str, key: str, access):
    page = live_pages.build(access)
    return live_pages.render("sessions/console.html", page)


@bp.get("/conferences/<slug>/sessions/<key>/stage")
@guarded("page.stage", load=session)
def stage(slug: str, key: str, access):
    page = live_pages.build(access)
    return live_pages.render("sessions/stage.html", page)


@bp.get("/conferences/<slug>/sessions/<key>/live")
@guarded("page.live", load=session)
def live(slug: str, key: str, access):
    page = live_pages.build(access)
    page.day = live_pages.day_projection(get_db(), page.conference, page.item, now(), lang())
    page.config["day"] = live_pages.day_config(page.day)
    return live_pages.render("sessions/live.html", page)
