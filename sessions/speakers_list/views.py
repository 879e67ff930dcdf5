"""The pages of the list of speakers: a focal point's page (inscription form, works without
JavaScript) and the secretariat's workspace page (over the HTTP API, `static/js/workspace.js`).

| route | who |
|---|---|
| `GET`, `POST /conferences/<slug>/focal-point` | `page.focal_point`: a focal point (an organiser with `?delegation=`) |
| `GET /workspace/<slug>/speakers` | `page.workspace` |
"""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from sqlalchemy import select

from conference import queries
from conference.errors import MinbarError
from conference.guard import guarded
from conference.i18n import N_
from conference.web import _, get_db, now
from conference.workspace.views import _render, _signed_out_to_signin
from sessions.speakers_list import inscriptions, operations
from sessions.speakers_list.order import LEVELS
from speakers.models import Person

bp = Blueprint("speakers_list_views", __name__)

LEVEL_LABELS = {
    "head_of_state": N_("Head of State or Government"),
    "deputy_head": N_("Vice-President or Deputy Prime Minister"),
    "minister": N_("Minister"),
    "vice_minister": N_("Vice-Minister"),
    "head_of_delegation": N_("Head of Delegation"),
    "other": N_("Other"),
}
FORM_ERRORS = {
    "closed": N_("Inscription on this list of speakers is not open now."),
    "conflict": N_("This speaker is already on the list of speakers."),
    "forbidden": N_("This speaker is not of your delegation."),
    "other": N_("Choose a speaker or write a name, and choose a level and a language."),
}
REGISTRATION_STATUSES = {"pending": N_("Awaiting the secretariat's decision"), "approved": N_("Approved"),
                         "declined": N_("Declined")}
LANGUAGE_NAMES = {"ar": "العربية", "en": "English", "fr": "Français"}


def with_statements(db, conf) -> list:
    """The sessions a list of speakers is for: those with statements, or with a list already."""
    lists = {row.session_key: row for row in db.scalars(select(operations.SpeakersList).where(
        operations.SpeakersList.conference_id == conf.id))}
    return [(item, lists.get(item.key)) for item in queries.agenda(db, conf)
            if item.key in lists or any(s.kind == "statement" for s in item.slots)]


def _names(db, conf, rows) -> dict[str, Person]:
    keys = [e.person_key for row in rows if row for e in operations.listed(row)]
    return {p.key: p for p in db.scalars(select(Person).where(Person.conference_id == conf.id,
                                                              Person.key.in_(keys)))} if keys else {}


@bp.route("/conferences/<slug>/focal-point", methods=["GET", "POST"])
@guarded("page.focal_point")
def focal_point(slug: str, access):
    """A focal point's page: the sessions' lists, an inscription form for each open one, and the
    delegation's registrations."""
    db, conf, who = get_db(), access.conference, access.who
    delegation = who.delegation or request.values.get("delegation", "")
    if not delegation:
        raise MinbarError("bad_request", "Name the delegation (?delegation=).")
    error, saved, status = None, None, 200
    if request.method == "POST":
        item = queries.item(db, conf, request.form.get("session", ""))
        form = {k: v for k, v in (("level", request.form.get("level")), ("language", request.form.get("language")),
                                  ("text", request.form.get("text", "").strip() or None)) if v}
        person, name = request.form.get("person") or None, request.form.get("name", "").strip()
        form.update({"person": person} if person else {"name": name})
        if not access.may("speakers.inscribe", delegation=delegation):
            raise MinbarError("forbidden", "Your link may not inscribe speakers for this delegation.")
        try:
            saved = inscriptions.inscribe(db, conf, item, form, who=who, delegation=delegation,
                                          held_to_window=not access.may("workspace.speakers"), now=now(),
                                          instance=current_app.instance_path)
            db.commit()
        except MinbarError as refused:
            db.rollback()
            error, status = _(FORM_ERRORS.get(refused.code, FORM_ERRORS["other"])), 400 if refused.code == "bad_request" else refused.status
    sessions = with_statements(db, conf)
    people = list(db.scalars(select(Person).where(Person.conference_id == conf.id, Person.delegation == delegation)
                             .order_by(Person.name)))
    registrations = []
    if access.may("registration.delegation", delegation=delegation):
        from conference.registration.models import Registration

        registrations = list(db.scalars(select(Registration).where(
            Registration.conference_id == conf.id, Registration.delegation == delegation,
            Registration.status != "unconfirmed").order_by(Registration.id)))
    response = current_app.make_response((render_template(
        "sessions/focal_point.html", conference=conf, identity=who, delegation=delegation,
        registration_statuses=REGISTRATION_STATUSES, sessions=sessions,
        names=_names(db, conf, [row for _item, row in sessions]), people=people, levels=LEVELS,
        level_labels=LEVEL_LABELS, language_names=LANGUAGE_NAMES, registrations=registrations,
        at=now(), is_open=operations.is_open, status_of=operations.status, listed=operations.listed,
        error=error, saved=saved, form=request.form if error else {}), status))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/workspace/<slug>/speakers")
@guarded("page.workspace", otherwise=_signed_out_to_signin)
def workspace_page(slug: str, access):
    db, conf = get_db(), access.conference
    sessions = with_statements(db, conf)
    people = list(db.scalars(select(Person).where(Person.conference_id == conf.id).order_by(Person.name)))
    return _render("workspace/speakers.html", conf, page="speakers_list_views.workspace_page",
                   sessions=sessions, names=_names(db, conf, [row for _item, row in sessions]),
                   people=people, focal_points=operations.focal_points(db, conf), level_labels=LEVEL_LABELS,
                   at=now(), status_of=operations.status, listed=operations.listed)
