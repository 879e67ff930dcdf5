"""Who is calling the workspace: `flask.g.identity`, as `speakers.credentials` resolved it (an
organiser's link as `Authorization: Bearer` or signed in, or an organiser account signed in with
its password, whose writes carry the CSRF token). Who may is each route's guard's question
(`conference.guard`), answered by `speakers.policy`."""
from __future__ import annotations

from flask import g, jsonify, request

from speakers import organiser_session
from speakers.identity import ANONYMOUS, Identity
from speakers.organiser_models import OrganiserAccount

csrf = organiser_session.csrf
csrf_token = organiser_session.csrf_token


def init_app(app) -> None:
    from flask_wtf.csrf import CSRFError

    organiser_session.configure(app)

    @app.errorhandler(CSRFError)
    def csrf_refused(_error):
        if request.path.startswith("/api/"):
            return jsonify({"error": {"code": "forbidden",
                                      "message": "The CSRF token is missing or not valid."}}), 403
        from conference.web import _, render_error

        return render_error(403, _("This form has expired. Reload the page and try again."))


def identity() -> Identity:
    return getattr(g, "identity", None) or ANONYMOUS


def signed_in_account() -> OrganiserAccount | None:
    """The organiser account behind this request, when it is one (not a link)."""
    who = identity()
    if who.token_id and who.token_id.startswith("account:"):
        return organiser_session.account()
    return None


def actor(who: Identity) -> str:
    return who.label
