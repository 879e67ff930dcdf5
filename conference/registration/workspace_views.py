"""The workspace's registrations page (`/workspace/<slug>/registrations`): the registration dates
and retention period, and the registrations waiting for a decision, approved or declined one by
one or several at once with a reason the person receives. Plain HTML forms (with the CSRF token of
the signed-in organiser): it works without JavaScript. Guarded by `registration.decide`.
"""
from __future__ import annotations

from flask import Blueprint, make_response, redirect, render_template, request, url_for

from conference.errors import MinbarError
from conference.guard import guarded
from conference.registration import flows, store
from conference.registration.views import GENDER_LABELS, LEVEL_LABELS, group_labels
from conference.web import N_, _, get_db, now
from conference.workspace import access as web_access

bp = Blueprint("registration_workspace", __name__)

STATUS_LABELS = {"unconfirmed": N_("E-mail not confirmed"), "pending": N_("Waiting for a decision"),
                 "approved": N_("Approved"), "declined": N_("Declined")}
DUPLICATE_LABELS = {"same_email": N_("Same e-mail as another registration"),
                    "same_name_and_delegation": N_("Same name and delegation as another registration")}


def _signed_out_to_signin(who):
    return redirect(url_for("workspace.signin_form", next=request.full_path.rstrip("?")), code=303) \
        if who.anonymous else None


def _render(conf, status: int = 200, results: list | None = None, message: str | None = None):
    from conference.workspace.labels import NAV

    db = get_db()
    rows, flagged = store.listing(db, conf, request.args.get("status") or None)
    config = {"api": f"/api/v1/conferences/{conf.slug}", "csrf": web_access.csrf_token(),
              "messages": {"failed": _("The change was refused:"), "confirm_revoke": _("Revoke this link?")}}
    response = make_response(render_template(
        "registration/workspace.html", conference=conf, nav=NAV, page="registration_workspace.page",
        config=config, rows=rows, flagged=flagged, settings=store.settings(db, conf), results=results or [],
        message=message, status_labels=STATUS_LABELS, duplicate_labels=DUPLICATE_LABELS, groups=group_labels(),
        levels=LEVEL_LABELS, genders=GENDER_LABELS, chosen=request.args.get("status") or ""), status)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/workspace/<slug>/registrations")
@guarded("registration.decide", otherwise=_signed_out_to_signin)
def page(slug: str, access):
    return _render(access.conference)


@bp.post("/workspace/<slug>/registrations/decisions")
@guarded("registration.decide", otherwise=_signed_out_to_signin)
def decide(slug: str, access):
    conf = access.conference
    decision = request.form.get("decision")
    ids = [i for i in request.form.getlist("ids") if i.isdigit()]
    if decision not in ("approve", "decline") or not ids:
        return _render(conf, 400, message=_("Choose one or more registrations, then approve or decline them."))
    try:
        results = flows.decide(conf, access.who, ids, approve=decision == "approve",
                               reason=request.form.get("reason", ""))
    except MinbarError as error:
        return _render(conf, error.status, message=_(error.message))
    failed = [r for r in results if "error" in r]
    return _render(conf, 200 if not failed else 409, results=results)


@bp.post("/workspace/<slug>/registrations/settings")
@guarded("registration.decide", otherwise=_signed_out_to_signin)
def settings(slug: str, access):
    from conference.workspace.access import actor

    conf, db = access.conference, get_db()
    try:
        days = request.form.get("retention_days", "").strip()
        if not days.isdigit():
            raise MinbarError("bad_request", N_("The number of days should be a whole number."))
        store.put_settings(db, conf, opens_at=flows.instant(request.form, "opens_at", conf.timezone, None),
                           closes_at=flows.instant(request.form, "closes_at", conf.timezone, None),
                           retention_days=int(days), now=now(), actor=actor(access.who))
    except MinbarError as error:
        db.rollback()
        return _render(conf, error.status, message=_(error.message))
    db.commit()
    return redirect(url_for("registration_workspace.page", slug=slug), code=303)
