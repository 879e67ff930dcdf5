"""Signing in and out (HTTP).

| route | |
|---|---|
| any page `GET ...?token=TOKEN` | exchanges the link for the session cookie, 303 to the same address without `token` |
| `POST /signout` | clears the session (recorded in the audit log); 303 to `next` (a local path) or the home page; 204 for API clients |

The hook below resolves every request's caller once (`speakers.credentials`), into `g.identity`.
"""
from __future__ import annotations

from flask import Blueprint, redirect, request, url_for

from conference.guard import public
from conference.untrusted import local_path

from speakers import credentials

bp = Blueprint("signin", __name__)


@bp.record_once
def _configure(state) -> None:
    credentials.configure(state.app)


bp.before_app_request(credentials.resolve_request)


@bp.post("/signout")
@public
def signout():
    credentials.sign_out_recorded()
    if request.accept_mimetypes.best == "application/json":
        return "", 204
    return redirect(local_path(request.values.get("next")) or url_for("conference.home"), code=303)
