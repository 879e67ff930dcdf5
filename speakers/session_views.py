"""An organiser's open sessions: where, when, from which address and browser; end any of them.

| route | |
|---|---|
| `GET /api/v1/account/sessions` | the signed-in account's open sessions (JSON list; `current` marks this browser's) |
| `DELETE /api/v1/account/sessions/<id>` | ends one of them (200 `{"ended": id}`; 404 when it is not an open session of this account) |
| `GET /workspace/sessions` | the same as a page, each other session with an "End" button |
| `POST /workspace/sessions/<id>/end` | the page's form: ends it, 303 back to the page |

Only an organiser account signed in on this browser, for its own sessions (a link or a Bearer
token has none to manage: 401). Writes are checked like every account write: Flask-WTF's CSRF token
and the same-origin check (`speakers.credentials.resolve_request`).
"""
from __future__ import annotations

from flask import Blueprint, g, jsonify, redirect, render_template, url_for

from conference.errors import MinbarError
from conference.guard import guarded, nothing
from conference.web import get_db, now
from speakers import organiser_session, session_records

bp = Blueprint("account_sessions", __name__)

API = "/api/v1/account/sessions"


def _account():
    """The account whose sessions these are: signed in with its password on this very request."""
    account = organiser_session.account()
    who = g.get("identity")
    if account is None or who is None or who.token_id != f"account:{account.id}":
        raise MinbarError("unauthorized", "Sign in with your organiser account to see its sessions.")
    return account


def _no_account(_who):
    # A link or a Bearer token has no sessions of its own to manage: it is not signed in as an account.
    raise MinbarError("unauthorized", "Sign in with your organiser account to see its sessions.")


def _to_signin(_who):
    return redirect(url_for("workspace.signin_form", next="/workspace/sessions"), code=303)


def _open(account) -> list:
    return session_records.open_sessions(get_db(), account.id, now(), organiser_session.lifetime())


def _iso(moment) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def session_json(row) -> dict:
    return {"id": row.id, "current": row.id == g.get("browser_session_id"), "signed_in_at": _iso(row.created_at),
            "last_seen_at": _iso(row.last_seen_at), "address": row.address, "user_agent": row.user_agent}


def _end(account, session_id: int) -> None:
    db = get_db()
    if not session_records.end_one(db, account.id, session_id, now()):
        raise MinbarError("not_found", "There is no such open session of this account.")
    db.commit()


@bp.get(API)
@guarded("account.sessions", load=nothing, otherwise=_no_account)
def sessions_list(access):
    return jsonify([session_json(row) for row in _open(_account())])


@bp.delete(f"{API}/<int:session_id>")
@guarded("account.sessions", load=nothing, otherwise=_no_account)
def session_end(session_id: int, access):
    _end(_account(), session_id)
    return jsonify({"ended": session_id})


@bp.get("/workspace/sessions")
@guarded("account.sessions", load=nothing, otherwise=_to_signin)
def sessions_page(access):
    rows = _open(_account())
    return render_template("workspace/sessions.html", sessions=rows, current=g.get("browser_session_id")), 200, {"Cache-Control": "no-store"}


@bp.post("/workspace/sessions/<int:session_id>/end")
@guarded("account.sessions", load=nothing, otherwise=_no_account)
def sessions_page_end(session_id: int, access):
    _end(_account(), session_id)
    return redirect(url_for("account_sessions.sessions_page"), code=303)
