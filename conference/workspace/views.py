"""Organiser sign-in (`/signin`, `/signout`) and the workspace pages.

The sign-in form carries Flask-WTF's CSRF token; failed attempts are counted in the database
(`speakers.organisers`), so the sixth failure in a minute for one account or one address answers
429 whichever server process receives it. The signed-in session lives in Flask's signed,
HttpOnly session cookie and expires (`MINBAR_ORGANISER_SESSION_MINUTES`, 8 hours by default).
"""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for

from conference.errors import MinbarError
from conference.web import N_, _, get_db, now
from conference.workspace import access as web_access
from speakers import organisers

bp = Blueprint("workspace", __name__)

FAILED = N_("The e-mail or the password is not right.")
THROTTLED = N_("Too many failed sign-ins. Wait a minute and try again.")


def _safe_next(value: str | None) -> str:
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return url_for("workspace.home")


def _form(status: int = 200, message: str | None = None, email: str = ""):
    response = render_template("workspace/signin.html", message=message, email=email,
                               next=request.values.get("next", ""))
    return response, status, {"Cache-Control": "no-store"}


@bp.get("/signin")
def signin_form():
    return _form()


@bp.post("/signin")
def signin():
    web_access.csrf.protect()
    email = (request.form.get("email") or "").strip()
    password = request.form.get("password") or ""
    db = get_db()
    try:
        account = organisers.authenticate(db, email, password, request.remote_addr, now())
    except MinbarError as refusal:
        db.commit()     # the failure counts
        if refusal.code == "rate_limited":
            return _form(429, _(THROTTLED), email)
        return _form(401, _(FAILED), email)
    web_access.sign_in(account)
    return redirect(_safe_next(request.form.get("next")), code=303)


@bp.post("/signout")
def signout():
    web_access.csrf.protect()
    web_access.sign_out()
    return redirect(url_for("workspace.signin_form"), code=303)


@bp.get("/workspace")
def home():
    account = web_access.signed_in_account()
    if account is None:
        return redirect(url_for("workspace.signin_form", next=request.full_path.rstrip("?")), code=303)
    from conference import queries

    conferences = [c for c in queries.conferences(get_db()) if organisers.may_organise(account, c.slug)]
    return render_template("workspace/home.html", account=account, conferences=conferences)
