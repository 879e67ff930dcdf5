"""The public registration page, server-rendered and working without JavaScript:

- `GET /conferences/<slug>/register` (`?lang=`): the form while registration is open, else a page
  saying it is not open (and when it opens or closed);
- `POST` the same: the form's traps (an empty hidden field, a signed fill-time stamp), then
  `flows.submit`; a refusal shows the form again with what to correct (nothing kept); success
  goes (303) to `…/register/sent`, the same page whether or not the address is known;
- `GET …/register/confirm?confirmation_token=…`: the e-mailed link; a button confirms (`POST`), so
  a mail scanner opening the link confirms nothing.
The e-mail address is never shown back on any page but the form being corrected.
"""
from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from conference.errors import MinbarError
from conference.guard import guarded
from conference.registration import core, flows, store
from conference.web import N_, _, get_db, lang, now

bp = Blueprint("registration", __name__)

FIELDS = ("name", "name_latin", "title", "function", "rank", "delegation", "group", "email", "language",
          "gender", "needs")
HONEYPOT = "website"
LEVEL_LABELS = {1: N_("Head of State or Government"), 2: N_("Vice-President or Deputy Prime Minister"),
                3: N_("Minister"), 4: N_("Vice-Minister"), 5: N_("Head of Delegation"), 6: N_("Other")}
GENDER_LABELS = {"female": N_("Woman"), "male": N_("Man"), "other": N_("Other")}
REFUSALS = {
    "confirm_unknown": N_("This confirmation link is not valid, or it was already used."),
    "confirm_expired": N_("This confirmation link has expired. Please register again."),
    "unavailable": N_("The message could not be sent just now. Please try again in a few minutes."),
}
NO_STORE = {"Cache-Control": "no-store"}


def group_labels() -> dict:
    from conference.workspace.labels import GROUP_LABELS

    return {g: GROUP_LABELS[g] for g in core.GROUPS}


def _page(template: str, conf, status: int = 200, **context):
    return render_template(f"registration/{template}", conference=conf, **context), status, NO_STORE


def _form(conf, status: int = 200, values: dict | None = None, error: MinbarError | None = None):
    values = values or {"language": lang()}
    field = error.extra.get("field") if error is not None else None
    message = _(error.message) if error is not None and error.code != "unavailable" else \
        (_(REFUSALS["unavailable"]) if error is not None else None)
    return _page("register.html", conf, status, values=values, retention_days=store.settings(get_db(), conf).retention_days, error=message, error_field=field,
                 stamp=core.form_stamp(now(), current_app.config["SECRET_KEY"]), honeypot=HONEYPOT,
                 groups=group_labels(), delegations=known_delegations(conf), levels=LEVEL_LABELS, genders=GENDER_LABELS, languages_offered=core.LANGUAGES)


def known_delegations(conf) -> list[str]:
    """The delegations and organisations the agenda file already names, offered (not imposed)
    on the form so that one delegation is written one way."""
    from sqlalchemy import select

    from speakers.models import Person

    rows = get_db().execute(select(Person.delegation, Person.organisation).where(Person.conference_id == conf.id))
    return sorted({name for pair in rows for name in pair if name})


def _closed(conf, status: int = 200):
    row = store.settings(get_db(), conf)
    state = core.window(row.opens_at, row.closes_at, now())
    return _page("closed.html", conf, status, state=state, opens_at=row.opens_at, closes_at=row.closes_at)


def _is_open(conf) -> bool:
    row = store.settings(get_db(), conf)
    return core.window(row.opens_at, row.closes_at, now()) == "open"


@bp.get("/conferences/<slug>/register")
@guarded("registration.submit")
def form(slug: str, access):
    conf = access.conference
    if not _is_open(conf):
        return _closed(conf)
    return _form(conf)


@bp.post("/conferences/<slug>/register")
@guarded("registration.submit")
def submit(slug: str, access):
    conf = access.conference
    if not _is_open(conf):
        return _closed(conf, 403)
    values = {k: request.form.get(k, "") for k in FIELDS}
    try:
        core.check_form(request.form.get("stamp"), request.form.get(HONEYPOT), now(),
                        current_app.config["SECRET_KEY"],
                        float(current_app.config.get("MINBAR_REGISTRATION_MIN_FILL_S", 3)))
        flows.submit(conf, values)
    except MinbarError as error:
        if error.extra.get("reason") == "registration_closed":
            return _closed(conf, 403)
        return _form(conf, error.status, values, error)
    return redirect(url_for("registration.sent", slug=slug, lang=lang()), code=303)


@bp.get("/conferences/<slug>/register/sent")
@guarded("registration.submit")
def sent(slug: str, access):
    return _page("sent.html", access.conference, hours=core.CONFIRMATION_HOURS)


@bp.get("/conferences/<slug>/register/confirm")
@guarded("registration.submit")
def confirm_form(slug: str, access):
    return _page("confirm.html", access.conference, token=request.args.get("confirmation_token", ""))


@bp.post("/conferences/<slug>/register/confirm")
@guarded("registration.submit")
def confirm(slug: str, access):
    conf = access.conference
    try:
        flows.confirm(conf, request.form.get("confirmation_token", ""))
    except MinbarError as error:
        key = "confirm_expired" if error.extra.get("reason") == "expired" else "confirm_unknown"
        return _page("confirm.html", conf, error.status, token="", error=_(REFUSALS[key]))
    return _page("confirmed.html", conf)
