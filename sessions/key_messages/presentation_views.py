"""Presentation mode: the projector view of the agreed key messages (`/conferences/<slug>/presentation`),
each in the page's language when its version there is complete, else its original marked as
pending translation (static/js/presentation.js)."""
from __future__ import annotations

from flask import Blueprint, Response, render_template, request

from conference import i18n, queries
from conference.errors import MinbarError
from conference.guard import Scope, guarded
from conference.publishing import ID, publisher
from conference.web import _, get_db, lang, now
from sessions.key_messages import ops
from sessions.live import operations
from sessions.key_messages.rapporteur_views import OUTCOME_LABELS, reference

bp = Blueprint("presentation_views", __name__)


def presented_session(slug: str) -> Scope:
    """`?session=ID`, else the conference's key-messages session (404 when there is none)."""
    db = get_db()
    conf = queries.conference(db, slug)
    key = request.args.get("session") or next(
        (i.key for i in queries.agenda(db, conf) if i.kind == "key_messages"), None)
    if not key or not ID.match(key):
        raise MinbarError("not_found", "This conference has no key-messages session to present.")
    return Scope(slug, conf, queries.item(db, conf, key))


@bp.get("/conferences/<slug>/presentation")
@guarded("page.presentation", load=presented_session)
def presentation_page(slug: str, access):
    """The projector view: drivers (signed in as the session's chair or rapporteur, or an
    organiser) page through the agreed messages; everyone else follows, read-only."""
    db, conf, item = get_db(), access.conference, access.item
    key = item.key
    moment = now()
    moved = ops.sync_presentations(db, conf, moment, also=key)
    db.commit()
    for session_key, state in moved:
        publisher().publish_state(slug, session_key, state)
    driver = access.may("presentation.drive")
    objectives, _principles = reference(db)
    state = operations.current(db, slug, key, moment)
    titles = {i.key: i18n.pick(i.title, lang()) for i in queries.agenda(db, conf)}
    config = {
        "conference": slug,
        "session": key,
        "driver": driver,
        "api": f"/api/v1/conferences/{slug}/key-messages?status=agreed",
        "messages": ops.agreed_in_conference(db, conf),
        "digest": state["presentation"]["digest"],
        "presentation": state["presentation"],
        "titles": titles,
        "objectives": objectives,
        "lang": lang(),
        "directions": {code: i18n.direction(code) for code in i18n.LANGUAGES},
        "strings": {
            "pending": {code: _(OUTCOME_LABELS[f"pending_{code}"]) for code in i18n.LANGUAGES},
            "empty": _("No key message has been agreed yet."),
            "counter": _("%(n)s of %(count)s"),
            "objectives": _("Objectives"),
            "disconnected": _("Connection lost: reconnecting…"),
        },
    }
    response = Response(render_template("sessions/presentation.html", conference=conf, item=item,
                                        config=config, driver=driver))
    if driver:
        response.headers["Cache-Control"] = "no-store"
    return response
