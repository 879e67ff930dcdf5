"""Organiser sign-in (`/signin`, `/signout`) and the workspace pages.

The sign-in form carries Flask-WTF's CSRF token; failed attempts are counted in the database
(`speakers.organisers`), so the sixth failure in a minute for one account or one address answers
429 whichever server process receives it. The signed-in session lives in Flask's signed,
HttpOnly session cookie and expires (`MINBAR_ORGANISER_SESSION_MINUTES`, 8 hours by default);
`speakers.credentials` turns it into the request's identity (`speakers.organiser_session`).
Sign-ins and refusals go to the audit log (`speakers.sign_in_audit`; a 429 writes nothing there:
the refusal that tripped the limit left its note). `POST /signout` is `speakers.views`'.
"""
from __future__ import annotations

import re

from flask import Blueprint, redirect, render_template, request, url_for

from conference import guard, i18n
from conference.errors import MinbarError
from conference.guard import guarded, public
from conference.untrusted import local_path
from conference.web import N_, _, get_db, now, query_day
from conference.workspace import access as web_access
from conference.workspace.labels import (
    ACTION_LABELS, BALANCE_LABELS, BULK_LABELS, DIMENSION_LABELS, FILTER_ROLES, GROUP_LABELS, LINKS_MESSAGES, NAV,
    REFUSAL_LABELS, ROLE_LABELS, ROLE_MENU, STATUS_LABELS)
from speakers import organiser_session, organisers, policy, sign_in_audit

bp = Blueprint("workspace", __name__)

FAILED = N_("The e-mail or the password is not right.")
THROTTLED = N_("Too many failed sign-ins. Wait a minute and try again.")


def _safe_next(value: str | None) -> str:
    return local_path(value) or url_for("workspace.home")


def _form(status: int = 200, message: str | None = None, email: str = ""):
    response = render_template("workspace/signin.html", message=message, email=email,
                               next=request.values.get("next", ""))
    return response, status, {"Cache-Control": "no-store"}


def _to_signin(_who=None):
    return redirect(url_for("workspace.signin_form", next=request.full_path.rstrip("?")), code=303)


def _signed_out_to_signin(who):
    """A workspace page sends a visitor signed in as nobody to /signin; anyone else gets a 403 page."""
    return _to_signin() if who.anonymous else None


@bp.get("/signin")
@public
def signin_form():
    return _form()


@bp.post("/signin")
@public
def signin():
    web_access.csrf.protect()
    email = (request.form.get("email") or "").strip()
    password = request.form.get("password") or ""
    db = get_db()
    address, moment = request.remote_addr, now()
    try:
        account = organisers.authenticate(db, email, password, address, moment)
    except MinbarError as refusal:
        if refusal.code == "rate_limited":
            return _form(429, _(THROTTLED), email)
        sign_in_audit.refused(db, email, address=address, now=moment)
        db.commit()     # the failure counts
        return _form(401, _(FAILED), email)
    organiser_session.sign_in(account)
    sign_in_audit.signed_in(db, account, address=address, now=moment)
    db.commit()
    return redirect(_safe_next(request.form.get("next")), code=303)


@bp.get("/workspace")
@guarded("page.workspace_home", load=guard.nothing, otherwise=_to_signin)
def home(access):
    from conference import queries

    account = organiser_session.account()
    conferences = [c for c in queries.conferences(get_db())
                   if policy.may(organisers.identity_for(account, c.slug), "page.workspace", c.slug)]
    config = {"api": "", "csrf": web_access.csrf_token(),
              "messages": {"failed": _("The change was refused:"), "confirm_revoke": _("Revoke this link?"),
                           "confirm_clone": _("Create a new conference as a copy of this one, on the dates chosen?")}}
    return render_template("workspace/home.html", account=account, conferences=conferences, config=config), \
        200, {"Cache-Control": "no-store"}


# -- the workspace pages --------------------------------------------------------------------
# Each page needs an organiser account signed in on this browser and granted the conference
# (a signed-out visitor is sent to /signin, anyone else gets a 403 page). Writes go through the
# JSON API from static/js/workspace.js, with the CSRF token from the page's JSON config.

def _render(template: str, conf, **context):
    from flask import make_response

    config = {"api": f"/api/v1/conferences/{conf.slug}", "csrf": web_access.csrf_token(),
              "messages": {"failed": _("The change was refused:"), "confirm_revoke": _("Revoke this link?")}}
    response = make_response(render_template(
        template, conference=conf, nav=NAV, config=config, group_labels=GROUP_LABELS,
        role_labels=ROLE_LABELS, **context))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/workspace/<slug>")
@guarded("page.workspace", otherwise=_signed_out_to_signin)
def people_page(slug: str, access):
    from conference import queries
    from conference.agenda.schema import GENDERS, STAKEHOLDER_GROUPS
    from conference.web import lang
    from conference.workspace import tables

    conf = access.conference
    items = queries.agenda(get_db(), conf)
    everyone = _people(conf)
    filters = tables.wanted(request.args, tables.PEOPLE_FILTERS)
    shown = tables.people(everyone, filters, tables.assignments(items, conf.booths), lang())
    return _render("workspace/people.html", conf, page="workspace.people_page", people=everyone, shown=shown,
                   filters=filters, delegations=tables.delegations(everyone), filter_roles=FILTER_ROLES,
                   links_messages={k: _(v) for k, v in LINKS_MESSAGES.items()},
                   items=items, groups=STAKEHOLDER_GROUPS, genders=GENDERS, booths=conf.booths or [])


@bp.get("/workspace/<slug>/links")
@guarded("page.workspace", otherwise=_signed_out_to_signin)
def links_page(slug: str, access):
    from conference import queries
    from conference.web import lang
    from conference.workspace import tables

    conf = access.conference
    items, everyone, every_link = queries.agenda(get_db(), conf), _people(conf), _links(conf)
    filters = tables.wanted(request.args, tables.LINK_FILTERS)
    by_key = {p.key: p for p in everyone}
    shown = tables.links(every_link, filters, by_key, now(), lang())
    return _render("workspace/links.html", conf, page="workspace.links_page", links=shown, total=len(every_link),
                   filters=filters, items=items, titles={i.key: i.title for i in items}, people=everyone,
                   people_by_key=by_key, delegations=tables.delegations(list(everyone) + [e["row"] for e in every_link]),
                   role_menu=ROLE_MENU, status_labels=STATUS_LABELS, bulk_labels=BULK_LABELS,
                   links_messages={k: _(v) for k, v in LINKS_MESSAGES.items()},
                   status_of=lambda row: tables.status(row, now()))


@bp.get("/workspace/<slug>/links/sheet")
@guarded("page.workspace", otherwise=_signed_out_to_signin)
def links_sheet(slug: str, access):
    conf = access.conference
    return _render("workspace/sheet.html", conf, page="workspace.links_page",
                   links=[link for link in _links(conf) if link["row"].revoked_at is None])


@bp.get("/workspace/<slug>/links/<link_id>/qr.svg")
@guarded("page.workspace", otherwise=_signed_out_to_signin)
def link_qr(slug: str, link_id: str, access):
    import io

    import segno
    from flask import make_response

    conf = access.conference
    link = next((l for l in _links(conf) if l["row"].id == link_id), None)
    if link is None:
        raise MinbarError("not_found", "No such link.")
    out = io.BytesIO()
    segno.make(link["url"], error="m").save(out, kind="svg", scale=4, xmldecl=False)
    response = make_response(out.getvalue())
    response.headers["Content-Type"] = "image/svg+xml"
    response.headers["Cache-Control"] = "no-store"
    return response


def _people(conf):
    from sqlalchemy import select

    from speakers.models import Person

    return list(get_db().scalars(select(Person).where(Person.conference_id == conf.id).order_by(Person.id)))


def _links(conf) -> list[dict]:
    from flask import current_app
    from sqlalchemy import select

    from conference.workspace.api_links import base_url
    from speakers.links import link_for
    from speakers.models import AccessToken
    from speakers.tokens import sign

    rows = get_db().scalars(select(AccessToken).where(AccessToken.conference_id == conf.id)
                            .order_by(AccessToken.issued_at, AccessToken.id))
    secret = current_app.config["SECRET_KEY"]
    return [{"row": row, "url": link_for(base_url(), conf.slug, row.role, row.session_key, sign(row.id, secret)),
             "expires_at": getattr(row, "expires_at", None), "last_used_at": getattr(row, "last_used_at", None)}
            for row in rows]


SESSION_ID = re.compile(r"\b(?:item|session|Session) ([a-z0-9]+(?:-[a-z0-9]+)*)")
SCHEDULE_MESSAGES = {
    "moved": N_("%(slot)s: place %(place)s of %(count)s. The new order is saved."),
    "first": N_("%(slot)s is already first."),
    "last": N_("%(slot)s is already last."),
    "unchanged": N_("Nothing to save: the times are those shown."),
}


@bp.get("/workspace/<slug>/schedule")
@guarded("page.workspace", otherwise=_signed_out_to_signin)
def schedule_page(slug: str, access):
    return _schedule(access.conference, saved=bool(request.args.get("saved")))


def _schedule(conf, *, saved: bool = False, refusal: MinbarError | None = None, status: int = 200):
    from conference import queries
    from conference.web import lang

    items = queries.agenda(get_db(), conf)
    reasons = []
    if refusal is not None:   # in the page's language, sessions named by their titles (finding_text)
        from conference import finding_text

        titles = {i.key: i18n.pick(i.title, lang()) for i in items}
        reasons = finding_text.refusal(refusal.to_contract(), lang(), names=titles, markup=True)
        for line in reasons:   # a sentence left in English: its session ids named all the same
            if line["lang"]:
                line["text"] = SESSION_ID.sub(lambda m: f"“{titles[m[1]]}”" if m[1] in titles else m[0], line["text"])
    response = _render("workspace/schedule.html", conf, page="workspace.schedule_page",
                       items=items, saved=saved, reasons=reasons,
                       schedule_config={"messages": {k: _(v) for k, v in SCHEDULE_MESSAGES.items()}})
    response.status_code = status
    return response


@bp.post("/workspace/<slug>/schedule/<key>")
@guarded("workspace.schedule", otherwise=_signed_out_to_signin)
def schedule_save(slug: str, key: str, access):
    """The schedule page's form without JavaScript: it sends both times, and each one equal to
    the time the form showed counts as not sent (`edits.times_changed`), so a start changed alone
    moves the session keeping its length. Refused: the page again, with the reason."""
    from conference import queries
    from conference.workspace import edits
    from conference.workspace.api_base import _change, _commit_and_publish

    from conference.workspace import agenda_file, operations
    from conference.workspace.api_base import _changed_sessions

    web_access.csrf.protect()
    conf, db = access.conference, get_db()
    queries.item(db, conf, key)   # 404 first
    before = agenda_file.spec_from_db(db, conf)
    try:
        shown = tuple(_form_wall(f"shown_{name}") for name in ("starts_at", "ends_at"))
        start, end = edits.times_changed(shown, tuple(_form_wall(name) for name in ("starts_at", "ends_at")))
        if start is None and end is None:
            return redirect(url_for("workspace.schedule_page", slug=slug, _anchor=f"session-{key}"), code=303)
        day = (start or end).date()
        if start is not None and end is not None and start.date() != end.date():
            raise MinbarError("bad_request", "A session starts and ends on the same day.", reason="same_day")
        _change(db, conf, access.who, "workspace.session.update",
                lambda spec: edits.move_item(spec, key, day=day, start=start and start.time(),
                                             end=end and end.time(),
                                             shift_following=bool(request.form.get("shift_following"))),
                session=key, target=f"session:{key}")
    except MinbarError as refusal:
        db.rollback()
        return _schedule(conf, refusal=refusal, status=refusal.status)
    old, _new = operations.differences(before, agenda_file.spec_from_db(db, conf))
    _commit_and_publish(db, slug, _changed_sessions(old) or [key])
    return redirect(url_for("workspace.schedule_page", slug=slug, saved=key, _anchor=f"session-{key}"), code=303)


def _form_wall(name: str):
    from datetime import datetime

    value = (request.form.get(name) or "").strip()
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise MinbarError("bad_request", f"'{name}' is not a date and time: {value!r}.") from None
    if moment.tzinfo is not None or moment.second or moment.microsecond:
        raise MinbarError("bad_request", f"'{name}' should be a wall time on a whole minute.")
    return moment


@bp.get("/workspace/<slug>/audit")
@guarded("page.workspace", otherwise=_signed_out_to_signin)
def audit_page(slug: str, access):
    from conference import audit, queries
    from conference.web import lang
    from conference.workspace import audit_text
    from conference.workspace.api_records import _instant

    conf = access.conference
    filters = {name: (request.args.get(name) or "").strip() for name in ("session", "person", "action", "since", "until")}
    found = audit.entries(get_db(), conf, session=filters["session"] or None, person=filters["person"] or None,
                          action=filters["action"] or None, since=_instant("since", conf),
                          until=_instant("until", conf))
    csv_args = {k: v for k, v in filters.items() if v}
    items = queries.agenda(get_db(), conf)
    names = _audit_names(conf, items, lang())
    entries = [(e, audit_text.describe(e, lang(), names)) for e in reversed(found)]
    return _render("workspace/audit.html", conf, page="workspace.audit_page", entries=entries,
                   action_labels=ACTION_LABELS, refusal_labels=REFUSAL_LABELS, filters=filters, items=items,
                   titles=names.sessions,
                   csv_url=url_for("workspace_api.audit_log", slug=slug, format="csv", **csv_args))


def _audit_names(conf, items, language: str):
    from conference import i18n
    from conference.workspace.audit_text import Names

    people = {p.key: p.name_in(language) for p in _people(conf)}
    return Names(
        sessions={i.key: i18n.pick(i.title, language) for i in items},
        people=people,
        slots={s.key: i18n.pick(s.role, language) for i in items for s in i.slots if s.role},
        links={e["row"].id: (e["row"].role, e["row"].name or people.get(e["row"].person_key or "", ""))
               for e in _links(conf)},
        roles={code: _(label) for code, label in ROLE_LABELS.items()},
        languages=dict(i18n.LANGUAGE_NAMES))


@bp.get("/workspace/<slug>/balance")
@guarded("page.workspace", otherwise=_signed_out_to_signin)
def balance_page(slug: str, access):
    from conference import queries
    from sessions.reports import balance
    from sessions.reports.balance_query import turns

    conf = access.conference
    session = (request.args.get("session") or "").strip() or None
    day = query_day()
    db = get_db()
    if session:
        queries.item(db, conf, session)
    result = balance.compute(balance.select(turns(db, conf, now()), session=session, day=day))
    tables = []
    for dimension, lines in result.items():
        top = max([max(l.planned_ms, l.actual_ms) for l in lines] + [1])
        tables.append((dimension, lines, balance.total(lines), top))
    csv_args = {k: v for k, v in (("session", session), ("day", day.isoformat() if day else None)) if v}
    return _render("workspace/balance.html", conf, page="workspace.balance_page", tables=tables,
                   session=session, day=day, items=queries.agenda(db, conf),
                   dimension_labels=DIMENSION_LABELS, balance_labels=BALANCE_LABELS,
                   csv_url=url_for("workspace_api.balance_figures", slug=slug, format="csv", **csv_args))
